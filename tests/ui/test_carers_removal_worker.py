"""Removing a carer with the re-encryption on a worker thread (phr.access.carers.Removal): the session's
connection is handed over and comes back under whatever key record.db has, also after a failure."""

import threading

import pytest
from conftest import FAST, PASSPHRASE

from phr.access import carers, records
from phr.core.errors import RecordDamaged, WrongSecret
from phr.storage.errors import RecordInUse

ANNA = "anna walks the dog along the dyke"


def _opens(folder, passphrase) -> bool:
    try:
        records.unlock_with_passphrase(folder, passphrase).lock()
    except (WrongSecret, RecordDamaged):
        return False
    return True


def _on_a_worker(work):
    """Run `work` on another thread, as the UI's pool does; returns (result, error)."""
    outcome = {}

    def run():
        try:
            outcome["result"] = work()
        except Exception as error:  # noqa: BLE001 - handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    return outcome.get("result"), outcome.get("error")


def test_the_key_change_runs_on_another_thread_and_the_session_carries_on(session):
    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    session.rename_person("Before The Removal")
    removal = carers.start_removal(session, "Anna")
    with pytest.raises(Exception):
        session.person_name()  # handed over: this thread's connection is closed meanwhile
    problem, error = _on_a_worker(removal.run)
    assert problem is None and error is None
    result = removal.finish()
    assert result.carer.name == "Anna" and result.finished
    assert carers.carers(session) == [] and session.person_name() == "Before The Removal"
    session.rename_person("After The Removal")  # the session writes under the new key
    session.lock()
    assert not _opens(session.folder, ANNA) and _opens(session.folder, PASSPHRASE)


def test_a_backup_that_could_not_be_made_changes_nothing_and_gives_the_connection_back(session):
    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    before = (session.folder / "keys.json").read_bytes()
    removal = carers.start_removal(session, "Anna")
    problem, error = _on_a_worker(lambda: removal.run(lambda: "no backup: the disk is full"))
    assert problem == "no backup: the disk is full" and error is None
    assert removal.finish() is None
    assert (session.folder / "keys.json").read_bytes() == before
    assert [c.name for c in carers.carers(session)] == ["Anna"] and session.check().healthy
    session.lock()
    assert _opens(session.folder, ANNA)


def test_a_rotation_refused_on_the_worker_gives_the_connection_back(session):
    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    other = records.unlock_with_passphrase(session.folder, PASSPHRASE)  # another program has it open
    try:
        removal = carers.start_removal(session, "Anna")
        _, error = _on_a_worker(removal.run)
        assert isinstance(error, RecordInUse)
        assert removal.finish() is None
    finally:
        other.lock()
    assert [c.name for c in carers.carers(session)] == ["Anna"] and session.check().healthy
    session.rename_person("Still Writable")
    assert session.person_name() == "Still Writable"


def test_the_backup_job_reads_over_its_own_connection_while_the_session_has_handed_its_own_over(session, tmp_path):
    from phr.backup import auto_backup

    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    removal = carers.start_removal(session, "Anna")
    made = []
    (tmp_path / "backups").mkdir()  # a folder the person chose, plugged in

    def backup():
        made.append(auto_backup.backup_before(session, "rekey", tmp_path / "backups", 7, own_connection=True))
        return None

    problem, error = _on_a_worker(lambda: removal.run(backup))
    assert problem is None and error is None and removal.finish().finished
    assert made and made[0].exists()


def test_another_window_finishing_the_key_files_first_is_still_a_removal(session, monkeypatch):
    """Step 4 meets key files another window wrote after our rekey: the removal happened, say so."""
    from phr.storage.keys import rotation

    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    real_rekey = rotation._rekey

    def rekey_then_another_window_opens(opened, new_key):
        real_rekey(opened, new_key)
        records.unlock_with_passphrase(session.folder, PASSPHRASE).lock()  # it finishes the rotation itself

    monkeypatch.setattr(rotation, "_rekey", rekey_then_another_window_opens)
    result = carers.remove_carer(session, "Anna")
    assert result.carer.name == "Anna" and result.finished
    assert carers.carers(session) == [] and session.check().healthy
    session.lock()
    assert not _opens(session.folder, ANNA) and _opens(session.folder, PASSPHRASE)


@pytest.mark.parametrize("rotation_ran", [True, False])
def test_a_record_that_cannot_be_opened_again_is_locked_not_left_half_open(session, monkeypatch, rotation_ran):
    from phr.storage.errors import StorageFull
    from phr.storage.keys import rotation

    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    removal = carers.start_removal(session, "Anna")
    problem, error = _on_a_worker(lambda: removal.run(None if rotation_ran else (lambda: "no backup")))
    assert error is None

    def disk_full(opened, worker):
        raise StorageFull("The record could not be opened: the disk is full.")

    monkeypatch.setattr(rotation, "reattach", disk_full)
    with pytest.raises(carers.RecordClosed) as closed:
        removal.finish()
    assert closed.value.removed is rotation_ran and not session.is_open  # the key is not left in memory
    monkeypatch.undo()
    assert _opens(session.folder, ANNA) is not rotation_ran and _opens(session.folder, PASSPHRASE)
