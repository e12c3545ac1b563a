"""Forgot your passphrase: the recovery dialog from the start window, driven by keyboard (pytest-qt, offscreen)."""

import functools
import threading

import pytest
from conftest import FAST, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from phr.access import keys, records, recovery_code
from phr.core.errors import WrongSecret
from phr.ui.app.controller import AppController
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings

NEW_PASSPHRASE = "green ladder beside the quiet canal"


@pytest.fixture
def controller(qtbot, tmp_path, create_fast, new_record):
    folder, _ = new_record
    app = AppController(AppSettings(tmp_path / "config" / "settings.ini"), RecordActions(create=create_fast),
                        quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.start_window.unlock_panel.change_passphrase = functools.partial(keys.change_passphrase, argon2=FAST)
    app.show()
    app.start_window.add_known_record(folder)
    with qtbot.waitActive(app.start_window):
        app.start_window.activateWindow()
    yield app
    dialog = app.start_window.unlock_panel.recovery_dialog
    if dialog is not None:
        qtbot.waitUntil(lambda: not dialog.is_busy, timeout=10000)
        dialog.abandon()
    app.lock()


def key_files(folder):
    return {name: (folder / name).read_bytes() for name in ("keys.json", "keys.bak.json")}


def open_dialog(qtbot, controller):
    """Alt+F on the start window, as a keyboard user would."""
    panel = controller.start_window.unlock_panel
    qtbot.keyClick(controller.start_window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.recovery_dialog is not None and panel.recovery_dialog.isVisible())
    dialog = panel.recovery_dialog
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    assert QApplication.focusWidget() is dialog.code
    return dialog


def type_text(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)


def fill_in(qtbot, dialog, code, first, second=None):
    """Type the code, Tab, the passphrase, Tab, again, Enter: the keyboard-only path."""
    type_text(qtbot, code)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.first
    type_text(qtbot, first)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.second
    type_text(qtbot, first if second is None else second)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=15000)


def clear_fields(dialog):
    for field in (dialog.code, dialog.first, dialog.second):
        field.clear()


def other_symbol(symbol):
    return next(s for s in recovery_code.ALPHABET if s != symbol)


def test_the_dialog_shows_the_record_and_every_input_has_a_label(qtbot, controller, new_record):
    folder, _ = new_record
    dialog = open_dialog(qtbot, controller)
    assert str(folder) in dialog.folder_label.text()
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    for field in dialog.findChildren(QLineEdit):
        assert field in buddies
    assert dialog.show_box in buddies or "&" in dialog.show_box.text()


def test_a_wrong_code_is_reported_and_changes_nothing(qtbot, controller, new_record):
    folder, _ = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, controller)
    fill_in(qtbot, dialog, recovery_code.generate().formatted, NEW_PASSPHRASE)  # a valid code of no record here
    assert "does not open this record" in dialog.message.text()
    assert "typing error" not in dialog.message.text()
    assert QApplication.focusWidget() is dialog.code
    assert dialog.isVisible() and dialog.open_button.isEnabled()
    assert controller.session is None
    assert key_files(folder) == before
    records.unlock_with_passphrase(folder, PASSPHRASE).lock()


def test_a_mistyped_code_is_reported_as_a_typing_error(qtbot, controller, new_record):
    folder, code = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, controller)
    symbols = code.replace("-", "")
    mistyped = symbols[:5] + other_symbol(symbols[5]) + symbols[6:]
    fill_in(qtbot, dialog, mistyped, NEW_PASSPHRASE)
    assert "typing error" in dialog.message.text()
    assert "does not open" not in dialog.message.text()

    clear_fields(dialog)
    dialog.code.setFocus()
    fill_in(qtbot, dialog, code[:-1], NEW_PASSPHRASE)  # one character short
    assert "typing error" in dialog.message.text() and "27" in dialog.message.text()
    assert controller.session is None
    assert key_files(folder) == before


def test_a_weak_new_passphrase_is_refused(qtbot, controller, new_record):
    folder, code = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, controller)
    fill_in(qtbot, dialog, code, "welkom12")
    assert dialog.strength.text().startswith("Too weak")
    assert "too easy to guess" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.first
    assert controller.session is None and key_files(folder) == before

    # Built from the name in the record: only the service can tell, after the code opened it.
    clear_fields(dialog)
    dialog.code.setFocus()
    fill_in(qtbot, dialog, code, "zoe.unal.1984!")
    assert "from the name" in dialog.message.text()
    assert controller.session is None and key_files(folder) == before
    records.unlock_with_passphrase(folder, PASSPHRASE).lock()


def test_different_passphrases_are_refused(qtbot, controller, new_record):
    folder, code = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, controller)
    fill_in(qtbot, dialog, code, NEW_PASSPHRASE, NEW_PASSPHRASE + "!")
    assert "not the same" in dialog.message.text()
    assert controller.session is None and key_files(folder) == before


def test_the_right_code_sets_the_new_passphrase_and_opens_the_record(qtbot, controller, new_record, tmp_path):
    folder, code = new_record
    dialog = open_dialog(qtbot, controller)
    typed = code.lower().replace("-", "")  # any case, without dashes
    with qtbot.waitSignal(dialog.record_opened, timeout=15000) as opened:
        fill_in(qtbot, dialog, typed, NEW_PASSPHRASE)
        assert "keeps working" in dialog.done_text.text()
        assert controller.session is None  # not before the person has read that
        dialog.grab().save(str(tmp_path / "recovery-done.png"))
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args[0] is controller.session
    assert controller.session.person_name() == "Zoë Ünal"
    assert controller.main_window is not None and controller.main_window.isVisible()
    qtbot.waitUntil(lambda: controller.start_window.unlock_panel.recovery_dialog is None)
    controller.lock()

    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(folder, PASSPHRASE)
    records.unlock_with_passphrase(folder, NEW_PASSPHRASE).lock()
    records.unlock_with_recovery_code(folder, code).lock()


def test_escape_cancels_and_is_ignored_while_busy(qtbot, controller, new_record):
    folder, code = new_record
    release = threading.Event()
    panel = controller.start_window.unlock_panel
    real_unlock = panel.unlock_with_code

    def held_unlock(*args):
        release.wait(10)
        return real_unlock(*args)

    panel.unlock_with_code = held_unlock
    dialog = open_dialog(qtbot, controller)
    type_text(qtbot, code)
    dialog.first.setFocus()
    type_text(qtbot, NEW_PASSPHRASE)
    dialog.second.setFocus()
    type_text(qtbot, NEW_PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.is_busy and dialog.busy.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=15000)
    assert "keeps working" in dialog.done_text.text()
    with qtbot.waitSignal(dialog.record_opened):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the record is open: closing still hands it on
    assert controller.session is not None


def test_escape_closes_the_dialog_when_idle(qtbot, controller):
    dialog = open_dialog(qtbot, controller)
    with qtbot.waitSignal(dialog.rejected):
        press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: controller.start_window.unlock_panel.recovery_dialog is None)
    assert controller.session is None
