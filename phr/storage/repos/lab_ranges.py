"""The reference ranges a lab gave with its results: one per reading, keyed like the reading (measure, time).

Kept beside the readings table, so the millions of sensor readings carry nothing extra.
"""

from collections.abc import Iterable
from typing import NamedTuple

from phr.storage.database import Database
from phr.storage.repos.reading_rows import CODES, MEASURE_ID


class RangeRow(NamedTuple):
    measure: str
    taken_at: int          # UTC epoch seconds, as the reading's
    low: float | None
    high: float | None
    text: str | None


class RangedReadingRow(NamedTuple):
    """A reading of one method with the range stored with it (low, high and text None when it has none)."""

    taken_at: int          # UTC epoch seconds
    utc_offset: int        # minutes east of UTC where it was taken
    value: float
    note: str | None
    low: float | None
    high: float | None
    text: str | None


def store(db: Database, rows: Iterable[RangeRow]) -> int:
    """Store (or replace) ranges; the caller's transaction holds them together with their readings."""
    return db.executemany("INSERT OR REPLACE INTO reference_ranges (measure, taken_at, low, high, text) "
                          "VALUES (?, ?, ?, ?, ?)", [tuple(row) for row in rows])


def of_measure(db: Database, measure: str) -> dict[int, RangeRow]:
    """taken_at -> range, for every result of one measure that came with a range."""
    rows = db.query("SELECT measure, taken_at, low, high, text FROM reference_ranges WHERE measure = ?", (measure,))
    return {row[1]: RangeRow(*row) for row in rows}


def every(db: Database) -> list[RangeRow]:
    """All ranges of results still in the record (a deleted reading's range stays hidden), oldest first."""
    rows = db.query("SELECT r.measure, r.taken_at, r.low, r.high, r.text FROM reference_ranges r "
                    "WHERE EXISTS (SELECT 1 FROM readings x JOIN reading_measures m ON m.id = x.measure_id "
                    "WHERE m.key = r.measure AND x.taken_at = r.taken_at "
                    "AND x.deleted_at IS NULL) ORDER BY r.measure, r.taken_at")
    return [RangeRow(*row) for row in rows]


def readings_by_method(db: Database, measure: str, method: str) -> list[RangedReadingRow]:
    """The measure's readings taken by one method (a ReadingMethod word: 'lab'), not deleted, newest first, each
    with its range: a lab's HbA1c or glucose among years of the person's own readings.

    The partial index readings_by_lab (schema 7) holds only lab readings, so this does not walk a sensor's millions
    (0.31 s at 3 million sensor readings without it, well under a millisecond with it)."""
    rows = db.query("SELECT r.taken_at, r.utc_offset, r.value, r.note, g.low, g.high, g.text FROM readings r "
                    "LEFT JOIN reference_ranges g ON g.measure = ? AND g.taken_at = r.taken_at "
                    f"WHERE r.measure_id = {MEASURE_ID} AND r.method = ? AND r.deleted_at IS NULL "
                    "AND r.value IS NOT NULL "
                    "ORDER BY r.taken_at DESC, r.id DESC", (measure, measure, CODES["method"][method]))
    return [RangedReadingRow(*row) for row in rows]
