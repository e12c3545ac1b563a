"""Regie's own file format: the whole record as JSON, lossless (see docs/json-format.md).

Every entry keeps its uid, its links (as uids) and its provenance, so exporting,
importing into a new record and exporting again gives the same content.
"""

import base64
import json
import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from phr import __version__
from phr.core.errors import InvalidInput
from phr.core.session import Session
from phr.formats.native import write_readings as native_json_readings
from phr.formats.native.schema import FORMAT, JSON_COLUMNS, PERSON_FIELDS, READING_COLUMNS, SECTIONS, VERSION
from phr.storage.atomic import write_atomic
from phr.storage.repos import documents as document_store
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.people import PersonDetailsRepository
from phr.storage.repos.tables import EntryTable


def export_record(session: Session, now: datetime | None = None) -> dict[str, Any]:
    authors = _Authors()
    person = PersonDetailsRepository(session.db).details()
    sections = {name: _entries(session, tables.BY_NAME[name], authors) for name in SECTIONS}
    batches = native_json_readings.export_batches(session, authors)  # after the sections: authors keep their refs
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "exported_by": f"Regie {__version__}",
        "person": {name: person[name] for name in PERSON_FIELDS},
        "sections": sections,
        "reading_columns": READING_COLUMNS,
        "reading_batches": batches,
        "reference_ranges": native_json_readings.export_ranges(session, batches),
    }
    doc["authors"] = authors.listing()
    return doc


class NotFiniteNumber(InvalidInput):
    """The record holds a NaN or ±Infinity (stored before Regie refused them): JSON has no such number, and
    another program would read the file's `Infinity` as an error. Nothing is written."""


def dumps(doc: dict[str, Any]) -> bytes:
    try:
        text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    except ValueError:
        raise NotFiniteNumber(f"The record holds a number that is not finite (infinity) in {_not_finite(doc)}. "
                              "Correct it in the app and export again. Nothing was written.") from None
    return text.encode("utf-8") + b"\n"


def _not_finite(part: dict[str, Any] | list[Any], where: tuple[str, ...] = ()) -> str:
    """Where the first NaN or ±Infinity of the document is, by section, entry number and field (never its value):
    'measure_targets, entry 2, target_high'; 'reading_batches, entry 1, readings, entry 5, value'."""
    if isinstance(part, dict):
        items: list[tuple[str, Any]] = [(str(key), value) for key, value in part.items()]
    elif where[-2:-1] == ("readings",):  # a reading row: its columns by name
        items = list(zip(READING_COLUMNS, part))
    else:
        items = [(f"entry {number}", value) for number, value in enumerate(part, 1)]
    for key, value in items:
        here = where if key == "sections" else (*where, key)
        if isinstance(value, float) and not math.isfinite(value):
            return ", ".join(here)
        if isinstance(value, (dict, list)) and (found := _not_finite(value, here)):
            return found
    return ""


def write_export(session: Session, path: Path) -> None:
    """Write the export atomically, readable only by the user. This file is NOT encrypted."""
    write_atomic(Path(path), dumps(export_record(session)))


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
