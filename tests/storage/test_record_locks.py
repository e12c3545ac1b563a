"""Locks on a record folder: a restore never swaps away a record that is open somewhere, and two
programs changing keys at the same moment cannot overwrite each other's change."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from conftest import FAST, PASSPHRASE

from phr.access import carers, keys, records
from phr.backup import backups
from phr.storage import record_locks
from phr.storage.errors import KeysChanged, RecordInUse, WrongSecret
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import KeyFiles
from phr.storage.keys.slots import KeyRing

HOLDER = textwrap.dedent("""
    import os, sys, time
    from phr.access import records
    session = records.unlock_with_passphrase(sys.argv[1], os.environ["HOLD_PASSPHRASE"])
    print("open", flush=True)
    time.sleep(120)
""")


def _backup_of(folder, tmp_path):
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        session.rename_person("In The Backup")
        made = backups.make_backup(session, tmp_path / "r.regiebackup").path
        session.rename_person("After The Backup")
        return made
    finally:
        session.lock()


def _name_in(folder) -> str:
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        return session.person_name()
    finally:
        session.lock()


def _staging_left(tmp_path) -> list[str]:
    return [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


# --- restore over an open record ------------------------------------------------------------------

def test_restore_does_not_replace_a_record_open_in_this_program(new_record, tmp_path):
    folder, _ = new_record
    backup = _backup_of(folder, tmp_path)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        session.rename_person("Open And Newer")
        with pytest.raises(RecordInUse) as refused:
            backups.restore(backup, folder, "passphrase", PASSPHRASE, replace=True)
        assert "open" in str(refused.value) and "nothing was changed" in str(refused.value)
        assert session.person_name() == "Open And Newer"  # still the same record under this session
    finally:
        session.lock()
    assert _name_in(folder) == "Open And Newer" and _staging_left(tmp_path) == []
    backups.restore(backup, folder, "passphrase", PASSPHRASE, replace=True)  # closed: now it may
    assert _name_in(folder) == "In The Backup"


def test_an_open_record_is_checked_again_when_the_folders_are_swapped(new_record, tmp_path):
    folder, _ = new_record
    backup = _backup_of(folder, tmp_path)
    with backups.prepare_restore(backup, folder, "passphrase", PASSPHRASE, replace=True) as pending:
        session = records.unlock_with_passphrase(folder, PASSPHRASE)  # opened while the person read the preview
        try:
            with pytest.raises(RecordInUse):
                pending.confirm()
        finally:
            session.lock()
    assert _name_in(folder) == "After The Backup"


def test_another_program_holding_the_record_open_stops_a_restore_until_it_ends_even_by_a_crash(new_record, tmp_path):
    folder, _ = new_record
    backup = _backup_of(folder, tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "HOLD_PASSPHRASE": PASSPHRASE})
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(RecordInUse):
            backups.restore(backup, folder, "passphrase", PASSPHRASE, replace=True)
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: the lock ends with the process, no file to clean up
        holder.wait(30)
        holder.stdout.close()
    backups.restore(backup, folder, "passphrase", PASSPHRASE, replace=True)
    assert _name_in(folder) == "In The Backup"


def test_checking_a_folder_of_other_files_leaves_no_lock_file_in_it(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "letter.txt").write_text("not a record")
    with record_locks.nobody_has_it_open(papers):
        pass
    assert sorted(p.name for p in papers.iterdir()) == ["letter.txt"]


def test_a_wrong_passphrase_makes_no_lock_file(new_record):
    folder, _ = new_record
    (folder / record_locks.OPEN_LOCK).unlink()  # as in a record made before the lock existed
    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(folder, "not the passphrase of this record at all")
    assert not (folder / record_locks.OPEN_LOCK).exists()


# --- two key changes at once ----------------------------------------------------------------------

def test_a_key_change_waits_for_another_writer_and_then_refuses_to_overwrite_its_change(session):
    files = KeyFiles(session.folder)
    outcome = {}

    def add():
        try:
            outcome["added"] = carers.add_carer(session, "Bert", "bert paints the shed a deep green", FAST)
        except Exception as error:  # noqa: BLE001 - the test reads it below
            outcome["error"] = error

    with record_locks.changing_keys(session.folder):  # another program is writing the key files
        adding = threading.Thread(target=add)
        adding.start()
        time.sleep(1.5)  # the carer's key derivation (about a second) and then the wait for the lock
        assert adding.is_alive()  # it waits for the lock instead of comparing and writing now
        theirs = files.load().ring
        for path in files.paths:  # their change lands (the same ring, one step on)
            path.write_bytes(keyslots.to_json(KeyRing(theirs.record_id, theirs.sequence + 1, theirs.slots)))
    adding.join(30)
    assert isinstance(outcome.get("error"), KeysChanged)
    assert files.load().ring.sequence == theirs.sequence + 1 and len(files.load().ring.slots) == len(theirs.slots)


def test_a_key_lock_held_too_long_is_said_not_waited_for_forever(session):
    with record_locks.changing_keys(session.folder):
        started = time.monotonic()
        with pytest.raises(RecordInUse):
            with record_locks.changing_keys(session.folder, wait=0.3):
                pass
        assert time.monotonic() - started < 5


def test_a_passphrase_change_still_works_and_leaves_only_the_lock_files(session):
    keys.change_passphrase(session, "a brand new sentence for the old record", argon2=FAST)
    session.lock()
    reopened = records.unlock_with_passphrase(session.folder, "a brand new sentence for the old record")
    reopened.lock()
    assert {p.name for p in session.folder.iterdir()} == {"record.db", "keys.json", "keys.bak.json",
                                                            record_locks.OPEN_LOCK, record_locks.KEYS_LOCK}


@pytest.mark.parametrize("code", ["ENOLCK", "EOPNOTSUPP"])
def test_a_file_system_without_locks_still_opens_the_record_and_leaks_no_file_handle(new_record, monkeypatch, code):
    import errno

    folder, _ = new_record

    def no_locks(fd, *, blocking=True, poll_interval=0.05):  # filelock's lock call, as such a mount answers it
        raise OSError(getattr(errno, code), os.strerror(getattr(errno, code)))

    def lock_file_handles() -> int:  # only this record's: other tests in this worker process hold their own
        names = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                names.append(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                continue
        return sum(1 for name in names if name.startswith(str(folder)) and name.endswith(".lock"))

    monkeypatch.setattr(record_locks, "lock_descriptor", no_locks)
    for _ in range(3):
        session = records.unlock_with_passphrase(folder, PASSPHRASE)
        session.rename_person("Still Opens")
        session.lock()
    assert lock_file_handles() == 0
    assert not list(folder.glob(record_locks.SESSION_MARKS))  # no session left its mark behind


def test_repairing_a_stale_copy_never_overwrites_a_change_saved_meanwhile(new_record):
    folder, _ = new_record
    files = KeyFiles(folder)
    ring = files.load().ring
    (folder / "keys.json").write_bytes(b"damaged")  # the first copy is stale: an unlock would repair it
    loaded = files.load()
    assert [p.name for p in loaded.stale_copies] == ["keys.json"]
    newer = KeyRing(ring.record_id, ring.sequence + 1, ring.slots)
    (folder / "keys.json").write_bytes(keyslots.to_json(newer))  # another program saved, then crashed before
    # writing keys.bak.json: keys.json holds the only copy of its change
    files.repair(loaded)
    assert files.load().ring.sequence == ring.sequence + 1  # its change is still there
