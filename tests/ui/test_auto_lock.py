"""Auto-lock with the real controller and a real record: a minute is made 100 ms instead of waiting minutes.

The record opens with real minutes (building the main window takes longer than a short minute); each test
then shortens the minute and starts the idle time, as a changed setting would.
"""

import sys

import pytest
import shiboken6
from conftest import PASSPHRASE
from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from phr.access import records
from phr.ui.app.controller import AppController
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.security import auto_lock
from phr.ui.security.auto_lock import open_dialog

MINUTE_MS = 100


@pytest.fixture
def settings(tmp_path):
    settings = AppSettings(tmp_path / "config" / "settings.ini")
    settings.set_auto_lock_minutes(1)
    return settings


@pytest.fixture
def controller(qtbot, settings, create_fast):
    app = AppController(settings, RecordActions(create=create_fast), quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.show()
    yield app
    app.lock()


def open_record(qtbot, controller, folder, minute_ms=MINUTE_MS):
    """As in the app, the record opens from the running event loop (an unlock ends on the GUI thread)."""
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    controller.start_window.add_known_record(folder)
    QTimer.singleShot(0, lambda: controller.open_record(session))
    qtbot.waitUntil(lambda: controller.main_window is not None)
    qtbot.waitExposed(controller.main_window)
    assert controller.session is session and controller.auto_lock.active
    controller.auto_lock.minute_ms = minute_ms
    controller.apply_auto_lock_setting()
    return session


@pytest.fixture
def opened(qtbot, controller, new_record):
    folder, _ = new_record
    return controller, open_record(qtbot, controller, folder)


def assert_locked(controller, session):
    assert controller.session is None and controller.main_window is None
    assert not session.is_open  # database closed, key dropped
    with pytest.raises(RuntimeError, match="locked"):  # a locked session holds nobody's name or key
        session.author
    assert controller.start_window.isVisible()
    assert not controller.auto_lock.active


def test_after_the_idle_time_the_record_locks(qtbot, opened):
    controller, session = opened
    main = controller.main_window
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)
    assert_locked(controller, session)
    qtbot.waitUntil(lambda: not shiboken6.isValid(main))  # the window and its pages are gone
    assert "not used for a while" in controller.start_window.unlock_panel.message.text()


def test_input_postpones_the_lock(qtbot, opened):
    controller, session = opened
    controller.auto_lock.minute_ms = 400
    controller.apply_auto_lock_setting()
    main = controller.main_window
    for step in range(12):  # 1.2 s of typing and moving the mouse: three idle periods, yet no lock
        if step % 2:
            qtbot.keyClick(main.navigation, Qt.Key.Key_Down)
        else:
            qtbot.mouseMove(main.navigation, QPoint(10 + step, 10 + step))
        qtbot.wait(100)
        assert controller.session is session
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)  # then nothing: it locks
    assert_locked(controller, session)


def test_never_means_never(qtbot, settings, opened):
    controller, session = opened
    settings.set_auto_lock_minutes(0)
    controller.apply_auto_lock_setting()
    assert not controller.auto_lock.is_counting()
    qtbot.wait(8 * MINUTE_MS)
    assert controller.session is session


def test_a_changed_setting_takes_effect(qtbot, settings, controller, new_record):
    settings.set_auto_lock_minutes(0)
    session = open_record(qtbot, controller, new_record[0])
    qtbot.wait(5 * MINUTE_MS)
    assert controller.session is session

    settings.set_auto_lock_minutes(2)  # e.g. in the settings dialog
    controller.apply_auto_lock_setting()
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)
    assert_locked(controller, session)


def test_a_modal_dialog_keeps_its_draft_and_the_lock_waits_until_it_is_closed(qtbot, opened):
    controller, session = opened
    dialog = QDialog(controller.main_window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.open()  # window-modal, as a dialog opened with open()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(edit, "half a note")
    qtbot.waitUntil(lambda: controller.auto_lock.pending, timeout=3000)  # the idle time is over
    qtbot.wait(5 * MINUTE_MS)
    assert controller.session is session and dialog.isVisible()
    assert edit.text() == "half a note"

    dialog.reject()  # closed without input since: it locks at once
    qtbot.waitUntil(lambda: controller.session is None, timeout=1000)
    assert_locked(controller, session)


def test_input_while_the_lock_waits_for_a_dialog_means_the_user_is_back(qtbot, opened):
    controller, session = opened
    dialog = QDialog(controller.main_window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.open()
    qtbot.waitUntil(lambda: controller.auto_lock.pending, timeout=3000)
    qtbot.keyClicks(edit, "x")
    assert not controller.auto_lock.pending
    dialog.reject()
    qtbot.wait(MINUTE_MS // 2)
    assert controller.session is session  # the idle time started again at the input
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)


def test_quick_entry_opened_with_exec_locks_only_after_exec_returned(qtbot, opened, monkeypatch):
    """The real path: Ctrl+M runs the dialog with exec(). The lock waits for it and never happens inside
    exec(), where the code that opened the dialog still runs and would find its record gone."""
    from phr.ui.forms import discard

    monkeypatch.setattr(discard, "confirm_discard", lambda parent: True)  # "Discard" what was typed
    controller, session = opened
    main = controller.main_window
    seen = {}

    def inside_the_dialog():
        dialog = open_dialog()
        qtbot.keyClicks(dialog.note, "after a bad night")
        qtbot.waitUntil(lambda: controller.auto_lock.pending, timeout=3000)
        qtbot.wait(3 * MINUTE_MS)
        seen["while open"] = (controller.session is session, dialog.note.text())
        dialog.reject()

    def run():
        QTimer.singleShot(0, inside_the_dialog)
        main.new_measurement()  # returns when the dialog is closed
        seen["after exec"] = controller.session is session

    QTimer.singleShot(0, run)
    qtbot.waitUntil(lambda: "after exec" in seen, timeout=5000)
    assert seen == {"while open": (True, "after a bad night"), "after exec": True}
    qtbot.waitUntil(lambda: controller.session is None, timeout=1000)
    assert_locked(controller, session)


def test_no_lock_inside_a_nested_event_loop(qtbot, opened):
    """A menu's exec() or a message box has its own event loop too: the lock waits until it returns."""
    controller, session = opened
    seen = {}

    def nested():
        loop = QEventLoop()
        QTimer.singleShot(6 * MINUTE_MS, loop.quit)
        loop.exec()
        seen["open after the nested loop"] = controller.session is session and controller.auto_lock.pending

    QTimer.singleShot(0, nested)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == {"open after the nested loop": True}
    qtbot.waitUntil(lambda: controller.session is None, timeout=1000)
    assert_locked(controller, session)


def test_sleep_locks_at_once(qtbot, settings, opened):
    controller, session = opened
    settings.set_auto_lock_minutes(0)  # even with idle locking off
    controller.apply_auto_lock_setting()
    watch = controller.auto_lock.system
    watch.on_prepare_for_sleep(False)  # waking up is no reason
    qtbot.wait(50)
    assert controller.session is session
    watch.on_prepare_for_sleep(True)
    qtbot.waitUntil(lambda: controller.session is None, timeout=1000)
    assert_locked(controller, session)
    assert "went to sleep" in controller.start_window.unlock_panel.message.text()


def test_a_locked_screen_locks_the_record(qtbot, controller, new_record):
    session = open_record(qtbot, controller, new_record[0], minute_ms=60_000)  # no idle lock meanwhile
    controller.auto_lock.system.on_screen_locked(False)
    assert controller.session is session
    controller.auto_lock.system.on_screen_locked(True)
    qtbot.waitUntil(lambda: controller.session is None, timeout=1000)
    assert_locked(controller, session)


def test_a_manual_lock_stops_watching(qtbot, opened):
    controller, session = opened
    controller.lock()  # Ctrl+L: at once, as before
    assert_locked(controller, session)
    assert not controller.auto_lock.is_counting()
    controller.auto_lock.system.on_prepare_for_sleep(True)  # nothing open: nothing happens
    controller.auto_lock.idle_time_over()
    assert controller.session is None


def test_without_a_desktop_bus_nothing_is_connected(qtbot, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert auto_lock.SystemLockWatch().connected == []
