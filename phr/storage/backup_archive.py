"""The layout of a backup file (a tar, see phr.storage.backups), its manifest, opening one safely, and the record's
database file frozen for copying as it is."""

import contextlib
import json
import os
import tarfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from phr.storage.atomic import NEW_FILE, PRIVATE_FILE, write_all
from phr.storage.database import Database
from phr.storage.errors import BackupDamaged, RecordFromNewerVersion
from phr.storage.schema import LATEST

FORMAT = "regie-backup"
FORMAT_VERSION = 1
MANIFEST, KEYS, RECORD, CHECKSUM = "manifest.json", "keys.json", "record.db", "checksum.sha256"
MEMBERS = (MANIFEST, KEYS, RECORD, CHECKSUM)
PLAIN_FILE_TYPES = (tarfile.REGTYPE, tarfile.AREGTYPE)
TAR_FORMAT: Final = tarfile.GNU_FORMAT  # GNU: a record.db over 8 GiB still fits
SMALL_MEMBER_LIMIT = 256 * 1024
FREEZE_ATTEMPTS = 5       # a record another connection keeps writing to: then the backup API copies it
FREEZE_PAUSE = 0.05       # seconds between attempts
COPY_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class Manifest:
    record_id: str
    created_at: str
    schema_version: int
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        doc = {"format": FORMAT, "format_version": self.format_version, "record_id": self.record_id,
               "created_at": self.created_at, "schema_version": self.schema_version}
        return json.dumps(doc, indent=2, sort_keys=True).encode("ascii") + b"\n"


def read_manifest(path: Path) -> Manifest:
    """The manifest alone (cheap: for listing backups). Use `unpack` to check the whole file."""
    with opened_archive(path) as tar:
        return manifest_of(path, tar, tar.getmembers())


@contextlib.contextmanager
def opened_archive(path: Path) -> Iterator[tarfile.TarFile]:
    try:
        tar = tarfile.open(path, "r:")
    except FileNotFoundError:
        raise BackupDamaged(f"The backup file {path} does not exist.") from None
    except (tarfile.TarError, EOFError, ValueError, UnicodeError):
        raise not_a_backup(path) from None
    try:
        with tar:
            yield tar
    except (tarfile.TarError, EOFError, UnicodeError):
        raise not_a_backup(path) from None


def not_a_backup(path: Path) -> BackupDamaged:
    return BackupDamaged(f"{path} is not a Regie backup, or it is damaged. Nothing was changed.")


def manifest_of(path: Path, tar: tarfile.TarFile, members: list[tarfile.TarInfo]) -> Manifest:
    if not members or members[0].name != MANIFEST:
        raise not_a_backup(path)
    doc = _json_member(path, tar, members[0])
    version = doc.get("format_version")
    if doc.get("format") != FORMAT or type(version) is not int:
        raise not_a_backup(path)
    if version > FORMAT_VERSION:  # before any other check: a newer format may be laid out differently
        raise RecordFromNewerVersion("The backup was made by a newer version of Regie. Update Regie to restore it.")
    record_id, created_at, schema = doc.get("record_id"), doc.get("created_at"), doc.get("schema_version")
    if not (isinstance(record_id, str) and isinstance(created_at, str) and type(schema) is int):
        raise not_a_backup(path)
    manifest = Manifest(record_id, created_at, schema, version)
    if manifest.schema_version > LATEST:
        raise RecordFromNewerVersion(f"The backup holds a record of a newer version of Regie (schema "
                                     f"{manifest.schema_version}; this version knows up to {LATEST}). Update Regie.")
    return manifest


def _json_member(path: Path, tar: tarfile.TarFile, member: tarfile.TarInfo) -> dict[str, object]:
    try:
        doc = json.loads(member_reader(path, tar, member).read(SMALL_MEMBER_LIMIT).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise not_a_backup(path) from None
    if not isinstance(doc, dict):
        raise not_a_backup(path)
    return doc


def member_reader(path: Path, tar: tarfile.TarFile, member: tarfile.TarInfo) -> IO[bytes]:
    reader = tar.extractfile(member)
    if reader is None:  # not a file (a folder, a link)
        raise not_a_backup(path)
    return reader


# --- the record's file, frozen -------------------------------------------------------------------

@contextlib.contextmanager
def frozen_record_file(db: Database) -> Iterator[tuple[IO[bytes], int] | None]:
    """The record's database file open for reading, and its size, while `db` holds a read snapshot that is the
    file itself; None when that cannot be had (the caller copies with the backup API instead).

    The WAL is folded into the file and emptied first (checkpoint TRUNCATE). A snapshot that begins while the
    WAL is empty reads the file alone, under SQLite's read lock 0, and while that lock is held no checkpoint
    writes to the file: other connections' commits go to the WAL. So the file's bytes are the snapshot, byte
    for byte, still encrypted as they are (nothing is decrypted or re-encrypted), for as long as the caller
    copies them. The WAL still empty once the snapshot has begun proves that it began so; a commit in between
    means another attempt. A record open read-only cannot fold its WAL: None.
    """
    path = _main_file(db)
    if path is None or db.read_only is not None:
        yield None
        return
    with contextlib.ExitStack() as held:
        yield _freeze(db, path, held)


def _freeze(db: Database, path: str, held: contextlib.ExitStack) -> tuple[IO[bytes], int] | None:
    for attempt in range(FREEZE_ATTEMPTS):
        if attempt:
            time.sleep(FREEZE_PAUSE)
        busy = db.query_one("PRAGMA wal_checkpoint(TRUNCATE)")
        if busy is not None and busy[0]:
            continue  # a reader or writer kept it from folding the whole WAL
        snapshot = contextlib.ExitStack()
        snapshot.enter_context(db.read_snapshot())
        if _wal_size(path) == 0:
            held.enter_context(snapshot)
            reader = held.enter_context(open(path, "rb"))
            return reader, os.fstat(reader.fileno()).st_size
        snapshot.close()
    return None


def _main_file(db: Database) -> str | None:
    """The path of the open database's file ('' for an in-memory or temporary one: None)."""
    for row in db.query("PRAGMA database_list"):
        if row[1] == "main":
            return row[2] or None
    return None


def _wal_size(path: str) -> int:
    try:
        return os.stat(f"{path}-wal").st_size
    except FileNotFoundError:
        return 0  # a rollback journal: a read transaction's shared lock keeps writers out of the file


def copy_frozen(frozen: tuple[IO[bytes], int], target: Path, between: Callable[[], None]) -> None:
    """The frozen file's bytes into the new file `target` (0600); `between()` runs after each chunk (it may raise to
    stop). Not synced: the snapshot is read back into the backup file, which is."""
    reader, size = frozen
    fd = os.open(target, NEW_FILE, PRIVATE_FILE)
    try:
        while size > 0:
            chunk = reader.read(min(COPY_CHUNK, size))
            if not chunk:
                raise BackupDamaged("The record file became shorter while it was copied; no backup made.")
            write_all(fd, chunk)
            size -= len(chunk)
            between()
    finally:
        os.close(fd)
