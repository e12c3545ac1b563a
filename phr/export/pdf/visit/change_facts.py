"""What changed since the last visit: diagnoses, medicines and events, read from the record, newest first.

A diagnosis counts as new when its date (or its genetic test) falls in the period, and as
changed when it was edited in the record during the period. Typing in an old diagnosis is
not news for the specialist, so an entry merely created in the period counts only when it
has no date of its own.
"""

from dataclasses import dataclass
from enum import StrEnum

from phr.core.entries import Provenance
from phr.core.vocabulary import DiaryKind, TimelineKind
from phr.export.pdf.clinical import Clinical
from phr.export.pdf.facts import diagnosis_names
from phr.export.pdf.visit.period import VisitPeriod, in_period
from phr.record.diagnoses import Diagnosis
from phr.record.documents import Document
from phr.record.medications import Medication
from phr.record.person import Allergy
from phr.record.services import RecordServices
from phr.record.timeline import TimelineEvent

PAGE = 200  # timeline events read at a time


class NewsReason(StrEnum):
    """Why a diagnosis is news in the period."""
    DIAGNOSED = "diagnosed"
    GENETIC_TEST = "genetic_test"
    CHANGED = "changed"
    ADDED = "added"


class StepKind(StrEnum):
    CHANGED = "changed"
    STARTED = "started"
    STOPPED = "stopped"


# The events of the brief: from the timeline, and the diary kinds that matter to a specialist
# (day-to-day notes are for the patient).
TIMELINE_KINDS = (TimelineKind.APPOINTMENT, TimelineKind.DOCUMENT, TimelineKind.ALLERGY)
DIARY_KINDS = (DiaryKind.ADMISSION, DiaryKind.EVENT, DiaryKind.SYMPTOM)


@dataclass(frozen=True)
class DiagnosisNews:
    diagnosis: Diagnosis
    why: NewsReason
    day: str        # (partial) ISO date


@dataclass(frozen=True)
class MedicationStep:
    """A dose change, a start or a stop."""
    day: str                    # (partial) ISO date
    medicine: str
    kind: StepKind
    before: str = ""            # changed: the dose and schedule before ('' when not known)
    after: str = ""             # changed: the dose from then on; started: the dose it started with
    reason: str = ""            # changed, stopped: why
    for_diagnosis: str | None = None  # started: the diagnosis it is for
    mark: str = ""              # the doses are the patient's words in another language: how to mark them
    provenance: Provenance | None = None  # of the change, or of the medicine started or stopped


@dataclass(frozen=True)
class Event:
    day: str                    # (partial) ISO date, possibly with a time
    kind: TimelineKind | DiaryKind
    text: str                   # the title of a visit or document, the substance, the diary's words
    with_whom: str = ""         # a visit: the care provider
    outcome: str = ""           # a visit: what came out of it
    provenance: Provenance | None = None  # of the visit, document, allergy or diary entry


# --- diagnoses ---------------------------------------------------------------------------------------

def diagnosis_news(services: RecordServices, period: VisitPeriod) -> tuple[DiagnosisNews, ...]:
    news = [item for diagnosis in services.diagnoses.all() if (item := news_of(diagnosis, period))]
    return tuple(sorted(news, key=lambda item: item.day, reverse=True))


def news_of(diagnosis: Diagnosis, period: VisitPeriod) -> DiagnosisNews | None:
    if in_period(period, diagnosis.diagnosed_on):
        return DiagnosisNews(diagnosis, NewsReason.DIAGNOSED, diagnosis.diagnosed_on)
    if in_period(period, diagnosis.genetic_test_date):
        return DiagnosisNews(diagnosis, NewsReason.GENETIC_TEST, diagnosis.genetic_test_date)
    stamp = diagnosis.provenance
    if stamp is None:
        return None
    if stamp.changed_at != stamp.created_at and in_period(period, stamp.changed_at[:10]):
        return DiagnosisNews(diagnosis, NewsReason.CHANGED, stamp.changed_at[:10])
    if not diagnosis.diagnosed_on and in_period(period, stamp.created_at[:10]):
        return DiagnosisNews(diagnosis, NewsReason.ADDED, stamp.created_at[:10])
    return None


# --- medicines ---------------------------------------------------------------------------------------

def medication_steps(services: RecordServices, period: VisitPeriod, clinical: Clinical) -> tuple[MedicationStep, ...]:
    """Every change, start and stop in the period; newest first. A change is said in the patient's words (the
    history keeps no structured dose); a start in the app's words where the dose is structured."""
    found = services.medications.changes_since(period.start, period.end)
    reasons = diagnosis_names(services, clinical)
    mark = clinical.own_words_mark()

    def name(medicine_id: int | None, fallback: str) -> str:
        medicine = services.medications.get(medicine_id) if medicine_id is not None else None
        return clinical.medicine_name(medicine) if medicine is not None else fallback
    steps = [MedicationStep(change.changed_on, name(change.medication_id, medicine),
                            StepKind.CHANGED, dose_text(change.previous_dose, change.previous_schedule),
                            dose_text(change.dose, change.schedule), change.reason, provenance=change.provenance,
                            mark=mark)
             for medicine, change in found.changes]
    steps += [_started(medicine, clinical, reasons) for medicine in found.started]
    steps += [MedicationStep(medicine.stop_date, clinical.medicine_name(medicine), StepKind.STOPPED,
                             reason=medicine.stop_reason, provenance=medicine.provenance)
              for medicine in found.stopped]
    return tuple(sorted(steps, key=lambda step: step.day, reverse=True))


def _started(medicine: Medication, clinical: Clinical, reasons: dict[int, str]) -> MedicationStep:
    said = clinical.dose_words(medicine).said()
    amount = " ".join(part for part in (said.text, f"({medicine.strength})" if medicine.strength else "") if part)
    return MedicationStep(medicine.start_date, clinical.medicine_name(medicine), StepKind.STARTED, after=amount,
                          for_diagnosis=reasons[medicine.reason_id] if medicine.reason_id in reasons else None,
                          provenance=medicine.provenance, mark=said.mark)


def dose_text(dose: str, schedule: str) -> str:
    return " · ".join(part for part in (dose, schedule) if part)


# --- events ------------------------------------------------------------------------------------------

def events(services: RecordServices, period: VisitPeriod) -> tuple[Event, ...]:
    """Other visits, documents, allergies and diary events in the period, newest first."""
    found = [*_timeline_events(services, period), *_diary_events(services, period)]
    return tuple(sorted(found, key=lambda event: event.day, reverse=True))


def _timeline_events(services: RecordServices, period: VisitPeriod) -> list[Event]:
    skip = {visit.id for visit in (period.appointment, period.previous) if visit is not None}
    found: list[Event] = []
    offset = 0
    while True:
        page = services.timeline.events(TIMELINE_KINDS, offset=offset, limit=PAGE)
        for item in page:
            if in_period(period, item.date) and not (item.kind == TimelineKind.APPOINTMENT and item.item_id in skip):
                found.append(_event(services, item))
        # Newest first: once a page reaches back before the period, nothing older is needed.
        if len(page) < PAGE or page[-1].date[:10] < period.start.isoformat():
            return found
        offset += PAGE


def _event(services: RecordServices, item: TimelineEvent) -> Event:
    kind = TimelineKind(item.kind)
    if kind != TimelineKind.APPOINTMENT:
        return Event(item.date, kind, item.title, provenance=_provenance_of(services, item))
    visit = services.appointments.get(item.item_id)
    contact = services.care_team.get(visit.contact_id) if visit and visit.contact_id else None
    return Event(item.date, kind, item.title, contact.name if contact else "", visit.outcome if visit else "",
                 visit.provenance if visit else None)


def _provenance_of(services: RecordServices, item: TimelineEvent) -> Provenance | None:
    """Where the document or allergy behind a timeline event came from."""
    entry: Document | Allergy | None = None
    if item.kind == TimelineKind.DOCUMENT:
        entry = services.documents.get(item.item_id)
    elif item.kind == TimelineKind.ALLERGY:
        entry = services.allergies.get(item.item_id)
    return entry.provenance if entry is not None else None


def _diary_events(services: RecordServices, period: VisitPeriod) -> list[Event]:
    return [Event(entry.written_at, DiaryKind(entry.kind), entry.text, provenance=entry.provenance)
            for entry in services.diary.all()
            if entry.kind in DIARY_KINDS and in_period(period, entry.written_at[:10])]
