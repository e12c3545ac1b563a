"""The reference ranges a lab gave with its results: one per reading, keyed like the reading (measure, time).

Kept beside the readings table, so the millions of sensor readings carry nothing extra.
"""

from collections.abc import Iterable
from typing import NamedTuple

from phr.storage.database import Database


class RangeRow(NamedTuple):
    measure: str
    taken_at: int          # UTC epoch seconds, as the reading's
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
                    "WHERE EXISTS (SELECT 1 FROM readings x WHERE x.measure = r.measure AND x.taken_at = r.taken_at "
                    "AND x.deleted_at IS NULL) ORDER BY r.measure, r.taken_at")
    return [RangeRow(*row) for row in rows]
