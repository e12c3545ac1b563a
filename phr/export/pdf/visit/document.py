"""The visit brief: one or two A4 pages to take to a consultation.

A specialist has a few minutes to read it, so it holds only what changed since the last
visit with this care provider (diagnoses, medicines, events), how the measures that matter
went against their targets, the goals due for evaluation and the patient's questions, with
room to write the answers. Everything else is in the overview.
"""

import io

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from phr.export.pdf.base import CONTENT_WIDTH, FRAME_HEIGHT, RULE, SplittingTable, render
from phr.export.pdf.visit.changes import diagnoses_section, events_section, medications_section
from phr.export.pdf.visit.period import (
    CHOSEN,
    DEFAULT,
    DEFAULT_MONTHS,
    SAME_PROVIDER,
    Budget,
    VisitPeriod,
    visit_period,
)
from phr.export.pdf.visit.trends import trends_section
from phr.record.care_plan import CarePlanService

SECTIONS: tuple[str, ...] = ("appointment", "diagnoses", "medications", "events", "trends", "goals", "questions")
REVIEW_SOON_DAYS = 30
MAX_PAGES = 2
# From roomy to tight: a long period (a first visit, a provider not seen for years) is cut
# down until the brief fits two pages; what is left out is counted and points to the overview.
BUDGETS = (Budget(events=8, medications=10, measures=8, answer_room=24 * mm, details=True),
           Budget(events=8, medications=10, measures=8, answer_room=16 * mm, details=True),
           Budget(events=5, medications=8, measures=6, answer_room=11 * mm, details=True),
           Budget(events=3, medications=6, measures=4, answer_room=7 * mm, details=False))


def build(context) -> bytes:
    _add_styles(context)
    period = visit_period(context.services, context.options)
    for budget in BUDGETS:
        pdf = render(context, _story(context, period, budget), context.words("Visit brief"))
        if page_count(pdf) <= MAX_PAGES:
            break
    return pdf


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _story(context, period: VisitPeriod, budget: Budget) -> list:
    story = [context.para(_title(context, period), "title"), context.para(_period_text(context, period), "subtitle")]
    makers = {"appointment": _appointment_section, "diagnoses": diagnoses_section,
              "medications": medications_section, "events": events_section, "trends": trends_section,
              "goals": _goals_section, "questions": _questions_section}
    for key in SECTIONS:
        if context.options.wants(key):
            story += makers[key](context, period, budget)
    return story


def _add_styles(context) -> None:
    small = context.styles["small"]
    context.styles.setdefault("small_indent", ParagraphStyle("small_indent", parent=small, leftIndent=4 * mm,
                                                             spaceAfter=1.5 * mm))
    context.styles.setdefault("item", ParagraphStyle("item", parent=context.styles["body"], spaceBefore=1.5 * mm))


def _title(context, period: VisitPeriod) -> str:
    w = context.words
    if period.appointment is None:
        return w("Visit brief")
    return w("Visit on {date}", date=w.moment(period.appointment.starts_at))


def _contact_name(context, contact_id) -> str:
    contact = context.services.care_team.get(contact_id) if contact_id is not None else None
    return contact.name if contact else ""


def _period_text(context, period: VisitPeriod) -> str:
    """In words which period the brief looks back over, and why that one."""
    w = context.words
    start, end = w.date(period.start), w.date(period.end)
    if period.basis == CHOSEN:
        return w("This brief covers {start} to {end} (the period you chose).", start=start, end=end)
    if period.basis == DEFAULT:
        return w("This brief covers the last {months} months: {start} to {end}. There is no earlier visit "
                 "in the record.", months=DEFAULT_MONTHS, start=start, end=end)
    who = _contact_name(context, period.previous.contact_id)
    if period.basis == SAME_PROVIDER and who:
        return w("Since the last visit with {who} on {start} (up to {end}).", who=who, start=start, end=end)
    if who:
        return w("Since the last visit on {start}, with {who} (up to {end}).", who=who, start=start, end=end)
    return w("Since the last visit on {start} (up to {end}).", start=start, end=end)


# --- the appointment ---------------------------------------------------------------------------------

def _appointment_section(context, period: VisitPeriod, budget: Budget) -> list:
    w = context.words
    visit = period.appointment
    if visit is None:
        return context.section(w("Appointment"), [], w("No appointment is planned in the record."))
    rows = [(w("When"), w.moment(visit.starts_at)), (w("With"), _with_whom(context, visit.contact_id)),
            (w("Where"), visit.location), (w("Purpose"), visit.purpose), (w("My notes"), visit.notes)]
    last = period.previous
    if last is not None and last.id != visit.id:
        said = " – ".join(part for part in (last.purpose, last.outcome or w("no outcome written down")) if part)
        rows.append((w("Last visit"), f"{w.date(last.starts_at)}: {said}"))
    table = context.label_rows(rows, label_width=38 * mm)
    return context.section(w("Appointment"), [table] if table else [])


def _with_whom(context, contact_id) -> str:
    contact = context.services.care_team.get(contact_id) if contact_id is not None else None
    if contact is None:
        return ""
    about = ", ".join(part for part in (contact.specialty, contact.organisation) if part)
    return f"{contact.name} ({about})" if about else contact.name


# --- goals -------------------------------------------------------------------------------------------

def _goals_section(context, period: VisitPeriod, budget: Budget) -> list:
    w = context.words
    plan = context.services.care_plan
    today = context.options.today
    body = []
    for goal in plan.overdue(today) + plan.due_for_review(REVIEW_SOON_DAYS, today):
        body += _goal_lines(context, goal, CarePlanService.is_overdue(goal, today), budget.details)
    return context.section(w("Goals to evaluate"), body, w("No goals are due for evaluation."))


def _goal_lines(context, goal, overdue: bool, details: bool) -> list:
    w, esc = context.words, context.esc
    review = w.date(goal.review_date)
    facts = [w("evaluation overdue (was {date})", date=review) if overdue else w("evaluation on {date}", date=review)]
    if goal.agreed_with is not None and _contact_name(context, goal.agreed_with):
        facts.append(w("agreed with {who}", who=_contact_name(context, goal.agreed_with)))
    if goal.target_low is not None or goal.target_high is not None:
        facts.append(_goal_target(context, goal))
    lines = [context.markup(f"<b>{esc(goal.description)}</b> – {esc(' · '.join(facts))}", "item")]
    latest = context.services.care_plan.latest_evaluation(goal.id)
    lines.append(context.para(_evaluation_text(context, latest, details), "small_indent"))
    return lines


def _goal_target(context, goal) -> str:
    """'target 100–135 mmHg (Blood pressure)': the range, and what it is a range of."""
    w = context.words

    def number(value: float) -> str:
        return w.number(value, 0 if float(value).is_integer() else 1)
    if goal.target_low is not None and goal.target_high is not None:
        text = f"{number(goal.target_low)}–{number(goal.target_high)}"
    else:
        text = f"≥ {number(goal.target_low)}" if goal.target_low is not None else f"≤ {number(goal.target_high)}"
    measure = context.services.measures.find(goal.target_measure) if goal.target_measure else None
    what = measure.name(context.options.language) if measure else goal.target_measure  # a custom one too
    text = " ".join(part for part in (text, goal.target_unit) if part)
    return w("target {range} ({measure})", range=text, measure=what) if what else w("target {range}", range=text)


def _evaluation_text(context, evaluation, details: bool) -> str:
    w = context.words
    if evaluation is None:
        return w("No evaluation yet.")
    progress = {0: w("not started"), 1: w("a little"), 2: w("halfway"), 3: w("mostly"), 4: w("achieved")}
    text = w("Last evaluation ({date}): {progress}. {how}", date=w.date(evaluation.evaluated_on),
             progress=progress.get(evaluation.progress, ""), how=evaluation.how_it_went)
    if evaluation.next_step and details:
        text += " " + w("Next step: {step}", step=evaluation.next_step)
    return text


# --- questions ---------------------------------------------------------------------------------------

def _questions_section(context, period: VisitPeriod, budget: Budget) -> list:
    w = context.words
    visit = period.appointment
    if visit is None:
        return context.section(w("Questions for this visit"), [], w("No appointment, so no questions."))
    questions = context.services.appointments.questions(visit.id)
    open_ones = [question for question in questions if not question.answered]
    answered = [question for question in questions if question.answered]
    body = [_question_with_room(context, number, question.text, budget.answer_room)
            for number, question in enumerate(open_ones, 1)]
    if answered:
        body.append(context.heading(w("Already answered"), 2))
        for question in answered:
            body.append(context.markup(f"<b>{context.esc(question.text)}</b>", "body"))
            body.append(context.para(question.answer or w("(no answer written down)"), "small_indent"))
    return context.section(w("Questions for this visit"), body, w("No questions written down for this visit."))


def _question_with_room(context, number: int, text: str, room: float) -> Table:
    """The question, then ruled room to write the answer; kept together on one page when it fits.

    A question too long for that (a pasted letter) may run on over pages: a table row kept
    whole that is taller than a page would stop the whole brief with a LayoutError."""
    question = context.para(text, "body")
    rows = [[context.para(f"{number}.", "body"), question], ["", ""]]
    width = CONTENT_WIDTH - 7 * mm
    table = SplittingTable(rows, colWidths=[7 * mm, width], rowHeights=[None, room], hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("TOPPADDING", (0, 0), (-1, 0), 3), ("LINEBELOW", (1, 1), (1, 1), 0.4, RULE)]
    if question.wrap(width, FRAME_HEIGHT)[1] + room <= FRAME_HEIGHT / 3:
        style.append(("NOSPLIT", (0, 0), (-1, -1)))
    table.setStyle(TableStyle(style))
    return table
