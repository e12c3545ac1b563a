"""The layout of the overview's measurements: per measure its target in words, a chart and the statistics.

The figures come ready from phr.export.pdf.overview.monitoring_facts; this module only says them.
"""

from datetime import date

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from phr.core.vocabulary import GlucoseBand, GlucoseBasis
from phr.export.pdf.base import BOLD, CONTENT_WIDTH, PdfContext
from phr.export.pdf.chart import ChartWords, measure_chart
from phr.export.pdf.overview.agp import agp_page
from phr.export.pdf.overview.monitoring_facts import GLUCOSE_BANDS, MeasureFacts, MonitoringFacts
from phr.monitoring import target_words
from phr.monitoring.figures import GlucoseFigures
from phr.monitoring.flag_words import monitor_flags_text
from phr.monitoring.measures import SCORE
from phr.monitoring.statistics_bp import BloodPressureSeries
from phr.monitoring.target_words import Reader
from phr.words.catalogue import Words
from phr.words.units import unit_words
from phr.words.vocabulary import label_of

MM = mm  # reportlab points per millimetre


def monitoring_body(context: PdfContext, facts: MonitoringFacts) -> list[Flowable]:
    """Every measure with readings in the period, in the order of the list of measures; [] when none has."""
    w = context.words
    body = [part for measure in facts.measures for part in measure_summary(context, measure, facts.start, facts.end)]
    if not body:
        return []
    if facts.agp is not None:
        body += agp_page(context, facts.agp)
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
        title = f"{title} ({unit_words(context.words, measure.unit_text)})"
    head = [context.heading(title, 2), context.para(target_text(context, facts)), context.space(1.5),
            chart(context, facts, start, end)]
    body = [_summary_table(context, facts), _outside_target(context, facts)]
    flagged = monitor_flags_text(context.words, facts.device_flags)  # '' when the monitor flagged none
    if flagged:
        body.append(context.para(flagged, "small"))
    statistics = len(body)  # the numbers stay on the page of their chart
    if facts.glucose is not None:
        body += _glucose(context, facts.glucose)
    if facts.series is not None:
        body += _blood_pressure(context, facts.series)
    return [context.keep(head + body[:statistics]), *body[statistics:]]


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
    if outside is None or not outside.total:
        return context.space(1)
    text = w("Outside the target: {outside} of {total} readings ({share}%): {above} above, {below} below.",
             outside=w.number(outside.above + outside.below, 0), total=w.number(outside.total, 0),
             share=w.number(outside.outside, 0), above=w.number(outside.above, 0), below=w.number(outside.below, 0))
    return context.para(text, "small")


# --- glucose and blood pressure ----------------------------------------------------------------------

def _glucose(context: PdfContext, facts: GlucoseFigures) -> list[Flowable]:
    """Time in ranges after the international consensus, with CV and GMI, side by side; what they rest on
    above them, and the readings not in them (finger pricks beside a sensor) in their own columns."""
    w = context.words
    side_by_side = Table([[band_table(context, facts), figures_table(context, facts)]],
                         colWidths=[100 * MM, CONTENT_WIDTH - 100 * MM], hAlign="LEFT",
                         style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [context.keep([subheading(context, w("Time in ranges")), context.para(basis_text(w, facts), "small"),
                          context.space(1), side_by_side])]


def basis_text(w: Words, facts: GlucoseFigures) -> str:
    """Which readings the shares rest on, and why; the others are never left out without a word."""
    if facts.basis == GlucoseBasis.READINGS:
        return w("There are no sensor readings in this period: the shares are shares of the {count} readings, "
                 "not of time. GMI is only worked out from sensor readings.", count=w.number(facts.readings, 0))
    text = w("Time in ranges, mean, CV and GMI from the {count} sensor readings: a sensor reads at even times, so "
             "a share of its readings is a share of time.", count=w.number(facts.result.count, 0))
    if facts.others is not None:
        text += " " + w("The {count} other readings (finger prick, lab, typed in or not known) are not in these "
                        "figures; their own shares are in the right-hand column.", count=w.number(facts.others.count, 0))
    return text


def band_table(context: PdfContext, facts: GlucoseFigures) -> Flowable:
    w = context.words
    header = [w("Range (mmol/L)"), w("Readings"), w("Share")]
    widths = [50 * MM, 19 * MM, 15 * MM]
    others = facts.others
    if others is not None:
        header, widths = header + [w("Other readings")], widths + [16 * MM]
    rows = []
    for band in GLUCOSE_BANDS:
        row = [label_of(w, GlucoseBand, band), w.number(facts.counts[band], 0), _percent(w, facts.result.share(band))]
        if others is not None:
            row.append(_percent(w, others.share(band)))
        rows.append(row)
    return context.table(header, rows, widths)


def figures_table(context: PdfContext, facts: GlucoseFigures) -> Flowable:
    w, result = context.words, facts.result
    gmi = "–" if facts.gmi_percent is None else w("{percent} ({mmol} mmol/mol)", percent=_percent(w, facts.gmi_percent),
                                                  mmol=w.number(facts.gmi_mmol_mol, 0))
    return context.table([w("Mean, variation and GMI"), ""], [
        [w("Mean glucose"), f"{w.number(result.mean, 1)} mmol/L"],
        [w("Coefficient of variation (CV)"), _percent(w, result.cv)],
        [w("Glucose management indicator (GMI)"), gmi],
        [w("Days with readings"), w.number(result.days, 0)]], [38 * MM, CONTENT_WIDTH - 138 * MM])


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
