"""What a device parser produces: readings with aware times, and the rows it had to skip.

Parsers never touch the record: the import service stores their readings in one
transaction. Values are already in the measure's canonical unit (glucose mmol/L).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import NamedTuple


class ParsedReading(NamedTuple):
    """One reading from a device file. A NamedTuple with the time as numbers, not a datetime:
    a million of these are made per large file, and the store needs only the numbers."""

    measure: str                  # catalogue key: 'glucose', 'bp', 'weight', ... or a custom measure key
    epoch: int                    # UTC, seconds since 1970 (the device's wall-clock time, zone attached)
    offset: int                   # minutes east of UTC at that moment (Europe/Amsterdam: 60 or 120)
    value: float | None           # canonical unit; None only with a flag (sensor 'Low'/'High')
    value2: float | None = None   # blood pressure: diastolic
    value3: float | None = None   # blood pressure: pulse
    flag: str = ""                # '' | 'below_range' | 'above_range' (the sensor could not measure it)
    method: str = ""              # glucose: 'sensor' | 'scan' | 'fingerstick'; '' otherwise
    note: str = ""
    line: int = 0                 # line number in the file (1-based), for messages

    @property
    def taken_at(self) -> datetime:
        """The time with its offset (for showing and checking; the store uses epoch and offset)."""
        return datetime.fromtimestamp(self.epoch, timezone(timedelta(minutes=self.offset)))


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
