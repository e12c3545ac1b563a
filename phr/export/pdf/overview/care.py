"""The layout of the overview's care plan, care team, appointments and documents.

What is printed was chosen in phr.export.pdf.overview.facts. Documents are listed by title,
kind and date only: their content never leaves the record through an overview. Each item says
where it came from in a muted line (phr.export.pdf.overview.record.source).
"""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from phr.core.vocabulary import CareRole, DocumentKind, GoalProgress, GoalStatus
from phr.export.pdf.base import PdfContext
from phr.export.pdf.facts import source_words
from phr.export.pdf.overview.facts import AppointmentFacts, GoalFacts, VisitLine
from phr.export.pdf.overview.record import lines, small, source
from phr.monitoring.target_words import goal_target
from phr.record.care_plan import Evaluation
from phr.record.care_team import Contact
from phr.record.documents import Document
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of

MM = mm  # reportlab points per millimetre


# --- care plan ----------------------------------------------------------------------------------------

def care_plan_body(context: PdfContext, goals: Sequence[GoalFacts]) -> list[Flowable]:
    return [context.keep(_goal(context, facts)) for facts in goals]


def _goal(context: PdfContext, facts: GoalFacts) -> list[Flowable]:
    w, goal = context.words, facts.goal
    title = f"<b>{context.esc(goal.description)}</b> – {context.esc(label_of(w, GoalStatus, goal.status))}"
    block = [context.markup(title, "body")]
    if came_from := _goal_source(w, facts):
        block.append(context.markup(f"<i>{context.esc(came_from)}</i>", "small"))
    if facts.overdue:
        block.append(context.para(w("Review overdue: the review date ({date}) has passed.",
                                    date=w.date(goal.review_date)), "warning"))
    block.append(context.label_rows([
        (w("For diagnosis"), facts.diagnosis),
        (w("Agreed with"), facts.agreed_with),
        (w("Started"), w.date(goal.start_date)),
        (w("Review date"), w.date(goal.review_date)),
        (w("What I do"), goal.patient_action),
        (w("What the care provider does"), goal.provider_action),
        (w("Target"), goal_target(w, goal.target_low, goal.target_high, goal.target_unit, facts.target_measure)),
        (w("Latest evaluation"), _evaluation(w, facts.evaluation) or w("No evaluation in this period.")),
    ]))
    return block + [context.space(2.5)]


def _goal_source(w: Words, facts: GoalFacts) -> str:
    """Where the goal came from, and its evaluation when that came from elsewhere (a carer wrote it down)."""
    goal = source_words(w, facts.goal.provenance)
    evaluation = source_words(w, facts.evaluation.provenance) if facts.evaluation is not None else ""
    if evaluation and evaluation != goal:
        return w("{goal} (evaluation: {evaluation})", goal=goal, evaluation=evaluation)
    return goal


def _evaluation(w: Words, evaluation: Evaluation | None) -> str:
    if evaluation is None:
        return ""
    text = w("{date} – progress: {progress}.", date=w.date(evaluation.evaluated_on),
             progress=label_of(w, GoalProgress, evaluation.progress))
    text += " " + evaluation.how_it_went
    return text + (" " + w("Next step: {step}", step=evaluation.next_step) if evaluation.next_step else "")


# --- care team ---------------------------------------------------------------------------------------------

def care_team_body(context: PdfContext, contacts: Sequence[Contact]) -> list[Flowable]:
    w = context.words
    if not contacts:
        return []
    rows = []
    for c in contacts:
        where = " · ".join(part for part in (c.specialty, c.organisation) if part and part != c.name)
        name = lines(f"<b>{context.esc(c.name)}</b>", small(context, where), small(context, c.email),
                     small(context, c.website), source(context, c.provenance))
        rows.append([context.markup(name, "cell"), label_of(w, CareRole, c.role),
                     context.markup(lines(context.esc(c.contact_for), small(context, c.notes)), "cell"),
                     c.phone, context.markup(f"<b>{context.esc(c.acute_phone)}</b>", "cell")])
    return [context.table([w("Name"), w("Role"), w("Contact for"), w("Phone"), w("Out of hours / acute")], rows,
                          [c * MM for c in (44, 29, 53, 24, 24)])]


# --- appointments ----------------------------------------------------------------------------------------------

def appointments_body(context: PdfContext, facts: AppointmentFacts) -> list[Flowable]:
    w = context.words
    if not facts.upcoming and not facts.past:
        return []
    body = [context.heading(w("Coming appointments"), 2)]
    body.append(_upcoming_table(context, facts.upcoming) if facts.upcoming else
                context.no_information(w("No coming appointments.")))
    body.append(context.heading(w("Past appointments"), 2))
    body.append(_past_table(context, facts.past) if facts.past else
                context.no_information(w("No past appointments in this period.")))
    return body


def _with(context: PdfContext, visit: VisitLine) -> str:
    who = visit.with_whom
    return lines(f"<b>{context.esc(who)}</b>" if who else "", small(context, visit.appointment.location))


def _upcoming_table(context: PdfContext, visits: Sequence[VisitLine]) -> Table:
    w = context.words
    rows = []
    for visit in visits:
        a = visit.appointment
        asked = "<br/>".join(f"{q.position}. {context.esc(q.text)}" for q in visit.questions)
        rows.append([w.moment(a.starts_at), context.markup(_with(context, visit), "cell"),
                     context.markup(lines(context.esc(a.purpose), small(context, a.notes),
                                          source(context, a.provenance)), "cell"),
                     context.markup(asked, "cell")])
    return context.table([w("When"), w("With"), w("What for"), w("My questions")], rows,
                         [c * MM for c in (26, 40, 44, 64)])


def _past_table(context: PdfContext, visits: Sequence[VisitLine]) -> Table:
    w = context.words
    rows = [[w.moment(v.appointment.starts_at), context.markup(_with(context, v), "cell"),
             context.markup(lines(context.esc(v.appointment.purpose), source(context, v.appointment.provenance)),
                            "cell"), v.appointment.outcome] for v in visits]
    return context.table([w("When"), w("With"), w("What for"), w("Outcome")], rows,
                         [c * MM for c in (26, 40, 38, 70)])


# --- documents ---------------------------------------------------------------------------------------------------

def documents_body(context: PdfContext, documents: Sequence[Document]) -> list[Flowable]:
    """Title, kind and date of the documents kept in the record; never what they say."""
    w = context.words
    if not documents:
        return []
    rows = [[context.markup(lines(context.esc(d.title), source(context, d.provenance)), "cell"),
             label_of(w, DocumentKind, d.kind), w.date(d.document_date)] for d in documents]
    note = w("The documents themselves are kept in the record; this is only the list.")
    return [context.para(note, "small"), context.space(1),
            context.table([w("Title"), w("Kind"), w("Date")], rows, [c * MM for c in (110, 34, 30)])]
