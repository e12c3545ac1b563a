"""Withings Health Mate: the CSV files of the account's data export (one zip of several CSVs; each
file is imported on its own).

The columns, as the export writes them (Withings' own notes in the export; read the same way by
open-source tools such as qcri/tasrif's Withings reader):
- bp.csv: 'Date', 'Heart rate', 'Systolic', 'Diastolic', 'Comments' -> measure 'bp' (value =
  systolic, value2 = diastolic, value3 = the heart rate as its pulse; mmHg and bpm).
- weight.csv: 'Date', 'Weight (kg)', 'Fat mass (kg)', 'Bone mass (kg)', 'Muscle mass (kg)',
  'Hydration (kg)', 'Comments' -> measure 'weight' (the unit is in the column's name; kg, or one
  the catalogue converts). Fat, bone and muscle mass and hydration have no measure in Regie and
  are not kept; docs/device-import.md says so. A row without a weight is skipped ('no_value').
Dates are wall-clock times ('2023-05-14 07:32:11') in the zone chosen for the import. A row's
comment becomes its reading's note.
"""

from zoneinfo import ZoneInfo

from phr.imports.devices.model import Header, Layout, NotThisFormat, ParsedReading, ParsedRows, Table
from phr.imports.devices.numbers import Numbers, decimal_mark
from phr.imports.devices.rows import Collector, cell, even, read_each
from phr.imports.devices.times import LocalClock, guess_order
from phr.imports.devices.units import bounds, divisor
from phr.monitoring.measures import CATALOGUE

DATE, COMMENTS = "Date", "Comments"
HEART_RATE, SYSTOLIC, DIASTOLIC = "Heart rate", "Systolic", "Diastolic"
WEIGHT = "Weight ("
BODY = ("Fat mass (", "Bone mass (", "Muscle mass (", "Hydration (")


def _is_bp(header: Header) -> bool:
    return all(header.find(name) is not None for name in (DATE, HEART_RATE, SYSTOLIC, DIASTOLIC))


def _is_weight(header: Header) -> bool:
    return (header.find(DATE) is not None and header.find_prefix(WEIGHT) is not None
            and any(header.find_prefix(name) is not None for name in BODY))


def looks_like(header: Header) -> bool:
    return _is_bp(header) or _is_weight(header)


def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
    rows = _Rows(table, zone)
    read_each(table, rows.read)
    return rows.found.rows


LAYOUT = Layout("withings", "a Withings Health Mate export", looks_like, read_rows)


class _Rows:
    """Reads one bp.csv or weight.csv into a Collector."""

    def __init__(self, table: Table, zone: ZoneInfo):
        header = table.header
        self.width = len(header.keys)
        self.date, self.comments = header.column(DATE), header.find(COMMENTS)
        if _is_bp(header):
            self.measure = "bp"
            self.columns = [header.column(SYSTOLIC), header.column(DIASTOLIC), header.column(HEART_RATE)]
            self.units = [1.0, 1.0, 1.0]
        else:
            self.measure = "weight"
            index, unit = header.column_prefix(WEIGHT)
            try:
                self.units = [divisor(CATALOGUE["weight"], unit)]
            except ValueError:
                raise NotThisFormat(f"This Withings export gives the weight in “{unit}”, not in kg.") from None
            self.columns = [index]
        self.bounds = [bounds(CATALOGUE[self.measure], part) for part in range(len(self.columns))]
        samples = table.sample(self.date)
        self.found = Collector("withings", LocalClock(guess_order(samples), zone, samples))
        self.numbers = Numbers(decimal_mark(v for index in self.columns for v in table.sample(index)))

    def read(self, line: int, fields: list[str] | None) -> None:
        found = self.found
        fields = even(fields, self.width)
        if fields is None:
            return found.skip(line, "bad_row")
        moment = found.time(line, fields[self.date])
        if moment is None:
            return None
        values = self._values(fields)
        if isinstance(values, str):
            return found.skip(line, values)
        found.add(ParsedReading(self.measure, *moment, *values, "", "", cell(fields, self.comments), line))
        return None

    def _values(self, fields: list[str]) -> tuple[float | None, float | None, float | None] | str:
        """(value, value2, value3), or the reason the row is skipped; the heart rate may be missing."""
        values: list[float | None] = [None, None, None]
        for part, index in enumerate(self.columns):
            raw = cell(fields, index)
            if not raw and part == 2:
                continue
            try:
                value = self.numbers(raw) / self.units[part]
            except ValueError:
                return "bad_value" if raw else "no_value"
            low, high = self.bounds[part]
            if not low <= value <= high:
                return "implausible"
            values[part] = value
        return values[0], values[1], values[2]
