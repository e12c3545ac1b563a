"""An unlocked record as the storage layer hands it out: its own module, so the key-change code and the
vault that opens records can both use it without importing each other."""

from dataclasses import dataclass, field
from pathlib import Path

from phr.storage.database import Database
from phr.storage.keys.slots import KeyRing, KeySlot, SlotKeys
from phr.storage.record_locks import OpenLock

RECORD_FILE = "record.db"


@dataclass
class OpenVault:
    """An unlocked record: the open database, its key ring and the slot that opened it."""

    folder: Path
    db: Database
    ring: KeyRing
    slot: KeySlot
    data_key: bytes = field(default=b"", repr=False)  # for a second connection; dropped at close
    keys: SlotKeys | None = field(default=None, repr=False)  # what the slot opened; dropped at close
    open_lock: OpenLock | None = field(default=None, repr=False)  # shared: no restore replaces the folder

    @property
    def owner_key(self) -> bytes | None:
        """The owner's private key: only when unlocked by the owner's or the recovery code's version-2 slot."""
        return self.keys.owner_private if self.keys else None

    def second_connection(self) -> Database:
        """The record over its own connection, for work on another thread (WAL: each sees committed data)."""
        if not self.data_key:
            raise RuntimeError("the record is locked")
        return Database.open(self.folder / RECORD_FILE, self.data_key)

    def close(self) -> None:
        self.data_key = b""
        self.keys = None
        try:
            self.db.close()
        finally:
            if self.open_lock is not None:
                self.open_lock.release()
                self.open_lock = None
