"""Moves between the start window and an open record; locking always goes through here."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from phr.services import RecordServices
from phr.ui.main_window import MainWindow
from phr.ui.record_actions import RecordActions
from phr.ui.settings import AppSettings
from phr.ui.start_window import StartWindow


class AppController(QObject):
    locked = Signal()

    def __init__(self, settings: AppSettings, actions: RecordActions, quit_on_close: bool = True):
        super().__init__()
        self._quit_on_close = quit_on_close
        self.start_window = StartWindow(settings, actions)
        self.start_window.record_opened.connect(self.open_record)
        self.session = None
        self.main_window: MainWindow | None = None

    def show(self) -> None:
        self.start_window.show()

    def open_record(self, session) -> None:
        if self.session is not None:
            self.lock()  # one open record at a time
        self.session = session
        self.main_window = MainWindow(RecordServices(session))
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.close_requested.connect(self._on_main_closed)
        self.main_window.show()
        self.start_window.hide()

    def lock(self) -> None:
        """Close the database, drop the key and every page (with its models), back to unlock."""
        if self.session is None:
            return
        folder = str(self.session.folder)
        window, self.main_window = self.main_window, None
        window.close_for_lock()
        window.deleteLater()
        self.session.lock()
        self.session = None
        self.start_window.refresh_records(select=folder)
        self.start_window.show()
        self.locked.emit()

    def _on_main_closed(self) -> None:
        self.lock()
        if self._quit_on_close:
            self.start_window.close()
            QApplication.quit()
