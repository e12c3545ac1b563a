"""What every device parser shares: finding the header row, collecting readings and skipped rows
while the zone is attached to the device's wall-clock times, and the loop that reads the rows.

Speed: a million-row file spends its time in read_simple: a row that is an ordinary reading
(its time and value seen before, see LocalClock and Values) takes a few dictionary look-ups;
every other row goes to the parser's own careful reading, which also fills those caches.

Duplicates: a row that appears twice in a file gives two equal readings. The parser reports what
the file says; the import service decides what is already present (and so adds one).
"""

from bisect import bisect_left
from dataclasses import dataclass
from itertools import chain, islice
from operator import attrgetter
from typing import Callable, Iterator

from phr.core.bulk import bulk
from phr.imports.devices.model import NotThisFormat, ParsedReading, ParseResult, SkippedRow
from phr.imports.devices.text import CsvText, Header, Progress, normalise, parse_number, read_csv_text, records
from phr.imports.devices.times import LocalClock, second_pass, second_pass_offset
from phr.monitoring.measures import CATALOGUE, Measure

# The header is looked for in this many first records (LibreView has one metadata line first).
HEADER_SEARCH = 10
# Date order and decimal mark are decided from this many first rows.
SAMPLE_ROWS = 2000

Rows = Iterator[tuple[int, list[str] | None]]


@dataclass
class Table:
    text: CsvText
    header: Header
    header_line: int
    before_header: list[list[str]]   # LibreView's metadata line
    head: list[tuple[int, list[str] | None]]   # the first SAMPLE_ROWS rows, also in `rows`
    rows: Rows

    def sample(self, index: int | None) -> list[str]:
        """The first rows' texts in one column, for guessing the date order or decimal mark."""
        if index is None:
            return []
        return [f[index] for _, f in self.head if f is not None and index < len(f) and f[index].strip()]


def open_table(data: bytes | CsvText, looks_like: Callable[[Header], bool], what: str,
               progress: Progress | None = None, name: str = "") -> Table:
    """The file's header row (the first of HEADER_SEARCH records that `looks_like`) and its rows.
    data: the file, or its text when that has been read already. Raises NotThisFormat('This is
    not <what> ...') when there is no such header."""
    text = data if isinstance(data, CsvText) else read_csv_text(data, name)
    rows = records(text, progress)
    before = []
    for line, fields in islice(rows, HEADER_SEARCH):
        if fields is None:
            continue
        header = Header(fields)
        if looks_like(header):
            head = list(islice(rows, SAMPLE_ROWS))
            return Table(text, header, line, before, head, chain(head, rows))
        before.append(fields)
    raise NotThisFormat(f"This is not {what}: the columns it needs are missing.")


def read_rows(table: Table, read: Callable[[int, list[str] | None], None]) -> None:
    """read(line, fields) for every row after the header, in file order."""
    with bulk():
        for line, fields in table.rows:
            read(line, fields)


def bounds(measure: Measure, component: int = 0) -> tuple[float, float]:
    """The plausible (low, high) of a measure or of one of its components (blood pressure)."""
    if measure.components:
        part = measure.components[component]
        return part.low_bound, part.high_bound
    return measure.low_bound, measure.high_bound


def find_measure(key: str, catalogue: dict[str, Measure] | None = None) -> Measure:
    """The measure with this key in `catalogue` (default: the built-in one; pass a dictionary that
    also holds the record's own measures). ValueError when there is none."""
    measures = CATALOGUE if catalogue is None else catalogue
    if key not in measures:
        raise ValueError(f"There is no measure called “{key}”.")
    return measures[key]


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
    """Builds a ParseResult in file order; attaches the zone to wall-clock times."""

    def __init__(self, format_name: str, clock: LocalClock):
        self.result = ParseResult(format_name)
        self.clock = clock
        self.add = self.result.readings.append
        self.add_note = self.result.notes.append
        self._skip = self.result.skipped.append

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

    def finish(self) -> ParseResult:
        """The result, with the second pass through an autumn hour moved to its own offset."""
        repeated = self.clock.repeated_lines
        if repeated:
            for found in (self.result.readings, self.result.notes):
                _second_passes(found, repeated, self.clock.zone)
        self.result.skipped.sort(key=attrgetter("line"))
        return self.result


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


def read_simple(rows: Rows, found: Collector, simple: Simple, careful: Callable[[int, list[str] | None], None]) -> None:
    """Every row: an ordinary reading directly, any other row (or one whose time or value has
    not been seen before) through careful(line, fields). The same readings as careful alone."""
    clock = found.clock
    days, seconds, separator, learn = clock.days, clock.seconds, clock.separator, clock.time_of_day
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
            if kind is None or day is None or second is None:
                careful(line, fields)
                continue
            value = kind[1].get(fields[kind[0]])
            if value is None:
                careful(line, fields)
                continue
            note = "" if note_at is None else fields[note_at]
            add(new(reading, (measure, day[0] + second, day[1], value, None, None, "", kind[2],
                              note.strip() if note else note, line)))


def _second_passes(found: list[ParsedReading], repeated_lines: list[int], zone) -> None:
    """Moves the readings (in file order) that are the second pass through a repeated hour to
    that pass's offset (one hour later in Europe/Amsterdam)."""
    lines = list(map(attrgetter("line"), found))   # increasing: readings are in file order
    indexes = []
    for line in sorted(set(repeated_lines)):
        index = bisect_left(lines, line)
        if index < len(lines) and lines[index] == line:
            indexes.append(index)
    oldest_first = bool(found) and _wall(found[0]) <= _wall(found[-1])
    for run in _consecutive(indexes):
        before = _wall(found[run[0] - 1]) if run[0] > 0 else None
        after = _wall(found[run[-1] + 1]) if run[-1] + 1 < len(found) else None
        passes = second_pass([_wall(found[i]) for i in run], before, after, oldest_first,
                             [found[i].method for i in run])
        for index, second in zip(run, passes):
            if second:
                epoch, offset = second_pass_offset(found[index].epoch, found[index].offset, zone)
                found[index] = found[index]._replace(epoch=epoch, offset=offset)


def _wall(reading: ParsedReading) -> int:
    """The reading's wall-clock time as seconds (comparable with other wall-clock times)."""
    return reading.epoch + reading.offset * 60


def _consecutive(indexes: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def divisor(measure: Measure, unit: str) -> float:
    """How many of `unit` make one of the measure's canonical unit (1.0 for the canonical unit);
    ValueError when the measure cannot be given in it. Values are divided, never rounded."""
    wanted = normalise(unit)
    if wanted in ("", normalise(measure.unit), normalise(measure.unit_text)):
        return 1.0
    for name, factor in measure.other_units.items():
        if normalise(name) == wanted:
            return factor
    raise ValueError(f"{measure.name_en} cannot be given in {unit}.")
