"""Changing how a record is unlocked: a new passphrase, a new recovery code, a carer's new slot.

Only the key files change: the same data key is wrapped again under the new
secret, so record.db is not rewritten. KeyFiles.save writes keys.json first and
keys.bak.json second, each atomically and with the next sequence number, and the
newer valid copy wins. So the change happens at one instant, when keys.json is
replaced: a crash before it leaves the old secret working, a crash after it the
new one, and every other slot (the recovery code, the carers) is carried over
unchanged either way.
"""

from __future__ import annotations

import contextlib
import errno
import time
from dataclasses import dataclass
from pathlib import Path

from phr.storage.errors import KeyNotRotatable, KeysChanged, SlotLimit, StorageFull, StorageUnavailable, VaultError
from phr.storage.keys import slots as keyslots
from phr.storage.keys import slots_v1 as keyslots_v1
from phr.storage.keys.files import BACKUP, PRIMARY, KeyFiles
from phr.storage.keys.kdf import Argon2Params
from phr.storage.keys.secret import Secret
from phr.storage.keys.slots import KeyRing, KeySlot
from phr.storage.open_vault import OpenVault
from phr.storage.vocabulary import SlotKind

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
STALE_TEMP_SECONDS = 3600
NOTHING_CHANGED = "Nothing was changed: the record opens as before."


@dataclass(frozen=True)
class KeyChange:
    slot: KeySlot  # the new slot
    ring: KeyRing  # the key ring now on disk
    both_copies: bool  # False: only keys.json holds it yet; keys.bak.json is repaired at the next unlock


def change_passphrase(opened: OpenVault, new_secret: Secret, argon2: Argon2Params) -> KeyChange:
    """Wrap the data key under `new_secret` in place of the passphrase slot `opened` speaks for.

    That is the slot that unlocked it (owner or carer), or the owner's when the recovery code
    did. The slot keeps its id, because entries name their author by it. `opened` follows the
    change, so a second change in the same session works too.
    """
    files = KeyFiles(opened.folder)
    ring = _current_ring(files, opened)
    old = ring.owner if opened.slot.kind == SlotKind.RECOVERY else opened.slot
    if old.kind == SlotKind.CARER and old.version == 2:
        # A carer has no owner key: their key pair and sealings stay, only the wrapping changes.
        new = keyslots.rewrapped(ring.record_id, old, new_secret, _private_part(opened), argon2)
    else:
        new = _owner_slot(opened, ring, old.kind, new_secret, argon2, slot_id=old.slot_id)
    return _store(files, opened, ring, {old: new})


def replace_recovery_code(opened: OpenVault, new_code_secret: Secret) -> KeyChange:
    """A new recovery slot in place of the old one: from now on only the new code opens the record."""
    files = KeyFiles(opened.folder)
    ring = _current_ring(files, opened)
    new = _owner_slot(opened, ring, SlotKind.RECOVERY, new_code_secret)
    old = ring.slot_of_kind(SlotKind.RECOVERY)
    if old is None:  # only a hand-made key file lacks one: the new code is added
        return _store(files, opened, ring, {}, added=new)
    return _store(files, opened, ring, {old: new})


def _private_part(opened: OpenVault) -> bytes:
    """The private key and anchor of the version-2 slot that opened the record."""
    if opened.keys is None or opened.keys.private_part is None:
        raise RuntimeError("the record is locked")
    return opened.keys.private_part


def _owner_slot(opened: OpenVault, ring: KeyRing, kind: SlotKind, secret: Secret,
                argon2: Argon2Params | None = None, slot_id: str | None = None) -> KeySlot:
    """A new owner or recovery slot: version 2 when the session holds the owner key, else version 1.

    A session without the owner key was opened by a version-1 slot; a ring with carers has
    only version-2 slots (phr.access.carers gives both owner slots the owner key first), so a
    version-1 slot written here never leaves a carer unable to receive a new key.
    """
    if opened.owner_key is not None:
        return keyslots.seal(ring.record_id, kind, secret, opened.data_key, argon2, slot_id,
                             owner_private=opened.owner_key)
    if any(slot.version == 2 for slot in ring.slots):
        raise KeyNotRotatable(f"This key file needs the owner's key, which this way of opening does not hold. "
                              f"Open the record with the owner's passphrase and try again. {NOTHING_CHANGED}")
    return keyslots_v1.seal(ring.record_id, kind, secret, opened.data_key, argon2, slot_id)


def add_slot(opened: OpenVault, slot: KeySlot, replacing: dict[KeySlot, KeySlot] | None = None) -> KeyChange:
    """A new slot (a carer's) beside the others, holding the data key `opened` has: nothing is re-encrypted.

    `replacing` swaps slots in the same write (a version-1 record getting the owner key).
    """
    files = KeyFiles(opened.folder)
    ring = _current_ring(files, opened)
    if len(ring.slots) >= keyslots.MAX_SLOTS:
        raise SlotLimit(f"A record can have at most {keyslots.MAX_SLOTS} keys. {NOTHING_CHANGED}")
    return _store(files, opened, ring, dict(replacing or {}), added=slot)


def current_ring(files: KeyFiles, opened: OpenVault) -> KeyRing:
    return _current_ring(files, opened)


def _current_ring(files: KeyFiles, opened: OpenVault) -> KeyRing:
    """The ring on disk, provided the slot that unlocked `opened` is still in it, unchanged.

    Only then is `opened.data_key` sure to be the key the other slots wrap: after a change made
    meanwhile in another program (a rotated data key), wrapping ours again would lock the record.
    """
    if not opened.data_key:
        raise RuntimeError("the record is locked")
    ring = files.load().ring
    if ring.record_id != opened.ring.record_id or opened.slot not in ring.slots:
        raise KeysChanged("The key files changed after the record was opened. "
                          f"Lock the record, open it again and try once more. {NOTHING_CHANGED}")
    if ring.rotating:  # a slot written now would miss the new data key (unlocking finishes the rotation)
        raise KeysChanged("A change of the record's key is not finished. "
                          f"Lock the record, open it again and try once more. {NOTHING_CHANGED}")
    return ring


def _replaced(ring: KeyRing, changes: dict[KeySlot, KeySlot], added: KeySlot | None) -> KeyRing:
    """`ring` with each changed slot in the place of the old one (order kept), plus `added` at the end."""
    slots = tuple(changes.get(slot, slot) for slot in ring.slots) + ((added,) if added else ())
    return KeyRing(ring.record_id, ring.sequence, slots)


def _store(files: KeyFiles, opened: OpenVault, ring: KeyRing, changes: dict[KeySlot, KeySlot],
           added: KeySlot | None = None) -> KeyChange:
    new = added or next(iter(changes.values()))
    try:
        stored, both_copies = files.save(ring, _replaced(ring, changes, added)), True
    except OSError as error:
        stored, both_copies = _landed_anyway(files, ring, new, error), False
    opened.ring = stored
    opened.slot = changes.get(opened.slot, opened.slot)
    _remove_stale_temp_files(files.folder)
    return KeyChange(new, stored, both_copies)


def _landed_anyway(files: KeyFiles, previous: KeyRing, new: KeySlot, error: OSError) -> KeyRing:
    """After a failed write, the disk decides: if keys.json was replaced, the change has happened.

    The newer copy wins, so it is what the next unlock sees; saying "nothing changed" then would
    send the user to a passphrase that no longer works. Otherwise: a clear error, nothing changed.
    """
    try:
        on_disk = files.load().ring
    except (VaultError, OSError):
        on_disk = previous
    if on_disk.sequence == previous.sequence + 1 and new in on_disk.slots:
        return on_disk
    raise storage_error(error) from None


def storage_error(error: OSError) -> VaultError:
    """The vault error for a key file that could not be written (the OS text, never a name)."""
    if error.errno in FULL_ERRNOS:
        return StorageFull(f"The key file could not be written: the disk is full. {NOTHING_CHANGED}")
    reason = error.strerror or "no access"
    return StorageUnavailable(f"The key file could not be written ({reason}). {NOTHING_CHANGED}")


def _remove_stale_temp_files(folder: Path) -> None:
    """Temp files left by a crash mid-write hold a key ring that never took effect: remove them.

    Only old ones: a young one may belong to a write that another program has under way.
    """
    for name in (PRIMARY, BACKUP):
        for leftover in folder.glob(f".{name}.*.tmp"):
            with contextlib.suppress(OSError):
                if time.time() - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                    leftover.unlink()
