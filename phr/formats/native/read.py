"""Importing Regie's own JSON file: everything checked first, then written in one transaction.

Entries are matched by uid: what the record already holds is left alone, so importing
the same file twice adds nothing the second time. Each entry keeps the provenance it
had. Links point by uid to entries in the file or already in the record. Everything is
written through the services, as the file's own authors and times.
"""

import base64
import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby, islice
from operator import itemgetter
from typing import Any

from phr.core.entries import AsWas, EntryService, import_stamp
from phr.core.errors import ConstraintViolation, VaultError
from phr.core.session import Session
from phr.formats.errors import InvalidImport
from phr.formats.native import read_readings, read_stream
from phr.formats.native.read_check import Checker, entry_services, expect
from phr.formats.native.schema import FORMAT, JSON_COLUMNS, VERSION
from phr.formats.same_person import same_name
from phr.record import codings
from phr.record.services import RecordServices

__all__ = ["ImportSummary", "InvalidImport", "import_record", "parse"]

UNCHECKED = ("import_mappings",)  # saved CSV mappings come in as they were: no section rules for them here
BATCH = 500  # entries written together (a few statements for all of them); progress is told after each batch

# progress(done, total): entries written and reading rows checked and written, of all of them in the file; called
# between batches (of entries, of rows), on the importing thread.
Progress = Callable[[int, int], None]


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)


def parse(source: read_stream.Source | read_stream.RegieFile) -> dict[str, Any]:
    """The file's document, each batch's readings as read_stream.Rows and each section's entries as
    read_stream.Entries (they are read in passes)."""
    file = source if isinstance(source, read_stream.RegieFile) else read_stream.RegieFile(source)
    doc = file.document()  # its size, depth and text within limits
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidImport("The file is not a Regie record file.")
    if not isinstance(doc.get("version"), int) or doc["version"] < 1:
        raise InvalidImport("The file is a Regie record file without a valid version.")
    if doc["version"] > VERSION:
        raise InvalidImport("The file was made by a newer version of Regie. Update Regie to import it.")
    expect(isinstance(doc.get("sections"), dict) and isinstance(doc.get("person"), dict)
           and isinstance(doc.get("authors"), list), "its parts are missing")
    return doc


def import_record(session: Session, source: read_stream.Source, progress: Progress | None = None) -> ImportSummary:
    """`source`: the file's path (read in passes, in bounded memory whatever its size), a binary file object
    that can seek, or its bytes."""
    file = read_stream.RegieFile(source)
    doc = parse(file)
    services = RecordServices(session)
    told = progress or (lambda done, total: None)
    try:
        total = _Writer.steps(doc)
        in_order = Checker(services).check(doc, file.entries(), file.rows(), lambda done: told(done, total))
    except VaultError:
        raise
    except (ValueError, TypeError, KeyError, OverflowError, AttributeError):
        # Whatever else an odd file trips over while it is being checked: say so plainly.
        raise InvalidImport("The Regie record file holds values Regie cannot read. Nothing was imported.") from None
    _refuse_another_person(services, doc["person"])
    try:
        with session.db.transaction(), services.search.written_at_end():
            return _Writer(services, doc, file, progress).write(in_order)
    except ConstraintViolation as error:
        raise InvalidImport(f"Part of the file cannot be stored, so nothing was imported: {error}") from None


def _refuse_another_person(services: RecordServices, person: dict[str, Any]) -> None:
    """Merging another person's entries into this record would credit them to the wrong person."""
    ours = services.person.get().name
    theirs = person.get("name") or ""
    if same_name(ours, theirs) or not ours or not theirs:
        return
    raise InvalidImport("This file holds the record of another person (the name is different). Nothing was "
                        "imported. To start from this file, make a new record with the same name and import it there.")


class _Writer:
    """Inside the import's one transaction: the person, each section in order, then the readings."""

    def __init__(self, services: RecordServices, doc: dict[str, Any], file: read_stream.RegieFile,
                 progress: Progress | None = None) -> None:
        self._services = services
        self._doc = doc
        self._file = file
        self._progress = progress or (lambda done, total: None)
        self._total = self.steps(doc)
        self._done = _entries(doc) + _rows(doc)  # checked already
        self._waiting: list[tuple[dict[str, Any], str, AsWas]] = []  # of the section being written
        self._added: set[tuple[str, int]] = set()  # (section, id) this import added: alive, no need to ask
        self._stamp = import_stamp(services.session, "json_import", None)
        self._authors = {a["ref"]: services.person.author_id(a["role"], a["name"], self._stamp)
                         for a in doc["authors"]}
        self._sections = entry_services(services)
        self._ids: dict[tuple[str, str], int | None] = {}  # (section, uid) -> id here (None: deleted here)
        self.summary = ImportSummary()

    @staticmethod
    def steps(doc: dict[str, Any]) -> int:
        """What the progress counts to: each entry and each reading row checked and written."""
        return 2 * _entries(doc) + 2 * _rows(doc)

    def write(self, in_order: bool) -> ImportSummary:
        """`in_order`: the file's sections come in link order (as Regie writes them), so one pass over them
        writes them all; else a pass for each section, in link order."""
        self._services.person.fill_in(self._doc["person"], self._stamp)
        passes = [self._file.entries()] if in_order else [self._file.entries(name) for name in self._sections
                                                          if name in self._doc["sections"]]
        for entries in passes:
            for name, section in groupby(entries, key=itemgetter(0)):
                service = self._sections[name]
                # What the record holds of each batch's uids, asked once (a section links only to earlier ones,
                # all written before it; an earlier batch of this one is written before this is asked).
                while batch := [entry for _name, entry in islice(section, BATCH)]:
                    uids = [entry["uid"] for entry in batch]
                    known, purged = service.ids_of_uids(uids), service.deleted_for_good_among(uids)
                    for entry in batch:
                        self._entry(name, service, entry, known.get(entry["uid"]), entry["uid"] in purged)
                    self._done += len(batch)
                    self._write_waiting(name, service)
        readings = read_readings.store(self._services.readings, self._doc.get("reading_batches", []),
                                       self._file.rows(), self._authors, self._rows_written)
        ranges = read_readings.store_ranges(self._services.lab_results, self._doc.get("reference_ranges", []))
        for name, (added, present) in (("readings", readings), ("reference_ranges", ranges)):
            for counts, number in ((self.summary.added, added), (self.summary.already_present, present)):
                if number:
                    counts[name] = number
        return self.summary

    def _rows_written(self, count: int) -> None:
        self._done += count
        self._progress(self._done, self._total)

    def _write_waiting(self, name: str, service: EntryService[Any]) -> None:
        if self._waiting:
            ids = service.insert_many_as_was(self._waiting)
            for _, uid, _ in self._waiting:
                self._ids[(name, uid)] = ids[uid]
                self._added.add((name, ids[uid]))
            self._waiting = []
        self._progress(self._done, self._total)

    def _entry(self, name: str, service: EntryService[Any], entry: dict[str, Any], existing: int | None,
               purged: bool) -> None:
        """`existing`: the id of the entry with this uid here (deleted or not); `purged`: deleted here for good."""
        if (name, entry["uid"]) in self._ids:  # twice in the file: the first one stands
            _count(self.summary.already_present, name)
            return
        if existing is not None or purged:
            # Present, or deleted here on purpose: either way this record's state stands.
            self._ids[(name, entry["uid"])] = existing
            _count(self.summary.already_present, name)
            return
        table = service.table
        # A column the file does not have (a file from before it existed) takes the entry's default.
        defaults = service.to_values(service.item_type())
        values = {column: self._resolved(name, column, entry[column]) if column in entry else defaults.get(column)
                  for column in table.columns}
        if table.parent and values[table.parent] is None:
            _count(self.summary.already_present, name)  # its parent was deleted here
            return
        if name not in UNCHECKED:
            _check_rules(name, service, values)
        prov = entry["provenance"]
        as_was = AsWas(self._authors[prov["entered_by"]], self._authors[prov["changed_by"]],
                       prov.get("source") or "typed", prov.get("source_detail"), prov["created_at"], prov["changed_at"])
        _count(self.summary.added, name)
        if name == "documents":  # with its content: one at a time
            self._ids[(name, entry["uid"])] = service.insert_as_was(values, entry["uid"], as_was, _content(entry))
            return
        self._ids[(name, entry["uid"])] = None  # written with its batch; None until then (a duplicate is seen)
        self._waiting.append((values, entry["uid"], as_was))

    def _resolved(self, name: str, column: str, value: Any) -> Any:
        """The id a link points to; None when that entry was deleted in this record. The codes as the record
        keeps them (JSON text)."""
        references = self._sections[name].table.references
        if column in JSON_COLUMNS:
            return codings.to_text(codings.from_text(value))
        if value is None or column not in references:
            return value
        target = self._sections[references[column]]
        key = (references[column], value)
        if key not in self._ids:
            expect(target.id_of_uid(value) is not None or target.was_deleted_for_good(value),
                   f"a link in {name} points to an entry that is not there")
            self._ids[key] = target.live_id_of_uid(value)
        found = self._ids[key]
        alive = found is not None and ((references[column], found) in self._added or target.get(found) is not None)
        return found if alive else None


def _entries(doc: dict[str, Any]) -> int:
    return sum(entries.count for entries in doc["sections"].values() if isinstance(entries, read_stream.Entries))


def _rows(doc: dict[str, Any]) -> int:
    batches = doc.get("reading_batches")
    return sum(batch["readings"].count for batch in batches if isinstance(batch, dict)
               and isinstance(batch.get("readings"), read_stream.Rows)) if isinstance(batches, list) else 0


def _count(counts: dict[str, int], name: str) -> None:
    counts[name] = counts.get(name, 0) + 1


def _check_rules(name: str, service: EntryService[Any], values: dict[str, Any]) -> None:
    """The section's own rules (HGVS, ICD-10, stop after start, ...), as when typed in."""
    defaults = {f.name: f.default for f in dataclasses.fields(service.item_type)}
    shown = {k: codings.from_text(v) if k in JSON_COLUMNS else v for k, v in values.items()}
    item = service.item_type(**{k: defaults[k] if v is None else v for k, v in shown.items() if k in defaults})
    errors = service.validate(item)
    if errors:
        problems = ", ".join(f"{e.field} ({e.problem})" for e in errors)
        raise InvalidImport(f"An entry in {name} breaks Regie's rules: {problems}. Nothing was imported.")


def _content(entry: dict[str, Any]) -> bytes:
    try:
        content = base64.b64decode(entry.get("content_base64", ""), validate=True)
    except (ValueError, TypeError):
        raise InvalidImport("The Regie record file is damaged: a document's content is unreadable.") from None
    expect(hashlib.sha256(content).hexdigest() == entry.get("sha256") and len(content) == entry.get("size"),
           "a document's content does not match its checksum")
    return content
