"""An unlocked record as the storage layer hands it out: its own module, so the key-change code and the
vault that opens records can both use it without importing each other.

The secrets it holds (the data key, and what the slot opened: its key-encryption key, private key and
the owner's private key) live in bytearrays of its own, overwritten with zeros at `close()`. Whoever
asks for them gets a copy (`bytes`) to use at once; nobody outside holds the buffers, so wiping them
breaks nobody, and a copy kept elsewhere (a test's, a worker's) is not wiped with them.
docs/security-memory.md says what Python leaves behind regardless.
"""

from pathlib import Path

from phr.storage.database import Database
from phr.storage.keys.secret import held, wipe
from phr.storage.keys.slots import KeyRing, KeySlot, SlotKeys
from phr.storage.record_locks import OpenLock

RECORD_FILE = "record.db"


class _HeldKeys:
    """What a slot opened (SlotKeys), each secret in a bytearray of its own."""

    def __init__(self, keys: SlotKeys):
        self.data_key, self.next_key, self.kek = held(keys.data_key), held(keys.next_key), held(keys.kek)
        self.private_part, self.owner_private = held(keys.private_part), held(keys.owner_private)

    def copy(self) -> SlotKeys:
        return SlotKeys(data_key=bytes(_present(self.data_key)), next_key=_copy(self.next_key),
                        kek=bytes(_present(self.kek)), private_part=_copy(self.private_part),
                        owner_private=_copy(self.owner_private))

    def wipe(self) -> None:
        for buffer in (self.data_key, self.next_key, self.kek, self.private_part, self.owner_private):
            wipe(buffer)


class OpenVault:
    """An unlocked record: the open database, its key ring and the slot that opened it."""

    def __init__(self, folder: Path, db: Database, ring: KeyRing, slot: KeySlot, data_key: bytes = b"",
                 keys: SlotKeys | None = None, open_lock: OpenLock | None = None):
        self.folder, self.db, self.ring, self.slot = folder, db, ring, slot
        self.open_lock = open_lock  # shared: no restore replaces the folder
        self._data_key = bytearray()
        self._keys: _HeldKeys | None = None
        self.data_key, self.keys = data_key, keys

    def __repr__(self) -> str:  # never the keys
        return f"OpenVault({self.folder!r}, slot={self.slot.slot_id!r})"

    @property
    def data_key(self) -> bytes:
        """A copy of the data key, for a second connection; empty once closed."""
        return bytes(self._data_key)

    @data_key.setter
    def data_key(self, key: bytes) -> None:
        wipe(self._data_key)
        self._data_key = bytearray(key)

    @property
    def keys(self) -> SlotKeys | None:
        """A copy of what the slot opened; None once closed."""
        return self._keys.copy() if self._keys is not None else None

    @keys.setter
    def keys(self, keys: SlotKeys | None) -> None:
        if self._keys is not None:
            self._keys.wipe()
        self._keys = _HeldKeys(keys) if keys is not None else None

    @property
    def owner_key(self) -> bytes | None:
        """The owner's private key: only when unlocked by the owner's or the recovery code's version-2 slot."""
        owner_private = self._keys.owner_private if self._keys is not None else None
        return bytes(owner_private) if owner_private is not None else None

    def for_worker(self) -> "OpenVault":
        """The same record for a worker thread, with copies of the keys (its own to wipe) and no open lock."""
        return OpenVault(self.folder, self.db, self.ring, self.slot, self.data_key, self.keys, None)

    def second_connection(self) -> Database:
        """The record over its own connection, for work on another thread (WAL: each sees committed data)."""
        if not self._data_key:
            raise RuntimeError("the record is locked")
        # Read-only as the record is (a conflict copy beside it): an import on a worker thread must not write either.
        return Database.open(self.folder / RECORD_FILE, self.data_key, read_only=self.db.read_only)

    def forget_keys(self) -> None:
        """Overwrite every secret held here with zeros and drop it."""
        self.data_key = b""
        self.keys = None

    def close(self) -> None:
        self.forget_keys()
        try:
            self.db.close()
        finally:
            if self.open_lock is not None:
                self.open_lock.release()
                self.open_lock = None


def _copy(buffer: bytearray | None) -> bytes | None:
    return bytes(buffer) if buffer is not None else None


def _present(buffer: bytearray | None) -> bytearray:
    if buffer is None:
        raise ValueError("a slot always opens a data key and a key-encryption key")
    return buffer
