"""Regie started with a backup file (`phr FILE.regiebackup`, a double-click in the file manager): the start window
opens the restore with the file filled in, or says in a message why it cannot. The journeys run the real program
(phr.cli.main.main: the app's own loop and the dialogs' loops inside it), keys typed as a person would, in Dutch.
"""

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import platformdirs
import pytest
from conftest import PASSPHRASE
from keyboard_steps import label_of, letter_key
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from test_date_journey import Steps

from phr.access import records
from phr.backup import backups
from phr.cli import main as cli
from phr.formats.native.write import export_record
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.ui.app.main_window import MainWindow
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.backup.opened_backup import open_backup_file
from phr.ui.backup.restore_dialog import RestoreDialog
from phr.ui.start.start_window import StartWindow

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
Step = Callable[[], bool]  # True: done, on to the next; False: ask again in a moment


@pytest.fixture
def backup(services, tmp_path) -> Path:
    """A backup of a record with something in it, written under a name a person would give it."""
    services.diagnoses.add(Diagnosis(name="Congenitale bijnierhyperplasie"))
    services.medications.add(Medication(name="Hydrocortison", start_date="2019-05"))
    return backups.make_backup(services.session, tmp_path / "Reservekopie Zoë.regiebackup").path


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "Documenten"
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(folder))
    return folder / "Regie"


@pytest.fixture
def start(qtbot, tmp_path) -> StartWindow:
    window = StartWindow(AppSettings(tmp_path / "settings.ini"), RecordActions())
    qtbot.addWidget(window)
    window.show()
    return window


def not_a_backup(tmp_path: Path) -> Path:
    path = tmp_path / "vragen.regiebackup"
    path.write_text("Vragen voor de dokter\n", encoding="utf-8")
    return path


# --- the start window -----------------------------------------------------------------------------

def test_the_start_window_opens_the_restore_with_the_file_filled_in(start, backup, documents, qtbot):
    (documents / "restored record.regie").mkdir(parents=True)  # taken: the dialog proposes the next free name
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        seen.update(backup=dialog.backup_edit.text(), target=dialog.target(), keyboard=QApplication.focusWidget(),
                    secret=dialog.secret)
        dialog.reject()  # nothing is restored without the person's say
    steps = Steps()
    steps.inside(RestoreDialog, look)
    open_backup_file(start, backup, start.restore_backup)
    steps.check()
    assert seen["backup"] == str(backup) and seen["keyboard"] is seen["secret"]
    assert seen["target"] == documents / "restored record 2.regie"
    assert start.record_list.count() == 0 and not (documents / "restored record 2.regie").exists()


@pytest.mark.parametrize("make, says", [
    (not_a_backup, "is not a Regie backup, or it is damaged. Nothing was changed."),
    (lambda tmp_path: tmp_path / "weg.regiebackup", "Regie cannot find the file"),
    (lambda tmp_path: tmp_path, "is a folder, not a backup file"),
])
def test_a_file_that_is_no_backup_is_said_in_a_message_and_nothing_opens(start, tmp_path, make, says):
    path = make(tmp_path)
    seen: list[str] = []
    restored: list[Path] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()
    steps = Steps()
    steps.inside(QMessageBox, read)
    open_backup_file(start, path, restored.append)
    steps.check()
    assert len(seen) == 1 and says in seen[0] and str(path) in seen[0]
    assert restored == []


# --- the real program, driven by the keyboard -------------------------------------------------------

class Journey:
    """Steps run one after another from a timer inside the app's own loop (and the dialogs' loops inside it); a
    step returns False until what it waits for is there. A failure or the deadline closes the dialogs and ends
    the app, so the test fails instead of hanging."""

    def __init__(self, qtbot, steps: list[Step], seconds: float = 90) -> None:
        self.qtbot, self.steps = qtbot, list(steps)
        self.failure: BaseException | None = None
        self.deadline = time.monotonic() + seconds
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def keyboard(self) -> QWidget:
        """What has the keyboard. When a dialog closes, the desktop gives the window under it the keyboard; the
        offscreen platform has no window manager to do it, so this does."""
        if QApplication.focusWidget() is None:
            window = QApplication.activeModalWidget() or next(
                w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, StartWindow | MainWindow))
            window.activateWindow()
            QApplication.processEvents()
        focus = QApplication.focusWidget()
        assert focus is not None, "nothing has the keyboard"
        return focus

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.keyboard(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.keyboard(), text)

    def alt_to(self, field: QWidget) -> None:
        """Alt and the letter of the field's label, as a person reaches a field by its name."""
        self.press(letter_key(label_of(field)), ALT)
        assert QApplication.focusWidget() is field, label_of(field)

    def _tick(self) -> None:
        try:
            if time.monotonic() > self.deadline:
                raise AssertionError(f"the journey got stuck at {self.steps[0].__name__}" if self.steps
                                     else "the app did not end after the last step")
            if self.steps and self.steps[0]():
                self.steps.pop(0)
        except BaseException as failure:  # noqa: BLE001 - reported when the app has ended
            self.failure = self.failure or failure
            self.timer.stop()
            while isinstance(modal := QApplication.activeModalWidget(), QDialog):
                QDialog.done(modal, 0)
            QApplication.quit()

    def check(self) -> None:
        """After the app ended."""
        self.timer.stop()
        if self.failure is not None:
            raise self.failure
        assert not self.steps, f"the app ended before {self.steps[0].__name__}"


@pytest.fixture
def journey(qtbot) -> Iterator[Callable[[list[Step]], Journey]]:
    """Starts a Journey; its timer stops with the test, whatever happened (a later test's loop must not see it)."""
    made: list[Journey] = []

    def start(steps: list[Step]) -> Journey:
        made.append(Journey(qtbot, steps))
        return made[-1]
    yield start
    for each in made:
        each.timer.stop()


@pytest.fixture
def in_dutch(tmp_path, monkeypatch) -> None:
    """The app's settings (where the real program reads them) say Dutch."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    AppSettings(tmp_path / "config" / "Regie" / "settings.ini").set_language("nl")


def visible(kind: type[QWidget]) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_a_double_clicked_backup_is_restored_with_the_keyboard_and_opens_with_the_same_content(
        journey, backup, services, tmp_path, in_dutch, documents, monkeypatch):
    monkeypatch.setattr(cli, "has_terminal", lambda: False)  # as from a file manager
    target = tmp_path / "Teruggezet" / "Zoe.regie"  # typed: QTest types ASCII only
    seen: dict[str, object] = {}

    def dialog() -> RestoreDialog:
        found = seen["dialog"]
        assert isinstance(found, RestoreDialog)
        return found

    def the_restore_opens_with_the_file() -> bool:
        found = QApplication.activeModalWidget()
        if not isinstance(found, RestoreDialog) or not found.isActiveWindow():
            return False
        seen["dialog"] = found
        assert found.windowTitle() == "Reservekopie terugzetten"
        assert found.backup_edit.text() == str(backup) and QApplication.focusWidget() is found.secret
        return True

    def choose_a_new_folder_and_type_the_passphrase() -> bool:
        keys.alt_to(dialog().target_edit)
        keys.press(Qt.Key.Key_A, CTRL)
        keys.type(str(target))
        keys.alt_to(dialog().secret)
        keys.type(PASSPHRASE)
        keys.press(Qt.Key.Key_Return)  # Check the backup
        return True

    def restore_once_checked() -> bool:
        if dialog().is_busy:
            return False
        assert dialog().pending is not None, dialog().message.text()
        assert dialog().preview.isVisible() and not target.exists()  # what it holds shown, nothing in place yet
        assert QApplication.focusWidget() is dialog().restore_button
        keys.press(Qt.Key.Key_Return)  # Restore
        return True

    def close_once_restored() -> bool:
        if dialog().is_busy:
            return False
        assert dialog().restored_folder == target, dialog().message.text()
        keys.press(Qt.Key.Key_Return)  # Close, which has the keyboard
        return True

    def unlock_it_in_the_start_window() -> bool:
        start = visible(StartWindow)
        if QApplication.activeModalWidget() is not None or start is None:
            return False
        assert isinstance(start, StartWindow)
        current = start.record_list.currentItem()
        assert current is not None and Path(current.data(Qt.ItemDataRole.UserRole)) == target  # listed, chosen
        assert keys.keyboard() is start.unlock_panel.passphrase
        keys.type(PASSPHRASE)
        keys.press(Qt.Key.Key_Return)
        return True

    def quit_once_it_is_open() -> bool:
        window = visible(MainWindow)
        if window is None:
            return False
        assert isinstance(window, MainWindow) and window.services is not None
        seen["name"] = window.services.session.person_name()
        keys.press(Qt.Key.Key_Q, CTRL)  # Record -> Quit
        return True

    keys = journey([the_restore_opens_with_the_file, choose_a_new_folder_and_type_the_passphrase,
                              restore_once_checked, close_once_restored, unlock_it_in_the_start_window,
                              quit_once_it_is_open])
    code = cli.main([str(backup)])
    keys.check()
    assert code == 0 and seen["name"] == "Zoë Ünal"
    restored = records.unlock_with_passphrase(target, PASSPHRASE)
    try:
        now = datetime(2026, 1, 1, tzinfo=timezone.utc)
        assert export_record(restored, now) == export_record(services.session, now)  # every entry, as it was
    finally:
        restored.lock()


def test_a_double_clicked_file_that_is_no_backup_is_said_in_dutch_and_the_start_window_stays(
        journey, tmp_path, in_dutch, monkeypatch):
    monkeypatch.setattr(cli, "has_terminal", lambda: False)
    path = not_a_backup(tmp_path)
    seen: dict[str, str] = {}

    def the_message() -> bool:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            return False
        seen.update(title=box.windowTitle(), text=box.text(), more=box.informativeText())
        keys.press(Qt.Key.Key_Return)  # OK
        return True

    def the_start_window_stays() -> bool:
        if QApplication.activeModalWidget() is not None:
            return False
        start = visible(StartWindow)
        assert start is not None and visible(RestoreDialog) is None
        start.close()  # the last window: the app ends, as when the person closes it
        return True

    keys = journey([the_message, the_start_window_stays])
    assert cli.main([str(path)]) == 0
    keys.check()
    assert seen["title"] == "Dit bestand kan niet worden teruggezet"
    assert seen["text"] == f"Het bestand {path} is geen reservekopie van Regie, of het is beschadigd. Er is niets " \
                           "veranderd."
    assert "Reservekopie terugzetten…" in seen["more"]
