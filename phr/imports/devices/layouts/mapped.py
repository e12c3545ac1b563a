"""Any other CSV: through a mapping (which column holds the time, the value, the note; which
measure and unit), or, for a plain file with the columns `time` and `value` (and optionally
`unit` and `note`), without one (`phr import DIR FILE --format csv --measure KEY`).

Times: ISO 8601 with an offset ('2026-09-01T08:00:00+02:00', '...Z') keep that offset; times
without one are device wall-clock times in Europe/Amsterdam (see times.py), in any of the formats
times.py reads, with the date order of the mapping or guessed from the values.
Values: numbers with a decimal point or comma (text.parse_number); blood pressure as
'systolic/diastolic' or 'systolic/diastolic/pulse'. A `unit` column overrides the mapping's unit
per row; a unit the measure cannot be converted from skips the row ('bad_unit').
"""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import islice

from phr.imports.devices.collect import (
    Collector,
    Simple,
    Table,
    Values,
    bounds,
    divisor,
    find_measure,
    open_table,
    read_rows,
    read_simple,
)
from phr.imports.devices.model import NotThisFormat, ParsedReading, ParseResult
from phr.imports.devices.text import (
    CsvText,
    Header,
    Numbers,
    Progress,
    cell,
    decimal_mark,
    even,
    read_csv_text,
    records,
)
from phr.imports.devices.times import AMSTERDAM, ORDERS, LocalClock, guess_order, has_offset
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.measures import BLOOD_PRESSURE, FIRST_YEAR, LAST_YEAR, Measure

PLAIN_TIME, PLAIN_VALUE, PLAIN_UNIT, PLAIN_NOTE = "time", "value", "unit", "note"
_EPOCH, _SECOND = datetime(1970, 1, 1, tzinfo=timezone.utc), timedelta(seconds=1)


@dataclass(frozen=True)
class Preview:
    headers: list[str]
    rows: list[list[str]]         # the first rows, as text, for the mapping step
    delimiter: str
    encoding: str


def preview(data: bytes, rows: int = 10, name: str = "") -> Preview:
    """The header row and the first `rows` rows; NotThisFormat when the file is not text."""
    text = read_csv_text(data, name)
    found = [fields for _, fields in islice(records(text), rows + 1) if fields is not None]
    if not found:
        raise NotThisFormat("The file holds no rows.")
    return Preview(found[0], found[1:], text.delimiter, text.encoding)


def parse_with_mapping(data: bytes | CsvText, mapping: Mapping, progress: Progress | None = None,
                       catalogue: dict[str, Measure] | None = None, name: str = "",
                       zone=AMSTERDAM) -> ParseResult:
    """Readings of mapping.measure. ValueError for an unknown measure, unit or date order;
    NotThisFormat when a mapped column is missing."""
    if mapping.date_order not in ORDERS:
        raise ValueError(f"unknown date order {mapping.date_order!r}")
    measure = find_measure(mapping.measure, catalogue)
    units = divisor(measure, mapping.unit)
    wanted = [c for c in (mapping.time_column, mapping.value_column, mapping.note_column) if c]

    def looks_like(header: Header) -> bool:
        return all(header.find(column) is not None for column in wanted)

    what = "a file with the columns " + ", ".join(f"“{c}”" for c in wanted)
    table = open_table(data, looks_like, what, progress, name)
    return _read(table, _Rows(table, measure, mapping, units, zone))


def parse_plain(data: bytes | CsvText, measure: str, progress: Progress | None = None,
                catalogue: dict[str, Measure] | None = None, name: str = "",
                zone=AMSTERDAM) -> ParseResult:
    """A CSV with the columns `time` and `value` (optional: `unit`, `note`) as readings of `measure`."""
    mapping = Mapping(PLAIN_TIME, PLAIN_VALUE, measure, "", PLAIN_NOTE)
    found = find_measure(measure, catalogue)

    def looks_like(header: Header) -> bool:
        return header.find(PLAIN_TIME) is not None and header.find(PLAIN_VALUE) is not None

    table = open_table(data, looks_like, "a CSV file with the columns “time” and “value”", progress, name)
    return _read(table, _Rows(table, found, mapping, 1.0, zone, table.header.find(PLAIN_UNIT)))


def _read(table: Table, rows: "_Rows") -> ParseResult:
    if rows.one_number:
        simple = Simple(rows.measure.key, rows.width, rows.time, rows.note, None, {"": (rows.value, rows.values, "")})
        read_simple(table.rows, rows.found, simple, rows.read)
    else:
        read_rows(table, rows.read)
    return rows.found.finish()


class _Rows:
    """Reads one mapped file's rows into a Collector."""

    def __init__(self, table: Table, measure: Measure, mapping: Mapping, units: float, zone,
                 unit_column: int | None = None):
        header = table.header
        self.width = len(header.keys)
        self.measure, self.units, self.unit_column = measure, units, unit_column
        self.time, self.value = header.find(mapping.time_column), header.find(mapping.value_column)
        self.note = header.find(mapping.note_column) if mapping.note_column else None
        samples = table.sample(self.time)
        order = guess_order(samples) if mapping.date_order == "auto" else mapping.date_order
        self.found = Collector("csv", LocalClock(order, zone, samples))
        mark = decimal_mark(table.sample(self.value))
        self.numbers = Numbers(mark)
        self.is_bp = measure.kind == BLOOD_PRESSURE
        self.bounds = [bounds(measure, part) for part in range(3 if self.is_bp else 1)]
        # One number per row in the mapping's unit: the common case, read without _values.
        self.one_number = not self.is_bp and unit_column is None
        self.values = Values(mark, units, *self.bounds[0])
        self.divisors: dict[str, float | None] = {}

    def read(self, line: int, fields_: list[str] | None) -> None:
        """One row, carefully: a reading, or a skipped row with the reason."""
        found = self.found
        if fields_ is None or len(fields_) != self.width:
            fields_ = even(fields_, self.width)
            if fields_ is None:
                return found.skip(line, "bad_row")
        text = fields_[self.time]
        try:
            moment = found.clock(text, line)
        except ValueError:
            moment = _time_with_offset(text)
            if isinstance(moment, str):
                return found.skip(line, moment)
        if moment is None:
            return found.skip(line, "nonexistent_time")
        if self.one_number:
            value = found.value(line, self.values, fields_[self.value])
            if value is None:
                return None
            values = (value, None, None)
        else:
            values = self._values(fields_[self.value], cell(fields_, self.unit_column))
            if isinstance(values, str):
                return found.skip(line, values)
        note = fields_[self.note].strip() if self.note is not None else ""
        found.add(ParsedReading(self.measure.key, *moment, *values, "", "", note, line))

    def _values(self, text: str, unit: str) -> tuple[float, float | None, float | None] | str:
        """(value, value2, value3) in the measure's unit, or the reason the row is skipped."""
        units = self._divisor(unit) if unit else self.units
        if units is None:
            return "bad_unit"
        parts = text.split("/") if self.is_bp else [text]
        if not 1 <= len(parts) <= len(self.bounds) or (self.is_bp and len(parts) < 2):
            return "bad_value"
        values = []
        for part, raw in enumerate(parts):
            try:
                value = self.numbers(raw) / units
            except ValueError:
                return "bad_value" if raw.strip() else "no_value"
            low, high = self.bounds[part]
            if not low <= value <= high:
                return "implausible"
            values.append(value)
        return tuple(values) + (None,) * (3 - len(values))

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
    if moment.tzinfo is None or not FIRST_YEAR <= moment.year <= LAST_YEAR:
        return "bad_time"
    offset = moment.utcoffset()
    return (moment - _EPOCH) // _SECOND, (offset.days * 86400 + offset.seconds) // 60
