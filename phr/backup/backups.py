"""Backups of a record and restoring them: the service behind the command line and the UI.

A backup is one file (`*.regiebackup`, see phr.storage.backups) that opens only with a secret
of the record. Restoring is two steps, so the person sees what they get before anything moves:
`prepare_restore` unpacks the backup beside the target, unlocks it with the secret given, runs
the integrity check and counts the sections; `PendingRestore.confirm` then puts it in place
(after backing up a record it replaces). Until `confirm`, nothing outside the hidden staging
folder has changed, and `cancel` removes that folder.
"""

import errno
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path

from phr.access import passphrase as passphrases
from phr.access import recovery_code
from phr.access.session import RecordSession
from phr.core.errors import InvalidInput
from phr.core.vocabulary import SlotKind
from phr.storage import backups as files
from phr.storage import leftovers, record_locks, vault
from phr.storage.backups import Manifest
from phr.storage.errors import BackupDamaged, RecordDamaged, RecordExists, RecordMissing, WrongSecret
from phr.storage.keys.secret import wipe
from phr.storage.open_vault import RECORD_FILE

SUFFIX = files.SUFFIX


class SecretKind(StrEnum):
    """What opens a backup: a passphrase (the owner's or a carer's) or the recovery code."""

    PASSPHRASE = "passphrase"
    RECOVERY_CODE = "recovery_code"


SECRET_KINDS = tuple(SecretKind)
DEFAULT_KEEP = 7
ROTATION_NAME = re.compile(r"^regie-[0-9a-f]{8}-\d{8}-\d{6}-\d{6}" + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class BackupMade:
    path: Path
    created_at: str
    schema_version: int


@dataclass(frozen=True)
class RestorePreview:
    """What the backup holds: shown before the person confirms. Counts only, never content."""

    counts: dict[str, int]
    schema_version: int
    created_at: str
    replaces_existing: bool


@dataclass(frozen=True)
class Restored:
    folder: Path
    previous_record_backup: Path | None  # the backup made of the record that was replaced


@dataclass(frozen=True)
class RotationResult:
    made: Path
    removed: tuple[Path, ...]


def make_backup(session: RecordSession, out_path: Path, overwrite: bool = False,
                own_connection: bool = False, stop=None) -> BackupMade:
    """Write a backup of the open record to `out_path` (refused if it exists, unless `overwrite`).

    With `own_connection` the snapshot is read over a second connection, opened and closed here:
    for a pool thread, since a connection belongs to the thread that opened it. `stop()` is asked
    between steps; True ends the backup with BackupStopped, leaving no file.
    """
    opened = session.vault  # RuntimeError when locked
    key, folder = opened.data_key, opened.folder
    db = opened.second_connection() if own_connection else opened.db
    try:
        manifest = files.write_backup(db, key, folder, Path(out_path), overwrite, stop, close_source=own_connection)
    finally:
        if own_connection:
            db.close()
    return _made(Path(out_path).absolute(), manifest)


def backup_rotation(session: RecordSession, folder: Path, keep: int | None = DEFAULT_KEEP, now: datetime | None = None,
                    own_connection: bool = False, create_folder: bool = True, stop=None) -> RotationResult:
    """Make a dated backup in `folder`, then remove this record's oldest automatic backups beyond `keep`
    (None: remove none, for a caller that does not know how many the person chose to keep).

    Only files made here are removed: their name follows the pattern and their manifest names
    this record. Other files, other records' backups and damaged files are left alone. `now`
    (UTC) dates the name; without `create_folder` a missing folder is an error (a USB stick
    that is not plugged in must not become a folder on this computer's disk).
    """
    if keep is not None and keep < 1:
        raise InvalidInput("Keep at least one backup.")
    folder = Path(folder).absolute()
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    elif not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "The backup folder is not there", str(folder))
    record_id = session.vault.ring.record_id
    session.backup_folders.add(folder)
    name = _rotation_name(record_id, now or datetime.now(timezone.utc))
    made = make_backup(session, folder / name, own_connection=own_connection, stop=stop)
    ours = rotation_backups(folder, record_id)
    doomed = () if keep is None else tuple(path for path in ours[:-keep] if path != made.path)
    for path in doomed:
        path.unlink(missing_ok=True)
    return RotationResult(made.path, doomed)


def rotation_backups(folder: Path, record_id: str) -> list[Path]:
    """The automatic backups of this record in `folder`, oldest first: name pattern and manifest agree."""
    named = [p for p in Path(folder).glob(f"regie-{record_id[:8]}-*{SUFFIX}") if ROTATION_NAME.match(p.name)]
    return sorted((p for p in named if _manifest_names(p, record_id)), key=lambda p: p.name)


def rotation_time(path: Path) -> datetime:
    """When an automatic backup was made (UTC), read from its name."""
    stamp = Path(path).name[len("regie-12345678-"):-len(SUFFIX)]
    return datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").replace(tzinfo=timezone.utc)


def holds_record(folder: Path) -> bool:
    """Whether `folder` looks like a record folder (a restore may replace it, after a backup of it)."""
    return (Path(folder) / RECORD_FILE).is_file()


def _rotation_name(record_id: str, when: datetime) -> str:
    """A dated name that sorts by time and tells records apart without naming anyone."""
    return f"regie-{record_id[:8]}-{when.astimezone(timezone.utc).strftime('%Y%m%d-%H%M%S-%f')}{SUFFIX}"


def _manifest_names(path: Path, record_id: str) -> bool:
    try:
        return files.read_manifest(path).record_id == record_id
    except (RecordDamaged, OSError):
        return False  # not ours, damaged or unreadable: never removed automatically


def prepare_restore(backup_path: Path, target_folder: Path, secret_kind: str, secret: str,
                    replace: bool = False) -> "PendingRestore":
    """Unpack, unlock and check the backup beside `target_folder`; nothing else changes yet."""
    target = Path(target_folder).absolute()
    kinds, secret_bytes = _secret(secret_kind, secret)
    try:
        return _prepare(Path(backup_path), target, kinds, secret_bytes, replace)
    except BaseException:
        wipe(secret_bytes)
        raise


def _prepare(backup_path: Path, target: Path, kinds: tuple[SlotKind, ...], secret_bytes: bytearray,
             replace: bool) -> "PendingRestore":
    files.recover_interrupted_swap(target)
    if files.is_occupied(target) and not replace:
        raise RecordExists(f"{target} already holds a record or other files. Restore into a new folder, "
                           "or choose to replace it. Nothing was changed.")
    if files.is_occupied(target):
        with record_locks.nobody_has_it_open(target):
            pass  # said now, before the work; checked again (and held) when the folders are swapped
    target.parent.mkdir(parents=True, exist_ok=True)
    # A ticket while the staging folder exists: if this process is killed, the next start removes the folder.
    ticket = leftovers.started(leftovers.Job.RESTORE, target)
    try:
        staging = files.staging_folder(target)
        manifest = files.unpack(backup_path, staging)
        try:
            preview = _unlock_and_check(staging, kinds, secret_bytes, manifest, files.is_occupied(target))
        except BaseException:
            files.discard(staging)
            raise
    except BaseException:
        ticket.done()
        raise
    pending = PendingRestore(staging, target, preview, kinds, secret_bytes)
    pending.ticket = ticket
    return pending


def restore(backup_path: Path, target_folder: Path, secret_kind: str, secret: str, replace: bool = False,
            confirm=lambda preview: True) -> Restored | None:
    """Both steps at once; `confirm(preview)` decides. Returns None when it said no."""
    pending = prepare_restore(backup_path, target_folder, secret_kind, secret, replace)
    with pending:
        return pending.confirm() if confirm(pending.preview) else None


class PendingRestore:
    """A checked record in a hidden folder beside the target, waiting for the person's yes or no.

    Holds the secret until then: replacing a record needs it to back up the old one first.
    Use it as a context manager, so an unconfirmed restore is always cleaned up.
    """

    def __init__(self, staging: Path, target: Path, preview: RestorePreview, kinds: tuple[SlotKind, ...],
                 secret: bytearray):
        self.preview, self.target = preview, target
        self._staging: Path | None = staging
        self.ticket = leftovers.Ticket(None, None)  # _prepare gives it the one it took
        self._kinds, self._secret = kinds, secret

    def __enter__(self) -> "PendingRestore":
        return self

    def __exit__(self, *exc) -> None:
        self.cancel()

    def confirm(self) -> Restored:
        if self._staging is None:
            raise RuntimeError("this restore is finished")
        replacing = files.is_occupied(self.target)
        if replacing and not self.preview.replaces_existing:
            raise RecordExists(f"{self.target} was filled in the meantime. Nothing was changed.")
        previous = _backup_before_replacing(self.target, self._kinds, self._secret) if replacing else None
        files.move_into_place(self._staging, self.target, replace=replacing)
        self._staging = None
        self.ticket.done()
        self._forget_secret()
        return Restored(self.target, previous)

    def cancel(self) -> None:
        if self._staging is not None:
            files.discard(self._staging)
        self._staging = None
        self.ticket.done()
        self._forget_secret()

    def _forget_secret(self) -> None:
        wipe(self._secret)
        self._secret = bytearray()


def _secret(kind: str, text: str) -> tuple[tuple[SlotKind, ...], bytearray]:
    """The secret in a buffer of its own, wiped when the restore is done (see PendingRestore)."""
    if kind == SecretKind.PASSPHRASE:
        return vault.PASSPHRASE_KINDS, passphrases.normalise(text)
    if kind == SecretKind.RECOVERY_CODE:
        return (SlotKind.RECOVERY,), bytearray(recovery_code.parse(text).secret)  # a typing error: before any work
    raise ValueError(f"secret_kind must be one of {SECRET_KINDS}")


def _unlock_and_check(staging: Path, kinds: tuple[SlotKind, ...], secret: bytearray, manifest: Manifest,
                      replaces: bool) -> RestorePreview:
    try:
        session = RecordSession(vault.unlock(staging, secret, kinds, verify_first=True))
    except WrongSecret:
        raise WrongSecret("The passphrase or code does not open this backup. Nothing was changed.") from None
    try:
        report = session.check()
    finally:
        session.lock()
    if not report.healthy:
        raise BackupDamaged(f"The record in the backup failed its integrity check ({len(report.problems)} "
                            "problems). Nothing was changed.")
    return RestorePreview(dict(report.counts), report.schema_version, manifest.created_at, replaces)


def _backup_before_replacing(target: Path, kinds: tuple[SlotKind, ...], secret: bytearray) -> Path:
    """The record about to be replaced is backed up beside it; one we cannot open is not replaced."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    out = target.with_name(f"{target.name}.before-restore-{stamp}{SUFFIX}")
    try:
        old = vault.unlock(target, secret, kinds)
    except WrongSecret:
        raise WrongSecret(f"The record at {target} does not open with this passphrase or code, so it cannot be "
                          "backed up before it is replaced. Nothing was changed.") from None
    except (RecordDamaged, RecordMissing):
        raise RecordExists(f"{target} holds files that cannot be opened as a record, so they cannot be backed up "
                           "first. Move them away and restore into the empty folder. Nothing was changed.") from None
    try:
        files.write_backup(old.db, old.data_key, old.folder, out)
    finally:
        old.close()
    return out


def _made(path: Path, manifest: Manifest) -> BackupMade:
    return BackupMade(path, manifest.created_at, manifest.schema_version)
