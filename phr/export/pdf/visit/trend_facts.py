"""The figures of the measures that matter, against their targets: per measure the period and the one before.

Per measure with readings in the period: the mean, the latest value, the share of readings
in the target range, and the same for the period of the same length before. Blood pressure
follows the home measuring protocol (mean of each series, its first day left out); glucose
gives time in range after the international consensus, from sensor readings when there are
any (the other readings' lows beside it). Every figure comes from phr.monitoring.figures, as on the
monitoring page and in the overview.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from phr.export.pdf.visit.period import VisitPeriod
from phr.monitoring.figures import GlucoseFigures, MeasureFigures, measure_figures
from phr.monitoring.measures import Measure
from phr.monitoring.samples import day_of
from phr.monitoring.statistics_bp import BloodPressureStats, DeviceFlagCounts
from phr.monitoring.targets import Target
from phr.record.services import RecordServices


@dataclass(frozen=True)
class Numbers:
    """One measure over one period."""
    count: int
    mean: tuple[float, ...] | None          # (value,) or (systolic, diastolic)
    in_target: float | None                 # % of readings in the target range (glucose: time in range)
    below: float | None = None              # glucose: % below 3.9 mmol/L
    glucose: GlucoseFigures | None = None   # glucose: what the shares rest on, and every band


@dataclass(frozen=True)
class Trend:
    measure: Measure
    target: Target | None                   # agreed, or the catalogue's standard
    now: Numbers
    before: Numbers
    latest: tuple[float, ...] | None        # the latest reading, or for blood pressure the latest series mean
    latest_day: date | None
    device_flags: DeviceFlagCounts | None = None  # blood pressure: what the monitor noticed in the period


SAME_SHARE = 5.0             # percentage points: a smaller change in the share in target is "about the same"
SAME_MEAN = 0.03             # relative: a smaller change in the mean is "about the same"


class Compared(StrEnum):
    """How the period compares with the one before it: by the share in target when both have one,
    else by the mean."""

    NOTHING_BEFORE = "nothing_before"
    UNKNOWN = "unknown"
    SAME = "same"
    BETTER = "better"
    WORSE = "worse"
    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class Comparison:
    how: Compared
    was_share: float | None = None               # compared by the share in target: the share before
    was_mean: tuple[float, ...] | None = None    # compared by the mean: the mean before


def compared(trend: Trend) -> Comparison:
    now, before = trend.now, trend.before
    if not before.count:
        return Comparison(Compared.NOTHING_BEFORE)
    if now.in_target is not None and before.in_target is not None:
        change = now.in_target - before.in_target
        how = Compared.SAME if abs(change) < SAME_SHARE else Compared.BETTER if change > 0 else Compared.WORSE
        return Comparison(how, was_share=before.in_target)
    if now.mean is None or before.mean is None:
        return Comparison(Compared.UNKNOWN)
    relative = (now.mean[0] - before.mean[0]) / abs(before.mean[0]) if before.mean[0] else 0.0
    how = Compared.SAME if abs(relative) < SAME_MEAN else Compared.HIGHER if relative > 0 else Compared.LOWER
    return Comparison(how, was_mean=before.mean)


def trends(services: RecordServices, period: VisitPeriod) -> tuple[Trend, ...]:
    """Measures with a target first (catalogue order), then the others; only those measured in the period, and
    not the lab's (they have their own section, against the lab's range)."""
    counts = services.readings.counts()
    found = []
    for measure in services.measures.measures():
        if counts.get(measure.key) and not measure.is_lab:  # a lab's results: the brief's lab results section
            trend = _trend(services, measure, period)
            if trend is not None:
                found.append(trend)
    return tuple(sorted(found, key=lambda trend: trend.target is None))


def _trend(services: RecordServices, measure: Measure, period: VisitPeriod) -> Trend | None:
    target = services.targets.current(measure.key)
    now = measure_figures(services, measure, period.start, period.end, target)
    if not now.readings:
        return None
    before = measure_figures(services, measure, *period.before, target)
    if now.blood_pressure is not None and before.blood_pressure is not None:
        latest_mean, latest_day = _latest_series(now.blood_pressure)
        return Trend(measure, target, _bp_numbers(now), _bp_numbers(before), latest_mean, latest_day,
                     now.device_flags)
    last = int(now.samples.at.argmax())
    value = float(now.samples.number()[last])
    latest = None if value != value else (value,)  # NaN: a sensor Low/High without a number
    return Trend(measure, target, _numbers(now), _numbers(before), latest, day_of(int(now.samples.day[last])))


def _numbers(figures: MeasureFigures) -> Numbers:
    mean = figures.components[0].mean
    means = (mean,) if mean is not None else None
    if figures.glucose is not None:
        glucose = figures.glucose.result
        return Numbers(figures.readings, means, glucose.in_range, glucose.below, figures.glucose)
    share = figures.target.share if figures.target is not None and figures.components[0].count else None
    return Numbers(figures.readings, means, share)


def _bp_numbers(figures: MeasureFigures) -> Numbers:
    """The mean of all series readings from each series' second day on; the share in target of every reading."""
    assert figures.blood_pressure is not None
    series = [(one.systolic, one.diastolic, one.used) for one in figures.blood_pressure.series
              if one.systolic is not None and one.diastolic is not None]
    used = sum(count for _, _, count in series)
    mean = None
    if used:
        mean = (sum(systolic * count for systolic, _, count in series) / used,
                sum(diastolic * count for _, diastolic, count in series) / used)
    share = figures.target.share if figures.target is not None else None
    return Numbers(figures.readings, mean, share)


def _latest_series(result: BloodPressureStats) -> tuple[tuple[float, float] | None, date | None]:
    """The mean of the latest series that has one (a series of one day has none), and its first day."""
    for one in reversed(result.series):
        if one.systolic is not None and one.diastolic is not None:
            return (one.systolic, one.diastolic), one.first_day
    return None, None
