"""The Carers dialog: the owner adds a carer by keyboard, the carer opens the record, removal (pytest-qt)."""

import pytest
from conftest import FAST, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from phr.access import carers, records
from phr.core.errors import RecordDamaged, WrongSecret
from phr.ui.security import carers_dialog
from phr.ui.security.carers_dialog import AddCarerDialog, CarersDialog

ANNA = "anna walks the dog along the dyke"


def _opens(folder, passphrase) -> bool:
    try:
        records.unlock_with_passphrase(folder, passphrase).lock()
    except (WrongSecret, RecordDamaged):
        return False
    return True


def _type_carer(qtbot, form: AddCarerDialog, name: str, first: str, second: str) -> None:
    form.show()  # Enter reaches the default button only in a shown dialog
    qtbot.waitExposed(form)
    form.name.setFocus()
    qtbot.keyClicks(form.name, name)
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.first, first)
    qtbot.keyClick(form.first, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.second, second)
    qtbot.keyClick(form.second, Qt.Key.Key_Return)  # Enter is the default button: Add carer


def test_owner_adds_a_carer_by_keyboard_who_then_opens_the_record(qtbot, session, monkeypatch):
    dialog = CarersDialog(session, argon2=FAST)
    qtbot.addWidget(dialog)
    assert dialog.add_button.isEnabled() and not dialog.remove_button.isEnabled()
    typed = []

    def fill_in(form):
        typed.append(form)
        _type_carer(qtbot, form, "Anna", ANNA, ANNA + "x")  # a typing mismatch first
        assert form.result() != QDialog.DialogCode.Accepted and "not the same" in form.message.text()
        form.second.clear()
        qtbot.keyClicks(form.second, ANNA)
        qtbot.keyClick(form.second, Qt.Key.Key_Return)
        return form.result()

    monkeypatch.setattr(AddCarerDialog, "exec", fill_in)
    dialog.add_button.click()
    assert typed and typed[0].added.carer.name == "Anna" and typed[0].added.new_recovery_code is None
    from datetime import date

    from phr.ui.text.formatting import day

    assert dialog.list.item(0).text() == f"Anna — added on {day(date.today())}"  # a date as people write it
    assert [c.name for c in carers.carers(session)] == ["Anna"]
    assert _opens(session.folder, ANNA) and _opens(session.folder, PASSPHRASE)


def test_a_weak_carer_passphrase_is_refused_and_nothing_is_added(qtbot, session, monkeypatch):
    before = (session.folder / "keys.json").read_bytes()
    form = AddCarerDialog(session, argon2=FAST)
    qtbot.addWidget(form)
    _type_carer(qtbot, form, "Anna", "short", "short")
    assert form.added is None and "too easy to guess" in form.message.text()
    assert (session.folder / "keys.json").read_bytes() == before and carers.carers(session) == []


def test_removing_a_carer_asks_first_then_their_passphrase_no_longer_opens(qtbot, session, monkeypatch):
    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    dialog = CarersDialog(session, argon2=FAST)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(0)
    assert dialog.remove_button.isEnabled()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    dialog.remove_button.click()  # No: nothing happens
    assert [c.name for c in carers.carers(session)] == ["Anna"] and _opens(session.folder, ANNA)
    dialog.remove_button.click()
    assert dialog.is_busy and dialog.progress.isVisible()  # on a worker; the window keeps responding
    dialog.reject()  # Escape: the key change cannot be called back half-way
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=30000)
    assert not dialog.progress.isVisible()
    assert carers.carers(session) == [] and dialog.list.item(0).text() == "No carers yet."
    assert not _opens(session.folder, ANNA) and _opens(session.folder, PASSPHRASE)


def test_a_carer_sees_the_list_but_cannot_change_it(qtbot, session, new_record):
    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    as_carer = records.unlock_with_passphrase(new_record[0], ANNA)
    try:
        dialog = CarersDialog(as_carer)
        qtbot.addWidget(dialog)
        dialog.list.setCurrentRow(0)
        assert not dialog.add_button.isEnabled() and not dialog.remove_button.isEnabled()
        assert dialog.owner_only.isVisibleTo(dialog)
    finally:
        as_carer.lock()


def test_a_failed_backup_before_the_key_change_stops_the_removal(qtbot, session, monkeypatch):
    carers.add_carer(session, "Anna", ANNA, argon2=FAST)

    def backup_fails(_session):
        return lambda: "The backup could not be written: the disk is full."  # the job, run on the worker

    dialog = CarersDialog(session, argon2=FAST, before_rekey=backup_fails)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=30000)
    assert warnings and "disk is full" in warnings[0]
    assert [c.name for c in carers.carers(session)] == ["Anna"] and _opens(session.folder, ANNA)


@pytest.mark.parametrize("error_name", ["RecordInUse", "KeysChanged", "SlotLimit"])
def test_key_errors_have_their_own_plain_message(error_name):
    from phr.core import errors

    text = carers_dialog.carer_error_message(getattr(errors, error_name)("internal text"))
    assert "internal text" not in text and text != carers_dialog.error_message(Exception())


def test_a_record_that_could_not_be_opened_again_closes_the_dialog_and_asks_for_the_lock(qtbot, session, monkeypatch):
    carers.add_carer(session, "Anna", ANNA, argon2=FAST)
    dialog = CarersDialog(session, argon2=FAST)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(0)
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))

    def cannot_reopen(removal):
        removal._session.lock()
        raise carers.RecordClosed(removed=True)

    monkeypatch.setattr(carers.Removal, "finish", cannot_reopen)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=30000)
    assert dialog.record_closed and not dialog.isVisible()
    assert warnings and warnings[0].startswith("The carer was removed.") and "locked" in warnings[0]
