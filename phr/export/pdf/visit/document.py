"""The visit brief: one or two A4 pages to take to a consultation.

A specialist has a few minutes to read it, so it holds only what changed since the last
visit with this care provider (diagnoses, medicines, events), how the measures that matter
went against their targets, the goals due for evaluation and the patient's questions, with
room to write the answers. Everything else is in the overview.

record -> facts (phr.export.pdf.visit.facts, read once) -> flowables (this module, changes,
trends; tried with ever tighter budgets until the brief fits two pages) -> bytes.
"""

import io
from collections.abc import Sequence

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from phr.core.vocabulary import GoalProgress
from phr.export.options import ExportOptions
from phr.export.pdf.base import CONTENT_WIDTH, FRAME_HEIGHT, RULE, PdfContext, SplittingTable
from phr.export.pdf.pages import render
from phr.export.pdf.visit.budget import BUDGETS, MAX_PAGES, Budget
from phr.export.pdf.visit.changes import diagnoses_section, events_section, medications_section
from phr.export.pdf.visit.facts import AppointmentFacts, GoalDue, QuestionFacts, VisitFacts, gather
from phr.export.pdf.visit.period import DEFAULT_MONTHS, PeriodBasis, VisitPeriod
from phr.export.pdf.visit.trends import trends_section
from phr.monitoring.target_words import goal_target
from phr.record.appointments import Appointment
from phr.record.care_plan import Evaluation
from phr.record.care_team import Contact
from phr.record.services import RecordServices
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of


def build(services: RecordServices, options: ExportOptions) -> bytes:
    context = PdfContext.create(options)
    facts = gather(services, options)
    title = context.words("Visit brief")
    for budget in BUDGETS:
        pdf = render(context, story(context, facts, budget), title, facts.subject)
        if page_count(pdf) <= MAX_PAGES:
            break
    return pdf


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def story(context: PdfContext, facts: VisitFacts, budget: Budget) -> list[Flowable]:
    """The brief's flowables, in the order of VisitSection; a section left out has no facts."""
    w, period = context.words, facts.period
    flowables = [context.para(_title(w, period), "title"), context.para(_period_text(w, facts), "subtitle")]
    if facts.appointment is not None:
        flowables += _appointment_section(context, period, facts.appointment)
    if facts.diagnoses is not None:
        flowables += diagnoses_section(context, facts.diagnoses, budget)
    if facts.medications is not None:
        flowables += medications_section(context, facts.medications, budget)
    if facts.events is not None:
        flowables += events_section(context, facts.events, budget)
    if facts.trends is not None:
        flowables += trends_section(context, facts.trends, period, budget)
    if facts.goals is not None:
        flowables += _goals_section(context, facts.goals, budget)
    if facts.questions is not None:
        flowables += _questions_section(context, period, facts.questions, budget)
    return flowables


def _title(w: Words, period: VisitPeriod) -> str:
    if period.appointment is None:
        return w("Visit brief")
    return w("Visit on {date}", date=w.moment(period.appointment.starts_at))


def _period_text(w: Words, facts: VisitFacts) -> str:
    """In words which period the brief looks back over, and why that one."""
    period, who = facts.period, facts.previous_with
    start, end = w.date(period.start), w.date(period.end)
    if period.basis == PeriodBasis.CHOSEN:
        return w("This brief covers {start} to {end} (the period you chose).", start=start, end=end)
    if period.basis == PeriodBasis.DEFAULT:
        return w("This brief covers the last {months} months: {start} to {end}. There is no earlier visit "
                 "in the record.", months=DEFAULT_MONTHS, start=start, end=end)
    if period.basis == PeriodBasis.SAME_PROVIDER and who:
        return w("Since the last visit with {who} on {start} (up to {end}).", who=who, start=start, end=end)
    if who:
        return w("Since the last visit on {start}, with {who} (up to {end}).", who=who, start=start, end=end)
    return w("Since the last visit on {start} (up to {end}).", start=start, end=end)


# --- the appointment ---------------------------------------------------------------------------------

def _appointment_section(context: PdfContext, period: VisitPeriod, facts: AppointmentFacts) -> list[Flowable]:
    w = context.words
    visit = period.appointment
    if visit is None:
        return context.section(w("Appointment"), [], w("No appointment is planned in the record."))
    rows = [(w("When"), w.moment(visit.starts_at)), (w("With"), _with_whom(facts.with_whom)),
            (w("Where"), visit.location), (w("Purpose"), visit.purpose), (w("My notes"), visit.notes)]
    if facts.last is not None:
        rows.append((w("Last visit"), _last_visit(w, facts.last)))
    table = context.label_rows(rows, label_width=38 * mm)
    return context.section(w("Appointment"), [table] if table else [])


def _last_visit(w: Words, last: Appointment) -> str:
    said = " – ".join(part for part in (last.purpose, last.outcome or w("no outcome written down")) if part)
    return f"{w.date(last.starts_at)}: {said}"


def _with_whom(contact: Contact | None) -> str:
    if contact is None:
        return ""
    about = ", ".join(part for part in (contact.specialty, contact.organisation) if part)
    return f"{contact.name} ({about})" if about else contact.name


# --- goals -------------------------------------------------------------------------------------------

def _goals_section(context: PdfContext, goals: Sequence[GoalDue], budget: Budget) -> list[Flowable]:
    w = context.words
    body = [line for due in goals for line in _goal_lines(context, due, budget.details)]
    return context.section(w("Goals to evaluate"), body, w("No goals are due for evaluation."))


def _goal_lines(context: PdfContext, due: GoalDue, details: bool) -> list[Flowable]:
    w, esc, goal = context.words, context.esc, due.goal
    review = w.date(goal.review_date)
    facts = [w("evaluation overdue (was {date})", date=review) if due.overdue else
             w("evaluation on {date}", date=review)]
    if goal.agreed_with is not None and due.agreed_with:
        facts.append(w("agreed with {who}", who=due.agreed_with))
    if goal.target_low is not None or goal.target_high is not None:
        facts.append(goal_target(w, goal.target_low, goal.target_high, goal.target_unit, due.target_measure))
    return [context.markup(f"<b>{esc(goal.description)}</b> – {esc(' · '.join(facts))}", "item"),
            context.para(_evaluation_text(w, due.latest, details), "small_indent")]


def _evaluation_text(w: Words, evaluation: Evaluation | None, details: bool) -> str:
    if evaluation is None:
        return w("No evaluation yet.")
    text = w("Last evaluation ({date}): {progress}. {how}", date=w.date(evaluation.evaluated_on),
             progress=label_of(w, GoalProgress, evaluation.progress, in_sentence=True), how=evaluation.how_it_went)
    if evaluation.next_step and details:
        text += " " + w("Next step: {step}", step=evaluation.next_step)
    return text


# --- questions ---------------------------------------------------------------------------------------

def _questions_section(context: PdfContext, period: VisitPeriod, facts: QuestionFacts,
                       budget: Budget) -> list[Flowable]:
    w = context.words
    if period.appointment is None:
        return context.section(w("Questions for this visit"), [], w("No appointment, so no questions."))
    body = [_question_with_room(context, number, question.text, budget.answer_room)
            for number, question in enumerate(facts.open, 1)]
    if facts.answered:
        body.append(context.heading(w("Already answered"), 2))
        for question in facts.answered:
            body.append(context.markup(f"<b>{context.esc(question.text)}</b>", "body"))
            body.append(context.para(question.answer or w("(no answer written down)"), "small_indent"))
    return context.section(w("Questions for this visit"), body, w("No questions written down for this visit."))


def _question_with_room(context: PdfContext, number: int, text: str, room: float) -> Table:
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
