"""Statistics over self-monitoring readings: summary, glucose time in range, adherence to a plan.

Pure functions over readings as columns (`phr.monitoring.samples`): no database, no Qt, so the
screen, the PDFs and the tests get the same numbers, vectorised with numpy (a year of sensor
readings in milliseconds). Blood-pressure days and series are in `phr.monitoring.statistics_bp`;
what a report says about a measure is gathered once in `phr.monitoring.figures`.

Readings are grouped by the LOCAL date at the place they were taken (the UTC time plus the offset
stored with the reading), not by the viewer's clock: a reading at 00:30 in Amsterdam belongs to
that day, although it is 23:30 UTC the day before.

Results keep full precision; rounding is for whoever shows them. Empty input never raises: counts
are 0 and the numbers None ("not known"), never 0.0 (which would read as a measured zero).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

from phr.core.vocabulary import GlucoseBand, ReadingFlag
from phr.monitoring.measures import (
    GLUCOSE_HIGH,
    GLUCOSE_LOW,
    GLUCOSE_MG_PER_MMOL,
    GLUCOSE_VERY_HIGH,
    GLUCOSE_VERY_LOW,
)
from phr.monitoring.samples import Sample, Samples, day_number, day_of, distinct

__all__ = ["Sample", "Samples"]  # re-exported: callers build samples and read statistics from one place

BELOW_RANGE, ABOVE_RANGE = ReadingFlag.BELOW_RANGE, ReadingFlag.ABOVE_RANGE
VERY_LOW, LOW, IN_RANGE = GlucoseBand.VERY_LOW, GlucoseBand.LOW, GlucoseBand.IN_RANGE
HIGH, VERY_HIGH = GlucoseBand.HIGH, GlucoseBand.VERY_HIGH
BANDS = (VERY_LOW, LOW, IN_RANGE, HIGH, VERY_HIGH)  # low to high
AnySamples = Iterable[Sample] | Samples


def _shown_edge(limit: float, offset: str) -> float:
    """The float where a value shown to one decimal (rounded half up) crosses `limit`: limit - 0.05 or + 0.05.

    A float v shows (as its shortest decimal, rounded half up) below 3.9 exactly when v < float('3.85'),
    so comparing with these edges bands every reading by its shown value without rounding each one."""
    return float(Decimal(repr(limit)) + Decimal(offset))


# A reading lies in band i when it is below EDGES[i] and not below EDGES[i - 1]: < 3.0, < 3.9, <= 10.0, <= 13.9.
EDGES = np.array([_shown_edge(GLUCOSE_VERY_LOW, "-0.05"), _shown_edge(GLUCOSE_LOW, "-0.05"),
                  _shown_edge(GLUCOSE_HIGH, "0.05"), _shown_edge(GLUCOSE_VERY_HIGH, "0.05")])


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
    counts: dict[str, int] = field(default_factory=dict)  # readings per band (BANDS), the flagged ones included

    @property
    def below(self) -> float | None:
        """Time below range (< 3.9) in total, as the consensus also reports it."""
        return None if self.low is None or self.very_low is None else self.very_low + self.low

    @property
    def above(self) -> float | None:
        """Time above range (> 10.0) in total."""
        return None if self.high is None or self.very_high is None else self.high + self.very_high

    def share(self, band: str) -> float | None:
        return {VERY_LOW: self.very_low, LOW: self.low, IN_RANGE: self.in_range, HIGH: self.high,
                VERY_HIGH: self.very_high}[GlucoseBand(band)]


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


def summary(samples: AnySamples, component: int = 1) -> Summary:
    """Count, mean, minimum, maximum and sample SD of one component (1, 2 or 3).

    The SD is the sample standard deviation (divided by n - 1): the readings are a sample of the
    person's values, and it is what spreadsheets (STDEV) and the glucose consensus use.
    """
    columns = Samples.of(samples)
    numbers = columns.number(component)
    known = ~np.isnan(numbers)
    values = numbers[known]
    mean, sd = mean_and_sd(values)
    low = high = 0
    if component == 1:  # a sensor's Low/High is about its main value
        unknown = columns.flag[~known]
        low, high = int(np.count_nonzero(unknown < 0)), int(np.count_nonzero(unknown > 0))
    minimum, maximum = (float(values.min()), float(values.max())) if len(values) else (None, None)
    return Summary(len(values), mean, minimum, maximum, sd, low, high)


def daily_means(samples: AnySamples, component: int = 1) -> list[DailyMean]:
    """Per local date with numbers: count, mean, minimum and maximum, oldest first (for charts, PDFs)."""
    columns = Samples.of(samples)
    numbers = columns.number(component)
    known = ~np.isnan(numbers)
    days, values = columns.day[known], numbers[known]
    order = np.argsort(days, kind="stable")
    days, values = days[order], values[order]
    unique, starts, counts = np.unique(days, return_index=True, return_counts=True)
    sums = np.add.reduceat(values, starts) if len(values) else np.array([])
    lows = np.minimum.reduceat(values, starts) if len(values) else np.array([])
    highs = np.maximum.reduceat(values, starts) if len(values) else np.array([])
    return [DailyMean(day_of(day), int(count), _clamped(total / count, low, high), float(low), float(high))
            for day, count, total, low, high in zip(unique, counts, sums, lows, highs)]


def glucose_bands(values: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """Per reading the index of its band in BANDS (0 very low .. 4 very high); -1 with neither number nor flag.

    The bands are written for values shown to one decimal (3.0–3.8 low, 3.9–10.0 in range,
    10.1–13.9 high), and Regie shows glucose to one decimal: a reading is put in the band of the
    value as shown, rounded half up. So 3.85 counts as 3.9 (in range) and 10.05 as 10.1 (high);
    70 mg/dL (3.885 mmol/L) is in range, as in the mg/dL version of the consensus. A number
    always wins over a flag; the flag counts only when there is no number.
    """
    bands = np.searchsorted(EDGES, values, side="right").astype(np.int8)
    missing = np.isnan(values)
    bands[missing] = np.where(flags[missing] < 0, 0, np.where(flags[missing] > 0, len(BANDS) - 1, -1))
    return bands


def glucose_band(value: float | None, flag: str = "") -> str | None:
    """The consensus band of one glucose reading (mmol/L); None for a reading with neither number nor flag."""
    number = np.nan if value is None else float(value)
    sign = -1 if flag == BELOW_RANGE else 1 if flag == ABOVE_RANGE else 0
    index = int(glucose_bands(np.array([number]), np.array([sign]))[0])
    return BANDS[index] if index >= 0 else None


def glucose(samples: AnySamples) -> GlucoseStats:
    """Time in ranges, mean, CV and GMI of glucose readings in mmol/L (see GlucoseStats)."""
    columns = Samples.of(samples)
    values = columns.number()
    bands = glucose_bands(values, columns.flag)
    banded = bands >= 0
    counts = np.bincount(bands[banded], minlength=len(BANDS))
    count = int(np.count_nonzero(banded))
    very_low, low, in_range, high, very_high = (_percent(int(part), count) for part in counts)
    numbers = values[banded]
    mean, sd = mean_and_sd(numbers[~np.isnan(numbers)])
    days = distinct(columns.day[banded])
    return GlucoseStats(
        count, very_low, low, in_range, high, very_high, mean=mean, sd=sd,
        cv=sd / mean * 100 if sd is not None and mean else None,
        gmi_percent=None if mean is None else 3.31 + 0.02392 * mean * GLUCOSE_MG_PER_MMOL,
        gmi_mmol_mol=None if mean is None else 12.71 + 4.70587 * mean,
        days=len(days), first_day=day_of(days[0]) if len(days) else None,
        last_day=day_of(days[-1]) if len(days) else None,
        counts={band: int(part) for band, part in zip(BANDS, counts)})


def adherence(samples: AnySamples, per_day: int, start: date, end: date) -> Adherence:
    """Planned against done, per local day from `start` to `end` (inclusive) and for the whole period.

    Every reading counts as done, also a flagged one (the measuring was done). A day with more
    readings than planned shows its real count, but for the percentages it counts as planned: extra
    readings on Tuesday do not make up for a missed Monday.
    """
    if per_day < 0:
        raise ValueError("per_day cannot be negative")
    first = day_number(start)
    length = (end - start).days + 1
    offsets = Samples.of(samples).day - first
    done = np.bincount(offsets[(offsets >= 0) & (offsets < length)], minlength=max(length, 0))
    rows = tuple(AdherenceDay(start + timedelta(days=n), per_day, int(done[n]),
                              _percent(min(int(done[n]), per_day), per_day)) for n in range(length))
    planned = per_day * len(rows)
    counted = sum(min(row.done, per_day) for row in rows)
    return Adherence(rows, planned, sum(row.done for row in rows), counted, _percent(counted, planned))


def mean_of(values: "list[float] | np.ndarray") -> float:
    """The mean of at least one value (numpy's pairwise sum: a year of sensor readings adds up without drift)."""
    array = np.asarray(values, dtype=np.float64)
    return _clamped(float(array.mean()), float(array.min()), float(array.max()))


def _clamped(mean: float, low: float, high: float) -> float:
    # Dividing a rounded sum can land one unit in the last place outside the values (e.g. three
    # equal values); a mean outside min..max would be plainly wrong.
    return min(max(float(mean), float(low)), float(high))


def mean_and_sd(values: "list[float] | np.ndarray") -> tuple[float | None, float | None]:
    """Mean and sample SD; (None, None) without values, SD None with only one."""
    array = np.asarray(values, dtype=np.float64)
    if not len(array):
        return None, None
    mean = mean_of(array)
    if len(array) < 2:
        return mean, None
    return mean, float(np.sqrt(np.sum((array - mean) ** 2) / (len(array) - 1)))


def _percent(part: int, whole: int) -> float | None:
    return part / whole * 100 if whole else None
