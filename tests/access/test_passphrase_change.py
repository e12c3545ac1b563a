"""A new passphrase, recovery with the recovery code, a new recovery code: only the key files change."""

import errno
import hashlib
import os
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import FAST, PASSPHRASE

from phr.access import keys, records
from phr.access import passphrase as passphrases
from phr.core.errors import StorageFull, StorageUnavailable, WeakPassphrase, WrongSecret
from phr.monitoring.readings import Reading
from phr.record.services import RecordServices
from phr.storage import atomic
from phr.storage.errors import KeysChanged
from phr.storage.keys import files as keyfiles
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import BACKUP, PRIMARY, KeyFiles
from phr.storage.vault import RECORD_FILE

NEW_PASSPHRASE = "green ladder beside the quiet canal"
THIRD_PASSPHRASE = "seven herons over a frozen polder"
CARER_PASSPHRASE = "my own carer words on a wet tuesday"
ENTRIES = 1000


def _key_bytes(folder: Path) -> tuple[bytes, bytes]:
    return (folder / PRIMARY).read_bytes(), (folder / BACKUP).read_bytes()


def _opens(folder: Path, passphrase: str) -> bool:
    try:
        records.unlock_with_passphrase(folder, passphrase).lock()
    except WrongSecret:
        return False
    return True


def _opens_with_code(folder: Path, code: str) -> bool:
    try:
        records.unlock_with_recovery_code(folder, code).lock()
    except WrongSecret:
        return False
    return True


def _data_key(folder: Path, passphrase: str) -> bytes:
    ring = KeyFiles(folder).load().ring
    return keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), passphrases.normalise(passphrase))


def _no_temp_files(folder: Path) -> bool:
    return not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- changing the passphrase ------------------------------------------------------------------

def test_new_passphrase_opens_old_is_refused_recovery_code_still_opens(new_record):
    folder, code = new_record
    data_key = _data_key(folder, PASSPHRASE)
    ring_before = KeyFiles(folder).load().ring
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    database_before = hashlib.sha256((folder / RECORD_FILE).read_bytes()).digest()
    try:
        changed = keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)
        assert hashlib.sha256((folder / RECORD_FILE).read_bytes()).digest() == database_before  # not rewritten
        assert session.person_name() == "Zoë Ünal"  # the session stays open
    finally:
        session.lock()
    assert changed == keys.PassphraseChanged("owner", both_copies=True)

    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(folder, PASSPHRASE)
    assert _opens(folder, NEW_PASSPHRASE)
    assert _opens_with_code(folder, code)

    ring = KeyFiles(folder).load().ring
    assert ring.sequence == ring_before.sequence + 1
    assert ring.slot_of_kind("owner").slot_id == ring_before.slot_of_kind("owner").slot_id  # same author
    assert ring.slot_of_kind("recovery") == ring_before.slot_of_kind("recovery")
    assert _data_key(folder, NEW_PASSPHRASE) == data_key  # the same data key, wrapped anew
    primary, backup = _key_bytes(folder)
    assert primary == backup
    assert (folder / PRIMARY).stat().st_mode & 0o777 == 0o600
    assert _no_temp_files(folder)


def test_two_changes_in_one_session(session):
    folder = session.folder
    keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)
    keys.change_passphrase(session, THIRD_PASSPHRASE, argon2=FAST)
    assert [_opens(folder, p) for p in (PASSPHRASE, NEW_PASSPHRASE, THIRD_PASSPHRASE)] == [False, False, True]


@pytest.mark.parametrize("weak", ["short one", "password123!", "aaaaaaaaaaaaaaaa", "Zoë Ünal 1990", ""])
def test_weak_new_passphrase_is_refused_and_nothing_changes(new_record, weak):
    folder, code = new_record
    before = _key_bytes(folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        with pytest.raises(WeakPassphrase) as caught:
            keys.change_passphrase(session, weak, argon2=FAST)
    finally:
        session.lock()
    assert "too easy to guess" in str(caught.value)
    assert "Zoë" not in str(caught.value)
    assert _key_bytes(folder) == before
    assert _opens(folder, PASSPHRASE)


def test_changing_a_locked_session_is_refused(new_record):
    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    session.lock()
    before = _key_bytes(folder)
    with pytest.raises(RuntimeError):
        keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)
    with pytest.raises(RuntimeError):
        keys.new_recovery_code(session)
    assert _key_bytes(folder) == before


def test_keys_changed_by_another_session_meanwhile_are_not_overwritten(new_record):
    folder, _ = new_record
    first = records.unlock_with_passphrase(folder, PASSPHRASE)
    second = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        keys.change_passphrase(first, NEW_PASSPHRASE, argon2=FAST)
        after_first = _key_bytes(folder)
        with pytest.raises(KeysChanged):
            keys.change_passphrase(second, THIRD_PASSPHRASE, argon2=FAST)
        with pytest.raises(KeysChanged):
            keys.new_recovery_code(second)
    finally:
        first.lock()
        second.lock()
    assert _key_bytes(folder) == after_first
    assert _opens(folder, NEW_PASSPHRASE)


# --- a carer changes their own passphrase -----------------------------------------------------

@pytest.fixture
def record_with_carer(new_record):
    """The fresh record plus a carer slot (the carers service itself is not part of this test)."""
    folder, code = new_record
    files = KeyFiles(folder)
    ring = files.load().ring
    owner = keyslots.open_slot(ring.record_id, ring.slot_of_kind("owner"), passphrases.normalise(PASSPHRASE))
    carer = keyslots.seal(ring.record_id, "carer", passphrases.normalise(CARER_PASSPHRASE),
                          owner.data_key, FAST, owner_private=owner.owner_private)
    files.save(ring, keyslots.KeyRing(ring.record_id, ring.sequence, ring.slots + (carer,)))
    return folder, code, carer


def test_carer_changes_only_their_own_passphrase(record_with_carer):
    folder, code, carer = record_with_carer
    owner_before = KeyFiles(folder).load().ring.slot_of_kind("owner")
    session = records.unlock_with_passphrase(folder, CARER_PASSPHRASE)
    try:
        assert keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST).kind == "carer"
    finally:
        session.lock()
    ring = KeyFiles(folder).load().ring
    assert ring.slot_of_kind("owner") == owner_before
    assert [s.slot_id for s in ring.slots if s.kind == "carer"] == [carer.slot_id]
    assert [_opens(folder, p) for p in (PASSPHRASE, CARER_PASSPHRASE, NEW_PASSPHRASE)] == [True, False, True]
    assert _opens_with_code(folder, code)


def test_carer_cannot_make_a_new_recovery_code(record_with_carer):
    folder, code, _ = record_with_carer
    before = _key_bytes(folder)
    session = records.unlock_with_passphrase(folder, CARER_PASSPHRASE)
    try:
        with pytest.raises(keys.OwnerOnly):
            keys.new_recovery_code(session)
    finally:
        session.lock()
    assert _key_bytes(folder) == before
    assert _opens_with_code(folder, code)


# --- recovery: the passphrase is forgotten ----------------------------------------------------

def _thousand_weights() -> list[Reading]:
    start = datetime(2025, 1, 1, 8, 0, tzinfo=timezone.utc)
    return [Reading("weight", start + timedelta(hours=8 * n), 60 + n / 100) for n in range(ENTRIES)]


def test_recovery_with_a_thousand_entries(new_record):
    folder, code = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert RecordServices(session).readings.add_batch(_thousand_weights(), "typed", None).added == ENTRIES
    finally:
        session.lock()

    recovered = records.unlock_with_recovery_code(folder, code)
    try:
        assert recovered.author.role == "owner"
        keys.change_passphrase(recovered, NEW_PASSPHRASE, argon2=FAST)
    finally:
        recovered.lock()

    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(folder, PASSPHRASE)
    session = records.unlock_with_passphrase(folder, NEW_PASSPHRASE)
    try:
        readings = RecordServices(session).readings.page("weight", 0, 2 * ENTRIES)
        assert sorted((r.taken_at, r.value) for r in readings) == [(r.taken_at, r.value) for r in _thousand_weights()]
        assert session.check().healthy
    finally:
        session.lock()
    assert _opens_with_code(folder, code)


def test_new_recovery_code_replaces_the_old_one(new_record):
    folder, old_code = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        new_code = keys.new_recovery_code(session)
    finally:
        session.lock()
    assert new_code != old_code and len(new_code) == len(old_code)
    with pytest.raises(WrongSecret):
        records.unlock_with_recovery_code(folder, old_code)
    assert _opens_with_code(folder, new_code)
    assert _opens(folder, PASSPHRASE)
    assert [s.kind for s in KeyFiles(folder).load().ring.slots].count("recovery") == 1
    assert _key_bytes(folder)[0] == _key_bytes(folder)[1]


def test_recovery_then_new_passphrase_and_new_code_in_one_session(new_record):
    folder, old_code = new_record
    session = records.unlock_with_recovery_code(folder, old_code)
    try:
        new_code = keys.new_recovery_code(session)
        keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)  # the session follows its new slot
    finally:
        session.lock()
    assert [_opens(folder, p) for p in (PASSPHRASE, NEW_PASSPHRASE)] == [False, True]
    assert [_opens_with_code(folder, c) for c in (old_code, new_code)] == [False, True]


# --- a full disk, a read-only folder ----------------------------------------------------------

def _fail_on_write(monkeypatch, failing_call: int, error_number: int) -> list[int]:
    """Make the `failing_call`-th atomic write fail halfway through its data, as a full disk does."""
    calls = []
    real = atomic.write_all

    def write(fd, data):
        if threading.current_thread() is not threading.main_thread():
            real(fd, data)  # an open record's heartbeat (in-use.json) on its own thread is not the change's write
            return
        calls.append(len(data))
        if len(calls) == failing_call:
            real(fd, data[: len(data) // 2])
            raise OSError(error_number, os.strerror(error_number))
        real(fd, data)

    monkeypatch.setattr(atomic, "write_all", write)
    return calls


def test_disk_full_during_the_change_leaves_the_old_passphrase(new_record, monkeypatch):
    folder, code = new_record
    before = _key_bytes(folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        _fail_on_write(monkeypatch, 1, errno.ENOSPC)
        with pytest.raises(StorageFull) as caught:
            keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)
        assert "Nothing was changed" in str(caught.value) and "Zoë" not in str(caught.value)
        monkeypatch.undo()
        assert _key_bytes(folder) == before and _no_temp_files(folder)
        assert _opens(folder, PASSPHRASE) and not _opens(folder, NEW_PASSPHRASE)
        keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)  # once there is room again
    finally:
        session.lock()
    assert _opens(folder, NEW_PASSPHRASE) and _opens_with_code(folder, code)


def test_disk_full_during_a_new_recovery_code_keeps_the_old_code(new_record, monkeypatch):
    folder, code = new_record
    before = _key_bytes(folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        _fail_on_write(monkeypatch, 1, errno.ENOSPC)
        with pytest.raises(StorageFull):
            keys.new_recovery_code(session)
    finally:
        monkeypatch.undo()
        session.lock()
    assert _key_bytes(folder) == before
    assert _opens_with_code(folder, code)


def test_disk_full_on_the_second_copy_the_change_has_happened(new_record, monkeypatch):
    """keys.json is replaced first and the newer copy wins: the change stands, and says so."""
    folder, code = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        _fail_on_write(monkeypatch, 2, errno.ENOSPC)
        changed = keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)
    finally:
        monkeypatch.undo()
        session.lock()
    assert changed == keys.PassphraseChanged("owner", both_copies=False)
    primary, backup = _key_bytes(folder)
    assert primary != backup and _no_temp_files(folder)
    assert not _opens(folder, PASSPHRASE)
    assert _opens(folder, NEW_PASSPHRASE)  # ... and this unlock repairs keys.bak.json
    assert _key_bytes(folder) == (primary, primary)
    assert _opens_with_code(folder, code)


def test_read_only_folder_is_storage_unavailable(new_record, monkeypatch):
    folder, code = new_record
    before = _key_bytes(folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)

    def refuse(path, data):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    try:
        monkeypatch.setattr(keyfiles, "write_atomic", refuse)
        with pytest.raises(StorageUnavailable) as caught:
            keys.change_passphrase(session, NEW_PASSPHRASE, argon2=FAST)
        assert "Nothing was changed" in str(caught.value)
    finally:
        monkeypatch.undo()
        session.lock()
    assert _key_bytes(folder) == before
    assert _opens(folder, PASSPHRASE) and _opens_with_code(folder, code)
