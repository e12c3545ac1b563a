"""The layout of the overview's measurements: per measure its target in words, a chart and the statistics.

The figures come ready from phr.export.pdf.overview.monitoring_facts; this module only says them.
"""

from datetime import date

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from phr.core.vocabulary import GlucoseBand
from phr.export.pdf.base import BOLD, CONTENT_WIDTH, PdfContext
from phr.export.pdf.chart import ChartWords, measure_chart
from phr.export.pdf.overview.monitoring_facts import GlucoseFigures, MeasureFacts, MonitoringFacts
from phr.monitoring import target_words
from phr.monitoring.measures import SCORE
from phr.monitoring.statistics_bp import BloodPressureSeries
from phr.monitoring.target_words import Reader
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of

MM = mm  # reportlab points per millimetre


def monitoring_body(context: PdfContext, facts: MonitoringFacts) -> list[Flowable]:
    """Every measure with readings in the period, in the order of the list of measures; [] when none has."""
    w = context.words
    body = [part for measure in facts.measures for part in measure_summary(context, measure, facts.start, facts.end)]
    if not body:
        return []
    period = w("Readings from {start} to {end}. Each chart shows the readings of that period; the shaded band is "
               "the target.", start=w.date(facts.start), end=w.date(facts.end))
    return keep_with_next([context.para(period, "small")], body)  # the line stays with the first chart


def keep_with_next(lead: list[Flowable], flowables: list[Flowable]) -> list[Flowable]:
    """`lead` (a title, a line) on the same page as the first of `flowables`, in ONE KeepTogether:
    reportlab breaks a page too many for a KeepTogether nested in another."""
    if not flowables:
        return lead
    first = flowables[0]
    inner = list(first._content) if isinstance(first, KeepTogether) else [first]
    return [KeepTogether(lead + inner), *flowables[1:]]


def measure_summary(context: PdfContext, facts: MeasureFacts, start: date, end: date) -> list[Flowable]:
    """Heading, target, chart and statistics of one measure in start..end."""
    measure = facts.measure
    title = measure.name(context.options.language)
    if measure.unit_text and measure.kind != SCORE:
        title = f"{title} ({measure.unit_text})"
    head = [context.heading(title, 2), context.para(target_text(context, facts)), context.space(1.5),
            chart(context, facts, start, end)]
    body = [_summary_table(context, facts), _outside_target(context, facts)]
    if facts.glucose is not None:
        body += _glucose(context, facts.glucose)
    if facts.series is not None:
        body += _blood_pressure(context, facts.series)
    return [context.keep(head + body[:2]), *body[2:]]


# --- the target -------------------------------------------------------------------------------------

def target_text(context: PdfContext, facts: MeasureFacts) -> str:
    """The target in words, and who agreed it; a default target says it was not agreed."""
    w, measure, target = context.words, facts.measure, facts.target
    if target is None:
        return w("No target has been set for this measure.")
    text = target_words.target_text(w, measure, target)
    if target.id is None:
        return " ".join(part for part in (text, w("This is the usual target; no target has been agreed with the "
                                                   "care team.")) if part)
    agreed = target_words.agreed_text(w, facts.agreed_with, target.agreed_on)
    alert = target_words.alert_text(w, measure, target, Reader.DOCUMENT)
    return " ".join(part for part in (text, agreed, alert, target.notes) if part)


# --- chart and numbers --------------------------------------------------------------------------------

def chart(context: PdfContext, facts: MeasureFacts, start: date, end: date) -> Drawing:
    w, measure = context.words, facts.measure
    words = ChartWords(w("Target"), w("above the target"), w("below the target"), context.options.language)
    floor, ceiling = (0.0, 10.0) if measure.kind == SCORE else (None, None)
    return measure_chart(facts.chart, start, end, words, measure.decimals, CONTENT_WIDTH, 50 * MM, floor, ceiling)


def _summary_table(context: PdfContext, facts: MeasureFacts) -> Flowable:
    w, measure = context.words, facts.measure
    spread = 1 if measure.kind == SCORE else measure.decimals  # a mean score of 5.6 is not 6
    rows = [[row.name, w.number(row.readings, 0), w.number(row.summary.mean, spread),
             w.number(row.summary.minimum, measure.decimals), w.number(row.summary.maximum, measure.decimals),
             w.number(row.summary.sd, spread)] for row in facts.components]
    header = ["", w("Readings"), w("Mean"), w("Lowest"), w("Highest"), w("Standard deviation (SD)")]
    widths = [c * MM for c in (38, 24, 24, 24, 24, 40)]
    first = facts.components[0].summary
    if not (first.flagged_low or first.flagged_high):
        return context.table(header, rows, widths)
    note = w("Sensor Low: {low}. Sensor High: {high}. These count as readings, but have no number: they are not "
             "in the mean, lowest, highest or SD.", low=first.flagged_low, high=first.flagged_high)
    return context.keep([context.table(header, rows, widths), context.para(note, "small")])


def _outside_target(context: PdfContext, facts: MeasureFacts) -> Flowable:
    """How many readings lie outside the target, above and below, in words."""
    w, outside = context.words, facts.outside
    if outside is None:
        return context.space(1)
    text = w("Outside the target: {outside} of {total} readings ({share}%): {above} above, {below} below.",
             outside=w.number(outside.above + outside.below, 0), total=w.number(outside.total, 0),
             share=w.number(outside.share, 0), above=w.number(outside.above, 0), below=w.number(outside.below, 0))
    return context.para(text, "small")


# --- glucose and blood pressure ----------------------------------------------------------------------

def _glucose(context: PdfContext, facts: GlucoseFigures) -> list[Flowable]:
    """Time in ranges after the international consensus, with CV and GMI, side by side."""
    w, result = context.words, facts.result
    bands = context.table([w("Range (mmol/L)"), w("Readings"), w("Share")],
                          [[label_of(w, GlucoseBand, band.band), w.number(band.readings, 0), _percent(w, band.share)]
                           for band in facts.bands], [c * MM for c in (50, 19, 17)])
    gmi = "–" if result.gmi_percent is None else w("{percent} ({mmol} mmol/mol)",
                                                    percent=_percent(w, result.gmi_percent),
                                                    mmol=w.number(result.gmi_mmol_mol, 0))
    numbers = context.table([w("Mean, variation and GMI"), ""], [
        [w("Mean glucose"), f"{w.number(result.mean, 1)} mmol/L"],
        [w("Coefficient of variation (CV)"), _percent(w, result.cv)],
        [w("Glucose management indicator (GMI)"), gmi],
        [w("Days with readings"), w.number(result.days, 0)]], [c * MM for c in (48, 36)])
    note = (w("Time in ranges from the {count} sensor readings; finger pricks and scans are left out.",
              count=w.number(facts.sensor_readings, 0)) if facts.sensor_readings else
            w("There are no sensor readings in this period: the shares are shares of readings, not of time."))
    side_by_side = Table([[bands, numbers]], colWidths=[90 * MM, CONTENT_WIDTH - 90 * MM], hAlign="LEFT",
                         style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [context.keep([subheading(context, w("Time in ranges")), context.para(note, "small"), context.space(1),
                          side_by_side])]


def subheading(context: PdfContext, text: str) -> Paragraph:
    """A title inside a measure's summary: smaller than the measure's own heading."""
    return Paragraph(context.esc(text), ParagraphStyle("h3", parent=context.styles["body"], fontName=BOLD,
                                                       spaceBefore=2.5 * MM, spaceAfter=0.5 * MM))


def _percent(w: Words, value: float | None) -> str:
    return "–" if value is None else f"{w.number(value, 1)}%"


def _blood_pressure(context: PdfContext, series: tuple[BloodPressureSeries, ...]) -> list[Flowable]:
    """Mean per measuring series, the first day of each left out, as the home measuring protocol does."""
    w = context.words
    rows = [[w("{first} to {last}", first=w.date(s.first_day), last=w.date(s.last_day)), w.number(s.day_count, 0),
             w.number(s.count, 0), w.number(s.used, 0), w.number(s.systolic, 0), w.number(s.diastolic, 0),
             w.number(s.pulse, 0)] for s in series]
    header = [w("Series"), w("Days"), w("Readings"), w("In the mean"), w("Systolic (mmHg)"), w("Diastolic (mmHg)"),
              w("Pulse (/min)")]
    note = w("The first day of each series is left out of its mean, as the home measuring protocol does: on the "
             "first day blood pressure is often higher. A series of one day has no mean.")
    table = context.table(header, rows, [c * MM for c in (50, 14, 19, 19, 24, 24, 24)])
    return [context.keep([subheading(context, w("Mean per measuring series")), context.para(note, "small"),
                          context.space(1), table])]
