"""LibreView CSV (FreeStyle Libre), with Dutch or English headers, in mmol/L or mg/dL.

The file starts with a metadata line ('Glucose Data,Generated on,...'), then the header row.
Record types: 0 historic glucose (method 'sensor'), 1 scan ('scan'), 2 strip ('fingerstick'),
6 a note (ParsedRows.notes: value None, the text in `note`). Each glucose column carries its
unit in its name ('Historische glucose mmol/l', 'Historic Glucose mg/dL'); mg/dL is divided by
18.016. Any other row is read by its columns (_Extras below): blood ketones, carbohydrates
(grams) and rapid- and long-acting insulin (units) are readings of their own measures; a row
with none of them (a food marker without an amount, a time change) is skipped as 'not_a_reading'.

The same layout is written by the FreeStyle Libre (Pro) desktop software and by tools that
copy it (iglu's 'libre' and 'librepro'): metadata lines, then 'ID', 'Time' (or 'Timestamp'),
'Record Type', 'Historic Glucose (mg/dL)'; the time column is then called 'Time' or 'Timestamp'.

Dates are DD-MM-YYYY HH:MM or, in US exports, MM-DD-YYYY hh:mm AM/PM (re-saved by Excel: '5/30/21
15:57'). The order is the whole file's (times.file_order: a number above 12 shows it, the metadata
line's date included); when no date shows it, the person is asked (DateOrderUnknown), whatever the
clock: AM/PM times are not taken to mean the US order.
"""

from zoneinfo import ZoneInfo

from phr.core.vocabulary import ReadingMethod
from phr.imports.devices.model import Header, Layout, NotThisFormat, ParsedReading, ParsedRows, Table
from phr.imports.devices.numbers import decimal_mark
from phr.imports.devices.rows import Collector, Simple, Values, cell, even, read_simple
from phr.imports.devices.times import LocalClock, guess_order
from phr.imports.devices.units import bounds, divisor
from phr.monitoring.measures import CATALOGUE

TIME = ("Tijdstempel apparaat", "Device Timestamp", "Time", "Timestamp", "Tijd", "Tijdstempel")
RECORD_TYPE = ("Gegevenstype", "Record Type")
HISTORIC = ("Historische glucose", "Historic Glucose")
SCAN = ("Scan Glucose", "Scanglucose")
STRIP = ("Strip Glucose", "Stripglucose")
NOTES = ("Notities", "Notes")
_HISTORIC, _SCAN, _STRIP, _NOTE = "0", "1", "2", "6"
# Measure -> the columns of another kind of row, as named in Dutch and English exports. They are
# readings of their own: a blood ketone is measured, carbohydrates and insulin are amounts the
# person records, and numbers (per day, next to glucose) are what they and their care team use.
EXTRAS = {
    "ketones": ("Keton mmol/l", "Ketone mmol/L", "Ketonen mmol/l"),
    "carbs": ("Koolhydraten (gram)", "Carbohydrates (grams)"),
    "insulin_rapid": ("Snelwerkende insuline (eenheden)", "Rapid-Acting Insulin (units)"),
    "insulin_long": ("Langwerkende insuline (eenheden)", "Long-Acting Insulin (units)",
                     "Long-Acting Insulin Value (units)"),
}
_UNITS = {"mmol/l": "mmol/L", "mg/dl": "mg/dL"}


def looks_like(header: Header) -> bool:
    return (header.find(*TIME) is not None and header.find(*RECORD_TYPE) is not None
            and header.find_prefix(*HISTORIC) is not None)


def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
    rows = _Rows(table, zone)
    read_simple(table.rows, rows.found, rows.simple, rows.read)
    return rows.found.rows


LAYOUT = Layout("libreview", "a LibreView export", looks_like, read_rows)


def _glucose_columns(table: Table) -> dict[str, tuple[int, Values, str]]:
    """Record type -> (its glucose column, how that column's values become mmol/L, method)."""
    header, (low, high) = table.header, bounds(CATALOGUE["glucose"])
    columns = ((_HISTORIC, HISTORIC), (_SCAN, SCAN), (_STRIP, STRIP))
    found = {kind: place for kind, names in columns if (place := header.find_prefix(*names)) is not None}
    mark = decimal_mark([v for index, _ in found.values() for v in table.sample(index)])
    methods = {_HISTORIC: ReadingMethod.SENSOR.value, _SCAN: ReadingMethod.SCAN.value,
               _STRIP: ReadingMethod.FINGERSTICK.value}
    return {kind: (index, Values(mark, _divisor(unit), low, high), methods[kind])
            for kind, (index, unit) in found.items()}


def _divisor(unit_text: str) -> float:
    unit = _UNITS.get(unit_text)
    if unit is None:
        raise NotThisFormat(f"This LibreView export gives glucose in “{unit_text}”, not in mmol/L or mg/dL.")
    return divisor(CATALOGUE["glucose"], unit)


class _Rows:
    """Reads one LibreView file's rows into a Collector."""

    def __init__(self, table: Table, zone: ZoneInfo):
        header = table.header
        self.width = len(header.keys)
        self.time, self.kind, self.notes = header.column(*TIME), header.column(*RECORD_TYPE), header.find(*NOTES)
        self.glucose = _glucose_columns(table)
        self.extras = _Extras(header, next((v.mark for _, v, _ in self.glucose.values()), None))
        metadata = [text for fields in table.before_header for text in fields]
        samples = table.sample(self.time)
        self.found = Collector("libreview", LocalClock(guess_order(metadata + samples, default="dmy"), zone, samples))
        self.simple = Simple("glucose", self.width, self.time, self.notes, self.kind, self.glucose)

    def read(self, line: int, fields: list[str] | None) -> None:
        found = self.found
        if fields is None or len(fields) != self.width:
            fields = even(fields, self.width)
            if fields is None:
                return found.skip(line, "bad_row")
        kind = fields[self.kind].strip()
        glucose = self.glucose.get(kind)
        if glucose is None and kind != _NOTE:
            return self.extras.read(found, line, fields, fields[self.time], cell(fields, self.notes))
        moment = found.time(line, fields[self.time])
        if moment is None:
            return None
        note = cell(fields, self.notes)
        if glucose is None:
            return self._note(line, moment, note)
        index, values, method = glucose
        value = found.value(line, values, fields[index])
        if value is not None:
            found.add(ParsedReading("glucose", *moment, value, None, None, "", method, note, line))
        return None

    def _note(self, line: int, moment: tuple[int, int], note: str) -> None:
        if not note:
            return self.found.skip(line, "no_value")
        self.found.add_note(ParsedReading("glucose", *moment, None, note=note, line=line))
        return None


class _Extras:
    """The readings in a row that is not glucose: ketones, carbohydrates, insulin (EXTRAS)."""

    def __init__(self, header: Header, mark: str | None):
        self.columns = []
        for key, names in EXTRAS.items():
            index = header.find(*names)
            if index is not None:
                measure = CATALOGUE[key]
                self.columns.append((key, index, Values(mark, 1.0, *bounds(measure))))

    def read(self, found: Collector, line: int, fields: list[str], time: str, note: str) -> None:
        """Adds the row's readings; a row without any is skipped as 'not_a_reading'."""
        filled = [(key, index, values) for key, index, values in self.columns if fields[index].strip()]
        if not filled:
            return found.skip(line, "not_a_reading")
        moment = found.time(line, time)
        if moment is None:
            return None
        for key, index, values in filled:
            value = found.value(line, values, fields[index])
            if value is not None:
                found.add(ParsedReading(key, *moment, value, None, None, "", "", note, line))
        return None
