"""What every entry in the record shares: provenance, undoable deletion, validation, change reports.

A section defines a frozen dataclass for its entries (fields named like the storage
columns, plus `id`, `uid` and `provenance`) and an EntryService subclass. Mutations
return a Change, so a page refreshes only what it shows.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from phr.core.clock import utc_now
from phr.core.errors import InvalidInput
from phr.core.session import Session
from phr.core.vocabulary import ChangeKind, Section, Source
from phr.storage.repos import links, tables
from phr.storage.repos.documents import store_content
from phr.storage.repos.entries import EntryRepository, purged_among, was_purged
from phr.storage.repos.entries import Stamp as Stamp  # re-exported: an importer stamps a whole file with one
from phr.storage.repos.tables import EntryTable

SOURCES = tuple(Source)
ADDED, UPDATED, DELETED, RESTORED = ChangeKind.ADDED, ChangeKind.UPDATED, ChangeKind.DELETED, ChangeKind.RESTORED
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
class AsWas:
    """An entry's provenance as Regie's own file carries it, kept on import (the authors as ids here)."""

    entered_by: int
    changed_by: int
    source: str
    source_detail: str | None
    created_at: str
    changed_at: str


@dataclass(frozen=True)
class Change:
    section: Section | str   # a Section; a plain string where a page names its own part (same values)
    kind: ChangeKind
    item_id: int


@dataclass(frozen=True)
class FieldError:
    field: str
    problem: str  # a code the UI turns into words: required, invalid_date, ...


class EntryInvalid(InvalidInput):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("Not saved: " + ", ".join(f"{e.field} ({e.problem})" for e in errors) + ".")
        self.errors = tuple(errors)


class Entry(Protocol):
    """What every section's entry is: a dataclass with the id it is stored under."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def id(self) -> int | None: ...


T = TypeVar("T", bound=Entry)


def import_stamp(session: Session, source: str, detail: str | None) -> Stamp:
    """Who imports, when, and from where: one stamp for every entry of one file."""
    return Stamp(session.author.id, utc_now(), source, detail)


class EntryService(Generic[T]):
    """List, add, change, delete and undelete the entries of one section."""

    section: ClassVar[str]
    table: ClassVar[EntryTable]
    item_type: ClassVar[type[Any]]  # the section's entry dataclass (a ClassVar cannot name T)

    def __init__(self, session: Session) -> None:
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
        if item.id is None:
            raise EntryInvalid([FieldError("id", "not_found")])  # never stored, so nothing to change
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

    # --- importing: inside the importer's one transaction (nothing here opens its own) --------

    def id_of_uid(self, uid: str) -> int | None:
        """The entry with this uid, deleted or not: an import must not bring back what was deleted moments ago."""
        return self._repo.id_of_uid(uid)

    def ids_of_uids(self, uids: list[str]) -> dict[str, int]:
        """id_of_uid for many uids at once (an import's batch): uid -> id of those the record holds."""
        return self._repo.ids_of_uids(uids)

    def deleted_for_good_among(self, uids: list[str]) -> set[str]:
        """Those of these uids that were deleted here and purged (was_deleted_for_good for many)."""
        return purged_among(self._session.db, uids)

    def live_id_of_uid(self, uid: str) -> int | None:
        """The entry with this uid, if it is not deleted."""
        row = self._repo.by_uid(uid)
        return row["id"] if row else None

    def was_deleted_for_good(self, uid: str) -> bool:
        """Deleted, and purged when the record locked: only the uid is kept, so an import leaves it deleted."""
        return was_purged(self._session.db, uid)

    def stored_values_of_uid(self, uid: str, names: tuple[str, ...]) -> dict[str, Any] | None:
        """These stored fields of the entry with this uid, deleted or not (what an imported uid stands for here)."""
        return self._repo.columns_of_uid(uid, names)

    def column_types(self) -> dict[str, str]:
        """The declared type (TEXT, INTEGER, REAL) of each stored field, to check a file's values against."""
        return tables.column_types(self._session.db, self.table.name)

    def insert_imported(self, item: T, stamp: Stamp, uid: str) -> int:
        """An entry from another file, under the uid that file gives it; checked by the caller."""
        return self._repo.insert(self.to_values(item), stamp, uid=uid)

    def insert_as_was(self, values: dict[str, Any], uid: str, as_was: AsWas, content: bytes | None = None) -> int:
        """An entry of Regie's own file exactly as it was there: its stored values, uid, authors and times;
        a document with its `content`."""
        if content is not None and self.table is not tables.DOCUMENTS:
            raise ValueError(f"{self.table.name} entries hold no file")
        item_id = self._repo.insert_as_was(values, uid, as_was.entered_by, as_was.changed_by, as_was.source,
                                           as_was.source_detail, as_was.created_at, as_was.changed_at)
        if content is not None:
            store_content(self._session.db, item_id, content)
        return item_id

    def insert_many_as_was(self, entries: list[tuple[dict[str, Any], str, AsWas]]) -> dict[str, int]:
        """Entries of Regie's own file as insert_as_was puts them (no documents), many a statement: uid -> id."""
        return self._repo.insert_many_as_was([(values, uid, a.entered_by, a.changed_by, a.source, a.source_detail,
                                               a.created_at, a.changed_at) for values, uid, a in entries])

    # --- rows <-> entries -------------------------------------------------------------------

    def to_values(self, item: T) -> dict[str, Any]:
        return {f.name: _stored(getattr(item, f.name)) for f in dataclasses.fields(item)
                if f.name in self.table.columns}

    def from_row(self, row: dict[str, Any]) -> T:
        values = {}
        for f in dataclasses.fields(self.item_type):
            if f.name in self.table.columns:
                values[f.name] = _loaded(row[f.name], f.default)
        item: T = self.item_type(**values, id=row["id"], uid=row["uid"], provenance=provenance_of(row))
        return item


def provenance_of(row: dict[str, Any]) -> Provenance:
    return Provenance(row["entered_by_name"], row["entered_by_role"], row["changed_by_name"], row["source"],
                      row["source_detail"] or "", row["created_at"], row["changed_at"])


def _stored(value: object) -> object:
    """Empty text is stored as NULL; text is trimmed; booleans become 0/1."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, bool):
        return int(value)
    return value


def _loaded(value: object, default: object) -> object:
    if value is None:
        return default if default is not dataclasses.MISSING else None
    if isinstance(default, bool):
        return bool(value)
    return value
