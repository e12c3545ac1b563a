"""What every layout's rows step shares: collecting readings and skipped rows, the loop that
reads the rows, and the cells of a row. A shared helper of the layouts (it imports none of them).

Speed: a million-row file spends its time in read_simple: a row that is an ordinary reading
(its time and value seen before, see LocalClock and Values; a time with its own offset too)
takes a few dictionary look-ups; every other row goes to the layout's own careful reading, which
also fills those caches. Its readings are whole ParsedReading tuples (device_flags 0 included).

Duplicates: a row that appears twice in a file gives two equal readings. The layout reports what
the file says; the store step decides what is already present (and so adds one).
"""

from dataclasses import dataclass
from typing import Callable

from phr.core.bulk import bulk
from phr.imports.devices.model import ParsedReading, ParsedRows, Records, SkippedRow, Table
from phr.imports.devices.numbers import parse_number
from phr.imports.devices.times import LocalClock, without_fraction

# read(line, fields): a layout's careful reading of one row.
ReadRow = Callable[[int, list[str] | None], None]


def cell(fields: list[str], index: int | None) -> str:
    """The stripped text of a column; '' when the row is too short or the column absent."""
    if index is None or index >= len(fields):
        return ""
    return fields[index].strip()


def even(fields: list[str] | None, width: int) -> list[str] | None:
    """The row with exactly `width` fields (missing ones empty), or None when it cannot be trusted:
    it could not be split, or it has more filled fields than the header has columns, so its
    columns moved (for example an unquoted decimal comma in a comma file)."""
    if fields is None:
        return None
    if len(fields) < width:
        return fields + [""] * (width - len(fields))
    if any(f.strip() for f in fields[width:]):
        return None
    return fields[:width]


class Values:
    """One column's values in the measure's canonical unit, by their text: read (parse_number
    with the column's decimal mark), divided and checked against the bounds once per distinct
    text. `known` holds the good ones; a device file repeats the same few hundred values."""

    MEMORY = 100_000

    def __init__(self, mark: str | None, units: float, low: float, high: float):
        self.mark, self.units, self.low, self.high = mark, units, low, high
        self.known: dict[str, float] = {}

    def read(self, text: str) -> float | str:
        """The value, or the reason the row is skipped: 'no_value', 'bad_value', 'implausible'."""
        value = self.known.get(text)
        if value is not None:
            return value
        try:
            value = parse_number(text, self.mark) / self.units
        except ValueError:
            return "bad_value" if text.strip() else "no_value"
        if not self.low <= value <= self.high:
            return "implausible"
        if len(self.known) < self.MEMORY:
            self.known[text] = value
        return value


class Collector:
    """Builds a layout's ParsedRows in file order; attaches the zone to wall-clock times."""

    def __init__(self, format_name: str, clock: LocalClock):
        self.rows = ParsedRows(format_name, clock.zone, repeated_lines=clock.repeated_lines)
        self.clock = clock
        self.add = self.rows.readings.append
        self.add_note = self.rows.notes.append
        self._skip = self.rows.skip

    def skip(self, line: int, reason: str) -> None:
        self._skip(SkippedRow(line, reason))

    def time(self, line: int, text: str) -> tuple[int, int] | None:
        """The row's (epoch, offset); None (and the row skipped) when there is no time, it cannot
        be read or it does not exist (spring forward)."""
        try:
            moment = self.clock(text, line)
        except ValueError:
            self._skip(SkippedRow(line, "bad_time" if text.strip() else "no_time"))
            return None
        if moment is None:
            self._skip(SkippedRow(line, "nonexistent_time"))
        return moment

    def value(self, line: int, values: Values, text: str) -> float | None:
        """The value in the canonical unit; None (and the row skipped) when it is missing,
        unreadable or implausible."""
        value = values.read(text)
        if isinstance(value, str):
            self._skip(SkippedRow(line, value))
            return None
        return value


def read_each(table: Table, read: ReadRow) -> None:
    """read(line, fields) for every row after the header, in file order."""
    with bulk():
        for line, fields in table.rows:
            read(line, fields)


@dataclass
class Simple:
    """Where an ordinary reading's parts are in a row, for read_simple. The value column is chosen
    by the text in column `kind` (LibreView's record type, Dexcom's event type) through `kinds`:
    text -> (value column, Values, method); kind None: `kinds` has one entry, under ''."""

    measure: str
    width: int
    time: int
    note: int | None
    kind: int | None
    kinds: dict[str, tuple[int, Values, str]]


def read_simple(rows: Records, found: Collector, simple: Simple, careful: ReadRow) -> None:
    """Every row: an ordinary reading directly, any other row (or one whose time or value has
    not been seen before) through careful(line, fields). The same readings as careful alone."""
    clock = found.clock
    days, seconds, separator, learn = clock.days, clock.seconds, clock.separator, clock.time_of_day
    utc_days, offset_times = clock.utc_days, clock.offset_times
    measure, width, time, note_at, kind_at = simple.measure, simple.width, simple.time, simple.note, simple.kind
    kinds = {text: (column, values.known, method) for text, (column, values, method) in simple.kinds.items()}
    single = kinds.get("")
    add, new, reading = found.add, tuple.__new__, ParsedReading
    with bulk():
        for line, fields in rows:
            if fields is None or len(fields) != width:
                careful(line, fields)
                continue
            kind = single if kind_at is None else kinds.get(fields[kind_at])
            date_text, _, time_text = fields[time].partition(separator)
            day, second = days.get(date_text), seconds.get(time_text)
            if second is None and day is not None:
                second = learn(time_text)     # a new time of day: cheaper than the careful way
            if day is not None and second is not None:
                epoch, offset = day[0] + second, day[1]
            else:                             # a time with its own offset, or one to read carefully
                with_offset, midnight = offset_times.get(time_text), utc_days.get(date_text)
                if with_offset is None and "." in time_text:   # milliseconds: the time without them
                    with_offset = offset_times.get(without_fraction(time_text))
                if with_offset is None or midnight is None:
                    careful(line, fields)
                    continue
                epoch, offset = midnight + with_offset[0], with_offset[1]
            value = kind[1].get(fields[kind[0]]) if kind is not None else None
            if value is None or kind is None:
                careful(line, fields)
                continue
            note = "" if note_at is None else fields[note_at]
            add(new(reading, (measure, epoch, offset, value, None, None, "", kind[2],
                              note.strip() if note else note, line, 0)))
