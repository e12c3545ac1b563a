"""Issue 19: a busy record waits. While another process holds a write transaction (BEGIN IMMEDIATE), a
second Regie waits for it instead of failing with "database is locked"; one that waits too long gives one
clear line, exit 1, and the record as it was.

The holder is a real second process: SQLite's locks between processes are what is tested.
"""

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.cli import main as cli
from phr.storage import database
from phr.storage.database import RecordBusy
from phr.storage.errors import RecordInUse

HOLDER = textwrap.dedent("""
    import os, sys, time
    from phr.access import records
    session = records.unlock_with_passphrase(sys.argv[1], os.environ["HOLD_PASSPHRASE"])
    session.db.execute("BEGIN IMMEDIATE")
    session.db.execute("UPDATE person SET name = name")
    print("holding", flush=True)
    sys.stdin.readline()  # until the test says so (or closes the pipe)
    session.db.execute("COMMIT")
    session.lock()
    print("released", flush=True)
""")


class Holder:
    """A second process holding the record's write lock until `release()`."""

    def __init__(self, folder: Path):
        env = {**os.environ, "HOLD_PASSPHRASE": PASSPHRASE}
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, env=env)
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "holding"

    def release(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "released"

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=30)  # also closes the pipes


@pytest.fixture
def holder(new_record):
    made: list[Holder] = []
    yield lambda: made.append(Holder(new_record[0])) or made[-1]
    for one in made:
        one.end()


def test_phr_check_waits_for_a_write_in_another_process_and_then_succeeds(new_record, holder, monkeypatch, capsys):
    """The case from the issue: `phr check` (its purge of old deletions writes) while another process writes.
    Before the fix SQLite's 5-second default ran out: a traceback-like line about an OperationalError."""
    folder = new_record[0]
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    held = holder()
    release = threading.Timer(6.5, held.release)  # longer than SQLite's own default of 5 s
    started = time.monotonic()
    release.start()
    try:
        assert cli.main(["check", str(folder)]) == 0
    finally:
        release.join()
    assert time.monotonic() - started >= 6
    out = capsys.readouterr()
    assert "Healthy record" in out.out and out.err == ""


def test_a_write_that_waits_too_long_gives_one_clear_line_and_changes_nothing(new_record, holder, monkeypatch, capsys):
    folder = new_record[0]
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(database, "BUSY_WAIT_SECONDS", 2.5)  # the wait of every connection opened from now
    held = holder()
    started = time.monotonic()
    code = cli.main(["check", str(folder)])
    waited = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "busy in another Regie" in err and "try again" in err
    assert "OperationalError" not in err and "locked" not in err
    assert 2.5 <= waited < 10
    held.release()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert session.check().healthy
    finally:
        session.lock()


def test_a_save_in_the_app_waits_and_says_so_after_about_a_second(session, holder):
    """The app's connection: `on_wait` hears after each step (about a second) how long it has waited, so
    the app can say "waiting for the record"; the save goes through once the other process is done."""
    held = holder()
    heard: list[float] = []

    def waiting(seconds: float) -> None:
        heard.append(seconds)
        if len(heard) == 2:
            held.release()

    session.db.on_wait = waiting
    session.rename_person("Saved After Waiting")
    assert len(heard) >= 2 and 0.8 <= heard[0] < 3
    assert session.person_name() == "Saved After Waiting"


def test_the_busy_error_is_a_record_in_use_and_the_transaction_is_rolled_back(session, holder, monkeypatch):
    monkeypatch.setattr(session.db, "busy_wait", 1.5)
    before = session.person_name()
    held = holder()
    with pytest.raises(RecordBusy) as caught:
        session.rename_person("Never Saved")
    assert isinstance(caught.value, RecordInUse)  # the app's words for a record in use elsewhere apply
    assert not session.db._open.in_transaction
    held.release()
    assert session.person_name() == before
    session.rename_person("Saved Now")
    assert session.person_name() == "Saved Now"


def test_the_app_says_in_its_status_bar_that_it_waits_for_the_record(qtbot, tmp_path, new_record, holder):
    """The app's main window: while a save waits for another process, the status bar says so (painted at
    once, the wait blocks the event loop); the save goes through when the other process is done."""
    from phr.ui.app.controller import AppController
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings

    app = AppController(AppSettings(tmp_path / "config" / "settings.ini"), RecordActions(), quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.open_record(records.unlock_with_passphrase(new_record[0], PASSPHRASE))
    assert app.main_window is not None and app.session is not None
    status = app.main_window.statusBar()
    shown: list[str] = []
    status.messageChanged.connect(shown.append)
    held = holder()
    release = threading.Timer(2.5, held.release)
    release.start()
    try:
        app.session.rename_person("Saved After Waiting")
    finally:
        release.join()
    waits = [text for text in shown if text.startswith("Waiting for the record")]
    assert waits and "another Regie or phr command is changing it" in waits[0]
    assert app.session.person_name() == "Saved After Waiting"
    app.lock()
