"""Readings as the statistics see them: one column per field, as numpy arrays.

A year of 5-minute sensor glucose is 105,000 readings and a lifetime 3 million; the statistics
run on whole columns (numpy), never reading by reading, so the screen, the PDFs and the
benchmark get every figure in milliseconds. `Sample` is one reading for code that builds a few
by hand (tests, small examples); `Samples.of` turns them into columns.

A missing number is NaN (so is a stored NaN or infinity, never stored on purpose: one would
otherwise turn every mean into NaN). A sensor's Low or High without a number is a flag: -1 / +1.
What a blood pressure monitor noticed (phr.core.vocabulary.DeviceFlag bits) is the column `device`.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Protocol

import numpy as np

from phr.monitoring.measures import BLOOD_PRESSURE, CATALOGUE
from phr.monitoring.readings import ReadingService
from phr.storage.repos.reading_rows import CODES, FLAGS, METHODS, NotedReadingRow
from phr.storage.vocabulary import ReadingFlag, ReadingMethod

_EPOCH = date(1970, 1, 1)
_SECONDS_PER_DAY = 86_400
_FLAG_SIGN = {ReadingFlag.BELOW_RANGE: -1, ReadingFlag.ABOVE_RANGE: 1}
# Per stored flag code (phr.storage FLAGS) its sign: -1 Low, +1 High, 0 none.
_SIGN_OF_CODE = np.array([_FLAG_SIGN.get(word, 0) for word in FLAGS], dtype=np.int8)  # type: ignore[call-overload]
SENSOR_CODE = METHODS.index(ReadingMethod.SENSOR)


@dataclass(frozen=True)
class Sample:
    """One reading, built by hand."""

    at: int                         # UTC, seconds since 1970-01-01
    offset: int                     # minutes east of UTC where it was taken (+60 Dutch winter, +120 summer)
    value: float | None             # component 1: glucose, systolic, weight, ...
    value2: float | None = None     # blood pressure: diastolic
    value3: float | None = None     # blood pressure: pulse
    flag: str = ""                  # '' | 'below_range' | 'above_range': a sensor 'Low'/'High' without a number
    method: str = ""                # '' | a ReadingMethod: how it was taken (sensor, finger prick, lab, typed)
    device_flags: int = 0           # what a blood pressure monitor noticed: DeviceFlag bits

    @property
    def local_day(self) -> date:
        """The calendar date on the clock where the reading was taken."""
        return _EPOCH + timedelta(days=(int(self.at) + self.offset * 60) // _SECONDS_PER_DAY)


class Samples:
    """Readings of one measure as columns, in time order."""

    __slots__ = ("at", "offset", "values", "flag", "method", "day", "device")

    def __init__(self, at: np.ndarray, offset: np.ndarray, values: np.ndarray, flag: np.ndarray,
                 method: np.ndarray, day: np.ndarray | None = None, device: np.ndarray | None = None) -> None:
        # asarray: no copy when a column has its type already (a year of sensor readings is 1 million rows)
        self.at = np.asarray(at, dtype=np.int64)              # UTC epoch seconds
        self.offset = np.asarray(offset, dtype=np.int64)      # minutes east of UTC
        self.values = np.asarray(values, dtype=np.float64)    # shape (n, 3): value, value2, value3; NaN when missing
        self.flag = np.asarray(flag, dtype=np.int8)           # -1 sensor Low, +1 sensor High, 0 none
        self.method = np.asarray(method, dtype=np.int8)       # a stored method code (phr.storage METHODS)
        if day is None:  # new readings, not a part of others: make every missing number NaN, once
            infinite = np.isinf(self.values)
            if infinite.any():
                self.values = np.where(infinite, np.nan, self.values)
            day = (self.at + self.offset * 60) // _SECONDS_PER_DAY
        self.day = day                                        # local date, days since 1970-01-01
        # DeviceFlag bits per reading; none when the readings were read without them
        self.device = np.zeros(len(self.at), dtype=np.uint8) if device is None else np.asarray(device, dtype=np.uint8)

    @classmethod
    def of(cls, samples: "Iterable[Sample] | Samples") -> "Samples":
        if isinstance(samples, Samples):
            return samples
        rows = [(s.at, s.offset, s.value, s.value2, s.value3, FLAGS.index(s.flag), METHODS.index(s.method),
                 s.device_flags) for s in samples]
        return cls.from_coded(rows)

    @classmethod
    def from_coded(cls, rows: Sequence[Sequence[Any]]) -> "Samples":
        """From (taken_at, offset, value, value2, value3, flag code, method code[, device flags]) rows, as storage
        gives them; rows without the device flags have none."""
        width = len(rows[0]) if len(rows) else 7
        table = np.array(rows, dtype=np.float64).reshape(-1, width)  # None becomes NaN
        device = table[:, 7].astype(np.uint8) if width > 7 else None
        return cls(table[:, 0], table[:, 1], table[:, 2:5], _SIGN_OF_CODE[table[:, 5].astype(np.int64)],
                   table[:, 6], device=device)

    def __len__(self) -> int:
        return len(self.at)

    def where(self, mask: np.ndarray) -> "Samples":
        return Samples(self.at[mask], self.offset[mask], self.values[mask], self.flag[mask], self.method[mask],
                       self.day[mask], self.device[mask])

    def number(self, component: int = 1) -> np.ndarray:
        """Component 1, 2 or 3; NaN where missing."""
        if component not in (1, 2, 3):
            raise ValueError(f"component must be 1, 2 or 3, not {component}")
        return self.values[:, component - 1]

    @property
    def sensor(self) -> np.ndarray:
        """Which readings a sensor (continuous glucose monitor) took."""
        return self.method == SENSOR_CODE

    @property
    def local_seconds(self) -> np.ndarray:
        """Seconds since 1970-01-01 on the clock where each reading was taken."""
        return self.at + self.offset * 60

    def in_days(self, start: date, end: date) -> "Samples":
        """The readings whose local date is from `start` up to and including `end`."""
        return self.where((self.day >= day_number(start)) & (self.day <= day_number(end)))


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, smallest first. Readings come in time order, so their moments and days are
    mostly sorted already: then a neighbour comparison does it, much faster than a hash or a sort."""
    if len(values) > 1 and not bool(np.all(values[1:] >= values[:-1])):
        values = np.sort(values, kind="stable")
    return values[np.concatenate([[True], values[1:] != values[:-1]])] if len(values) else values


def day_number(day: date) -> int:
    return (day - _EPOCH).days


def day_of(number: int) -> date:
    return _EPOCH + timedelta(days=int(number))


class HasReadings(Protocol):
    """What reading samples needs of the record's services (RecordServices has it; the record layer is above)."""

    @property
    def readings(self) -> ReadingService: ...


def read_samples(services: HasReadings, measure_key: str, start: date, end: date) -> Samples:
    """The readings of a measure whose local day lies in start..end (read with a day of margin for time zones).

    Blood pressure comes with what the monitor noticed (the column `device`): its readings are read with their
    device flags, a few thousand at most, where a sensor's million are read as bare numbers."""
    first = datetime.combine(start - timedelta(days=1), time(0), timezone.utc)
    last = datetime.combine(end + timedelta(days=2), time(0), timezone.utc)
    if has_device_flags(measure_key):
        rows: Sequence[Sequence[Any]] = [_coded(row) for row in services.readings.stream(measure_key, first, last)]
    else:
        rows = services.readings.coded_between(measure_key, first, last)
    return Samples.from_coded(rows).in_days(start, end)


def has_device_flags(measure_key: str) -> bool:
    """Whether a measure's readings may carry what the device noticed: blood pressure (OMRON's symbols)."""
    measure = CATALOGUE.get(measure_key)
    return measure is not None and measure.kind == BLOOD_PRESSURE


_FLAG_CODES, _METHOD_CODES = CODES["flag"], CODES["method"]


def _coded(row: NotedReadingRow) -> tuple[Any, ...]:
    return (row.taken_at, row.utc_offset, row.value, row.value2, row.value3, _FLAG_CODES[row.flag],
            _METHOD_CODES[row.method], row.device_flags)
