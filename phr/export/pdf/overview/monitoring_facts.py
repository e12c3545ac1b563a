"""The figures of the overview's measurements: per measure the target, the chart's lines and the statistics.

Thousands of readings become one chart and a few numbers, never a table of readings. Every
figure is computed once, here, through phr.monitoring.statistics and phr.monitoring.statistics_bp,
as on the app's statistics tab, so the specialist sees the same figures the patient sees.
Readings belong to the local calendar day on which they were taken.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from phr.export.options import ExportOptions
from phr.export.pdf.chart_series import ChartSeries
from phr.export.pdf.facts import name_of
from phr.monitoring import statistics as stats
from phr.monitoring.agp import Agp, agp, agp_period
from phr.monitoring.figures import GlucoseFigures, MeasureFigures, TargetShare, measure_figures
from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.samples import Samples, read_samples
from phr.monitoring.statistics import Summary
from phr.monitoring.statistics_bp import BloodPressureSeries, DeviceFlagCounts
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
class MeasureFacts:
    measure: Measure
    target: Target | None                  # agreed, or the catalogue's usual one (id None)
    agreed_with: str                       # the care provider the target was agreed with, '' when none
    chart: tuple[ChartSeries, ...]
    components: tuple[ComponentFigures, ...]
    outside: TargetShare | None            # None without a target
    glucose: GlucoseFigures | None
    series: tuple[BloodPressureSeries, ...] | None  # blood pressure: per measuring series, newest first
    device_flags: DeviceFlagCounts | None = None    # blood pressure: what the monitor noticed in the period


@dataclass(frozen=True)
class MonitoringFacts:
    start: date
    end: date
    measures: tuple[MeasureFacts, ...]     # those with readings in the period, in catalogue order
    agp: Agp | None                        # the glucose profile of the AGP period, when it holds sensor glucose


def monitoring_period(options: ExportOptions) -> tuple[date, date]:
    """since..until; without them the last DEFAULT_DAYS days up to `until` (or today)."""
    end = options.until or options.today
    return options.since or end - timedelta(days=DEFAULT_DAYS - 1), end


def gather_monitoring(services: RecordServices, options: ExportOptions) -> MonitoringFacts:
    start, end = monitoring_period(options)
    counts = services.readings.counts()
    # A lab's results have their own section, with the lab's ranges (phr.export.pdf.lab_results).
    found = [measure_facts(services, measure.key, start, end, options.language)
             for measure in services.measures.measures() if counts.get(measure.key) and not measure.is_lab]
    profile = None
    if counts.get("glucose"):
        first, last = agp_period(options.today, options.since, options.until)
        profile = agp(read_samples(services, "glucose", first, last), first, last)
    return MonitoringFacts(start, end, tuple(facts for facts in found if facts is not None), profile)


def measure_facts(services: RecordServices, measure_key: str, start: date, end: date,
                  language: str) -> MeasureFacts | None:
    """What the summary of one measure in start..end prints; None without readings there."""
    measure = services.measures.find(measure_key)
    if measure is None:
        return None
    target = services.targets.current(measure_key)
    figures = measure_figures(services, measure, start, end, target)
    if not figures.readings:
        return None
    agreed_with = name_of(services.care_team.names(), target.agreed_with) if target and target.id is not None else ""
    names = component_names(measure, language)
    series = tuple(reversed(figures.blood_pressure.series)) if figures.blood_pressure is not None else None
    return MeasureFacts(measure, target, agreed_with, chart_series(measure, target, figures.samples, names),
                        _components(figures, names), figures.target, figures.glucose, series, figures.device_flags)


def chart_series(measure: Measure, target: Target | None, samples: Samples,
                 names: list[str]) -> tuple[ChartSeries, ...]:
    local = samples.local_seconds
    low, high = (target.target_low, target.target_high) if target else (None, None)
    if measure.kind == BLOOD_PRESSURE:
        low2, high2 = (target.target_low2, target.target_high2) if target else (None, None)
        return _series(names[0], local, samples.number(1), low, high), \
            _series(names[1], local, samples.number(2), low2, high2)
    missing = np.isnan(samples.number())
    flagged_low = local[missing & (samples.flag < 0)].tolist()
    flagged_high = local[missing & (samples.flag > 0)].tolist()
    return (_series(names[0], local, samples.number(), low, high, flagged_low, flagged_high),)


def _series(label: str, local: np.ndarray, numbers: np.ndarray, low: float | None, high: float | None,
            flagged_low: list[int] | None = None, flagged_high: list[int] | None = None) -> ChartSeries:
    known = ~np.isnan(numbers)
    return ChartSeries(label, local[known].tolist(), numbers[known].tolist(), low, high,
                       flagged_low or [], flagged_high or [])


def _components(figures: MeasureFigures, names: list[str]) -> tuple[ComponentFigures, ...]:
    return tuple(ComponentFigures(name, summary.count + summary.flagged_low + summary.flagged_high, summary)
                 for name, summary in zip(names, figures.components))
