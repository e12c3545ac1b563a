"""Carers: their own passphrase and name; removing one rotates the data key (phr.access.carers, storage.rotation)."""

import errno
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FAST, PASSPHRASE
from locations import FIXTURES
from template_record import TemplateRecord, copy_record

from phr.access import carers, keys, records
from phr.access import passphrase as passphrases
from phr.core.errors import InvalidInput, RecordDamaged, StorageFull, StorageUnavailable, WeakPassphrase, WrongSecret
from phr.record.diary import DiaryEntry
from phr.record.services import RecordServices
from phr.storage.database import Database
from phr.storage.errors import KeysChanged, RecordInUse
from phr.storage.keys import files as keyfiles
from phr.storage.keys import rotation, slot_keys
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import BACKUP, PRIMARY, KeyFiles

ANNA = "anna walks the dog along the dyke"
BERT = "bert paints the shed a deep green"
CARER_NAME = "Anna Bakker-Émile"
NOTE = "carer note canary 7f3a"


def _opens(folder: Path, passphrase: str) -> bool:
    try:
        records.unlock_with_passphrase(folder, passphrase).lock()
    except (WrongSecret, RecordDamaged):
        return False
    return True


def _opens_with_code(folder: Path, code: str) -> bool:
    try:
        records.unlock_with_recovery_code(folder, code).lock()
    except (WrongSecret, RecordDamaged):
        return False
    return True


def _key_bytes(folder: Path) -> tuple[bytes, bytes]:
    return (folder / PRIMARY).read_bytes(), (folder / BACKUP).read_bytes()


def _owner(folder: Path):
    return records.unlock_with_passphrase(folder, PASSPHRASE)


def _diary_authors(folder: Path) -> dict[str, str]:
    session = _owner(folder)
    try:
        return {e.text: e.provenance.entered_by for e in RecordServices(session).diary.all()}
    finally:
        session.lock()


@pytest.fixture(scope="module")
def two_carers_made(tmp_path_factory: pytest.TempPathFactory,
                    template_record: TemplateRecord) -> tuple[Path, str, carers.Carer, carers.Carer]:
    """A fresh record with carers Anna and Bert; Anna has written a diary note. Made once, copied per test."""
    folder = template_record.copy_to(tmp_path_factory.mktemp("two-carers") / "record.regie")
    session = _owner(folder)
    try:
        anna = carers.add_carer(session, CARER_NAME, ANNA, argon2=FAST).carer
        bert = carers.add_carer(session, "Bert", BERT, argon2=FAST).carer
    finally:
        session.lock()
    session = records.unlock_with_passphrase(folder, ANNA)
    try:
        RecordServices(session).diary.add(DiaryEntry("2026-01-05T10:00", "note", NOTE))
    finally:
        session.lock()
    return folder, template_record.recovery_code, anna, bert


@pytest.fixture
def two_carers(two_carers_made: tuple[Path, str, carers.Carer, carers.Carer],
               record_dir: Path) -> tuple[Path, str, carers.Carer, carers.Carer]:
    """The fresh record with carers Anna and Bert; Anna has written a diary note."""
    made, code, anna, bert = two_carers_made
    return copy_record(made, record_dir), code, anna, bert


def _remove(folder: Path, who: str) -> carers.RemovalResult:
    session = _owner(folder)
    try:
        return carers.remove_carer(session, who)
    finally:
        session.lock()


# --- adding and listing -----------------------------------------------------------------------

def test_a_carer_unlocks_with_their_own_passphrase_and_entries_name_them(two_carers):
    folder, code, anna, bert = two_carers
    session = records.unlock_with_passphrase(folder, ANNA)
    try:
        assert (session.author.role, session.author.name) == ("carer", CARER_NAME)
        assert session.vault.slot.slot_id == anna.slot_id
    finally:
        session.lock()
    assert _diary_authors(folder) == {NOTE: CARER_NAME}
    assert _opens(folder, BERT) and _opens(folder, PASSPHRASE) and _opens_with_code(folder, code)


def test_list_carers_and_names_stay_out_of_the_key_files(two_carers):
    folder, _, anna, bert = two_carers
    session = _owner(folder)
    try:
        listed = carers.carers(session)
    finally:
        session.lock()
    assert listed == [anna, bert]
    assert [c.name for c in listed] == [CARER_NAME, "Bert"] and all(c.added_at.endswith("+00:00") for c in listed)
    ring = KeyFiles(folder).load().ring
    assert {s.slot_id for s in ring.slots if s.kind == "carer"} == {anna.slot_id, bert.slot_id}
    for raw in _key_bytes(folder):
        assert b"Anna" not in raw and b"Bert" not in raw and "Émile".encode() not in raw


def test_a_carer_may_not_add_or_remove_carers(two_carers):
    folder, _, anna, bert = two_carers
    before = _key_bytes(folder)
    session = records.unlock_with_passphrase(folder, ANNA)
    try:
        with pytest.raises(keys.OwnerOnly):
            carers.add_carer(session, "Cees", "cees rides a red bike to the market", argon2=FAST)
        with pytest.raises(keys.OwnerOnly):
            carers.remove_carer(session, "Bert")
    finally:
        session.lock()
    assert _key_bytes(folder) == before


def test_weak_passphrase_duplicate_name_and_unknown_carer_are_refused(two_carers):
    folder, _, _, _ = two_carers
    before = _key_bytes(folder)
    session = _owner(folder)
    try:
        with pytest.raises(WeakPassphrase):
            carers.add_carer(session, "Cees", "short", argon2=FAST)
        with pytest.raises(InvalidInput):
            carers.add_carer(session, " bert ", "cees rides a red bike to the market", argon2=FAST)
        with pytest.raises(carers.CarerNotFound) as caught:
            carers.remove_carer(session, "Nobody Here")
        assert "Nobody" not in str(caught.value)
        assert len(carers.carers(session)) == 2
    finally:
        session.lock()
    assert _key_bytes(folder) == before


# --- removing: the data key rotates ------------------------------------------------------------

def _put_back(folder: Path, saved: tuple[bytes, bytes]) -> None:
    (folder / PRIMARY).write_bytes(saved[0])
    (folder / BACKUP).write_bytes(saved[1])


def test_removed_carer_cannot_open_even_with_the_old_key_files(two_carers):
    folder, code, anna, bert = two_carers
    old_keys = _key_bytes(folder)
    result = _remove(folder, CARER_NAME)
    assert result.carer == anna and result.finished
    assert not _opens(folder, ANNA)
    assert _opens(folder, PASSPHRASE) and _opens(folder, BERT) and _opens_with_code(folder, code)
    assert _diary_authors(folder) == {NOTE: CARER_NAME}  # what she wrote still names her
    assert not list((folder / "backups").glob("before-key-rotation-*"))  # the copy held her slot

    new_keys = _key_bytes(folder)
    _put_back(folder, old_keys)
    with pytest.raises(RecordDamaged):  # her slot opens, but its key no longer fits record.db
        records.unlock_with_passphrase(folder, ANNA)
    _put_back(folder, new_keys)
    session = _owner(folder)
    try:
        assert carers.carers(session) == [bert]
        assert session.check().healthy
    finally:
        session.lock()


def test_remove_by_slot_id_then_add_again(two_carers):
    folder, code, anna, bert = two_carers
    session = _owner(folder)
    try:
        assert carers.remove_carer(session, bert.slot_id).carer == bert
        assert session.db.pragma_value("journal_mode") == "wal"  # back from the rekey's rollback journal
        assert not (folder / "record.db-journal").exists()
        added = carers.add_carer(session, "Bert", "bert has a brand new passphrase now", argon2=FAST)
        again = added.carer
        assert added.new_recovery_code is None  # a version-2 record keeps its code
        assert carers.carers(session) == [anna, again] and again.slot_id != bert.slot_id
    finally:
        session.lock()
    assert not _opens(folder, BERT) and _opens(folder, "bert has a brand new passphrase now")


def test_removal_with_the_recovery_code(two_carers):
    folder, code, anna, bert = two_carers
    session = records.unlock_with_recovery_code(folder, code)
    try:
        carers.remove_carer(session, "Bert")
    finally:
        session.lock()
    assert not _opens(folder, BERT) and _opens(folder, PASSPHRASE) and _opens_with_code(folder, code)


def test_a_second_connection_blocks_the_rotation_and_nothing_changes(two_carers):
    folder, code, anna, bert = two_carers
    before = _key_bytes(folder)
    session = _owner(folder)
    second = session.second_session()
    try:
        with pytest.raises(RecordInUse):
            carers.remove_carer(session, "Bert")
        assert session.check().healthy and second.person_name() == "Zoë Ünal"
    finally:
        second.lock()
        session.lock()
    assert _key_bytes(folder) == before and _opens(folder, BERT)


# --- version-1 key files -------------------------------------------------------------------------

V1_CODE = "7BDM-DTD6-89AK-FSUR-2NTW-CGWH-4B3T"


def _v1_record(tmp_path) -> Path:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURES / "schema_v1", folder)
    assert {s.version for s in keyslots.from_json((folder / PRIMARY).read_bytes()).slots} == {1}
    return folder


def test_v1_record_opens_unchanged_until_the_first_carer_gives_it_the_owner_key(tmp_path):
    folder = _v1_record(tmp_path)
    before = _key_bytes(folder)
    assert _opens(folder, PASSPHRASE) and _opens_with_code(folder, V1_CODE)
    assert _key_bytes(folder) == before  # unlocking alone writes nothing
    session = _owner(folder)
    try:
        added = carers.add_carer(session, "Bert", BERT, argon2=FAST)
        assert session.vault.owner_key is not None and session.vault.slot.version == 2
    finally:
        session.lock()
    ring = KeyFiles(folder).load().ring
    assert [(s.kind, s.version) for s in ring.slots] == [("owner", 2), ("recovery", 2), ("carer", 2)]
    assert added.new_recovery_code and added.new_recovery_code != V1_CODE
    assert not _opens_with_code(folder, V1_CODE) and _opens_with_code(folder, added.new_recovery_code)
    assert _opens(folder, PASSPHRASE) and _opens(folder, BERT)  # the owner's passphrase is the same
    result = _remove(folder, "Bert")
    assert result.finished and not _opens(folder, BERT)
    assert _opens(folder, PASSPHRASE) and _opens_with_code(folder, added.new_recovery_code)


def test_v1_record_opened_with_the_code_cannot_add_the_first_carer(tmp_path):
    folder = _v1_record(tmp_path)
    before = _key_bytes(folder)
    session = records.unlock_with_recovery_code(folder, V1_CODE)
    try:
        with pytest.raises(keys.OwnerOnly) as caught:
            carers.add_carer(session, "Bert", BERT, argon2=FAST)
        assert "owner's passphrase" in str(caught.value) and carers.carers(session) == []
    finally:
        session.lock()
    assert _key_bytes(folder) == before


def test_v1_record_after_a_passphrase_change_in_the_same_session_asks_to_open_again(tmp_path):
    """The upgrade wraps the owner key under the key the unlock derived: after a new passphrase in the
    same session that key belongs to the old passphrase, and the owner would be locked out."""
    folder = _v1_record(tmp_path)
    new = "a brand new owner passphrase for zoe"
    session = _owner(folder)
    try:
        keys.change_passphrase(session, new, argon2=FAST)
        before = _key_bytes(folder)
        with pytest.raises(keys.OwnerOnly) as caught:
            carers.add_carer(session, "Bert", BERT, argon2=FAST)
        assert "open it again" in str(caught.value) and _key_bytes(folder) == before
    finally:
        session.lock()
    session = records.unlock_with_passphrase(folder, new)
    try:
        carers.add_carer(session, "Bert", BERT, argon2=FAST)
    finally:
        session.lock()
    assert _opens(folder, new) and _opens(folder, BERT)


def test_v1_record_keeps_version_1_for_a_new_passphrase_and_code(tmp_path):
    folder = _v1_record(tmp_path)
    session = _owner(folder)
    try:
        keys.change_passphrase(session, "a brand new owner passphrase for zoe", argon2=FAST)
        code = keys.new_recovery_code(session)
    finally:
        session.lock()
    assert {s.version for s in KeyFiles(folder).load().ring.slots} == {1}
    assert _opens(folder, "a brand new owner passphrase for zoe") and _opens_with_code(folder, code)
    assert not _opens(folder, PASSPHRASE) and not _opens_with_code(folder, V1_CODE)


def test_an_old_version_1_slot_put_back_into_a_version_2_key_file_is_refused(two_carers):
    """Someone who kept the key file from before the upgrade swaps the old owner slot back in: it
    would open the old data key with the owner's passphrase. A mixed ring is refused as damage."""
    folder, code, anna, bert = two_carers
    files = KeyFiles(folder)
    ring = files.load().ring
    data_key = keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), passphrases.normalise(PASSPHRASE))
    owner = ring.slot_of_kind("owner")
    v1 = _v1_slot(ring.record_id, "owner", passphrases.normalise(PASSPHRASE), data_key, owner.slot_id)
    mixed = keyslots.KeyRing(ring.record_id, ring.sequence, tuple(v1 if s == owner else s for s in ring.slots))
    raw = keyslots.to_json(mixed)
    with pytest.raises(keyslots.KeyFileInvalid):
        keyslots.from_json(raw)
    (folder / PRIMARY).write_bytes(raw)
    (folder / BACKUP).write_bytes(raw)
    with pytest.raises(RecordDamaged):
        records.unlock_with_passphrase(folder, PASSPHRASE)


def test_a_carer_slot_slipped_into_the_key_file_never_receives_the_new_key(two_carers):
    """A carer about to be removed adds a slot of their own to keys.json; the rotation drops it
    instead of sealing the new key to it, because the record names no carer with that slot."""
    folder, code, anna, bert = two_carers
    files = KeyFiles(folder)
    ring = files.load().ring
    hidden = keyslots.seal(ring.record_id, "carer", b"a secret only anna knows", keyslots.new_data_key(), FAST,
                           owner_private=slot_keys.new_pair()[0])
    files.save(ring, keyslots.KeyRing(ring.record_id, ring.sequence, ring.slots + (hidden,)))
    _remove(folder, CARER_NAME)
    slot_ids = {slot.slot_id for slot in files.load().ring.slots}
    assert hidden.slot_id not in slot_ids and anna.slot_id not in slot_ids and bert.slot_id in slot_ids
    assert _opens(folder, BERT) and _opens(folder, PASSPHRASE) and _opens_with_code(folder, code)


def _v1_slot(record_id, kind, secret, data_key, slot_id):
    """A slot as Regie 1 wrote it: the data key wrapped directly under the KEK."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    spec = keyslots.KdfSpec(keyslots.ARGON2ID, os.urandom(16), FAST)
    nonce = os.urandom(12)
    aad = keyslots._associated_data(record_id, slot_id, kind, spec)
    return keyslots.KeySlot(slot_id, kind, spec, nonce, AESGCM(spec.derive(secret)).encrypt(nonce, data_key, aad))


def test_a_v2_key_file_is_refused_cleanly_by_a_v1_reader(new_record, monkeypatch):
    folder, _ = new_record
    monkeypatch.setattr(keyslots, "VERSION", 1)
    from phr.core.errors import RecordFromNewerVersion

    with pytest.raises(RecordFromNewerVersion):
        records.unlock_with_passphrase(folder, PASSPHRASE)


# --- a crash at each step of the rotation --------------------------------------------------------

class Crash(BaseException):
    """Stands for the process dying here (BaseException: no `except Exception` may swallow it)."""


def _crash_after(monkeypatch, module, name):
    real = getattr(module, name)

    def crashing(*args, **kwargs):
        real(*args, **kwargs)
        raise Crash(name)

    monkeypatch.setattr(module, name, crashing)


def _crash_before(monkeypatch, module, name):
    def crashing(*args, **kwargs):
        raise Crash(name)

    monkeypatch.setattr(module, name, crashing)


def _crash_on_key_write(monkeypatch, number):
    """Key file write `number` (1: keys.json of ring N+1, 2: its keys.bak.json, 3, 4: ring N+2) dies."""
    real, calls = keyfiles.write_atomic, []

    def write(path, data):
        calls.append(path)
        if len(calls) == number:
            raise Crash(f"key write {number}")
        real(path, data)

    monkeypatch.setattr(keyfiles, "write_atomic", write)


CRASH_POINTS = {
    "after the safety copy": lambda mp: _crash_after(mp, rotation, "_back_up"),
    "writing keys.json of ring N+1": lambda mp: _crash_on_key_write(mp, 1),
    "writing keys.bak.json of ring N+1": lambda mp: _crash_on_key_write(mp, 2),
    "before the rekey": lambda mp: _crash_before(mp, rotation, "_rekey"),
    "after the rekey": lambda mp: _crash_before(mp, rotation, "_finish_keys"),
    "writing keys.json of ring N+2": lambda mp: _crash_on_key_write(mp, 3),
    "writing keys.bak.json of ring N+2": lambda mp: _crash_on_key_write(mp, 4),
}
REMOVAL_BEGUN = {"writing keys.bak.json of ring N+1", "before the rekey", "after the rekey",
                 "writing keys.json of ring N+2", "writing keys.bak.json of ring N+2"}


@pytest.mark.parametrize("point", list(CRASH_POINTS))
def test_a_crash_at_each_step_leaves_a_record_that_opens_with_all_data(two_carers, monkeypatch, point):
    folder, code, anna, bert = two_carers
    old_keys = _key_bytes(folder)
    session = _owner(folder)
    CRASH_POINTS[point](monkeypatch)
    with pytest.raises(Crash):
        carers.remove_carer(session, CARER_NAME)
    monkeypatch.undo()
    session.vault.db.close()  # the process is gone: no clean lock

    session = _owner(folder)  # finishes a rotation that had begun
    try:
        assert not session.vault.ring.rotating and session.check().healthy
        assert [e.text for e in RecordServices(session).diary.all()] == [NOTE]
    finally:
        session.lock()
    assert _opens(folder, BERT) and _opens_with_code(folder, code)
    assert _opens(folder, ANNA) == (point not in REMOVAL_BEGUN)
    if point in REMOVAL_BEGUN:
        _put_back(folder, old_keys)
        assert not _opens(folder, ANNA)


# --- a full disk, a read-only folder -----------------------------------------------------------

def _fail_write(monkeypatch, module, name, error_number):
    def refuse(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))

    monkeypatch.setattr(module, name, refuse)


@pytest.mark.parametrize("where, error_number, error", [
    ("safety copy", errno.ENOSPC, StorageFull),
    ("key files", errno.ENOSPC, StorageFull),
    ("key files", errno.EROFS, StorageUnavailable),
])
def test_disk_full_or_read_only_before_the_rotation_began_changes_nothing(two_carers, monkeypatch, where,
                                                                         error_number, error):
    folder, code, anna, bert = two_carers
    before = _key_bytes(folder)
    session = _owner(folder)
    try:
        if where == "safety copy":
            _fail_write(monkeypatch, rotation, "copy_atomic", error_number)
        else:
            _fail_write(monkeypatch, keyfiles, "write_atomic", error_number)
        with pytest.raises(error) as caught:
            carers.remove_carer(session, CARER_NAME)
        monkeypatch.undo()
        assert "Nothing was changed" in str(caught.value) and "Anna" not in str(caught.value)
        assert len(carers.carers(session)) == 2 and session.check().healthy
    finally:
        monkeypatch.undo()
        session.lock()
    assert _key_bytes(folder) == before
    assert not list((folder / "backups").glob("before-key-rotation-*"))
    assert _opens(folder, ANNA) and _opens(folder, BERT) and _opens_with_code(folder, code)


def test_disk_full_during_the_rekey_is_finished_at_the_next_unlock(two_carers, monkeypatch):
    folder, code, anna, bert = two_carers
    old_keys = _key_bytes(folder)
    real = Database.execute

    def execute(self, sql, params=()):
        if sql.startswith("PRAGMA rekey"):
            raise StorageFull("The record could not be written: the disk is full.")
        return real(self, sql, params)

    session = _owner(folder)
    try:
        monkeypatch.setattr(Database, "execute", execute)
        with pytest.raises(StorageFull) as caught:
            carers.remove_carer(session, CARER_NAME)
        monkeypatch.undo()
        assert "finished the next time" in str(caught.value)
        assert session.check().healthy  # the session goes on, under the old key
        with pytest.raises(KeysChanged):  # a new slot now would miss the new key
            keys.change_passphrase(session, "a brand new owner passphrase for zoe", argon2=FAST)
        assert [e.text for e in RecordServices(session).diary.all()] == [NOTE]
    finally:
        monkeypatch.undo()
        session.lock()
    assert KeyFiles(folder).load().ring.rotating
    assert _opens(folder, PASSPHRASE)  # ... and this unlock re-encrypts
    assert not KeyFiles(folder).load().ring.rotating
    assert _opens(folder, BERT) and _opens_with_code(folder, code) and not _opens(folder, ANNA)
    _put_back(folder, old_keys)
    assert not _opens(folder, ANNA)


# --- version-2 slots: what binds what ------------------------------------------------------------

OWNER_KEY = slot_keys.new_pair()[0]


@pytest.fixture
def v2_ring():
    record_id, data_key = keyslots.new_record_id(), keyslots.new_data_key()
    owner = keyslots.seal(record_id, "owner", b"owner secret", data_key, FAST, owner_private=OWNER_KEY)
    carer = keyslots.seal(record_id, "carer", b"carer secret", data_key, FAST, owner_private=OWNER_KEY)
    return record_id, data_key, owner, carer


def test_v2_slot_opens_and_holds_no_key_in_clear(v2_ring):
    record_id, data_key, owner, _ = v2_ring
    assert owner.version == 2 and keyslots.unwrap(record_id, owner, b"owner secret") == data_key
    raw = keyslots.to_json(keyslots.KeyRing(record_id, 1, (owner,)))
    assert data_key not in raw and data_key.hex().encode() not in raw
    assert keyslots.from_json(raw).slots == (owner,)


def test_v2_tampering_does_not_open(v2_ring):
    from dataclasses import replace

    record_id, data_key, owner, carer = v2_ring
    tampered = [
        replace(owner, public_key=carer.public_key),  # the private key's AAD binds the public key
        replace(owner, sealed=carer.sealed),  # a sealing made for another slot
        replace(owner, kind="carer"),
        replace(owner, sealed=slot_keys.seal(owner.public_key, data_key, b"other associated data", OWNER_KEY)),
    ]
    for slot in tampered:
        with pytest.raises(WrongSecret):
            keyslots.unwrap(record_id, slot, b"owner secret")


def test_next_key_is_sealed_without_the_secret_and_only_its_slot_opens_it(v2_ring):
    record_id, data_key, owner, carer = v2_ring
    new_key = keyslots.new_data_key()
    owner_next = keyslots.with_next(record_id, owner, new_key, OWNER_KEY)
    opened = keyslots.open_slot(record_id, owner_next, b"owner secret")
    assert (opened.data_key, opened.next_key) == (data_key, new_key)
    from dataclasses import replace

    with pytest.raises(WrongSecret):  # moved to another slot: refused
        keyslots.open_slot(record_id, replace(carer, next_sealed=owner_next.next_sealed), b"carer secret")
    promoted = keyslots.promoted(record_id, owner_next, new_key, OWNER_KEY)
    assert promoted.next_sealed is None and keyslots.unwrap(record_id, promoted, b"owner secret") == new_key


# --- sealing is authenticated by the owner key ------------------------------------------------

def test_someone_who_can_write_the_folder_cannot_make_the_owner_open_a_key_of_their_choosing(two_carers):
    """The attack that kept carers off main: a removed carer (who knows her own slot's private part and
    the old data key, and can write to a synchronised folder) seals a key she chose to the owner's
    public key. Without the owner's private key, that sealing never opens."""
    folder, code, anna, bert = two_carers
    files = KeyFiles(folder)
    ring = files.load().ring
    hers = keyslots.open_slot(ring.record_id, next(s for s in ring.slots if s.slot_id == anna.slot_id),
                              passphrases.normalise(ANNA))
    assert hers.owner_private is None  # a carer's slot holds only the owner's public key
    _remove(folder, CARER_NAME)
    ring = files.load().ring
    chosen_key = keyslots.new_data_key()
    her_private = hers.private_part[:slot_keys.KEY_BYTES]
    for would_be_owner in (slot_keys.new_pair()[0], her_private):
        forged = tuple(
            replace(slot, sealed=slot_keys.seal(slot.public_key, chosen_key,
                                                keyslots._sealing_data(ring.record_id, slot, "data key"),
                                                would_be_owner))
            if slot.kind in ("owner", "recovery") else slot for slot in ring.slots)
        files.save(ring, keyslots.KeyRing(ring.record_id, ring.sequence, forged))
        ring = files.load().ring
        with pytest.raises(WrongSecret):
            keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), passphrases.normalise(PASSPHRASE))
        assert not _opens(folder, PASSPHRASE) and not _opens_with_code(folder, code)


def test_a_carer_changes_her_own_passphrase_without_the_owner_key(two_carers):
    folder, code, anna, bert = two_carers
    session = records.unlock_with_passphrase(folder, ANNA)
    try:
        assert session.vault.owner_key is None
        keys.change_passphrase(session, "anna now cycles along the river", argon2=FAST)
    finally:
        session.lock()
    assert _opens(folder, "anna now cycles along the river") and not _opens(folder, ANNA)
    result = _remove(folder, CARER_NAME)  # her re-wrapped slot is still hers, and still removable
    assert result.carer == anna and not _opens(folder, "anna now cycles along the river")
    assert _opens(folder, BERT) and _opens(folder, PASSPHRASE) and _opens_with_code(folder, code)
