"""The monitoring summary of one measure for the PDFs: the target, a chart, and the statistics.

Thousands of readings become one chart and a few numbers, never a table of readings. The
numbers come from phr.monitoring.statistics and phr.monitoring.statistics_bp, as on the app's statistics tab, so
the specialist sees the same figures the patient sees. Readings belong to the local calendar
day on which they were taken.

The visit brief uses this module too: `measure_summary(context, key, start, end)` gives the
flowables of one measure, `monitoring_body(context, start, end)` those of every measure.
"""

from datetime import date, timedelta

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table

from phr.export.pdf.base import BOLD, CONTENT_WIDTH, PdfContext
from phr.export.pdf.chart import ChartSeries, ChartWords, measure_chart
from phr.monitoring import statistics as stats
from phr.monitoring.measures import BLOOD_PRESSURE, SCORE
from phr.monitoring.period_samples import samples_of, with_whole_series
from phr.monitoring.statistics_bp import blood_pressure

DEFAULT_DAYS = 90                # the period when the export does not name one
MM = mm  # reportlab points per millimetre


def monitoring_period(options) -> tuple[date, date]:
    """since..until; without them the last DEFAULT_DAYS days up to `until` (or today)."""
    end = options.until or options.today
    return options.since or end - timedelta(days=DEFAULT_DAYS - 1), end


def monitoring_body(context: PdfContext, start: date, end: date) -> list:
    """Every measure with readings in the period, in the order of the list of measures; [] when none has."""
    w = context.words
    counts = context.services.readings.counts()
    body = []
    for measure in context.services.measures.measures():
        if counts.get(measure.key):
            body += measure_summary(context, measure.key, start, end)
    if not body:
        return []
    period = w("Readings from {start} to {end}. Each chart shows the readings of that period; the shaded band is "
               "the target.", start=w.date(start), end=w.date(end))
    return keep_with_next([context.para(period, "small")], body)  # the line stays with the first chart


def keep_with_next(lead: list, flowables: list) -> list:
    """`lead` (a title, a line) on the same page as the first of `flowables`, in ONE KeepTogether:
    reportlab breaks a page too many for a KeepTogether nested in another."""
    if not flowables:
        return lead
    first = flowables[0]
    inner = list(first._content) if isinstance(first, KeepTogether) else [first]
    return [KeepTogether(lead + inner), *flowables[1:]]


def measure_summary(context: PdfContext, measure_key: str, start: date, end: date) -> list:
    """Heading, target, chart and statistics of one measure in start..end; [] without readings there."""
    measure = context.services.measures.find(measure_key)
    samples, sensor = samples_of(context.services, measure_key, start, end) if measure else ([], [])
    if not samples:
        return []
    target = context.services.targets.current(measure_key)
    title = measure.name(context.options.language)
    if measure.unit_text and measure.kind != SCORE:
        title = f"{title} ({measure.unit_text})"
    head = [context.heading(title, 2), context.para(target_text(context, measure, target)),
            context.space(1.5), _chart(context, measure, target, samples, start, end)]
    body = [_summary_table(context, measure, samples), _outside_target(context, measure, target, samples)]
    if measure.key == "glucose":
        body += _glucose(context, samples, sensor)
    if measure.kind == BLOOD_PRESSURE:
        body += _blood_pressure(context, with_whole_series(context.services, measure_key, samples))
    return [context.keep(head + body[:2]), *body[2:]]


# --- the target -------------------------------------------------------------------------------------

def limits_text(w, low: float | None, high: float | None, decimals: int) -> str:
    if low is not None and high is not None:
        return w("{low} to {high}", low=w.number(low, decimals), high=w.number(high, decimals))
    if high is not None:
        return w("at most {high}", high=w.number(high, decimals))
    return w("at least {low}", low=w.number(low, decimals)) if low is not None else ""


def target_text(context: PdfContext, measure, target) -> str:
    """The target in words, and who agreed it; a default target says it was not agreed."""
    w = context.words
    if target is None:
        return w("No target has been set for this measure.")
    unit = "" if measure.kind == SCORE else " " + measure.unit_text
    if measure.kind == BLOOD_PRESSURE:
        limits = w("systolic {systolic}, diastolic {diastolic}",
                   systolic=limits_text(w, target.target_low, target.target_high, 0),
                   diastolic=limits_text(w, target.target_low2, target.target_high2, 0))
    else:
        limits = limits_text(w, target.target_low, target.target_high, measure.decimals)
    text = w("Target: {limits}.", limits=limits + unit)
    if target.id is None:
        return text + " " + w("This is the usual target; no target has been agreed with the care team.")
    who = context.services.care_team.names().get(target.agreed_with, "")
    when = w.date(target.agreed_on)
    if who and when:
        text += " " + w("Agreed with {name} on {date}.", name=who, date=when)
    elif who or when:
        text += " " + (w("Agreed with {name}.", name=who) if who else w("Agreed on {date}.", date=when))
    return " ".join(part for part in (text, alert_text(w, measure, target), target.notes) if part)


def alert_text(w, measure, target) -> str:
    """When to call the care team: below the low alert limit, above the high one."""
    unit = "" if measure.kind == SCORE else " " + measure.unit_text
    low = w.number(target.alert_low, measure.decimals) + unit if target.alert_low is not None else ""
    high = w.number(target.alert_high, measure.decimals) + unit if target.alert_high is not None else ""
    if low and high:
        return w("Call the care team below {low} or above {high}.", low=low, high=high)
    if low or high:
        return w("Call the care team below {low}.", low=low) if low else w("Call the care team above {high}.",
                                                                            high=high)
    return ""


# --- chart and numbers --------------------------------------------------------------------------------

def _chart(context: PdfContext, measure, target, samples: list, start: date, end: date):
    w = context.words
    local = [(sample.at + sample.offset * 60, sample) for sample in samples]
    low, high = (target.target_low, target.target_high) if target else (None, None)
    if measure.kind == BLOOD_PRESSURE:
        names = component_names(context, measure)
        low2, high2 = (target.target_low2, target.target_high2) if target else (None, None)
        series = [_series(names[0], local, 1, low, high), _series(names[1], local, 2, low2, high2)]
    else:
        series = [_series(measure.name(context.options.language), local, 1, low, high)]
        series[0].flagged_low = [at for at, sample in local if sample.number() is None
                                 and sample.flag == stats.BELOW_RANGE]
        series[0].flagged_high = [at for at, sample in local if sample.number() is None
                                  and sample.flag == stats.ABOVE_RANGE]
    words = ChartWords(w("Target"), w("above the target"), w("below the target"), context.options.language)
    floor, ceiling = (0.0, 10.0) if measure.kind == SCORE else (None, None)
    return measure_chart(series, start, end, words, measure.decimals, CONTENT_WIDTH, 50 * MM, floor, ceiling)


def _series(label: str, local: list, component: int, low, high) -> ChartSeries:
    points = [(at, number) for at, sample in local if (number := sample.number(component)) is not None]
    return ChartSeries(label, [at for at, _ in points], [value for _, value in points], low, high)


def component_names(context: PdfContext, measure) -> list[str]:
    nl = context.options.language == "nl"
    return [(part.name_nl if nl else part.name_en).capitalize() for part in measure.components]


def _summary_table(context: PdfContext, measure, samples: list):
    w = context.words
    names = component_names(context, measure) if measure.components else [measure.name(context.options.language)]
    spread = 1 if measure.kind == SCORE else measure.decimals  # a mean score of 5.6 is not 6
    rows = []
    for component, name in enumerate(names, start=1):
        summary = stats.summary(samples, component)
        count = summary.count + summary.flagged_low + summary.flagged_high  # a sensor Low or High is a reading
        rows.append([name, w.number(count, 0), w.number(summary.mean, spread),
                     w.number(summary.minimum, measure.decimals), w.number(summary.maximum, measure.decimals),
                     w.number(summary.sd, spread)])
    header = ["", w("Readings"), w("Mean"), w("Lowest"), w("Highest"), w("Standard deviation (SD)")]
    widths = [c * MM for c in (38, 24, 24, 24, 24, 40)]
    first = stats.summary(samples, 1)
    if not (first.flagged_low or first.flagged_high):
        return context.table(header, rows, widths)
    note = w("Sensor Low: {low}. Sensor High: {high}. These count as readings, but have no number: they are not "
             "in the mean, lowest, highest or SD.", low=first.flagged_low, high=first.flagged_high)
    return context.keep([context.table(header, rows, widths), context.para(note, "small")])


def _outside_target(context: PdfContext, measure, target, samples: list):
    """How many readings lie outside the target, above and below, in words."""
    w = context.words
    if target is None:
        return context.space(1)
    parts = [(1, target.target_low, target.target_high)]
    if measure.kind == BLOOD_PRESSURE:
        parts.append((2, target.target_low2, target.target_high2))
    above = below = 0
    for sample in samples:
        status = _reading_status(sample, parts)
        above, below = above + (status > 0), below + (status < 0)
    share = w.number((above + below) / len(samples) * 100, 0)
    text = w("Outside the target: {outside} of {total} readings ({share}%): {above} above, {below} below.",
             outside=w.number(above + below, 0), total=w.number(len(samples), 0), share=share,
             above=w.number(above, 0), below=w.number(below, 0))
    return context.para(text, "small")


def _reading_status(sample, parts) -> int:
    """+1 when any part lies above its target, else -1 when any lies below it, else 0."""
    if sample.number() is None:  # a sensor Low or High without a number
        return {stats.BELOW_RANGE: -1, stats.ABOVE_RANGE: 1}.get(sample.flag, 0)
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


# --- glucose and blood pressure ----------------------------------------------------------------------

def band_labels(w) -> dict[str, str]:
    return {stats.VERY_HIGH: w("Very high (above 13.9)"), stats.HIGH: w("High (10.1 to 13.9)"),
            stats.IN_RANGE: w("In range (3.9 to 10.0)"), stats.LOW: w("Low (3.0 to 3.8)"),
            stats.VERY_LOW: w("Very low (below 3.0)")}


def _glucose(context: PdfContext, samples: list, sensor: list) -> list:
    """Time in ranges after the international consensus, with CV and GMI, side by side."""
    w = context.words
    chosen = sensor or samples
    result = stats.glucose(chosen)
    counts = {band: 0 for band in band_labels(w)}
    for sample in chosen:
        band = stats.glucose_band(sample.number(), sample.flag)
        if band:
            counts[band] += 1
    shares = {stats.VERY_HIGH: result.very_high, stats.HIGH: result.high, stats.IN_RANGE: result.in_range,
              stats.LOW: result.low, stats.VERY_LOW: result.very_low}
    bands = context.table([w("Range (mmol/L)"), w("Readings"), w("Share")],
                          [[label, w.number(counts[band], 0), _percent(w, shares[band])]
                           for band, label in band_labels(w).items()], [c * MM for c in (50, 19, 17)])
    gmi = "–" if result.gmi_percent is None else w("{percent} ({mmol} mmol/mol)",
                                                    percent=_percent(w, result.gmi_percent),
                                                    mmol=w.number(result.gmi_mmol_mol, 0))
    numbers = context.table([w("Mean, variation and GMI"), ""], [
        [w("Mean glucose"), f"{w.number(result.mean, 1)} mmol/L"],
        [w("Coefficient of variation (CV)"), _percent(w, result.cv)],
        [w("Glucose management indicator (GMI)"), gmi],
        [w("Days with readings"), w.number(result.days, 0)]], [c * MM for c in (48, 36)])
    note = (w("Time in ranges from the {count} sensor readings; finger pricks and scans are left out.",
              count=w.number(len(sensor), 0)) if sensor else
            w("There are no sensor readings in this period: the shares are shares of readings, not of time."))
    side_by_side = Table([[bands, numbers]], colWidths=[90 * MM, CONTENT_WIDTH - 90 * MM], hAlign="LEFT",
                         style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [context.keep([subheading(context, w("Time in ranges")), context.para(note, "small"), context.space(1),
                          side_by_side])]


def subheading(context: PdfContext, text: str):
    """A title inside a measure's summary: smaller than the measure's own heading."""
    return Paragraph(context.esc(text), ParagraphStyle("h3", parent=context.styles["body"], fontName=BOLD,
                                                       spaceBefore=2.5 * MM, spaceAfter=0.5 * MM))


def _percent(w, value: float | None) -> str:
    return "–" if value is None else f"{w.number(value, 1)}%"


def _blood_pressure(context: PdfContext, samples: list) -> list:
    """Mean per measuring series, the first day of each left out, as the home measuring protocol does."""
    w = context.words
    result = blood_pressure(samples)
    rows = [[w("{first} to {last}", first=w.date(s.first_day), last=w.date(s.last_day)), w.number(s.day_count, 0),
             w.number(s.count, 0), w.number(s.used, 0), w.number(s.systolic, 0), w.number(s.diastolic, 0),
             w.number(s.pulse, 0)] for s in reversed(result.series)]
    header = [w("Series"), w("Days"), w("Readings"), w("In the mean"), w("Systolic (mmHg)"), w("Diastolic (mmHg)"),
              w("Pulse (/min)")]
    note = w("The first day of each series is left out of its mean, as the home measuring protocol does: on the "
             "first day blood pressure is often higher. A series of one day has no mean.")
    table = context.table(header, rows, [c * MM for c in (50, 14, 19, 19, 24, 24, 24)])
    return [context.keep([subheading(context, w("Mean per measuring series")), context.para(note, "small"),
                          context.space(1), table])]
