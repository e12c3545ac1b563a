"""Record → Back up now…: write an encrypted backup of the open record to a file the person chooses.

The backup is written on a pool thread over a connection of its own (the pages keep reading
the record meanwhile), behind a moving bar. Writing one file cannot be stopped half-way, so
there is no Cancel: the dialog closes once the file is written or the attempt failed, and a
failed attempt leaves no file behind (phr.storage.backups writes beside and renames).
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.access.session import RecordSession
from phr.backup import backups
from phr.core import errors
from phr.ui.app.background import BackgroundTask, run_in_background
from phr.ui.security.dialog_size import fit_to_screen
from phr.ui.text.formatting import escape, fill

translate = QCoreApplication.translate


def default_file_name(today: date) -> str:
    """Like 'regie-backup-2026-11-22.regiebackup': no name of the person (the file may go anywhere)."""
    return translate("BackupDialog", "regie-backup") + f"-{today.isoformat()}{backups.SUFFIX}"


def backup_error_text(error: Exception) -> str:
    """Why the backup was not written, in words; every case says that nothing was saved."""
    if isinstance(error, errors.StorageFull):
        return translate("BackupDialog", "The backup was not saved: the disk is full. Choose another place, "
                                         "for example a USB stick with enough room.")
    if isinstance(error, errors.RecordExists):
        return translate("BackupDialog", "The backup was not saved: there is already a folder or file with this "
                                         "name. Choose another name.")
    if isinstance(error, (errors.StorageUnavailable, PermissionError)):
        return translate("BackupDialog", "The backup was not saved: Regie may not write in this folder, or the "
                                         "folder is not available. Choose another place.")
    if isinstance(error, FileNotFoundError):
        return translate("BackupDialog", "The backup was not saved: the folder is not there any more. Is the USB "
                                         "stick still plugged in? Choose the place again.")
    return translate("BackupDialog", "The backup was not saved: Regie could not write the file. Choose another "
                                     "place and try again.")


class BackupDialog(QDialog):
    saved = Signal(object)    # the Path of the backup written
    failed = Signal(str)      # the message shown

    def __init__(self, session: RecordSession, parent: QWidget | None = None, folder: Path | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or date.today()
        self.saved_path: Path | None = None
        self._tasks: list[BackgroundTask] = []
        self._folder = Path(folder) if folder else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self.setWindowTitle(translate("BackupDialog", "Back up now"))
        self._build()
        fit_to_screen(self, QSize(560, 0))

    def _build(self) -> None:
        intro = QLabel(translate(
            "BackupDialog", "A backup is one file with the whole record in it, encrypted. It opens only with your "
                            "passphrase, a carer's passphrase or the recovery code. Keep it in another place than "
                            "this computer, for example on a USB stick."))
        intro.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # a moving bar: one snapshot, no steps to count
        self.busy.setAccessibleName(translate("BackupDialog", "Writing the backup"))
        self.busy.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(translate("BackupDialog", "Message"))
        self.save_button = QPushButton(translate("BackupDialog", "&Save the backup…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda _checked: self.save())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.busy, self.status):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addWidget(self.buttons)

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def ask_path(self) -> Path | None:
        proposed = str(self._folder / default_file_name(self.today))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, translate("BackupDialog", "Save the backup"), proposed,
            translate("BackupDialog", "Regie backups (*.regiebackup)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix != backups.SUFFIX:
            path = path.with_name(path.name + backups.SUFFIX)
        self._folder = path.parent
        return path

    def save(self) -> None:
        """Ask where, then write the backup off the GUI thread."""
        if self.is_busy:
            return
        path = self.ask_path()
        if path is None:
            return
        if self._inside_record(path):
            self._say(translate("BackupDialog", "Do not save the backup inside the record folder: it must be "
                                                "safe when the record is lost. Choose another place."), bold=True)
            return
        session, overwrite = self.session, path.is_file()  # the file dialog asked before replacing a file
        self._set_busy(True)
        run_in_background(lambda: backups.make_backup(session, path, overwrite, own_connection=True),
                          self._on_saved, self._on_failed, self._tasks)

    def _inside_record(self, path: Path) -> bool:
        record = Path(self.session.folder).absolute()
        return record == path.absolute() or record in path.absolute().parents

    def _on_saved(self, made: backups.BackupMade) -> None:
        self._set_busy(False)
        self.saved_path = made.path
        self._say(fill(translate("BackupDialog", "Saved: %1"), made.path))
        self.saved.emit(made.path)

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        message = backup_error_text(error)
        self._say(message, bold=True)
        self.failed.emit(message)

    def _say(self, text: str, bold: bool = False) -> None:
        self.status.setText("<b>" + escape(text) + "</b>" if bold else escape(text))  # bold, not red

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.save_button.setEnabled(not busy)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:  # the box is made with it
            close.setEnabled(not busy)
        if busy:
            self._say(translate("BackupDialog", "Writing the backup…"))

    def reject(self) -> None:
        if not self.is_busy:  # the file is being written: it cannot be stopped half-way
            super().reject()


def open_backup_dialog(parent: QWidget | None, session: RecordSession, folder: Path | None = None) -> BackupDialog:
    """Record → Back up now… (only while a record is open)."""
    dialog = BackupDialog(session, parent, folder)
    dialog.exec()
    dialog.deleteLater()
    return dialog
