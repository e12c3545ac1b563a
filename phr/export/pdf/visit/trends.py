"""The layout of the measures that matter, against their targets: one compact row per measure.

The figures come ready from phr.export.pdf.visit.trend_facts; this module says them and compares
the period with the one before it.
"""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from phr.core.vocabulary import GlucoseBand
from phr.export.pdf.agp_drawing import BarPart, flat_range_bar
from phr.export.pdf.base import CONTENT_WIDTH, PdfContext
from phr.export.pdf.overview.agp import bar_parts
from phr.export.pdf.visit.budget import Budget
from phr.export.pdf.visit.period import VisitPeriod
from phr.export.pdf.visit.trend_facts import Compared, Trend, compared
from phr.monitoring import target_words
from phr.monitoring.flag_words import monitor_flags_text
from phr.monitoring.measures import (
    BLOOD_PRESSURE,
    GLUCOSE_HIGH,
    GLUCOSE_LOW,
    GLUCOSE_VERY_HIGH,
    GLUCOSE_VERY_LOW,
    SCORE,
    Measure,
)
from phr.monitoring.targets import Target
from phr.words.catalogue import Words
from phr.words.units import unit_words

# --- words -------------------------------------------------------------------------------------------

def _value_text(w: Words, measure: Measure, values: tuple[float, ...] | None, mean: bool = False) -> str:
    """A reading (or mean) as the measure shows it; the mean of a 0–10 score gets a decimal, or 5.4 reads as 5."""
    if not values:
        return "–"
    decimals = max(measure.decimals, 1) if mean and measure.kind == SCORE else measure.decimals
    return "/".join(w.number(value, decimals) for value in values)


def target_text(w: Words, measure: Measure, target: Target | None) -> str:
    """The target for the table's narrow column: '4.0–10.0 mmol/L', '≤ 135/85 mmHg (standard)'."""
    if target is None:
        return w("none agreed")
    text = target_words.target_text(w, measure, target, short=True)
    return text if target.id is not None else w("{target} (standard)", target=text)


def _share_text(w: Words, trend: Trend) -> str:
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


def _compared_text(w: Words, trend: Trend) -> str:
    comparison = compared(trend)
    if comparison.how is Compared.NOTHING_BEFORE:
        return w("no readings before")
    if comparison.how is Compared.UNKNOWN:
        return "–"
    if comparison.was_share is not None:
        was = f"{w.number(comparison.was_share, 0)}%"
    else:
        was = _value_text(w, trend.measure, comparison.was_mean, mean=True)
    texts = {Compared.SAME: w("about the same (was {value})", value=was),
             Compared.BETTER: w("better (was {value})", value=was), Compared.WORSE: w("worse (was {value})", value=was),
             Compared.HIGHER: w("higher (was {value})", value=was), Compared.LOWER: w("lower (was {value})", value=was)}
    return texts[comparison.how]


def _latest_text(w: Words, trend: Trend) -> str:
    if trend.latest is None:
        return "–"
    value = _value_text(w, trend.measure, trend.latest)
    if trend.measure.kind == BLOOD_PRESSURE:
        return w("{value}\nseries from {date}", value=value, date=w.date(trend.latest_day))
    return f"{value}\n{w.date(trend.latest_day)}"


def trends_section(context: PdfContext, every: Sequence[Trend], period: VisitPeriod,
                   budget: Budget) -> list[Flowable]:
    w, language = context.words, context.options.language
    found = every[:budget.measures]
    rows = [[trend.measure.name(language) + (f" ({unit_words(w, trend.measure.unit_text)})"
                                             if trend.measure.unit_text else ""),
             target_text(w, trend.measure, trend.target), w.number(trend.now.count, 0),
             _value_text(w, trend.measure, trend.now.mean, mean=True), _latest_text(w, trend), _share_text(w, trend),
             _compared_text(w, trend)] for trend in found]
    body: list[Flowable] = []
    if rows:
        header = [w("Measure"), w("Target"), w("Readings"), w("Mean"), w("Latest"), w("In target"),
                  w("Compared with before")]
        widths = [29 * mm, 26 * mm, 18 * mm, 21 * mm, 26 * mm, 26 * mm, CONTENT_WIDTH - 146 * mm]
        body += [context.table(header, rows, widths), *_glucose_bar(context, found),
                 context.para(_notes(w, found, period), "small")]
        body += [context.para(text, "small") for text in (monitor_flags_text(w, t.device_flags) for t in found) if text]
    if len(every) > len(found):
        body.append(context.para(w("And {count} other measures: see the overview.", count=len(every) - len(found)),
                                 "small"))
    return context.section(w("Measurements against targets"), body, w("No measurements in this period."))


def _glucose_bar(context: PdfContext, found: Sequence[Trend]) -> list[Flowable]:
    """The glucose time in ranges as a small bar, every range its own figure, and what it rests on."""
    w = context.words
    glucose = next((trend.now.glucose for trend in found if trend.now.glucose is not None), None)
    if glucose is None or not glucose.result.count:
        return []
    parts = [BarPart(part.band, part.share, f"{_short_band(w, part.band)} {part.detail}")
             for part in bar_parts(w, glucose, with_goals=False)]
    body: list[Flowable] = [context.space(1.5), flat_range_bar(parts, CONTENT_WIDTH)]
    if glucose.others is not None:
        body.append(context.para(w("Glucose: the bar is from {count} sensor readings. The {other} other readings "
                                   "(finger prick, lab, typed in or not known): {below}% below {low}, {very_low}% "
                                   "below {very}.", count=w.number(glucose.result.count, 0),
                                   other=w.number(glucose.others.count, 0),
                                   below=w.number(glucose.others.below or 0.0, 1), low=w.number(GLUCOSE_LOW, 1),
                                   very_low=w.number(glucose.others.very_low or 0.0, 1),
                                   very=w.number(GLUCOSE_VERY_LOW, 1)), "small"))
    return body


def _short_band(w: Words, band: GlucoseBand) -> str:
    return {GlucoseBand.VERY_LOW: w("< {value}", value=w.number(GLUCOSE_VERY_LOW, 1)),
            GlucoseBand.LOW: w("{low}–{high}", low=w.number(GLUCOSE_VERY_LOW, 1), high=w.number(3.8, 1)),
            GlucoseBand.IN_RANGE: w("{low}–{high}", low=w.number(GLUCOSE_LOW, 1), high=w.number(GLUCOSE_HIGH, 1)),
            GlucoseBand.HIGH: w("{low}–{high}", low=w.number(10.1, 1), high=w.number(GLUCOSE_VERY_HIGH, 1)),
            GlucoseBand.VERY_HIGH: w("> {value}", value=w.number(GLUCOSE_VERY_HIGH, 1))}[band]


def _notes(w: Words, found: Sequence[Trend], period: VisitPeriod) -> str:
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
