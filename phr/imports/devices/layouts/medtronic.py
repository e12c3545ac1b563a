"""Medtronic CareLink exports, in mmol/L or mg/dL: the iPro2 professional CGM's export ('Medtronic
Diabetes iPro Data Export File': UTF-16, tab-separated, eleven lines of patient and device data
before the header) and CareLink's export of a MiniMed pump with its sensor (comma or semicolon
separated, in sections that each repeat the header row after a '-------' line).

Recognised by the header row: 'Index', 'Date', 'Time' and a 'Sensor Glucose (unit)' or 'BG Reading
(unit)' column; the unit in the column's name says mmol/L or mg/dL for the whole file.
- 'Sensor Glucose' is the sensor's value: a reading with method 'sensor'.
- 'BG Reading' is a finger-prick meter's value (the iPro2's log sheet, which calibrates the
  sensor; a pump's linked meter): method 'fingerstick'. 'Sensor Calibration BG' repeats such a
  value and is not read again.
- A row with both gives both readings; a row with neither (sensor events, ISIG values, meal
  markers, pump events, a section line or a repeated header row) is skipped as 'not_a_reading'.
Dates are DD/MM/YY (iPro2, a two-digit year), YYYY/MM/DD (CareLink) or MM/DD/YY in US exports;
the order of day and month is the whole file's (times.file_order), or the person's.
"""

from zoneinfo import ZoneInfo

from phr.core.vocabulary import ReadingMethod
from phr.imports.devices.model import Header, Layout, NotThisFormat, ParsedReading, ParsedRows, Table
from phr.imports.devices.numbers import decimal_mark
from phr.imports.devices.rows import Collector, Values, even, read_each
from phr.imports.devices.times import LocalClock, guess_order
from phr.imports.devices.units import bounds, divisor
from phr.monitoring.measures import CATALOGUE

INDEX, DATE, TIME = "Index", "Date", "Time"
SENSOR = "Sensor Glucose"
METER = "BG Reading"
_UNITS = {"mmol/l": "mmol/L", "mg/dl": "mg/dL"}


def looks_like(header: Header) -> bool:
    return (header.find(INDEX) is not None and header.find(DATE) is not None and header.find(TIME) is not None
            and (header.find_prefix(SENSOR) is not None or header.find_prefix(METER) is not None))


def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
    rows = _Rows(table, zone)
    read_each(table, rows.read)
    return rows.found.rows


LAYOUT = Layout("medtronic", "a Medtronic CareLink export", looks_like, read_rows)


class _Rows:
    """Reads one CareLink file's rows into a Collector."""

    def __init__(self, table: Table, zone: ZoneInfo):
        header = table.header
        self.width = len(header.keys)
        self.date, self.time = header.column(DATE), header.column(TIME)
        self.columns = [(index, values, method) for index, values, method in
                        (self._glucose(table, SENSOR, ReadingMethod.SENSOR), self._glucose(table, METER,
                                                                                             ReadingMethod.FINGERSTICK))
                        if index is not None]
        samples = table.column_sample([self._moment(f) for _, f in table.head if f is not None
                                       and len(f) == self.width and f[self.date].strip() not in ("", DATE)])
        self.found = Collector("medtronic", LocalClock(guess_order(samples), zone, samples))

    def _glucose(self, table: Table, name: str, method: ReadingMethod) -> tuple[int | None, Values, str]:
        """(the column, how its values become mmol/L, method); column None when the file has none."""
        place = table.header.find_prefix(name)
        low, high = bounds(CATALOGUE["glucose"])
        if place is None:
            return None, Values(None, 1.0, low, high), method.value
        index, unit_text = place
        if unit_text not in _UNITS:
            raise NotThisFormat(f"This Medtronic export gives glucose in “{unit_text}”, not in mmol/L or mg/dL.")
        mark = decimal_mark(table.sample(index))
        return index, Values(mark, divisor(CATALOGUE["glucose"], _UNITS[unit_text]), low, high), method.value

    def read(self, line: int, fields: list[str] | None) -> None:
        found = self.found
        fields = even(fields, self.width)
        if fields is None:
            return found.skip(line, "bad_row")
        taken = [(index, values, method) for index, values, method in self.columns if fields[index].strip()]
        if not taken or fields[self.date].strip() == DATE:   # a section's repeated header row
            return found.skip(line, "not_a_reading")
        moment = found.time(line, self._moment(fields))
        if moment is None:
            return None
        for index, values, method in taken:
            value = found.value(line, values, fields[index])
            if value is not None:
                found.add(ParsedReading("glucose", *moment, value, None, None, "", method, "", line))
        return None

    def _moment(self, fields: list[str]) -> str:
        return f"{fields[self.date].strip()} {fields[self.time].strip()}"
