"""The person whose record this is, and the authors who write in it (owner, carers)."""

from dataclasses import dataclass

from phr.storage.database import Database


@dataclass(frozen=True)
class AuthorRow:
    id: int
    slot_id: str | None
    role: str
    name: str


def initialise(db: Database, record_id: str, owner_slot_id: str, person_name: str, now: str) -> None:
    """The first rows of a new record, in one transaction."""
    with db.transaction():
        db.execute("INSERT INTO record_meta (key, value) VALUES ('record_id', ?), ('created_at', ?)",
                   (record_id, now))
        owner = db.execute("INSERT INTO authors (slot_id, role, name, created_at) VALUES (?, 'owner', ?, ?)",
                           (owner_slot_id, person_name, now))
        db.execute(
            "INSERT INTO person (id, name, entered_by, changed_by, source, created_at, changed_at) "
            "VALUES (1, ?, ?, ?, 'typed', ?, ?)",
            (person_name, owner, owner, now, now),
        )


class AuthorRepository:
    def __init__(self, db: Database):
        self._db = db

    def by_slot(self, slot_id: str) -> AuthorRow | None:
        row = self._db.query_one("SELECT id, slot_id, role, name FROM authors WHERE slot_id = ?", (slot_id,))
        return AuthorRow(*row) if row else None

    def owner(self) -> AuthorRow | None:
        row = self._db.query_one("SELECT id, slot_id, role, name FROM authors WHERE role = 'owner' ORDER BY id")
        return AuthorRow(*row) if row else None


class PersonRepository:
    def __init__(self, db: Database):
        self._db = db

    def name(self) -> str:
        row = self._db.query_one("SELECT name FROM person WHERE id = 1")
        return row[0] if row else ""

    def rename(self, name: str, author_id: int, now: str) -> None:
        with self._db.transaction():
            self._db.execute("UPDATE person SET name = ?, changed_by = ?, changed_at = ? WHERE id = 1",
                             (name, author_id, now))
