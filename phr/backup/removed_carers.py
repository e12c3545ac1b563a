"""Backups that a removed carer's passphrase still opens, and taking their key out (or the backups away).

Removing a carer changes the record's key, so their passphrase opens nothing new. But every backup
made while they were a carer holds their key slot, with the data key of its day: the one made just
before the key change, and the automatic ones before it. Their passphrase still opens those.

Two remedies, both without decrypting anything:
- take the key out: the backup's key file is rewritten without the removed carers' slots
  (phr.storage.backup_keys); the record inside stays as it was, under its old data key, and opens
  with the owner's passphrase or the recovery code of that day as before;
- delete the backup.

Neither reaches a copy that is not in a folder searched here (a USB stick not plugged in, a synced
folder on another computer, a copy sent to someone), nor a copy the carer made while they were one.
The wording the command line and the app use says so.

A "removed carer" here is any carer slot in a backup of this record that the record's key file no
longer has: so the search also works later, when the name is gone (`phr keys DIR clean-backups`).
"""

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from phr.access.session import RecordSession
from phr.backup import auto_backup
from phr.storage import backup_keys
from phr.storage.backups import SUFFIX
from phr.storage.errors import RecordDamaged, StorageFull, StorageUnavailable
from phr.storage.keys.slots import KeyRing


@dataclass(frozen=True)
class OldBackup:
    """A backup of this record that holds the key slot of one or more carers removed since."""

    path: Path
    removed_slots: frozenset[str]


@dataclass(frozen=True)
class Cleaned:
    changed: tuple[Path, ...] = ()  # the removed carers' keys taken out
    deleted: tuple[Path, ...] = ()
    failed: tuple[Path, ...] = ()   # damaged, read-only, disk full, gone: left as they were


def folders_to_search(session: RecordSession, backup_folder: Path | None = None) -> list[Path]:
    """Where this computer's backups of the record are: the automatic backup folder(s) this session used
    (the one a removal's backup went to), the given one, the default one, and the folder holding the
    record (a backup made before a restore lies beside it)."""
    candidates = [*([backup_folder] if backup_folder is not None else []), *sorted(session.backup_folders),
                  auto_backup.default_folder(), Path(session.folder).absolute().parent]
    unique: dict[Path, None] = {}
    for folder in candidates:
        with contextlib.suppress(OSError):
            unique.setdefault(Path(folder).expanduser().resolve(), None)
    return list(unique)


def find(session: RecordSession, folders: Iterable[Path]) -> list[OldBackup]:
    """The backups of this record in `folders` (not in their subfolders) that a removed carer opens."""
    ring = session.vault.ring
    found: list[OldBackup] = []
    for folder in folders:
        for path in _backup_files(Path(folder)):
            stale = _removed_carers_in(path, ring)
            if stale:
                found.append(OldBackup(path, stale))
    return found


def take_keys_out(old: Sequence[OldBackup]) -> Cleaned:
    """Rewrite each backup without its removed carers' slots; a failure leaves that file as it was."""
    changed, failed = [], []
    for backup in old:
        try:
            backup_keys.remove_carer_slots(backup.path, backup.removed_slots)
        except (RecordDamaged, StorageFull, StorageUnavailable, OSError):
            failed.append(backup.path)
        else:
            changed.append(backup.path)
    return Cleaned(changed=tuple(changed), failed=tuple(failed))


def delete(old: Sequence[OldBackup]) -> Cleaned:
    deleted, failed = [], []
    for backup in old:
        try:
            backup.path.unlink()
        except OSError:
            failed.append(backup.path)
        else:
            deleted.append(backup.path)
    return Cleaned(deleted=tuple(deleted), failed=tuple(failed))


def _backup_files(folder: Path) -> list[Path]:
    try:
        return sorted(path for path in folder.glob(f"*{SUFFIX}") if path.is_file())
    except OSError:
        return []  # a folder that is gone or unreadable holds nothing we can reach


def _removed_carers_in(path: Path, ring: KeyRing) -> frozenset[str]:
    try:
        _manifest, held = backup_keys.backup_keys(path)
    except (RecordDamaged, OSError):
        return frozenset()  # not a backup we can read: not ours to judge
    if held.record_id != ring.record_id:
        return frozenset()
    return frozenset(backup_keys.carer_slots(held) - backup_keys.carer_slots(ring))
