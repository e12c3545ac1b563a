"""What the user asked for in one export: kind, language, period and sections.

The export language is chosen separately from the app's language: a Dutch patient may
take an English summary to a specialist abroad.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class ExportKind(StrEnum):
    """The PDF documents, as `phr export --kind` names them."""
    OVERVIEW = "overview"
    VISIT = "visit"
    EMERGENCY = "emergency"


class ExportLanguage(StrEnum):
    DUTCH = "nl"
    ENGLISH = "en"


class OverviewSection(StrEnum):
    """The overview's sections, in the order it prints them: the International Patient Summary's (IPS 2.0)
    order of problems, allergies and intolerances, medicines, vaccinations, procedures, results (the lab's,
    then the person's own measurements), plan of care; then the care team, appointments and documents, which
    the IPS has no section for (docs/pdf-exports.md)."""
    PERSON = "person"
    DIAGNOSES = "diagnoses"
    ALLERGIES = "allergies"
    MEDICATIONS = "medications"
    VACCINATIONS = "vaccinations"
    PROCEDURES = "procedures"
    LAB_RESULTS = "lab_results"
    MONITORING = "monitoring"
    CARE_PLAN = "care_plan"
    CARE_TEAM = "care_team"
    APPOINTMENTS = "appointments"
    DOCUMENTS = "documents"


class VisitSection(StrEnum):
    """The visit brief's sections, in the order it prints them: what always holds (main diagnosis, medicines,
    allergies), the patient's questions, then the visit and what changed since the last one, the lab results
    of the period beside the measures, and the goals due."""
    STANDING_FACTS = "standing_facts"
    QUESTIONS = "questions"
    APPOINTMENT = "appointment"
    DIAGNOSES = "diagnoses"
    MEDICATIONS = "medications"
    EVENTS = "events"
    LAB_RESULTS = "lab_results"
    TRENDS = "trends"
    GOALS = "goals"


class EmergencySection(StrEnum):
    """The card and the parts of the emergency letter, in the order the letter prints them: who the person is
    and what they have; what to do and what to avoid (the professional protocol, then the person's own words);
    allergies and medicines, and earlier operations (an anaesthetist asks for them); who to call (expertise centre, treating physician) and the next of kin; where to
    find more. The card shows the blocks of the parts chosen."""
    CARD = "card"
    PERSON = "person"
    DIAGNOSES = "diagnoses"
    WHAT_TO_DO = "what_to_do"
    WHAT_TO_AVOID = "what_to_avoid"
    EMERGENCY_NOTES = "emergency_notes"
    ALLERGIES = "allergies"
    MEDICATIONS = "medications"
    PROCEDURES = "procedures"
    CONTACTS = "contacts"
    NEXT_OF_KIN = "next_of_kin"
    WHERE_TO_FIND_MORE = "where_to_find_more"


# Plain strings, as the command line and the export dialog store them.
KINDS: tuple[str, ...] = tuple(kind.value for kind in ExportKind)
LANGUAGES: tuple[str, ...] = tuple(language.value for language in ExportLanguage)
SECTIONS: dict[ExportKind, tuple[str, ...]] = {
    ExportKind.OVERVIEW: tuple(OverviewSection), ExportKind.VISIT: tuple(VisitSection),
    ExportKind.EMERGENCY: tuple(EmergencySection)}


@dataclass(frozen=True, init=False)
class ExportOptions:
    kind: ExportKind
    language: ExportLanguage
    since: date | None                 # only what happened from this day on (dated entries)
    until: date | None                 # ... up to and including this day
    sections: frozenset[str] | None    # section keys to include; None means all of the kind's sections
    appointment_id: int | None         # visit brief: the consultation it prepares (default: the next one)
    now: datetime

    # Written out rather than generated, so that callers may pass the kind and language as the plain
    # strings the command line and the dialog hold, and the fields still hold the vocabularies.
    def __init__(self, kind: str = ExportKind.OVERVIEW, language: str = ExportLanguage.DUTCH,
                 since: date | None = None, until: date | None = None, sections: frozenset[str] | None = None,
                 appointment_id: int | None = None, now: datetime | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown export kind: {kind}")
        if language not in LANGUAGES:
            raise ValueError(f"unknown export language: {language}")
        if since and until and since > until:
            raise ValueError("the period ends before it starts")
        chosen = {"kind": ExportKind(kind), "language": ExportLanguage(language), "since": since, "until": until,
                  "sections": sections, "appointment_id": appointment_id,
                  "now": now if now is not None else datetime.now().replace(microsecond=0)}
        for name, value in chosen.items():
            object.__setattr__(self, name, value)  # frozen: the one way in is here

    @property
    def today(self) -> date:
        return self.now.date()

    def wants(self, section: str) -> bool:
        return self.sections is None or section in self.sections

    def in_period(self, day: date | str | None) -> bool:
        """Whether a (possibly partial ISO) date falls in the chosen period; undated entries always do."""
        if not day:
            return True
        text = day.isoformat() if isinstance(day, date) else str(day)
        if self.since and text[: len(self.since.isoformat())] < self.since.isoformat()[: len(text)]:
            return False
        if self.until and text[:10] > self.until.isoformat()[: len(text[:10])]:
            return False
        return True
