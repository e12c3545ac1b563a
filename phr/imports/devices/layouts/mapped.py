"""Any other CSV: through a mapping (which column holds the time, the value, the note; which
measure and unit), or, for a plain file with the columns `time` and `value` (and optionally
`unit` and `note`), without one (`phr import DIR FILE --format csv --measure KEY`).

Not recognised by its header: the recognise step makes this layout ('csv') for a file that is
no vendor's, from the mapping or the measure it was given.

Times: ISO 8601 with an offset ('2026-09-01T08:00:00+02:00', '...Z') keep that offset (and are
read by look-ups once seen, like wall-clock times: LocalClock.remember_offset); times without one
are device wall-clock times in the zone chosen (see times.py), in any of the formats times.py
reads, with the date order of the person, the mapping or the whole file.
Values: numbers with a decimal point or comma (numbers.parse_number); blood pressure as
'systolic/diastolic' or 'systolic/diastolic/pulse'. A `unit` column overrides the mapping's unit
per row; a unit the measure cannot be converted from skips the row ('bad_unit').
Method: such a file does not say how its readings were taken, so the person does (the import
wizard asks, the command line takes --method); every reading gets that method, '' when not known.
"""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from phr.core.vocabulary import ReadingMethod
from phr.imports.devices.model import Header, Layout, ParsedReading, ParsedRows, Table
from phr.imports.devices.numbers import Numbers, decimal_mark
from phr.imports.devices.rows import Collector, Simple, Values, cell, even, read_each, read_simple
from phr.imports.devices.times import ORDERS, LocalClock, guess_order, has_offset
from phr.imports.devices.units import bounds, divisor, find_measure
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.measures import BLOOD_PRESSURE, FIRST_YEAR, LAST_YEAR, Measure

NAME = "csv"
PLAIN_TIME, PLAIN_VALUE, PLAIN_UNIT, PLAIN_NOTE = "time", "value", "unit", "note"
_EPOCH, _SECOND = datetime(1970, 1, 1, tzinfo=timezone.utc), timedelta(seconds=1)
Values3 = tuple[float, float | None, float | None]


def mapped_layout(mapping: Mapping, catalogue: dict[str, Measure] | None = None, method: str = "") -> Layout:
    """The layout of a CSV read with `mapping`, its readings taken by `method` ('' not known).
    ValueError for an unknown measure, unit, date order or method; the table step refuses the file
    when a mapped column is missing."""
    if mapping.date_order not in ORDERS:
        raise ValueError(f"unknown date order {mapping.date_order!r}")
    method = checked_method(method)
    measure = find_measure(mapping.measure, catalogue)
    units = divisor(measure, mapping.unit)
    wanted = [c for c in (mapping.time_column, mapping.value_column, mapping.note_column) if c]

    def looks_like(header: Header) -> bool:
        return all(header.find(column) is not None for column in wanted)

    def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
        return _read(table, _Rows(table, measure, mapping, units, zone, method))

    return Layout(NAME, "a file with the columns " + ", ".join(f"“{c}”" for c in wanted), looks_like, read_rows)


def plain_layout(measure_key: str, catalogue: dict[str, Measure] | None = None, method: str = "") -> Layout:
    """The layout of a CSV with the columns `time` and `value` (optional: `unit`, `note`) as
    readings of the measure `measure_key`, taken by `method` (ValueError for an unknown measure or
    method)."""
    mapping = Mapping(PLAIN_TIME, PLAIN_VALUE, measure_key, "", PLAIN_NOTE)
    method = checked_method(method)
    measure = find_measure(measure_key, catalogue)

    def looks_like(header: Header) -> bool:
        return header.find(PLAIN_TIME) is not None and header.find(PLAIN_VALUE) is not None

    def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
        return _read(table, _Rows(table, measure, mapping, 1.0, zone, method, table.header.find(PLAIN_UNIT)))

    return Layout(NAME, "a CSV file with the columns “time” and “value”", looks_like, read_rows)


def checked_method(method: str) -> str:
    """`method` as a plain string: '' (not known) or a ReadingMethod's value; ValueError for any other."""
    if method == "":
        return method
    try:
        return ReadingMethod(method).value
    except ValueError:
        raise ValueError(f"unknown method {method!r}") from None


def _read(table: Table, rows: "_Rows") -> ParsedRows:
    if rows.one_number:
        simple = Simple(rows.measure.key, rows.width, rows.time, rows.note, None,
                        {"": (rows.value, rows.values, rows.method)})
        read_simple(table.rows, rows.found, simple, rows.read)
    else:
        read_each(table, rows.read)
    return rows.found.rows


class _Rows:
    """Reads one mapped file's rows into a Collector."""

    def __init__(self, table: Table, measure: Measure, mapping: Mapping, units: float, zone: ZoneInfo,
                 method: str, unit_column: int | None = None):
        header = table.header
        self.width = len(header.keys)
        self.measure, self.units, self.unit_column, self.method = measure, units, unit_column, method
        self.time, self.value = header.column(mapping.time_column), header.column(mapping.value_column)
        self.note = header.find(mapping.note_column) if mapping.note_column else None
        samples = table.sample(self.time)
        order = guess_order(samples) if mapping.date_order == "auto" else mapping.date_order
        self.found = Collector(NAME, LocalClock(order, zone, samples))
        mark = decimal_mark(table.sample(self.value))
        self.numbers = Numbers(mark)
        self.is_bp = measure.kind == BLOOD_PRESSURE
        self.bounds = [bounds(measure, part) for part in range(3 if self.is_bp else 1)]
        # One number per row in the mapping's unit: the common case, read without _values.
        self.one_number = not self.is_bp and unit_column is None
        self.values = Values(mark, units, *self.bounds[0])
        self.divisors: dict[str, float | None] = {}

    def read(self, line: int, fields: list[str] | None) -> None:
        """One row, carefully: a reading, or a skipped row with the reason."""
        found = self.found
        if fields is None or len(fields) != self.width:
            fields = even(fields, self.width)
            if fields is None:
                return found.skip(line, "bad_row")
        moment = self._moment(fields[self.time], line)
        if isinstance(moment, str):
            return found.skip(line, moment)
        values: Values3 | str
        if self.one_number:
            value = found.value(line, self.values, fields[self.value])
            if value is None:
                return None
            values = (value, None, None)
        else:
            values = self._values(fields[self.value], cell(fields, self.unit_column))
            if isinstance(values, str):
                return found.skip(line, values)
        note = fields[self.note].strip() if self.note is not None else ""
        found.add(ParsedReading(self.measure.key, *moment, *values, "", self.method, note, line))
        return None

    def _moment(self, text: str, line: int) -> tuple[int, int] | str:
        """(epoch, offset): a wall-clock time in the zone, or a time with its own offset; or the
        reason the row is skipped."""
        clock = self.found.clock
        try:
            moment = clock(text, line)
        except ValueError:
            with_offset = _time_with_offset(text)
            if not isinstance(with_offset, str):
                clock.remember_offset(text, *with_offset)   # the next such time: read_simple's look-ups
            return with_offset
        return "nonexistent_time" if moment is None else moment

    def _values(self, text: str, unit: str) -> Values3 | str:
        """(value, value2, value3) in the measure's unit, or the reason the row is skipped."""
        units = self._divisor(unit) if unit else self.units
        if units is None:
            return "bad_unit"
        parts = text.split("/") if self.is_bp else [text]
        if not 1 <= len(parts) <= len(self.bounds) or (self.is_bp and len(parts) < 2):
            return "bad_value"
        values: list[float] = []
        for part, raw in enumerate(parts):
            try:
                value = self.numbers(raw) / units
            except ValueError:
                return "bad_value" if raw.strip() else "no_value"
            low, high = self.bounds[part]
            if not low <= value <= high:
                return "implausible"
            values.append(value)
        rest: list[float | None] = [*values[1:], None, None]
        return values[0], rest[0], rest[1]

    def _divisor(self, unit: str) -> float | None:
        if unit not in self.divisors:
            try:
                self.divisors[unit] = divisor(self.measure, unit)
            except ValueError:
                self.divisors[unit] = None
        return self.divisors[unit]


def _time_with_offset(text: str) -> tuple[int, int] | str:
    """(epoch, offset) of an ISO 8601 time with its own offset, or the reason it cannot be read.
    Fractions of a second are dropped, as in wall-clock times."""
    if not text.strip():
        return "no_time"
    if not has_offset(text):
        return "bad_time"
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return "bad_time"
    offset = moment.utcoffset()
    if offset is None or not FIRST_YEAR <= moment.year <= LAST_YEAR:
        return "bad_time"
    return (moment - _EPOCH) // _SECOND, (offset.days * 86400 + offset.seconds) // 60
