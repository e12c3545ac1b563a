"""Faults during a normal save: a full disk or a read-only record gives a clear error and changes nothing.

A full disk is simulated the way SQLite itself sees one: `PRAGMA max_page_count` on the session's own
connection caps the database at its current size, so the next write that needs a new page fails with
SQLITE_FULL, exactly as on a full USB stick. Putting the cap back is "space is free again".
"""

import os
import stat
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from conftest import PASSPHRASE
from PySide6.QtCore import Qt

from phr.access import records
from phr.core.errors import StorageFull, StorageUnavailable
from phr.monitoring.readings import Reading
from phr.record.diagnoses import Diagnosis
from phr.record.services import RecordServices

SQLITE_DEFAULT_MAX_PAGES = 4294967294
MORNING = datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=1)))
NOTE = "Na de controle bij het expertisecentrum; uitslag volgt per brief. " * 4


def disk_full(session) -> None:
    """No room beyond the pages the record has now (SQL in a test, through the storage layer's Database)."""
    pages = session.db.pragma_value("page_count")
    session.db.query(f"PRAGMA max_page_count = {pages}")


def space_back(session) -> None:
    session.db.query(f"PRAGMA max_page_count = {SQLITE_DEFAULT_MAX_PAGES}")


def every_row(session) -> dict:
    """Every row of every table, to compare the whole record before and after a failed save."""
    db = session.db
    names = [row[0] for row in db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {name: sorted(map(repr, db.query(f'SELECT * FROM "{name}"'))) for name in names}


def save_until_the_disk_is_full(session, save, limit: int = 2000):
    """Save one entry after another, as a user working on; returns (saves that worked, the StorageFull).

    Before each save the whole record is noted; the save that fails must leave exactly that.
    """
    for number in range(limit):
        before = every_row(session)
        try:
            save(number)
        except StorageFull as full:
            assert every_row(session) == before, "a save that failed changed the record"
            return number, full
    pytest.fail("the disk never filled up")


def diagnosis(number: int) -> Diagnosis:
    return Diagnosis(name=f"Fabry disease {number}", status="suspected", notes=NOTE)


def reading(number: int) -> Reading:
    return Reading("bp", MORNING + timedelta(minutes=number), 128 + number % 7, 82, 66, note=NOTE)


def assert_plain(error: Exception) -> None:
    """The error names the problem, never what was being saved."""
    text = str(error)
    assert "disk is full" in text
    for word in ("Fabry", "expertisecentrum", "128"):
        assert word not in text


def test_adding_diagnoses_until_the_disk_is_full(services, session):
    services.diagnoses.add(Diagnosis(name="Cystic fibrosis"))
    disk_full(session)
    saved, full = save_until_the_disk_is_full(session, lambda n: services.diagnoses.add(diagnosis(n)))
    assert_plain(full)
    assert services.diagnoses.count() == 1 + saved
    assert f"Fabry disease {saved}" not in [d.name for d in services.diagnoses.all()]
    assert session.check().healthy

    space_back(session)
    services.diagnoses.add(diagnosis(saved))  # the same save works once there is room again
    assert services.diagnoses.count() == 2 + saved
    assert f"Fabry disease {saved}" in [d.name for d in services.diagnoses.all()]


def test_changing_a_diagnosis_on_a_full_disk_keeps_the_old_version(services, session):
    first = services.diagnoses.get(services.diagnoses.add(Diagnosis(name="Cystic fibrosis")).item_id)
    disk_full(session)
    before = every_row(session)
    with pytest.raises(StorageFull) as caught:
        services.diagnoses.update(replace(first, notes=NOTE * 20))  # needs pages the disk does not have
    assert "disk is full" in str(caught.value) and "expertisecentrum" not in str(caught.value)
    assert every_row(session) == before
    assert services.diagnoses.get(first.id).notes == ""

    space_back(session)
    services.diagnoses.update(replace(first, notes=NOTE * 20))
    assert services.diagnoses.get(first.id).notes == (NOTE * 20).strip()


def test_adding_readings_until_the_disk_is_full(services, session):
    disk_full(session)
    saved, full = save_until_the_disk_is_full(session, lambda n: services.readings.add(reading(n)))
    assert_plain(full)
    assert services.readings.count("bp") == saved
    assert services.readings.latest("bp").taken_at == reading(saved - 1).taken_at

    space_back(session)
    services.readings.add(reading(saved))
    assert services.readings.count("bp") == saved + 1
    assert services.readings.latest("bp").taken_at == reading(saved).taken_at


def test_the_record_opens_with_the_old_content_after_a_full_disk(new_record):
    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    services = RecordServices(session)
    disk_full(session)
    saved, _full = save_until_the_disk_is_full(session, lambda n: services.diagnoses.add(diagnosis(n)))
    before = every_row(session)
    session.lock()  # the session is closed while the disk is still full

    again = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert every_row(again) == before
        assert again.check().healthy
        assert RecordServices(again).diagnoses.count() == saved
    finally:
        again.lock()


def read_only_session(folder):
    """The record, open, in a folder that has become read-only; None if it cannot even be opened so.

    Root ignores file permissions, so when the tests run as root (as in a container) chmod would prove
    nothing: there the connection itself is made read-only (PRAGMA query_only), so SQLite refuses every
    write with SQLITE_READONLY, the code a read-only file gives. Otherwise the folder and its files are
    made read-only and the record is opened again (an open connection keeps the right to write it had).
    """
    if os.geteuid() == 0:
        session = records.unlock_with_passphrase(folder, PASSPHRASE)
        session.db.query("PRAGMA query_only = ON")
        return session
    for path in [*folder.iterdir(), folder]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        return records.unlock_with_passphrase(folder, PASSPHRASE)
    except StorageUnavailable as error:  # refused at once, just as clearly: "read-only or not available"
        assert "read-only" in str(error)
        return None


def writable_again(folder) -> None:
    if os.geteuid() != 0:
        for path in [folder, *folder.iterdir()]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_saving_in_a_read_only_record_gives_a_clear_error_and_changes_nothing(new_record):
    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    RecordServices(session).diagnoses.add(Diagnosis(name="Cystic fibrosis"))
    before = every_row(session)
    session.lock()
    session = read_only_session(folder)
    try:
        if session is not None:
            services = RecordServices(session)
            with pytest.raises(StorageUnavailable) as caught:
                services.diagnoses.add(diagnosis(1))
            assert "read-only" in str(caught.value) and "Fabry" not in str(caught.value)
            with pytest.raises(StorageUnavailable):
                services.readings.add(reading(1))
            assert every_row(session) == before
    finally:
        if session is not None:
            session.lock()
        writable_again(folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert every_row(session) == before
        RecordServices(session).diagnoses.add(diagnosis(1))  # writable again: saving works
        assert RecordServices(session).diagnoses.count() == 2
    finally:
        session.lock()


# --- the same, as the user meets it in a form ----------------------------------------------------


@pytest.fixture
def page(qtbot, services, session, events):
    from phr.ui.pages.diagnoses_page import DiagnosesPage

    widget = DiagnosesPage(services.diagnoses, session, events)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def message_boxes(monkeypatch):
    """Any QMessageBox the save shows is noted instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *args, **kwargs: (
            shown.append(text), QMessageBox.StandardButton.Ok)[1])
    return shown


def test_a_form_saved_on_a_full_disk_says_so_and_keeps_what_was_typed(qtbot, page, services, session, dialogs,
                                                                      message_boxes):
    services.diagnoses.add(Diagnosis(name="Cystic fibrosis"))
    page.reload()
    disk_full(session)
    save_until_the_disk_is_full(session, lambda n: services.diagnoses.add(diagnosis(n)))
    before = every_row(session)

    def type_a_diagnosis(dialog):
        qtbot.keyClicks(dialog.field("name").widget, "Fabry disease")
        qtbot.keyClicks(dialog.field("notes").widget, NOTE)

    dialogs.append(type_a_diagnosis)
    page.add()
    dialog = dialogs.last
    assert not dialog.result(), "the dialog must not close as if saved"
    message = " ".join([dialog.problem.text(), *message_boxes])
    assert "disk is full" in message and "Nothing was changed" in message
    assert dialog.field("name").get() == "Fabry disease" and dialog.field("notes").get() == NOTE
    assert every_row(session) == before

    space_back(session)
    dialog.try_save()  # Save again, once there is room: the same typed text is stored
    assert dialog.result()
    assert "Fabry disease" in [d.name for d in services.diagnoses.all()]


def test_a_reading_typed_on_a_full_disk_says_so_and_keeps_the_values(qtbot, services, session):
    from phr.ui.monitoring.quick_entry import QuickEntryDialog

    disk_full(session)
    saved, _full = save_until_the_disk_is_full(session, lambda n: services.readings.add(reading(n)))
    # Small readings too, until not even they fit: the typed one below must not slip into what was left.
    small, _full = save_until_the_disk_is_full(session, lambda n: services.readings.add(
        Reading("bp", MORNING + timedelta(days=1, minutes=n), 120, 80, 60)))
    saved += small
    before = every_row(session)
    dialog = QuickEntryDialog(services, "en", None, "bp", now=lambda: datetime(2026, 3, 3, 8, 0).astimezone())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name, text in (("value", "128"), ("value2", "82"), ("value3", "66")):
        qtbot.keyClicks(dialog.values.field(name).edit, text)
    qtbot.keyClicks(dialog.note, "after cycling home")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    assert dialog.isVisible() and not dialog.result()
    assert "disk is full" in dialog.problem.text() and "Nothing was changed" in dialog.problem.text()
    assert [dialog.values.field(name).edit.text() for name in ("value", "value2", "value3")] == ["128", "82", "66"]
    assert dialog.note.text() == "after cycling home"
    assert every_row(session) == before

    space_back(session)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter again once there is room: saved as typed
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.readings.count("bp") == saved + 1
    assert services.readings.latest("bp").note == "after cycling home"
