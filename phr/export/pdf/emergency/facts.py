"""What the emergency card and letter say, read once from the record.

The emergency is now, so the export period does not apply: everything current is there. The
rare condition comes first, and the expertise centre for it before other numbers to call.
A part the user left out is None (the card: False); the person is always read, for the card's
name and the frame of every page.
"""

from dataclasses import dataclass

from phr.export.options import EmergencySection, ExportOptions
from phr.export.pdf.facts import (
    AllergyFacts,
    PersonFacts,
    Subject,
    allergy_facts,
    person_facts,
    rare_first,
    subject_of,
)
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.services import RecordServices


@dataclass(frozen=True)
class ExpertiseCentre:
    contact: Contact
    diagnoses: tuple[str, ...]      # the names of the current diagnoses it is the centre for


@dataclass(frozen=True)
class CallFacts:
    who_to_call: tuple[Contact, ...]               # contacts with an acute number, expertise centres first
    expertise_centres: tuple[ExpertiseCentre, ...]  # the ones for a current diagnosis first


@dataclass(frozen=True)
class EmergencyFacts:
    subject: Subject
    person: PersonFacts                            # the card's name and birth date, the letter's "who I am"
    card: bool                                     # the wallet card is printed
    who_i_am: bool                                 # the letter says name, birth date, sex and language
    diagnoses: tuple[Diagnosis, ...] | None        # current ones, the main diagnosis first
    emergency_notes: str | None                    # what to do and what to avoid, in the person's own words
    medications: tuple[Medication, ...] | None     # in use today
    allergies: AllergyFacts | None
    contacts: CallFacts | None

    @property
    def main_diagnosis(self) -> Diagnosis | None:
        return self.diagnoses[0] if self.diagnoses else None


def gather(services: RecordServices, options: ExportOptions) -> EmergencyFacts:
    person = person_facts(services, options.today)
    diagnoses = rare_first(services.diagnoses.current())
    wants = options.wants
    return EmergencyFacts(
        subject_of(person.person), person, wants(EmergencySection.CARD), wants(EmergencySection.PERSON),
        diagnoses if wants(EmergencySection.DIAGNOSES) else None,
        person.person.emergency_notes if wants(EmergencySection.EMERGENCY_NOTES) else None,
        tuple(services.medications.current(options.today)) if wants(EmergencySection.MEDICATIONS) else None,
        allergy_facts(services) if wants(EmergencySection.ALLERGIES) else None,
        call_facts(services, list(diagnoses)) if wants(EmergencySection.CONTACTS) else None)


def call_facts(services: RecordServices, diagnoses: list[Diagnosis]) -> CallFacts:
    centres = expertise_centres(services.care_team.all(), diagnoses)
    centre_ids = {centre.contact.id for centre in centres}
    who = sorted(services.care_team.who_to_call(), key=lambda contact: contact.id not in centre_ids)
    return CallFacts(tuple(who), centres)


def expertise_centres(contacts: list[Contact], diagnoses: list[Diagnosis]) -> tuple[ExpertiseCentre, ...]:
    """A contact is an expertise centre by its role, or because a current diagnosis links to it as one."""
    linked: dict[int, list[str]] = {}
    for diagnosis in diagnoses:
        if diagnosis.expertise_centre is not None:
            linked.setdefault(diagnosis.expertise_centre, []).append(diagnosis.name)
    centres = [ExpertiseCentre(c, tuple(linked.get(c.id, []) if c.id is not None else ()))
               for c in contacts if c.role == "expertise_centre" or c.id in linked]
    return tuple(sorted(centres, key=lambda centre: not centre.diagnoses))  # the ones for a current diagnosis first
