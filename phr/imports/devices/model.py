"""What a device parser produces: readings with aware times, and the rows it had to skip.

Parsers never touch the record: the import service stores their readings in one
transaction. Values are already in the measure's canonical unit (glucose mmol/L).
"""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ParsedReading:
    measure: str                  # catalogue key: 'glucose', 'bp', 'weight', ... or a custom measure key
    taken_at: datetime            # timezone-aware (device wall-clock time in Europe/Amsterdam, fold set)
    value: float | None           # canonical unit; None only with a flag (sensor 'Low'/'High')
    value2: float | None = None   # blood pressure: diastolic
    value3: float | None = None   # blood pressure: pulse
    flag: str = ""                # '' | 'below_range' | 'above_range' (the sensor could not measure it)
    method: str = ""              # glucose: 'sensor' | 'scan' | 'fingerstick'; '' otherwise
    note: str = ""
    line: int = 0                 # line number in the file (1-based), for messages


@dataclass(frozen=True)
class SkippedRow:
    line: int
    reason: str                   # a code: 'no_time', 'bad_time', 'no_value', 'bad_value', 'not_a_reading', ...


@dataclass
class ParseResult:
    format: str                   # 'libreview', 'dexcom', 'omron', 'csv'
    readings: list[ParsedReading] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[ParsedReading] = field(default_factory=list)  # LibreView record type 6: notes without a value


class NotThisFormat(ValueError):
    """The file is not (a readable) file of the kind asked for; the message says what it is not."""
