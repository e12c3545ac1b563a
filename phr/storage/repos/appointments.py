"""Queries the appointments section needs beyond the generic ones: by time, and question order.

Appointment times are local ISO text 'YYYY-MM-DDTHH:MM', so comparing text compares time.
A question's position is the order of its appointment's list, not part of the question:
reordering rewrites positions without stamping the questions as changed.
"""

from phr.storage.database import Database, NamedRow
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.tables import APPOINTMENTS, QUESTIONS


def _paging(limit: int | None, offset: int) -> str:
    return f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""


class AppointmentRepository(EntryRepository):
    def __init__(self, db: Database):
        super().__init__(db, APPOINTMENTS)

    def upcoming(self, now: str, limit: int | None = None, offset: int = 0) -> list[NamedRow]:
        """Appointments at or after `now`, soonest first."""
        sql = (f"{self._select()} WHERE e.deleted_at IS NULL AND e.starts_at >= ? "
               f"ORDER BY e.starts_at, e.id{_paging(limit, offset)}")
        return [self._as_dict(row) for row in self._db.query(sql, (now,))]

    def past(self, now: str, limit: int | None = None, offset: int = 0) -> list[NamedRow]:
        """Appointments before `now`, most recent first."""
        sql = (f"{self._select()} WHERE e.deleted_at IS NULL AND e.starts_at < ? "
               f"ORDER BY e.starts_at DESC, e.id DESC{_paging(limit, offset)}")
        return [self._as_dict(row) for row in self._db.query(sql, (now,))]


class QuestionRepository(EntryRepository):
    def __init__(self, db: Database):
        super().__init__(db, QUESTIONS)

    def max_position(self, appointment_id: int) -> int:
        """The last position in an appointment's list; 0 when it has no questions."""
        return self._db.integer(
            "SELECT coalesce(max(position), 0) FROM questions WHERE appointment_id = ? AND deleted_at IS NULL",
            (appointment_id,))

    def placement(self, question_id: int) -> tuple[int, int] | None:
        """(appointment id, position) of a question, also when it is deleted (so undo can put it back)."""
        row = self._db.query_one("SELECT appointment_id, position FROM questions WHERE id = ?", (question_id,))
        return (row[0], row[1]) if row else None

    def ordered_ids(self, appointment_id: int) -> list[int]:
        rows = self._db.query(
            "SELECT id FROM questions WHERE appointment_id = ? AND deleted_at IS NULL ORDER BY position, id",
            (appointment_id,))
        return [question_id for (question_id,) in rows]

    def set_order(self, question_ids: list[int]) -> None:
        """Number the questions 1..n in the order given."""
        for position, question_id in enumerate(question_ids, start=1):
            self._db.execute("UPDATE questions SET position = ? WHERE id = ? AND position IS NOT ?",
                             (position, question_id, position))

    def open_counts(self, appointment_ids: list[int]) -> dict[int, int]:
        """appointment id -> number of questions not yet answered (appointments without any are left out)."""
        if not appointment_ids:
            return {}
        marks = ", ".join("?" for _ in appointment_ids)
        rows = self._db.query(
            "SELECT appointment_id, count(*) FROM questions WHERE deleted_at IS NULL AND answered = 0 "
            f"AND appointment_id IN ({marks}) GROUP BY appointment_id", tuple(appointment_ids))
        return dict(rows)
