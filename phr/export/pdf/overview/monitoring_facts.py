"""The figures of the overview's measurements: per measure the target, the chart's lines and the statistics.

Thousands of readings become one chart and a few numbers, never a table of readings. Every
figure is computed once, here, through phr.monitoring.statistics and phr.monitoring.statistics_bp,
as on the app's statistics tab, so the specialist sees the same figures the patient sees.
Readings belong to the local calendar day on which they were taken.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from phr.export.options import ExportOptions
from phr.export.pdf.chart_series import ChartSeries
from phr.export.pdf.facts import name_of
from phr.monitoring import statistics as stats
from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.period_samples import samples_of, with_whole_series
from phr.monitoring.statistics import GlucoseStats, Sample, Summary
from phr.monitoring.statistics_bp import BloodPressureSeries, blood_pressure
from phr.monitoring.target_words import component_names
from phr.monitoring.targets import Target
from phr.record.services import RecordServices

DEFAULT_DAYS = 90  # the period when the export does not name one
GLUCOSE_BANDS = (stats.VERY_HIGH, stats.HIGH, stats.IN_RANGE, stats.LOW, stats.VERY_LOW)  # as printed, top down


@dataclass(frozen=True)
class ComponentFigures:
    """One row of a measure's statistics: a measure, or one number of it (systolic, diastolic, pulse)."""
    name: str
    readings: int          # with a sensor Low or High: these are readings too, without a number
    summary: Summary


@dataclass(frozen=True)
class OutsideTarget:
    above: int
    below: int
    total: int             # readings in the period
    share: float           # % of the readings outside the target


@dataclass(frozen=True)
class BandFigures:
    """One range of the time in ranges."""
    band: str              # stats.VERY_HIGH ... stats.VERY_LOW
    readings: int
    share: float | None    # %


@dataclass(frozen=True)
class GlucoseFigures:
    """Time in ranges after the international consensus, with CV and GMI."""
    result: GlucoseStats
    bands: tuple[BandFigures, ...]
    sensor_readings: int   # 0: no sensor readings, so the shares are shares of readings, not of time


@dataclass(frozen=True)
class MeasureFacts:
    measure: Measure
    target: Target | None                  # agreed, or the catalogue's usual one (id None)
    agreed_with: str                       # the care provider the target was agreed with, '' when none
    chart: tuple[ChartSeries, ...]
    components: tuple[ComponentFigures, ...]
    outside: OutsideTarget | None          # None without a target
    glucose: GlucoseFigures | None
    series: tuple[BloodPressureSeries, ...] | None  # blood pressure: per measuring series, newest first


@dataclass(frozen=True)
class MonitoringFacts:
    start: date
    end: date
    measures: tuple[MeasureFacts, ...]     # those with readings in the period, in catalogue order


def monitoring_period(options: ExportOptions) -> tuple[date, date]:
    """since..until; without them the last DEFAULT_DAYS days up to `until` (or today)."""
    end = options.until or options.today
    return options.since or end - timedelta(days=DEFAULT_DAYS - 1), end


def gather_monitoring(services: RecordServices, options: ExportOptions) -> MonitoringFacts:
    start, end = monitoring_period(options)
    counts = services.readings.counts()
    found = [measure_facts(services, measure.key, start, end, options.language)
             for measure in services.measures.measures() if counts.get(measure.key)]
    return MonitoringFacts(start, end, tuple(facts for facts in found if facts is not None))


def measure_facts(services: RecordServices, measure_key: str, start: date, end: date,
                  language: str) -> MeasureFacts | None:
    """What the summary of one measure in start..end prints; None without readings there."""
    measure = services.measures.find(measure_key)
    if measure is None:
        return None
    samples, sensor = samples_of(services, measure_key, start, end)
    if not samples:
        return None
    target = services.targets.current(measure_key)
    agreed_with = name_of(services.care_team.names(), target.agreed_with) if target and target.id is not None else ""
    names = component_names(measure, language)
    series = None
    if measure.kind == BLOOD_PRESSURE:
        series = tuple(reversed(blood_pressure(with_whole_series(services, measure_key, samples)).series))
    return MeasureFacts(measure, target, agreed_with, chart_series(measure, target, samples, names),
                        _components(samples, names), _outside_target(measure, target, samples),
                        _glucose(samples, sensor) if measure.key == "glucose" else None, series)


def chart_series(measure: Measure, target: Target | None, samples: list[Sample],
                 names: list[str]) -> tuple[ChartSeries, ...]:
    local = [(sample.at + sample.offset * 60, sample) for sample in samples]
    low, high = (target.target_low, target.target_high) if target else (None, None)
    if measure.kind == BLOOD_PRESSURE:
        low2, high2 = (target.target_low2, target.target_high2) if target else (None, None)
        return _series(names[0], local, 1, low, high), _series(names[1], local, 2, low2, high2)
    flagged_low = [at for at, sample in local if sample.number() is None and sample.flag == stats.BELOW_RANGE]
    flagged_high = [at for at, sample in local if sample.number() is None and sample.flag == stats.ABOVE_RANGE]
    return (_series(names[0], local, 1, low, high, flagged_low, flagged_high),)


def _series(label: str, local: list[tuple[int, Sample]], component: int, low: float | None, high: float | None,
            flagged_low: list[int] | None = None, flagged_high: list[int] | None = None) -> ChartSeries:
    points = [(at, number) for at, sample in local if (number := sample.number(component)) is not None]
    return ChartSeries(label, [at for at, _ in points], [value for _, value in points], low, high,
                       flagged_low or [], flagged_high or [])


def _components(samples: list[Sample], names: list[str]) -> tuple[ComponentFigures, ...]:
    rows = []
    for component, name in enumerate(names, start=1):
        summary = stats.summary(samples, component)
        rows.append(ComponentFigures(name, summary.count + summary.flagged_low + summary.flagged_high, summary))
    return tuple(rows)


def _outside_target(measure: Measure, target: Target | None, samples: list[Sample]) -> OutsideTarget | None:
    """How many readings lie outside the target, above and below."""
    if target is None:
        return None
    parts = [(1, target.target_low, target.target_high)]
    if measure.kind == BLOOD_PRESSURE:
        parts.append((2, target.target_low2, target.target_high2))
    above = below = 0
    for sample in samples:
        status = _reading_status(sample, parts)
        above, below = above + (status > 0), below + (status < 0)
    return OutsideTarget(above, below, len(samples), (above + below) / len(samples) * 100)


def _reading_status(sample: Sample, parts: list[tuple[int, float | None, float | None]]) -> int:
    """+1 when any part lies above its target, else -1 when any lies below it, else 0."""
    if sample.number() is None:  # a sensor Low or High without a number
        return -1 if sample.flag == stats.BELOW_RANGE else 1 if sample.flag == stats.ABOVE_RANGE else 0
    status = 0
    for component, low, high in parts:
        value = sample.number(component)
        if value is None:
            continue
        if high is not None and value > high:
            return 1
        if low is not None and value < low:
            status = -1
    return status


def _glucose(samples: list[Sample], sensor: list[Sample]) -> GlucoseFigures:
    """From the sensor readings when there are any: they read at even intervals, so shares are shares of time."""
    chosen = sensor or samples
    result = stats.glucose(chosen)
    counts: dict[str, int] = dict.fromkeys(GLUCOSE_BANDS, 0)
    for sample in chosen:
        band = stats.glucose_band(sample.number(), sample.flag)
        if band:
            counts[band] += 1
    shares: dict[str, float | None] = {stats.VERY_HIGH: result.very_high, stats.HIGH: result.high,
                                       stats.IN_RANGE: result.in_range, stats.LOW: result.low,
                                       stats.VERY_LOW: result.very_low}
    bands = tuple(BandFigures(band, counts[band], shares[band]) for band in GLUCOSE_BANDS)
    return GlucoseFigures(result, bands, len(sensor))
