"""Automatic backups: when one is due, making it with rotation, and the one made before a rekey.

After every unlock the app asks `run_if_due`: when the newest automatic backup of this record in
the backup folder is 24 hours old or more (or there is none), it makes one and removes the
oldest beyond the number kept. A backup that cannot be made (the USB stick is not plugged in,
the disk is full, the folder is read-only) is reported as a problem, never raised: the person
goes on working and the next unlock tries again. `backup_before` is the strict one: a rekey or
migration goes ahead only when its backup was written, so it raises.

No Qt here: the UI runs `run_if_due` on a pool thread (phr.ui.backup.auto_backup_runner) and says the
problem in words.

The folders made for backups are 0700 whatever the umask (the backups themselves are 0600), and so
is the default folder made by an older version; a folder the person chose is theirs and left as it is.
"""

import contextlib
import errno
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Callable

import platformdirs

from phr.backup import backups
from phr.storage.atomic import PRIVATE_DIR
from phr.storage.errors import BackupStopped, RecordExists, StorageFull, StorageUnavailable

DUE_AFTER = timedelta(hours=24)
CLOCK_SLACK = timedelta(minutes=5)  # a backup dated later than this ahead of now: the clock was changed


class BackupProblem(StrEnum):
    """Why an automatic backup was not made (the app says it in words)."""

    FOLDER_MISSING = "folder_missing"
    DISK_FULL = "disk_full"
    UNAVAILABLE = "unavailable"
    FAILED = "failed"


class BackupReason(StrEnum):
    """Why a backup is made before a change (part of the backup's name)."""

    REKEY = "rekey"
    MIGRATION = "migration"
    RESTORE = "restore"
    OTHER = "other"


FOLDER_MISSING, DISK_FULL = BackupProblem.FOLDER_MISSING, BackupProblem.DISK_FULL
UNAVAILABLE, FAILED = BackupProblem.UNAVAILABLE, BackupProblem.FAILED
REASONS = tuple(BackupReason)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def default_folder() -> Path:
    """Where automatic backups go until the person chooses a folder (as AppSettings.backup_folder says)."""
    return platformdirs.user_data_path("Regie", appauthor=False) / "backups"


@dataclass(frozen=True)
class AutoBackupResult:
    made: Path | None = None      # the backup written; None when none was due or it failed
    removed: tuple[Path, ...] = ()
    problem: str | None = None    # FOLDER_MISSING, DISK_FULL, UNAVAILABLE or FAILED

    @property
    def due(self) -> bool:
        return self.made is not None or self.problem is not None


class BackupNotMade(Exception):
    """The backup before a rekey or migration could not be written: that step must not go ahead."""

    def __init__(self, reason: str, problem: str):
        super().__init__(f"The backup before the {reason} could not be written ({problem}). Nothing was changed.")
        self.reason, self.problem = reason, problem


def newest_backup_time(folder: Path, record_id: str, now: datetime) -> datetime | None:
    """When the newest automatic backup of this record in `folder` was made; None if there is none.

    A backup dated in the future (the clock was set back since) does not count, or no backup
    would be made until the clock caught up.
    """
    try:
        times = [backups.rotation_time(path) for path in backups.rotation_backups(folder, record_id)]
    except OSError:
        return None
    times = [when for when in times if when <= now + CLOCK_SLACK]
    return max(times, default=None)


def is_due(folder: Path, record_id: str, now: datetime) -> bool:
    newest = newest_backup_time(folder, record_id, now)
    return newest is None or now - newest >= DUE_AFTER


def run_if_due(session, folder: Path, keep: int, clock: Clock = utc_now, may_create: bool | None = None,
               own_connection: bool = True, stop=None) -> AutoBackupResult:
    """Make an automatic backup of the open record when one is due; problems are returned, not raised.

    `may_create`: whether a missing folder may be made (by default only the default folder);
    a folder the person chose that is not there is most likely a USB stick not plugged in.
    `stop()` True (the record is being locked) ends it early with nothing made and no problem:
    the next unlock tries again.
    """
    folder = Path(folder)
    now = clock()
    if folder.is_dir() and not is_due(folder, session.vault.ring.record_id, now):
        return AutoBackupResult()
    try:
        done = _rotate(session, folder, keep, now, may_create, own_connection, stop)
    except BackupStopped:
        return AutoBackupResult()
    except (OSError, StorageFull, StorageUnavailable, RecordExists) as error:
        return AutoBackupResult(problem=problem_of(error))
    return AutoBackupResult(made=done.made, removed=done.removed)


def backup_before(session, reason: str, folder: Path, keep: int | None, clock: Clock = utc_now,
                  may_create: bool | None = None, own_connection: bool = False) -> Path:
    """One backup into the rotation folder, now; raises BackupNotMade if it fails.

    `own_connection`: read over a connection opened here, for a worker thread (or while the
    session's own connection is handed to one, as during a carer's removal).
    """
    if reason not in REASONS:
        raise ValueError(f"reason must be one of {REASONS}")
    try:
        return _rotate(session, Path(folder), keep, clock(), may_create, own_connection).made
    except (OSError, StorageFull, StorageUnavailable, RecordExists) as error:
        raise BackupNotMade(reason, problem_of(error)) from error


def problem_of(error: BaseException) -> str:
    """What went wrong, as one of the problem words the UI turns into a sentence."""
    if isinstance(error, StorageFull) or (isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)):
        return DISK_FULL
    if isinstance(error, FileNotFoundError):
        return FOLDER_MISSING
    if isinstance(error, (StorageUnavailable, OSError)):
        return UNAVAILABLE
    return FAILED


def _rotate(session, folder: Path, keep: int | None, now: datetime, may_create: bool | None, own_connection: bool,
            stop=None):
    own = _same_folder(folder, default_folder())
    create = may_create if may_create is not None else own
    if create:
        private_folder(folder, tighten=own)
    return backups.backup_rotation(session, folder, keep, now=now, own_connection=own_connection,
                                   create_folder=create, stop=stop)


def private_folder(folder: Path, tighten: bool = False) -> None:
    """Make `folder` and the folders missing above it 0700 (mkdir's mode passes through the umask, so it is
    set again). With `tighten`, Regie's own folder and its parent become 0700 even when they were there."""
    folder = Path(folder).expanduser().absolute()
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=PRIVATE_DIR)
        os.chmod(path, PRIVATE_DIR)
    if tighten:
        for path in (folder, folder.parent):
            with contextlib.suppress(OSError):
                os.chmod(path, PRIVATE_DIR)


def _same_folder(first: Path, second: Path) -> bool:
    return Path(first).expanduser().absolute() == Path(second).expanduser().absolute()
