"""What the emergency card and letter say, read once from the record.

The emergency is now, so the export period does not apply: everything current is there. The
rare condition comes first, and the expertise centre for it before other numbers to call.
A part the user left out is None (the card: False); the person is always read, for the card's
name and the frame of every page. The eleven items of the rare-disease template (the French "carte
de soins et d'urgence", Orphanet's emergency guidelines) each come from here: identity, diagnosis with
ORPHAcode, expertise centre with its 24/7 number, treating physician, treatment with doses, allergies,
what to do, what to avoid, next of kin, where to find more, and the date of issue.

What a blood pressure monitor noticed is left to the overview and the visit brief, with one exception: possible
atrial fibrillation noticed in the past year is said under the diagnoses. A heart rhythm that may be AFib matters
in an emergency (a stroke, a bleed, a fast heartbeat, anticoagulation, an anaesthetic), and comes and goes, so an
ECG on arrival may not show it. Older readings are left out: the care team has had the time to look into them.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from phr.core import partial_date
from phr.core.vocabulary import CareRole, DeviceFlag, Source
from phr.export.options import EmergencySection, ExportOptions
from phr.export.pdf.clinical import Clinical, Said
from phr.export.pdf.facts import (
    AllergyFacts,
    PersonFacts,
    Subject,
    allergy_facts,
    person_facts,
    rare_first,
    source_words,
    subject_of,
)
from phr.monitoring.figures import measure_figures
from phr.monitoring.measures import CATALOGUE
from phr.monitoring.statistics_bp import DeviceFlagCounts
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis, orphanet_page
from phr.record.history.procedures import Procedure
from phr.record.medications import Medication
from phr.record.services import RecordServices
from phr.words.catalogue import Words


@dataclass(frozen=True)
class ExpertiseCentre:
    contact: Contact
    diagnoses: tuple[str, ...]      # the names of the current diagnoses it is the centre for


@dataclass(frozen=True)
class Physician:
    contact: Contact
    diagnoses: tuple[str, ...]      # the names of the current diagnoses they treat


@dataclass(frozen=True)
class CallFacts:
    who_to_call: tuple[Contact, ...]               # contacts with an acute number, expertise centres first
    expertise_centres: tuple[ExpertiseCentre, ...]  # the ones for a current diagnosis first
    physicians: tuple[Physician, ...]               # treating physicians of the current diagnoses

    @property
    def first_centre(self) -> Contact | None:
        return self.expertise_centres[0].contact if self.expertise_centres else None


@dataclass(frozen=True)
class Condition:
    """A current diagnosis with what an emergency doctor must know about it, in the export language."""
    diagnosis: Diagnosis
    name: Said
    protocol: Said        # for professionals: what to give, in what dose, what to check
    avoid: Said           # medicines, anaesthesia, procedures to avoid, with the reason
    crisis_signs: tuple[Said, ...]  # one a line; in English by their HPO names where they carry an HPO id
    orphanet: str         # the Orphanet page of its ORPHAcode in the export language; '' without a code

    @property
    def guideline(self) -> str:
        return self.diagnosis.emergency_guideline.strip()


@dataclass(frozen=True)
class EmergencyFacts:
    subject: Subject
    person: PersonFacts                            # the card's name and birth date, the letter's "who I am"
    issued: date                                   # the date of issue, on the card and at the top of the letter
    card: bool                                     # the wallet card is printed
    who_i_am: bool                                 # the letter says name, birth date, sex and language
    conditions: tuple[Condition, ...]              # current diagnoses, the main (rare) one first
    wanted: frozenset[EmergencySection]            # the parts of the letter (and blocks of the card) printed
    emergency_notes: Said                          # the person's own words on what to do
    medications: tuple[Medication, ...] | None     # in use today
    allergies: AllergyFacts | None
    contacts: CallFacts | None
    next_of_kin: tuple[Contact, ...] | None
    own_words_mark: str                            # how the person's words are marked in this export
    problem_statement: str = "listed"              # unknown | none_known | listed: about current diagnoses
    medication_statement: str = "listed"           # the same, about the medicines in use today
    procedures: tuple[Procedure, ...] | None = None  # earlier operations, the newest first (an anaesthetist asks)
    possible_afib: DeviceFlagCounts | None = None  # the past year's blood pressure readings, when the monitor
    #                                                noticed possible AFib in any of them; else None

    @property
    def main_diagnosis(self) -> Diagnosis | None:
        return self.conditions[0].diagnosis if self.conditions else None

    def shows(self, section: EmergencySection) -> bool:
        return section in self.wanted

    @property
    def link(self) -> tuple[str, str]:
        """(kind, address) of the one link on the card's QR code: the main condition's emergency guideline,
        else the expertise centre's website, else the Orphanet page of its ORPHAcode; ('', '') for none."""
        main = self.conditions[0] if self.conditions else None
        centre = self.contacts.first_centre if self.contacts else None
        for kind, address in (("guideline", main.guideline if main else ""),
                              ("centre", centre.website.strip() if centre else ""),
                              ("orphanet", main.orphanet if main else "")):
            if address:
                return kind, address
        return "", ""


def gather(services: RecordServices, options: ExportOptions) -> EmergencyFacts:
    person = person_facts(services, options.today)
    clinical = Clinical(Words(options.language), person.person.text_language)
    diagnoses = rare_first(services.diagnoses.current())
    wanted = frozenset(section for section in EmergencySection if options.wants(section))
    shown = EmergencySection.CONTACTS in wanted
    kin = EmergencySection.NEXT_OF_KIN in wanted
    return EmergencyFacts(
        subject_of(person.person), person, options.today, EmergencySection.CARD in wanted,
        EmergencySection.PERSON in wanted, tuple(condition(clinical, d) for d in diagnoses), wanted,
        clinical.typed(person.person.emergency_notes),
        tuple(services.medications.current(options.today)) if EmergencySection.MEDICATIONS in wanted else None,
        allergy_facts(services) if EmergencySection.ALLERGIES in wanted else None,
        call_facts(services, list(diagnoses), clinical, without_kin=kin) if shown else None,
        tuple(services.care_team.next_of_kin()) if kin else None,
        clinical.own_words_mark(), services.person.problem_statement(),
        services.person.medication_statement(options.today),
        procedures(services) if EmergencySection.PROCEDURES in wanted else None,
        possible_afib(services, options.today) if EmergencySection.DIAGNOSES in wanted else None)


AFIB_LOOK_BACK_DAYS = 365  # possible AFib noticed this long ago, or less, is on the letter


def possible_afib(services: RecordServices, today: date) -> DeviceFlagCounts | None:
    """What the monitor noticed in the past year's blood pressure readings, when it noticed possible AFib."""
    if not services.readings.counts().get("bp"):
        return None
    counts = measure_figures(services, CATALOGUE["bp"], today - timedelta(days=AFIB_LOOK_BACK_DAYS - 1),
                             today).device_flags
    return counts if counts is not None and counts.of(DeviceFlag.POSSIBLE_AFIB) else None


def procedures(services: RecordServices) -> tuple[Procedure, ...]:
    """Every operation and procedure, whatever its date (the emergency is now): the newest first, undated last."""
    def day(procedure: Procedure) -> date:
        return partial_date.earliest(procedure.performed_on) or date.min
    return tuple(sorted(services.procedures.all(), key=day, reverse=True))


def condition(clinical: Clinical, diagnosis: Diagnosis) -> Condition:
    """A protocol typed in is marked with the language it is written in (it is often the care team's words, so
    not 'the patient's'); one from a letter or a file says where from."""
    typed = diagnosis.provenance is None or diagnosis.provenance.source == Source.TYPED
    origin = "" if typed else source_words(clinical.words, diagnosis.provenance)

    def said(text: str) -> Said:
        text = (text or "").strip()
        return Said(text, (origin or clinical.record_mark()) if text else "")
    signs = tuple(clinical.crisis_sign(line.strip()) for line in diagnosis.crisis_signs.splitlines() if line.strip())
    return Condition(diagnosis, clinical.diagnosis_name(diagnosis), said(diagnosis.emergency_protocol),
                     said(diagnosis.emergency_avoid), signs, orphanet_page(diagnosis.orpha_code, clinical.words.language))


def call_facts(services: RecordServices, diagnoses: list[Diagnosis], clinical: Clinical,
               without_kin: bool = False) -> CallFacts:
    """`without_kin`: the next of kin have a part of their own, so they do not take a care provider's place
    among the few numbers the card has room for."""
    contacts = services.care_team.all()
    centres = expertise_centres(contacts, diagnoses, clinical)
    centre_ids = {centre.contact.id for centre in centres}
    callers = [c for c in services.care_team.who_to_call() if not (without_kin and c.role == CareRole.NEXT_OF_KIN)]
    who = sorted(callers, key=lambda contact: contact.id not in centre_ids)
    return CallFacts(tuple(who), centres, physicians(contacts, diagnoses, clinical))


def expertise_centres(contacts: list[Contact], diagnoses: list[Diagnosis],
                      clinical: Clinical) -> tuple[ExpertiseCentre, ...]:
    """A contact is an expertise centre by its role, or because a current diagnosis links to it as one."""
    linked = _linked(diagnoses, "expertise_centre", clinical)
    centres = [ExpertiseCentre(c, tuple(linked.get(c.id, []) if c.id is not None else ()))
               for c in contacts if c.role == CareRole.EXPERTISE_CENTRE or c.id in linked]
    return tuple(sorted(centres, key=lambda centre: not centre.diagnoses))  # the ones for a current diagnosis first


def physicians(contacts: list[Contact], diagnoses: list[Diagnosis], clinical: Clinical) -> tuple[Physician, ...]:
    """Whoever a current diagnosis names as its treating physician, in the order of the diagnoses: shown with
    their phone number even without an out-of-hours one (the card and letter left them out before)."""
    linked = _linked(diagnoses, "treating_physician", clinical)
    by_id = {contact.id: contact for contact in contacts}
    return tuple(Physician(by_id[key], tuple(names)) for key, names in linked.items() if key in by_id)


def _linked(diagnoses: list[Diagnosis], column: str, clinical: Clinical) -> dict[int, list[str]]:
    """contact id -> the names of the diagnoses that link to it in `column`, in the diagnoses' order."""
    linked: dict[int, list[str]] = {}
    for diagnosis in diagnoses:
        key = getattr(diagnosis, column)
        if key is not None:
            linked.setdefault(key, []).append(clinical.diagnosis_name(diagnosis).text)
    return linked
