"""One empty record per test run (per xdist worker), copied for every test that wants a fresh record.

Creating a record costs an Argon2id run and the migrations, unlocking it another Argon2id run: over
the whole suite that was most of its time. A copy of a record made once is what creation makes (the
same files, the same 0600 files in a 0700 folder, locked); only its record id, keys and recovery code
are the same as those of the other copies. Tests that need records apart from each other (two records
side by side, another record's key files or recovery code) still create them for real.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

from phr.access import records
from phr.access.session import RecordSession
from phr.storage import record_locks
from phr.storage.database import Database
from phr.storage.keys.kdf import Argon2Params
from phr.storage.keys.slots import KeyRing, KeySlot, SlotKeys
from phr.storage.open_vault import RECORD_FILE, OpenVault


@dataclass(frozen=True)
class TemplateRecord:
    """A locked record that is never opened again, and what the owner's passphrase opened in it."""

    folder: Path
    recovery_code: str
    ring: KeyRing
    owner_slot: KeySlot
    owner_keys: SlotKeys

    @classmethod
    def create(cls, folder: Path, name: str, passphrase: str, argon2: Argon2Params) -> "TemplateRecord":
        """Make the record for real and keep it at `folder` as creation left it; unlock a copy of it once
        with the passphrase, as the tests used to, for the keys (an unlock may leave files of its own, such
        as keys.lock, which a new record does not have: the template must not carry them)."""
        made = folder.with_name(folder.name + ".unlocked")
        created = records.create_record(made, name, passphrase, argon2=argon2)
        created.session.lock()
        copy_record(made, folder)
        opened = records.unlock_with_passphrase(made, passphrase)
        vault = opened.vault
        assert vault.keys is not None
        template = cls(Path(folder).absolute(), created.recovery_code, vault.ring, vault.slot, vault.keys)
        opened.lock()
        return template

    def copy_to(self, target: Path) -> Path:
        """A fresh record at `target` (absent or an empty folder), as creation would leave it."""
        return copy_record(self.folder, target)

    def open_copy(self, folder: Path) -> RecordSession:
        """A copy opened as the owner's passphrase opens it (the vault's unlock), without its Argon2id run.

        The owner slot was opened once, on the template; the copy has the same key files, so the same
        keys. The database itself is opened with that key for real: a wrong key still fails here.
        """
        folder = Path(folder).absolute()
        lock = record_locks.hold_open(folder)
        try:
            db = Database.open(folder / RECORD_FILE, self.owner_keys.data_key)
        except BaseException:
            lock.release()
            raise
        vault = OpenVault(folder, db, self.ring, self.owner_slot, self.owner_keys.data_key, self.owner_keys, lock)
        return RecordSession(vault)


def copy_record(source: Path, target: Path) -> Path:
    """A copy of the locked record at `source` at `target` (absent or an empty folder), modes kept.

    copytree copies with copy2 and ends with copystat: the files stay 0600 and the folder 0700, so a
    creation that made them less private still fails the tests that look. A target that holds files
    is refused: merging two records' files would leave one record's WAL beside the other's database.
    """
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    shutil.copytree(source, target, dirs_exist_ok=True)
    return target
