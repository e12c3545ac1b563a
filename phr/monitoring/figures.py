"""Every figure about a measure in a period, computed once: the app's statistics, the overview and the
visit brief all read them from here, so they cannot disagree.

Which readings a glucose figure rests on is decided here and said with it. Time in ranges, CV
and GMI follow the international consensus on sensor (CGM) data, where a share of readings is a
share of time. When the period holds sensor readings they are the basis, and the readings taken
otherwise (finger prick, lab, typed, not known) get their own shares beside them: a low measured
with a finger prick is never dropped silently. Without sensor readings the shares are shares of
readings (not of time) and there is no GMI, which is defined for sensor data only.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from phr.core.vocabulary import GlucoseBasis
from phr.monitoring import statistics as stats
from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.samples import HasReadings, Samples, day_of, read_samples
from phr.monitoring.statistics import GlucoseStats, Summary
from phr.monitoring.statistics_bp import (
    SERIES_GAP_DAYS,
    BloodPressureStats,
    DeviceFlagCounts,
    blood_pressure,
    device_flag_counts,
)
from phr.monitoring.targets import Target

GLUCOSE = "glucose"
SERIES_LOOK_BACK_DAYS = 60  # how far before a period a measuring series running into it is followed back


@dataclass(frozen=True)
class GlucoseFigures:
    """Time in ranges after the international consensus, with mean, CV and GMI, and what they rest on."""

    basis: GlucoseBasis
    result: GlucoseStats                 # of the basis readings (their counts per band too)
    readings: int                        # all glucose readings in the period
    others: GlucoseStats | None          # basis SENSOR: the readings not from the sensor, when there are any

    @property
    def counts(self) -> dict[str, int]:
        return self.result.counts

    @property
    def gmi_percent(self) -> float | None:
        return self.result.gmi_percent if self.basis == GlucoseBasis.SENSOR else None

    @property
    def gmi_mmol_mol(self) -> float | None:
        return self.result.gmi_mmol_mol if self.basis == GlucoseBasis.SENSOR else None


@dataclass(frozen=True)
class TargetShare:
    """How the readings lie against a target: a blood pressure is above when either number is above it."""

    above: int
    below: int
    total: int                           # readings with a number (or a sensor Low/High)

    @property
    def within(self) -> int:
        return self.total - self.above - self.below

    @property
    def share(self) -> float | None:
        """% of the readings within the target."""
        return self.within / self.total * 100 if self.total else None

    @property
    def outside(self) -> float | None:
        return (self.above + self.below) / self.total * 100 if self.total else None


@dataclass(frozen=True)
class MeasureFigures:
    measure: Measure
    start: date
    end: date
    samples: Samples                     # the period's readings, in time order
    components: tuple[Summary, ...]      # per number: the value, or systolic, diastolic, pulse
    target: TargetShare | None           # None without a target
    glucose: GlucoseFigures | None       # glucose only
    blood_pressure: BloodPressureStats | None  # blood pressure: per day and per series (whole series)
    device_flags: DeviceFlagCounts | None = None  # blood pressure: what the monitor noticed in the period

    @property
    def readings(self) -> int:
        """All readings in the period, a sensor's Low/High included."""
        return len(self.samples)


def measure_figures(services: HasReadings, measure: Measure, start: date, end: date,
                    target: Target | None = None) -> MeasureFigures:
    """The figures of one measure over the local days start..end."""
    samples = read_samples(services, measure.key, start, end)
    whole = with_whole_series(services, measure.key, samples) if measure.kind == BLOOD_PRESSURE else None
    return figures_of(measure, samples, start, end, target, whole)


def figures_of(measure: Measure, samples: Samples, start: date, end: date, target: Target | None = None,
               whole: Samples | None = None) -> MeasureFigures:
    """The figures of readings already read (the app reads on the GUI thread and computes on another).

    `whole`: blood pressure's readings with the earlier days of a series that runs into the period."""
    components = tuple(stats.summary(samples, component) for component in range(1, len(measure.components or [1]) + 1))
    pressure = measure.kind == BLOOD_PRESSURE
    series = blood_pressure(samples if whole is None else whole) if pressure else None
    return MeasureFigures(measure, start, end, samples, components, target_share(measure, target, samples),
                          glucose_figures(samples) if measure.key == GLUCOSE else None, series,
                          device_flag_counts(samples) if pressure else None)


def glucose_figures(samples: Samples) -> GlucoseFigures:
    sensor = samples.sensor
    if not sensor.any():
        return GlucoseFigures(GlucoseBasis.READINGS, stats.glucose(samples), len(samples), None)
    others = samples.where(~sensor)
    return GlucoseFigures(GlucoseBasis.SENSOR, stats.glucose(samples.where(sensor)), len(samples),
                          stats.glucose(others) if len(others) else None)


def target_share(measure: Measure, target: Target | None, samples: Samples) -> TargetShare | None:
    """Readings above, below and within the target; a sensor Low/High counts as below/above."""
    if target is None:
        return None
    above, below = _outside(samples.number(1), target.target_low, target.target_high)
    if measure.kind == BLOOD_PRESSURE:
        above2, below2 = _outside(samples.number(2), target.target_low2, target.target_high2)
        above, below = above | above2, below | below2
    missing = np.isnan(samples.number(1))
    above |= missing & (samples.flag > 0)
    below = (below | (missing & (samples.flag < 0))) & ~above  # above wins: it is the one to act on
    counted = ~missing | (samples.flag != 0)
    return TargetShare(int(np.count_nonzero(above & counted)), int(np.count_nonzero(below & counted)),
                       int(np.count_nonzero(counted)))


def _outside(numbers: np.ndarray, low: float | None, high: float | None) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(invalid="ignore"):
        above = numbers > high if high is not None else np.zeros(len(numbers), dtype=bool)
        below = numbers < low if low is not None else np.zeros(len(numbers), dtype=bool)
    return above, below


def with_whole_series(services: HasReadings, measure_key: str, samples: Samples) -> Samples:
    """The period's readings plus the earlier days of a measuring series that runs into the period:
    such a series keeps its own first day (left out of its mean), not the period's first day."""
    if not len(samples):
        return samples
    first = int(samples.day.min())
    earlier = read_samples(services, measure_key, day_of(first) - timedelta(days=SERIES_LOOK_BACK_DAYS),
                           day_of(first) - timedelta(days=1))
    keep_from = first
    for day in sorted({int(day) for day in earlier.day}, reverse=True):
        if keep_from - day - 1 > SERIES_GAP_DAYS:
            break
        keep_from = day
    kept = earlier.where(earlier.day >= keep_from)
    return Samples(np.concatenate([kept.at, samples.at]), np.concatenate([kept.offset, samples.offset]),
                   np.concatenate([kept.values, samples.values]), np.concatenate([kept.flag, samples.flag]),
                   np.concatenate([kept.method, samples.method]), device=np.concatenate([kept.device, samples.device]))


def first_day(samples: Samples) -> date | None:
    return day_of(int(samples.day.min())) if len(samples) else None

