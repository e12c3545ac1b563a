"""Readings in Regie's own JSON format: per batch its provenance once, then compact rows; then the
reference ranges of lab results.

A million sensor readings as JSON objects would be several times larger than as rows
under one shared list of column names (schema.READING_COLUMNS).
"""

from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

from phr.core.session import Session
from phr.monitoring.lab_results import LabResultService
from phr.monitoring.readings import ReadingService
from phr.storage.repos.readings import ReadingRepository


class AuthorRefs(Protocol):
    """The short reference ('owner', 'carer-1', ...) the file gives each author."""

    def ref(self, role: str, name: str) -> str: ...


def export_batches(session: Session, authors: AuthorRefs) -> list[dict[str, Any]]:
    repo = ReadingRepository(session.db)
    return [{
        "uid": batch["uid"],
        "entered_by": authors.ref(batch["entered_by_role"], batch["entered_by_name"]),
        "source": batch["source"], "source_detail": batch["source_detail"], "created_at": batch["created_at"],
        "readings": [_row(reading, authors) for reading in repo.of_batch(batch["id"])],
    } for batch in repo.batches()]


def _row(reading: tuple[Any, ...], authors: AuthorRefs) -> list[Any]:
    taken_at, offset, measure, value, value2, value3, flag, method, context, note, changed_at, name, role = reading[:13]
    device = reading[13]    # DeviceFlag bits
    at = datetime.fromtimestamp(taken_at, timezone(timedelta(minutes=offset))).isoformat()
    changed_by = authors.ref(role, name) if changed_at else None
    return [at, measure, value, value2, value3, flag, method, context, note, changed_at, changed_by, device]


def export_ranges(session: Session, batches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every lab result's reference range; its `at` written exactly as its reading's `at` in `batches`, so a
    reader of the file sees which reading it belongs to."""
    ranges = LabResultService(session, ReadingService(session)).every_range()
    measures = {result.measure for result in ranges}
    written = {(row[1], int(datetime.fromisoformat(row[0]).timestamp())): row[0]
               for batch in batches for row in batch["readings"] if row[1] in measures}
    return [{"measure": result.measure,
             "at": written.get((result.measure, int(result.taken_at.timestamp())), result.taken_at.isoformat()),
             "low": result.reference.low, "high": result.reference.high, "text": result.reference.text or None}
            for result in ranges if result.reference is not None]
