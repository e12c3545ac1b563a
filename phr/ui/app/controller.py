"""Moves between the start window and an open record; locking always goes through here.

While a record is open, it locks itself after the minutes without input the user chose (and when the screen
locks or the computer sleeps, see auto_lock), and text copied from it is marked sensitive and cleared again
(see clipboard_guard).

The main window, the record's services and the automatic backup are imported when the first record opens: the
start window is shown before the record's code (storage, numpy, the pages, charts and exports) loads (issue 20).
"""

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from phr.ui.app.desktop.text_size import apply_text_size, step_text_size
from phr.ui.app.desktop.window_size import place_window
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.security.auto_lock import IDLE, AutoLock
from phr.ui.security.clipboard_guard import ClipboardGuard
from phr.ui.start.start_window import StartWindow

if TYPE_CHECKING:
    from phr.access.session import RecordSession
    from phr.ui.app.main_window import MainWindow
    from phr.ui.backup.auto_backup_runner import AutoBackupRunner, BackupJob

translate = QCoreApplication.translate

WAIT_MESSAGE_MS = 2500  # longer than a wait's step (about a second), so the message stays while waiting


class AppController(QObject):
    locked = Signal()

    def __init__(self, settings: AppSettings, actions: RecordActions, quit_on_close: bool = True) -> None:
        super().__init__()
        self._quit_on_close = quit_on_close
        self.settings = settings
        self.start_window = StartWindow(settings, actions)
        self.start_window.record_opened.connect(self.open_record)
        self.session: "RecordSession | None" = None
        self.main_window: "MainWindow | None" = None
        self.auto_lock = AutoLock(self._lock_by_itself, settings.auto_lock_minutes, self)
        self.clipboard_guard = ClipboardGuard(parent=self)
        self.auto_backup: "AutoBackupRunner | None" = None  # made with the first open record

    def show(self) -> None:
        self.start_window.show()

    def open_record(self, session: "RecordSession") -> None:
        from phr.record.services import RecordServices
        from phr.ui.app.main_window import MainWindow
        from phr.ui.app.record_place import say_where
        from phr.ui.backup.auto_backup_runner import AutoBackupRunner

        if self.session is not None:
            self.lock()  # one open record at a time
        self.session = session
        if self.auto_backup is None:
            self.auto_backup = AutoBackupRunner(self.settings)
        auto_backup = self.auto_backup
        self.main_window = MainWindow(RecordServices(session))
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.close_requested.connect(self._on_main_closed)
        self.main_window.settings_requested.connect(self.show_settings)
        self.main_window.quit_requested.connect(self.quit)
        self.main_window.text_size_step.connect(self.step_text_size)
        self.main_window.before_rekey = self._backup_before_rekey
        self.main_window.settings_file = self.settings.path
        place_window(self.main_window, self.settings.main_window_geometry())
        self.main_window.show()
        self.start_window.hide()
        session.db.on_wait = self._waiting_for_record  # another program writes: say so while this one waits
        self.auto_lock.start(self.main_window)  # reads the auto-lock minutes now
        self.clipboard_guard.start()
        auto_backup.start(session, self._notify)  # in the background, when the last one is a day old
        self.place_note = say_where(self.main_window, session, self.settings)  # a synced folder, read-only

    def _notify(self, text: str) -> None:
        """A failed automatic backup: said in the status bar until the next message, never a dialog."""
        if self.main_window is not None:
            self.main_window.statusBar().showMessage(text)

    def _waiting_for_record(self, seconds: float) -> None:
        """Called about every second while a save waits for another program (a second Regie, a `phr` command)
        to finish writing the record. The wait blocks this thread, so the status bar is painted here at once
        (no events are handled: a timer must not lock the record in the middle of a statement). The message
        stays while the steps come and goes a moment after the last one."""
        if self.main_window is None:
            return
        self.main_window.statusBar().showMessage(translate(
            "AppController", "Waiting for the record: another Regie or phr command is changing it (%n s)…", "",
            round(seconds)), WAIT_MESSAGE_MS)
        self.main_window.statusBar().repaint()

    def _backup_before_rekey(self, session: "RecordSession") -> "BackupJob":
        """Before a carer's removal changes the key: the backup job for the removal's worker thread
        (it returns None, or the text saying why there is no backup)."""
        if self.auto_backup is None:
            raise RuntimeError("no record is open")
        return self.auto_backup.backup_job(session, "rekey")

    def show_settings(self) -> None:
        from phr.ui.app.settings_dialog import open_settings_dialog

        services = self.main_window.services if self.main_window is not None else None
        if open_settings_dialog(self.main_window, self.settings, services):
            self.apply_auto_lock_setting()
            if self.main_window is not None:
                self.main_window.text_size_changed()  # the dialog applied a new text size, if one was chosen

    def step_text_size(self, step: int) -> None:
        """View → Larger text (1), Smaller text (-1), Normal text size (0): kept for the next start too."""
        size = step_text_size(self.settings.text_size(), step)
        self.settings.set_text_size(size)
        apply_text_size(cast(QApplication, QApplication.instance()), size)
        if self.main_window is not None:
            self.main_window.text_size_changed()

    def apply_auto_lock_setting(self) -> None:
        """After the settings changed: the idle time starts again with the new number of minutes."""
        if self.auto_lock.active:
            self.auto_lock.restart()

    def lock(self) -> None:
        """Close the database, drop the key and every page (with its models), back to unlock."""
        if self.session is None:
            return
        self.auto_lock.stop()
        self.clipboard_guard.stop()  # what we copied from the record goes too
        if self.auto_backup is not None:
            self.auto_backup.stop()  # its connection must be closed too before the key is dropped
        folder = str(self.session.folder)
        window, self.main_window = self.main_window, None
        if window is not None:
            self.settings.set_main_window_geometry(window.saveGeometry())  # size and place only, for next time
            window.close_for_lock()
            window.deleteLater()
        self.session.lock()
        self.session = None
        self.start_window.refresh_records(select=folder)
        self.start_window.show()
        self.locked.emit()

    def _lock_by_itself(self, reason: str) -> None:
        """The auto-lock's lock: the same as Ctrl+L, and the start window says why it happened."""
        self.lock()
        if reason == IDLE:
            text = translate("AppController", "The record was locked because it was not used for a while. "
                                              "Type your passphrase to open it again.")
        else:
            text = translate("AppController", "The record was locked because the computer was locked or went "
                                              "to sleep. Type your passphrase to open it again.")
        self.start_window.unlock_panel.message.setText(text)

    def _on_main_closed(self) -> None:
        self.lock()
        if self._quit_on_close:
            self.start_window.close()
            QApplication.quit()

    def quit(self) -> None:
        """Record → Quit (Ctrl+Q): lock the record, close every window, leave Regie."""
        self.lock()
        self.start_window.close()
        if self._quit_on_close:
            QApplication.quit()
