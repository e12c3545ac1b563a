"""Readings as storage rows: codes for words, the moment, the fingerprint, hour sums, and the row types.

Pure Python (no SQL): the repository in readings.py uses these to write and read rows.
Rows that leave storage are NamedTuples: named fields at a tuple's speed (a chart or an
export reads a million of them).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from math import fsum
from operator import itemgetter
from typing import NamedTuple, Protocol, TypeGuard, cast

import numpy as np

from phr.storage.database import NamedRow, Row
from phr.storage.vocabulary import ReadingContext, ReadingFlag, ReadingMethod

HOUR, DAY = 3600, 86400
READING_COLUMNS = ("measure", "taken_at", "utc_offset", "value", "value2", "value3", "flag", "method", "context",
                   "note", "device_flags")
# Stored as codes (position in these lists); '' is always code 0. Never reorder: the codes are in every record.
FLAGS: tuple[str, ...] = ("", *ReadingFlag)
METHODS: tuple[str, ...] = ("", *ReadingMethod)
CONTEXTS: tuple[str, ...] = ("", *ReadingContext)
CODES = {"flag": {w: i for i, w in enumerate(FLAGS)}, "method": {w: i for i, w in enumerate(METHODS)},
         "context": {w: i for i, w in enumerate(CONTEXTS)}}
WORDS = {"flag": FLAGS, "method": METHODS, "context": CONTEXTS}
LOW_20, PRESENT = (1 << 20) - 1, 1 << 20
# A storage row that starts with its measure and moment (a plain sensor row or a ReadingColumns).
Timed = tuple[str, int, *tuple[object, ...]]


class ReadingRow(NamedTuple):
    """One reading of a measure in a period, as charts and statistics read them (ReadingRepository.between)."""

    taken_at: int            # UTC epoch seconds
    utc_offset: int          # minutes east of UTC where it was taken
    value: float | None
    value2: float | None
    value3: float | None
    flag: str                # '' or a ReadingFlag
    method: str              # '' or a ReadingMethod
    context: str             # '' or a ReadingContext


class NotedReadingRow(NamedTuple):
    """A ReadingRow with its note, as exports stream them (ReadingRepository.stream)."""

    taken_at: int
    utc_offset: int
    value: float | None
    value2: float | None
    value3: float | None
    flag: str
    method: str
    context: str
    note: str                # '' when there is none
    device_flags: int = 0    # phr.core.vocabulary.DeviceFlag bits


class BatchReading(NamedTuple):
    """A reading of one batch as Regie's own format writes it, with who last changed it (if anyone did)."""

    taken_at: int
    utc_offset: int
    measure: str
    value: float | None
    value2: float | None
    value3: float | None
    flag: str
    method: str
    context: str
    note: str | None
    changed_at: str | None
    changed_by_name: str | None
    changed_by_role: str | None
    device_flags: int = 0    # phr.core.vocabulary.DeviceFlag bits


class ReadingColumns(NamedTuple):
    """A reading about to be stored, in READING_COLUMNS order, its words as codes."""

    measure: str
    taken_at: int
    utc_offset: int
    value: float | None
    value2: float | None
    value3: float | None
    flag: int
    method: int
    context: int
    note: str | None
    device_flags: int = 0    # phr.core.vocabulary.DeviceFlag bits (schema 8)


class ReadingToStore(Protocol):
    """A reading handed to the repository: the monitoring service's (an aware `taken_at`) or a device
    parser's, which also carries its moment as numbers (EpochReading)."""

    @property
    def measure(self) -> str: ...
    @property
    def taken_at(self) -> datetime: ...
    @property
    def value(self) -> float | None: ...
    @property
    def value2(self) -> float | None: ...
    @property
    def value3(self) -> float | None: ...
    @property
    def flag(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def device_flags(self) -> int: ...


class EpochReading(ReadingToStore, Protocol):
    @property
    def epoch(self) -> int: ...
    @property
    def offset(self) -> int: ...


class PlainReading(EpochReading, Protocol):
    """A parsed device reading with one value and nothing else: what a sensor file holds."""

    @property
    def value(self) -> float: ...


# What makes a reading itself, without the note: copied as a deleted row to remember an imported reading.
# (The fingerprint is a generated column since schema 10: it follows the values.)
IDENTITY = "batch_id, measure_id, taken_at, utc_offset, value, value2, value3, flag, method, context, device_flags"
# Readings and their summaries refer to their measure by a small integer (schema 10): a measure key in SQL.
MEASURE_ID = "(SELECT id FROM reading_measures WHERE key = ?)"


# What a plain reading leaves empty (falsy), as a NamedTuple from a parser holds it.
_PLAIN_EMPTY = {"value2": None, "value3": None, "flag": "", "note": "", "device_flags": 0}


def plain(readings: Sequence[ReadingToStore]) -> TypeGuard[Sequence[PlainReading]]:
    """Parsed device readings (their moment as numbers) with one value each, no flag and no note."""
    fields = getattr(type(readings[0]), "_fields", ())
    if "epoch" in fields and all(type(r) is type(readings[0]) for r in readings):   # NamedTuples: looked at in C
        rows = cast(Sequence[tuple[object, ...]], readings)
        extras = itemgetter(*(fields.index(name) for name in _PLAIN_EMPTY))
        return None not in map(itemgetter(fields.index("value")), rows) and \
            set(map(extras, rows)) <= {tuple(_PLAIN_EMPTY.values())}
    return hasattr(readings[0], "epoch") and all(map(plain_one, readings))


def plain_one(r: ReadingToStore) -> bool:
    """One parsed reading that `plain` would take (a moment as numbers, one value, nothing else)."""
    return (hasattr(r, "epoch") and r.value2 is None and r.value3 is None and r.value is not None and not r.flag
            and not r.note and not getattr(r, "device_flags", 0))


class HourSums:
    """Hour summaries of readings as they are stored, so a large import need not read them back.

    Exact per measure while every reading of it offered was new and plain (one value): a measure
    with another reading (a blood pressure, a reading already there) is `spoiled`, and the caller
    refreshes that measure's summaries from the table instead; the other measures' stay exact (an
    Apple Health export's million heart rates need not be read back for a few blood pressures).
    """

    def __init__(self) -> None:
        self.hours: dict[tuple[str, int], list[float]] = {}  # (measure, hour) -> [n, min, max, sum, sum of squares]
        self.spoiled: set[str] = set()

    @property
    def exact(self) -> bool:
        return not self.spoiled

    def spoil(self, measures: Iterable[str]) -> None:
        self.spoiled.update(measures)

    def add(self, rows: Sequence[tuple[str, int, int, float, int]]) -> None:
        """Plain storage rows (measure, epoch, offset, value, method code), all of them new."""
        if len(rows) >= 64 and len(set(map(itemgetter(0), rows))) == 1:
            self._add_one_measure(rows)     # a sensor file: the same measure throughout, counted by numpy
            return
        hours = self.hours
        for (measure, hour), group in groupby(rows, key=lambda row: (row[0], row[1] // HOUR)):
            values = [row[3] for row in group]
            found = hours.get((measure, hour))
            total, squares = fsum(values), fsum(v * v for v in values)
            if found is None:
                hours[(measure, hour)] = [len(values), min(values), max(values), total, squares]
            else:
                found[0] += len(values)
                found[1], found[2] = min(found[1], min(values)), max(found[2], max(values))
                found[3] += total
                found[4] += squares


    def _add_one_measure(self, rows: Sequence[tuple[str, int, int, float, int]]) -> None:
        count = len(rows)
        hours = np.fromiter(map(itemgetter(1), rows), np.int64, count) // HOUR
        values = np.fromiter(map(itemgetter(3), rows), np.float64, count)
        order = np.argsort(hours, kind="stable")   # a newest-first file, too: each hour's readings together
        hours, values = hours[order], values[order]
        starts = np.flatnonzero(np.concatenate(([True], hours[1:] != hours[:-1])))
        sizes = np.diff(np.append(starts, count))
        groups = zip(hours[starts].tolist(), sizes.tolist(), np.minimum.reduceat(values, starts).tolist(),
                     np.maximum.reduceat(values, starts).tolist(), np.add.reduceat(values, starts).tolist(),
                     np.add.reduceat(values * values, starts).tolist())
        measure, known = rows[0][0], self.hours
        for hour, n, low, high, total, squares in groups:
            found = known.get((measure, hour))
            if found is None:
                known[(measure, hour)] = [n, low, high, total, squares]
            else:
                found[0] += n
                found[1], found[2] = min(found[1], low), max(found[2], high)
                found[3] += total
                found[4] += squares


def spans(rows: Sequence[Timed]) -> dict[str, tuple[int, int]]:
    """(first, last) moment per measure of storage rows (measure, epoch, ...)."""
    measure = rows[0][0]
    if all(row[0] == measure for row in rows):  # nearly always: one file, one measure
        moments = [row[1] for row in rows]
        return {measure: (min(moments), max(moments))}
    spans: dict[str, tuple[int, int]] = {}
    for row in rows:
        first, last = spans.get(row[0], (row[1], row[1]))
        spans[row[0]] = (min(first, row[1]), max(last, row[1]))
    return spans


def joined(one: dict[str, tuple[int, int]], other: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Two spans per measure as one: per measure the first and the last moment of both."""
    both = dict(one)
    for measure, (first, last) in other.items():
        known = both.get(measure, (first, last))
        both[measure] = (min(known[0], first), max(known[1], last))
    return both


def full_row(r: ReadingToStore) -> ReadingColumns:
    """Words to codes on the way (a word that is not known raises KeyError: refused, never stored as
    something else)."""
    epoch, offset = moment(r)
    return ReadingColumns(r.measure, epoch, offset, r.value, r.value2, r.value3, CODES["flag"][r.flag or ""],
                          CODES["method"][r.method or ""], CODES["context"][getattr(r, "context", "") or ""],
                          r.note or None, getattr(r, "device_flags", 0) or 0)


def moment(reading: ReadingToStore) -> tuple[int, int]:
    """(UTC epoch, offset in minutes) of a reading: given as numbers (a parsed device reading) or
    as an aware datetime (a typed reading)."""
    epoch: int | None = getattr(reading, "epoch", None)
    if epoch is not None:
        offset: int = getattr(reading, "offset")
        return epoch, offset
    at = reading.taken_at
    utc_offset = at.utcoffset()
    if utc_offset is None:
        raise ValueError("a reading's time must carry its offset from UTC")
    return int(at.timestamp()), int(utc_offset.total_seconds()) // 60


def decoded(row: NamedRow) -> NamedRow:
    for name, words in WORDS.items():
        if name in row:
            row[name] = words[row[name]]
    return row


def _value_code(value: float | None) -> int:
    """21 bits: 0 for no value; else a presence bit and the value in hundredths (low 20 bits)."""
    if value is None:
        return 0
    return (int(value * 100 + 0.5) & LOW_20) | PRESENT


def fingerprint(value: float | None, value2: float | None, value3: float | None, flag: int) -> int:
    """The values of a reading packed in one 63-bit number, as the database computes it.

    Three 21-bit fields: value (or, for a flagged reading without a number, the flag) in the low
    bits, then value2, then value3, each to a hundredth; a plain reading's is a 3-byte number. The
    readings table computes the same number in SQL (a generated column, schema 10:
    phr.storage.schema.v0010_compact_readings.FINGERPRINT); this one finds readings by it. Two
    readings of one measure, at the same second, by the same method, with the same fingerprint are
    the same reading.
    """
    first = _value_code(value) if value is not None else flag
    return first | (_value_code(value2) << 21) | (_value_code(value3) << 42)


@dataclass(frozen=True)
class EnvelopeRows:
    times: list[float]
    lows: list[float]
    highs: list[float]
    exact: bool
    flags: list[str]


def per_column(rows: list[Row], first: int, last: int, columns: int) -> EnvelopeRows:
    """Fold (time, low, high) rows into one point per pixel column, keeping the extremes."""
    lows: dict[int, float] = {}
    highs: dict[int, float] = {}
    span = max(1, last - first)
    for at, low, high in rows:
        column = min(columns - 1, max(0, int((at - first) * columns / span)))
        lows[column] = min(low, lows.get(column, low))
        highs[column] = max(high, highs.get(column, high))
    order = sorted(lows)
    times = [first + (column + 0.5) * span / columns for column in order]
    return EnvelopeRows(times, [lows[c] for c in order], [highs[c] for c in order], False, [""] * len(order))
