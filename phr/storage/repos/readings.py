"""Readings: stored in batches, deduplicated, summarised per hour and per day for fast charts."""

from collections.abc import Iterator, Sequence
from typing import cast

from phr.storage.database import Database, NamedRow, Row
from phr.storage.repos.entries import new_uid
from phr.storage.repos.reading_rows import (
    CODES,
    CONTEXTS,
    DAY,
    FLAGS,
    HOUR,
    IDENTITY,
    MEASURE_ID,
    METHODS,
    READING_COLUMNS,
    BatchReading,
    EnvelopeRows,
    HourSums,
    NotedReadingRow,
    PlainReading,
    ReadingColumns,
    ReadingRow,
    ReadingToStore,
    decoded,
    fingerprint,
    full_row,
    joined,
    per_column,
    plain,
    plain_one,
    spans,
)
from phr.storage.vocabulary import Source

# Often-empty columns: a chunk that leaves them empty does not bind them (binding is most of a sensor import's cost).
_OPTIONAL = {"value2": None, "value3": None, "flag": 0, "method": 0, "context": 0, "note": None, "device_flags": 0}
_PLAIN_INSERT = ("INSERT OR IGNORE INTO readings (batch_id, measure_id, taken_at, utc_offset, value, method) "
                 f"VALUES ({{batch}}, {MEASURE_ID}, ?, ?, ?, ?)")
_MEASURE = "JOIN reading_measures m ON m.id = r.measure_id"  # a reading's measure key (m.key)
_COMPONENT = {0: "value", 1: "value2", 2: "value3"}
DEVICE_SOURCE = Source.DEVICE_IMPORT   # the provenance source of readings from device files
EXACT_LIMIT = 4000  # a range with at most this many readings is drawn reading by reading
_new = tuple.__new__  # a NamedTuple from a tuple without its Python-level __new__ (a million rows at a time)
Span = dict[str, tuple[int, int]]  # per measure the first and last moment stored
_REFRESH_DAYS = 31   # hour summaries are made again from the readings this many days at a time


class ReadingRepository:
    def __init__(self, db: Database):
        self._db = db

    # --- writing (the caller holds the transaction) --------------------------------------------

    def new_batch(self, author_id: int, source: str, detail: str | None, now: str, uid: str | None = None) -> int:
        return self._db.execute(
            "INSERT INTO reading_batches (uid, entered_by, source, source_detail, created_at) VALUES (?, ?, ?, ?, ?)",
            (uid or new_uid(), author_id, source, detail, now))

    def batch_of_uid(self, uid: str) -> int | None:
        row = self._db.query_one("SELECT id FROM reading_batches WHERE uid = ?", (uid,))
        return row[0] if row else None

    def batches(self) -> list[NamedRow]:
        """Every batch that still holds a reading, oldest first, with who entered it."""
        names = ("id", "uid", "source", "source_detail", "created_at", "entered_by_name", "entered_by_role")
        rows = self._db.query(
            "SELECT b.id, b.uid, b.source, b.source_detail, b.created_at, "
            "CASE WHEN a.role = 'owner' THEN p.name ELSE a.name END, a.role FROM reading_batches b "
            "JOIN authors a ON a.id = b.entered_by CROSS JOIN person p "
            "WHERE EXISTS (SELECT 1 FROM readings r WHERE r.batch_id = b.id AND r.deleted_at IS NULL) ORDER BY b.id")
        return [dict(zip(names, row)) for row in rows]

    def of_batch(self, batch_id: int) -> list[BatchReading]:
        """A batch's readings, in time order."""
        rows = self._db.query(
            "SELECT r.taken_at, r.utc_offset, m.key, r.value, r.value2, r.value3, r.flag, r.method, r.context, "
            "r.note, r.changed_at, CASE WHEN a.role = 'owner' THEN p.name ELSE a.name END, a.role, r.device_flags "
            f"FROM readings r {_MEASURE} LEFT JOIN authors a ON a.id = r.changed_by CROSS JOIN person p "
            "WHERE r.batch_id = ? AND r.deleted_at IS NULL ORDER BY r.taken_at, r.id", (batch_id,))
        flags, methods, contexts = FLAGS, METHODS, CONTEXTS
        return [_new(BatchReading, (at, offset, measure, value, value2, value3, flags[flag], methods[method],
                                    contexts[context], note, changed_at, name, role, device))
                for at, offset, measure, value, value2, value3, flag, method, context, note, changed_at, name, role,
                device in rows]

    def mark_changed(self, batch_id: int, taken_at: int, measure: str, author_id: int, changed_at: str) -> None:
        """Carry over that an imported reading had been corrected (and by whom)."""
        self._db.execute("UPDATE readings SET changed_by = ?, changed_at = ? WHERE batch_id = ? AND taken_at = ? "
                         f"AND measure_id = {MEASURE_ID}", (author_id, changed_at, batch_id, taken_at, measure))

    def insert_readings(self, batch_id: int, readings: Sequence[ReadingToStore],
                        sums: HourSums | None = None) -> tuple[int, Span]:
        """Store reading objects (parsed: epoch and offset; typed: an aware taken_at). Returns how
        many were new and, per measure, the first and last moment stored (for the summaries)."""
        if not readings:
            return 0, {}
        self._register({r.measure for r in readings})
        if plain(readings):
            return self._insert_plain(batch_id, readings, sums)
        simple = [r for r in readings if plain_one(r)]
        if simple and len(simple) < len(readings):  # the plain ones apart: their summaries stay exact
            added, found = self._insert_plain(batch_id, cast(list[PlainReading], simple), sums)
            more, others = self.insert_readings(batch_id, [r for r in readings if not plain_one(r)], sums)
            return added + more, joined(found, others)
        rows = [full_row(r) for r in readings]
        added = self.insert_many(batch_id, rows)
        found = spans(rows) if added else {}  # none new (a re-import): nothing to summarise again
        if sums is not None:
            sums.spoil(found)
        return added, found

    def _insert_plain(self, batch_id: int, readings: Sequence[PlainReading], sums: HourSums | None) -> tuple[int, Span]:
        """A device import's hot path: plain readings bind five parameters each instead of eleven."""
        methods = CODES["method"]
        rows = [(r.measure, r.epoch, r.offset, r.value, methods[r.method]) for r in readings]
        self._adopt_methods([(method, measure, at, value, None, None, 0) for measure, at, _o, value, method in rows
                             if method])
        added = self._db.executemany(_PLAIN_INSERT.format(batch=int(batch_id)), rows)
        found = spans(rows) if added else {}  # none new (a re-import): nothing to summarise again
        if sums is not None and added == len(rows):
            sums.add(rows)
        elif sums is not None:  # a reading already there would count twice in the hour sums
            sums.spoil(found)
        return added, found

    def insert_many(self, batch_id: int, rows: list[ReadingColumns]) -> int:
        """Returns how many rows were new (the rest were there already)."""
        if not rows:
            return 0
        self._register({row.measure for row in rows})
        used = [i for i, name in enumerate(READING_COLUMNS)
                if name not in _OPTIONAL or any(row[i] != _OPTIONAL[name] for row in rows)]
        names = ["measure_id" if READING_COLUMNS[i] == "measure" else READING_COLUMNS[i] for i in used]
        marks = ", ".join(MEASURE_ID if name == "measure_id" else "?" for name in names)
        sql = f"INSERT OR IGNORE INTO readings (batch_id, {', '.join(names)}) VALUES ({int(batch_id)}, {marks})"
        self._adopt_methods([(r.method, r.measure, r.taken_at, r.value, r.value2, r.value3, r.flag) for r in rows
                             if r.method])
        return self._db.executemany(sql, [tuple(row[i] for i in used) for row in rows])

    def _register(self, measures: set[str]) -> None:
        """New measure keys get their small integer (schema 10); else an insert's measure_id is NULL, ignored."""
        self._db.executemany("INSERT OR IGNORE INTO reading_measures (key) VALUES (?)", [(m,) for m in measures])

    def _adopt_methods(self, rows: list[tuple[int, str, int, float | None, float | None, float | None, int]]) -> None:
        """(method, measure, taken_at, value, value2, value3, flag) of readings to store with a method: the same
        readings stored without one (the file imported before without it) take it, rather than be stored twice."""
        moments: dict[str, tuple[int, int]] = {}  # per measure the span: a first import pays one range scan
        for _, m, at, *_values in rows:
            moments[m] = (min(at, moments[m][0]), max(at, moments[m][1])) if m in moments else (at, at)
        probe = (f"SELECT 1 FROM readings WHERE measure_id = {MEASURE_ID} AND taken_at BETWEEN ? AND ? "
                 "AND method = 0 LIMIT 1")
        if any(self._db.query_one(probe, (measure, *span)) for measure, span in moments.items()):
            marked = [(method, m, at, fingerprint(v, v2, v3, flag)) for method, m, at, v, v2, v3, flag in rows]
            self._db.executemany(f"UPDATE OR IGNORE readings SET method = ? WHERE measure_id = {MEASURE_ID} "
                                 "AND taken_at = ? AND method = 0 AND fingerprint = ?", marked)

    def update(self, reading_id: int, values: NamedRow, author_id: int, now: str) -> None:
        """`values` holds every column but measure (a reading stays with its measure).

        A corrected reading from a device file leaves a deleted copy of itself as it was imported:
        importing that file again then finds it there and does not bring the old value back.
        """
        unknown = set(values) - set(READING_COLUMNS)
        if unknown:
            raise ValueError(f"readings have no column {sorted(unknown)}")
        as_imported = self._db.query_one(
            f"SELECT {IDENTITY} FROM readings WHERE id = ? AND deleted_at IS NULL AND batch_id IN "
            "(SELECT id FROM reading_batches WHERE source = ?)", (reading_id, DEVICE_SOURCE))
        values = dict(values)  # the fingerprint follows the values (a generated column)
        values.update({name: CODES[name][values[name] or ""] for name in CODES if name in values})
        assignments = ", ".join(f"{column} = ?" for column in values)
        self._db.execute(f"UPDATE readings SET {assignments}, changed_by = ?, changed_at = ? "
                         "WHERE id = ? AND deleted_at IS NULL", (*values.values(), author_id, now, reading_id))
        if as_imported is not None:  # the same identity (nothing but a note changed) needs no copy
            self._db.execute(f"INSERT OR IGNORE INTO readings ({IDENTITY}, deleted_at) "
                             f"VALUES ({', '.join('?' * (len(as_imported) + 1))})", (*as_imported, now))

    def set_deleted(self, reading_id: int, deleted_at: str | None) -> None:
        self._db.execute("UPDATE readings SET deleted_at = ? WHERE id = ?", (deleted_at, reading_id))

    def update_buckets(self, sums: HourSums, spans: Span) -> None:
        """The summaries after an import: freshly stored readings' hour sums added where they are exact,
        the other measures' (HourSums.spoiled) summarised again from the table; then the days they touch."""
        self.add_hours(sums)
        for measure, (first, last) in spans.items():
            if measure in sums.spoiled:
                self.refresh_buckets(measure, first, last)
            else:
                self._days_from_hours(measure, first // DAY, last // DAY)

    def add_hours(self, sums: HourSums) -> None:
        """Add the exact hour sums gathered so far to the stored hours and forget them, so an import holds a few
        hours in memory, not a lifetime's (a measure spoiled later has its hours made again by update_buckets)."""
        self._db.executemany(
            "INSERT INTO reading_buckets (measure_id, size, bucket, n, vmin, vmax, vsum, vsum2) "
            f"VALUES ({MEASURE_ID}, {HOUR}, ?, ?, ?, ?, ?, ?) ON CONFLICT (measure_id, size, bucket) DO UPDATE SET "
            "n = n + excluded.n, vmin = min(vmin, excluded.vmin), vmax = max(vmax, excluded.vmax), "
            "vsum = vsum + excluded.vsum, vsum2 = vsum2 + excluded.vsum2",
            [(measure, hour, *numbers) for (measure, hour), numbers in sums.hours.items()
             if measure not in sums.spoiled])
        sums.hours.clear()

    def _days_from_hours(self, measure: str, first_day: int, last_day: int) -> None:
        per_day = DAY // HOUR
        self._db.execute(f"DELETE FROM reading_buckets WHERE measure_id = {MEASURE_ID} AND size = ? "
                         "AND bucket BETWEEN ? AND ?", (measure, DAY, first_day, last_day))
        self._db.execute(
            "INSERT INTO reading_buckets (measure_id, size, bucket, n, vmin, vmax, vsum, vsum2, v2min, v2max) "
            "SELECT measure_id, ?, bucket / ?, sum(n), min(vmin), max(vmax), sum(vsum), sum(vsum2), min(v2min), "
            f"max(v2max) FROM reading_buckets WHERE measure_id = {MEASURE_ID} AND size = ? AND bucket BETWEEN ? AND ? "
            "GROUP BY bucket / ?", (DAY, per_day, measure, HOUR, first_day * per_day, (last_day + 1) * per_day - 1,
                                     per_day))

    def refresh_buckets(self, measure: str, first: int, last: int) -> None:
        """Recompute the summaries of every hour and day that holds a moment in [first, last]:
        the hours from the readings, the days from the hours (one pass over the readings)."""
        per_day = DAY // HOUR
        low, high = first // DAY * per_day, (last // DAY + 1) * per_day - 1  # whole days of hours
        # A month at a time: the grouping is sorted in memory (temp_store), which must not grow with the span.
        for start in range(low, high + 1, _REFRESH_DAYS * per_day):
            self._replace_buckets(measure, HOUR, start, min(high, start + _REFRESH_DAYS * per_day - 1))
        self._days_from_hours(measure, first // DAY, last // DAY)

    def _replace_buckets(self, measure: str, size: int, low: int, high: int) -> None:
        """Drop the hours low..high and summarise them again from the readings."""
        self._db.execute(f"DELETE FROM reading_buckets WHERE measure_id = {MEASURE_ID} AND size = ? "
                         "AND bucket BETWEEN ? AND ?", (measure, HOUR, low, high))
        self._db.execute(
            "INSERT INTO reading_buckets (measure_id, size, bucket, n, vmin, vmax, vsum, vsum2, v2min, v2max) "
            "SELECT measure_id, ?, taken_at / ?, count(*), min(value), max(value), sum(value), sum(value * value), "
            "min(value2), max(value2) FROM readings "
            f"WHERE measure_id = {MEASURE_ID} AND deleted_at IS NULL AND taken_at BETWEEN ? AND ? "
            "GROUP BY taken_at / ?",
            (size, size, measure, low * size, (high + 1) * size - 1, size))

    def purge_deleted(self) -> list[tuple[str, int, int]]:
        """Remove deleted typed readings for good; returns (measure, first, last) ranges to refresh. Deleted
        readings from device files stay, without their note, as a memory of what was deleted: importing the same
        file again must not bring them back. Each statement reads the partial index readings_purge (the deleted
        readings only), never the table: a lifetime of sensor readings locks as fast as an empty record."""
        typed = "(SELECT source FROM reading_batches b WHERE b.id = batch_id) != ?"  # a look-up per deleted reading
        touched = self._db.query("SELECT (SELECT key FROM reading_measures m WHERE m.id = measure_id), min(taken_at), "
                                 "max(taken_at) FROM readings INDEXED BY readings_purge "
                                 f"WHERE deleted_at IS NOT NULL AND {typed} GROUP BY measure_id", (DEVICE_SOURCE,))
        if touched:
            self._db.execute(f"DELETE FROM readings INDEXED BY readings_purge WHERE deleted_at IS NOT NULL AND {typed}",
                             (DEVICE_SOURCE,))
        self._db.execute("UPDATE readings INDEXED BY readings_purge SET note = NULL "
                         "WHERE deleted_at IS NOT NULL AND note IS NOT NULL")
        return touched

    # --- reading --------------------------------------------------------------------------------

    _SELECT = (f"SELECT r.id, {', '.join('m.key' if c == 'measure' else 'r.' + c for c in READING_COLUMNS)}, "
               "b.source, b.source_detail, b.created_at, r.changed_at, "
               "CASE WHEN a.role = 'owner' THEN p.name ELSE a.name END, a.role "
               f"FROM readings r {_MEASURE} JOIN reading_batches b ON b.id = r.batch_id "
               "JOIN authors a ON a.id = b.entered_by CROSS JOIN person p")
    _NAMES = ("id",) + READING_COLUMNS + ("source", "source_detail", "created_at", "changed_at", "entered_by_name",
                                          "entered_by_role")

    def locate(self, reading_id: int) -> tuple[str, int] | None:
        """(measure, taken_at) of a reading, deleted or not."""
        row = self._db.query_one(f"SELECT m.key, r.taken_at FROM readings r {_MEASURE} WHERE r.id = ?", (reading_id,))
        return (row[0], row[1]) if row else None

    def last_inserted_id(self) -> int:
        return self._db.integer("SELECT coalesce(max(id), 0) FROM readings")

    def get(self, reading_id: int) -> NamedRow | None:
        row = self._db.query_one(f"{self._SELECT} WHERE r.id = ? AND r.deleted_at IS NULL", (reading_id,))
        return decoded(dict(zip(self._NAMES, row))) if row else None

    def page(self, measure: str, limit: int, offset: int = 0) -> list[NamedRow]:
        """Newest first, a page at a time."""
        rows = self._db.query(f"{self._SELECT} WHERE r.measure_id = {MEASURE_ID} AND r.deleted_at IS NULL "
                              f"ORDER BY r.taken_at DESC, r.id DESC LIMIT {int(limit)} OFFSET {int(offset)}",
                              (measure,))
        return [decoded(dict(zip(self._NAMES, row))) for row in rows]

    def count(self, measure: str | None = None) -> int:
        if measure is None:
            return self._db.integer("SELECT count(*) FROM readings WHERE deleted_at IS NULL")
        return self._db.integer(f"SELECT count(*) FROM readings WHERE measure_id = {MEASURE_ID} AND deleted_at IS NULL",
                                (measure,))

    def counts_by_measure(self) -> dict[str, int]:
        return dict(self._db.query("SELECT (SELECT key FROM reading_measures WHERE id = measure_id), sum(n) "
                                   "FROM reading_buckets WHERE size = ? GROUP BY measure_id", (DAY,)))

    def between(self, measure: str, first: int, last: int) -> list[ReadingRow]:
        """The readings of a measure from `first` to `last` (epoch seconds, both included) in time order."""
        rows = self._db.query(
            "SELECT taken_at, utc_offset, value, value2, value3, flag, method, context FROM readings "
            f"WHERE measure_id = {MEASURE_ID} AND deleted_at IS NULL AND taken_at BETWEEN ? AND ? "
            "ORDER BY taken_at, id",
            (measure, first, last))
        flags, methods, contexts = FLAGS, METHODS, CONTEXTS
        return [_new(ReadingRow, (at, offset, value, value2, value3, flags[flag], methods[method], contexts[context]))
                for at, offset, value, value2, value3, flag, method, context in rows]

    def coded_between(self, measure: str, first: int, last: int) -> list[Row]:
        """Like `between`: flag and method as codes, no context; all numbers, for arrays (phr.monitoring.samples)."""
        return self._db.query(
            "SELECT taken_at, utc_offset, value, value2, value3, flag, method FROM readings "
            f"WHERE measure_id = {MEASURE_ID} AND deleted_at IS NULL AND taken_at BETWEEN ? AND ? "
            "ORDER BY taken_at, id",
            (measure, first, last))

    def stream(self, measure: str, first: int, last: int, chunk: int = 20_000) -> Iterator[NotedReadingRow]:
        """Every reading of a measure in time order, with its note, fetched a chunk at a time.
        Keyset paging on (taken_at, id) keeps a million-row export flat in memory and time."""
        after = (first - 1, -1)
        while True:
            rows = self._db.query(
                "SELECT taken_at, utc_offset, value, value2, value3, flag, method, context, note, id, device_flags "
                "FROM readings "
                f"WHERE measure_id = {MEASURE_ID} AND deleted_at IS NULL AND (taken_at, id) > (?, ?) AND taken_at <= ? "
                f"ORDER BY taken_at, id LIMIT {int(chunk)}", (measure, *after, last))
            yield from (_new(NotedReadingRow, (at, offset, value, value2, value3, FLAGS[flag], METHODS[method],
                                               CONTEXTS[context], note or "", device))
                        for at, offset, value, value2, value3, flag, method, context, note, _id, device in rows)
            if len(rows) < chunk:
                return
            after = (rows[-1][0], rows[-1][9])

    def span(self, measure: str) -> tuple[int, int] | None:
        """First and last moment of a measure's readings, the deleted ones left out. The hour summaries hold only
        readings that are not deleted, so the first and last hour come from them and only those two hours are read
        reading by reading: a few milliseconds, where min and max over the readings read a million rows in 0.35 s."""
        hours = self._db.query_one("SELECT min(bucket), max(bucket) FROM reading_buckets "
                                   f"WHERE measure_id = {MEASURE_ID} AND size = ? AND n > 0", (measure, HOUR))
        if not hours or hours[0] is None:
            return None
        within = (f"SELECT {{f}}(taken_at) FROM readings WHERE measure_id = {MEASURE_ID} "
                  "AND taken_at BETWEEN ? AND ? AND deleted_at IS NULL")
        first: int | None = self._db.query(within.format(f="min"),
                                           (measure, hours[0] * HOUR, hours[0] * HOUR + HOUR - 1))[0][0]
        last: int | None = self._db.query(within.format(f="max"),
                                          (measure, hours[1] * HOUR, hours[1] * HOUR + HOUR - 1))[0][0]
        return (first, last) if first is not None and last is not None else None

    def latest(self, measure: str, limit: int = 1) -> list[NamedRow]:
        return self.page(measure, limit)

    # --- envelopes for charts ---------------------------------------------------------------------

    def envelope(self, measure: str, first: int, last: int, columns: int, component: int = 0) -> EnvelopeRows:
        """Per pixel column the lowest and highest reading; reading by reading when they are few."""
        columns = max(1, columns)
        if self._count_between(measure, first, last) <= max(EXACT_LIMIT, columns * 2):
            return self._exact(measure, first, last, component)
        width = (last - first) / columns
        size: int | None = None  # the summaries hold value and value2 (systolic, diastolic); pulse: the readings
        if component < 2:
            size = DAY if width >= DAY else HOUR if width >= HOUR else None
        rows = self._from_buckets(measure, first, last, size, component) if size else \
            self._from_readings(measure, first, last, columns, component)
        return per_column(rows, first, last, columns)

    def _count_between(self, measure: str, first: int, last: int) -> int:
        return self._db.integer("SELECT coalesce(sum(n), 0) FROM reading_buckets "
                                f"WHERE measure_id = {MEASURE_ID} AND size = ? AND bucket BETWEEN ? AND ?",
                                (measure, HOUR, first // HOUR, last // HOUR))

    def _exact(self, measure: str, first: int, last: int, component: int) -> EnvelopeRows:
        column = _COMPONENT[component]
        rows = self._db.query(f"SELECT taken_at, {column}, flag FROM readings WHERE measure_id = {MEASURE_ID} "
                              "AND deleted_at IS NULL AND taken_at BETWEEN ? AND ? "
                              f"AND ({column} IS NOT NULL OR flag > 0) ORDER BY taken_at, id",
                              (measure, first, last))
        values = [row[1] for row in rows]
        return EnvelopeRows([float(row[0]) for row in rows], values, list(values), True,
                            [FLAGS[row[2]] for row in rows])

    def _from_buckets(self, measure: str, first: int, last: int, size: int, component: int) -> list[Row]:
        low, high = ("vmin", "vmax") if component == 0 else ("v2min", "v2max")
        return self._db.query(
            f"SELECT bucket * ? + ? / 2, {low}, {high} FROM reading_buckets WHERE measure_id = {MEASURE_ID} "
            f"AND size = ? AND bucket BETWEEN ? AND ? AND {low} IS NOT NULL ORDER BY bucket",
            (size, size, measure, size, first // size, last // size))

    def _from_readings(self, measure: str, first: int, last: int, columns: int, component: int) -> list[Row]:
        column = _COMPONENT[component]
        return self._db.query(
            f"SELECT min(taken_at), min({column}), max({column}) FROM readings WHERE measure_id = {MEASURE_ID} "
            f"AND deleted_at IS NULL AND taken_at BETWEEN ? AND ? AND {column} IS NOT NULL "
            "GROUP BY (taken_at - ?) * ? / ?", (measure, first, last, first, columns, max(1, last - first)))


def purge_deleted_readings(db: Database) -> int:
    """Deleted readings go for good when the record locks; their hours and days are summarised again."""
    repo = ReadingRepository(db)
    with db.transaction():
        touched = repo.purge_deleted()
        for measure, first, last in touched:
            repo.refresh_buckets(measure, first, last)
    return len(touched)
