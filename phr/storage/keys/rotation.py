"""Rotating the data key: after it, a removed slot's secret (even with an old keys.json) opens nothing new.

The remaining slots' secrets are unknown here (a carer's passphrase, the recovery
code), so the new key is sealed to each slot's public key (keyslots, slot_keys).
The steps, each leaving a record that opens with every remaining secret:

1. record.db goes to rollback-journal mode (a rekey must not sit half in a WAL) and
   a safety copy of record.db and the key files is made in backups/;
2. key ring N+1: the remaining slots, each with a "next" sealing of the new key (the
   removed slot is gone from here on);
3. `PRAGMA rekey`: one SQLite transaction; a crash inside it is rolled back by the
   journal at the next open, under the old key;
4. key ring N+2: the new key sealed afresh as each slot's data key, no "next" left;
   the safety copy goes (it holds the removed slot).

A crash after 2 is finished by the next unlock (vault.unlock -> finish): the slot's
"next" key opens record.db, or, before step 3 committed, the old one does and the
unlock re-encrypts. Nothing needs a secret other than the one unlocking.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from phr.storage.atomic import PRIVATE_DIR, copy_atomic, fsync_dir
from phr.storage.database import Database
from phr.storage.errors import KeyNotRotatable, KeysChanged, RecordInUse, StorageFull, VaultError
from phr.storage.keys import change as keychange
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import BACKUP, PRIMARY, KeyFiles
from phr.storage.keys.slots import KeyRing
from phr.storage.open_vault import RECORD_FILE, OpenVault
from phr.storage.vocabulary import SlotKind

BACKUP_FOLDER = "backups"
BACKUP_PREFIX = "before-key-rotation-"
NOTHING_CHANGED = keychange.NOTHING_CHANGED


@dataclass(frozen=True)
class Rotated:
    ring: KeyRing  # the key ring on disk now
    finished: bool  # False: record.db is re-encrypted, but the key files finish at the next unlock


def rotate(opened: OpenVault, removed_slot_id: str, known_carers: set[str]) -> Rotated:
    """Drop slot `removed_slot_id` and re-encrypt record.db under a new data key.

    Only the owner's two slots and the carers in `known_carers` (slot ids the record names)
    receive the new key: a carer slot that someone with write access to the folder slipped
    into keys.json is dropped here, never sealed to.

    Needs the owner key (a session opened by the owner's or the recovery code's slot). Raises before anything changed: KeyNotRotatable, RecordInUse, KeysChanged, StorageFull,
    StorageUnavailable. Raises StorageFull/StorageUnavailable with "finished the next time"
    when only step 3 failed: the removed slot is gone, the rest opens as before.
    """
    files = KeyFiles(opened.folder)
    ring = keychange.current_ring(files, opened)  # KeysChanged also while a rotation is unfinished
    new_key = keyslots.new_data_key()
    staged = _staged_ring(ring, removed_slot_id, new_key, _owner_key_of(opened), known_carers)
    _leave_wal(opened.db)
    try:
        backup = _back_up(opened.folder)
        pending = _save_pending(files, ring, staged, backup)
    except BaseException:
        _return_to_wal(opened.db)
        raise
    _follow(opened, pending)
    _rekey(opened, new_key)
    return Rotated(*_finish_keys(files, opened))


# --- on a worker thread -------------------------------------------------------------------------
# Re-encrypting a large record takes seconds. A SQLite connection belongs to the thread that opened
# it, so the session's thread closes its connection (detach), a worker rotates over one of its own
# (rotate_detached), and the session's thread opens again under whatever key record.db has (reattach).

def detach(opened: OpenVault) -> OpenVault:
    """On the session's thread: its connection closes; the copy returned is for the worker, which opens its own."""
    opened.db.close()
    return opened.for_worker()


def rotate_detached(worker: OpenVault, removed_slot_id: str, known_carers: set[str]) -> Rotated:
    """On the worker: `rotate` over a connection of the worker's own, closed again afterwards."""
    worker.db = Database.open(Path(worker.folder) / RECORD_FILE, worker.data_key)
    try:
        return rotate(worker, removed_slot_id, known_carers)
    finally:
        worker.db.close()


def reattach(opened: OpenVault, worker: OpenVault) -> None:
    """Back on the session's thread, whatever happened: the worker's keys and ring, a new connection."""
    opened.ring, opened.slot, opened.data_key, opened.keys = worker.ring, worker.slot, worker.data_key, worker.keys
    worker.forget_keys()  # the worker's copies: the session holds the keys again
    opened.db = Database.open(Path(opened.folder) / RECORD_FILE, opened.data_key)


def finish(opened: OpenVault, next_key: bytes | None) -> None:
    """At unlock: complete a rotation a crash interrupted. Best effort; the record is open either way."""
    if next_key is None:
        return  # the slot that unlocked has no next key: only an unlock with another slot can finish
    try:
        if opened.data_key != next_key:  # step 3 never committed: record.db is under the old key
            _leave_wal(opened.db)
            _rekey(opened, next_key)
        if opened.owner_key is not None:  # promoting seals afresh: a carer's unlock leaves that to the owner
            _finish_keys(KeyFiles(opened.folder), opened)
    except (VaultError, OSError):
        pass  # a full disk, a read-only folder, a second window: the next unlock tries again


def _owner_key_of(opened: OpenVault) -> bytes:
    if opened.owner_key is None:
        raise KeyNotRotatable("Only the owner's passphrase or the recovery code can change the record's key. "
                              f"{NOTHING_CHANGED}")
    return opened.owner_key


def _staged_ring(ring: KeyRing, removed_slot_id: str, new_key: bytes, owner_key: bytes,
                 known_carers: set[str]) -> KeyRing:
    """Ring N+1: every slot but the removed one (and unknown carer slots), each also holding the new key."""
    if all(slot.slot_id != removed_slot_id for slot in ring.slots):
        raise ValueError("no removable slot with that id")
    kept = [slot for slot in ring.slots if slot.slot_id != removed_slot_id
            and (slot.kind != SlotKind.CARER or slot.slot_id in known_carers)]
    if not any(s.kind == SlotKind.OWNER for s in kept):
        raise ValueError("no removable slot with that id")
    if any(slot.version == 1 for slot in kept):  # phr.access.carers upgrades every slot before the first carer
        raise KeyNotRotatable(f"A key of an older version of Regie cannot receive the new key. {NOTHING_CHANGED}")
    return KeyRing(ring.record_id, ring.sequence,
                   tuple(keyslots.with_next(ring.record_id, slot, new_key, owner_key) for slot in kept))


# --- the steps ---------------------------------------------------------------------------------

def _leave_wal(db: Database) -> None:
    """Rollback-journal mode for the rekey; refused while any other connection has the record open."""
    try:
        db.checkpoint()
        mode = db.pragma_value("journal_mode = DELETE")
    except VaultError:
        raise
    except Exception:  # SQLITE_BUSY / LOCKED from the other connection; the text is SQLite's own
        mode = None
    if mode != "delete":
        _return_to_wal(db)
        raise RecordInUse("The record is open elsewhere (another window, program or an import). Close it there "
                          f"and try again. {NOTHING_CHANGED}")


def _return_to_wal(db: Database) -> None:
    with contextlib.suppress(Exception):  # Database.open sets WAL again at the next unlock anyway
        db.pragma_value("journal_mode = WAL")


def _back_up(folder: Path) -> Path:
    """Step 1: a copy to restore by hand should everything else fail (still encrypted)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = folder / BACKUP_FOLDER / f"{BACKUP_PREFIX}{stamp}-{secrets.token_hex(3)}"
    try:
        (folder / BACKUP_FOLDER).mkdir(mode=PRIVATE_DIR, exist_ok=True)
        target.mkdir(mode=PRIVATE_DIR)
        for name in (RECORD_FILE, PRIMARY, BACKUP):
            if (folder / name).exists():
                copy_atomic(folder / name, target / name)
    except OSError as error:
        shutil.rmtree(target, ignore_errors=True)
        if error.errno in keychange.FULL_ERRNOS:
            raise StorageFull(f"There is no room for the safety copy made before re-encrypting the record. "
                              f"{NOTHING_CHANGED}") from None
        raise keychange.storage_error(error) from None
    return target


def _save_pending(files: KeyFiles, ring: KeyRing, staged: KeyRing, backup: Path) -> KeyRing:
    """Step 2. A failed write: if keys.json was replaced, the rotation has begun and goes on."""
    try:
        return files.save(ring, staged)  # KeysChanged: e.g. a recovery code just shown elsewhere
    except OSError as error:
        failure = error
    except BaseException:
        shutil.rmtree(backup, ignore_errors=True)
        raise
    with contextlib.suppress(VaultError, OSError):
        on_disk = files.load().ring
        if on_disk.sequence == ring.sequence + 1 and on_disk.rotating:
            return on_disk
    shutil.rmtree(backup, ignore_errors=True)
    raise keychange.storage_error(failure) from None


def _rekey(opened: OpenVault, new_key: bytes) -> None:
    """Step 3. On failure the connection is opened again under whichever key record.db now has."""
    try:
        opened.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")  # built from bytes only
        opened.db.query("SELECT count(*) FROM sqlite_master")
    except BaseException as error:
        _reopen(opened, new_key)
        if isinstance(error, VaultError):
            raise type(error)("The record could not be re-encrypted; it opens as before, and this is "
                              f"finished the next time it is opened ({error})") from None
        raise
    opened.data_key = new_key
    _return_to_wal(opened.db)


def _reopen(opened: OpenVault, new_key: bytes) -> None:
    with contextlib.suppress(Exception):
        opened.db.close()
    folder = Path(opened.folder)
    try:
        opened.db = Database.open(folder / RECORD_FILE, opened.data_key)
    except VaultError:
        opened.db = Database.open(folder / RECORD_FILE, new_key)
        opened.data_key = new_key


def _finish_keys(files: KeyFiles, opened: OpenVault) -> tuple[KeyRing, bool]:
    """Step 4: ring N+2, the next keys promoted; then the safety copy goes."""
    ring = opened.ring  # record.db is under the new key now: it is opened.data_key
    final = KeyRing(ring.record_id, ring.sequence, tuple(
        keyslots.promoted(ring.record_id, slot, opened.data_key, _owner_key_of(opened)) for slot in ring.slots))
    try:
        stored = files.save(ring, final)
    except (OSError, KeysChanged, RecordInUse):
        # After the rekey nothing can be called back: the disk says how far it got (another window
        # that unlocked meanwhile may have finished step 4 itself). Never "nothing was changed" here.
        stored = _on_disk(files, ring)
    if stored.rotating or opened.slot.slot_id not in {slot.slot_id for slot in stored.slots}:
        return stored, False  # record.db opens with each slot's next key until the next unlock finishes
    _follow(opened, stored)
    _remove_safety_copies(Path(opened.folder))
    return stored, True


def _on_disk(files: KeyFiles, fallback: KeyRing) -> KeyRing:
    try:
        return files.load().ring
    except (VaultError, OSError):
        return fallback


def _follow(opened: OpenVault, ring: KeyRing) -> None:
    """`opened` speaks for the same slot id in the new ring (keychange checks it is there)."""
    opened.ring = ring
    opened.slot = next(slot for slot in ring.slots if slot.slot_id == opened.slot.slot_id)


def _remove_safety_copies(folder: Path) -> None:
    for copy in (folder / BACKUP_FOLDER).glob(f"{BACKUP_PREFIX}*"):
        shutil.rmtree(copy, ignore_errors=True)
    with contextlib.suppress(OSError):
        fsync_dir(folder / BACKUP_FOLDER)
