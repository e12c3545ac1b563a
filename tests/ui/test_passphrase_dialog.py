"""Change the passphrase of the open record in the UI: current one first, new one twice (pytest-qt, offscreen)."""

import errno
import os

import pytest
from conftest import FAST, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from phr.access import carers, keys, records
from phr.core.errors import WrongSecret
from phr.storage import atomic
from phr.ui.security.passphrase_dialog import PassphraseDialog

NEW_PASSPHRASE = "green ladder beside the quiet canal"
CARER_PASSPHRASE = "my own carer words on a wet tuesday"


def key_files(folder):
    return {name: (folder / name).read_bytes() for name in ("keys.json", "keys.bak.json")}


def opens(folder, passphrase) -> bool:
    try:
        records.unlock_with_passphrase(folder, passphrase).lock()
    except WrongSecret:
        return False
    return True


def opens_with_code(folder, code) -> bool:
    try:
        records.unlock_with_recovery_code(folder, code).lock()
    except WrongSecret:
        return False
    return True


def open_dialog(qtbot, session):
    dialog = PassphraseDialog(session, argon2=FAST)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def type_in(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)


def fill_in(qtbot, dialog, current, new, again=None):
    """The keyboard-only path: current, Tab, new, Tab, again, Enter."""
    assert QApplication.focusWidget() is dialog.current
    type_in(qtbot, current)
    press(qtbot, Qt.Key.Key_Tab)
    finish(qtbot, dialog, new, again)


def finish(qtbot, dialog, new, again=None):
    assert QApplication.focusWidget() is dialog.first
    type_in(qtbot, new)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.second
    type_in(qtbot, new if again is None else again)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=15000)


def test_the_new_passphrase_opens_the_old_does_not_and_the_code_still_does(qtbot, session, new_record):
    folder, code = new_record
    dialog = open_dialog(qtbot, session)
    fill_in(qtbot, dialog, PASSPHRASE, NEW_PASSPHRASE)
    assert dialog.changed and dialog.done_text.isVisible()
    assert "no longer works" in dialog.done_text.text()
    assert QApplication.focusWidget() is dialog.close_button
    assert session.is_open  # the session stays open, and follows its new slot
    assert [opens(folder, p) for p in (PASSPHRASE, NEW_PASSPHRASE)] == [False, True]
    assert opens_with_code(folder, code)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted


def test_every_field_has_a_label_and_the_strength_shows_while_typing(qtbot, session):
    dialog = open_dialog(qtbot, session)
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert {dialog.current, dialog.first, dialog.second} <= buddies
    dialog.first.setText("Zoë Ünal Zoë Ünal")  # long, but the name of the person counts as a personal word
    assert dialog.meter.value() == 1 and "do not build it from the name" in dialog.strength.text()
    dialog.first.clear()
    qtbot.keyClicks(dialog.first, NEW_PASSPHRASE)
    assert dialog.meter.value() >= 2
    assert all(field.echoMode() == QLineEdit.EchoMode.Password for field in (dialog.current, dialog.first))
    dialog.show_box.setChecked(True)
    assert dialog.current.echoMode() == QLineEdit.EchoMode.Normal


def test_a_wrong_current_passphrase_changes_nothing(qtbot, session, new_record):
    folder, _ = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, session)
    fill_in(qtbot, dialog, "not the passphrase of this record", NEW_PASSPHRASE)
    assert "not your current passphrase" in dialog.message.text()
    assert not dialog.changed and QApplication.focusWidget() is dialog.current
    assert key_files(folder) == before
    assert opens(folder, PASSPHRASE) and not opens(folder, NEW_PASSPHRASE)


@pytest.mark.parametrize("new, again, says, field", [
    ("kettle", None, "too easy to guess", "first"),
    (NEW_PASSPHRASE, NEW_PASSPHRASE + "!", "not the same", "second"),
    (PASSPHRASE, None, "same as the current one", "first"),
])
def test_weak_mismatched_or_unchanged_passphrases_are_refused_at_once(qtbot, session, new_record, new, again,
                                                                       says, field):
    folder, _ = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, session)
    fill_in(qtbot, dialog, PASSPHRASE, new, again)
    assert says in dialog.message.text()
    assert QApplication.focusWidget() is getattr(dialog, field)
    assert not dialog.changed and key_files(folder) == before


def test_the_current_passphrase_is_asked_first(qtbot, session, new_record):
    folder, _ = new_record
    dialog = open_dialog(qtbot, session)
    press(qtbot, Qt.Key.Key_Tab)  # leave the current passphrase empty
    finish(qtbot, dialog, NEW_PASSPHRASE)
    assert "current passphrase first" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.current
    assert opens(folder, PASSPHRASE)


def test_opened_with_the_recovery_code_the_current_passphrase_is_not_asked(qtbot, new_record):
    folder, code = new_record
    recovered = records.unlock_with_recovery_code(folder, code)
    try:
        dialog = open_dialog(qtbot, recovered)
        assert not dialog.current.isVisible() and "recovery code" in dialog.intro.text()
        finish(qtbot, dialog, NEW_PASSPHRASE)
        assert dialog.changed
    finally:
        recovered.lock()
    assert [opens(folder, p) for p in (PASSPHRASE, NEW_PASSPHRASE)] == [False, True]
    assert opens_with_code(folder, code)


def test_a_full_disk_is_said_plainly_and_changes_nothing(qtbot, session, new_record, monkeypatch):
    folder, _ = new_record
    before = key_files(folder)
    real = atomic.write_all

    def full(fd, data):
        real(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "write_all", full)
    dialog = open_dialog(qtbot, session)
    fill_in(qtbot, dialog, PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert "disk is full" in dialog.message.text() and "Nothing was changed" in dialog.message.text()
    assert not dialog.changed and dialog.change_button.isEnabled()
    assert key_files(folder) == before
    assert opens(folder, PASSPHRASE) and not opens(folder, NEW_PASSPHRASE)


def test_keys_changed_in_another_window_is_said_and_changes_nothing_here(qtbot, session, new_record):
    folder, _ = new_record
    other = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        keys.change_passphrase(other, "a passphrase from the other window", argon2=FAST)
    finally:
        other.lock()
    before = key_files(folder)
    dialog = open_dialog(qtbot, session)
    fill_in(qtbot, dialog, PASSPHRASE, NEW_PASSPHRASE)
    assert "another window or program" in dialog.message.text()
    assert not dialog.changed and key_files(folder) == before
    assert not opens(folder, NEW_PASSPHRASE)


def test_cancel_changes_nothing(qtbot, session, new_record):
    folder, _ = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, session)
    type_in(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == PassphraseDialog.DialogCode.Rejected and not dialog.isVisible()
    assert key_files(folder) == before


def test_a_carer_changes_only_their_own_passphrase_and_must_type_their_own(qtbot, session, new_record):
    folder, code = new_record
    carers.add_carer(session, "Anna", CARER_PASSPHRASE, argon2=FAST)
    carer = records.unlock_with_passphrase(folder, CARER_PASSPHRASE)
    try:
        with pytest.raises(WrongSecret):  # the owner's passphrase opens the record, but it is not hers
            keys.check_current_passphrase(carer, PASSPHRASE)
        dialog = open_dialog(qtbot, carer)
        assert "carer" in dialog.intro.text()
        fill_in(qtbot, dialog, PASSPHRASE, NEW_PASSPHRASE)
        assert "not your current passphrase" in dialog.message.text()
        dialog.current.clear()
        dialog.first.clear()
        dialog.second.clear()
        dialog.current.setFocus()
        fill_in(qtbot, dialog, CARER_PASSPHRASE, NEW_PASSPHRASE)
        assert dialog.changed
    finally:
        carer.lock()
    assert [opens(folder, p) for p in (PASSPHRASE, CARER_PASSPHRASE, NEW_PASSPHRASE)] == [True, False, True]
    assert opens_with_code(folder, code)
