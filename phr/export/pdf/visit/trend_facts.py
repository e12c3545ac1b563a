"""The figures of the measures that matter, against their targets: per measure the period and the one before.

Per measure with readings in the period: the mean, the latest value, the share of readings
in the target range, and the same for the period of the same length before. Blood pressure
follows the home measuring protocol (mean of each series, its first day left out); glucose
gives time in range after the international consensus, from sensor readings when there are
any. The numbers come from phr.monitoring.statistics, as on the monitoring page.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from phr.export.pdf.visit.period import VisitPeriod
from phr.monitoring import statistics as stats
from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.period_samples import samples_of, with_whole_series
from phr.monitoring.statistics import Sample
from phr.monitoring.statistics_bp import blood_pressure
from phr.monitoring.targets import Target
from phr.record.services import RecordServices


@dataclass(frozen=True)
class Numbers:
    """One measure over one period."""
    count: int
    mean: tuple[float, ...] | None          # (value,) or (systolic, diastolic)
    in_target: float | None                 # % of readings in the target range (glucose: time in range)
    below: float | None = None              # glucose: % below 3.9 mmol/L


@dataclass(frozen=True)
class Trend:
    measure: Measure
    target: Target | None                   # agreed, or the catalogue's standard
    now: Numbers
    before: Numbers
    latest: tuple[float, ...] | None        # the latest reading, or for blood pressure the latest series mean
    latest_day: date | None


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
    """Measures with a target first (catalogue order), then the others; only those measured in the period."""
    counts = services.readings.counts()
    found = []
    for measure in services.measures.measures():
        if counts.get(measure.key):
            trend = _trend(services, measure, period)
            if trend is not None:
                found.append(trend)
    return tuple(sorted(found, key=lambda trend: trend.target is None))


def _trend(services: RecordServices, measure: Measure, period: VisitPeriod) -> Trend | None:
    target = services.targets.current(measure.key)
    samples, sensor = samples_of(services, measure.key, period.start, period.end)
    if not samples:
        return None
    earlier, earlier_sensor = samples_of(services, measure.key, *period.before)
    if measure.kind == BLOOD_PRESSURE:
        whole = with_whole_series(services, measure.key, samples)
        latest_mean, latest_day = _latest_series(whole)
        return Trend(measure, target, _bp_numbers(whole, samples, target),
                     _bp_numbers(with_whole_series(services, measure.key, earlier), earlier, target),
                     latest_mean, latest_day)
    last = max(samples, key=lambda sample: sample.at)
    latest = (number,) if (number := last.number()) is not None else None
    return Trend(measure, target, _numbers(measure, samples, sensor, target),
                 _numbers(measure, earlier, earlier_sensor, target), latest, last.local_day)


def _numbers(measure: Measure, samples: list[Sample], sensor: list[Sample], target: Target | None) -> Numbers:
    if measure.key == "glucose":
        glucose = stats.glucose(sensor or samples)
        mean = stats.summary(samples).mean
        return Numbers(len(samples), (mean,) if mean is not None else None, glucose.in_range, glucose.below)
    summary = stats.summary(samples)
    values = [number for sample in samples if (number := sample.number()) is not None]
    share = None
    if target is not None and values:
        share = sum(_within(value, target.target_low, target.target_high) for value in values) / len(values) * 100
    return Numbers(len(samples), (summary.mean,) if summary.mean is not None else None, share)


def _within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _bp_numbers(whole: list[Sample], samples: list[Sample], target: Target | None) -> Numbers:
    """The mean of all series readings from each series' second day on; the share in target of every reading."""
    series = [(one.systolic, one.diastolic, one.used) for one in blood_pressure(whole).series
              if one.systolic is not None and one.diastolic is not None]
    used = sum(count for _, _, count in series)
    mean = None
    if used:
        mean = (sum(systolic * count for systolic, _, count in series) / used,
                sum(diastolic * count for _, diastolic, count in series) / used)
    pairs = [(high, low) for s in samples if (high := s.number(1)) is not None and (low := s.number(2)) is not None]
    share = None
    if target is not None and pairs:
        share = sum(_within(high, target.target_low, target.target_high)
                    and _within(low, target.target_low2, target.target_high2) for high, low in pairs) / len(pairs) * 100
    return Numbers(len(samples), mean, share)


def _latest_series(whole: list[Sample]) -> tuple[tuple[float, float] | None, date | None]:
    """The mean of the latest series that has one (a series of one day has none), and its first day."""
    for one in reversed(blood_pressure(whole).series):
        if one.systolic is not None and one.diastolic is not None:
            return (one.systolic, one.diastolic), one.first_day
    return None, None
