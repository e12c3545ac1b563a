"""A record folder on disk: record.db, keys.json, keys.bak.json (and backups/).

Creating builds the whole folder beside its destination and renames it into
place, so a half-made record never exists and an existing one is never
overwritten. Unlocking changes nothing on disk until the secret has opened a
slot and the database has proved readable.
"""

import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from phr.storage import keyslots, migrations
from phr.storage.repos import people
from phr.storage.atomic import PRIVATE_DIR, fsync_dir
from phr.storage.database import Database
from phr.storage.errors import RecordDamaged, RecordExists, RecordMissing, WrongSecret
from phr.storage.kdf import Argon2Params
from phr.storage.keyfiles import KeyFiles
from phr.storage.keyslots import KeyRing, KeySlot

RECORD_FILE = "record.db"
PASSPHRASE_KINDS = ("owner", "carer")


@dataclass
class OpenVault:
    """An unlocked record: the open database, its key ring and the slot that opened it."""

    folder: Path
    db: Database
    ring: KeyRing
    slot: KeySlot

    def close(self) -> None:
        self.db.close()


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def create(folder: Path, person_name: str, owner_secret: bytes, recovery_secret: bytes,
           argon2: Argon2Params) -> OpenVault:
    """Make a new record at `folder` (which must not exist, or be an empty folder)."""
    folder = Path(folder).absolute()
    refuse_existing(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.with_name(f".{folder.name}.creating-{secrets.token_hex(4)}")
    staging.mkdir(mode=PRIVATE_DIR)
    try:
        ring, slot = _write_new_record(staging, person_name, owner_secret, recovery_secret, argon2)
        _move_into_place(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return OpenVault(folder, _open_database(folder, _unwrapped(ring, slot, owner_secret), ring), ring, slot)


def refuse_existing(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise RecordExists(f"{folder} already exists and is not empty. Choose a new, empty folder.")


def _write_new_record(staging: Path, person_name: str, owner_secret: bytes, recovery_secret: bytes,
                      argon2: Argon2Params):
    record_id = keyslots.new_record_id()
    data_key = keyslots.new_data_key()
    owner = keyslots.seal(record_id, "owner", owner_secret, data_key, argon2)
    recovery = keyslots.seal(record_id, "recovery", recovery_secret, data_key)
    ring = KeyRing(record_id, 1, (owner, recovery))
    db = Database.open(staging / RECORD_FILE, data_key, create=True)
    try:
        migrations.migrate(db, staging / RECORD_FILE)
        people.initialise(db, record_id, owner.slot_id, person_name, utc_now())
    finally:
        db.close()
    KeyFiles(staging).write_new(ring)
    return ring, owner


def _move_into_place(staging: Path, folder: Path) -> None:
    if folder.exists():
        folder.rmdir()  # empty (checked above); rmdir refuses if something appeared since
    os.rename(staging, folder)
    fsync_dir(folder.parent)


def _unwrapped(ring: KeyRing, slot: KeySlot, secret: bytes) -> bytes:
    return keyslots.unwrap(ring.record_id, slot, secret)


def unlock(folder: Path, secret: bytes, kinds: tuple[str, ...] = PASSPHRASE_KINDS) -> OpenVault:
    """Open the record with a secret that fits one of its slots of `kinds`."""
    folder = Path(folder).absolute()
    if not folder.is_dir():
        raise RecordMissing(f"No record found at {folder}.")
    keys = KeyFiles(folder)
    loaded = keys.load()
    slot, data_key = _open_first_slot(loaded.ring, secret, kinds)
    vault = OpenVault(folder, _open_database(folder, data_key, loaded.ring), loaded.ring, slot)
    try:
        keys.repair(loaded)  # only now: a failed unlock must not change a byte
    except OSError:
        pass  # the record is open and sound; the stale copy is repaired at the next unlock
    return vault


def _open_first_slot(ring: KeyRing, secret: bytes, kinds: tuple[str, ...]) -> tuple[KeySlot, bytes]:
    for slot in ring.slots:
        if slot.kind in kinds:
            try:
                return slot, keyslots.unwrap(ring.record_id, slot, secret)
            except WrongSecret:
                continue
    raise WrongSecret("The passphrase or code does not open this record.")


def _open_database(folder: Path, data_key: bytes, ring: KeyRing) -> Database:
    record_file = folder / RECORD_FILE
    try:
        db = Database.open(record_file, data_key)
    except RecordDamaged as error:
        # A slot opened, so the key is the one in keys.json. If it does not fit record.db, either
        # record.db is damaged or the key files came from another record: say both.
        raise RecordDamaged(f"{error} Or the key files belong to a different record.") from None
    try:
        _check_belongs_to(db, ring)
        migrations.migrate(db, record_file)
    except BaseException:
        db.close()
        raise
    return db


def _check_belongs_to(db: Database, ring: KeyRing) -> None:
    if migrations.schema_version(db) == 0:
        raise RecordDamaged("The record file holds no data: it is damaged or was never finished.")
    row = db.query_one("SELECT value FROM record_meta WHERE key = 'record_id'")
    if row is None or row[0] != ring.record_id:
        raise RecordDamaged("The key files and the record file belong to different records.")
