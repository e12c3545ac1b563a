"""Readings in Regie's own JSON format: per batch its provenance once, then compact rows; then the
reference ranges of lab results.

A million sensor readings as JSON objects would be several times larger than as rows
under one shared list of column names (schema.READING_COLUMNS). The rows come from the record a chunk at a
time (phr.storage.streams.readings), so a lifetime's readings are never held at once; the ranges need the text of their
readings' times, which is noted while the rows go by (RangeTimes).
"""

from collections.abc import Iterator
from datetime import datetime
from itertools import islice
from typing import Any, Protocol

from phr.core.session import Session
from phr.monitoring.lab_results import LabResult, LabResultService
from phr.monitoring.readings import ReadingService
from phr.storage.repos.reading_rows import BatchReading
from phr.storage.repos.readings import ReadingRepository
from phr.storage.streams import readings as reading_stream

CHUNK = 5_000   # rows handed to the writer at a time
Row = list[Any]


class AuthorRefs(Protocol):
    """The short reference ('owner', 'carer-1', ...) the file gives each author."""

    def ref(self, role: str, name: str) -> str: ...


class RangeTimes:
    """The lab results' reference ranges, and the text the file gives each one's reading time: its `at` is
    written exactly as its reading's `at` in the batches, so a reader sees which reading it belongs to."""

    def __init__(self, session: Session):
        self.results: list[LabResult] = [result for result in LabResultService(session, ReadingService(session))
                                          .every_range() if result.reference is not None]
        self.wanted = {(result.measure, int(result.taken_at.timestamp())) for result in self.results}
        self.measures = {measure for measure, _ in self.wanted}
        self.written: dict[tuple[str, int], str] = {}

    def note(self, reading: BatchReading, at: str) -> None:
        key = (reading.measure, reading.taken_at)
        if key in self.wanted:
            self.written[key] = at

    def ranges(self) -> list[dict[str, Any]]:
        """Every range, once the batches have gone by."""
        return [{"measure": result.measure,
                 "at": self.written.get((result.measure, int(result.taken_at.timestamp())),
                                        result.taken_at.isoformat()),
                 "low": result.reference.low, "high": result.reference.high, "text": result.reference.text or None}
                for result in self.results if result.reference is not None]


def batches(session: Session, authors: AuthorRefs,
            times: RangeTimes) -> Iterator[tuple[dict[str, Any], Iterator[list[Row]]]]:
    """Per batch (oldest first): its provenance, and its reading rows in time order, a chunk at a time. Consume
    each batch's rows before the next batch."""
    db = session.db
    spans = reading_stream.batch_spans(db)
    moments = reading_stream.IsoMoments()
    for batch in ReadingRepository(db).batches():
        head = {"uid": batch["uid"], "entered_by": authors.ref(batch["entered_by_role"], batch["entered_by_name"]),
                "source": batch["source"], "source_detail": batch["source_detail"],
                "created_at": batch["created_at"]}
        readings = reading_stream.batch_readings(db, batch["id"], spans)
        yield head, _chunks(readings, authors, times, moments)


def export_batches(session: Session, authors: AuthorRefs, times: RangeTimes | None = None) -> list[dict[str, Any]]:
    """Every batch with all of its rows (a small record's; a large one is written by batches())."""
    return [{**head, "readings": [row for chunk in rows for row in chunk]}
            for head, rows in batches(session, authors, times or RangeTimes(session))]


def _chunks(readings: Iterator[BatchReading], authors: AuthorRefs, times: RangeTimes,
            moments: reading_stream.IsoMoments) -> Iterator[list[Row]]:
    lab_measures = times.measures
    while chunk := list(islice(readings, CHUNK)):
        rows = []
        for reading in chunk:
            at = moments(reading.taken_at, reading.utc_offset)
            if reading.measure in lab_measures:
                times.note(reading, at)
            rows.append(_row(reading, at, authors))
        yield rows


def _row(reading: tuple[Any, ...], at: str, authors: AuthorRefs) -> Row:
    _taken_at, _offset, measure, value, value2, value3, flag, method, context, note, changed_at, name, role = \
        reading[:13]
    changed_by = authors.ref(role, name) if changed_at else None
    return [at, measure, value, value2, value3, flag, method, context, note, changed_at, changed_by,
            reading[13]]


def export_ranges(session: Session, batches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every lab result's reference range, for batches made by export_batches without a RangeTimes."""
    times = RangeTimes(session)
    for batch in batches:
        for row in batch["readings"]:
            if row[1] in times.measures:
                key = (row[1], int(datetime.fromisoformat(row[0]).timestamp()))
                if key in times.wanted:
                    times.written[key] = row[0]
    return times.ranges()
