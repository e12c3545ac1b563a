"""Issue 19, point 8: what a killed backup, restore or record creation left beside its target is removed at the
next start of any command that opens or makes a record, and only that: never a user's file, never what a job
still running is writing, and the old record of a swap cut between its renames is put back, not removed.

The jobs are real processes killed with SIGKILL; each holds its ticket as the writing code does
(leftovers.pending around the job).
"""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.storage import leftovers
from phr.storage.leftovers import Job

KILLED_BACKUP = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from phr.access import records
    from phr.backup import backups
    session = records.unlock_with_passphrase(sys.argv[1], os.environ["HOLD_PASSPHRASE"])
    out = Path(sys.argv[2])
    steps = []

    def stop():  # asked between the snapshot's steps and the archive's writes: die halfway through the archive
        steps.append(1)
        if any(p.name.endswith(".tmp") for p in out.parent.iterdir()) and len(steps) > 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return False

    backups.make_backup(session, out, stop=stop)  # it holds its own ticket
""")

HOLDING_JOB = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from phr.storage import leftovers
    ticket = leftovers.started(leftovers.Job(sys.argv[1]), Path(sys.argv[2]))
    for name in sys.argv[3:]:
        path = Path(sys.argv[2]).parent / name
        path.mkdir() if name.endswith("/") else path.write_bytes(b"half")
    print("ready", flush=True)
    time.sleep(120)
""")


def run_job(*args: object) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLDING_JOB, *map(str, args)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)


def hidden(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def unlock_any_record(folder: Path) -> None:
    """The next start of a command: every command that opens a record unlocks it."""
    records.unlock_with_passphrase(folder, PASSPHRASE).lock()


@pytest.fixture
def outside(tmp_path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


USERS_OWN = [".out.regiebackup.notes", ".out.regiebackup.123.snapshot", ".out.regiebackup.0a1b2c3d4e5f.snapshot.txt",
             ".other.regiebackup.0a1b2c3d4e5f.tmp", "out.regiebackup.0a1b2c3d4e5f.tmp"]


def test_a_backup_killed_halfway_leaves_files_that_the_next_start_removes(new_record, outside, tmp_path):
    folder = new_record[0]
    for name in USERS_OWN:
        (outside / name).write_bytes(b"mine")
    out = outside / "out.regiebackup"
    killed = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(folder), str(out)], timeout=300,
                            env={**os.environ, "HOLD_PASSPHRASE": PASSPHRASE})
    assert killed.returncode == -signal.SIGKILL
    left = [name for name in hidden(outside) if name not in USERS_OWN]
    assert any(name.endswith(".snapshot") for name in left) and any(name.endswith(".tmp") for name in left)
    assert not out.exists()
    unlock_any_record(folder)
    assert sorted(path.name for path in outside.iterdir()) == sorted(USERS_OWN)  # a user's files, names alike, stay
    assert list(leftovers.default_tickets().iterdir()) == []


def test_what_a_running_job_writes_is_left_alone_even_beside_a_killed_one_s(new_record, outside):
    out = outside / "out.regiebackup"
    snapshot, archive = ".out.regiebackup.0a1b2c3d4e5f.snapshot", ".out.regiebackup.a1b2c3d4e5f6.tmp"
    running = run_job(Job.BACKUP, out, snapshot)
    try:
        kill(run_job(Job.BACKUP, out, archive))
        unlock_any_record(new_record[0])
        assert hidden(outside) == sorted([snapshot, archive])  # same target as a running job: wait for it
    finally:
        kill(running)
    unlock_any_record(new_record[0])
    assert hidden(outside) == []


def test_a_killed_restore_s_hidden_folder_goes_and_an_old_record_cut_off_mid_swap_comes_back(new_record, outside):
    target = outside / "Anna.regie"
    kill(run_job(Job.RESTORE, target, ".Anna.regie.restoring-0a1b2c3d/", ".Anna.regie.replaced-1a2b3c4d/"))
    (outside / ".Anna.regie.replaced-1a2b3c4d" / "record.db").write_bytes(b"the old record")
    unlock_any_record(new_record[0])
    assert hidden(outside) == []
    assert (target / "record.db").read_bytes() == b"the old record"  # put back, not removed


def test_after_a_swap_that_finished_the_old_record_beside_it_is_removed(new_record, outside):
    target = outside / "Anna.regie"
    target.mkdir()
    (target / "record.db").write_bytes(b"the restored record")
    kill(run_job(Job.RESTORE, target, ".Anna.regie.replaced-1a2b3c4d/"))
    unlock_any_record(new_record[0])
    assert hidden(outside) == [] and (target / "record.db").read_bytes() == b"the restored record"


def test_a_killed_record_creation_leaves_nothing_after_the_next_start(new_record, outside):
    kill(run_job(Job.CREATE, outside / "Bram.regie", ".Bram.regie.creating-0a1b2c3d/"))
    (outside / ".Bram.regie.creating-0a1b2c3d" / "record.db").write_bytes(b"half a record")
    (outside / ".Bram.regie.creating-notes").mkdir()  # not a name Regie gives
    unlock_any_record(new_record[0])
    assert hidden(outside) == [".Bram.regie.creating-notes"]


def test_creating_a_record_holds_a_ticket_while_it_works_and_none_after(tmp_path, create_fast, monkeypatch):
    seen = []
    real = leftovers.started

    def watched(job, target, tickets=None):
        ticket = real(job, target, tickets)
        seen.append((job, Path(target), sorted(p.name for p in leftovers.default_tickets().iterdir())))
        return ticket

    monkeypatch.setattr(leftovers, "started", watched)
    created = create_fast(tmp_path / "Bram.regie", "Bram", PASSPHRASE)
    created.session.lock()
    assert [(job, target) for job, target, _ in seen] == [(Job.CREATE, tmp_path / "Bram.regie")]
    assert len(seen[0][2]) == 1 and seen[0][2][0].endswith(leftovers.TICKET_SUFFIX)
    assert list(leftovers.default_tickets().iterdir()) == []


def test_a_ticket_folder_that_cannot_be_made_does_not_stop_the_job(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_bytes(b"")
    with leftovers.pending(Job.BACKUP, tmp_path / "out.regiebackup", blocked / "unfinished"):
        pass
    assert leftovers.clean_up(blocked / "unfinished") == []


def test_a_restore_holds_a_ticket_until_it_is_confirmed_or_cancelled(new_record, outside):
    from phr.backup import backups

    session = records.unlock_with_passphrase(new_record[0], PASSPHRASE)
    try:
        backup = backups.make_backup(session, outside / "b.regiebackup").path
    finally:
        session.lock()
    assert list(leftovers.default_tickets().iterdir()) == []  # the backup's ticket went when it was done
    for answer in ("cancel", "confirm"):
        pending = backups.prepare_restore(backup, outside / f"{answer}.regie", "passphrase", PASSPHRASE)
        assert len(list(leftovers.default_tickets().iterdir())) == 1  # killed now, the next start cleans up
        pending.cancel() if answer == "cancel" else pending.confirm()
        assert list(leftovers.default_tickets().iterdir()) == []
