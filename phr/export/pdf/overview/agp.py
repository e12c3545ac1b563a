"""The overview's glucose profile (AGP) page: one A4 page whenever the period holds sensor glucose.

What is on it, and in what order, follows the international consensus on CGM reporting
(Battelino et al., Diabetes Care 2019): the period and how much of it the sensor read; the time
in ranges as one bar with the consensus goal beside each range; mean, GMI and CV; the modal day;
and the 14 days each on their own. The figures come from phr.monitoring.agp.
"""

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table

from phr.core.vocabulary import GlucoseBand
from phr.export.pdf.agp_drawing import BarPart, day_tile, modal_day_chart, range_bar
from phr.export.pdf.base import CONTENT_WIDTH, FRAME_HEIGHT, PdfContext
from phr.monitoring.agp import ACTIVE_GOAL, Agp
from phr.monitoring.figures import GlucoseFigures
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of

CV_GOAL = 36.0                      # % : a CV at or below it is stable glucose
TILES_PER_ROW = 7
BAR_COLUMN = 100 * mm
MAX_TILES = 14                      # the last 14 days, also when the chosen period is longer
# Per range, top down: the consensus goal (% of time), and whether it is a floor (more than) or a ceiling.
GOALS = ((GlucoseBand.VERY_HIGH, 5, False), (GlucoseBand.HIGH, None, False), (GlucoseBand.IN_RANGE, 70, True),
         (GlucoseBand.LOW, None, False), (GlucoseBand.VERY_LOW, 1, False))


def agp_page(context: PdfContext, profile: Agp) -> list[Flowable]:
    """The page, starting on a new page, kept together."""
    w = context.words
    title = context.heading(w("Ambulatory glucose profile (AGP)"))
    parts: list[Flowable] = [title, context.para(period_text(w, profile), "small"), context.space(2)]
    parts.append(Table([[range_bar(bar_parts(w, profile.figures), BAR_COLUMN - 3 * mm, 44 * mm),
                         figures_table(context, profile)]], colWidths=[BAR_COLUMN, CONTENT_WIDTH - BAR_COLUMN],
                       style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    parts += [context.heading(w("Modal day: all days laid over one day"), 2),
              context.para(w("The line is the median: half of the readings at that time of day were lower. The dark "
                             "band holds the middle half of the readings (25–75%), the light band 90% of them "
                             "(5–95%). The green band is the target range 3.9–10.0 mmol/L."), "small"),
              modal_day_chart(profile.modal, CONTENT_WIDTH, 62 * mm,
                              (w("median"), "25–75%", "5–95%"), "mmol/L", w.number),
              context.heading(w("Each day"), 2), _tiles(context, profile)]
    return [CondPageBreak(FRAME_HEIGHT), KeepTogether(parts)]


def period_text(w: Words, profile: Agp) -> str:
    text = w("{days} days, {start} to {end}: {count} sensor readings, about one every {interval} minutes. The "
             "sensor read {active}% of the time (goal: more than {goal}%).", days=(profile.end - profile.start).days + 1,
             start=w.date(profile.start), end=w.date(profile.end), count=w.number(profile.readings, 0),
             interval=profile.interval, active=w.number(profile.active, 1), goal=w.number(ACTIVE_GOAL, 0))
    if profile.active < ACTIVE_GOAL:
        text += " " + w("With less than {goal}% the figures below may not show the usual days.",
                        goal=w.number(ACTIVE_GOAL, 0))
    return text


def bar_parts(w: Words, figures: GlucoseFigures, with_goals: bool = True) -> list[BarPart]:
    """The bar's five parts, very high on top, each with its range, share (one decimal) and goal."""
    result, parts = figures.result, []
    for band, goal, floor in GOALS:
        share = result.share(band) or 0.0
        detail = f"{w.number(share, 1)}%"
        if with_goals and goal is not None:
            aim = w("more than {goal}%", goal=goal) if floor else w("less than {goal}%", goal=goal)
            detail += " (" + w("goal") + ": " + aim + ")"
        parts.append(BarPart(band, share, label_of(w, GlucoseBand, band), detail))
    return parts


def figures_table(context: PdfContext, profile: Agp) -> Flowable:
    w, figures = context.words, profile.figures
    result = figures.result
    gmi = "–" if figures.gmi_percent is None else w("{percent} ({mmol} mmol/mol)",
                                                    percent=f"{w.number(figures.gmi_percent, 1)}%",
                                                    mmol=w.number(figures.gmi_mmol_mol, 0))
    cv = "–" if result.cv is None else f"{w.number(result.cv, 1)}%"
    goal = w("goal") + ": "
    return context.table(None, [
        [w("Mean glucose"), f"{w.number(result.mean, 1)} mmol/L"],
        [w("Glucose management indicator (GMI)"), gmi],
        [w("Coefficient of variation (CV)"), cv + " (" + goal + w("{goal}% or less", goal=w.number(CV_GOAL, 0)) + ")"],
        [w("Below 3.9 in total"), _share(w, result.below) + " (" + goal + w("less than {goal}%", goal=4) + ")"],
        [w("Above 10.0 in total"), _share(w, result.above) + " (" + goal + w("less than {goal}%", goal=25) + ")"],
        [w("Sensor readings"), w.number(result.count, 0)]], [34 * mm, CONTENT_WIDTH - BAR_COLUMN - 34 * mm])


def _share(w: Words, value: float | None) -> str:
    return "–" if value is None else f"{w.number(value, 1)}%"


def _tiles(context: PdfContext, profile: Agp) -> Table:
    w = context.words
    width = CONTENT_WIDTH / TILES_PER_ROW
    tiles = [day_tile(day, w.date(day.day), width - 1.5 * mm, 24 * mm) for day in profile.days[-MAX_TILES:]]
    rows = [tiles[i:i + TILES_PER_ROW] for i in range(0, len(tiles), TILES_PER_ROW)]
    rows[-1] += [""] * (TILES_PER_ROW - len(rows[-1]))
    return Table(rows, colWidths=[width] * TILES_PER_ROW, hAlign="LEFT",
                 style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
                        ("TOPPADDING", (0, 0), (-1, -1), 0.5 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5 * mm)])
