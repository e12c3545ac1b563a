"""Facts every PDF shares: whom the document is about, for the frame on every page.

Facts are the middle step of each document: record (the services) -> facts (what the document
will say, as plain frozen values) -> flowables (the reportlab layout of those facts) -> bytes.
Facts modules read the services and compute; they never import reportlab.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from phr.core.entries import Provenance
from phr.core.vocabulary import AuthorRole, Source
from phr.export.options import ExportOptions
from phr.export.pdf.clinical import Clinical
from phr.record.diagnoses import Diagnosis
from phr.record.overview import age
from phr.record.person import LISTED, NONE_KNOWN, Allergy, PersonDetails
from phr.record.services import RecordServices
from phr.words.catalogue import Words


@dataclass(frozen=True)
class Subject:
    """The name and birth date in the header and footer of every page."""
    name: str
    birth_date: str | None  # '' when not filled in; None on a sheet about the record itself (no birth line)


@dataclass(frozen=True)
class PersonFacts:
    person: PersonDetails
    age: int | None          # in whole years; None when the date of birth is not known to the day


@dataclass(frozen=True)
class AllergyFacts:
    statement: str                   # unknown | none_known | listed
    allergies: tuple[Allergy, ...]   # only when listed


def no_medicines_said(w: Words, statement: str, first_person: bool = False) -> str:
    """What to print where no medicine is in use: 'No known medicines.' only when the person said so, else that
    it is not filled in; '' when the record lists medicines in use. First person on the emergency card and letter."""
    if statement == NONE_KNOWN:
        return w("No known medicines.")
    if statement == LISTED:
        return ""
    return w("Not filled in: it is not known whether I use medicines.") if first_person else \
        w("Not filled in: it is not known whether medicines are used.")


def no_diagnoses_said(w: Words, statement: str, first_person: bool = False) -> str:
    """As no_medicines_said, for current diagnoses."""
    if statement == NONE_KNOWN:
        return w("No known diagnoses.")
    if statement == LISTED:
        return ""
    return w("Not filled in: it is not known whether I have diagnoses.") if first_person else \
        w("Not filled in: it is not known whether there are diagnoses.")


def subject_of(person: PersonDetails) -> Subject:
    return Subject(person.name, person.birth_date)


def person_facts(services: RecordServices, today: date) -> PersonFacts:
    person = services.person.get()
    return PersonFacts(person, age(person.birth_date, today))


def allergy_facts(services: RecordServices) -> AllergyFacts:
    """The statement matters as much as the list: 'none known' is not 'not asked'."""
    statement = services.person.allergy_statement()
    return AllergyFacts(statement, tuple(services.allergies.all()) if statement == LISTED else ())


def name_of(names: dict[int, str], key: int | None) -> str:
    """The name behind a link ('' when the entry links to nothing, or to something no longer there)."""
    return names.get(key, "") if key is not None else ""


def measure_name(services: RecordServices, key: str, language: str) -> str:
    """A measure's name in the export language, also of a custom one; else the person's own words for
    what is measured (a goal's target may name either)."""
    measure = services.measures.find(key) if key else None
    return measure.name(language) if measure else key


def clinical_of(services: RecordServices, options: ExportOptions) -> Clinical:
    """Names, doses and the patient's own words in the export's language (phr.export.pdf.clinical)."""
    return Clinical(Words(options.language), services.person.get().text_language)


def diagnosis_names(services: RecordServices, clinical: Clinical) -> dict[int, str]:
    """id -> a diagnosis's name in the export language, for what links to it (a medicine's reason, a goal)."""
    return {d.id: clinical.diagnosis_name(d).text for d in services.diagnoses.all() if d.id is not None}


def rare_first(diagnoses: Iterable[Diagnosis]) -> tuple[Diagnosis, ...]:
    """The rare condition first: confirmed before suspected or carrier, with an ORPHAcode before without
    (a stable sort: within each, the order the record gives)."""
    return tuple(sorted(diagnoses, key=lambda d: (d.status != "confirmed", d.orpha_code is None)))


# --- where an item came from ---------------------------------------------------------------------------

def record_note(w: Words) -> str:
    """The one sentence on the first page that says whose record this is: nobody in care checked it."""
    return w("This is a record kept by the patient (or a carer) in Regie; a care provider has not checked it.")


def own_words_note(clinical: Clinical) -> str:
    """The sentence on the first page of an export in another language than the record: the patient's words
    are theirs, as typed. '' when the languages are the same (or the record does not say its language)."""
    if not clinical.foreign:
        return ""
    return clinical.words("What the patient typed (notes, names, doses in their own words) is printed as they "
                          "wrote it, and marked: {mark}.", mark=clinical.own_words_mark())


def source_words(w: Words, provenance: Provenance | None) -> str:
    """Where an item came from, in a few words: 'entered by the patient', 'by Kees Bakker (carer)', 'from a
    letter: …', 'read in from FHIR file summary.json'. '' when the record does not say."""
    if provenance is None:
        return ""
    by_carer = w("by {name} (carer)", name=provenance.entered_by) \
        if provenance.entered_by_role == AuthorRole.CARER else ""
    origin = _origin(w, provenance.source, provenance.source_detail or "")
    if origin:
        return f"{origin}, {by_carer}" if by_carer else origin
    return by_carer or w("entered by the patient")


def _origin(w: Words, source: str, detail: str) -> str:
    """The letter or file an item was taken from; '' for an item typed in."""
    if source == Source.LETTER:
        return w("from a letter: {detail}", detail=detail) if detail else w("from a letter")
    file = _file_name(detail)
    if source == Source.FHIR_IMPORT:
        return w("read in from FHIR file {file}", file=file) if file else w("read in from a FHIR file")
    if source == Source.JSON_IMPORT:
        return w("read in from Regie file {file}", file=file) if file else w("read in from a Regie file")
    if source == Source.DEVICE_IMPORT:
        return w("read in from device file {file}", file=file) if file else w("read in from a device file")
    return ""


def _file_name(detail: str) -> str:
    """The file's name without the folders it was in: they say nothing about the item, and run long."""
    return re.split(r"[\\/]", detail.strip())[-1]
