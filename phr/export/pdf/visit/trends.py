"""The measures that matter, against their targets: one compact row per measure for the visit brief.

Per measure with readings in the period: the mean, the latest value, the share of readings
in the target range, and how that compares with the period of the same length before.
Blood pressure follows the home measuring protocol (mean of each series, its first day left
out); glucose gives time in range after the international consensus, from sensor readings
when there are any. The numbers come from phr.monitoring.statistics, as on the monitoring page.
"""

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from phr.export.pdf.base import CONTENT_WIDTH
from phr.export.pdf.visit.period import Budget, VisitPeriod
from phr.monitoring import statistics as stats
from phr.monitoring.measures import BLOOD_PRESSURE, GLUCOSE_HIGH, GLUCOSE_LOW, SCORE
from phr.monitoring.period_samples import samples_of, with_whole_series
from phr.monitoring.statistics_bp import blood_pressure

SAME_SHARE = 5.0             # percentage points: a smaller change in the share in target is "about the same"
SAME_MEAN = 0.03             # relative: a smaller change in the mean is "about the same"


@dataclass(frozen=True)
class Numbers:
    """One measure over one period."""
    count: int
    mean: tuple[float, ...] | None          # (value,) or (systolic, diastolic)
    in_target: float | None                 # % of readings in the target range (glucose: time in range)
    below: float | None = None              # glucose: % below 3.9 mmol/L


@dataclass(frozen=True)
class Trend:
    measure: object                         # phr.monitoring.measures.Measure
    target: object | None                   # phr.monitoring.targets.Target (agreed, or the catalogue's standard)
    now: Numbers
    before: Numbers
    latest: tuple[float, ...] | None        # the latest reading, or for blood pressure the latest series mean
    latest_day: date | None


# --- reading the numbers -----------------------------------------------------------------------------

def trends(services, period: VisitPeriod) -> list[Trend]:
    """Measures with a target first (catalogue order), then the others; only those measured in the period."""
    counts = services.readings.counts()
    found = []
    for measure in services.measures.measures():
        if counts.get(measure.key):
            trend = _trend(services, measure, period)
            if trend is not None:
                found.append(trend)
    return sorted(found, key=lambda trend: trend.target is None)


def _trend(services, measure, period: VisitPeriod) -> Trend | None:
    target = services.targets.current(measure.key)
    samples, sensor = samples_of(services, measure.key, period.start, period.end)
    if not samples:
        return None
    earlier, earlier_sensor = samples_of(services, measure.key, *period.before)
    if measure.kind == BLOOD_PRESSURE:
        whole = with_whole_series(services, measure.key, samples)
        latest = _latest_series(whole)
        return Trend(measure, target, _bp_numbers(whole, samples, target),
                     _bp_numbers(with_whole_series(services, measure.key, earlier), earlier,
                                 target), latest[0], latest[1])
    last = max(samples, key=lambda sample: sample.at)
    latest = (last.number(),) if last.number() is not None else None
    return Trend(measure, target, _numbers(measure, samples, sensor, target),
                 _numbers(measure, earlier, earlier_sensor, target), latest, last.local_day)


def _numbers(measure, samples: list, sensor: list, target) -> Numbers:
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


def _bp_numbers(whole: list, samples: list, target) -> Numbers:
    """The mean of all series readings from each series' second day on; the share in target of every reading."""
    series = [one for one in blood_pressure(whole).series if one.systolic is not None]
    used = sum(one.used for one in series)
    mean = None
    if used:
        mean = (sum(one.systolic * one.used for one in series) / used,
                sum(one.diastolic * one.used for one in series) / used)
    pairs = [(s.number(1), s.number(2)) for s in samples if s.number(1) is not None and s.number(2) is not None]
    share = None
    if target is not None and pairs:
        share = sum(_within(high, target.target_low, target.target_high)
                    and _within(low, target.target_low2, target.target_high2) for high, low in pairs) / len(pairs) * 100
    return Numbers(len(samples), mean, share)


def _latest_series(whole: list) -> tuple[tuple[float, float] | None, date | None]:
    series = [one for one in blood_pressure(whole).series if one.systolic is not None]
    if not series:
        return None, None
    return (series[-1].systolic, series[-1].diastolic), series[-1].first_day


# --- words -------------------------------------------------------------------------------------------

def _value_text(w, measure, values: tuple | None, mean: bool = False) -> str:
    """A reading (or mean) as the measure shows it; the mean of a 0–10 score gets a decimal, or 5.4 reads as 5."""
    if not values:
        return "–"
    decimals = max(measure.decimals, 1) if mean and measure.kind == SCORE else measure.decimals
    return "/".join(w.number(value, decimals) for value in values)


def target_text(w, measure, target) -> str:
    if target is None:
        return w("none agreed")
    parts = [_range_text(w, measure, target.target_low, target.target_high)]
    if measure.kind == BLOOD_PRESSURE:
        parts = [_bp_target_text(w, measure, target)]
    text = f"{parts[0]} {measure.unit_text}".strip()
    return text if target.id is not None else w("{target} (standard)", target=text)


def _range_text(w, measure, low, high) -> str:
    if low is not None and high is not None:
        return f"{w.number(low, measure.decimals)}–{w.number(high, measure.decimals)}"
    if low is not None:
        return f"≥ {w.number(low, measure.decimals)}"
    return f"≤ {w.number(high, measure.decimals)}" if high is not None else ""


def _bp_target_text(w, measure, target) -> str:
    systolic = _range_text(w, measure, target.target_low, target.target_high)
    if target.target_low2 is None and target.target_high2 is None:
        return systolic
    diastolic = _range_text(w, measure, target.target_low2, target.target_high2)
    if systolic.startswith("≤ ") and diastolic.startswith("≤ "):
        return f"≤ {systolic[2:]}/{diastolic[2:]}"
    return f"{systolic} / {diastolic}"


def _share_text(w, trend: Trend) -> str:
    share = trend.now.in_target
    if share is None:
        return "–"
    if trend.measure.key == "glucose":
        text = w("{percent}% in range", percent=w.number(share, 0))
        if trend.now.below:
            text += "\n" + w("{percent}% below {low}", percent=w.number(trend.now.below, 0),
                             low=w.number(GLUCOSE_LOW, 1))
        return text
    return f"{w.number(share, 0)}%"


def _compared_text(w, trend: Trend) -> str:
    now, before = trend.now, trend.before
    if not before.count:
        return w("no readings before")
    if now.in_target is not None and before.in_target is not None:
        change = now.in_target - before.in_target
        was = f"{w.number(before.in_target, 0)}%"
        if abs(change) < SAME_SHARE:
            return w("about the same (was {value})", value=was)
        return w("better (was {value})", value=was) if change > 0 else w("worse (was {value})", value=was)
    if now.mean is None or before.mean is None:
        return "–"
    was = _value_text(w, trend.measure, before.mean, mean=True)
    change = (now.mean[0] - before.mean[0]) / abs(before.mean[0]) if before.mean[0] else 0.0
    if abs(change) < SAME_MEAN:
        return w("about the same (was {value})", value=was)
    return w("higher (was {value})", value=was) if change > 0 else w("lower (was {value})", value=was)


def _latest_text(w, trend: Trend) -> str:
    if trend.latest is None:
        return "–"
    value = _value_text(w, trend.measure, trend.latest)
    if trend.measure.kind == BLOOD_PRESSURE:
        return w("{value}\nseries from {date}", value=value, date=w.date(trend.latest_day))
    return f"{value}\n{w.date(trend.latest_day)}"


def trends_section(context, period: VisitPeriod, budget: Budget) -> list:
    w, language = context.words, context.options.language
    every = trends(context.services, period)
    found = every[:budget.measures]
    rows = [[trend.measure.name(language) + (f" ({trend.measure.unit_text})" if trend.measure.unit_text else ""),
             target_text(w, trend.measure, trend.target), w.number(trend.now.count, 0),
             _value_text(w, trend.measure, trend.now.mean, mean=True), _latest_text(w, trend), _share_text(w, trend),
             _compared_text(w, trend)] for trend in found]
    body = []
    if rows:
        header = [w("Measure"), w("Target"), w("Readings"), w("Mean"), w("Latest"), w("In target"),
                  w("Compared with before")]
        widths = [29 * mm, 26 * mm, 18 * mm, 21 * mm, 26 * mm, 26 * mm, CONTENT_WIDTH - 146 * mm]
        body += [context.table(header, rows, widths), context.para(_notes(w, found, period), "small")]
    if len(every) > len(found):
        body.append(context.para(w("And {count} other measures: see the overview.", count=len(every) - len(found)),
                                 "small"))
    return context.section(w("Measurements against targets"), body, w("No measurements in this period."))


def _notes(w, found: list[Trend], period: VisitPeriod) -> str:
    start, end = period.before
    notes = [w("Compared with the {days} days before: {start} to {end}.", days=period.days, start=w.date(start),
               end=w.date(end))]
    kinds = {trend.measure.key for trend in found} | {trend.measure.kind for trend in found}
    if BLOOD_PRESSURE in kinds:
        notes.append(w("Blood pressure: mean of the home measuring series; the first day of each series "
                       "does not count."))
    if "glucose" in kinds:
        notes.append(w("Glucose: time in range {low}–{high} mmol/L, from sensor readings when there are any.",
                       low=w.number(GLUCOSE_LOW, 1), high=w.number(GLUCOSE_HIGH, 1)))
    return " ".join(notes)
