"""What a measure chart reads to fold its pixel columns itself: summaries and readings of a stretch of time.

The chart (phr.monitoring.chart_folding) keeps what it read of the view and its neighbours and folds
it per pixel column in memory at every pan, so it asks for wider stretches, seldom, as plain rows:

- summary rows of one size (an hour or a day): (bucket, n, vmin, vmax, v2min, v2max), every bucket
  of the stretch in bucket order; n counts every reading not deleted, flagged ones too;
- readings: (taken_at, value, value2, value3, flag code, id), not deleted, in time order as the
  index holds them; the caller puts readings at one moment in id order (ORDER BY taken_at, id has
  SQLite sort every row in a temporary tree: 0.3 s instead of 0.05 s for half a year of sensor readings);
- the span: the first and the last moment, from the ends of the index (ReadingRepository.span
  looks for the first and last hour among every hour summary: 60 ms for 30 years of hours);
- a change stamp: a number that differs after any write to the record, by this connection or
  another (total_changes() and PRAGMA data_version), so what was read is read again after a change.

Measures are named by their key (the schema stores a small integer; MEASURE_ID finds it).
In this folder rather than in repos/, which holds as many modules as a folder may (16).
"""

from phr.storage.database import Database, Row
from phr.storage.repos.reading_rows import MEASURE_ID


def buckets(db: Database, measure: str, size: int, first: int, last: int) -> list[Row]:
    """Summary rows of `size` seconds with first <= bucket <= last (bucket = taken_at // size)."""
    return db.query(f"SELECT bucket, n, vmin, vmax, v2min, v2max FROM reading_buckets WHERE measure_id = {MEASURE_ID} "
                    "AND size = ? AND bucket BETWEEN ? AND ? ORDER BY bucket", (measure, size, first, last))


def readings(db: Database, measure: str, first: int, last: int) -> list[Row]:
    """(taken_at, value, value2, value3, flag, id) of the readings with first <= taken_at <= last, by taken_at."""
    return db.query(f"SELECT taken_at, value, value2, value3, flag, id FROM readings WHERE measure_id = {MEASURE_ID} "
                    "AND deleted_at IS NULL AND taken_at BETWEEN ? AND ? ORDER BY taken_at", (measure, first, last))


def change_stamp(db: Database) -> tuple[int, int]:
    """Differs after every write: this connection's changes, and other connections' commits."""
    changes, version = db.query("SELECT total_changes(), (SELECT data_version FROM pragma_data_version())")[0]
    return int(changes), int(version)


def flagged(db: Database, measure: str) -> list[Row]:
    """(taken_at, flag code) of every sensor Low and High of a measure, in time order (a partial index holds them)."""
    return db.query(f"SELECT taken_at, flag FROM readings WHERE measure_id = {MEASURE_ID} AND flag > 0 "
                    "AND deleted_at IS NULL ORDER BY taken_at", (measure,))


def span(db: Database, measure: str) -> tuple[int, int] | None:
    """(first, last) taken_at of the readings not deleted: the ends of the one-reading-once index, a few rows."""
    within = (f"SELECT taken_at FROM readings WHERE measure_id = {MEASURE_ID} AND deleted_at IS NULL "
              "ORDER BY taken_at {order} LIMIT 1")
    first = db.query(within.format(order="ASC"), (measure,))
    last = db.query(within.format(order="DESC"), (measure,))
    return (int(first[0][0]), int(last[0][0])) if first and last else None
