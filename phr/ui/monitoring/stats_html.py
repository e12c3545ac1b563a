"""The statistics of a measure as HTML tables: summary, glucose time in ranges, blood pressure, adherence.

The numbers come from phr.monitoring.statistics and phr.monitoring.statistics_bp (the PDF uses the same); this module
only puts them in words and tables. A number that is not known shows as a dash, never as 0.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from phr.core import partial_date
from phr.core.vocabulary import GlucoseBasis
from phr.monitoring import statistics as stats
from phr.monitoring.figures import GlucoseFigures
from phr.monitoring.measures import SCORE, Measure
from phr.monitoring.samples import Samples
from phr.monitoring.statistics import Summary
from phr.monitoring.statistics_bp import BloodPressureStats
from phr.monitoring.target_words import component_names, component_units, with_unit
from phr.monitoring.targets import Plan
from phr.ui.monitoring.measure_words import day_text, number
from phr.ui.text.formatting import escape, fill, heading
from phr.ui.text.vocabulary import label

translate = QCoreApplication.translate
DASH = "—"
BANDS = (stats.VERY_HIGH, stats.HIGH, stats.IN_RANGE, stats.LOW, stats.VERY_LOW)   # top to bottom, as drawn
ADHERENCE_DAYS_SHOWN = 31


def shown(value: float | None, decimals: int, unit: str = "") -> str:
    return DASH if value is None else with_unit(number(value, decimals), unit)


def percent(value: float | None) -> str:
    return shown(value, 1, "%")


@dataclass(frozen=True)
class Term:
    """A figure named in plain words; its technical name shows when the pointer rests on it (for the doctor)."""

    words: str
    technical: str

    def html(self) -> str:
        return f"<span title='{escape(self.technical)}'>{escape(self.words)}</span>"


def cell_html(value: "str | Term") -> str:
    return value.html() if isinstance(value, Term) else escape(value)


def spread() -> Term:
    return Term(translate("MonitoringStats", "How much the values vary"),
                translate("MonitoringStats", "Standard deviation (SD)"))


def variation() -> Term:
    return Term(translate("MonitoringStats", "Variation compared to the mean"),
                translate("MonitoringStats", "Coefficient of variation (CV): the standard deviation as a share of "
                                             "the mean"))


def estimated_hba1c() -> Term:
    return Term(translate("MonitoringStats", "Estimated HbA1c (GMI)"),
                translate("MonitoringStats", "Glucose management indicator (GMI): the HbA1c that fits the mean "
                                             "sensor glucose. A lab HbA1c can differ."))


def table(headers: list[str], rows: Sequence[Sequence["str | Term"]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell_html(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='4' border='1' style='border-collapse: collapse'>" \
           f"<tr>{head}</tr>{body}</table>"


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def count(value: int) -> str:
    return QLocale().toString(int(value))


def summary_html(measure: Measure, summaries: tuple[Summary, ...], language: str) -> str:
    """Count, mean, lowest, highest and SD per component (blood pressure: systolic, diastolic, pulse).

    A score has no unit, and its mean and SD get a decimal (a mean of 5.6 is not 6)."""
    names = component_names(measure, language) if measure.components else [translate("MonitoringStats", "Value")]
    score = measure.kind == SCORE
    units = [""] if score else component_units(measure)
    exact, loose = measure.decimals, 1 if score else measure.decimals
    first: list[str | Term] = [translate("MonitoringStats", "Readings"), *(count(s.count) for s in summaries)]
    rows = [first]
    for name, pick, decimals in ((translate("MonitoringStats", "Mean"), lambda s: s.mean, loose),
                                 (translate("MonitoringStats", "Lowest"), lambda s: s.minimum, exact),
                                 (translate("MonitoringStats", "Highest"), lambda s: s.maximum, exact),
                                 (spread(), lambda s: s.sd, loose)):
        rows.append([name, *(shown(pick(s), decimals, u) for s, u in zip(summaries, units))])
    html = table([""] + names, rows)
    low, high = summaries[0].flagged_low, summaries[0].flagged_high
    if low or high:
        html += paragraph(fill(translate("MonitoringStats", "Sensor Low: %1. Sensor High: %2. These have no number "
                                                            "and are not in the mean, lowest or highest."), low, high))
    return html


def basis_note(figures: GlucoseFigures) -> str:
    """Which readings the time in ranges rests on, and why; the other readings are never left out unsaid."""
    if figures.basis == GlucoseBasis.READINGS:
        return translate("MonitoringStats", "There are no sensor readings in this period: the shares are shares of "
                                            "readings, not of time. The estimated HbA1c (GMI) is only worked out from "
                                            "sensor readings.")
    note = fill(translate("MonitoringStats", "Time in ranges, mean, variation and estimated HbA1c from the %1 sensor "
                                             "readings: a sensor reads at even times, so a share of its readings is a "
                                             "share of time."),
                count(figures.result.count))
    if figures.others is not None:
        note += " " + fill(translate("MonitoringStats", "The %1 other readings (finger prick, lab, typed in or not "
                                                        "known) are not in these figures; their own shares are in "
                                                        "the last column."), count(figures.others.count))
    return note


def glucose_html(figures: GlucoseFigures) -> str:
    glucose, others = figures.result, figures.others
    headers = [translate("MonitoringStats", "Range (mmol/L)"), translate("MonitoringStats", "Readings"),
               translate("MonitoringStats", "Share")]
    if others is not None:
        headers.append(translate("MonitoringStats", "Other readings"))
    rows = [[label(b), count(figures.counts[b]), percent(glucose.share(b))] +
            ([percent(others.share(b))] if others is not None else []) for b in BANDS]
    gmi = DASH if figures.gmi_percent is None else fill(translate("MonitoringStats", "%1 (%2 mmol/mol)"),
                                                        percent(figures.gmi_percent), shown(figures.gmi_mmol_mol, 0))
    numbers = table([translate("MonitoringStats", "Measure"), translate("MonitoringStats", "Value")], [
        [translate("MonitoringStats", "Mean glucose"), shown(glucose.mean, 1, "mmol/L")],
        [spread(), shown(glucose.sd, 1, "mmol/L")],
        [variation(), percent(glucose.cv)],
        [estimated_hba1c(), gmi],
        [translate("MonitoringStats", "Days with readings"), count(glucose.days)]])
    return heading(translate("MonitoringStats", "Time in ranges"), 3) + paragraph(basis_note(figures)) + \
        table(headers, rows) + heading(translate("MonitoringStats", "Mean, variation and estimated HbA1c"), 3) + numbers


def blood_pressure_html(result: BloodPressureStats) -> str:
    firsts = {series.first_day for series in result.series}
    series_rows = [[f"{day_text(s.first_day)} – {day_text(s.last_day)}", count(s.day_count), count(s.count),
                    count(s.used), shown(s.systolic, 0), shown(s.diastolic, 0), shown(s.pulse, 0)]
                   for s in reversed(result.series)]
    day_rows = [[day_text(d.day) + (" " + translate("MonitoringStats", "(first day: left out)") if d.day in firsts
                                    else ""), count(d.count), shown(d.systolic, 0), shown(d.diastolic, 0),
                 shown(d.pulse, 0)] for d in reversed(result.days)]
    pressures = [translate("MonitoringStats", "Systolic (mmHg)"), translate("MonitoringStats", "Diastolic (mmHg)"),
                 translate("MonitoringStats", "Pulse (/min)")]
    return (heading(translate("MonitoringStats", "Mean per measuring series"), 3) +
            paragraph(translate("MonitoringStats", "The first day of each series is left out of its mean, as the "
                                                   "home measuring protocol does: on the first day blood pressure "
                                                   "is often higher. A series of one day has no mean.")) +
            table([translate("MonitoringStats", "Series"), translate("MonitoringStats", "Days"),
                   translate("MonitoringStats", "Readings"), translate("MonitoringStats", "In the mean")] + pressures,
                  series_rows) +
            heading(translate("MonitoringStats", "Mean per day"), 3) +
            table([translate("MonitoringStats", "Day"), translate("MonitoringStats", "Readings")] + pressures,
                  day_rows))


def adherence_html(plan: Plan, samples: Samples, start: date, end: date, today: date) -> str:
    """Planned against done for the days the plan and the period share, up to today."""
    first = max(start, plan_start(plan))
    last = min(end, today, plan.end() or today)
    if last < first:
        return paragraph(fill(translate("MonitoringStats", "The measuring plan starts on %1."),
                              day_text(plan_start(plan))))
    result = stats.adherence(samples.in_days(first, last), plan.per_day, first, last)
    text = fill(translate("MonitoringStats", "From %1 to %2: %3 of the %4 planned readings done (%5)."),
                day_text(first), day_text(last), result.counted, result.planned, percent(result.percent))
    if result.done > result.counted:
        text += " " + translate("MonitoringStats", "Extra readings on one day do not make up for a missed day.")
    rows = [[day_text(d.day), count(d.planned), count(d.done), percent(d.percent)]
            for d in reversed(result.days[-ADHERENCE_DAYS_SHOWN:])]
    shown_days = "" if len(result.days) <= ADHERENCE_DAYS_SHOWN else paragraph(
        fill(translate("MonitoringStats", "Per day, the last %1 days:"), ADHERENCE_DAYS_SHOWN))
    return paragraph(text) + shown_days + table(
        [translate("MonitoringStats", "Day"), translate("MonitoringStats", "Planned"),
         translate("MonitoringStats", "Done"), translate("MonitoringStats", "Share done")], rows)


def plan_start(plan: Plan) -> date:
    """The plan's first day: a stored plan always has one (its start date is required)."""
    start = partial_date.earliest(plan.start_date)
    if start is None:
        raise ValueError("a measuring plan without a start date")
    return start
