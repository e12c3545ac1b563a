"""What the visit brief says, read from the record: what always holds (the diagnoses, the rare one
first, the medicines in use, the allergies), the questions, the visit, what changed in the period,
the lab results of the period, the measures against their targets and the goals due for evaluation.

Read once; the layout then tries its budgets (how much of each list fits) on the same facts.
A section the user left out is None: it is not read at all.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from phr.export.options import ExportOptions, VisitSection
from phr.export.pdf.facts import (
    AllergyFacts,
    Subject,
    allergy_facts,
    clinical_of,
    measure_name,
    rare_first,
    subject_of,
)
from phr.export.pdf.lab_results import ResultLine, results_between
from phr.export.pdf.visit.change_facts import (
    DiagnosisNews,
    Event,
    MedicationStep,
    diagnosis_news,
    events,
    medication_steps,
)
from phr.export.pdf.visit.period import VisitPeriod, visit_period
from phr.export.pdf.visit.trend_facts import Trend, trends
from phr.record.appointments import Appointment, Question
from phr.record.care_plan import CarePlanService, Evaluation, Goal
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.services import RecordServices

REVIEW_SOON_DAYS = 30
Part = TypeVar("Part")


@dataclass(frozen=True)
class StandingFacts:
    """What holds whatever changed: the first thing a specialist who does not know the patient needs."""
    diagnoses: tuple[Diagnosis, ...]     # current, the rare condition first
    medicines: tuple[Medication, ...]    # in use on the last day of the period
    allergies: AllergyFacts
    problem_statement: str = "listed"    # unknown | none_known | listed (phr.record.person)
    medication_statement: str = "listed"


@dataclass(frozen=True)
class AppointmentFacts:
    with_whom: Contact | None        # the care provider of the visit this brief prepares
    last: Appointment | None         # the visit the period starts with, when it is another one


@dataclass(frozen=True)
class GoalDue:
    goal: Goal
    overdue: bool
    agreed_with: str                 # the contact's name, '' when none
    target_measure: str              # the measure's name in the export language, or the person's own words
    latest: Evaluation | None


@dataclass(frozen=True)
class QuestionFacts:
    open: tuple[Question, ...]       # in their order
    answered: tuple[Question, ...]


@dataclass(frozen=True)
class VisitFacts:
    subject: Subject
    period: VisitPeriod              # with the visit this brief prepares (None when there is none)
    previous_with: str               # who the visit the period starts with was with, '' when not known
    standing: StandingFacts | None
    questions: QuestionFacts | None  # also empty when there is no visit
    appointment: AppointmentFacts | None
    diagnoses: tuple[DiagnosisNews, ...] | None
    medications: tuple[MedicationStep, ...] | None
    events: tuple[Event, ...] | None
    lab_results: tuple[ResultLine, ...] | None   # taken in the period, the newest day first
    trends: tuple[Trend, ...] | None
    goals: tuple[GoalDue, ...] | None
    written_in: str = ""             # the language the person writes the record in (their words are marked in another)


def gather(services: RecordServices, options: ExportOptions) -> VisitFacts:
    period = visit_period(services, options)

    def wanted(section: VisitSection, read: Callable[[RecordServices, VisitPeriod], Part]) -> Part | None:
        return read(services, period) if options.wants(section) else None

    previous = period.previous
    clinical = clinical_of(services, options)
    return VisitFacts(
        subject_of(services.person.get()), period, _contact_name(services, previous.contact_id if previous else None),
        wanted(VisitSection.STANDING_FACTS, standing_facts), wanted(VisitSection.QUESTIONS, question_facts),
        wanted(VisitSection.APPOINTMENT, appointment_facts), wanted(VisitSection.DIAGNOSES, diagnosis_news),
        wanted(VisitSection.MEDICATIONS, lambda services, period: medication_steps(services, period, clinical)),
        wanted(VisitSection.EVENTS, events),
        wanted(VisitSection.LAB_RESULTS, lambda services, period: results_between(services, period.start, period.end)),
        wanted(VisitSection.TRENDS, trends),
        goals_due(services, options) if options.wants(VisitSection.GOALS) else None, clinical.written_in)


def _contact_name(services: RecordServices, contact_id: int | None) -> str:
    contact = services.care_team.get(contact_id) if contact_id is not None else None
    return contact.name if contact else ""


def standing_facts(services: RecordServices, period: VisitPeriod) -> StandingFacts:
    return StandingFacts(rare_first(services.diagnoses.current()), tuple(services.medications.current(period.end)),
                         allergy_facts(services), services.person.problem_statement(),
                         services.person.medication_statement(period.end))


def appointment_facts(services: RecordServices, period: VisitPeriod) -> AppointmentFacts:
    visit, last = period.appointment, period.previous
    if visit is None:
        return AppointmentFacts(None, None)
    with_whom = services.care_team.get(visit.contact_id) if visit.contact_id is not None else None
    return AppointmentFacts(with_whom, last if last is not None and last.id != visit.id else None)


def goals_due(services: RecordServices, options: ExportOptions) -> tuple[GoalDue, ...]:
    """The goals whose evaluation is overdue, then those due within REVIEW_SOON_DAYS."""
    plan, today = services.care_plan, options.today
    return tuple(GoalDue(goal, CarePlanService.is_overdue(goal, today), _contact_name(services, goal.agreed_with),
                         measure_name(services, goal.target_measure, options.language),
                         plan.latest_evaluation(goal.id) if goal.id is not None else None)
                 for goal in plan.overdue(today) + plan.due_for_review(REVIEW_SOON_DAYS, today))


def question_facts(services: RecordServices, period: VisitPeriod) -> QuestionFacts:
    visit_id = period.appointment.id if period.appointment is not None else None
    if visit_id is None:
        return QuestionFacts((), ())
    questions = services.appointments.questions(visit_id)
    return QuestionFacts(tuple(q for q in questions if not q.answered), tuple(q for q in questions if q.answered))
