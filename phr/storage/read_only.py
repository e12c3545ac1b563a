"""Why a record is open read-only, what a refused write says, and how SQLite opens it so.

A record that cannot be written (a CD, a write-protected stick, a folder without write permission) or
must not be (a sync service left a conflict copy beside it) opens read-only: reading, checking and
exporting work, and every write is refused with RecordReadOnly, which says why.
"""

import os
from enum import StrEnum
from pathlib import Path

from phr.storage.errors import StorageUnavailable

WAL_SUFFIX, SHM_SUFFIX = "-wal", "-shm"


class ReadOnly(StrEnum):
    """Why a record is open read-only."""

    MEDIA = "media"  # its folder or files cannot be written: a CD, a write-protected stick, no permission
    CONFLICT = "conflict"  # a sync service left a conflict copy beside it: nothing more may drift apart


class RecordReadOnly(StorageUnavailable):
    """A write to a record that is open read-only; the message says why."""

    def __init__(self, reason: ReadOnly, message: str | None = None):
        super().__init__(message or _READ_ONLY_TEXT[reason])
        self.reason = reason


_READ_ONLY_TEXT = {
    ReadOnly.MEDIA: "This record is read-only: its folder or files cannot be written (a CD, a write-protected "
                    "USB stick, or no permission). It can be viewed, checked and exported, not changed. "
                    "Nothing was changed.",
    ReadOnly.CONFLICT: "This record is open read-only: a sync service left a conflict copy of its files in the "
                       "record folder. Move that copy out of the folder to change the record again. "
                       "Nothing was changed.",
}


def media_read_only(path: Path) -> bool:
    """This process cannot write the file or its folder. The operating system answers for this user: root may
    write where the permissions say no (and then can); a read-only file system says no to everyone."""
    return not all(os.access(place, os.W_OK) for place in (path.parent, path))


def read_only_mode(path: Path, reason: ReadOnly) -> str:
    """How SQLite opens a record read-only (its URI parameters).

    WAL needs the -shm index beside the file, made by the first reader. On media nobody can write
    (`immutable=1`) SQLite reads the main file alone: right when no log is left (a record closed
    properly), wrong when one is (the log's pages would go unseen). A log with its index is read
    with `mode=ro`; a log without one cannot be read where nothing can be written.
    """
    if reason is not ReadOnly.MEDIA:
        return "mode=ro"  # the folder can be written: SQLite makes the index as for any reader
    wal, shm = Path(f"{path}{WAL_SUFFIX}"), Path(f"{path}{SHM_SUFFIX}")
    if not wal.exists() or wal.stat().st_size == 0:
        return "mode=ro&immutable=1"
    if shm.exists():
        return "mode=ro"
    raise StorageUnavailable(f"The record at {path.parent} was not closed properly and cannot be opened where "
                             "nothing can be written (its log has no index). Copy the record folder to your "
                             "computer and open the copy. Nothing was changed.")
