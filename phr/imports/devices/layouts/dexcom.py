"""Dexcom Clarity CSV export (English headers), in mmol/L or mg/dL.

The first rows after the header are metadata without a timestamp (name, device, alert settings);
'EGV' rows (estimated glucose values, every 5 minutes) are readings with method 'sensor', and
'Calibration' rows (a finger-prick meter's value, typed into the receiver to calibrate the sensor)
readings with method 'fingerstick'. Other rows (insulin, carbs, alerts) are skipped as
'not_a_reading'. An EGV 'Low' or 'High' is outside what the sensor can measure: it becomes a
reading with value None and flag 'below_range' / 'above_range', never a number. The unit is in
the glucose column's name: 'Glucose Value (mmol/L)' or '(mg/dL)'.
"""

from zoneinfo import ZoneInfo

from phr.core.vocabulary import ReadingMethod
from phr.imports.devices.model import Header, Layout, NotThisFormat, ParsedReading, ParsedRows, Table
from phr.imports.devices.numbers import decimal_mark
from phr.imports.devices.rows import Collector, Simple, Values, even, read_simple
from phr.imports.devices.times import LocalClock, guess_order
from phr.imports.devices.units import bounds, divisor
from phr.monitoring.measures import CATALOGUE

TIMESTAMP = "Timestamp"
EVENT_TYPE = "Event Type"
GLUCOSE = "Glucose Value"
# Event type (case folded) -> method: what each kind of reading row is.
_METHODS = {"egv": ReadingMethod.SENSOR, "calibration": ReadingMethod.FINGERSTICK}
_FLAGS = {"low": "below_range", "high": "above_range"}
_UNITS = {"mmol/l": "mmol/L", "mg/dl": "mg/dL"}


def looks_like(header: Header) -> bool:
    return (header.find_prefix(TIMESTAMP) is not None and header.find(EVENT_TYPE) is not None
            and header.find_prefix(GLUCOSE) is not None)


def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
    rows = _Rows(table, zone)
    # Clarity writes 'EGV' and 'Calibration'; other spellings take the careful way, with the same result.
    kinds = {"EGV": (rows.glucose, rows.values, ReadingMethod.SENSOR.value),
             "Calibration": (rows.glucose, rows.values, ReadingMethod.FINGERSTICK.value)}
    simple = Simple("glucose", rows.width, rows.time, None, rows.event, kinds)
    read_simple(table.rows, rows.found, simple, rows.read)
    return rows.found.rows


LAYOUT = Layout("dexcom", "a Dexcom Clarity export", looks_like, read_rows)


class _Rows:
    """Reads one Clarity file's rows into a Collector."""

    def __init__(self, table: Table, zone: ZoneInfo):
        header = table.header
        self.width = len(header.keys)
        self.time = header.column_prefix(TIMESTAMP)[0]
        self.event = header.column(EVENT_TYPE)
        self.glucose, unit_text = header.column_prefix(GLUCOSE)
        if unit_text not in _UNITS:
            raise NotThisFormat(f"This Dexcom export gives glucose in “{unit_text}”, not in mmol/L or mg/dL.")
        samples = table.sample(self.time)
        self.found = Collector("dexcom", LocalClock(guess_order(samples), zone, samples))
        mark = decimal_mark(v for v in table.sample(self.glucose) if v.casefold() not in _FLAGS)
        self.values = Values(mark, divisor(CATALOGUE["glucose"], _UNITS[unit_text]), *bounds(CATALOGUE["glucose"]))

    def read(self, line: int, fields: list[str] | None) -> None:
        found = self.found
        if fields is None or len(fields) != self.width:
            fields = even(fields, self.width)
            if fields is None:
                return found.skip(line, "bad_row")
        method = _METHODS.get(fields[self.event].strip().casefold())
        if method is None:
            return found.skip(line, "not_a_reading")
        moment = found.time(line, fields[self.time])
        if moment is None:
            return None
        raw = fields[self.glucose]
        # Only the sensor has a range it cannot read beyond; a meter's value is a number.
        flag = _FLAGS.get(raw.strip().casefold(), "") if method == ReadingMethod.SENSOR else ""
        value = None
        if not flag:
            value = found.value(line, self.values, raw)
            if value is None:
                return None
        found.add(ParsedReading("glucose", *moment, value, None, None, flag, method.value, "", line))
        return None
