"""An unlocked record, as the services, the command line and the UI see it."""

from dataclasses import dataclass
from pathlib import Path

from phr.core.clock import utc_now
from phr.core.session import Author
from phr.core.vocabulary import SlotKind
from phr.storage import migrations
from phr.storage.database import Database
from phr.storage.errors import RecordDamaged
from phr.storage.open_vault import OpenVault
from phr.storage.repos import integrity
from phr.storage.repos.entries import purge_deleted
from phr.storage.repos.people import AuthorRepository, PersonRepository, is_marked_sample, mark_as_sample
from phr.storage.repos.readings import purge_deleted_readings


@dataclass(frozen=True)
class CheckReport:
    schema_version: int
    problems: tuple[str, ...]
    counts: dict[str, int]

    @property
    def healthy(self) -> bool:
        return not self.problems


class RecordSession:
    """Holds the open database of one record until `lock()`; after that it holds nothing."""

    def __init__(self, vault: OpenVault):
        self._vault: OpenVault | None = vault
        self.folder: Path = vault.folder
        # Where automatic backups of this session went: a carer's removal looks there for the backups
        # their passphrase still opens (phr.backup.removed_carers).
        self.backup_folders: set[Path] = set()
        try:
            self._author: Author | None = self._author_for(vault)
            if vault.db.read_only is None:
                # Deletions left by a crash: their undo window has passed. A record open read-only keeps
                # them (hidden as deleted) until it opens where it can be written.
                purge_deleted(vault.db, utc_now())
                purge_deleted_readings(vault.db)
        except BaseException:
            vault.close()
            raise

    @staticmethod
    def _author_for(vault: OpenVault) -> Author:
        authors = AuthorRepository(vault.db)
        # A recovery code unlocks on behalf of the owner.
        row = authors.by_slot(vault.slot.slot_id) if vault.slot.kind != SlotKind.RECOVERY else None
        row = row or authors.owner()
        if row is None:
            raise RecordDamaged("The record has no owner: it is damaged.")
        return Author(row.id, row.role, row.name)

    @property
    def is_open(self) -> bool:
        return self._vault is not None

    @property
    def db(self) -> Database:
        if self._vault is None:
            raise RuntimeError("the record is locked")
        return self._vault.db

    @property
    def author(self) -> Author:
        """Who is writing; a locked session holds nobody."""
        if self._author is None:
            raise RuntimeError("the record is locked")
        return self._author

    @property
    def vault(self) -> OpenVault:
        """The unlocked vault: for the key service (phr.access.keys), which needs the slot and the data key."""
        if self._vault is None:
            raise RuntimeError("the record is locked")
        return self._vault

    def second_session(self) -> "SecondSession":
        """The same record and author over a second connection, for an import on a pool thread.

        The app's own connection keeps reading while it runs and sees only committed data: never
        half an import, nor one that is cancelled. Close it with `lock()` when the work is done.
        """
        if self._vault is None:
            raise RuntimeError("the record is locked")
        return SecondSession(self.folder, self.author, self._vault.second_connection())

    def person_name(self) -> str:
        return PersonRepository(self.db).name()

    def is_sample(self) -> bool:
        """Whether the record holds the invented sample (it says so inside, so its backups do too)."""
        return is_marked_sample(self.db)

    def mark_as_sample(self) -> None:
        mark_as_sample(self.db)

    def rename_person(self, name: str) -> None:
        PersonRepository(self.db).rename(name.strip(), self.author.id, utc_now())

    def check(self) -> CheckReport:
        return CheckReport(
            schema_version=migrations.schema_version(self.db),
            problems=tuple(integrity.integrity_problems(self.db)),
            counts=integrity.section_counts(self.db),
        )

    def lock(self) -> None:
        """Close the database and drop the key: nothing of the record stays in this object."""
        if self._vault is not None:
            try:
                purge_deleted(self._vault.db, utc_now())  # the undo window for deletions ends here
                purge_deleted_readings(self._vault.db)
            except Exception:  # noqa: BLE001 - full disk, a busy database...: purged at the next unlock instead
                pass
            finally:  # whatever happened, locking drops the connection and the key
                self._vault.close()
                self._vault = None
        self._author = None


class SecondSession:
    """What services need of a session (db, author, folder), over a connection of its own."""

    def __init__(self, folder: Path, author: Author, db: Database):
        self.folder = folder
        self._author: Author | None = author
        self._db: Database | None = db

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the record is locked")
        return self._db

    @property
    def author(self) -> Author:
        if self._author is None:
            raise RuntimeError("the record is locked")
        return self._author

    def person_name(self) -> str:
        return PersonRepository(self.db).name()

    def lock(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self._author = None
