"""Reading and writing entries of any section, with provenance, undoable deletion and search.

Table and column names come only from the EntryTable specs in tables.py, never from
user input; values always travel as parameters.
"""

import contextlib
import secrets
import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from phr.storage.database import Database, NamedRow, Row, SqlValue
from phr.storage.repos.tables import ALL, BY_NAME, EntryTable, SearchSpec, children_of
from phr.storage.vocabulary import Source

PROVENANCE = ("uid", "source", "source_detail", "created_at", "changed_at")


@dataclass(frozen=True)
class Stamp:
    """Who writes, when, and where the data came from."""

    author_id: int
    now: str
    source: str = Source.TYPED  # a Source
    source_detail: str | None = None


def new_uid() -> str:
    return secrets.token_hex(16)


Values = Mapping[str, SqlValue]  # column -> value to write

# The entries whose search text waits for the end of a search_text_at_end block: database -> table -> ids (a dict
# keeps them in order, once each).
_DEFERRED: "weakref.WeakKeyDictionary[Database, dict[str, dict[int, None]]]" = weakref.WeakKeyDictionary()
_CHUNK = 500  # ids a statement takes at once (well under SQLite's limit of variables)
_ROWS = 100  # rows an INSERT takes at once (SQLite takes up to 500 in one VALUES)


class EntryRepository:
    def __init__(self, db: Database, table: EntryTable):
        self._db = db
        self.table = table

    # --- reading ----------------------------------------------------------------------------

    def _select(self) -> str:
        t = self.table
        data = ", ".join(f"e.{column}" for column in t.columns)
        prov = ", ".join(f"e.{column}" for column in PROVENANCE)
        return (
            f"SELECT e.id, {data}, {prov}, "
            "CASE WHEN ea.role = 'owner' THEN p.name ELSE ea.name END, ea.role, "
            "CASE WHEN ca.role = 'owner' THEN p.name ELSE ca.name END, ca.role "
            f"FROM {t.name} e JOIN authors ea ON ea.id = e.entered_by "
            "JOIN authors ca ON ca.id = e.changed_by CROSS JOIN person p"
        )

    def _as_dict(self, row: Row) -> NamedRow:
        names = ("id",) + self.table.columns + PROVENANCE + ("entered_by_name", "entered_by_role",
                                                              "changed_by_name", "changed_by_role")
        return dict(zip(names, row))

    def get(self, item_id: int) -> NamedRow | None:
        row = self._db.query_one(f"{self._select()} WHERE e.id = ? AND e.deleted_at IS NULL", (item_id,))
        return self._as_dict(row) if row else None

    def by_uid(self, uid: str) -> NamedRow | None:
        row = self._db.query_one(f"{self._select()} WHERE e.uid = ? AND e.deleted_at IS NULL", (uid,))
        return self._as_dict(row) if row else None

    def columns_of_uid(self, uid: str, columns: tuple[str, ...]) -> NamedRow | None:
        """The given columns of the entry with this uid, deleted or not (an import asks what a uid stands for)."""
        for column in columns:
            self._check_column(column)
        row = self._db.query_one(f"SELECT {', '.join(columns)} FROM {self.table.name} WHERE uid = ?", (uid,))
        return dict(zip(columns, row)) if row else None

    def rows(self, equal: Values | None = None, limit: int | None = None, offset: int = 0) -> list[NamedRow]:
        """Entries not deleted, in the table's order; `equal` filters on columns being equal."""
        where, params = self._where(equal)
        paging = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        sql = f"{self._select()} WHERE {where} ORDER BY {self._order()}{paging}"
        return [self._as_dict(row) for row in self._db.query(sql, params)]

    def count(self, equal: Values | None = None) -> int:
        where, params = self._where(equal)
        return self._db.integer(f"SELECT count(*) FROM {self.table.name} e WHERE {where}", params)

    def _where(self, equal: Values | None) -> tuple[str, tuple[SqlValue, ...]]:
        conditions, params = ["e.deleted_at IS NULL"], list[SqlValue]()
        if self.table.parent:  # a child of a deleted entry (a question of a deleted visit) is gone too
            # A look-up of the one parent: `IN (SELECT id ... WHERE deleted_at IS NULL)` read every parent.
            target = self.table.references[self.table.parent]
            conditions.append(f"EXISTS (SELECT 1 FROM {target} p WHERE p.id = e.{self.table.parent} "
                              "AND p.deleted_at IS NULL)")
        for column, value in (equal or {}).items():
            self._check_column(column)
            conditions.append(f"e.{column} IS ?")
            params.append(value)
        return " AND ".join(conditions), tuple(params)

    def _order(self) -> str:
        return ", ".join(f"e.{part.strip()}" for part in self.table.order_by.split(","))

    def _check_column(self, column: str) -> None:
        if column not in self.table.columns:
            raise ValueError(f"{self.table.name} has no column {column}")

    # --- writing (each in its own transaction unless the caller holds one) ------------------

    def insert(self, values: Values, stamp: Stamp, uid: str | None = None, created_at: str | None = None) -> int:
        for column in values:
            self._check_column(column)
        columns = list(values) + ["uid", "entered_by", "changed_by", "source", "source_detail",
                                  "created_at", "changed_at"]
        params = list(values.values()) + [uid or new_uid(), stamp.author_id, stamp.author_id, stamp.source,
                                          stamp.source_detail, created_at or stamp.now, stamp.now]
        marks = ", ".join("?" for _ in columns)
        item_id = self._db.execute(f"INSERT INTO {self.table.name} ({', '.join(columns)}) VALUES ({marks})",
                                   tuple(params))
        self._index(item_id)
        return item_id

    def insert_as_was(self, values: Values, uid: str, entered_by: int, changed_by: int, source: str,
                      source_detail: str | None, created_at: str, changed_at: str) -> int:
        """Insert an entry with the provenance it already had (an import of Regie's own format)."""
        for column in values:
            self._check_column(column)
        columns = list(values) + ["uid", "entered_by", "changed_by", "source", "source_detail",
                                  "created_at", "changed_at"]
        params = list(values.values()) + [uid, entered_by, changed_by, source, source_detail, created_at,
                                          changed_at]
        marks = ", ".join("?" for _ in columns)
        item_id = self._db.execute(f"INSERT INTO {self.table.name} ({', '.join(columns)}) VALUES ({marks})",
                                   tuple(params))
        self._index(item_id)
        return item_id

    def insert_many_as_was(self, rows: Sequence[tuple[Values, str, int, int, str, str | None, str, str]]
                           ) -> dict[str, int]:
        """insert_as_was for many entries, (values, uid, entered_by, changed_by, source, source_detail, created_at,
        changed_at) each, all with the same columns: uid -> id. A statement takes up to 100 rows: each run of a
        statement builds its CHECK (... IN (...)) lists anew, which costs more than the row itself."""
        names = list(rows[0][0]) if rows else []
        for column in names:
            self._check_column(column)
        if any(list(row[0]) != names for row in rows):
            raise ValueError("every row names the same columns")
        columns = names + ["uid", "entered_by", "changed_by", "source", "source_detail", "created_at", "changed_at"]
        one = "(" + ", ".join("?" for _ in columns) + ")"
        ids: dict[str, int] = {}
        for start in range(0, len(rows), _ROWS):
            chunk = rows[start:start + _ROWS]
            params: list[SqlValue] = []
            for row in chunk:
                params += [*row[0].values(), *row[1:]]
            self._db.execute(f"INSERT INTO {self.table.name} ({', '.join(columns)}) VALUES "
                             f"{', '.join(one for _ in chunk)}", tuple(params))
            uids = [row[1] for row in chunk]
            ids.update(self._db.query(f"SELECT uid, id FROM {self.table.name} WHERE uid IN "
                                      f"({', '.join('?' for _ in uids)})", tuple(uids)))
        for item_id in ids.values():
            self._index(item_id)
        return ids

    def ids_of_uids(self, uids: Sequence[str]) -> dict[str, int]:
        """id_of_uid for many: uid -> id of those present, deleted or not."""
        found: dict[str, int] = {}
        for start in range(0, len(uids), _CHUNK):
            chunk = tuple(uids[start:start + _CHUNK])
            found.update(self._db.query(f"SELECT uid, id FROM {self.table.name} WHERE uid IN "
                                        f"({', '.join('?' for _ in chunk)})", chunk))
        return found

    def id_of_uid(self, uid: str) -> int | None:
        """Also finds deleted entries: an import must not bring back something deleted moments ago."""
        row = self._db.query_one(f"SELECT id FROM {self.table.name} WHERE uid = ?", (uid,))
        return row[0] if row else None

    def update(self, item_id: int, values: Values, stamp: Stamp) -> None:
        for column in values:
            self._check_column(column)
        assignments = ", ".join(f"{column} = ?" for column in values)
        self._db.execute(
            f"UPDATE {self.table.name} SET {assignments}, changed_by = ?, changed_at = ? "
            "WHERE id = ? AND deleted_at IS NULL",
            tuple(values.values()) + (stamp.author_id, stamp.now, item_id),
        )
        self._index(item_id)

    def delete(self, item_id: int, stamp: Stamp) -> None:
        """Mark deleted (undoable until the record is locked); hide it and its children from search."""
        self._db.execute(f"UPDATE {self.table.name} SET deleted_at = ? WHERE id = ?", (stamp.now, item_id))
        self._unindex(item_id)
        for child, parent in children_of(self.table):
            for (child_id,) in self._db.query(f"SELECT id FROM {child.name} WHERE {parent} = ?", (item_id,)):
                EntryRepository(self._db, child)._unindex(child_id)

    def restore(self, item_id: int) -> None:
        self._db.execute(f"UPDATE {self.table.name} SET deleted_at = NULL WHERE id = ?", (item_id,))
        self._index(item_id)
        for child, parent in children_of(self.table):
            child_repo = EntryRepository(self._db, child)
            for row in child_repo.rows({parent: item_id}):
                child_repo._index(row["id"])

    # --- search index ---------------------------------------------------------------------------

    def _index(self, item_id: int) -> None:
        """The entry's search text written anew; none for an entry deleted or a child of a deleted one."""
        spec = self.table.search
        if spec is None:
            return
        deferred = _DEFERRED.get(self._db)
        if deferred is not None:
            deferred.setdefault(self.table.name, {})[item_id] = None
            return
        where, params = self._where(None)
        row = self._db.query_one(
            f"SELECT e.{spec.target}, e.{spec.title}, {', '.join(spec.body) or 'NULL'} FROM {self.table.name} e "
            f"WHERE e.id = ? AND {where}", (item_id,) + params)
        if row is None:
            self._unindex(item_id)
            return
        text = _search_text(spec, row)
        search_row = self._search_row(item_id)
        if search_row is None:
            search_row = self._db.execute("INSERT INTO search_entries (entry_table, entry_id) VALUES (?, ?)",
                                          (self.table.name, item_id))
        else:
            self._db.execute("DELETE FROM search_index WHERE rowid = ?", (search_row,))
        self._db.execute("INSERT INTO search_index (rowid, section, item_id, title, body) VALUES (?, ?, ?, ?, ?)",
                         (search_row,) + text)

    def _unindex(self, item_id: int) -> None:
        if self.table.search is not None:
            _drop_search_row(self._db, self._search_row(item_id))

    def _search_row(self, item_id: int) -> int | None:
        """The rowid of the entry's text in search_index (found through search_entries' unique index)."""
        row = self._db.query_one("SELECT id FROM search_entries WHERE entry_table = ? AND entry_id = ?",
                                 (self.table.name, item_id))
        return row[0] if row else None


def _search_text(spec: SearchSpec, row: Row) -> tuple[SqlValue, ...]:
    """(section, item_id, title, body) of a search row from (target, title, *body columns)."""
    body = " ".join(str(value) for value in row[2:] if value not in (None, ""))
    return spec.section, row[0], row[1] or "", body


@contextlib.contextmanager
def search_text_at_end(db: Database) -> Iterator[None]:
    """Inside the caller's transaction: the entries written in the block get their search text when it ends,
    a table at a time, in a few statements per 500 entries rather than four per entry (an import of 100,000
    entries). If the block fails, nothing is indexed (the caller's transaction rolls back)."""
    if db in _DEFERRED:  # within another such block: that one writes it
        yield
        return
    _DEFERRED[db] = {}
    try:
        yield
    finally:
        pending = _DEFERRED.pop(db)
    for name, ids in pending.items():
        table, listed = BY_NAME[name], list(ids)
        for start in range(0, len(listed), _CHUNK):
            _index_many(db, table, listed[start:start + _CHUNK])


def _index_many(db: Database, table: EntryTable, ids: Sequence[int]) -> None:
    """What EntryRepository._index does for each of these entries, in one pass."""
    spec = table.search
    assert spec is not None  # only searched tables are deferred
    marks = ", ".join("?" for _ in ids)
    for (search_row,) in db.query(f"SELECT id FROM search_entries WHERE entry_table = ? AND entry_id IN ({marks})",
                                  (table.name, *ids)):
        _drop_search_row(db, search_row)
    where, params = EntryRepository(db, table)._where(None)
    rows = db.query(f"SELECT e.id, e.{spec.target}, e.{spec.title}, {', '.join(spec.body) or 'NULL'} "
                    f"FROM {table.name} e WHERE e.id IN ({marks}) AND {where}", (*ids, *params))
    first = db.integer("SELECT coalesce(max(id), 0) + 1 FROM search_entries")
    db.executemany("INSERT INTO search_entries (id, entry_table, entry_id) VALUES (?, ?, ?)",
                   [(first + n, table.name, row[0]) for n, row in enumerate(rows)])
    db.executemany("INSERT INTO search_index (rowid, section, item_id, title, body) VALUES (?, ?, ?, ?, ?)",
                   [(first + n, *_search_text(spec, row[1:])) for n, row in enumerate(rows)])


def _drop_search_row(db: Database, search_row: int | None) -> None:
    if search_row is not None:
        db.execute("DELETE FROM search_index WHERE rowid = ?", (search_row,))
        db.execute("DELETE FROM search_entries WHERE id = ?", (search_row,))


def purge_deleted(db: Database, now: str) -> int:
    """Remove for good what was deleted (the undo window closes when the record locks).

    The uids are kept (nothing else), so importing an older file does not bring them back. Each table's
    partial index (schema 9) holds only the rows waiting here: the cost follows what was deleted, not the record.
    """
    removed = 0
    with db.transaction():
        for table in reversed(ALL):
            if not db.query_one(f"SELECT 1 FROM {table.name} WHERE deleted_at IS NOT NULL LIMIT 1"):
                continue
            _drop_orphaned_search_rows(db, table)
            db.execute(f"INSERT OR IGNORE INTO purged_entries (uid, purged_at) "
                       f"SELECT uid, ? FROM {table.name} WHERE deleted_at IS NOT NULL", (now,))
            removed += db.integer(f"SELECT count(*) FROM {table.name} WHERE deleted_at IS NOT NULL")
            db.execute(f"DELETE FROM {table.name} WHERE deleted_at IS NOT NULL")
    return removed


def _drop_orphaned_search_rows(db: Database, table: EntryTable) -> None:
    """The search rows of `table`'s deleted rows and of their children (which ON DELETE CASCADE removes with
    them) go first, found by the deleted parents: none is left behind. Deleting already took them out of
    search; this catches any the delete did not reach."""
    owned = [(table, f"SELECT id FROM {table.name} WHERE deleted_at IS NOT NULL")]
    owned += [(child, f"SELECT id FROM {child.name} WHERE {column} IN "
                      f"(SELECT id FROM {table.name} WHERE deleted_at IS NOT NULL)")
              for child, column in children_of(table)]
    for searched, ids in owned:
        if searched.search is None:
            continue
        rows = db.query(f"SELECT s.id FROM search_entries s WHERE s.entry_table = ? AND s.entry_id IN ({ids})",
                        (searched.name,))
        for (search_row,) in rows:
            _drop_search_row(db, search_row)


def purged_among(db: Database, uids: Sequence[str]) -> set[str]:
    """Those of `uids` that were purged (was_purged for many)."""
    found: set[str] = set()
    for start in range(0, len(uids), _CHUNK):
        chunk = tuple(uids[start:start + _CHUNK])
        found.update(uid for (uid,) in db.query(
            f"SELECT uid FROM purged_entries WHERE uid IN ({', '.join('?' for _ in chunk)})", chunk))
    return found


def was_purged(db: Database, uid: str) -> bool:
    return db.query_one("SELECT 1 FROM purged_entries WHERE uid = ?", (uid,)) is not None
