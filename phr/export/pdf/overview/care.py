"""The overview's care plan, care team, appointments and documents.

Active goals and the care team hold now and are always printed; evaluations, past
appointments and documents keep to the chosen period. Documents are listed by title,
kind and date only: their content never leaves the record through an overview.
"""

from reportlab.lib.units import mm

from phr.core import partial_date
from phr.export.pdf.base import PdfContext
from phr.export.pdf.overview.record import lines, small
from phr.record.care_plan import CarePlanService

MM = mm  # reportlab points per millimetre
ALL = 10_000  # more goals or appointments than anyone keeps: 'all of them' for the paged queries


# --- care plan ----------------------------------------------------------------------------------------

def progress_words(w) -> dict[int, str]:
    return {0: w("Not started yet"), 1: w("A little"), 2: w("Halfway"), 3: w("Mostly"), 4: w("Achieved")}


def goal_status_words(w) -> dict[str, str]:
    return {"active": w("Active"), "achieved": w("Achieved"), "stopped": w("Stopped")}


def care_plan_body(context: PdfContext) -> list:
    """Every active goal; achieved and stopped ones when they were worked on in the period."""
    plan, options = context.services.care_plan, context.options
    body = []
    for goal in plan.page(0, ALL):
        evaluations = [e for e in plan.evaluations(goal.id) if options.in_period(e.evaluated_on)]
        dated = evaluations[0].evaluated_on if evaluations else goal.review_date or goal.start_date
        if goal.status == "active" or (options.in_period(dated) and (evaluations or not options.since)):
            body.append(context.keep(_goal(context, goal, evaluations[0] if evaluations else None)))
    return body


def _goal(context: PdfContext, goal, evaluation) -> list:
    w = context.words
    names = context.services.care_team.names()
    diagnoses = {d.id: d.name for d in context.services.diagnoses.all()}
    title = f"<b>{context.esc(goal.description)}</b> – {context.esc(goal_status_words(w).get(goal.status, ''))}"
    block = [context.markup(title, "body")]
    if CarePlanService.is_overdue(goal, context.options.today):
        block.append(context.para(w("Review overdue: the review date ({date}) has passed.",
                                    date=w.date(goal.review_date)), "warning"))
    block.append(context.label_rows([
        (w("For diagnosis"), diagnoses.get(goal.diagnosis_id, "")),
        (w("Agreed with"), names.get(goal.agreed_with, "")),
        (w("Started"), w.date(goal.start_date)),
        (w("Review date"), w.date(goal.review_date)),
        (w("What I do"), goal.patient_action),
        (w("What the care provider does"), goal.provider_action),
        (w("Target"), goal_target(context, goal)),
        (w("Latest evaluation"), _evaluation(context, evaluation) or w("No evaluation in this period.")),
    ]))
    return block + [context.space(2.5)]


def goal_target(context: PdfContext, goal) -> str:
    """'Blood pressure: 100 to 135 mmHg', or the person's own words for what is measured."""
    w = context.words
    measure = context.services.measures.find(goal.target_measure) if goal.target_measure else None
    what = measure.name(context.options.language) if measure else goal.target_measure
    low, high = goal.target_low, goal.target_high
    if low is not None and high is not None:
        decimals = _decimals(low, high)
        limits = w("{low} to {high}", low=w.number(low, decimals), high=w.number(high, decimals))
    elif low is not None:
        limits = w("at least {low}", low=w.number(low, _decimals(low)))
    elif high is not None:
        limits = w("at most {high}", high=w.number(high, _decimals(high)))
    else:
        limits = ""
    limits = f"{limits} {goal.target_unit}".strip() if limits else ""
    return f"{what}: {limits}" if what and limits else what or limits


def _decimals(*values: float) -> int:
    return 0 if all(float(v).is_integer() for v in values) else 1


def _evaluation(context: PdfContext, evaluation) -> str:
    if evaluation is None:
        return ""
    w = context.words
    text = w("{date} – progress: {progress}.", date=w.date(evaluation.evaluated_on),
             progress=progress_words(w).get(evaluation.progress, ""))
    text += " " + evaluation.how_it_went
    return text + (" " + w("Next step: {step}", step=evaluation.next_step) if evaluation.next_step else "")


# --- care team ---------------------------------------------------------------------------------------------

def role_words(w) -> dict[str, str]:
    return {"gp": w("GP"), "specialist": w("Specialist"), "expertise_centre": w("Expertise centre"),
            "nurse": w("Nurse"), "pharmacy": w("Pharmacy"), "therapist": w("Therapist"),
            "patient_association": w("Patient association"), "social_support": w("Municipality or social support"),
            "other": w("Other")}


def care_team_body(context: PdfContext) -> list:
    w = context.words
    contacts = context.services.care_team.all()
    if not contacts:
        return []
    roles = role_words(w)
    rows = []
    for c in contacts:
        where = " · ".join(part for part in (c.specialty, c.organisation) if part and part != c.name)
        name = lines(f"<b>{context.esc(c.name)}</b>", small(context, where), small(context, c.email),
                     small(context, c.website))
        rows.append([context.markup(name, "cell"), roles.get(c.role, c.role),
                     context.markup(lines(context.esc(c.contact_for), small(context, c.notes)), "cell"),
                     c.phone, context.markup(f"<b>{context.esc(c.acute_phone)}</b>", "cell")])
    return [context.table([w("Name"), w("Role"), w("Contact for"), w("Phone"), w("Out of hours / acute")], rows,
                          [c * MM for c in (44, 29, 53, 24, 24)])]


# --- appointments ----------------------------------------------------------------------------------------------

def appointments_body(context: PdfContext) -> list:
    w, options, service = context.words, context.options, context.services.appointments
    upcoming = [a for a in service.upcoming(options.now, limit=ALL) if options.in_period(a.starts_at[:10])]
    past = [a for a in service.past(options.now, limit=ALL) if options.in_period(a.starts_at[:10])]
    if not upcoming and not past:
        return []
    names = context.services.care_team.names()
    body = [context.heading(w("Coming appointments"), 2)]
    body.append(_upcoming_table(context, upcoming, names) if upcoming else
                context.no_information(w("No coming appointments.")))
    body.append(context.heading(w("Past appointments"), 2))
    body.append(_past_table(context, past, names) if past else
                context.no_information(w("No past appointments in this period.")))
    return body


def _with(context: PdfContext, appointment, names: dict) -> str:
    who = names.get(appointment.contact_id, "")
    return lines(f"<b>{context.esc(who)}</b>" if who else "", small(context, appointment.location))


def _upcoming_table(context: PdfContext, appointments: list, names: dict):
    w = context.words
    rows = []
    for a in appointments:
        questions = context.services.appointments.open_questions(a.id)
        asked = "<br/>".join(f"{q.position}. {context.esc(q.text)}" for q in questions)
        rows.append([w.moment(a.starts_at), context.markup(_with(context, a, names), "cell"),
                     context.markup(lines(context.esc(a.purpose), small(context, a.notes)), "cell"),
                     context.markup(asked, "cell")])
    return context.table([w("When"), w("With"), w("What for"), w("My questions")], rows,
                         [c * MM for c in (26, 40, 44, 64)])


def _past_table(context: PdfContext, appointments: list, names: dict):
    w = context.words
    rows = [[w.moment(a.starts_at), context.markup(_with(context, a, names), "cell"), a.purpose, a.outcome]
            for a in appointments]
    return context.table([w("When"), w("With"), w("What for"), w("Outcome")], rows,
                         [c * MM for c in (26, 40, 38, 70)])


# --- documents ---------------------------------------------------------------------------------------------------

def document_kind_words(w) -> dict[str, str]:
    return {"letter": w("Letter"), "lab_result": w("Lab result"), "scan": w("Scan"), "other": w("Other")}


def documents_body(context: PdfContext) -> list:
    """Title, kind and date of the documents kept in the record; never what they say."""
    w = context.words
    documents = [d for d in context.services.documents.all() if context.options.in_period(d.document_date)]
    if not documents:
        return []
    documents.sort(key=lambda d: partial_date.earliest(d.document_date) or partial_date.earliest("1900"),
                   reverse=True)
    kinds = document_kind_words(w)
    rows = [[d.title, kinds.get(d.kind, d.kind), w.date(d.document_date)] for d in documents]
    note = w("The documents themselves are kept in the record; this is only the list.")
    return [context.para(note, "small"), context.space(1),
            context.table([w("Title"), w("Kind"), w("Date")], rows, [c * MM for c in (110, 34, 30)])]
