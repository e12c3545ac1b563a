"""The person whose record this is: details, what others must know in an emergency, and allergies.

"No known allergies" is a statement the person makes, not an empty list: until it is
made, the record says allergies are not filled in yet. Adding an allergy ends the
statement; deleting the last allergy does not make it again (deleting is not stating).
"""

from dataclasses import dataclass, field

from phr.core import validation
from phr.core.clock import utc_now
from phr.core.entries import ADDED, UPDATED, Change, EntryInvalid, EntryService, FieldError, Provenance, provenance_of
from phr.storage.repos import tables
from phr.storage.repos.people import PersonDetailsRepository

SEXES = ("female", "male", "other", "unknown")
ALLERGY_KINDS = ("allergy", "intolerance")
SEVERITIES = ("mild", "moderate", "severe", "unknown")
UNKNOWN, NONE_KNOWN, LISTED = "unknown", "none_known", "listed"
SECTION = "person"


@dataclass(frozen=True)
class PersonDetails:
    name: str = ""
    birth_date: str = ""
    sex: str = ""
    language: str = ""
    emergency_notes: str = ""   # what others must know in an emergency
    id: int | None = 1
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Allergy:
    substance: str = ""
    kind: str = "allergy"
    reaction: str = ""
    severity: str = "unknown"
    noted_on: str = ""
    notes: str = ""
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


class PersonService:
    def __init__(self, session):
        self._session = session

    @property
    def _repo(self) -> PersonDetailsRepository:
        return PersonDetailsRepository(self._session.db)

    def get(self) -> PersonDetails:
        row = self._repo.details()
        values = {name: row[name] or "" for name in ("name", "birth_date", "sex", "language", "emergency_notes")}
        return PersonDetails(**values, provenance=provenance_of(row))

    def validate(self, details: PersonDetails) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", details.name)
        checks.date("birth_date", details.birth_date)
        if details.sex:
            checks.choice("sex", details.sex, SEXES)
        return checks.errors

    def update(self, details: PersonDetails) -> Change:
        errors = self.validate(details)
        if errors:
            raise EntryInvalid(errors)
        values = {name: (getattr(details, name).strip() or None)
                  for name in ("birth_date", "sex", "language", "emergency_notes")}
        values["name"] = details.name.strip()
        with self._session.db.transaction():
            self._repo.update(values, self._session.author.id, utc_now())
        return Change(SECTION, UPDATED, 1)

    def allergy_statement(self) -> str:
        """unknown | none_known | listed (the effective statement, derived from the list)."""
        if AllergyService(self._session).count():
            return LISTED
        stored = self._repo.details()["allergy_statement"]
        return NONE_KNOWN if stored == NONE_KNOWN else UNKNOWN

    def state_no_known_allergies(self) -> Change:
        if AllergyService(self._session).count():
            raise EntryInvalid([FieldError("allergy_statement", "allergies_listed")])
        with self._session.db.transaction():
            self._repo.update({"allergy_statement": NONE_KNOWN}, self._session.author.id, utc_now())
        return Change(SECTION, UPDATED, 1)


class AllergyService(EntryService[Allergy]):
    section = SECTION
    table = tables.ALLERGIES
    item_type = Allergy

    def validate(self, allergy: Allergy) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("substance", allergy.substance)
        checks.choice("kind", allergy.kind, ALLERGY_KINDS)
        checks.choice("severity", allergy.severity, SEVERITIES)
        checks.date("noted_on", allergy.noted_on)
        return checks.errors

    def add(self, allergy: Allergy, source: str = "typed", source_detail: str | None = None) -> Change:
        """Adding an allergy also ends a 'no known allergies' statement, in the same transaction."""
        self._refuse_invalid(allergy)
        stamp = self._stamp(source, source_detail)
        with self._session.db.transaction():
            item_id = self._repo.insert(self.to_values(allergy), stamp)
            PersonDetailsRepository(self._session.db).update({"allergy_statement": LISTED}, stamp.author_id,
                                                             stamp.now)
        return Change(self.section, ADDED, item_id)
