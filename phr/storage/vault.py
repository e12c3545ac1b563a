"""A record folder on disk: record.db, keys.json, keys.bak.json (and backups/).

Creating builds the whole folder beside its destination and renames it into
place, so a half-made record never exists and an existing one is never
overwritten. If anything fails after the rename, the new folder is removed
again: nobody has seen its recovery code yet. Unlocking changes nothing on disk
until the secret has opened a slot and the database has proved readable. Then, and
only then, an unlock may also finish a data-key rotation a crash interrupted (see
phr.storage.keys.rotation).

A record whose folder or files cannot be written (a CD, a write-protected stick) opens read-only, and
so does one beside a sync service's conflict copy of its files (phr.storage.sync_folders): nothing more
may drift apart until the person has looked. Read-only, nothing on disk changes: no key file is
repaired, no rotation finished, no upgrade run (a record that needs one is refused, saying why).
Every unlock and creation first removes what killed backups and restores left (phr.storage.leftovers).
"""

import secrets
import shutil
import time
from pathlib import Path

from phr.storage import leftovers, migrations, record_locks, sync_folders
from phr.storage.atomic import PRIVATE_DIR, fsync_dir, rename
from phr.storage.database import Database
from phr.storage.errors import (
    CryptoUnavailable,
    RecordDamaged,
    RecordExists,
    RecordFromNewerVersion,
    RecordInUse,
    RecordMissing,
    WrongSecret,
)
from phr.storage.keys import rotation, slot_keys
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import KeyFiles
from phr.storage.keys.kdf import Argon2Params
from phr.storage.keys.secret import Secret
from phr.storage.keys.slots import KeyRing, KeySlot, SlotKeys
from phr.storage.open_vault import RECORD_FILE, OpenVault
from phr.storage.read_only import ReadOnly, RecordReadOnly, media_read_only
from phr.storage.repos import integrity, people
from phr.storage.schema import MIGRATIONS
from phr.storage.vocabulary import SlotKind

PASSPHRASE_KINDS = (SlotKind.OWNER, SlotKind.CARER)
STALE_STAGING_SECONDS = 3600


def create(folder: Path, person_name: str, owner_secret: Secret, recovery_secret: Secret,
           argon2: Argon2Params, now: str) -> OpenVault:
    """Make a new record at `folder` (which must not exist, or be an empty folder); `now` is its creation time."""
    folder = Path(folder).absolute()
    refuse_existing(folder)
    leftovers.clean_up()
    folder.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(folder)
    staging = folder.with_name(f".{folder.name}.creating-{secrets.token_hex(4)}")
    with leftovers.pending(leftovers.Job.CREATE, folder):
        staging.mkdir(mode=PRIVATE_DIR)
        try:
            ring, slot, keys = _write_new_record(staging, person_name, owner_secret, recovery_secret, argon2, now)
            _move_into_place(staging, folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    try:
        lock = record_locks.hold_open(folder)
    except BaseException:
        _discard(folder)
        raise
    try:
        return OpenVault(folder, _open_database(folder, keys.data_key, ring), ring, slot, keys.data_key, keys, lock)
    except BaseException:
        lock.release()
        _discard(folder)
        raise


def refuse_existing(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise RecordExists(f"{folder} is a file, not a folder. Choose a new, empty folder.")
    if folder.exists() and any(folder.iterdir()):
        raise RecordExists(f"{folder} already exists and is not empty. Choose a new, empty folder.")


def _remove_stale_staging(folder: Path) -> None:
    """Left-overs of a creation that was killed: never shown to anyone, so safe to remove."""
    for leftover in folder.parent.glob(f".{folder.name}.creating-*"):
        if time.time() - leftover.stat().st_mtime > STALE_STAGING_SECONDS:
            shutil.rmtree(leftover, ignore_errors=True)


def _write_new_record(staging: Path, person_name: str, owner_secret: Secret, recovery_secret: Secret,
                      argon2: Argon2Params, now: str) -> tuple[KeyRing, KeySlot, SlotKeys]:
    record_id = keyslots.new_record_id()
    data_key = keyslots.new_data_key()
    owner_key = slot_keys.new_pair()[0]  # seals the data key to every slot (see slot_keys)
    owner = keyslots.seal(record_id, SlotKind.OWNER, owner_secret, data_key, argon2, owner_private=owner_key)
    recovery = keyslots.seal(record_id, SlotKind.RECOVERY, recovery_secret, data_key, owner_private=owner_key)
    ring = KeyRing(record_id, 1, (owner, recovery))
    db = Database.open(staging / RECORD_FILE, data_key, create=True)
    try:
        secure_memory(db)
        migrations.migrate(db, staging / RECORD_FILE)
        people.initialise(db, record_id, owner.slot_id, person_name, now)
    finally:
        db.close()
    KeyFiles(staging).write_new(ring)
    return ring, owner, SlotKeys(data_key=data_key, next_key=None, kek=b"", owner_private=owner_key)


def _move_into_place(staging: Path, folder: Path) -> None:
    if folder.exists():
        folder.rmdir()  # empty (checked above); rmdir refuses if something appeared since
    rename(staging, folder)
    fsync_dir(folder.parent)


def _discard(folder: Path) -> None:
    """Take a just-made record away again (it never left this function)."""
    doomed = folder.with_name(f".{folder.name}.discarded-{secrets.token_hex(4)}")
    rename(folder, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def unlock(folder: Path, secret: Secret, kinds: tuple[SlotKind, ...] = PASSPHRASE_KINDS,
           verify_first: bool = False) -> OpenVault:
    """Open the record with a secret that fits one of its slots of `kinds`.

    With `verify_first`, every page is checked before a pending migration may
    write to the record (used by `phr check`).
    """
    folder = Path(folder).absolute()
    if not folder.is_dir():
        raise RecordMissing(f"No record found at {folder}.")
    keys = KeyFiles(folder)
    loaded = keys.load()
    slot, opened_keys = _open_first_slot(loaded.ring, secret, kinds)
    leftovers.clean_up()  # of other places: a failed unlock still changes nothing in the record
    read_only = read_only_reason(folder)
    lock = record_locks.hold_open(folder)  # after the secret fits: a wrong one leaves no file behind
    try:
        db, data_key = _open_with_either_key(folder, opened_keys, loaded.ring, verify_first, read_only)
    except BaseException:
        lock.release()
        raise
    if read_only is None:
        try:
            keys.repair(loaded)  # only now: a failed unlock must not change a byte
        except (OSError, RecordInUse):
            pass  # the record is open and sound; the stale copy is repaired at the next unlock
    opened = OpenVault(folder, db, loaded.ring, slot, data_key, opened_keys, lock)
    try:
        if read_only is None:
            _finish_rotation(opened, opened_keys)
    except BaseException:
        opened.close()
        raise
    return opened


def read_only_reason(folder: Path) -> ReadOnly | None:
    """Why the record at `folder` must open read-only; None when it can be written."""
    if media_read_only(folder / RECORD_FILE):
        return ReadOnly.MEDIA
    if sync_folders.conflict_copies(folder):
        return ReadOnly.CONFLICT
    return None


def _open_first_slot(ring: KeyRing, secret: Secret, kinds: tuple[SlotKind, ...]) -> tuple[KeySlot, SlotKeys]:
    for slot in ring.slots:
        if slot.kind in kinds:
            try:
                return slot, keyslots.open_slot(ring.record_id, slot, secret)
            except WrongSecret:
                continue
    raise WrongSecret("The passphrase or code does not open this record.")


def _open_with_either_key(folder: Path, opened_keys: SlotKeys, ring: KeyRing, verify_first: bool,
                          read_only: ReadOnly | None = None) -> tuple[Database, bytes]:
    """During a rotation record.db is under the old key until `PRAGMA rekey` commits, then the new one."""
    try:
        return _open_database(folder, opened_keys.data_key, ring, verify_first, read_only), opened_keys.data_key
    except RecordDamaged:
        if opened_keys.next_key is None:
            raise
        return _open_database(folder, opened_keys.next_key, ring, verify_first, read_only), opened_keys.next_key


def _finish_rotation(opened: OpenVault, opened_keys: SlotKeys) -> None:
    """Finish a rotation a crash interrupted: best effort, it can wait for the next unlock (a full
    disk, a read-only folder), the record is open. Version-1 slots stay as they are until the owner
    adds a carer (phr.access.carers): only then can both owner slots receive the owner key at once."""
    if opened.ring.rotating:
        rotation.finish(opened, opened_keys.next_key)


def _open_database(folder: Path, data_key: bytes, ring: KeyRing, verify_first: bool = False,
                   read_only: ReadOnly | None = None) -> Database:
    record_file = folder / RECORD_FILE
    try:
        db = Database.open(record_file, data_key, read_only=read_only)
    except RecordDamaged as error:
        # A slot opened, so the key is the one in keys.json. If it does not fit record.db, either
        # record.db is damaged or the key files came from another record: say both.
        raise RecordDamaged(f"{error} Or the key files belong to a different record.") from None
    try:
        secure_memory(db)
        _check_belongs_to(db, ring)
        if verify_first and migrations.pending(db):
            _refuse_if_damaged(db)
        if read_only is None:
            migrations.migrate(db, record_file)
        else:
            _refuse_if_upgrade_needed(db, read_only)
    except BaseException:
        db.close()
        raise
    return db


def secure_memory(db: Database) -> None:
    """SQLCipher zeroes every buffer it frees from now on (pages, rows, keys) and keeps them out of swap.

    One setting for the whole process that cannot be switched off again (SQLCipher 4.5 and later): set
    on the first record opened, before any of its data is read. Read back, like every setting.
    """
    db.pragma_value("cipher_memory_security = ON")
    if str(db.pragma_value("cipher_memory_security")) != "1":
        raise CryptoUnavailable("Could not set cipher_memory_security on the record; refusing to continue.")


def _refuse_if_upgrade_needed(db: Database, read_only: ReadOnly) -> None:
    """An upgrade writes; read-only, a record that needs one cannot be opened (one from a newer version
    never can)."""
    version, latest = migrations.schema_version(db), max(MIGRATIONS)
    if version > latest:
        raise RecordFromNewerVersion(f"This record was made by a newer version of Regie (schema {version}; this "
                                     f"version knows up to {latest}). Update Regie to open it.")
    if migrations.pending(db):
        raise RecordReadOnly(read_only, "This record was made by an older version of Regie and must be "
                             "upgraded before it opens, which needs a folder Regie can write in. Copy the record "
                             "folder to your computer and open the copy. Nothing was changed.")


def _refuse_if_damaged(db: Database) -> None:
    problems = integrity.integrity_problems(db)
    if problems:
        raise RecordDamaged(f"The record file failed its integrity check ({len(problems)} problems).")


def _check_belongs_to(db: Database, ring: KeyRing) -> None:
    if migrations.schema_version(db) == 0:
        raise RecordDamaged("The record file holds no data: it is damaged or was never finished.")
    row = db.query_one("SELECT value FROM record_meta WHERE key = 'record_id'")
    if row is None or row[0] != ring.record_id:
        raise RecordDamaged("The key files and the record file belong to different records.")
