"""Importing Regie's own JSON file: everything checked first, then written in one transaction.

Entries are matched by uid: what the record already holds is left alone, so importing
the same file twice adds nothing the second time. Each entry keeps the provenance it
had. Links point by uid to entries in the file or already in the record.
"""

import base64
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from phr.core import partial_date
from phr.core.clock import utc_now
from phr.core.entries import SOURCES
from phr.core.errors import ConstraintViolation, InvalidInput, VaultError
from phr.formats.native import read_readings as native_json_readings
from phr.formats.native.schema import FORMAT, PERSON_FIELDS, VERSION
from phr.monitoring.custom_measures import MeasureService
from phr.monitoring.measures import CATALOGUE
from phr.record.appointments import is_time
from phr.record.services import RecordServices
from phr.storage.repos import documents as document_store
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository, was_purged
from phr.storage.repos.people import AuthorRepository, PersonDetailsRepository

DATE_COLUMNS = {"birth_date", "noted_on", "diagnosed_on", "genetic_test_date", "start_date", "review_date",
                "evaluated_on", "stop_date", "changed_on", "document_date"}
MAX_FILE_BYTES = 512 * 1024 * 1024


def section_rules(services) -> dict:
    """table -> (entry type, validate) of every section, so an import meets the same rules as typing."""
    s = services
    pairs = {
        "contacts": s.care_team, "allergies": s.allergies, "diagnoses": s.diagnoses, "appointments": s.appointments,
        "questions": s.appointments.question_entries, "goals": s.care_plan,
        "goal_evaluations": s.care_plan.evaluation_entries, "medications": s.medications,
        "medication_changes": s.medications.change_entries, "documents": s.documents, "measures": s.measures,
        "measure_targets": s.targets, "monitoring_plans": s.plans, "diary": s.diary,
    }
    return {name: (service.item_type, service.validate) for name, service in pairs.items()}


def _is_timestamp(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value) is not None
    except ValueError:
        return False


class InvalidImport(InvalidInput):
    """The file is not a Regie record file, or part of it cannot be stored. Nothing was changed."""


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)


def parse(data: bytes) -> dict:
    if len(data) > MAX_FILE_BYTES:
        raise InvalidImport("The file is too large to be a Regie record file.")
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidImport("The file is not a Regie record file (it is not valid JSON).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidImport("The file is not a Regie record file.")
    if not isinstance(doc.get("version"), int) or doc["version"] < 1:
        raise InvalidImport("The file is a Regie record file without a valid version.")
    if doc["version"] > VERSION:
        raise InvalidImport("The file was made by a newer version of Regie. Update Regie to import it.")
    _expect(isinstance(doc.get("sections"), dict) and isinstance(doc.get("person"), dict)
            and isinstance(doc.get("authors"), list), "its parts are missing")
    return doc


def import_record(session, data: bytes) -> ImportSummary:
    doc = parse(data)
    try:
        _Checker(session).check(doc)
    except VaultError:
        raise
    except (ValueError, TypeError, KeyError, OverflowError, AttributeError):
        # Whatever else an odd file trips over while it is being checked: say so plainly.
        raise InvalidImport("The Regie record file holds values Regie cannot read. Nothing was imported.") from None
    _refuse_another_person(session, doc["person"])
    try:
        with session.db.transaction():
            return _Writer(session, doc).write()
    except ConstraintViolation as error:
        raise InvalidImport(f"Part of the file cannot be stored, so nothing was imported: {error}") from None


def _refuse_another_person(session, person: dict) -> None:
    """Merging another person's entries into this record would credit them to the wrong person."""
    ours = PersonDetailsRepository(session.db).details()["name"] or ""
    theirs = person.get("name") or ""
    if _same_name(ours, theirs) or not ours or not theirs:
        return
    raise InvalidImport("This file holds the record of another person (the name is different). Nothing was "
                        "imported. To start from this file, make a new record with the same name and import it there.")


def _same_name(first: str, second: str) -> bool:
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise InvalidImport(f"The Regie record file is damaged: {what}.")


class _Checker:
    """Types, dates and references, before anything is written."""

    def __init__(self, session):
        self._session = session

    def check(self, doc: dict) -> None:
        _expect(all(isinstance(a, dict) and a.get("role") in ("owner", "carer") and isinstance(a.get("name"), str)
                    and isinstance(a.get("ref"), str) for a in doc["authors"]), "an author is not described")
        refs = [a["ref"] for a in doc["authors"]]
        _expect(len(set(refs)) == len(refs), "two authors share a reference")
        _expect(set(doc["sections"]) <= set(tables.BY_NAME), "it holds an unknown section")
        self._person(doc["person"])
        known = set(CATALOGUE) | {m.get("key") for m in doc["sections"].get("measures", []) if isinstance(m, dict)}
        known |= {m.key for m in MeasureService(self._session).all()}
        native_json_readings.check(doc.get("reading_batches", []), set(refs), known, _expect)
        for name, entries in doc["sections"].items():
            _expect(isinstance(entries, list), f"section {name} is not a list")
            types = tables.column_types(self._session.db, name)
            for number, entry in enumerate(entries, 1):
                self._entry(tables.BY_NAME[name], entry, types, refs, f"{name} entry {number}")

    def _person(self, person: dict) -> None:
        _expect(set(person) <= set(PERSON_FIELDS), "the person holds unknown fields")
        _expect(all(v is None or isinstance(v, str) for v in person.values()), "a person field is not text")
        _expect(not person.get("birth_date") or partial_date.normalise_or_none(person["birth_date"])
                == person["birth_date"], "the date of birth is not a date")

    def _entry(self, table, entry, types: dict, refs: set, where: str) -> None:
        _expect(isinstance(entry, dict) and isinstance(entry.get("uid"), str) and entry["uid"], f"{where} has no uid")
        _expect(set(entry) - {"uid", "provenance", "content_base64"} <= set(table.columns),
                f"{where} holds unknown fields")
        for column in table.columns:
            self._value(column, entry.get(column), types[column], table, where)
        provenance = entry.get("provenance")
        _expect(isinstance(provenance, dict) and provenance.get("entered_by") in refs
                and provenance.get("changed_by") in refs and _is_timestamp(provenance.get("created_at"))
                and _is_timestamp(provenance.get("changed_at")) and provenance.get("source", "typed") in SOURCES
                and isinstance(provenance.get("source_detail"), (str, type(None))), f"{where} has no valid provenance")

    def _value(self, column: str, value, declared: str, table, where: str) -> None:
        if value is None:
            return
        if column in table.references:
            _expect(isinstance(value, str), f"{where}: {column} is not a link")
            return
        expected = {"TEXT": str, "INTEGER": int, "REAL": (int, float)}.get(declared, object)
        _expect(isinstance(value, expected) and not isinstance(value, bool), f"{where}: {column} has the wrong type")
        _expect(not isinstance(value, int) or -2**63 <= value < 2**63, f"{where}: {column} is too large")
        if column in DATE_COLUMNS:
            _expect(partial_date.normalise_or_none(value) == value, f"{where}: {column} is not a date")
        if column == "starts_at":
            _expect(is_time(value), f"{where}: {column} is not a date and time")


class _Writer:
    def __init__(self, session, doc: dict):
        self._session = session
        self._doc = doc
        self._authors = self._author_ids(doc["authors"])
        self._ids: dict[tuple[str, str], int | None] = {}  # (table, uid) -> id here (None: deleted here)
        self._rules = section_rules(RecordServices(session))
        self.summary = ImportSummary()

    def _author_ids(self, listing: list[dict]) -> dict[str, int]:
        people = AuthorRepository(self._session.db)
        owner = people.owner().id
        return {a["ref"]: owner if a["role"] == "owner" else people.carer_named(a["name"], utc_now()) for a in listing}

    def write(self) -> ImportSummary:
        self._person(self._doc["person"])
        for table in tables.ALL:
            for entry in self._doc["sections"].get(table.name, []):
                self._entry(table, entry)
        added, present = native_json_readings.store(self._session, self._doc.get("reading_batches", []),
                                                    self._authors)
        for counts, number in ((self.summary.added, added), (self.summary.already_present, present)):
            if number:
                counts["readings"] = number
        return self.summary

    def _person(self, person: dict) -> None:
        """Fill in what the record does not know yet; what it knows stays."""
        repo = PersonDetailsRepository(self._session.db)
        current = repo.details()
        missing = {name: value for name, value in person.items()
                   if value and (not current[name] or current[name] == "unknown")}
        if missing:
            repo.update(missing, self._session.author.id, utc_now())

    def _entry(self, table, entry: dict) -> None:
        repo = EntryRepository(self._session.db, table)
        existing = repo.id_of_uid(entry["uid"])
        if existing is not None or was_purged(self._session.db, entry["uid"]):
            # Present, or deleted here on purpose: either way this record's state stands.
            self._ids[(table.name, entry["uid"])] = existing
            self._count(self.summary.already_present, table.name)
            return
        values = {column: self._resolved(table, column, entry.get(column)) for column in table.columns}
        if table.parent and values[table.parent] is None:
            self._count(self.summary.already_present, table.name)  # its parent was deleted here
            return
        self._check_rules(table, values)
        content = self._content(entry) if table is tables.DOCUMENTS else None
        prov = entry["provenance"]
        item_id = repo.insert_as_was(values, entry["uid"], self._authors[prov["entered_by"]],
                                     self._authors[prov["changed_by"]], prov.get("source") or "typed",
                                     prov.get("source_detail"), prov["created_at"], prov["changed_at"])
        if content is not None:
            document_store.store_content(self._session.db, item_id, content)
        self._ids[(table.name, entry["uid"])] = item_id
        self._count(self.summary.added, table.name)

    @staticmethod
    def _count(counts: dict, name: str) -> None:
        counts[name] = counts.get(name, 0) + 1

    def _resolved(self, table, column: str, value):
        """The id a link points to; None when that entry was deleted in this record."""
        if value is None or column not in table.references:
            return value
        target = tables.BY_NAME[table.references[column]]
        key = (target.name, value)
        if key not in self._ids:
            repo = EntryRepository(self._session.db, target)
            _expect(repo.id_of_uid(value) is not None or was_purged(self._session.db, value),
                    f"a link in {table.name} points to an entry that is not there")
            found = repo.by_uid(value)  # not deleted
            self._ids[key] = found["id"] if found else None
        return self._ids[key] if self._is_live(target, self._ids[key]) else None

    def _is_live(self, table, item_id) -> bool:
        return item_id is not None and EntryRepository(self._session.db, table).get(item_id) is not None

    def _check_rules(self, table, values: dict) -> None:
        """The section's own rules (HGVS, ICD-10, stop after start, ...), as when typed in."""
        rule = self._rules.get(table.name)
        if rule is None:
            return
        item_type, validate = rule
        defaults = {f.name: f.default for f in dataclasses.fields(item_type)}
        errors = validate(item_type(**{k: defaults[k] if v is None else v for k, v in values.items() if k in defaults}))
        if errors:
            problems = ", ".join(f"{e.field} ({e.problem})" for e in errors)
            raise InvalidImport(f"An entry in {table.name} breaks Regie's rules: {problems}. Nothing was imported.")

    def _content(self, entry: dict) -> bytes:
        try:
            content = base64.b64decode(entry.get("content_base64", ""), validate=True)
        except (ValueError, TypeError):
            raise InvalidImport("The Regie record file is damaged: a document's content is unreadable.") from None
        _expect(hashlib.sha256(content).hexdigest() == entry.get("sha256") and len(content) == entry.get("size"),
                "a document's content does not match its checksum")
        return content
