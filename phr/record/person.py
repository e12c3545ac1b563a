"""The person whose record this is: details, what others must know in an emergency, and allergies.

"No known allergies" is a statement the person makes, not an empty list: until it is
made, the record says allergies are not filled in yet. Adding an allergy ends the
statement; deleting the last allergy does not make it again (deleting is not stating).
The same holds for medicines ("I use no medicines": about the ones in use now, so a stopped
medicine does not contradict it) and diagnoses ("no known diagnoses": about current ones; a
resolved diagnosis does not contradict it). A file's "no known ..." fills a statement in only
while the record lists nothing of that kind (fill_in).
Imports fill in details the record does not know yet, and name the authors of Regie's own file.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from phr.core import partial_date, validation
from phr.core.clock import utc_now
from phr.core.entries import (
    ADDED,
    UPDATED,
    Change,
    EntryInvalid,
    EntryService,
    FieldError,
    Provenance,
    Stamp,
    provenance_of,
)
from phr.core.errors import RecordDamaged
from phr.core.session import Session
from phr.core.vocabulary import AllergyKind, AllergyStatement, Criticality, Section, Severity, Sex, TextLanguage
from phr.record import codings
from phr.record.codings import Codings
from phr.storage.repos import tables
from phr.storage.repos.diagnoses import DiagnosisRepository
from phr.storage.repos.medications import MedicationRepository
from phr.storage.repos.people import AuthorRepository, PersonDetailsRepository

SEXES = tuple(Sex)
TEXT_LANGUAGES = tuple(TextLanguage)
ALLERGY_KINDS = tuple(AllergyKind)
SEVERITIES = tuple(Severity)
CRITICALITIES = tuple(Criticality)
UNKNOWN, NONE_KNOWN, LISTED = AllergyStatement.UNKNOWN, AllergyStatement.NONE_KNOWN, AllergyStatement.LISTED
SECTION = Section.PERSON
# The person's statements about whole lists (each unknown | none_known | listed), by the list they are about.
STATEMENTS = ("allergy_statement", "medication_statement", "problem_statement")


@dataclass(frozen=True)
class PersonDetails:
    name: str = ""
    birth_date: str = ""
    sex: str = ""
    language: str = ""
    emergency_notes: str = ""   # what others must know in an emergency
    text_language: str = ""     # the language the person writes the record in ('nl', 'en'; '' not said)
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
    criticality: str = ""            # one of CRITICALITIES, or '' when not said: how dangerous a next reaction may be
    codes: Codings = ()              # the codes another system gave the substance (phr.record.codings)
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


class PersonService:
    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def _repo(self) -> PersonDetailsRepository:
        return PersonDetailsRepository(self._session.db)

    def get(self) -> PersonDetails:
        row = self._repo.details()
        return PersonDetails(name=row["name"] or "", birth_date=row["birth_date"] or "", sex=row["sex"] or "",
                             language=row["language"] or "", emergency_notes=row["emergency_notes"] or "",
                             text_language=row["text_language"] or "", provenance=provenance_of(row))

    def validate(self, details: PersonDetails) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", details.name)
        checks.date("birth_date", details.birth_date)
        if details.sex:
            checks.choice("sex", details.sex, SEXES)
        checks.choice("text_language", details.text_language, ("",) + TEXT_LANGUAGES)
        return checks.errors

    def update(self, details: PersonDetails) -> Change:
        errors = self.validate(details)
        if errors:
            raise EntryInvalid(errors)
        values = {name: (getattr(details, name).strip() or None)
                  for name in ("birth_date", "sex", "language", "emergency_notes", "text_language")}
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
        return self._state("allergy_statement")

    def medication_statement(self, today: date | None = None) -> str:
        """unknown | none_known | listed: about the medicines in use on `today` (a stopped one says nothing)."""
        return self._derived("medication_statement", self._uses_medicines(today))

    def state_no_known_medications(self, today: date | None = None) -> Change:
        """'I use no medicines': refused while a medicine is in use (stop it first)."""
        if self._uses_medicines(today):
            raise EntryInvalid([FieldError("medication_statement", "medications_listed")])
        return self._state("medication_statement")

    def problem_statement(self) -> str:
        """unknown | none_known | listed: about current diagnoses (a resolved one says nothing)."""
        return self._derived("problem_statement", self._has_diagnoses())

    def state_no_known_problems(self) -> Change:
        """'No known diagnoses': refused while a diagnosis is current (not resolved)."""
        if self._has_diagnoses():
            raise EntryInvalid([FieldError("problem_statement", "diagnoses_listed")])
        return self._state("problem_statement")

    def _derived(self, column: str, listed: bool) -> str:
        if listed:
            return LISTED
        return NONE_KNOWN if self._repo.details()[column] == NONE_KNOWN else UNKNOWN

    def _state(self, column: str) -> Change:
        with self._session.db.transaction():
            self._repo.update({column: NONE_KNOWN}, self._session.author.id, utc_now())
        return Change(SECTION, UPDATED, 1)

    def _uses_medicines(self, today: date | None = None) -> bool:
        return bool(MedicationRepository(self._session.db).current((today or date.today()).isoformat(), limit=1))

    def _has_diagnoses(self) -> bool:
        return bool(DiagnosisRepository(self._session.db).current_rows())

    def _lists(self, statement: str) -> bool:
        """Whether the record lists entries the statement is about (then a file's 'none known' is not taken)."""
        if statement == "allergy_statement":
            return bool(AllergyService(self._session).count())
        return self._uses_medicines() if statement == "medication_statement" else self._has_diagnoses()

    # --- importing: inside the importer's one transaction -------------------------------------

    def fill_in(self, offered: Mapping[str, str | None], stamp: Stamp) -> list[str]:
        """Fill in the details the record does not know yet (empty or unknown) from a file; what it knows
        stays. Returns the names of the details filled in."""
        current = self._repo.details()
        missing = {name: value for name, value in offered.items()
                   if value and (not current[name] or current[name] == UNKNOWN)}
        if missing.get("birth_date") and partial_date.normalise_or_none(missing["birth_date"]) is None:
            missing.pop("birth_date")
        for statement in STATEMENTS:  # 'none known' beside a list of them would contradict the list
            if missing.get(statement) == NONE_KNOWN and self._lists(statement):
                missing.pop(statement)
        if missing:
            self._repo.update(missing, stamp.author_id, stamp.now)
        return sorted(missing)

    def add_to_emergency_notes(self, lines: list[str], stamp: Stamp) -> int:
        """Another system's alerts, one line each (with where it came from), added under the notes: what others
        must know in an emergency is never dropped for being imported late. The person's own words stay as they
        are; a line the notes hold already is not added again. Returns how many lines were added."""
        current = self._repo.details()["emergency_notes"] or ""
        held = {line.strip() for line in current.splitlines()}
        new = [line for line in dict.fromkeys(line.strip() for line in lines) if line and line not in held]
        if new:
            notes = "\n".join(part for part in (current.rstrip(), *new) if part)
            self._repo.update({"emergency_notes": notes}, stamp.author_id, stamp.now)
        return len(new)

    def take_no_known_allergies(self, stamp: Stamp) -> bool:
        """A file states 'no known allergies': taken over when the record lists none and does not say so yet.
        Returns whether it was taken over."""
        if AllergyService(self._session).count() or self._repo.details()["allergy_statement"] == NONE_KNOWN:
            return False
        self._repo.update({"allergy_statement": NONE_KNOWN}, stamp.author_id, stamp.now)
        return True

    def author_id(self, role: str, name: str, stamp: Stamp) -> int:
        """Who wrote an entry of Regie's own file, as an author of this record: its owner, or the carer called
        `name` (added, without a key slot, when the record has none of that name yet)."""
        authors = AuthorRepository(self._session.db)
        if role != "owner":
            return authors.carer_named(name, stamp.now)
        owner = authors.owner()
        if owner is None:
            raise RecordDamaged("The record has no owner: it is damaged.")
        return owner.id


class AllergyService(EntryService[Allergy]):
    section = SECTION
    table = tables.ALLERGIES
    item_type = Allergy

    def validate(self, allergy: Allergy) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("substance", allergy.substance)
        checks.choice("kind", allergy.kind, ALLERGY_KINDS)
        checks.choice("severity", allergy.severity, SEVERITIES)
        checks.choice("criticality", allergy.criticality or "", ("",) + CRITICALITIES)
        checks.date("noted_on", allergy.noted_on)
        codings.check(checks, allergy.codes)
        return checks.errors

    def to_values(self, allergy: Allergy) -> dict:
        return {**super().to_values(allergy), "codes": codings.to_text(allergy.codes)}

    def from_row(self, row: dict) -> Allergy:
        return replace(super().from_row(row), codes=codings.from_text(row["codes"]))

    def add(self, allergy: Allergy, source: str = "typed", source_detail: str | None = None) -> Change:
        """Adding an allergy also ends a 'no known allergies' statement, in the same transaction."""
        self._refuse_invalid(allergy)
        stamp = self._stamp(source, source_detail)
        with self._session.db.transaction():
            item_id = self._repo.insert(self.to_values(allergy), stamp)
            PersonDetailsRepository(self._session.db).update({"allergy_statement": LISTED}, stamp.author_id,
                                                             stamp.now)
        return Change(self.section, ADDED, item_id)

    def insert_imported(self, allergy: Allergy, stamp: Stamp, uid: str) -> int:
        """An imported allergy ends a 'no known allergies' statement too, as adding one does."""
        item_id = super().insert_imported(allergy, stamp, uid)
        PersonDetailsRepository(self._session.db).update({"allergy_statement": LISTED}, stamp.author_id, stamp.now)
        return item_id
