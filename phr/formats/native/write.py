"""Regie's own file format: the whole record as JSON, lossless (see docs/json-format.md).

Every entry keeps its uid, its links (as uids) and its provenance, so exporting,
importing into a new record and exporting again gives the same content.
"""

import base64
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from phr import __version__
from phr.core.errors import InvalidInput
from phr.core.session import Session
from phr.formats.native import write_readings as native_json_readings
from phr.formats.native.schema import FORMAT, JSON_COLUMNS, PERSON_FIELDS, READING_COLUMNS, SECTIONS, VERSION
from phr.formats.native.write_stream import NotFinite, RowList, StreamedList, StreamedObject, not_finite, write_document
from phr.storage.atomic import replace_atomically
from phr.storage.repos import documents as document_store
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.people import PersonDetailsRepository
from phr.storage.repos.tables import EntryTable


def export_record(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """The whole record as one document (a small record's: a large one is written by write_export, in parts)."""
    authors = _Authors()
    doc = _head(session, authors, now)
    times = native_json_readings.RangeTimes(session)
    doc["reading_batches"] = native_json_readings.export_batches(session, authors, times)  # after the sections:
    doc["reference_ranges"] = times.ranges()                                                # authors keep their refs
    doc["authors"] = authors.listing()
    return doc


def _head(session: Session, authors: "_Authors", now: datetime | None) -> dict[str, Any]:
    person = PersonDetailsRepository(session.db).details()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "exported_by": f"Regie {__version__}",
        "person": {name: person[name] for name in PERSON_FIELDS},
        "sections": {name: _entries(session, tables.BY_NAME[name], authors) for name in SECTIONS},
        "reading_columns": READING_COLUMNS,
    }


class NotFiniteNumber(InvalidInput):
    """The record holds a NaN or ±Infinity (stored before Regie refused them): JSON has no such number, and
    another program would read the file's `Infinity` as an error. Nothing is written."""

    def __init__(self, where: str):
        super().__init__(f"The record holds a number that is not finite (infinity) in {where}. "
                         "Correct it in the app and export again. Nothing was written.")


def dumps(doc: dict[str, Any]) -> bytes:
    try:
        text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    except ValueError:
        raise NotFiniteNumber(not_finite(doc)) from None
    return text.encode("utf-8") + b"\n"


def write_export(session: Session, path: Path, now: datetime | None = None) -> None:
    """Write the export atomically, readable only by the user. This file is NOT encrypted. Written in parts (the
    readings a chunk at a time): any size of record in bounded memory."""
    authors = _Authors()
    times = native_json_readings.RangeTimes(session)

    def batches() -> Iterator[StreamedObject]:
        for head, rows in native_json_readings.batches(session, authors, times):
            yield StreamedObject([*head.items(), ("readings", RowList(rows))])

    def document() -> StreamedObject:
        return StreamedObject([*_head(session, authors, now).items(), ("reading_batches", StreamedList(batches())),
                               ("reference_ranges", times.ranges), ("authors", authors.listing)])

    def fill(fd: int) -> None:
        try:
            write_document(fd, document())
        except NotFinite as error:
            raise NotFiniteNumber(error.where) from None

    replace_atomically(Path(path), fill)


def _entries(session: Session, table: EntryTable, authors: "_Authors") -> list[dict[str, Any]]:
    repo = EntryRepository(session.db, table)
    uid_of = {name: _uids(session, target) for name, target in table.references.items()}
    entries = []
    for row in repo.rows():
        entry: dict[str, Any] = {"uid": row["uid"]}
        for column in table.columns:
            value = row[column]
            entry[column] = uid_of[column].get(value) if column in table.references and value is not None else value
            if column in JSON_COLUMNS and value is not None:
                entry[column] = json.loads(value)  # the codes as a list in the file, not as text in text
        entry["provenance"] = {
            "entered_by": authors.ref(row["entered_by_role"], row["entered_by_name"]),
            "changed_by": authors.ref(row["changed_by_role"], row["changed_by_name"]),
            "source": row["source"], "source_detail": row["source_detail"],
            "created_at": row["created_at"], "changed_at": row["changed_at"],
        }
        if table is tables.DOCUMENTS:
            content = document_store.read_content(session.db, row["id"]) or b""
            entry["content_base64"] = base64.b64encode(content).decode("ascii")
        entries.append(entry)
    return entries


def _uids(session: Session, table_name: str) -> dict[int, str]:
    return {row["id"]: row["uid"] for row in EntryRepository(session.db, tables.BY_NAME[table_name]).rows()}


class _Authors:
    """Who entered what, by a short reference: 'owner', 'carer-1', ..."""

    def __init__(self) -> None:
        self._refs: dict[tuple[str, str], str] = {}

    def ref(self, role: str, name: str) -> str:
        key = (role, name)
        if key not in self._refs:
            self._refs[key] = "owner" if role == "owner" else f"carer-{sum(r != 'owner' for r, _ in self._refs) + 1}"
        return self._refs[key]

    def listing(self) -> list[dict[str, str]]:
        return [{"ref": ref, "role": role, "name": name} for (role, name), ref in self._refs.items()]
