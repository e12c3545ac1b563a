"""A backup file's key slots, read and rewritten without opening the record inside it.

Used to take a removed carer's key slot out of older backups. The record.db inside stays byte for
byte what it was: still encrypted under the data key of its day, never decrypted, so no plain data
is ever written. Only keys.json changes, and the file gets a new checksum. The old file is checked
whole first, so a damaged backup never receives a checksum that would hide its damage; the new file
is written beside it (hidden, 0600, synced), checked whole again, and renamed over the old one.
A crash leaves the old file or the new one, and at worst a hidden `.NAME.*.rewrite` file beside it.
"""

import secrets
from collections.abc import Collection
from pathlib import Path

from phr.storage.atomic import fsync_dir, replace
from phr.storage.backup_archive import MEMBERS, Manifest, manifest_of, member_reader, not_a_backup, opened_archive
from phr.storage.backups import _disk_errors, check_whole_file, ring_in, write_archive
from phr.storage.errors import BackupDamaged
from phr.storage.keys import slots as keyslots
from phr.storage.keys.slots import KeyRing
from phr.storage.vocabulary import SlotKind

REWRITE_SUFFIX = "rewrite"


def backup_keys(path: Path) -> tuple[Manifest, KeyRing]:
    """The manifest and key ring of a backup: cheap (the record inside is not read). BackupDamaged
    (or RecordFromNewerVersion) when the file is not a backup we can read."""
    path = Path(path)
    with opened_archive(path) as tar:
        members = tar.getmembers()
        manifest = manifest_of(path, tar, members)
        if tuple(member.name for member in members) != MEMBERS:
            raise not_a_backup(path)
        return manifest, ring_in(path, tar, members[1], manifest)


def carer_slots(ring: KeyRing) -> set[str]:
    return {slot.slot_id for slot in ring.slots if slot.kind == SlotKind.CARER}


def remove_carer_slots(path: Path, slot_ids: Collection[str]) -> bool:
    """Rewrite the backup at `path` without the carer slots `slot_ids`; False when it held none of them.

    Only carer slots are ever taken out: the owner's and the recovery code's stay, so the backup
    opens with them as before. BackupDamaged when the file fails its checksum (nothing changed).
    """
    path = Path(path).absolute()
    staged = path.with_name(f".{path.name}.{secrets.token_hex(6)}.{REWRITE_SUFFIX}")
    try:
        with opened_archive(path) as tar:
            members = tar.getmembers()
            manifest = manifest_of(path, tar, members)
            check_whole_file(path, tar, members)
            ring = ring_in(path, tar, members[1], manifest)
            kept = tuple(s for s in ring.slots if not (s.kind == SlotKind.CARER and s.slot_id in slot_ids))
            if len(kept) == len(ring.slots):
                return False
            keys_json = keyslots.to_json(KeyRing(ring.record_id, ring.sequence, kept))
            with _disk_errors("backup"):
                write_archive(staged, manifest, keys_json, member_reader(path, tar, members[2]), members[2].size)
        _check_rewritten(staged, path, keys_json)
        with _disk_errors("backup"):
            replace(staged, path)  # after the old file is closed: Windows renames over no open file
            fsync_dir(path.parent)
    finally:
        staged.unlink(missing_ok=True)
    return True


def _check_rewritten(staged: Path, path: Path, keys_json: bytes) -> None:
    """The new file, read back from the disk, is a whole backup holding exactly the new keys."""
    with opened_archive(staged) as tar:
        members = tar.getmembers()
        manifest = manifest_of(staged, tar, members)
        check_whole_file(staged, tar, members)
        if keyslots.to_json(ring_in(staged, tar, members[1], manifest)) != keys_json:
            raise BackupDamaged(f"The backup file {path} could not be rewritten correctly. Nothing was changed.")

