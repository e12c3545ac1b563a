"""What every entry in the record shares: provenance, undoable deletion, validation, change reports.

A section defines a frozen dataclass for its entries (fields named like the storage
columns, plus `id`, `uid` and `provenance`) and an EntryService subclass. Mutations
return a Change, so a page refreshes only what it shows.
"""

import dataclasses
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from phr.core.clock import utc_now
from phr.core.errors import InvalidInput
from phr.storage.repos import links
from phr.storage.repos.entries import EntryRepository, Stamp
from phr.storage.repos.tables import EntryTable

SOURCES = ("typed", "device_import", "fhir_import", "json_import", "letter")
ADDED, UPDATED, DELETED, RESTORED = "added", "updated", "deleted", "restored"
META_FIELDS = ("id", "uid", "provenance")


@dataclass(frozen=True)
class Provenance:
    entered_by: str        # a name: the owner or a carer
    entered_by_role: str   # owner | carer
    changed_by: str
    source: str            # one of SOURCES
    source_detail: str     # e.g. the file an import came from
    created_at: str        # UTC, ISO 8601
    changed_at: str


@dataclass(frozen=True)
class Change:
    section: str
    kind: str  # added | updated | deleted | restored
    item_id: int


@dataclass(frozen=True)
class FieldError:
    field: str
    problem: str  # a code the UI turns into words: required, invalid_date, ...


class EntryInvalid(InvalidInput):
    def __init__(self, errors: list[FieldError]):
        super().__init__("Not saved: " + ", ".join(f"{e.field} ({e.problem})" for e in errors) + ".")
        self.errors = tuple(errors)


T = TypeVar("T")


class EntryService(Generic[T]):
    """List, add, change, delete and undelete the entries of one section."""

    section: ClassVar[str]
    table: ClassVar[EntryTable]
    item_type: ClassVar[type]

    def __init__(self, session):
        self._session = session

    @property
    def _repo(self) -> EntryRepository:
        return EntryRepository(self._session.db, self.table)

    def _stamp(self, source: str = "typed", detail: str | None = None) -> Stamp:
        return Stamp(self._session.author.id, utc_now(), source, detail)

    # --- reading ----------------------------------------------------------------------------

    def get(self, item_id: int) -> T | None:
        row = self._repo.get(item_id)
        return self.from_row(row) if row else None

    def all(self) -> list[T]:
        return [self.from_row(row) for row in self._repo.rows()]

    def page(self, offset: int, limit: int) -> list[T]:
        return [self.from_row(row) for row in self._repo.rows(limit=limit, offset=offset)]

    def count(self) -> int:
        return self._repo.count()

    def links_to(self, item_id: int) -> int:
        """How many other entries link to this one (they lose the link if it is deleted for good)."""
        return links.count_references(self._session.db, self.table.name, item_id)

    # --- writing ----------------------------------------------------------------------------

    def validate(self, item: T) -> list[FieldError]:
        """Section rules; an empty list means the entry can be saved."""
        return []

    def add(self, item: T, source: str = "typed", source_detail: str | None = None) -> Change:
        self._refuse_invalid(item)
        with self._session.db.transaction():
            item_id = self._repo.insert(self.to_values(item), self._stamp(source, source_detail))
        return Change(self.section, ADDED, item_id)

    def update(self, item: T) -> Change:
        self._refuse_invalid(item)
        with self._session.db.transaction():
            self._repo.update(item.id, self.to_values(item), self._stamp())
        return Change(self.section, UPDATED, item.id)

    def delete(self, item_id: int) -> Change:
        """Undoable with `undo_delete` until the record is locked."""
        with self._session.db.transaction():
            self._repo.delete(item_id, self._stamp())
        return Change(self.section, DELETED, item_id)

    def undo_delete(self, item_id: int) -> Change:
        with self._session.db.transaction():
            self._repo.restore(item_id)
        return Change(self.section, RESTORED, item_id)

    def _refuse_invalid(self, item: T) -> None:
        errors = self.validate(item)
        if errors:
            raise EntryInvalid(errors)

    # --- rows <-> entries -------------------------------------------------------------------

    def to_values(self, item: T) -> dict:
        return {f.name: _stored(getattr(item, f.name)) for f in dataclasses.fields(item)
                if f.name in self.table.columns}

    def from_row(self, row: dict) -> T:
        values = {}
        for f in dataclasses.fields(self.item_type):
            if f.name in self.table.columns:
                values[f.name] = _loaded(row[f.name], f.default)
        return self.item_type(**values, id=row["id"], uid=row["uid"], provenance=provenance_of(row))


def provenance_of(row: dict) -> Provenance:
    return Provenance(row["entered_by_name"], row["entered_by_role"], row["changed_by_name"], row["source"],
                      row["source_detail"] or "", row["created_at"], row["changed_at"])


def _stored(value):
    """Empty text is stored as NULL; text is trimmed; booleans become 0/1."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, bool):
        return int(value)
    return value


def _loaded(value, default):
    if value is None:
        return default if default is not dataclasses.MISSING else None
    if isinstance(default, bool):
        return bool(value)
    return value
