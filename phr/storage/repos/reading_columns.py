"""What a chart's pixel columns hold besides their lowest and highest reading: counts and sensor flags.

The envelope in readings.py gives per column the extremes; a chart that says "Readings: 9,408" and
marks a sensor's Low in a year's view also needs how many readings each column holds, and the
sensor's Low and High readings (few: read once per chart, then placed in columns in memory).
Columns are numbered as in readings._per_column: reading t (or a summary bucket's middle) falls
in column floor((t - first) * columns / (last - first)), kept within range.
"""

from collections import defaultdict

from phr.storage.database import Database
from phr.storage.repos.reading_rows import DAY, FLAGS, HOUR, MEASURE_ID


def column_of(at: float, first: int, last: int, columns: int) -> int:
    return min(columns - 1, max(0, int((at - first) * columns / max(1, last - first))))


def counts(db: Database, measure: str, first: int, last: int, columns: int) -> dict[int, int]:
    """Readings per column (flagged ones included); from the hour or day summaries when columns are wide."""
    width = (last - first) / max(1, columns)
    size = DAY if width >= DAY else HOUR if width >= HOUR else None
    if size:
        rows = db.query(f"SELECT bucket * ? + ? / 2, n FROM reading_buckets WHERE measure_id = {MEASURE_ID} "
                        "AND size = ? AND bucket BETWEEN ? AND ?",
                        (size, size, measure, size, first // size, last // size))
    else:
        rows = db.query(f"SELECT min(taken_at), count(*) FROM readings WHERE measure_id = {MEASURE_ID} "
                        "AND deleted_at IS NULL AND taken_at BETWEEN ? AND ? GROUP BY (taken_at - ?) * ? / ?",
                        (measure, first, last, first, columns, max(1, last - first)))
    found: dict[int, int] = defaultdict(int)
    for at, number in rows:
        found[column_of(at, first, last, columns)] += number
    return dict(found)


def flagged(db: Database, measure: str) -> list[tuple[int, str]]:
    """(taken_at, flag) of every sensor Low / High of a measure, in time order (from a partial index)."""
    rows = db.query(f"SELECT taken_at, flag FROM readings WHERE measure_id = {MEASURE_ID} AND flag > 0 "
                    "AND deleted_at IS NULL ORDER BY taken_at", (measure,))
    return [(at, FLAGS[code]) for at, code in rows]
