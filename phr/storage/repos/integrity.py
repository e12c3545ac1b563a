"""Integrity checks and section counts for `phr check`."""

from phr.storage.database import Database
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.readings import ReadingRepository
from phr.storage.repos.tables import BY_NAME

# Section name (command-line contract, docs/cli.md) -> table. Sections join as they come to exist.
SECTION_TABLES: dict[str, str] = {
    "diagnoses": "diagnoses",
    "allergies": "allergies",
    "goals": "goals",
    "evaluations": "goal_evaluations",
    "contacts": "contacts",
    "medications": "medications",
    "appointments": "appointments",
    "questions": "questions",
    "documents": "documents",
    "diary": "diary",
    "vaccinations": "vaccinations",
    "procedures": "procedures",
}


# The order of `phr check` (docs/cli.md).
CONTRACT_ORDER = ("diagnoses", "allergies", "goals", "evaluations", "contacts", "medications", "appointments",
                  "questions", "documents", "readings", "diary", "vaccinations", "procedures")


def integrity_problems(db: Database) -> list[str]:
    """Everything SQLCipher and SQLite find wrong; an empty list means healthy."""
    problems = [f"page check: {row[0]}" for row in db.query("PRAGMA cipher_integrity_check")]
    problems += [f"structure: {row[0]}" for row in db.query("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [f"reference: {row[0]} row {row[1]}" for row in db.query("PRAGMA foreign_key_check")]
    return problems


def section_counts(db: Database) -> dict[str, int]:
    """Entries per section; deleted ones (and children of deleted ones) do not count.

    `readings` counts measurement entries: a blood pressure with systolic, diastolic and pulse is one.
    """
    counts = {name: EntryRepository(db, BY_NAME[table]).count() for name, table in SECTION_TABLES.items()}
    counts["readings"] = ReadingRepository(db).count()
    return {name: counts[name] for name in CONTRACT_ORDER}
