"""Opening a record in a synced folder or with a conflict copy beside it: the app says so (issue 19, point 10),
without a modal wait; the synced folder once per record, a conflict copy each time."""

from conftest import PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from phr.access import records
from phr.ui.app.controller import AppController
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings


def opened(qtbot, tmp_path, folder):
    app = AppController(AppSettings(tmp_path / "config" / "settings.ini"), RecordActions(), quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.open_record(records.unlock_with_passphrase(folder, PASSPHRASE))
    return app


def test_a_synced_folder_is_said_once_and_a_conflict_copy_every_time(qtbot, tmp_path, template_record):
    folder = template_record.copy_to(tmp_path / "Dropbox" / "Anna.regie")
    app = opened(qtbot, tmp_path, folder)
    note = app.place_note
    assert isinstance(note, QMessageBox) and note.isVisible()
    assert note.windowModality() == Qt.WindowModality.WindowModal  # the window waits, the app does not
    assert "Dropbox" in note.text() and "keep the record on this computer only" in note.text()
    assert note.icon() == QMessageBox.Icon.Information
    app.lock()
    app = opened(qtbot, tmp_path, folder)
    assert app.place_note is None  # said before for this record
    app.lock()
    (folder / "record (Bram's conflicted copy 2026-01-02).db").write_bytes((folder / "record.db").read_bytes())
    app = opened(qtbot, tmp_path, folder)
    note = app.place_note
    assert note is not None and note.icon() == QMessageBox.Icon.Warning
    assert "conflicted copy" in note.text() and "read-only" in note.text() and "Dropbox" not in note.text()
    app.lock()


def test_a_record_on_this_computer_says_nothing(qtbot, tmp_path, template_record):
    app = opened(qtbot, tmp_path, template_record.copy_to(tmp_path / "Documents" / "Anna.regie"))
    assert app.place_note is None
    app.lock()
