"""Appointments with the care team, and the questions the patient wants to ask at each one.

Preparing concrete questions before a consultation is one of the most useful things a
patient can do; the list is ordered (most important first) and each question can be
marked answered, with the answer, during or after the visit.

Times are local wall-clock time as ISO text 'YYYY-MM-DDTHH:MM': an appointment is at
"10:30 at the hospital", whatever time zone the laptop was in when it was typed.
"""

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import datetime

from phr.core import validation
from phr.core.entries import (
    ADDED,
    DELETED,
    RESTORED,
    UPDATED,
    Change,
    EntryInvalid,
    EntryService,
    FieldError,
    Provenance,
)
from phr.core.vocabulary import Section
from phr.storage.repos import tables
from phr.storage.repos.appointments import AppointmentRepository, QuestionRepository

TIME_FORMAT = "%Y-%m-%dT%H:%M"
_TIME_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")


@dataclass(frozen=True)
class Appointment:
    starts_at: str = ""             # local date and time, 'YYYY-MM-DDTHH:MM'
    contact_id: int | None = None   # with whom (a contact)
    location: str = ""
    purpose: str = ""
    notes: str = ""
    outcome: str = ""               # what came out of it: findings, agreements, next steps
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Question:
    appointment_id: int | None = None
    position: int = 0               # 1..n within the appointment, without gaps
    text: str = ""
    answered: bool = False
    answer: str = ""
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


def is_time(text: str) -> bool:
    """'2026-03-05T14:30' is a time; '2026-3-5 14:30', '2026-02-30T10:00' and '2026-03-05' are not."""
    if not _TIME_SHAPE.match(text or ""):
        return False
    try:
        datetime.strptime(text, TIME_FORMAT)
    except ValueError:
        return False
    return True


def time_text(moment: datetime | None) -> str:
    """A moment as stored: local time to the minute; `None` means now."""
    return (moment or datetime.now()).strftime(TIME_FORMAT)


def _start_of_day(now: datetime | None) -> str:
    moment = now or datetime.now()
    return time_text(moment.replace(hour=0, minute=0, second=0, microsecond=0))


class QuestionService(EntryService[Question]):
    """The question rows. Every write keeps an appointment's positions 1..n without gaps.

    Pages use AppointmentService, which reports each question change as a change to the
    appointment, so the page keeps showing the appointment the question belongs to.
    """

    section = Section.QUESTIONS
    table = tables.QUESTIONS
    item_type = Question

    @property
    def _repo(self) -> QuestionRepository:
        return QuestionRepository(self._session.db)

    def validate(self, question: Question) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("appointment_id", question.appointment_id)
        checks.required("text", question.text)
        return checks.errors

    def in_order(self, appointment_id: int) -> list[Question]:
        return [self.from_row(row) for row in self._repo.rows({"appointment_id": appointment_id})]

    def append(self, appointment_id: int, text: str) -> Change:
        """Add a question at the end of the appointment's list."""
        question = Question(appointment_id, 0, text)
        self._refuse_invalid(question)
        with self._session.db.transaction():
            position = self._repo.max_position(appointment_id) + 1
            values = self.to_values(dataclasses.replace(question, position=position))
            question_id = self._repo.insert(values, self._stamp())
        return Change(self.section, ADDED, question_id)

    def move(self, question_id: int, up: bool) -> Change:
        """One place up or down; at the top or the bottom it stays where it is."""
        appointment_id, _ = self.placement(question_id)
        with self._session.db.transaction():
            order = self._repo.ordered_ids(appointment_id)
            index = order.index(question_id)
            other = index - 1 if up else index + 1
            if 0 <= other < len(order):
                order[index], order[other] = order[other], order[index]
                self._repo.set_order(order)
        return Change(self.section, UPDATED, question_id)

    def delete(self, question_id: int) -> Change:
        """Undoable until the record is locked; the questions after it move up to close the gap."""
        appointment_id, _ = self.placement(question_id)
        with self._session.db.transaction():
            self._repo.delete(question_id, self._stamp())
            self._repo.set_order(self._repo.ordered_ids(appointment_id))
        return Change(self.section, DELETED, question_id)

    def undo_delete(self, question_id: int) -> Change:
        """Back at the place it had (or at the end, if the list has become shorter since)."""
        appointment_id, position = self.placement(question_id)
        with self._session.db.transaction():
            order = self._repo.ordered_ids(appointment_id)
            self._repo.restore(question_id)
            order.insert(min(max(position, 1), len(order) + 1) - 1, question_id)
            self._repo.set_order(order)
        return Change(self.section, RESTORED, question_id)

    def placement(self, question_id: int) -> tuple[int, int]:
        """(appointment id, position) of a question, also of a deleted one."""
        placement = self._repo.placement(question_id)
        if placement is None:
            raise EntryInvalid([FieldError("id", "not_found")])
        return placement


class AppointmentService(EntryService[Appointment]):
    section = Section.APPOINTMENTS
    table = tables.APPOINTMENTS
    item_type = Appointment

    def __init__(self, session):
        super().__init__(session)
        self.question_entries = QuestionService(session)

    @property
    def _repo(self) -> AppointmentRepository:
        return AppointmentRepository(self._session.db)

    def validate(self, appointment: Appointment) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("starts_at", appointment.starts_at)
        checks.optional("starts_at", appointment.starts_at, is_time, "invalid_date_time")
        return checks.errors

    # --- appointments by time ---------------------------------------------------------------

    def upcoming(self, now: datetime | None = None, offset: int = 0, limit: int | None = None) -> list[Appointment]:
        """Today's appointments and later ones, soonest first.

        Today's count as upcoming all day: at the visit itself (and just after it, to note the
        answers) its questions must still be on the start page.
        """
        return [self.from_row(row) for row in self._repo.upcoming(_start_of_day(now), limit, offset)]

    def past(self, now: datetime | None = None, offset: int = 0, limit: int | None = None) -> list[Appointment]:
        """Appointments before today, most recent first."""
        return [self.from_row(row) for row in self._repo.past(_start_of_day(now), limit, offset)]

    def next_appointment(self, now: datetime | None = None) -> Appointment | None:
        """The soonest appointment still to come, for the start page; None when there is none."""
        soonest = self.upcoming(now, limit=1)
        return soonest[0] if soonest else None

    # --- questions: reading -----------------------------------------------------------------

    def questions(self, appointment_id: int) -> list[Question]:
        """The questions for one appointment, in the order the patient wants to ask them."""
        return self.question_entries.in_order(appointment_id)

    def open_questions(self, appointment_id: int) -> list[Question]:
        """The questions not answered yet, in order."""
        return [q for q in self.questions(appointment_id) if not q.answered]

    def question(self, question_id: int) -> Question | None:
        return self.question_entries.get(question_id)

    def open_question_counts(self, appointment_ids: list[int]) -> dict[int, int]:
        """appointment id -> number of open questions (0 included), in one query for a page of rows."""
        counts = QuestionRepository(self._session.db).open_counts(list(appointment_ids))
        return {appointment_id: counts.get(appointment_id, 0) for appointment_id in appointment_ids}

    # --- questions: writing (each returns a change to the APPOINTMENT) ----------------------

    def add_question(self, appointment_id: int, text: str) -> Change:
        """Add a question at the end of the appointment's list."""
        if self.get(appointment_id) is None:
            raise EntryInvalid([FieldError("appointment_id", "not_found")])
        self.question_entries.append(appointment_id, text)
        return self._changed(appointment_id)

    def update_question(self, question: Question) -> Change:
        """Change text, answered and answer; the appointment and the place in the list stay as stored."""
        stored = self._existing_question(question.id)
        self.question_entries.update(
            dataclasses.replace(question, appointment_id=stored.appointment_id, position=stored.position))
        return self._changed(stored.appointment_id)

    def answer_question(self, question_id: int, answer: str) -> Change:
        """Mark a question answered, with the answer (which may be left empty)."""
        stored = self._existing_question(question_id)
        return self.update_question(dataclasses.replace(stored, answered=True, answer=answer))

    def move_question(self, question_id: int, up: bool) -> Change:
        """Move a question one place up (`up`) or down; at the top or bottom it stays where it is."""
        stored = self._existing_question(question_id)
        self.question_entries.move(question_id, up)
        return self._changed(stored.appointment_id)

    def delete_question(self, question_id: int) -> Change:
        """Delete a question (undoable until the record is locked); the others close the gap."""
        stored = self._existing_question(question_id)
        self.question_entries.delete(question_id)
        return self._changed(stored.appointment_id)

    def undo_delete_question(self, question_id: int) -> Change:
        """Bring a deleted question back at the place it had."""
        appointment_id, _ = self.question_entries.placement(question_id)
        self.question_entries.undo_delete(question_id)
        return self._changed(appointment_id)

    def _existing_question(self, question_id: int | None) -> Question:
        stored = self.question_entries.get(question_id) if question_id is not None else None
        if stored is None:
            raise EntryInvalid([FieldError("id", "not_found")])
        return stored

    def _changed(self, appointment_id: int | None) -> Change:
        # The appointment's question list changed: 'updated', never 'deleted', so pages keep it selected.
        return Change(self.section, UPDATED, validation.required_id(appointment_id, "appointment_id"))
