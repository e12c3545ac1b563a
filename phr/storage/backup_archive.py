"""The layout of a backup file (a tar, see phr.storage.backups), its manifest, and opening one safely."""

import contextlib
import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from phr.storage.errors import BackupDamaged, RecordFromNewerVersion
from phr.storage.schema import LATEST

FORMAT = "regie-backup"
FORMAT_VERSION = 1
MANIFEST, KEYS, RECORD, CHECKSUM = "manifest.json", "keys.json", "record.db", "checksum.sha256"
MEMBERS = (MANIFEST, KEYS, RECORD, CHECKSUM)
PLAIN_FILE_TYPES = (tarfile.REGTYPE, tarfile.AREGTYPE)
TAR_FORMAT: Final = tarfile.GNU_FORMAT  # GNU: a record.db over 8 GiB still fits
SMALL_MEMBER_LIMIT = 256 * 1024


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
