"""Facts every PDF shares: whom the document is about, for the frame on every page.

Facts are the middle step of each document: record (the services) -> facts (what the document
will say, as plain frozen values) -> flowables (the reportlab layout of those facts) -> bytes.
Facts modules read the services and compute; they never import reportlab.
"""

from dataclasses import dataclass
from datetime import date

from phr.record.overview import age
from phr.record.person import LISTED, Allergy, PersonDetails
from phr.record.services import RecordServices


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
