"""The Settings dialog: language, auto-lock, automatic backups; Security with a record open (pytest-qt)."""

from pathlib import Path

import pytest
from conftest import FAST, PASSPHRASE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from phr.access import carers, records
from phr.ui.app.settings import AUTO_LOCK_CHOICES, MIN_BACKUPS_KEPT, AppSettings
from phr.ui.app.settings_dialog import SettingsDialog, open_settings_dialog
from phr.ui.security.new_recovery_code_dialog import NewRecoveryCodeDialog
from phr.ui.security.passphrase_dialog import PassphraseDialog

CARER_PASSPHRASE = "my own carer words on a wet tuesday"


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "config" / "settings.ini"


@pytest.fixture
def settings(settings_path) -> AppSettings:
    return AppSettings(settings_path)


def saved(settings_path) -> dict:
    """What a fresh look at the settings file finds."""
    fresh = AppSettings(settings_path)
    return {"language": fresh.language(), "auto_lock": fresh.auto_lock_minutes(),
            "backups": fresh.auto_backup_enabled(), "folder": fresh.backup_folder(), "keep": fresh.backups_kept()}


def open_dialog(qtbot, settings, services=None) -> SettingsDialog:
    dialog = SettingsDialog(settings, services, "en", argon2=FAST)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def choose_folder(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(folder))


def test_the_dialog_shows_the_current_settings(qtbot, settings, tmp_path):
    settings.set_language("nl")
    settings.set_auto_lock_minutes(15)
    settings.set_backup_folder(tmp_path / "usb")
    settings.set_backups_kept(9)
    dialog = open_dialog(qtbot, settings)
    assert dialog.language.currentData() == "nl"
    assert dialog.auto_lock.currentData() == 15 and dialog.auto_lock.currentText() == "15 minutes without use"
    assert dialog.backups_on.isChecked()
    assert dialog.folder.text() == str(tmp_path / "usb")
    assert dialog.keep.value() == 9
    assert str(tmp_path / "usb") in dialog.where.text() and "newest 9" in dialog.where.text()
    assert "restart" in dialog.language_note.text()
    assert [dialog.auto_lock.itemData(i) for i in range(dialog.auto_lock.count())] == list(AUTO_LOCK_CHOICES)
    assert dialog.auto_lock.itemText(0) == "Never"
    assert dialog.security is None  # no record open: no Security part


def test_ok_saves_everything_typed_with_the_keyboard(qtbot, settings, settings_path, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    choose_folder(monkeypatch, usb)
    dialog = open_dialog(qtbot, settings)
    assert QApplication.focusWidget() is dialog.language
    press(qtbot, Qt.Key.Key_Down)  # system -> Nederlands
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "Lock the record &after"
    assert QApplication.focusWidget() is dialog.auto_lock
    press(qtbot, Qt.Key.Key_Home)  # Never
    press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "&Choose…" (a button clicks a moment later)
    qtbot.waitUntil(lambda: dialog.folder.text() == str(usb))
    assert str(usb) in dialog.where.text()
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # "Number to &keep"
    assert QApplication.focusWidget() is dialog.keep
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert saved(settings_path) == {"language": "nl", "auto_lock": 0, "backups": True, "folder": usb,
                                    "keep": MIN_BACKUPS_KEPT + 2}


def test_cancel_changes_nothing(qtbot, settings, settings_path, tmp_path, monkeypatch):
    before = saved(settings_path)
    choose_folder(monkeypatch, tmp_path)
    dialog = open_dialog(qtbot, settings)
    dialog.language.setCurrentIndex(2)
    dialog.auto_lock.setCurrentIndex(0)
    dialog.choose_folder()
    dialog.keep.setValue(50)
    qtbot.keyClick(dialog.backups_on, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert saved(settings_path) == before
    assert not settings_path.exists() or "backups" not in settings_path.read_text()


def test_backups_can_be_switched_off_and_the_dialog_says_what_that_means(qtbot, settings, settings_path):
    dialog = open_dialog(qtbot, settings)
    qtbot.keyClick(dialog.backups_on, Qt.Key.Key_Space)
    assert not dialog.keep.isEnabled() and not dialog.choose_button.isEnabled()
    assert "No automatic backups" in dialog.where.text()
    dialog.accept()
    assert saved(settings_path)["backups"] is False


def test_fewer_than_seven_backups_cannot_be_chosen(qtbot, settings, settings_path):
    dialog = open_dialog(qtbot, settings)
    dialog.keep.setFocus()
    qtbot.keyClick(dialog.keep, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.keep, "3")
    qtbot.keyClick(dialog.keep, Qt.Key.Key_Down)
    assert dialog.keep.value() >= MIN_BACKUPS_KEPT
    dialog.accept()
    assert saved(settings_path)["keep"] >= MIN_BACKUPS_KEPT


def test_an_unchanged_default_folder_is_not_written_down(qtbot, settings, settings_path):
    dialog = open_dialog(qtbot, settings)
    dialog.accept()
    assert "folder" not in settings_path.read_text()  # the default keeps following the system's data folder


def test_a_backup_folder_inside_a_record_is_refused_and_nothing_is_saved(qtbot, settings, settings_path,
                                                                         new_record, monkeypatch):
    folder, _ = new_record
    settings.remember_record(folder)
    before = saved(settings_path)
    inner = folder / "backups"
    inner.mkdir()
    choose_folder(monkeypatch, inner)
    dialog = open_dialog(qtbot, settings)
    dialog.language.setCurrentIndex(2)
    dialog.choose_folder()
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "inside a record folder" in dialog.problem.text()
    assert QApplication.focusWidget() is dialog.choose_button
    assert saved(settings_path) == before


def test_a_folder_regie_cannot_write_in_is_refused(qtbot, settings, settings_path, tmp_path):
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("x")
    settings.set_backup_folder(not_a_folder)  # e.g. a USB stick that is now something else
    dialog = open_dialog(qtbot, settings)
    dialog.auto_lock.setCurrentIndex(1)
    dialog.accept()
    assert "may not write in this folder" in dialog.problem.text() and dialog.isVisible()
    assert saved(settings_path)["auto_lock"] != 1


def test_open_settings_dialog_returns_whether_it_was_saved(qtbot, settings, settings_path):
    def answer(key):
        def press_key():
            dialog = QApplication.activeModalWidget()
            dialog.language.setCurrentIndex(1)
            qtbot.keyClick(dialog, key)
        QTimer.singleShot(0, press_key)

    answer(Qt.Key.Key_Escape)
    assert open_settings_dialog(None, settings, language="en") is False
    assert saved(settings_path)["language"] == "system"
    answer(Qt.Key.Key_Return)
    assert open_settings_dialog(None, settings, language="en") is True
    assert saved(settings_path)["language"] == "nl"


# --- Security, with a record open ---------------------------------------------------------------

def test_security_opens_the_passphrase_and_recovery_code_dialogs(qtbot, settings, services):
    dialog = open_dialog(qtbot, settings, services)
    assert dialog.security is not None and dialog.security.recovery_button.isEnabled()
    assert "only be printed right after making a new code" in dialog.security.recovery_text.text()
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # "Change &passphrase…"
    qtbot.waitUntil(lambda: dialog.security.passphrase_dialog is not None)
    changer = dialog.security.passphrase_dialog
    assert isinstance(changer, PassphraseDialog) and changer.isVisible() and changer.isModal()
    changer.reject()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # "Make a new &recovery code…"
    qtbot.waitUntil(lambda: dialog.security.recovery_dialog is not None)
    maker = dialog.security.recovery_dialog
    assert isinstance(maker, NewRecoveryCodeDialog) and maker.isVisible() and maker.step == "explain"
    maker.reject()


def test_a_carer_sees_why_they_cannot_make_a_recovery_code(qtbot, settings, session, new_record):
    from phr.record.services import RecordServices

    folder, _ = new_record
    carers.add_carer(session, "Anna", CARER_PASSPHRASE, argon2=FAST)
    carer = records.unlock_with_passphrase(folder, CARER_PASSPHRASE)
    try:
        dialog = open_dialog(qtbot, settings, RecordServices(carer))
        assert not dialog.security.recovery_button.isEnabled()
        assert "Only the owner" in dialog.security.recovery_text.text()
        assert dialog.security.new_recovery_code() is None
        assert dialog.security.passphrase_button.isEnabled()  # a carer may change their own passphrase
    finally:
        carer.lock()
    records.unlock_with_passphrase(folder, PASSPHRASE).lock()
