"""The person whose record this is, and the authors who write in it (owner, carers)."""

from dataclasses import dataclass
from typing import NamedTuple

from phr.storage.database import Database, NamedRow, Row
from phr.storage.errors import RecordDamaged
from phr.storage.repos.entries import Values
from phr.storage.vocabulary import AuthorRole


@dataclass(frozen=True)
class AuthorRow:
    id: int
    slot_id: str | None
    role: AuthorRole
    name: str

    @classmethod
    def of(cls, row: Row) -> "AuthorRow":
        """From (id, slot_id, role, name)."""
        return cls(row[0], row[1], AuthorRole(row[2]), row[3])


class CarerSlotRow(NamedTuple):
    name: str
    slot_id: str
    added_at: str


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


SAMPLE_FLAG = "sample"


def mark_as_sample(db: Database) -> None:
    """The record says itself that it holds invented data: a backup restored elsewhere still shows the banner."""
    with db.transaction():
        db.execute("INSERT OR REPLACE INTO record_meta (key, value) VALUES (?, '1')", (SAMPLE_FLAG,))


def is_marked_sample(db: Database) -> bool:
    return db.query_one("SELECT 1 FROM record_meta WHERE key = ? AND value = '1'", (SAMPLE_FLAG,)) is not None


class AuthorRepository:
    def __init__(self, db: Database):
        self._db = db

    def by_slot(self, slot_id: str) -> AuthorRow | None:
        row = self._db.query_one("SELECT id, slot_id, role, name FROM authors WHERE slot_id = ?", (slot_id,))
        return AuthorRow.of(row) if row else None

    def carer_named(self, name: str, now: str) -> int:
        """The id of the carer called `name`, added (without a key slot) when there is none yet."""
        row = self._db.query_one("SELECT id FROM authors WHERE role = 'carer' AND name = ?", (name,))
        if row:
            author_id: int = row[0]
            return author_id
        return self._db.execute("INSERT INTO authors (slot_id, role, name, created_at) VALUES (NULL, 'carer', ?, ?)",
                                (name, now))

    def add_carer_with_slot(self, slot_id: str, name: str, now: str) -> int:
        """A carer who unlocks with a key slot of their own (phr.access.carers); entries they write name them."""
        with self._db.transaction():
            return self._db.execute("INSERT INTO authors (slot_id, role, name, created_at) VALUES (?, 'carer', ?, ?)",
                                    (slot_id, name, now))

    def carers_with_slots(self) -> list[CarerSlotRow]:
        """Every carer who has (or had, until the key files say otherwise) a slot, oldest first."""
        rows = self._db.query("SELECT name, slot_id, created_at FROM authors "
                              "WHERE role = 'carer' AND slot_id IS NOT NULL ORDER BY created_at, id")
        return [CarerSlotRow(*row) for row in rows]

    def detach_slot(self, slot_id: str) -> None:
        """The slot is gone; the author stays, so what they wrote still names them."""
        with self._db.transaction():
            self._db.execute("UPDATE authors SET slot_id = NULL WHERE slot_id = ? AND role = 'carer'", (slot_id,))

    def owner(self) -> AuthorRow | None:
        row = self._db.query_one("SELECT id, slot_id, role, name FROM authors WHERE role = 'owner' ORDER BY id")
        return AuthorRow.of(row) if row else None


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


PERSON_COLUMNS = ("name", "birth_date", "sex", "language", "emergency_notes", "allergy_statement", "text_language",
                  "medication_statement", "problem_statement")


class PersonDetailsRepository:
    """The single person row beyond the name: details, emergency notes, and the statements about whole lists
    (no known allergies, medicines, diagnoses)."""

    def __init__(self, db: Database):
        self._db = db

    def details(self) -> NamedRow:
        columns = ", ".join(f"p.{c}" for c in PERSON_COLUMNS)
        row = self._db.query_one(
            f"SELECT {columns}, p.source, p.source_detail, p.created_at, p.changed_at, "
            "CASE WHEN ea.role = 'owner' THEN p.name ELSE ea.name END, ea.role, "
            "CASE WHEN ca.role = 'owner' THEN p.name ELSE ca.name END "
            "FROM person p JOIN authors ea ON ea.id = p.entered_by JOIN authors ca ON ca.id = p.changed_by "
            "WHERE p.id = 1")
        if row is None:
            raise RecordDamaged("The record holds no person.")
        names = PERSON_COLUMNS + ("source", "source_detail", "created_at", "changed_at", "entered_by_name",
                                  "entered_by_role", "changed_by_name")
        return dict(zip(names, row))

    def update(self, values: Values, author_id: int, now: str) -> None:
        """Caller holds the transaction."""
        unknown = set(values) - set(PERSON_COLUMNS)
        if unknown:
            raise ValueError(f"person has no column {sorted(unknown)}")
        assignments = ", ".join(f"{column} = ?" for column in values)
        self._db.execute(f"UPDATE person SET {assignments}, changed_by = ?, changed_at = ? WHERE id = 1",
                         tuple(values.values()) + (author_id, now))
