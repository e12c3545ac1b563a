"""Readings as storage rows: codes for words, the moment, the fingerprint, hour sums.

Pure Python (no SQL): the repository in readings.py uses these to write and read rows.
"""

from itertools import groupby
from math import fsum

HOUR, DAY = 3600, 86400
READING_COLUMNS = ("measure", "taken_at", "utc_offset", "value", "value2", "value3", "flag", "method", "context",
                   "note")
# Stored as codes (position in these lists); '' is always code 0.
FLAGS = ("", "below_range", "above_range")
METHODS = ("", "sensor", "scan", "fingerstick")
CONTEXTS = ("", "fasting", "after_meal", "at_rest", "after_exercise")
CODES = {"flag": {w: i for i, w in enumerate(FLAGS)}, "method": {w: i for i, w in enumerate(METHODS)},
          "context": {w: i for i, w in enumerate(CONTEXTS)}}
WORDS = {"flag": FLAGS, "method": METHODS, "context": CONTEXTS}
LOW_20, PRESENT = (1 << 20) - 1, 1 << 20


class HourSums:
    """Hour summaries of readings as they are stored, so a large import need not read them back.

    Only exact while every reading offered was new and plain (one value): `exact` turns False
    otherwise, and the caller refreshes the summaries from the table instead.
    """

    def __init__(self):
        self.hours: dict[tuple[str, int], list] = {}   # (measure, hour) -> [n, min, max, sum, sum of squares]
        self.exact = True

    def add(self, rows: list[tuple]) -> None:
        """Plain storage rows (measure, epoch, offset, value, ...), all of them new."""
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


def spans(rows: list[tuple]) -> dict[str, tuple[int, int]]:
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


def full_row(r) -> tuple:
    epoch, offset = moment(r)
    return (r.measure, epoch, offset, r.value, r.value2, r.value3, r.flag or "", r.method or "",
            getattr(r, "context", "") or "", r.note or None)


def moment(reading) -> tuple[int, int]:
    """(UTC epoch, offset in minutes) of a reading: given as numbers (a parsed device reading) or
    as an aware datetime (a typed reading)."""
    epoch = getattr(reading, "epoch", None)
    if epoch is not None:
        return epoch, reading.offset
    at = reading.taken_at
    return int(at.timestamp()), int(at.utcoffset().total_seconds()) // 60


def encoded(row: tuple, coded: list[int]) -> tuple:
    """Words to codes (a word that is not known raises KeyError: refused, never stored as something else)."""
    row = list(row)
    for i in coded:
        row[i] = CODES[READING_COLUMNS[i]][row[i] or ""]
    return tuple(row)


def decoded(row: dict) -> dict:
    for name, words in WORDS.items():
        if name in row:
            row[name] = words[row[name]]
    return row


def _value_code(value: float | None) -> int:
    """21 bits: 0 for no value; else a presence bit and the value in hundredths (low 20 bits)."""
    if value is None:
        return 0
    return (int(value * 100 + 0.5) & LOW_20) | PRESENT


def fingerprint(row: tuple) -> int:
    """The values of a reading (a row in READING_COLUMNS order) packed in one 63-bit number.

    Three 21-bit fields: value (or, for a flagged reading without a number, the flag), value2,
    value3, each to a hundredth. Plain arithmetic, so it is the same in every Python version
    (hash() is not) and cheap enough to write inline in the import's hot loop. Two readings of
    one measure, at the same second, by the same method, with the same fingerprint are the same
    reading.
    """
    flag = row[6] if isinstance(row[6], int) else CODES["flag"].get(row[6] or "", 3)
    first = _value_code(row[3]) if row[3] is not None else flag
    return (first << 42) | (_value_code(row[4]) << 21) | _value_code(row[5])
