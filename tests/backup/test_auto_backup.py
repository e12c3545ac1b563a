"""Automatic backups (phr.backup.auto_backup, phr.ui.backup.auto_backup_runner): when, where, how many, and failures."""

import errno
import os
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.backup import auto_backup, backups
from phr.storage.open_vault import OpenVault
from phr.ui.app.settings import AppSettings
from phr.ui.backup.auto_backup_runner import AutoBackupRunner, BackupNotMade

T0 = datetime(2026, 11, 22, 8, 30, tzinfo=timezone.utc)


class Clock:
    """An injected clock the test moves by hand."""

    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def _disk_full_under(monkeypatch, folder: Path, code: int = errno.ENOSPC) -> None:
    """os.write to files under `folder` fails with ENOSPC (as in tests/test_backups.py), on any thread."""
    real = os.write

    def write(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder)):
            raise OSError(code, os.strerror(code))
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


def _ours(session, folder: Path) -> list[Path]:
    return backups.rotation_backups(folder, session.vault.ring.record_id)


@pytest.fixture
def folder(tmp_path) -> Path:
    made = tmp_path / "stick" / "backups"
    made.mkdir(parents=True)
    return made


# --- when a backup is due -------------------------------------------------------------------------

def test_a_backup_is_due_when_there_is_none_and_again_after_24_hours(session, folder):
    clock, record_id = Clock(), session.vault.ring.record_id
    assert auto_backup.is_due(folder, record_id, clock())
    first = auto_backup.run_if_due(session, folder, 7, clock)
    assert first.made is not None and first.problem is None
    assert auto_backup.newest_backup_time(folder, record_id, clock()) == T0
    clock.advance(hours=23, minutes=59)
    assert auto_backup.run_if_due(session, folder, 7, clock) == auto_backup.AutoBackupResult()
    assert _ours(session, folder) == [first.made]
    clock.advance(minutes=1)
    second = auto_backup.run_if_due(session, folder, 7, clock)
    assert second.made is not None and _ours(session, folder) == [first.made, second.made]


def test_a_backup_dated_in_the_future_does_not_stop_new_ones(session, folder):
    clock = Clock(T0 + timedelta(days=30))
    future = auto_backup.run_if_due(session, folder, 7, clock).made
    clock.now = T0  # the clock was set back
    assert auto_backup.run_if_due(session, folder, 7, clock).made is not None
    assert future.exists()


def test_another_records_backup_does_not_count(session, folder, create_fast, tmp_path):
    other = create_fast(tmp_path / "other.regie", "Someone Else", "green lamp beside a quiet canal").session
    try:
        auto_backup.run_if_due(other, folder, 7, Clock())
    finally:
        other.lock()
    assert auto_backup.is_due(folder, session.vault.ring.record_id, T0 + timedelta(minutes=1))


# --- rotation -------------------------------------------------------------------------------------

def test_rotation_keeps_the_number_chosen_per_record(session, folder):
    clock, made = Clock(), []
    for _ in range(10):
        made.append(auto_backup.run_if_due(session, folder, 8, clock).made)
        clock.advance(hours=25)
    assert _ours(session, folder) == made[-8:]
    assert sorted(folder.iterdir()) == made[-8:]


# --- the backup made opens and restores ---------------------------------------------------------

def test_the_automatic_backup_restores_with_the_records_passphrase(session, folder, tmp_path):
    session.rename_person("Before The Backup")
    counts = session.check().counts
    made = auto_backup.run_if_due(session, folder, 7, Clock()).made
    with backups.prepare_restore(made, tmp_path / "restored.regie", "passphrase", PASSPHRASE) as pending:
        assert pending.preview.counts == counts
        pending.confirm()
    restored = records.unlock_with_passphrase(tmp_path / "restored.regie", PASSPHRASE)
    try:
        assert restored.person_name() == "Before The Backup"
    finally:
        restored.lock()


def test_it_is_read_over_a_second_connection(session, folder, monkeypatch):
    real, opened = OpenVault.second_connection, []

    def second_connection(vault):
        db = real(vault)
        opened.append(db)
        return db

    monkeypatch.setattr(OpenVault, "second_connection", second_connection)
    assert auto_backup.run_if_due(session, folder, 7, Clock()).made is not None
    assert len(opened) == 1 and opened[0] is not session.db
    with pytest.raises(Exception):
        opened[0].query_one("SELECT 1")  # closed again
    assert session.person_name() == "Zoë Ünal"


# --- a backup stopped because the record locks ---------------------------------------------------

class StopAfter:
    """A stop() that says True from its n-th question on (0: at once)."""

    def __init__(self, n: int):
        self.n, self.asked = n, 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.n


@pytest.mark.parametrize("questions", [0, 1, 3])  # in the snapshot, at the archive's first write, later
def test_a_stopped_backup_keeps_nothing_closes_its_connection_and_is_no_problem(session, folder, monkeypatch,
                                                                                 questions):
    real, opened = OpenVault.second_connection, []
    monkeypatch.setattr(OpenVault, "second_connection", lambda vault: opened.append(real(vault)) or opened[-1])
    stop = StopAfter(questions)
    result = auto_backup.run_if_due(session, folder, 7, Clock(), stop=stop)
    assert result.made is None and result.problem is None and stop.asked == questions + 1
    assert list(folder.iterdir()) == []  # no backup, no half-written temp file, no snapshot
    with pytest.raises(Exception):
        opened[0].query_one("SELECT 1")  # closed
    assert auto_backup.run_if_due(session, folder, 7, Clock()).made is not None  # the next one is made


# --- failures are reported, not raised -------------------------------------------------------

def test_a_missing_folder_is_a_problem_not_an_exception_and_is_not_made(session, tmp_path):
    stick = tmp_path / "media" / "STICK" / "backups"  # the USB stick is not plugged in
    result = auto_backup.run_if_due(session, stick, 7, Clock())
    assert result.problem == auto_backup.FOLDER_MISSING and result.made is None
    assert not (tmp_path / "media").exists()


def test_the_default_folder_is_made_when_missing(session, tmp_path, monkeypatch):
    default = tmp_path / "data" / "Regie" / "backups"
    monkeypatch.setattr(auto_backup, "default_folder", lambda: default)
    assert auto_backup.run_if_due(session, default, 7, Clock()).made.parent == default


def test_a_full_disk_leaves_no_file_and_a_working_record(session, folder, monkeypatch):
    _disk_full_under(monkeypatch, folder)
    result = auto_backup.run_if_due(session, folder, 7, Clock())
    assert result.problem == auto_backup.DISK_FULL and result.made is None
    assert list(folder.iterdir()) == []  # no partial backup, no hidden snapshot
    monkeypatch.undo()
    session.rename_person("Still Writable")
    assert session.person_name() == "Still Writable" and session.check().healthy
    assert auto_backup.run_if_due(session, folder, 7, Clock()).made is not None  # still due: tried again


def test_a_read_only_folder_is_a_problem(session, folder, monkeypatch):
    _disk_full_under(monkeypatch, folder, errno.EROFS)  # tests may run as root: chmod would not stop it
    result = auto_backup.run_if_due(session, folder, 7, Clock())
    assert result.problem == auto_backup.UNAVAILABLE and list(folder.iterdir()) == []


# --- the backup before a rekey ----------------------------------------------------------------------

def test_backup_before_writes_one_even_when_none_is_due(session, folder):
    clock = Clock()
    first = auto_backup.run_if_due(session, folder, 7, clock).made
    clock.advance(minutes=5)
    before = auto_backup.backup_before(session, "rekey", folder, 7, clock)
    assert _ours(session, folder) == [first, before]


def test_backup_before_raises_when_it_cannot_write(session, tmp_path, folder, monkeypatch):
    with pytest.raises(BackupNotMade) as missing:
        auto_backup.backup_before(session, "rekey", tmp_path / "not-plugged-in", 7)
    assert missing.value.problem == auto_backup.FOLDER_MISSING and missing.value.reason == "rekey"
    _disk_full_under(monkeypatch, folder)
    with pytest.raises(BackupNotMade) as full:
        auto_backup.backup_before(session, "rekey", folder, 7)
    assert full.value.problem == auto_backup.DISK_FULL and list(folder.iterdir()) == []
    with pytest.raises(ValueError):
        auto_backup.backup_before(session, "because", folder, 7)


# --- the runner (Qt: a pool thread, a notice in words) -----------------------------------------

@pytest.fixture
def settings(tmp_path, folder, qtbot):
    chosen = AppSettings(tmp_path / "config" / "settings.ini")
    chosen.set_backup_folder(folder)
    return chosen


def run(qtbot, runner, session) -> list[str]:
    said = []
    assert runner.start(session, said.append)
    qtbot.waitUntil(lambda: not runner.is_running and not runner._tasks, timeout=10000)
    return said


def test_the_runner_backs_up_off_the_gui_thread_after_unlock(qtbot, settings, session, folder, monkeypatch):
    threads, real = [], auto_backup.run_if_due
    monkeypatch.setattr(auto_backup, "run_if_due",
                        lambda *args, **kw: (threads.append(threading.current_thread()), real(*args, **kw))[1])
    runner = AutoBackupRunner(settings, clock=Clock())
    with qtbot.waitSignal(runner.made, timeout=10000) as made:
        assert runner.start(session, lambda text: pytest.fail(text))
    assert made.args[0].parent == folder and threads and threads[0] is not threading.main_thread()
    assert run(qtbot, runner, session) == []  # not due again: nothing made, nothing said
    assert len(_ours(session, folder)) == 1


def test_the_runner_says_a_missing_folder_in_words_and_tries_again_later(qtbot, settings, session, tmp_path):
    stick = tmp_path / "STICK"
    settings.set_backup_folder(stick)
    runner = AutoBackupRunner(settings, clock=Clock())
    said = run(qtbot, runner, session)
    assert len(said) == 1 and str(stick) in said[0] and "USB" in said[0]
    stick.mkdir()  # plugged in before the next unlock
    assert run(qtbot, runner, session) == [] and len(_ours(session, stick)) == 1


def test_the_runner_says_a_full_disk_and_the_record_keeps_working(qtbot, settings, session, folder, monkeypatch):
    _disk_full_under(monkeypatch, folder)
    said = run(qtbot, AutoBackupRunner(settings, clock=Clock()), session)
    assert len(said) == 1 and "full" in said[0]
    assert list(folder.iterdir()) == []
    monkeypatch.undo()
    session.rename_person("Still Writable")
    assert session.person_name() == "Still Writable"


def test_the_runner_does_nothing_when_switched_off(qtbot, settings, session, folder):
    settings.set_auto_backup_enabled(False)
    assert not AutoBackupRunner(settings, clock=Clock()).start(session, lambda text: pytest.fail(text))
    assert list(folder.iterdir()) == []


def test_the_runner_keeps_the_number_from_the_settings(qtbot, settings, session, folder):
    settings.set_backups_kept(9)
    clock = Clock()
    runner = AutoBackupRunner(settings, clock=clock)
    for _ in range(11):
        run(qtbot, runner, session)
        clock.advance(hours=24)
    assert len(_ours(session, folder)) == 9


def test_the_runners_backup_before_a_rekey_and_its_message(qtbot, settings, session, folder, tmp_path):
    runner = AutoBackupRunner(settings, clock=Clock())
    assert runner.backup_job(session, "rekey")() is None and len(_ours(session, folder)) == 1
    settings.set_backup_folder(tmp_path / "gone")
    text = runner.backup_job(session, "rekey")()
    assert text.startswith("Nothing was changed") and str(tmp_path / "gone") in text


def test_stopping_the_runner_ends_a_running_backup_before_the_record_locks(qtbot, settings, session, folder,
                                                                           monkeypatch):
    from phr.storage import backups as files
    copying, real = threading.Event(), files._raise_if

    def slow_step(stop):
        copying.set()
        for _ in range(500):  # a large record: many steps; this one waits for the stop
            if stop():
                break
            threading.Event().wait(0.01)
        real(stop)

    monkeypatch.setattr(files, "_raise_if", slow_step)
    runner = AutoBackupRunner(settings, clock=Clock())
    said = []
    assert runner.start(session, said.append)
    assert copying.wait(10)
    assert runner.stop(timeout=10) and not runner.is_running
    qtbot.waitUntil(lambda: not runner._tasks, timeout=10000)
    assert said == [] and list(folder.iterdir()) == []
    session.lock()
    assert not (session.folder / "record.db-wal").exists()  # no connection of the backup left open


def test_a_backup_before_that_does_not_know_the_number_kept_removes_none(session, folder):
    """The command line does not know how many backups the person chose to keep in the app."""
    for hour in range(9):
        backups.backup_rotation(session, folder, keep=30, now=T0 + timedelta(hours=hour))
    auto_backup.backup_before(session, "rekey", folder, keep=None, clock=Clock(T0 + timedelta(days=1)))
    assert len(_ours(session, folder)) == 10
    auto_backup.backup_before(session, "rekey", folder, keep=7, clock=Clock(T0 + timedelta(days=2)))
    assert len(_ours(session, folder)) == 7


def test_the_backups_own_connection_is_closed_before_the_archive_is_written(session, folder, monkeypatch):
    """A slow USB stick must not keep the record open: the snapshot is taken, then the connection goes."""
    from phr.storage import backups as files

    real_second, opened = OpenVault.second_connection, []
    monkeypatch.setattr(OpenVault, "second_connection", lambda vault: opened.append(real_second(vault)) or opened[-1])
    real_archive, open_while_writing = files._write_archive, []

    def write_archive(*args, **kwargs):
        open_while_writing.append(opened[0].is_open)
        return real_archive(*args, **kwargs)

    monkeypatch.setattr(files, "_write_archive", write_archive)
    assert auto_backup.run_if_due(session, folder, 7, Clock()).made is not None
    assert open_while_writing == [False]


def test_writes_elsewhere_during_a_stepped_backup_do_not_make_it_start_over(session, folder, monkeypatch):
    """Without one read transaction, every save in the window would restart SQLite's copy: never done."""
    from phr.storage import backups as files

    monkeypatch.setattr(files, "SNAPSHOT_STEP", 1)  # one page per step: many steps, as for a large record
    pages = session.vault.db.query_one("PRAGMA page_count")[0]
    writing, wrote = threading.Event(), []

    def keep_writing():
        db = session.vault.second_connection()  # another connection, as the window's saves are
        try:
            while not writing.is_set():
                with db.transaction():
                    db.execute("INSERT OR REPLACE INTO record_meta (key, value) VALUES ('test_tick', ?)",
                               (str(len(wrote)),))
                wrote.append(1)
        finally:
            db.close()

    asked = []

    def stop() -> bool:
        asked.append(1)
        threading.Event().wait(0.002)  # let the writer in between the steps
        return len(asked) > 20 * pages  # a copy that keeps starting over

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        result = auto_backup.run_if_due(session, folder, 7, Clock(), stop=stop)
    finally:
        writing.set()
        writer.join(30)
    assert len(wrote) > 5  # the writer did write during the copy
    assert result.made is not None and len(asked) <= 2 * pages + 10
