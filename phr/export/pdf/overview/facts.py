"""What the overview says, read from the record: per section the entries it prints, their links resolved.

What holds now (current diagnoses, medicines in use, allergies, active goals, the care team) is
always there, whatever its date: a lifelong condition diagnosed in 1991 is still the first thing
a specialist must see. The history (resolved diagnoses, dose changes, stopped medicines,
vaccinations, operations, lab results, evaluations, past appointments, documents) keeps to the chosen
period. A section the user left
out is None: it is not read at all.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from phr.core import partial_date
from phr.export.options import ExportOptions, OverviewSection
from phr.export.pdf.facts import (
    AllergyFacts,
    PersonFacts,
    Subject,
    allergy_facts,
    clinical_of,
    diagnosis_names,
    measure_name,
    name_of,
    person_facts,
    subject_of,
)
from phr.export.pdf.lab_results import ResultLine, latest_results
from phr.export.pdf.overview.monitoring_facts import MonitoringFacts, gather_monitoring, monitoring_period
from phr.record.appointments import Appointment, Question
from phr.record.care_plan import CarePlanService, Evaluation, Goal
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.documents import Document
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination
from phr.record.medications import Medication, MedicationChange
from phr.record.services import RecordServices

ALL = 10_000  # more goals or appointments than anyone keeps: 'all of them' for the paged queries
UNDATED = date(1900, 1, 1)  # an undated document sorts as the oldest
Part = TypeVar("Part")


@dataclass(frozen=True)
class OverviewPeriod:
    since: date | None       # as chosen; None: the whole history
    until: date | None
    today: date
    measured_from: date      # the measurements' period (the last 90 days when none was chosen)
    measured_to: date


@dataclass(frozen=True)
class DiagnosisLine:
    diagnosis: Diagnosis
    diagnosed_by: str        # names of the linked contacts, '' when none
    expertise_centre: str


@dataclass(frozen=True)
class DiagnosisFacts:
    current: tuple[DiagnosisLine, ...]
    resolved: tuple[DiagnosisLine, ...]      # diagnosed in the period
    statement: str = "listed"                # unknown | none_known | listed: what is said about current ones

    @property
    def genetic(self) -> tuple[Diagnosis, ...]:
        return tuple(line.diagnosis for line in self.current + self.resolved if line.diagnosis.has_genetic_details)


@dataclass(frozen=True)
class MedicineInUse:
    medicine: Medication
    prescriber: str | None   # None: no prescriber in the care team
    reason: str              # the diagnosis it is for, '' when none


@dataclass(frozen=True)
class MedicationFacts:
    current: tuple[MedicineInUse, ...]
    changes: tuple[tuple[Medication, MedicationChange], ...]   # dose changes in the period, newest first
    past: tuple[Medication, ...]                               # stopped in the period (or ended, day not known)
    statement: str = "listed"                                  # unknown | none_known | listed: about those in use


@dataclass(frozen=True)
class GoalFacts:
    goal: Goal
    evaluation: Evaluation | None    # the latest in the period
    overdue: bool
    diagnosis: str                   # names of what the goal links to, '' when none
    agreed_with: str
    target_measure: str              # the measure's name in the export language, or the person's own words


@dataclass(frozen=True)
class VisitLine:
    appointment: Appointment
    with_whom: str                   # the contact's name, '' when none
    questions: tuple[Question, ...]  # coming visits: the open questions


@dataclass(frozen=True)
class AppointmentFacts:
    upcoming: tuple[VisitLine, ...]
    past: tuple[VisitLine, ...]


@dataclass(frozen=True)
class OverviewFacts:
    """Everything the overview prints; a section left out by the user is None."""
    subject: Subject
    period: OverviewPeriod
    person: PersonFacts | None
    diagnoses: DiagnosisFacts | None
    allergies: AllergyFacts | None
    medications: MedicationFacts | None
    vaccinations: tuple[Vaccination, ...] | None    # of the period, newest first
    procedures: tuple[Procedure, ...] | None        # of the period, newest first
    lab_results: tuple[ResultLine, ...] | None      # per lab measure its newest result of the period
    monitoring: MonitoringFacts | None
    care_plan: tuple[GoalFacts, ...] | None
    care_team: tuple[Contact, ...] | None
    appointments: AppointmentFacts | None
    documents: tuple[Document, ...] | None
    written_in: str = ""             # the language the person writes the record in (their words are marked in another)


def gather(services: RecordServices, options: ExportOptions) -> OverviewFacts:
    def wanted(section: OverviewSection, read: Callable[[RecordServices, ExportOptions], Part]) -> Part | None:
        return read(services, options) if options.wants(section) else None

    start, end = monitoring_period(options)
    person = services.person.get()
    return OverviewFacts(
        subject_of(person), OverviewPeriod(options.since, options.until, options.today, start, end),
        wanted(OverviewSection.PERSON, lambda services, options: person_facts(services, options.today)),
        wanted(OverviewSection.DIAGNOSES, diagnosis_facts),
        wanted(OverviewSection.ALLERGIES, lambda services, _: allergy_facts(services)),
        wanted(OverviewSection.MEDICATIONS, medication_facts),
        wanted(OverviewSection.VACCINATIONS, vaccination_facts), wanted(OverviewSection.PROCEDURES, procedure_facts),
        wanted(OverviewSection.LAB_RESULTS, lambda services, options: latest_results(services, options.in_period)),
        wanted(OverviewSection.MONITORING, gather_monitoring), wanted(OverviewSection.CARE_PLAN, goal_facts),
        wanted(OverviewSection.CARE_TEAM, lambda services, _: tuple(services.care_team.all())),
        wanted(OverviewSection.APPOINTMENTS, appointment_facts), wanted(OverviewSection.DOCUMENTS, document_facts),
        person.text_language)


# --- problems, allergies, medicines ---------------------------------------------------------------

def diagnosis_facts(services: RecordServices, options: ExportOptions) -> DiagnosisFacts:
    def line(diagnosis: Diagnosis) -> DiagnosisLine:
        linked = services.diagnoses.linked_contacts(diagnosis)
        return DiagnosisLine(diagnosis, linked["diagnosed_by"], linked["expertise_centre"])

    current = services.diagnoses.current()
    resolved = [d for d in services.diagnoses.all() if d.status == "resolved" and options.in_period(d.diagnosed_on)]
    return DiagnosisFacts(tuple(map(line, current)), tuple(map(line, resolved)), services.person.problem_statement())


def medication_facts(services: RecordServices, options: ExportOptions) -> MedicationFacts:
    current = services.medications.current(options.today)
    past = [m for m in services.medications.past(options.today) if options.in_period(m.stop_date)]
    changes = [(m, change) for m in current + past if m.id is not None
               for change in services.medications.changes(m.id) if options.in_period(change.changed_on)]
    changes.sort(key=lambda pair: pair[1].changed_on, reverse=True)
    reasons = diagnosis_names(services, clinical_of(services, options))
    prescribers = services.care_team.names()
    in_use = tuple(MedicineInUse(m, prescribers.get(m.prescriber_id) if m.prescriber_id is not None else None,
                                 name_of(reasons, m.reason_id)) for m in current)
    return MedicationFacts(in_use, tuple(changes), tuple(past), services.person.medication_statement(options.today))


# --- vaccinations and procedures ---------------------------------------------------------------------

def vaccination_facts(services: RecordServices, options: ExportOptions) -> tuple[Vaccination, ...]:
    return _newest_first([v for v in services.vaccinations.all() if options.in_period(v.given_on)],
                         lambda v: v.given_on)


def procedure_facts(services: RecordServices, options: ExportOptions) -> tuple[Procedure, ...]:
    return _newest_first([p for p in services.procedures.all() if options.in_period(p.performed_on)],
                         lambda p: p.performed_on)


def _newest_first(items: list[Part], dated: Callable[[Part], str]) -> tuple[Part, ...]:
    """By their (partial) date, the newest first; undated ones last."""
    return tuple(sorted(items, key=lambda item: partial_date.earliest(dated(item)) or UNDATED, reverse=True))


# --- care plan, appointments, documents -----------------------------------------------------------

def goal_facts(services: RecordServices, options: ExportOptions) -> tuple[GoalFacts, ...]:
    """Every active goal; achieved and stopped ones when they were worked on in the period."""
    plan, found = services.care_plan, []
    names = services.care_team.names()
    diagnoses = diagnosis_names(services, clinical_of(services, options))
    for goal in plan.page(0, ALL):
        evaluations = [e for e in (plan.evaluations(goal.id) if goal.id is not None else [])
                       if options.in_period(e.evaluated_on)]
        dated = evaluations[0].evaluated_on if evaluations else goal.review_date or goal.start_date
        if goal.status == "active" or (options.in_period(dated) and (evaluations or not options.since)):
            found.append(GoalFacts(goal, evaluations[0] if evaluations else None,
                                   CarePlanService.is_overdue(goal, options.today),
                                   name_of(diagnoses, goal.diagnosis_id), name_of(names, goal.agreed_with),
                                   measure_name(services, goal.target_measure, options.language)))
    return tuple(found)


def appointment_facts(services: RecordServices, options: ExportOptions) -> AppointmentFacts:
    book, names = services.appointments, services.care_team.names()
    upcoming = [a for a in book.upcoming(options.now, limit=ALL) if options.in_period(a.starts_at[:10])]
    past = [a for a in book.past(options.now, limit=ALL) if options.in_period(a.starts_at[:10])]
    return AppointmentFacts(
        tuple(VisitLine(a, name_of(names, a.contact_id), tuple(book.open_questions(a.id)) if a.id is not None else ())
              for a in upcoming),
        tuple(VisitLine(a, name_of(names, a.contact_id), ()) for a in past))


def document_facts(services: RecordServices, options: ExportOptions) -> tuple[Document, ...]:
    """The documents of the period, newest first (title, kind and date are printed; never the content)."""
    documents = [d for d in services.documents.all() if options.in_period(d.document_date)]
    documents.sort(key=lambda d: partial_date.earliest(d.document_date) or UNDATED, reverse=True)
    return tuple(documents)
