"""The two copies of the key file: keys.json and keys.bak.json.

Both are written atomically and carry a sequence number. On reading, the newer
valid copy wins; the other is repaired, but only after an unlock succeeded, so a
failed unlock never changes a byte on disk.
"""

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from phr.storage import record_locks
from phr.storage.atomic import write_atomic
from phr.storage.errors import KeysChanged, RecordDamaged, RecordFromNewerVersion, RecordMissing
from phr.storage.keys import slots as keyslots
from phr.storage.keys.checked_json import KeyFileInvalid
from phr.storage.keys.slots import KeyRing

PRIMARY = "keys.json"
BACKUP = "keys.bak.json"


class CopyState(StrEnum):
    """What a copy of the key file holds when it holds no usable key ring."""

    MISSING = "missing"
    INVALID = "invalid"
    NEWER = "newer"  # a key file of a newer Regie: never used, never repaired over



@dataclass(frozen=True)
class LoadedKeys:
    ring: KeyRing
    stale_copies: tuple[Path, ...]  # copies that are missing, damaged or older than `ring`


class KeyFiles:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @property
    def paths(self) -> tuple[Path, Path]:
        return self.folder / PRIMARY, self.folder / BACKUP

    def load(self) -> LoadedKeys:
        copies = {path: _read(path) for path in self.paths}
        valid = [ring for ring in copies.values() if isinstance(ring, KeyRing)]
        if not valid:
            _raise_for_no_valid_copy(self.folder, list(copies.values()))
        if len({ring.record_id for ring in valid}) > 1:
            raise RecordDamaged(f"The two key files in {self.folder} belong to different records.")
        best = max(valid, key=lambda ring: ring.sequence)  # max() keeps the first (primary) on a tie
        stale = tuple(path for path, ring in copies.items() if ring != best and ring != CopyState.NEWER)
        return LoadedKeys(best, stale)

    def write_new(self, ring: KeyRing) -> None:
        """Write the first key files of a new record."""
        for path in self.paths:
            write_atomic(path, keyslots.to_json(ring))

    def save(self, previous: KeyRing, ring: KeyRing) -> KeyRing:
        """Store `ring` as the successor of `previous`: primary first, then the backup.

        Compare and write happen under the folder's key lock: if the files on disk are no longer
        `previous` (a change saved meanwhile by another window or program, e.g. a recovery code
        just shown there), nothing is written and KeysChanged says so. A crash between the two
        writes leaves one copy new and one old; the newer one wins.
        """
        successor = replace(ring, sequence=previous.sequence + 1)
        with record_locks.changing_keys(self.folder):
            if self.load().ring.sequence != previous.sequence:
                raise KeysChanged("The key files changed while this change was being made. Lock the record, "
                                  "open it again and try once more. Nothing was changed: the record opens as before.")
            for path in self.paths:
                write_atomic(path, keyslots.to_json(successor))
        return successor

    def repair(self, loaded: LoadedKeys) -> None:
        """Write the winning ring over the stale copies, unless another program saved a change since."""
        with record_locks.changing_keys(self.folder):
            if self.load().ring != loaded.ring:
                return  # a newer ring landed meanwhile: repairing with ours would overwrite its only copy
            for path in loaded.stale_copies:
                write_atomic(path, keyslots.to_json(loaded.ring))


def _raise_for_no_valid_copy(folder: Path, states: list[KeyRing | CopyState]) -> None:
    if all(state == CopyState.MISSING for state in states):
        raise RecordMissing(f"No key file found in {folder}.")
    if CopyState.NEWER in states:
        raise RecordFromNewerVersion("The key files were written by a newer version of Regie. Update Regie.")
    raise RecordDamaged(f"Both key files in {folder} are damaged. Restore the record from a backup.")


def _read(path: Path) -> KeyRing | CopyState:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return CopyState.MISSING
    except OSError:
        return CopyState.INVALID
    try:
        return keyslots.from_json(raw)
    except KeyFileInvalid:
        return CopyState.INVALID
    except RecordFromNewerVersion:
        return CopyState.NEWER
