"""Medicines: what the person takes now and took before, and how each dose changed over time.

The medicine itself holds its current dose and schedule; every change is kept as a history
entry (date, new dose and schedule, reason). The medicine always follows the newest entry
of its history, so recording, correcting or deleting a change keeps both in step.
A medicine is past when its stop date has come, or when it `ended` on a day the record does not
know (a file's "completed" without an end date: no stop date is made up). One in use ends the
person's "I use no medicines" statement, as an allergy ends "no known allergies".
"""

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from phr.core import links, partial_date, validation
from phr.core.entries import ADDED, UPDATED, Change, EntryInvalid, EntryService, FieldError, Provenance, Stamp
from phr.core.vocabulary import DoseUnit, FoodTiming, MedicineStatement, Route, Section
from phr.record import codings
from phr.record.codings import Codings
from phr.storage.repos import tables
from phr.storage.repos.medications import MedicationChangeRepository, MedicationRepository
from phr.storage.repos.people import PersonDetailsRepository

SECTION = Section.MEDICATIONS
ROUTES = tuple(Route)
DOSE_UNITS = tuple(DoseUnit)
FOOD_TIMINGS = tuple(FoodTiming)
MAX_TIMES_PER_DAY = 24
# A dose change is typed in words; the structured dose said the old one. A stale dose on an emergency card is worse
# than none, so the change clears it (the exports then print the new dose in the patient's words) until it is
# filled in again in the medicine.
NO_STRUCTURED_DOSE = {"dose_amount": None, "dose_unit": None, "times_per_day": None, "food": None, "as_needed": 0}
MAX_DOSE_AMOUNT = 1_000_000  # no dose is this large; the bound keeps a typing slip (and inf, nan) out
# Every place that says a dose writes this many decimals at most (phr.words.dose): a finer amount would be printed
# rounded (0.00001 mg as 0 mg), so it is refused instead; 0.0625 mg still fits.
DOSE_DECIMALS = 4
# Link fields of a medicine and the table each points to.
MEDICATION_LINKS = {"reason_id": "diagnoses", "prescriber_id": "contacts"}


@dataclass(frozen=True)
class Medication:
    name: str = ""
    strength: str = ""               # e.g. "10 mg"
    dose: str = ""                   # e.g. "1 tablet"
    schedule: str = ""               # e.g. "3 times a day: 10-5-5 mg"
    route: str = ""                  # one of ROUTES, or '' when not said
    reason_id: int | None = None     # the diagnosis it is for
    prescriber_id: int | None = None  # a contact
    start_date: str = ""             # partial date
    stop_date: str = ""              # partial date; '' while still in use
    stop_reason: str = ""
    notes: str = ""
    name_en: str = ""                # the name in English, when it differs (for exports in English)
    # The dose as the app understands it, so an export can say it in its own language (phr.record.dose);
    # `dose` and `schedule` above stay the patient's own words.
    dose_amount: float | None = None
    dose_unit: str = ""              # one of DOSE_UNITS, or ''
    times_per_day: int | None = None
    food: str = ""                   # one of FOOD_TIMINGS, or '' when it does not matter
    as_needed: bool = False          # only when needed (e.g. an emergency injection)
    codes: Codings = ()              # the codes another system gave it (ATC, SNOMED CT, G-Standaard, ...)
    ended: bool = False              # stopped, on a day the record does not know (so stop_date stays '')
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class MedicationChange:
    medication_id: int | None = None
    changed_on: str = ""   # partial date, required
    dose: str = ""         # the dose from this date on
    schedule: str = ""
    reason: str = ""
    previous_dose: str = ""      # what the medicine was before this change (filled in when it is made)
    previous_schedule: str = ""
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ChangesSince:
    """What happened to the medicines from a given day up to today (for the visit brief)."""

    changes: tuple[tuple[str, MedicationChange], ...]   # (medicine name, change), newest first
    started: tuple[Medication, ...]
    stopped: tuple[Medication, ...]


def is_current(medication: Medication, today: date | None = None) -> bool:
    """Not ended, and no stop date or one wholly in the future ('2025-07' is still current on 30 June 2025)."""
    stop = partial_date.earliest(medication.stop_date)
    return not medication.ended and (stop is None or stop > (today or date.today()))


def _day(today: date | None) -> str:
    return (today or date.today()).isoformat()


class MedicationChangeEntries(EntryService[MedicationChange]):
    """History entries as entries of their own. They do not move the medicine's current dose:
    use MedicationService for that. Export and import use this to copy the history exactly."""

    section = SECTION
    table = tables.MEDICATION_CHANGES
    item_type = MedicationChange

    def validate(self, change: MedicationChange) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("changed_on", change.changed_on)
        checks.date("changed_on", change.changed_on)
        if not (change.dose or "").strip() and not (change.schedule or "").strip():
            checks.add("dose", "required")  # a change without a new dose or schedule says nothing
        medication = self._medication_row(change.medication_id)
        if medication is not None:
            checks.not_before("changed_on", change.changed_on, medication["start_date"] or "")
        return checks.errors

    def _medication_row(self, medication_id) -> dict | None:
        return MedicationRepository(self._session.db).get(medication_id) if isinstance(medication_id, int) else None

    def add(self, change: MedicationChange, source: str = "typed", source_detail: str | None = None) -> Change:
        if self._medication_row(change.medication_id) is None:
            raise EntryInvalid([FieldError("medication_id", "invalid_choice")])
        return super().add(change, source, source_detail)


class MedicationService(EntryService[Medication]):
    section = SECTION
    table = tables.MEDICATIONS
    item_type = Medication

    def __init__(self, session):
        super().__init__(session)
        self.change_entries = MedicationChangeEntries(session)  # for export and import of the history

    @property
    def _repo(self) -> MedicationRepository:
        return MedicationRepository(self._session.db)

    @property
    def _history(self) -> MedicationChangeRepository:
        return MedicationChangeRepository(self._session.db)

    # --- medicines --------------------------------------------------------------------------

    def validate(self, medication: Medication) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", medication.name)
        checks.choice("route", medication.route or "", ("",) + ROUTES)
        checks.date("start_date", medication.start_date)
        checks.date("stop_date", medication.stop_date)
        checks.not_before("stop_date", medication.stop_date, medication.start_date)
        _check_structured_dose(checks, medication)
        checks.choice("ended", medication.ended, (False, True))  # 0 and 1 too: a file's flag
        codings.check(checks, medication.codes)
        self._check_links(checks, medication)
        return checks.errors

    def to_values(self, medication: Medication) -> dict[str, Any]:
        return {**super().to_values(medication), "codes": codings.to_text(medication.codes)}

    def from_row(self, row: dict[str, Any]) -> Medication:
        return replace(super().from_row(row), codes=codings.from_text(row["codes"]))

    def add(self, medication: Medication, source: str = "typed", source_detail: str | None = None) -> Change:
        """Adding a medicine in use also ends an 'I use no medicines' statement, in the same transaction."""
        self._refuse_invalid(medication)
        stamp = self._stamp(source, source_detail)
        with self._session.db.transaction():
            item_id = self._repo.insert(self.to_values(medication), stamp)
            self._end_statement(medication, stamp)
        return Change(SECTION, ADDED, item_id)

    def insert_imported(self, medication: Medication, stamp: Stamp, uid: str) -> int:
        item_id = super().insert_imported(medication, stamp, uid)
        self._end_statement(medication, stamp)
        return item_id

    def _end_statement(self, medication: Medication, stamp: Stamp) -> None:
        """Inside the caller's transaction: a medicine in use today says the person uses medicines."""
        if is_current(medication):
            PersonDetailsRepository(self._session.db).update({"medication_statement": MedicineStatement.LISTED},
                                                             stamp.author_id, stamp.now)

    def _check_links(self, checks: validation.Checks, medication: Medication) -> None:
        for name, table_name in MEDICATION_LINKS.items():
            value = getattr(medication, name)
            if value is None or value in links.choices(self._session, table_name):
                continue
            stored = self._repo.get(medication.id) if medication.id is not None else None
            if stored is None or stored[name] != value:  # a link to an entry deleted since may stay
                checks.add(name, "invalid_choice")

    def update(self, medication: Medication) -> Change:
        """A dose or schedule changed in words while the structured dose stayed the same: that dose said the old
        one, so it is emptied (as a dose change does) rather than printed on a card beside the new words."""
        stored = self.get(medication.id) if isinstance(medication.id, int) else None
        if stored is not None and _words_changed_alone(stored, medication):
            medication = replace(medication, dose_amount=None, dose_unit="", times_per_day=None, food="",
                                 as_needed=False)
        self._refuse_invalid(medication)
        if medication.id is None:
            raise EntryInvalid([FieldError("id", "not_found")])  # never stored, so nothing to change
        stamp = self._stamp()
        with self._session.db.transaction():
            self._repo.update(medication.id, self.to_values(medication), stamp)
            self._end_statement(medication, stamp)  # a past medicine taken up again
        return Change(SECTION, UPDATED, medication.id)

    def current(self, today: date | None = None, offset: int = 0, limit: int | None = None) -> list[Medication]:
        """Medicines in use on `today`: no stop date, or a stop date in the future. By name."""
        return [self.from_row(row) for row in self._repo.current(_day(today), limit, offset)]

    def past(self, today: date | None = None, offset: int = 0, limit: int | None = None) -> list[Medication]:
        """Medicines stopped on or before `today`. By name."""
        return [self.from_row(row) for row in self._repo.past(_day(today), limit, offset)]

    def validate_stop(self, medication: Medication) -> list[FieldError]:
        """Rules for stopping: a stop date is needed, and it may not lie before the start."""
        checks = validation.Checks()
        checks.required("stop_date", medication.stop_date)
        checks.date("stop_date", medication.stop_date)
        checks.not_before("stop_date", medication.stop_date, medication.start_date)
        return checks.errors

    def stop(self, medication_id: int, stop_date: str, reason: str = "") -> Change:
        """Record that a medicine was (or will be) stopped; it moves to the past list from that day."""
        stopped = replace(self._existing(medication_id), stop_date=stop_date, stop_reason=reason)
        self._refuse(self.validate_stop(stopped))
        values = {name: value for name, value in self.to_values(stopped).items()
                  if name in ("stop_date", "stop_reason")}
        with self._session.db.transaction():
            self._repo.update(medication_id, values, self._stamp())
        return Change(SECTION, UPDATED, medication_id)

    def _existing(self, medication_id: int | None) -> Medication:
        medication = self.get(medication_id) if isinstance(medication_id, int) else None
        if medication is None:
            raise EntryInvalid([FieldError("medication_id", "invalid_choice")])
        return medication

    def _existing_id(self, medication_id: int | None) -> int:
        """The id of a medicine in the record (EntryInvalid for any other)."""
        return validation.required_id(self._existing(medication_id).id, "medication_id")

    @staticmethod
    def _refuse(errors: list[FieldError]) -> None:
        if errors:
            raise EntryInvalid(errors)

    # --- the history of changes (reported as changes of their medicine, so pages show it) ---

    def changes(self, medication_id: int) -> list[MedicationChange]:
        """The history of one medicine, newest first."""
        return [self.change_entries.from_row(row) for row in self._history.rows({"medication_id": medication_id})]

    def get_change(self, change_id: int) -> MedicationChange | None:
        return self.change_entries.get(change_id)

    def validate_change(self, change: MedicationChange) -> list[FieldError]:
        return self.change_entries.validate(change)

    def change_dose(self, medication_id: int, changed_on: str, dose: str, schedule: str = "",
                    reason: str = "") -> Change:
        """Keep the change in the history and make it the medicine's current dose, all at once."""
        return self.add_change(MedicationChange(medication_id, changed_on, dose, schedule, reason))

    def add_change(self, change: MedicationChange, source: str = "typed", source_detail: str | None = None) -> Change:
        """As `change_dose`, from an entry. A change dated before the newest one only joins the history."""
        self._refuse(self.validate_change(change))
        medication_id = self._existing_id(change.medication_id)
        with self._session.db.transaction():
            before = self._history.newest(medication_id)
            values = self.change_entries.to_values(change)
            current = self._existing(medication_id)
            values.update(previous_dose=current.dose, previous_schedule=current.schedule)
            self._history.insert(values, self._stamp(source, source_detail))
            self._follow_newest(medication_id, before)
        return Change(SECTION, UPDATED, medication_id)

    def update_change(self, change: MedicationChange) -> Change:
        """Correct a history entry; if it is (or becomes) the newest, the medicine's dose follows."""
        stored = self.get_change(change.id) if change.id is not None else None
        if stored is None:
            raise EntryInvalid([FieldError("id", "invalid_choice")])
        change = replace(change, medication_id=stored.medication_id)  # an entry stays with its medicine
        self._refuse(self.validate_change(change))
        medication_id = validation.required_id(stored.medication_id, "medication_id")
        with self._session.db.transaction():
            before = self._history.newest(medication_id)
            self._history.update(validation.required_id(stored.id), self.change_entries.to_values(change), self._stamp())
            self._follow_newest(medication_id, before)
        return Change(SECTION, UPDATED, medication_id)

    def delete_change(self, change_id: int) -> Change:
        """Undoable with `undo_delete_change` until the record is locked. If the newest entry goes,
        the medicine takes the dose of the entry before it, or, with none left, the dose it had
        before the deleted change."""
        stored = self.get_change(change_id)
        if stored is None:
            raise EntryInvalid([FieldError("id", "invalid_choice")])
        medication_id = validation.required_id(stored.medication_id, "medication_id")
        with self._session.db.transaction():
            before = self._history.newest(medication_id)
            self._history.delete(change_id, self._stamp())
            self._follow_newest(medication_id, before)
        return Change(SECTION, UPDATED, medication_id)

    def undo_delete_change(self, change_id: int) -> Change:
        medication_id = self._history.medication_of(change_id)
        if medication_id is None:
            raise EntryInvalid([FieldError("id", "invalid_choice")])
        with self._session.db.transaction():
            before = self._history.newest(medication_id)
            self._history.restore(change_id)
            self._follow_newest(medication_id, before)
        return Change(SECTION, UPDATED, medication_id)

    def _follow_newest(self, medication_id: int, before: dict | None) -> None:
        """Inside the caller's transaction: when the newest history entry is another one or says
        something else than before, the medicine takes its dose and schedule."""
        after = self._history.newest(medication_id)
        if after is None and before is not None:  # the only change went: back to the dose before it
            self._repo.update(medication_id, {"dose": before["previous_dose"], "schedule": before["previous_schedule"],
                                              **NO_STRUCTURED_DOSE}, self._stamp())
            return
        if after is None or _dose_of(after) == _dose_of(before):
            return  # a correction of an older entry must not undo a later edit of the medicine
        self._repo.update(medication_id, {"dose": after["dose"], "schedule": after["schedule"], **NO_STRUCTURED_DOSE},
                          self._stamp())

    # --- for the visit brief ----------------------------------------------------------------

    def changes_since(self, since: date | str, today: date | None = None) -> ChangesSince:
        """Dose changes, starts and stops dated from `since` up to `today`, each newest first.

        A partial date counts when it may fall in that period ('2025' counts since 1 March 2025).
        """
        since_day = since.isoformat() if isinstance(since, date) else partial_date.normalise(since)
        day = _day(today)
        names = links.choices(self._session, "medications")
        changes = [self.change_entries.from_row(row) for row in self._history.between(since_day, day)]
        return ChangesSince(
            changes=tuple((names.get(change.medication_id, ""), change) for change in changes),
            started=self._newest_first(self._repo.started_between(since_day, day), "start_date"),
            stopped=self._newest_first(self._repo.stopped_between(since_day, day), "stop_date"),
        )

    def _newest_first(self, rows: list[dict], column: str) -> tuple[Medication, ...]:
        return tuple(self.from_row(row) for row in sorted(rows, key=lambda row: row[column], reverse=True))


def _check_structured_dose(checks: validation.Checks, medication: Medication) -> None:
    """An amount needs its unit and the other way round; times a day is a whole number from 1 to 24."""
    amount, unit = medication.dose_amount, medication.dose_unit or ""
    if amount is not None and not (isinstance(amount, (int, float)) and not isinstance(amount, bool)
                                   and 0 < amount < MAX_DOSE_AMOUNT and round(amount, DOSE_DECIMALS) == amount):
        checks.add("dose_amount", "invalid_number")
    elif amount is not None and not unit:
        checks.add("dose_unit", "required")
    if unit and amount is None:
        checks.add("dose_amount", "required")
    checks.choice("dose_unit", unit, ("",) + DOSE_UNITS)
    checks.choice("food", medication.food or "", ("",) + FOOD_TIMINGS)
    checks.choice("as_needed", medication.as_needed, (False, True))  # 0 and 1 too: a file's flag
    times = medication.times_per_day
    if times is not None and (isinstance(times, bool) or not isinstance(times, int)
                              or not 1 <= times <= MAX_TIMES_PER_DAY):
        checks.add("times_per_day", "invalid_number")


def _words_changed_alone(before: Medication, after: Medication) -> bool:
    """The dose or schedule in words says something else now (not only other spaces or capitals), and the
    structured dose is what it was."""
    def words(m: Medication) -> tuple[str, ...]:
        return tuple(" ".join((text or "").split()).casefold() for text in (m.strength, m.dose, m.schedule))

    def structured(m: Medication) -> tuple:
        return m.dose_amount, m.dose_unit or "", m.times_per_day, m.food or "", bool(m.as_needed)
    return words(before) != words(after) and structured(before) == structured(after) and \
        structured(after) != (None, "", None, "", False)


def _dose_of(row: dict | None) -> tuple | None:
    return (row["id"], row["dose"], row["schedule"]) if row else None
