"""Statistics over self-monitoring readings: summary, glucose time in range, adherence to a plan.

Pure functions over `Sample`s: no database, no Qt, only the standard library, so the screen, the
PDF and the tests get the same numbers. Blood-pressure days and series are in `phr.monitoring.statistics_bp`.

Readings are grouped by the LOCAL date at the place they were taken (the UTC time plus the offset
stored with the reading), not by the viewer's clock: a reading at 00:30 in Amsterdam belongs to
that day, although it is 23:30 UTC the day before.

Results keep full precision; rounding is for whoever shows them. Empty input never raises: counts
are 0 and the numbers None ("not known"), never 0.0 (which would read as a measured zero).
"""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from phr.core.vocabulary import GlucoseBand, ReadingFlag
from phr.monitoring.measures import (
    GLUCOSE_HIGH,
    GLUCOSE_LOW,
    GLUCOSE_MG_PER_MMOL,
    GLUCOSE_VERY_HIGH,
    GLUCOSE_VERY_LOW,
)

BELOW_RANGE, ABOVE_RANGE = ReadingFlag.BELOW_RANGE, ReadingFlag.ABOVE_RANGE
VERY_LOW, LOW, IN_RANGE = GlucoseBand.VERY_LOW, GlucoseBand.LOW, GlucoseBand.IN_RANGE
HIGH, VERY_HIGH = GlucoseBand.HIGH, GlucoseBand.VERY_HIGH
_EPOCH = date(1970, 1, 1)
_SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class Sample:
    """One reading as the statistics see it."""

    at: int                         # UTC, seconds since 1970-01-01
    offset: int                     # minutes east of UTC where it was taken (+60 Dutch winter, +120 summer)
    value: float | None             # component 1: glucose, systolic, weight, ...
    value2: float | None = None     # blood pressure: diastolic
    value3: float | None = None     # blood pressure: pulse
    flag: str = ""                  # '' | 'below_range' | 'above_range': a sensor 'Low'/'High' without a number

    @property
    def local_day(self) -> date:
        """The calendar date on the clock where the reading was taken."""
        return _EPOCH + timedelta(days=(int(self.at) + self.offset * 60) // _SECONDS_PER_DAY)

    def number(self, component: int = 1) -> float | None:
        """Component 1, 2 or 3 as a usable number; None when missing (or NaN/infinite, never stored
        on purpose, but one such value would otherwise turn every mean into NaN)."""
        if component not in (1, 2, 3):
            raise ValueError(f"component must be 1, 2 or 3, not {component}")
        value = (self.value, self.value2, self.value3)[component - 1]
        return value if value is not None and math.isfinite(value) else None


@dataclass(frozen=True)
class Summary:
    count: int                      # readings with a number for this component
    mean: float | None
    minimum: float | None
    maximum: float | None
    sd: float | None                # SAMPLE standard deviation (n - 1); None with fewer than 2 readings
    flagged_low: int = 0            # sensor 'Low' without a number (component 1 only): not in the numbers
    flagged_high: int = 0           # sensor 'High' without a number


@dataclass(frozen=True)
class DailyMean:
    day: date                       # local date
    count: int
    mean: float
    minimum: float
    maximum: float


@dataclass(frozen=True)
class GlucoseStats:
    """Time in ranges after the international consensus (Battelino et al., Diabetes Care 2019).

    The percentages are shares of READINGS. The consensus speaks of time; with a sensor that reads at
    even intervals (every 5 or 15 minutes) the share of readings is the share of time. Mixing in
    finger pricks or scans skews it, so pass sensor readings only for time in range.
    """

    count: int                      # all readings, the flagged 'Low'/'High' included
    very_low: float | None          # % below 3.0 mmol/L, and sensor 'Low'
    low: float | None               # % 3.0 up to (not including) 3.9
    in_range: float | None          # % 3.9 up to and including 10.0
    high: float | None              # % above 10.0 up to and including 13.9
    very_high: float | None         # % above 13.9, and sensor 'High'
    mean: float | None              # mmol/L, over readings with a number (flagged ones left out)
    sd: float | None                # mmol/L, sample SD (n - 1)
    cv: float | None                # coefficient of variation, % = sd / mean * 100
    gmi_percent: float | None       # glucose management indicator, % = 3.31 + 0.02392 * mean mg/dL
    gmi_mmol_mol: float | None      # mmol/mol = 12.71 + 4.70587 * mean mmol/L
    days: int                       # local dates with at least one reading
    first_day: date | None
    last_day: date | None

    @property
    def below(self) -> float | None:
        """Time below range (< 3.9) in total, as the consensus also reports it."""
        return None if self.low is None or self.very_low is None else self.very_low + self.low

    @property
    def above(self) -> float | None:
        """Time above range (> 10.0) in total."""
        return None if self.high is None or self.very_high is None else self.high + self.very_high


@dataclass(frozen=True)
class AdherenceDay:
    day: date
    planned: int
    done: int                       # the real count, also when more than planned
    percent: float | None           # min(done, planned) / planned * 100; None when nothing was planned


@dataclass(frozen=True)
class Adherence:
    days: tuple[AdherenceDay, ...]  # every day from start to end, days without readings included
    planned: int
    done: int                       # real count of readings in the period
    counted: int                    # done, capped per day at what was planned: what `percent` uses
    percent: float | None           # counted / planned * 100; None when nothing was planned


def in_period(samples: Iterable[Sample], start: date, end: date) -> list[Sample]:
    """The samples whose local date is from `start` up to and including `end`."""
    return [sample for sample in samples if start <= sample.local_day <= end]


def summary(samples: Iterable[Sample], component: int = 1) -> Summary:
    """Count, mean, minimum, maximum and sample SD of one component (1, 2 or 3).

    The SD is the sample standard deviation (divided by n - 1): the readings are a sample of the
    person's values, and it is what spreadsheets (STDEV) and the glucose consensus use.
    """
    values: list[float] = []
    flags: Counter[str] = Counter()
    for sample in samples:
        number = sample.number(component)
        if number is not None:
            values.append(number)
        elif component == 1:        # a sensor's Low/High is about its main value
            flags[sample.flag] += 1
    mean, sd = mean_and_sd(values)
    return Summary(len(values), mean, min(values, default=None), max(values, default=None), sd,
                   flags[BELOW_RANGE], flags[ABOVE_RANGE])


def daily_means(samples: Iterable[Sample], component: int = 1) -> list[DailyMean]:
    """Per local date with numbers: count, mean, minimum and maximum, oldest first (for charts, PDFs)."""
    per_day: dict[date, list[float]] = defaultdict(list)
    for sample in samples:
        number = sample.number(component)
        if number is not None:
            per_day[sample.local_day].append(number)
    return [DailyMean(day, len(values), mean_of(values), min(values), max(values))
            for day, values in sorted(per_day.items())]


def _as_shown(value: float) -> float:
    """Rounded half up to one decimal, as a person reads it (float round() would turn 3.85 into 3.8)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def glucose_band(value: float | None, flag: str = "") -> str | None:
    """The consensus band of one glucose reading (mmol/L); None for a reading with neither number nor flag.

    The bands are written for values shown to one decimal (3.0–3.8 low, 3.9–10.0 in range,
    10.1–13.9 high), and Regie shows glucose to one decimal: a reading is put in the band of the
    value as shown, rounded half up. So 3.85 counts as 3.9 (in range) and 10.05 as 10.1 (high);
    70 mg/dL (3.885 mmol/L) is in range, as in the mg/dL version of the consensus. A number
    always wins over a flag; the flag counts only when there is no number.
    """
    if value is None or not math.isfinite(value):
        return VERY_LOW if flag == BELOW_RANGE else VERY_HIGH if flag == ABOVE_RANGE else None
    value = _as_shown(value)
    if value < GLUCOSE_VERY_LOW:
        return VERY_LOW
    if value < GLUCOSE_LOW:
        return LOW
    if value <= GLUCOSE_HIGH:
        return IN_RANGE
    return HIGH if value <= GLUCOSE_VERY_HIGH else VERY_HIGH


def glucose(samples: Iterable[Sample]) -> GlucoseStats:
    """Time in ranges, mean, CV and GMI of glucose readings in mmol/L (see GlucoseStats)."""
    banded = [(sample, band) for sample in samples
              if (band := glucose_band(sample.number(), sample.flag)) is not None]
    bands = Counter(band for _, band in banded)
    count = len(banded)
    very_low, low, in_range, high, very_high = _percentages(bands, count, (VERY_LOW, LOW, IN_RANGE, HIGH, VERY_HIGH))
    numbers = summary(sample for sample, _ in banded)
    mean = numbers.mean
    days = sorted({sample.local_day for sample, _ in banded})
    return GlucoseStats(
        count, very_low, low, in_range, high, very_high, mean=mean, sd=numbers.sd,
        cv=numbers.sd / mean * 100 if numbers.sd is not None and mean else None,
        gmi_percent=None if mean is None else 3.31 + 0.02392 * mean * GLUCOSE_MG_PER_MMOL,
        gmi_mmol_mol=None if mean is None else 12.71 + 4.70587 * mean,
        days=len(days), first_day=days[0] if days else None, last_day=days[-1] if days else None)


def adherence(samples: Iterable[Sample], per_day: int, start: date, end: date) -> Adherence:
    """Planned against done, per local day from `start` to `end` (inclusive) and for the whole period.

    Every reading counts as done, also a flagged one (the measuring was done). A day with more
    readings than planned shows its real count, but for the percentages it counts as planned: extra
    readings on Tuesday do not make up for a missed Monday.
    """
    if per_day < 0:
        raise ValueError("per_day cannot be negative")
    done = Counter(sample.local_day for sample in samples)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    rows = tuple(AdherenceDay(day, per_day, done[day], _percent(min(done[day], per_day), per_day))
                 for day in days)
    planned = per_day * len(rows)
    counted = sum(min(row.done, per_day) for row in rows)
    return Adherence(rows, planned, sum(row.done for row in rows), counted, _percent(counted, planned))


def mean_of(values: list[float]) -> float:
    """The mean of at least one value, with math.fsum so a year of sensor readings adds up without rounding drift."""
    # Dividing a correctly rounded sum can still land one unit in the last place outside the
    # values (e.g. three equal values); a mean outside min..max would be plainly wrong.
    return min(max(math.fsum(values) / len(values), min(values)), max(values))


def mean_and_sd(values: list[float]) -> tuple[float | None, float | None]:
    """Mean and sample SD; (None, None) without values, SD None with only one."""
    if not values:
        return None, None
    mean = mean_of(values)
    if len(values) < 2:
        return mean, None
    return mean, math.sqrt(math.fsum((value - mean) ** 2 for value in values) / (len(values) - 1))


def _percent(part: int, whole: int) -> float | None:
    return part / whole * 100 if whole else None


def _percentages(counts: Counter, whole: int, keys: tuple[str, ...]) -> list[float | None]:
    return [_percent(counts[key], whole) for key in keys]
