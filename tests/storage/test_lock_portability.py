"""The record locks, built on filelock's exclusive lock (flock here, LockFileEx on Windows): several
sessions may have a record open, or one restore may replace it, never both; a crash ends a lock."""

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
import threading

import pytest

from phr.storage import record_locks
from phr.storage.errors import RecordInUse

HOLDER = textwrap.dedent("""
    import sys, time
    from phr.storage import record_locks
    record_locks.hold_open(sys.argv[1])
    print("open", flush=True)
    time.sleep(120)
""")


@pytest.fixture
def folder(tmp_path):
    made = tmp_path / "record"
    made.mkdir(mode=0o700)
    return made


@pytest.fixture
def short_gate(monkeypatch):
    monkeypatch.setattr(record_locks, "GATE_WAIT_SECONDS", 0.1)


def _refused(folder) -> bool:
    try:
        with record_locks.nobody_has_it_open(folder):
            return False
    except RecordInUse:
        return True


def _marks(folder) -> list[str]:
    return sorted(p.name for p in folder.glob(record_locks.SESSION_MARKS))


def test_several_sessions_hold_it_at_once_and_a_restore_waits_for_the_last(folder):
    first = record_locks.hold_open(folder)
    second = record_locks.hold_open(folder)  # never refused by another session
    assert len(_marks(folder)) == 2 and _refused(folder)
    first.release()
    assert len(_marks(folder)) == 1 and _refused(folder)
    second.release()
    assert _marks(folder) == [] and not _refused(folder)


def test_no_session_signs_in_while_a_restore_holds_the_record(folder, short_gate):
    record_locks.hold_open(folder).release()  # opened once: open.lock is there
    with record_locks.nobody_has_it_open(folder):
        with pytest.raises(RecordInUse, match="being replaced"):
            record_locks.hold_open(folder)
    record_locks.hold_open(folder).release()  # after the swap: as before


def test_a_restore_of_a_folder_never_opened_takes_no_lock_and_makes_no_file(folder):
    with record_locks.nobody_has_it_open(folder):
        record_locks.hold_open(folder).release()  # nothing held: a session could sign in meanwhile
    assert sorted(p.name for p in folder.iterdir()) == [record_locks.OPEN_LOCK]


def test_a_session_mark_is_private_and_gone_when_it_closes_from_another_thread(folder):
    lock = record_locks.hold_open(folder)
    [mark] = folder.glob(record_locks.SESSION_MARKS)
    assert mark.stat().st_mode & 0o777 == 0o600 and mark.stat().st_size == 0
    closing = threading.Thread(target=lock.release)  # the app may lock a record from another thread
    closing.start()
    closing.join(10)
    assert not mark.exists() and not _refused(folder)
    lock.release()  # twice is harmless


def test_a_crashed_program_blocks_nothing_and_its_mark_is_cleared(folder):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert _refused(folder)
    finally:
        holder.send_signal(signal.SIGKILL)  # no release: the system ends the lock with the process
        holder.wait(30)
        holder.stdout.close()
    assert len(_marks(folder)) == 1  # left behind by the crash
    assert not _refused(folder)
    assert _marks(folder) == []  # the restore's check removed it


def test_opening_clears_marks_of_crashed_sessions_but_keeps_the_open_ones(folder):
    open_one = record_locks.hold_open(folder)
    crashed = folder / "open-0123456789ab.lock"
    crashed.touch(mode=0o600)  # as a killed program leaves it: nobody holds a lock on it
    record_locks.hold_open(folder).release()
    assert crashed.name not in _marks(folder) and len(_marks(folder)) == 1 and _refused(folder)
    open_one.release()


def test_a_record_open_in_an_older_regie_still_stops_a_restore(folder, short_gate):
    """Regie before filelock held a shared flock on open.lock for as long as the record was open."""
    with open(folder / record_locks.OPEN_LOCK, "a") as old:
        fcntl.flock(old, fcntl.LOCK_SH)
        assert _refused(folder)
    assert not _refused(folder)


def _handles_in(folder) -> list[str]:
    names = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            names.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue  # the listing's own descriptor, closed by now
    return [name for name in names if name.startswith(str(folder))]


@pytest.mark.parametrize("windows", [False, True])
def test_only_on_windows_the_restore_lets_go_of_the_gate_before_it_swaps(folder, monkeypatch, windows):
    """Windows does not rename a folder with an open file in it, the restore's own open.lock included;
    elsewhere the gate stays held, so no session signs in between the check and the swap."""
    monkeypatch.setattr(record_locks, "KEEP_DURING_SWAP", not windows)
    lock = record_locks.hold_open(folder)
    assert _refused(folder)  # the check is made on both
    lock.release()
    with record_locks.nobody_has_it_open(folder):
        held = _handles_in(folder)
    assert held == ([] if windows else [str(folder / record_locks.OPEN_LOCK)])


def test_a_folder_that_cannot_be_written_is_opened_unguarded(folder, monkeypatch):
    record_locks.hold_open(folder).release()  # open.lock exists, as in a record burnt to a CD
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(folder)) and flags & (os.O_RDWR | os.O_WRONLY):
            raise OSError(30, "Read-only file system", str(path))  # EROFS
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(record_locks.os, "open", read_only)
    record_locks.hold_open(folder).release()
    with record_locks.nobody_has_it_open(folder):
        pass
    with record_locks.changing_keys(folder):
        pass
    assert _marks(folder) == []


def test_a_key_change_waits_for_the_gate_of_another_not_for_the_sessions(folder):
    lock = record_locks.hold_open(folder)  # open sessions never stop a key change
    with record_locks.changing_keys(folder, wait=0.1):
        with pytest.raises(RecordInUse, match="changing the keys"):
            with record_locks.changing_keys(folder, wait=0.1):
                pass
    lock.release()
