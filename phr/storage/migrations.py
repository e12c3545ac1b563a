"""Bring a record's schema up to date: a backup first, then one transaction per step."""

from datetime import datetime, timezone
from pathlib import Path

from phr.storage.atomic import PRIVATE_DIR, copy_atomic
from phr.storage.database import Database
from phr.storage.errors import RecordFromNewerVersion
from phr.storage.schema import FOREIGN_KEYS_OFF, LATEST, MIGRATIONS

BACKUP_FOLDER = "backups"


def schema_version(db: Database) -> int:
    return db.integer("PRAGMA user_version")


def pending(db: Database, migrations: dict[int, str] | None = None) -> list[int]:
    current = schema_version(db)
    return [version for version in sorted(migrations or MIGRATIONS) if version > current]


def migrate(db: Database, record_file: Path, migrations: dict[int, str] | None = None) -> list[int]:
    """Apply the missing migrations; returns the versions applied.

    A record that already holds a schema is copied (still encrypted) into
    `backups/` before the first step, so a failed upgrade can always be undone.
    """
    migrations = migrations or MIGRATIONS  # looked up at call time, so tests can add a step
    current = schema_version(db)
    latest = max(migrations)
    if current > latest:
        raise RecordFromNewerVersion(
            f"This record was made by a newer version of Regie (schema {current}; this version knows "
            f"up to {latest}). Update Regie to open it."
        )
    steps = pending(db, migrations)
    if steps and current > 0:
        backup_before_migration(db, record_file, current)
    for version in steps:
        _apply(db, version, migrations[version])
    return steps


def _apply(db: Database, version: int, sql: str) -> None:
    # The script carries its own BEGIN/COMMIT so that DDL and user_version commit together. The
    # foreign-keys pragma is a no-op inside a transaction, so it is switched around the script.
    links_off = version in FOREIGN_KEYS_OFF
    if links_off:
        db.executescript("PRAGMA foreign_keys = OFF;")
    before, after = _links_counted() if links_off else ("", "")
    try:
        db.executescript(f"BEGIN IMMEDIATE;\n{before}{sql}\n{after}PRAGMA user_version = {int(version)};\nCOMMIT;")
    except BaseException:
        db.rollback_open_transaction()
        raise
    finally:
        if links_off:
            db.executescript("PRAGMA foreign_keys = ON;")


def _links_counted() -> tuple[str, str]:
    """With foreign keys off, a link the step breaks would go unnoticed: count the broken links before the step
    and refuse to commit when there are more after it (a NOT NULL insert of NULL into a scratch table fails the
    script). Only new ones count: an old record's own oddity must not block its upgrade."""
    return ("CREATE TEMP TABLE links_before AS SELECT count(*) AS broken FROM pragma_foreign_key_check;\n",
            "CREATE TEMP TABLE link_check (broken INTEGER NOT NULL);\n"
            "INSERT INTO link_check SELECT NULL WHERE (SELECT count(*) FROM pragma_foreign_key_check) > "
            "(SELECT broken FROM links_before);\n"
            "DROP TABLE link_check;\nDROP TABLE links_before;\n")


def backup_before_migration(db: Database, record_file: Path, version: int) -> Path:
    db.checkpoint()
    folder = record_file.parent / BACKUP_FOLDER
    folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"before-upgrade-from-v{version}-{stamp}.db"
    copy_atomic(record_file, target)
    return target


__all__ = ["LATEST", "migrate", "pending", "schema_version", "backup_before_migration"]
