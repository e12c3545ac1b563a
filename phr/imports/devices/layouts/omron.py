"""OMRON connect blood pressure CSV, both of the app's layouts (recognised by the header row):

- the report ("Your Requested OMRON Report from ..."): 'Date', 'Time', 'Systolic (mmHg)', 'Diastolic
  (mmHg)', 'Pulse (bpm)', ..., with dates as '21 May 2025' or 'Jan 12 2025' (the shared date reading,
  dates.py; the day/month order of numeric dates from the whole file). German reports ('Datum', 'Zeit',
  'Systolisch (mmHg)', 'Diastolisch (mmHg)', 'Puls (bpm)') are read too.
- the older app export: 'Measurement Date' ('2024/11/21 11:40'), 'Timezone' (an IANA zone per row),
  'SYS(mmHg)', 'DIA(mmHg)', 'Pulse(bpm)', ...

Each row is one reading of measure 'bp': value = systolic, value2 = diastolic, value3 = pulse (None when
not measured). OMRON writes -2147483648 (the smallest 32-bit number) for a value it did not measure; such
a cell is empty. A row without systolic and diastolic (a measurement that failed: 'Error No.') is skipped
as 'no_value'. An 'SpO2' column (a monitor with a pulse oximeter) gives a reading of measure 'spo2'; in a
row with an SpO2 but no blood pressure the pulse is a reading of 'heart_rate'.

Times: a row's 'Timezone' wins over the zone the person chose (times.ZoneClocks); without one, the times
are in the chosen zone.

Flags go with the reading as DeviceFlag bits (ParsedReading.device_flags). Their columns are named in
English ('Irregular heartbeat detected', 'Possible AFib', 'Body Movement', 'Cuff wrap guide'; the app export
also counts irregular beats: 'IHB detection counts(times)'). A cell sets its flag only when its words say
so: 'Detected', 'Yes', 'Not OK' (the cuff wrap guide), or a count above 0. Anything else leaves it unset:
empty cells, 'Not Detected', 'No', '0', 'OK', a dash, and words Regie does not know (a flag is never set
because a cell is merely filled).
"""

from zoneinfo import ZoneInfo

from phr.core.vocabulary import DeviceFlag
from phr.imports.devices.model import Header, Layout, NotThisFormat, ParsedReading, ParsedRows, Table
from phr.imports.devices.numbers import Numbers, decimal_mark
from phr.imports.devices.rows import Collector, cell, even, read_each
from phr.imports.devices.times import guess_order
from phr.imports.devices.units import bounds
from phr.imports.devices.zones import ZoneClocks
from phr.monitoring.measures import CATALOGUE

MEASUREMENT_DATE = ("Measurement Date", "Messdatum")
DATE, TIME = ("Date", "Datum"), ("Time", "Zeit", "Uhrzeit")
TIMEZONE = ("Timezone", "Time Zone", "Zeitzone")
# Prefixes: the app export writes 'SYS(mmHg)', the report 'Systolic (mmHg)', German 'Systolisch (mmHg)'.
SYSTOLIC = ("SYS(", "Systolic", "Systolisch")
DIASTOLIC = ("DIA(", "Diastolic", "Diastolisch")
PULSE = ("Pulse", "Puls")
SPO2 = ("SpO2", "SpO₂")
NOTES = ("Notes", "Notizen")
NOT_MEASURED = "-2147483648"   # OMRON's 'no value' (the smallest 32-bit integer)
# A cell that says nothing: empty, or the report's dash.
_EMPTY = {"", "-", "--", NOT_MEASURED}


def looks_like(header: Header) -> bool:
    return (header.find_prefix(*SYSTOLIC) is not None and header.find_prefix(*DIASTOLIC) is not None
            and (header.find(*MEASUREMENT_DATE) is not None
                 or (header.find(*DATE) is not None and header.find(*TIME) is not None)))


def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
    rows = _Rows(table, zone)
    read_each(table, rows.read)
    found = rows.found.rows
    found.line_zones = rows.clocks.line_zones
    return found


LAYOUT = Layout("omron", "an OMRON connect blood pressure export", looks_like, read_rows)


class _Rows:
    """Reads one OMRON file's rows into a Collector."""

    def __init__(self, table: Table, zone: ZoneInfo):
        header = table.header
        self.width = len(header.keys)
        self.moment = header.find(*MEASUREMENT_DATE)
        self.date, self.time = header.find(*DATE), header.find(*TIME)
        self.zone = header.find(*TIMEZONE)
        self.values = [_pressure_column(header, SYSTOLIC), _pressure_column(header, DIASTOLIC),
                       (header.find_prefix(*PULSE) or (None, ""))[0]]
        self.spo2 = (header.find_prefix(*SPO2) or (None, ""))[0]
        self.flags = FlagColumns(header)
        self.notes = header.find(*NOTES)
        samples = table.column_sample([self._time_text(f) for _, f in table.head if f is not None])
        self.clocks = ZoneClocks(guess_order(samples), zone, samples)
        self.found = Collector("omron", self.clocks.default)
        columns = [i for i in (*self.values, self.spo2) if i is not None]
        self.numbers = Numbers(decimal_mark(v for i in columns for v in table.sample(i) if v.strip() != NOT_MEASURED))
        self.bounds = [bounds(CATALOGUE["bp"], part) for part in range(3)]
        self.spo2_bounds = bounds(CATALOGUE["spo2"])

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
        pressure = self._values(fields)
        spo2 = self._one(fields, self.spo2, self.spo2_bounds)
        pulse = self._one(fields, self.values[2], self.bounds[2]) if pressure == "no_value" and spo2 else None
        if isinstance(pressure, str) and (pressure != "no_value" or spo2 is None):
            return found.skip(line, pressure)
        if isinstance(spo2, str) or isinstance(pulse, str):
            return found.skip(line, spo2 if isinstance(spo2, str) else str(pulse))
        moment = self._moment(line, fields)
        if moment is None:
            return None
        if not isinstance(pressure, str):
            note = cell(fields, self.notes)
            found.add(ParsedReading("bp", *moment, *pressure, "", "", "" if note in _EMPTY else note, line,
                                    self.flags.of(fields)))
        if spo2 is not None:
            found.add(ParsedReading("spo2", *moment, spo2, line=line))
        if pulse is not None:   # an oximeter's pulse, without a blood pressure to go with
            found.add(ParsedReading("heart_rate", *moment, pulse, line=line))
        return None

    def _moment(self, line: int, fields: list[str]) -> tuple[int, int] | None:
        """(epoch, offset) in the row's own zone (its Timezone cell) or the chosen one; None (and the
        row skipped) when the time or the zone cannot be read, or the time does not exist there."""
        text = self._time_text(fields)
        try:
            moment = self.clocks(text, cell(fields, self.zone), line)
        except ValueError:
            self.found.skip(line, "bad_time" if text else "no_time")
            return None
        if moment is None:
            self.found.skip(line, "nonexistent_time")
        return moment

    def _values(self, fields: list[str]) -> tuple[float, float, float | None] | str:
        """(systolic, diastolic, pulse), or the reason the row has none."""
        values: list[float | None] = []
        for part, index in enumerate(self.values):
            raw = cell(fields, index)
            if raw in _EMPTY:
                if part < 2:
                    return "no_value"
                values.append(None)
                continue
            try:
                value = self.numbers(raw)
            except ValueError:
                return "bad_value"
            low, high = self.bounds[part]
            if not low <= value <= high:
                return "implausible"
            values.append(value)
        systolic, diastolic, pulse = values
        assert systolic is not None and diastolic is not None  # only the pulse may be missing
        return systolic, diastolic, pulse

    def _one(self, fields: list[str], index: int | None, limits: tuple[float, float]) -> float | str | None:
        """A single value (SpO2 in %, or a pulse): None when the file has no such column or the cell is
        empty; or the reason the row is skipped."""
        raw = cell(fields, index)
        if raw in _EMPTY:
            return None
        try:
            value = self.numbers(raw.rstrip("%").strip())
        except ValueError:
            return "bad_value"
        low, high = limits
        return value if low <= value <= high else "implausible"


def _pressure_column(header: Header, names: tuple[str, ...]) -> int:
    index, unit = header.column_prefix(*names)
    if "kpa" in unit:
        raise NotThisFormat(f"This OMRON export gives blood pressure in “{unit}”, not in mmHg.")
    return index

# Flag -> the names of the columns that hold it (case and spaces ignored).
COLUMNS: dict[DeviceFlag, tuple[str, ...]] = {
    DeviceFlag.IRREGULAR_HEARTBEAT: ("Irregular heartbeat detected", "Irregular Heartbeat", "IHB",
                                     "IHB detection counts(times)"),
    DeviceFlag.POSSIBLE_AFIB: ("Possible AFib", "AFib", "Possible A-Fib"),
    DeviceFlag.BODY_MOVEMENT: ("Body Movement", "Body Movement detected"),
    DeviceFlag.CUFF_FIT: ("Cuff wrap guide", "Cuff Wrap Guide", "Cuff fit"),
}
# The words that set a flag (case folded). 'Not OK' is the cuff wrap guide's: the cuff was not well wrapped.
SET = frozenset({"detected", "yes", "y", "true", "on", "not ok", "notok", "ng", "possible afib", "afib"})


def is_set(text: str) -> bool:
    """True only when the cell's words say the flag is set (see the module's docstring)."""
    words = " ".join(text.split()).casefold()
    if words in SET:
        return True
    try:
        return float(words) > 0   # a count of irregular beats
    except ValueError:
        return False


class FlagColumns:
    """The flag columns a file has; of(fields) gives a row's DeviceFlag bits."""

    def __init__(self, header: Header):
        self.columns = [(index, int(flag)) for flag, names in COLUMNS.items()
                        for name in names if (index := header.find(name)) is not None]

    def of(self, fields: list[str]) -> int:
        bits = 0
        for index, bit in self.columns:
            if is_set(cell(fields, index)):
                bits |= bit
        return bits
