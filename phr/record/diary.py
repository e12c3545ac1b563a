"""The free diary: how the day went, symptoms in words, admissions and other events."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from phr.core import validation
from phr.core.entries import EntryService, FieldError, Provenance
from phr.core.vocabulary import DiaryKind, Section
from phr.storage.repos import tables

KINDS = tuple(DiaryKind)
TIME_FORMAT = "%Y-%m-%dT%H:%M"


@dataclass(frozen=True)
class DiaryEntry:
    written_at: str = ""      # local date and time, 'YYYY-MM-DDTHH:MM'
    kind: str = "note"
    text: str = ""
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


def is_local_time(text: str) -> bool:
    try:
        return datetime.strptime(text, TIME_FORMAT).strftime(TIME_FORMAT) == text
    except (TypeError, ValueError):
        return False


class DiaryService(EntryService[DiaryEntry]):
    section = Section.MONITORING
    table = tables.DIARY
    item_type = DiaryEntry

    def validate(self, entry: DiaryEntry) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("text", entry.text)
        checks.choice("kind", entry.kind, KINDS)
        if not is_local_time(entry.written_at):
            checks.add("written_at", "invalid_date_time")
        return checks.errors

    def add_imported(self, entries: Iterable[DiaryEntry], source: str, source_detail: str) -> int:
        """Entries read from a file, each once: one whose uid the record already has (also a
        deleted one, so an import does not bring it back) is left alone. Runs inside the caller's
        transaction (the import's), so it is all or nothing with the rest of the file. Returns
        how many were added."""
        repo, stamp, added = self._repo, self._stamp(source, source_detail), 0
        for entry in entries:
            if entry.uid is None:
                raise ValueError("an imported diary entry needs its uid")
            self._refuse_invalid(entry)
            if repo.id_of_uid(entry.uid) is None:
                repo.insert(self.to_values(entry), stamp, uid=entry.uid)
                added += 1
        return added

    def admissions(self) -> list[DiaryEntry]:
        """Hospital admissions: they show on charts as events."""
        return [entry for entry in self.all() if entry.kind == "admission"]
