"""The visit brief: one or two A4 pages to take to a consultation.

A specialist has a few minutes to read it. Page 1 opens with what always holds (the diagnoses,
the rare one first with its ORPHAcode, the medicines in use, the allergies), then the patient's
questions with room to write the answers; then the visit and what changed since the last visit
with this care provider (diagnoses, medicines, events), the lab results of the period against the
lab's ranges, how the measures that matter went against their targets, and the goals due for evaluation. Everything else is in the overview.

record -> facts (phr.export.pdf.visit.facts, read once) -> flowables (this module, standing,
changes, trends; tried with ever tighter budgets until the brief fits two pages, and what did
not fit named) -> bytes.
"""

import io
from collections.abc import Callable, Sequence
from typing import TypeVar

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from phr.core.vocabulary import GoalProgress
from phr.export.options import ExportOptions, VisitSection
from phr.export.pdf.base import CONTENT_WIDTH, FRAME_HEIGHT, RULE, PdfContext, SplittingTable
from phr.export.pdf.facts import own_words_note, record_note
from phr.export.pdf.pages import render
from phr.export.pdf.visit.budget import BUDGETS, MAX_PAGES, Budget
from phr.export.pdf.visit.changes import came_from, diagnoses_section, events_section, medications_section
from phr.export.pdf.visit.facts import AppointmentFacts, GoalDue, QuestionFacts, VisitFacts, gather
from phr.export.pdf.visit.period import DEFAULT_MONTHS, PeriodBasis, VisitPeriod
from phr.export.pdf.visit.results import lab_results_section
from phr.export.pdf.visit.standing import standing_section
from phr.export.pdf.visit.trends import trends_section
from phr.monitoring.target_words import goal_target
from phr.record.appointments import Appointment
from phr.record.care_plan import Evaluation
from phr.record.care_team import Contact
from phr.record.services import RecordServices
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of

Part = TypeVar("Part")
NUMBER_WIDTH = 9 * mm  # room for a question's number up to '99.' (with the cell's padding)


def build(services: RecordServices, options: ExportOptions) -> bytes:
    facts = gather(services, options)
    context = PdfContext.create(options, facts.written_in)
    title = context.words("Visit brief")
    tried: dict[tuple[VisitSection, ...], bytes] = {}
    for budget in BUDGETS:
        dropped = left_out(facts, budget)
        if budget.left_out and dropped in tried:
            continue  # leaves out no more than a budget tried before (the others are empty): the same pages
        tried[dropped] = pdf = render(context, story(context, facts, budget), title, facts.subject)
        if page_count(pdf) <= MAX_PAGES:
            return pdf
    # Even the standing facts and the questions alone run over (a pasted letter as a question): leaving out
    # sections would not keep the brief to two pages, so it keeps all of them, at the tightest budget.
    return tried[()]


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def left_out(facts: VisitFacts, budget: Budget) -> tuple[VisitSection, ...]:
    """The sections the budget leaves out that have something to say (an empty one keeps its one line)."""
    return tuple(section for section in budget.left_out if _content(facts, section))


def _content(facts: VisitFacts, section: VisitSection) -> object:
    return {VisitSection.APPOINTMENT: facts.appointment, VisitSection.DIAGNOSES: facts.diagnoses,
            VisitSection.MEDICATIONS: facts.medications, VisitSection.EVENTS: facts.events,
            VisitSection.LAB_RESULTS: facts.lab_results, VisitSection.TRENDS: facts.trends,
            VisitSection.GOALS: facts.goals}.get(section)


def story(context: PdfContext, facts: VisitFacts, budget: Budget) -> list[Flowable]:
    """The brief's flowables, in the order of VisitSection; a section the user left out has no facts."""
    w, period = context.words, facts.period
    flowables = [context.para(_title(w, period), "title"), context.para(_period_text(w, facts), "subtitle"),
                 context.para(record_note(w), "small")]
    if note := own_words_note(context.clinical):
        flowables.append(context.para(note, "small"))
    dropped = left_out(facts, budget)

    def laid_out(section: VisitSection, part: Part | None, layout: Callable[[Part], list[Flowable]]) -> list[Flowable]:
        return [] if part is None or section in dropped else layout(part)

    flowables += laid_out(VisitSection.STANDING_FACTS, facts.standing,
                          lambda part: standing_section(context, part, budget))
    flowables += laid_out(VisitSection.QUESTIONS, facts.questions,
                          lambda part: _questions_section(context, period, part, budget))
    flowables += laid_out(VisitSection.APPOINTMENT, facts.appointment,
                          lambda part: _appointment_section(context, period, part))
    flowables += laid_out(VisitSection.DIAGNOSES, facts.diagnoses, lambda part: diagnoses_section(context, part, budget))
    flowables += laid_out(VisitSection.MEDICATIONS, facts.medications,
                          lambda part: medications_section(context, part, budget))
    flowables += laid_out(VisitSection.EVENTS, facts.events, lambda part: events_section(context, part, budget))
    flowables += laid_out(VisitSection.LAB_RESULTS, facts.lab_results,
                          lambda part: lab_results_section(context, part, budget))
    flowables += laid_out(VisitSection.TRENDS, facts.trends, lambda part: trends_section(context, part, period, budget))
    flowables += laid_out(VisitSection.GOALS, facts.goals, lambda part: _goals_section(context, part, budget))
    return flowables + _left_out_note(context, dropped)


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


def _left_out_note(context: PdfContext, dropped: Sequence[VisitSection]) -> list[Flowable]:
    """What did not fit on two pages, by the titles the sections would have had."""
    if not dropped:
        return []
    w = context.words
    titles = {VisitSection.APPOINTMENT: w("Appointment"), VisitSection.DIAGNOSES: w("New or changed diagnoses"),
              VisitSection.MEDICATIONS: w("Medication changes"), VisitSection.EVENTS: w("Events"),
              VisitSection.LAB_RESULTS: w("Lab results"),
              VisitSection.TRENDS: w("Measurements against targets"), VisitSection.GOALS: w("Goals to evaluate")}
    names = ", ".join(titles[section] for section in VisitSection if section in dropped)
    return [context.space(2), context.para(w("Left out to keep this brief to two pages: {sections}. You find them "
                                             "in the overview.", sections=names), "warning")]


# --- goals -------------------------------------------------------------------------------------------

def _goals_section(context: PdfContext, goals: Sequence[GoalDue], budget: Budget) -> list[Flowable]:
    w = context.words
    body = [line for due in goals[:budget.goals] for line in _goal_lines(context, due, budget.details)]
    if len(goals) > budget.goals:
        body.append(context.para(w("And {count} other goals to evaluate: see the overview.",
                                   count=len(goals) - budget.goals), "small"))
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
    line = f"<b>{esc(goal.description)}</b> – {esc(' · '.join(facts))}{came_from(context, goal.provenance)}"
    return [context.markup(line, "item"),
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
    width = CONTENT_WIDTH - NUMBER_WIDTH
    table = SplittingTable(rows, colWidths=[NUMBER_WIDTH, width], rowHeights=[None, room], hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("TOPPADDING", (0, 0), (-1, 0), 3), ("LINEBELOW", (1, 1), (1, 1), 0.4, RULE)]
    if question.wrap(width, FRAME_HEIGHT)[1] + room <= FRAME_HEIGHT / 3:
        style.append(("NOSPLIT", (0, 0), (-1, -1)))
    table.setStyle(TableStyle(style))
    return table
