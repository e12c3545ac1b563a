"""Importing Regie's own JSON file: everything checked first, then written in one transaction.

Entries are matched by uid: what the record already holds is left alone, so importing
the same file twice adds nothing the second time. Each entry keeps the provenance it
had. Links point by uid to entries in the file or already in the record.
"""

import base64
import hashlib
import json
from dataclasses import dataclass, field

from phr import partial_date
from phr.errors import ConstraintViolation, InvalidInput
from phr.export.native_json import FORMAT, PERSON_FIELDS, VERSION
from phr.storage.repos import documents as document_store
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.people import AuthorRepository, PersonDetailsRepository
from phr.storage.vault import utc_now

DATE_COLUMNS = {"birth_date", "noted_on", "diagnosed_on", "genetic_test_date", "start_date", "review_date",
                "evaluated_on", "stop_date", "changed_on", "document_date"}
MAX_FILE_BYTES = 512 * 1024 * 1024


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
    _Checker(session).check(doc)
    try:
        with session.db.transaction():
            return _Writer(session, doc).write()
    except ConstraintViolation as error:
        raise InvalidImport(f"Part of the file cannot be stored, so nothing was imported: {error}") from None


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise InvalidImport(f"The Regie record file is damaged: {what}.")


class _Checker:
    """Types, dates and references, before anything is written."""

    def __init__(self, session):
        self._session = session

    def check(self, doc: dict) -> None:
        refs = {a.get("ref") for a in doc["authors"] if isinstance(a, dict)}
        _expect(all(isinstance(a, dict) and a.get("role") in ("owner", "carer") and isinstance(a.get("name"), str)
                    for a in doc["authors"]), "an author is not described")
        _expect(set(doc["sections"]) <= set(tables.BY_NAME), "it holds an unknown section")
        self._person(doc["person"])
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
                and provenance.get("changed_by") in refs and isinstance(provenance.get("created_at"), str)
                and isinstance(provenance.get("changed_at"), str), f"{where} has no valid provenance")

    def _value(self, column: str, value, declared: str, table, where: str) -> None:
        if value is None:
            return
        if column in table.references:
            _expect(isinstance(value, str), f"{where}: {column} is not a link")
            return
        expected = {"TEXT": str, "INTEGER": int, "REAL": (int, float)}.get(declared, object)
        _expect(isinstance(value, expected) and not isinstance(value, bool), f"{where}: {column} has the wrong type")
        if column in DATE_COLUMNS:
            _expect(partial_date.normalise_or_none(value) == value, f"{where}: {column} is not a date")


class _Writer:
    def __init__(self, session, doc: dict):
        self._session = session
        self._doc = doc
        self._authors = self._author_ids(doc["authors"])
        self._ids: dict[tuple[str, str], int] = {}  # (table, uid) -> id in this record
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
        if existing is not None:
            self._ids[(table.name, entry["uid"])] = existing
            self.summary.already_present[table.name] = self.summary.already_present.get(table.name, 0) + 1
            return
        values = {column: self._resolved(table, column, entry.get(column)) for column in table.columns}
        content = self._content(entry) if table is tables.DOCUMENTS else None
        prov = entry["provenance"]
        item_id = repo.insert_as_was(values, entry["uid"], self._authors[prov["entered_by"]],
                                     self._authors[prov["changed_by"]], prov.get("source") or "typed",
                                     prov.get("source_detail"), prov["created_at"], prov["changed_at"])
        if content is not None:
            document_store.store_content(self._session.db, item_id, content)
        self._ids[(table.name, entry["uid"])] = item_id
        self.summary.added[table.name] = self.summary.added.get(table.name, 0) + 1

    def _resolved(self, table, column: str, value):
        if value is None or column not in table.references:
            return value
        target = table.references[column]
        item_id = self._ids.get((target, value))
        if item_id is None:
            item_id = EntryRepository(self._session.db, tables.BY_NAME[target]).id_of_uid(value)
        _expect(item_id is not None, f"a link in {table.name} points to an entry that is not there")
        return item_id

    def _content(self, entry: dict) -> bytes:
        try:
            content = base64.b64decode(entry.get("content_base64", ""), validate=True)
        except (ValueError, TypeError):
            raise InvalidImport("The Regie record file is damaged: a document's content is unreadable.") from None
        _expect(hashlib.sha256(content).hexdigest() == entry.get("sha256") and len(content) == entry.get("size"),
                "a document's content does not match its checksum")
        return content
