"""Queries only the diagnoses section needs: the diagnoses that still matter today."""

from phr.storage.database import Database, NamedRow
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.tables import DIAGNOSES


class DiagnosisRepository(EntryRepository):
    def __init__(self, db: Database):
        super().__init__(db, DIAGNOSES)

    def current_rows(self) -> list[NamedRow]:
        """Diagnoses not resolved: confirmed first, then suspected, then carrier status; newest first within."""
        sql = (f"{self._select()} WHERE e.deleted_at IS NULL AND e.status != 'resolved' "
               "ORDER BY CASE e.status WHEN 'confirmed' THEN 0 WHEN 'suspected' THEN 1 ELSE 2 END, "
               f"{self._order()}")
        return [self._as_dict(row) for row in self._db.query(sql)]
