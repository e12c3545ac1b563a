"""Medication queries by date: current and past medicines, and what happened since a given day.

Dates are ISO text and may be partial ('2019', '2019-05'). Compared as text, a partial date
sorts before every full date it contains, which gives these rules without date arithmetic:
- `x > day`  means the first day `x` can mean lies after `day`;
- `x <= day` means `x` may already have begun by `day`;
- `x >= substr(day, 1, length(x))` means the last day `x` can mean is on or after `day`.
"""

from phr.storage.database import Database, NamedRow, SqlValue
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.tables import MEDICATION_CHANGES, MEDICATIONS


def _on_or_after(column: str) -> str:
    """`column` can fall on or after the day given as parameter (a partial date counts if it may)."""
    return f"e.{column} >= substr(?, 1, length(e.{column}))"


class _DatedRepository(EntryRepository):
    def _rows_where(self, condition: str, params: tuple[SqlValue, ...], limit: int | None = None,
                    offset: int = 0) -> list[NamedRow]:
        """Entries (not deleted) matching `condition` (our own SQL, never user text), in the table's order."""
        paging = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        sql = f"{self._select()} WHERE e.deleted_at IS NULL AND ({condition}) ORDER BY {self._order()}{paging}"
        return [self._as_dict(row) for row in self._db.query(sql, params)]


class MedicationRepository(_DatedRepository):
    def __init__(self, db: Database):
        super().__init__(db, MEDICATIONS)

    def current(self, today: str, limit: int | None = None, offset: int = 0) -> list[NamedRow]:
        """Medicines not ended, without a stop date or with one that lies wholly after `today` (ISO day)."""
        return self._rows_where("e.ended = 0 AND (e.stop_date IS NULL OR e.stop_date > ?)", (today,), limit, offset)

    def past(self, today: str, limit: int | None = None, offset: int = 0) -> list[NamedRow]:
        """Medicines stopped on or before `today` (a partial stop date counts from its first day), and those
        ended on a day the record does not know."""
        return self._rows_where("e.ended = 1 OR e.stop_date <= ?", (today,), limit, offset)

    def started_between(self, since: str, today: str) -> list[NamedRow]:
        return self._rows_where(f"{_on_or_after('start_date')} AND e.start_date <= ?", (since, today))

    def stopped_between(self, since: str, today: str) -> list[NamedRow]:
        return self._rows_where(f"{_on_or_after('stop_date')} AND e.stop_date <= ?", (since, today))


class MedicationChangeRepository(_DatedRepository):
    def __init__(self, db: Database):
        super().__init__(db, MEDICATION_CHANGES)

    def newest(self, medication_id: int) -> NamedRow | None:
        """The latest change of one medicine (by date, then the later entry), or None."""
        rows = self.rows({"medication_id": medication_id}, limit=1)
        return rows[0] if rows else None

    def between(self, since: str, today: str) -> list[NamedRow]:
        """Changes of medicines not deleted, dated from `since` up to `today`, newest first."""
        condition = (f"{_on_or_after('changed_on')} AND e.changed_on <= ? AND e.medication_id IN "
                     "(SELECT id FROM medications WHERE deleted_at IS NULL)")
        return self._rows_where(condition, (since, today))

    def medication_of(self, change_id: int) -> int | None:
        """The medicine a change belongs to, also while the change is deleted (for undo)."""
        row = self._db.query_one("SELECT medication_id FROM medication_changes WHERE id = ?", (change_id,))
        return row[0] if row else None
