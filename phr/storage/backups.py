"""Backup files of a record (`*.regiebackup`): writing, checking, unpacking, and putting in place.

A backup is one uncompressed tar (GNU format) with, in this order:
  manifest.json    format, format version, record id, creation time, schema version (no names, no data)
  keys.json        the key slots, as in the record folder
  record.db        a snapshot of the record's file under its own data key: its bytes as they are, inside a read
                   snapshot (backup_archive.frozen_record_file), else a copy made with SQLite's online backup API
  checksum.sha256  SHA-256 of every byte of the file before this member's header
The snapshot is as encrypted as the record, so only a passphrase, carer passphrase or recovery code of
the record opens it. The checksum, plus an exact check of the checksum member's header and of the zero
blocks after it, means a flipped byte anywhere in the file is reported as damage. Every file is written
beside its destination (never in the system temp folder), 0600, fsynced and renamed into place; a
failure removes what was written. The layout and the manifest: phr.storage.backup_archive.
"""

import contextlib
import ctypes
import errno
import glob
import hashlib
import io
import os
import secrets
import shutil
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from phr.storage import leftovers, record_locks
from phr.storage.atomic import (
    NEW_FILE,
    PRIVATE_DIR,
    PRIVATE_FILE,
    fsync_dir,
    rename,
    replace_atomically,
    sync_file,
    write_all,
)
from phr.storage.backup_archive import (
    CHECKSUM,
    KEYS,
    MANIFEST,
    MEMBERS,
    PLAIN_FILE_TYPES,
    RECORD,
    SMALL_MEMBER_LIMIT,
    TAR_FORMAT,
    copy_frozen,
    frozen_record_file,
    manifest_of,
    member_reader,
    not_a_backup,
    opened_archive,
)
from phr.storage.backup_archive import Manifest as Manifest  # re-exported: phr.backup uses it from here
from phr.storage.backup_archive import read_manifest as read_manifest  # re-exported, as Manifest
from phr.storage.database import Database, translated_errors
from phr.storage.errors import (
    BackupDamaged,
    BackupStopped,
    RecordDamaged,
    RecordExists,
    StorageFull,
)
from phr.storage.keys import slots as keyslots
from phr.storage.keys.checked_json import KeyFileInvalid
from phr.storage.keys.files import KeyFiles
from phr.storage.keys.slots import KeyRing
from phr.storage.migrations import schema_version

SUFFIX = ".regiebackup"
SNAPSHOT_STEP = 1024  # pages per backup step when the backup can be stopped (4 MiB at 4 KiB pages)
CHUNK = 1024 * 1024
STALE_STAGING_SECONDS = 3600
_RENAME_EXCHANGE = 2  # linux/fs.h

Stop = Callable[[], bool]  # asked between steps: True ends the backup


# --- writing ---------------------------------------------------------------------------------------

def write_backup(db: Database, data_key: bytes, record_folder: Path, out_path: Path,
                 overwrite: bool = False, stop: Stop | None = None,
                 close_source: bool = False) -> Manifest:
    """Write a backup of the open record `db` (keyed with `data_key`) to `out_path`.

    `stop()` is asked between steps: True ends it with BackupStopped, no file left (a lock must not
    wait for a whole backup). `close_source` closes `db` (the backup's own) once the snapshot is taken.
    """
    out_path = Path(out_path).absolute()
    if out_path.exists() and (out_path.is_dir() or not overwrite):
        raise RecordExists(f"{out_path} already exists. Choose another name for the backup.")
    ring = KeyFiles(record_folder).load().ring
    snapshot = _hidden_sibling(out_path, "snapshot")
    with leftovers.pending(leftovers.Job.BACKUP, out_path):  # killed, the next start removes its files
        return _write_backup(db, data_key, ring, snapshot, out_path, stop, close_source)


def _write_backup(db: Database, data_key: bytes, ring: KeyRing, snapshot: Path, out_path: Path, stop: Stop | None,
                  close_source: bool) -> Manifest:
    try:
        with _disk_errors("backup"):
            try:
                manifest = _snapshot_of(db, data_key, snapshot, ring.record_id, stop)
            finally:
                if close_source:
                    db.close()
            _write_archive(out_path, manifest, keyslots.to_json(ring), snapshot, stop)
    finally:
        _remove_database_files(snapshot)
    return manifest


def _snapshot_of(db: Database, data_key: bytes, snapshot: Path, record_id: str, stop: Stop | None) -> Manifest:
    """The record's file copied as it is, inside a snapshot that the file alone holds; else the backup API's copy."""
    with translated_errors(), frozen_record_file(db) as frozen:  # translated: also the ROLLBACK that ends it
        if frozen is not None:
            copy_frozen(frozen, snapshot, (lambda: _raise_if(stop)) if stop is not None else (lambda: None))
            copy = Database.open(snapshot, data_key)  # the copy opens with the data key and is this record
            try:
                return _manifest_of(copy, record_id)
            finally:
                copy.close()
    return _take_snapshot(db, data_key, snapshot, record_id, stop)


def _take_snapshot(db: Database, data_key: bytes, snapshot: Path, record_id: str, stop: Stop | None) -> Manifest:
    """One consistent copy of the whole database: in one step, or with `stop` in steps of SNAPSHOT_STEP
    pages inside one read transaction (else each write elsewhere would start the copy over)."""
    target = Database.open(snapshot, data_key, create=True)
    try:
        if stop is None:
            db.copy_into(target, -1, None)
        else:
            with translated_errors(), db.read_snapshot():  # translated: also the ROLLBACK that ends it
                db.copy_into(target, SNAPSHOT_STEP, lambda: _raise_if(stop))
        manifest = _manifest_of(target, record_id)
    finally:
        target.close()  # folds the snapshot's WAL into the file before it is archived
    return manifest


def _manifest_of(snapshot: Database, record_id: str) -> Manifest:
    """The snapshot's manifest, once it is known to be the record of the key files."""
    row = snapshot.query_one("SELECT value FROM record_meta WHERE key = 'record_id'")
    if row is None or row[0] != record_id:
        raise RecordDamaged("The record file and its key files belong to different records; no backup made.")
    return Manifest(record_id, datetime.now(timezone.utc).isoformat(timespec="seconds"), schema_version(snapshot))


def _write_archive(out_path: Path, manifest: Manifest, keys_json: bytes, snapshot: Path,
                   stop: Stop | None = None) -> None:
    with snapshot.open("rb") as reader:
        write_archive(out_path, manifest, keys_json, reader, snapshot.stat().st_size, stop)


def write_archive(out_path: Path, manifest: Manifest, keys_json: bytes, record: IO[bytes], record_size: int,
                  stop: Stop | None = None) -> None:
    """The backup file from its parts; `record` gives the (encrypted) record.db, `record_size` bytes."""
    def fill(fd: int) -> None:
        writer = _HashingWriter(fd, stop)
        with tarfile.TarFile(fileobj=writer, mode="w", format=TAR_FORMAT, copybufsize=CHUNK) as tar:
            _add(tar, MANIFEST, manifest.to_json())
            _add(tar, KEYS, keys_json)
            tar.addfile(_member_info(RECORD, record_size), record)
            _add(tar, CHECKSUM, writer.digest.hexdigest().encode("ascii") + b"\n")
        if stop is not None:
            _raise_if(stop)  # the last chance before the file is synced and put in place

    replace_atomically(out_path, fill)


class _HashingWriter:
    """The file object tarfile writes to: every byte goes through os.write and into the checksum."""

    def __init__(self, fd: int, stop: Stop | None = None):
        self.fd, self.digest, self.position, self.stop = fd, hashlib.sha256(), 0, stop

    def write(self, data: bytes, /) -> int:
        if self.stop is not None:
            _raise_if(self.stop)
        write_all(self.fd, data)
        self.digest.update(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    # tarfile's file-object protocol; writing an archive (mode "w") never calls these.
    def read(self, size: int, /) -> bytes:
        raise io.UnsupportedOperation("the backup is written, not read")

    def seek(self, pos: int, /) -> int:
        raise io.UnsupportedOperation("the backup is written front to back")

    def close(self) -> None:
        """The file descriptor belongs to replace_atomically, which closes it."""


def _raise_if(stop: Stop) -> None:
    if stop():
        raise BackupStopped("The backup was stopped; nothing was kept.")


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    tar.addfile(_member_info(name, len(data)), io.BytesIO(data))


def _member_info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, PRIVATE_FILE, 0  # no times or owners: they say nothing useful
    return info


# --- reading ---------------------------------------------------------------------------------------

def unpack(path: Path, staging: Path) -> Manifest:
    """Write the backup's record into the new folder `staging` while every byte of the backup is checked (one
    reading of the file); a backup that fails the check leaves no folder."""
    path = Path(path)
    with opened_archive(path) as tar:
        members = tar.getmembers()
        manifest = manifest_of(path, tar, members)
        with _disk_errors("restored record"):
            staging.mkdir(mode=PRIVATE_DIR)
            try:
                fd = os.open(staging / RECORD, NEW_FILE, PRIVATE_FILE)  # binary on Windows too
                try:
                    check_whole_file(path, tar, members, copy_record_to=fd)
                    sync_file(fd)
                finally:
                    os.close(fd)
                KeyFiles(staging).write_new(ring_in(path, tar, members[1], manifest))
            except BaseException:
                discard(staging)
                raise
    return manifest


def check_whole_file(path: Path, tar: tarfile.TarFile, members: list[tarfile.TarInfo],
                     copy_record_to: int | None = None) -> None:
    """The checksum covers everything before its own member; that member and the end are checked exactly.
    `copy_record_to`: a file descriptor the record member's bytes are written to as they are read."""
    # Plain regular members only: isreg() also admits GNU sparse files, which expand far beyond their bytes.
    if tuple(m.name for m in members) != MEMBERS or not all(m.type in PLAIN_FILE_TYPES for m in members):
        raise not_a_backup(path)
    last, record = members[-1], members[2]
    stored = member_reader(path, tar, last).read() if last.size == 65 else b""
    copy = None if copy_record_to is None else (copy_record_to, record.offset_data, record.offset_data + record.size)
    with path.open("rb") as reader:
        actual = _digest_of_first(reader, last.offset, copy)
        header = reader.read(tarfile.BLOCKSIZE)
        reader.seek(last.offset_data + last.size)
        rest = reader.read()
    expected_header = last.tobuf(TAR_FORMAT, tarfile.ENCODING, "surrogateescape")
    end_is_zero = not rest.strip(b"\0") and last.offset_data + last.size + len(rest) == _archive_end(last)
    if stored != actual.encode("ascii") + b"\n" or header != expected_header or not end_is_zero:
        raise BackupDamaged(f"The backup file {path} is damaged (its checksum does not match). Nothing was changed.")


def _archive_end(last: tarfile.TarInfo) -> int:
    """Where tarfile ends what it writes: the member padded to a block, two zero blocks, a whole record."""
    padded = -(-(last.offset_data + last.size) // tarfile.BLOCKSIZE) * tarfile.BLOCKSIZE
    return -(-(padded + 2 * tarfile.BLOCKSIZE) // tarfile.RECORDSIZE) * tarfile.RECORDSIZE


def _digest_of_first(reader: IO[bytes], length: int, copy: tuple[int, int, int] | None = None) -> str:
    """SHA-256 of the first `length` bytes; `copy` (fd, start, end): bytes start..end also written to fd."""
    digest, position = hashlib.sha256(), 0
    while position < length and (chunk := reader.read(min(CHUNK, length - position))):
        digest.update(chunk)
        if copy is not None and (low := max(position, copy[1])) < (high := min(position + len(chunk), copy[2])):
            write_all(copy[0], chunk[low - position:high - position])
        position += len(chunk)
    return digest.hexdigest()


def ring_in(path: Path, tar: tarfile.TarFile, member: tarfile.TarInfo, manifest: Manifest) -> KeyRing:
    try:  # the whole file passed its checksum: a flaw here means it was made wrong, or forged
        ring = keyslots.from_json(member_reader(path, tar, member).read(SMALL_MEMBER_LIMIT + 1))
    except KeyFileInvalid:
        raise not_a_backup(path) from None
    if ring.record_id != manifest.record_id:
        raise not_a_backup(path)
    return ring


# --- putting a restored record in place ----------------------------------------------------------

def staging_folder(target: Path) -> Path:
    """A new, unused name beside `target` (same file system, so the final move is a rename)."""
    target = Path(target).absolute()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.restoring-*"):  # '[1]' is a name
        if time.time() - leftover.stat().st_mtime > STALE_STAGING_SECONDS:
            shutil.rmtree(leftover, ignore_errors=True)  # from a restore that was killed
    return target.with_name(f".{target.name}.restoring-{secrets.token_hex(4)}")


def is_occupied(folder: Path) -> bool:
    return folder.exists() and (not folder.is_dir() or any(folder.iterdir()))


def move_into_place(staging: Path, target: Path, replace: bool) -> None:
    """Put the record in `staging` at `target`; with `replace`, the record already there goes.

    The swap is one `renameat2(RENAME_EXCHANGE)` where the system offers it (Linux): the old and
    the new folder trade places atomically, so a crash leaves one of them, whole, at `target`.
    The old record then sits under the hidden staging name and is removed. Elsewhere two renames
    are used: old to a hidden `.NAME.replaced-*` name, new into place. A crash between the two
    leaves no record at `target`; `recover_interrupted_swap` (run before every restore) moves the
    old one back. Either way the caller has already made a backup of the old record.
    """
    target = Path(target).absolute()
    if target.exists() and not target.is_dir():
        raise RecordExists(f"{target} is a file, not a folder. Nothing was changed.")
    if is_occupied(target) and not replace:
        raise RecordExists(f"{target} already holds a record or other files. Nothing was changed.")
    if not is_occupied(target):
        if target.exists():
            target.rmdir()  # empty (checked above); rmdir refuses if something appeared since
        rename(staging, target)
    else:
        with record_locks.nobody_has_it_open(target):  # RecordInUse while a session anywhere has it open
            if _exchange(staging, target):
                shutil.rmtree(staging, ignore_errors=True)  # now the old record
            else:
                _replace_in_two_steps(staging, target)
    fsync_dir(target.parent)


def _exchange(first: Path, second: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False  # renameat2 is Linux's; elsewhere (ctypes.CDLL(None) fails on Windows) two renames
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100  # AT_FDCWD
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # the file system cannot swap: fall back to two renames
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(second))


def _replace_in_two_steps(staging: Path, target: Path) -> None:
    aside = target.with_name(f".{target.name}.replaced-{secrets.token_hex(4)}")
    rename(target, aside)
    try:
        rename(staging, target)
    except BaseException:
        rename(aside, target)
        raise
    fsync_dir(target.parent)
    shutil.rmtree(aside, ignore_errors=True)


def recover_interrupted_swap(target: Path) -> bool:
    """If a two-rename swap was cut off between its renames, put the old record back."""
    target = Path(target).absolute()
    leftovers = sorted(target.parent.glob(f".{glob.escape(target.name)}.replaced-*"))
    if target.exists() or len(leftovers) != 1:
        return False
    rename(leftovers[0], target)
    fsync_dir(target.parent)
    return True


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _hidden_sibling(path: Path, purpose: str) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.{purpose}")


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextlib.contextmanager
def _disk_errors(what: str) -> Iterator[None]:
    try:
        yield
    except StorageFull:  # SQLite's own "disk is full" while the snapshot was written
        raise StorageFull(f"The {what} could not be written: the disk is full. Nothing was changed.") from None
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull(f"The {what} could not be written: the disk is full. Nothing was changed.") from None
        raise
