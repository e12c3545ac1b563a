"""A new recovery code in two steps: shown first, stored only once its last group is typed back (pytest-qt)."""

import errno
import io
import os

import pytest
from conftest import FAST, PASSPHRASE
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from phr.access import carers, keys, records
from phr.core.errors import WrongSecret
from phr.storage import atomic
from phr.ui.security.new_recovery_code_dialog import NewRecoveryCodeDialog, last_group

CARER_PASSPHRASE = "my own carer words on a wet tuesday"


def key_files(folder):
    return {name: (folder / name).read_bytes() for name in ("keys.json", "keys.bak.json")}


def opens_with_code(folder, code) -> bool:
    try:
        records.unlock_with_recovery_code(folder, code).lock()
    except WrongSecret:
        return False
    return True


def open_dialog(qtbot, session):
    dialog = NewRecoveryCodeDialog(session, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)


def show_new_code(qtbot, dialog) -> str:
    """Enter on the explanation: the new code appears, with the focus in the confirmation field."""
    assert dialog.step == "explain" and not dialog.code.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.step == "show" and dialog.code.isVisible()
    assert QApplication.focusWidget() is dialog.confirm
    return dialog.code.text()


def confirm(qtbot, dialog, typed):
    qtbot.keyClicks(dialog.confirm, typed)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=10000)


def test_the_new_code_counts_only_after_it_is_confirmed(qtbot, session, new_record):
    folder, old_code = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, session)
    assert "no longer opens the record" in dialog.text.text()
    new_code = show_new_code(qtbot, dialog)
    assert new_code != old_code and len(new_code.replace("-", "")) == 28
    assert dialog.code.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.code.font().family() == QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    assert dialog.code.font().pointSize() > dialog.text.font().pointSize()
    # Shown, not stored: the old code still opens, the new one does not.
    assert key_files(folder) == before
    assert opens_with_code(folder, old_code) and not opens_with_code(folder, new_code)

    confirm(qtbot, dialog, last_group(new_code).lower())  # capitals do not matter
    assert dialog.step == "done"
    assert "The new recovery code now works; the old one no longer does." in dialog.text.text()
    assert opens_with_code(folder, new_code) and not opens_with_code(folder, old_code)
    assert records.unlock_with_passphrase(folder, PASSPHRASE).lock() is None  # the passphrase is untouched
    assert QApplication.focusWidget() is dialog.close_button
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == NewRecoveryCodeDialog.DialogCode.Accepted and dialog.code.text() == ""


def test_a_wrong_last_group_stores_nothing(qtbot, session, new_record):
    folder, old_code = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, session)
    new_code = show_new_code(qtbot, dialog)
    wrong = "2222" if last_group(new_code) != "2222" else "3333"
    confirm(qtbot, dialog, wrong)
    assert "not the last group" in dialog.message.text()
    assert dialog.step == "show" and QApplication.focusWidget() is dialog.confirm
    assert key_files(folder) == before and opens_with_code(folder, old_code)


def test_cancel_after_seeing_the_code_keeps_the_old_code(qtbot, session, new_record):
    folder, old_code = new_record
    before = key_files(folder)
    dialog = open_dialog(qtbot, session)
    new_code = show_new_code(qtbot, dialog)
    qtbot.keyClicks(dialog.confirm, last_group(new_code))  # typed, but not confirmed
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == NewRecoveryCodeDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.code.text() == ""  # the unused code is not kept
    assert key_files(folder) == before
    assert opens_with_code(folder, old_code) and not opens_with_code(folder, new_code)


def test_a_full_disk_at_the_commit_keeps_the_old_code_and_says_so(qtbot, session, new_record, monkeypatch):
    folder, old_code = new_record
    before = key_files(folder)
    real = atomic.write_all

    def full(fd, data):
        real(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    dialog = open_dialog(qtbot, session)
    new_code = show_new_code(qtbot, dialog)
    monkeypatch.setattr(atomic, "write_all", full)
    confirm(qtbot, dialog, last_group(new_code))
    monkeypatch.undo()
    assert "disk is full" in dialog.message.text() and "old recovery code still works" in dialog.message.text()
    assert dialog.step == "show" and dialog.use_button.isEnabled()
    assert key_files(folder) == before
    assert opens_with_code(folder, old_code) and not opens_with_code(folder, new_code)
    confirm(qtbot, dialog, "")  # once there is room again, the same code can still be confirmed
    assert dialog.step == "done" and opens_with_code(folder, new_code)


def test_the_sheet_holds_the_new_code_and_is_offered_only_with_a_code(qtbot, session, new_record):
    folder, _ = new_record
    dialog = open_dialog(qtbot, session)
    assert not dialog.sheet_button.isVisible() and dialog.show_sheet() is None
    new_code = show_new_code(qtbot, dialog)
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    text = PdfReader(io.BytesIO(dialog.sheet.data)).pages[0].extract_text()
    unwrapped = "".join(text.split())  # a long folder path wraps onto a second line
    assert new_code in text and str(folder) in unwrapped
    dialog.sheet.close()


def test_a_carer_cannot_make_a_new_code(qtbot, session, new_record):
    folder, old_code = new_record
    carers.add_carer(session, "Anna", CARER_PASSPHRASE, argon2=FAST)
    carer = records.unlock_with_passphrase(folder, CARER_PASSPHRASE)
    before = key_files(folder)
    try:
        dialog = open_dialog(qtbot, carer)
        assert "Only the owner" in dialog.text.text()
        assert not dialog.make_button.isVisible() and dialog.close_button.isVisible()
        dialog.make_code()
        assert dialog.step == "explain" and not dialog.code.text()
        with pytest.raises(keys.OwnerOnly):
            keys.commit_recovery_code(carer, keys.prepare_recovery_code())
    finally:
        carer.lock()
    assert key_files(folder) == before and opens_with_code(folder, old_code)


def test_prepare_stores_nothing_and_commit_makes_it_count(session, new_record):
    folder, old_code = new_record
    before = key_files(folder)
    prepared = keys.prepare_recovery_code()
    assert key_files(folder) == before
    keys.commit_recovery_code(session, prepared)
    assert opens_with_code(folder, prepared.formatted) and not opens_with_code(folder, old_code)
    newest = keys.new_recovery_code(session)  # the one-step form still works for scripts
    assert opens_with_code(folder, newest) and not opens_with_code(folder, prepared.formatted)
