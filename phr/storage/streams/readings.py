"""A batch's readings streamed from the record a chunk at a time, in time order: Regie's own JSON file of a
lifetime's readings (3.2 million in one sensor batch) is written without ever holding a batch whole.

How, without an index on the batch: per measure, the readings_once index (measure, time, ...) is read over the
span of times the batch has of that measure, a chunk at a time (keyset paging on time and id: SQLite sorts only
the readings of one moment, so a chunk costs its own rows), and the batch's measures are merged by (time, id):
the order ReadingRepository.of_batch gives. The spans come from one pass over the table (batch_spans).
"""

from collections.abc import Iterator
from datetime import date
from heapq import merge
from operator import itemgetter

from phr.storage.database import Database
from phr.storage.repos.reading_rows import CONTEXTS, FLAGS, METHODS, BatchReading

CHUNK = 10_000
_ID_RANGE = 20_000   # readings summed up at a time by batch_spans
# Per batch: (measure key, measure id, first moment, last moment) of its readings that are not deleted.
Spans = dict[int, list[tuple[str, int, int, int]]]
_new = tuple.__new__   # a NamedTuple from a tuple without its Python-level __new__
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_AUTHOR = "CASE WHEN a.role = 'owner' THEN p.name ELSE a.name END, a.role"


def batch_spans(db: Database) -> Spans:
    """Per batch, per measure, the first and last moment of its readings (deleted ones left out). Summed up a
    range of ids at a time: one GROUP BY over the whole table would sort all of its rows in memory."""
    found: dict[tuple[int, int], list[int]] = {}
    last_id = db.query_one("SELECT max(id) FROM readings")
    for start in range(0, (last_id[0] if last_id and last_id[0] is not None else -1) + 1, _ID_RANGE):
        for batch, measure, first, last in db.query(
                "SELECT batch_id, measure_id, min(taken_at), max(taken_at) FROM readings "
                "WHERE id BETWEEN ? AND ? AND deleted_at IS NULL GROUP BY batch_id, measure_id",
                (start, start + _ID_RANGE - 1)):
            span = found.setdefault((batch, measure), [first, last])
            span[0], span[1] = min(span[0], first), max(span[1], last)
    keys: dict[int, str] = {measure: key for measure, key in db.query("SELECT id, key FROM reading_measures")}
    spans: Spans = {}
    for (batch, measure), (first, last) in sorted(found.items(), key=lambda item: keys[item[0][1]]):
        spans.setdefault(batch, []).append((keys[measure], measure, first, last))
    return spans


def batch_readings(db: Database, batch_id: int, spans: Spans, chunk: int = CHUNK) -> Iterator[BatchReading]:
    """The batch's readings in time order (then in the order they were stored), `chunk` rows per query."""
    authors = _authors(db)
    streams = [_measure_readings(db, batch_id, *span, chunk, authors) for span in spans.get(batch_id, [])]
    if len(streams) == 1:
        ordered: Iterator[tuple[int, int, BatchReading]] = streams[0]
    else:
        ordered = merge(*streams, key=itemgetter(0, 1))
    return map(itemgetter(2), ordered)


def _authors(db: Database) -> dict[int | None, tuple[str | None, str | None]]:
    """(name, role) per author id, the owner by the person's name (a few rows: joined here, not per reading)."""
    found: dict[int | None, tuple[str | None, str | None]] = {None: (None, None)}
    for author, name, role in db.query(f"SELECT a.id, {_AUTHOR} FROM authors a CROSS JOIN person p"):
        found[author] = (name, role)
    return found


def _measure_readings(db: Database, batch_id: int, key: str, measure: int, first: int, last: int, chunk: int,
                      authors: dict[int | None, tuple[str | None, str | None]]
                      ) -> Iterator[tuple[int, int, BatchReading]]:
    """(time, id, reading) of the batch's readings of one measure between `first` and `last`, in that order."""
    after = (first - 1, -1)
    flags, methods, contexts, nobody = FLAGS, METHODS, CONTEXTS, (None, None)
    while True:
        rows = db.query(
            "SELECT taken_at, utc_offset, value, value2, value3, flag, method, context, note, changed_at, changed_by, "
            "device_flags, id FROM readings "
            # taken_at >= the last one read, not >= first: SQLite starts the index range there (from `first`,
            # every chunk would read the span again from its start).
            "WHERE measure_id = ? AND taken_at >= ? AND taken_at <= ? AND (taken_at, id) > (?, ?) "
            "AND batch_id = ? AND deleted_at IS NULL "
            f"ORDER BY taken_at, id LIMIT {int(chunk)}", (measure, after[0], last, *after, batch_id))
        yield from ((at, row_id, _new(BatchReading, (at, offset, key, value, value2, value3, flags[flag],
                                                     methods[method], contexts[context], note, changed_at,
                                                     *authors.get(changed_by, nobody), device)))
                    for at, offset, value, value2, value3, flag, method, context, note, changed_at, changed_by,
                    device, row_id in rows)
        if len(rows) < chunk:
            return
        after = (rows[-1][0], rows[-1][-1])


class IsoMoments:
    """The ISO 8601 text of stored moments (UTC seconds, offset in minutes) exactly as datetime.isoformat writes
    them ('2026-09-01T08:00:00+02:00'), each day, time of day and offset made once: an export of millions of
    readings spends its time here otherwise. Bounded: a lifetime has some 11,000 days, a day 86,400 seconds."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}
        self._clock: dict[int, str] = {}
        self._offsets: dict[int, str] = {}

    def __call__(self, epoch: int, offset: int) -> str:
        day, second = divmod(epoch + offset * 60, 86400)
        day_text = self._days.get(day)
        if day_text is None:
            day_text = self._days[day] = date.fromordinal(_EPOCH_ORDINAL + day).isoformat()
        clock = self._clock.get(second)
        if clock is None:
            clock = self._clock[second] = f"T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        zone = self._offsets.get(offset)
        if zone is None:
            zone = self._offsets[offset] = f"{'-' if offset < 0 else '+'}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
        return day_text + clock + zone
