"""OMRON connect blood pressure CSV.

Columns: 'Measurement Date' (or 'Date' and 'Time'), 'SYS(mmHg)', 'DIA(mmHg)', 'Pulse(bpm)',
yes/no flags ('Irregular Heartbeat', 'Body Movement') and 'Notes'. Each row is one reading of
measure 'bp': value = systolic, value2 = diastolic, value3 = pulse (None when the column or
the cell is empty). Flags that are set become plain words at the start of the note
("irregular heartbeat; body movement"), followed by the row's own note.
"""

from zoneinfo import ZoneInfo

from phr.imports.devices.model import Header, Layout, NotThisFormat, ParsedReading, ParsedRows, Table
from phr.imports.devices.numbers import Numbers, decimal_mark
from phr.imports.devices.rows import Collector, cell, even, read_each
from phr.imports.devices.times import LocalClock, guess_order
from phr.imports.devices.units import bounds
from phr.monitoring.measures import CATALOGUE

MEASUREMENT_DATE = "Measurement Date"
DATE, TIME = "Date", "Time"
SYSTOLIC, DIASTOLIC, PULSE = "SYS(", "DIA(", "Pulse("
NOTES = "Notes"
# Flag column -> the words for it in a note.
FLAGS = {"Irregular Heartbeat": "irregular heartbeat", "Body Movement": "body movement"}
# A flag cell with one of these (or nothing) means the flag is not set; anything else sets it.
_NOT_SET = {"", "no", "n", "false", "0", "nee", "off", "-", "--", "none"}


def looks_like(header: Header) -> bool:
    return (header.find_prefix(SYSTOLIC) is not None and header.find_prefix(DIASTOLIC) is not None
            and header.find(MEASUREMENT_DATE, DATE) is not None)


def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
    rows = _Rows(table, zone)
    read_each(table, rows.read)
    return rows.found.rows


LAYOUT = Layout("omron", "an OMRON connect blood pressure export", looks_like, read_rows)


class _Rows:
    """Reads one OMRON file's rows into a Collector."""

    def __init__(self, table: Table, zone: ZoneInfo):
        header = table.header
        self.width = len(header.keys)
        self.moment = header.find(MEASUREMENT_DATE)
        self.date, self.time = header.find(DATE), header.find(TIME)
        self.values = [_pressure_column(header, SYSTOLIC), _pressure_column(header, DIASTOLIC),
                       (header.find_prefix(PULSE) or (None, ""))[0]]
        self.flags = [(index, words) for name, words in FLAGS.items() if (index := header.find(name)) is not None]
        self.notes = header.find(NOTES)
        samples = [self._time_text(f) for _, f in table.head if f is not None]
        self.found = Collector("omron", LocalClock(guess_order(samples), zone, samples))
        self.numbers = Numbers(decimal_mark(v for index in self.values for v in table.sample(index)))
        self.bounds = [bounds(CATALOGUE["bp"], part) for part in range(3)]

    def _time_text(self, fields: list[str]) -> str:
        if self.moment is not None:
            return cell(fields, self.moment)
        return f"{cell(fields, self.date)} {cell(fields, self.time)}".strip()

    def read(self, line: int, fields: list[str] | None) -> None:
        found = self.found
        if fields is None or len(fields) != self.width:
            fields = even(fields, self.width)
            if fields is None:
                return found.skip(line, "bad_row")
        moment = found.time(line, self._time_text(fields))
        if moment is None:
            return None
        values = self._values(fields)
        if isinstance(values, str):
            return found.skip(line, values)
        found.add(ParsedReading("bp", *moment, *values, "", "", self._note(fields), line))
        return None

    def _values(self, fields: list[str]) -> tuple[float, float, float | None] | str:
        """(systolic, diastolic, pulse), or the reason the row is skipped."""
        values: list[float | None] = []
        for part, index in enumerate(self.values):
            raw = cell(fields, index)
            if not raw and part == 2:
                values.append(None)
                continue
            try:
                value = self.numbers(raw)
            except ValueError:
                return "bad_value" if raw else "no_value"
            low, high = self.bounds[part]
            if not low <= value <= high:
                return "implausible"
            values.append(value)
        systolic, diastolic, pulse = values
        assert systolic is not None and diastolic is not None  # only the pulse may be missing
        return systolic, diastolic, pulse

    def _note(self, fields: list[str]) -> str:
        words = [text for index, text in self.flags if cell(fields, index).casefold() not in _NOT_SET]
        own = cell(fields, self.notes)
        return "; ".join(words + ([own] if own else []))


def _pressure_column(header: Header, name: str) -> int:
    index, unit = header.column_prefix(name)
    if "kpa" in unit:
        raise NotThisFormat(f"This OMRON export gives blood pressure in “{unit}”, not in mmHg.")
    return index
