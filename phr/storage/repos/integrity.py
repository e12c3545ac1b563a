"""Integrity checks and section counts for `phr check`."""

from phr.storage.database import Database

# Section name (command-line contract) -> table. Sections join this list as they come to exist.
SECTION_TABLES: dict[str, str] = {}


def integrity_problems(db: Database) -> list[str]:
    """Everything SQLCipher and SQLite find wrong; an empty list means healthy."""
    problems = [f"page check: {row[0]}" for row in db.query("PRAGMA cipher_integrity_check")]
    problems += [f"structure: {row[0]}" for row in db.query("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [f"reference: {row[0]} row {row[1]}" for row in db.query("PRAGMA foreign_key_check")]
    return problems


def section_counts(db: Database) -> dict[str, int]:
    return {name: db.query_one(f"SELECT count(*) FROM {table}")[0] for name, table in SECTION_TABLES.items()}
