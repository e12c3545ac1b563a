"""Unlock the chosen record with its passphrase. The key derivation runs off the GUI thread.

A forgotten passphrase: the recovery dialog opens the record with its recovery code and sets a new
passphrase; the record it opens is handed on exactly like one unlocked here.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.ui.app import record_actions
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.app.record_actions import Unlock
from phr.ui.text.formatting import fill

if TYPE_CHECKING:  # the record's code loads when a record is first unlocked (issue 20: a quick start window)
    from phr.access.session import RecordSession
    from phr.ui.security.new_passphrase import ChangePassphrase
    from phr.ui.security.recovery_dialog import RecoveryDialog

translate = QCoreApplication.translate


class UnlockPanel(QGroupBox):
    unlocked = Signal(object)  # RecordSession
    busy_changed = Signal(bool)

    def __init__(self, unlock: Unlock, parent: QWidget | None = None,
                 unlock_with_code: Unlock = record_actions.unlock_with_recovery_code,
                 change_passphrase: "ChangePassphrase" = record_actions.change_passphrase) -> None:
        super().__init__(translate("UnlockPanel", "Unlock"), parent)
        self._unlock = unlock
        # Used by the recovery dialog; public so tests can give change_passphrase a fast Argon2.
        self.unlock_with_code = unlock_with_code
        self.change_passphrase = change_passphrase
        self.recovery_dialog: "RecoveryDialog | None" = None
        self._folder: Path | None = None
        self._tasks: list[BackgroundTask] = []
        self._build()
        self.set_folder(None)

    def _build(self) -> None:
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(translate("UnlockPanel", "&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.forgot_button = self._forgot_button()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: the key derivation is one step
        self.busy.setAccessibleName(translate("UnlockPanel", "Unlocking"))
        self.busy.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.sample_hint = QLabel()
        self.sample_hint.setWordWrap(True)
        self.sample_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(translate("UnlockPanel", "Message"))
        form = QFormLayout()
        form.addRow(translate("UnlockPanel", "Record:"), self.folder_label)
        form.addRow(translate("UnlockPanel", "&Passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.unlock_button, self.busy, self.message, self.sample_hint, self.forgot_button):
            layout.addWidget(widget)
        layout.addStretch()

    def _forgot_button(self) -> QPushButton:
        button = QPushButton(translate("UnlockPanel", "&Forgot your passphrase?"))
        button.setToolTip(translate(
            "UnlockPanel", "Open the record with its recovery code and choose a new passphrase."))
        button.clicked.connect(self.open_recovery)
        return button

    def set_folder(self, folder: Path | None, sample: bool = False) -> None:
        if self.is_busy:
            return  # the start window keeps the choice fixed while unlocking
        self._folder = folder
        self.folder_label.setText(str(folder) if folder else translate("UnlockPanel", "No record chosen."))
        self.passphrase.clear()
        self.message.clear()
        self.sample_hint.setText(_sample_hint() if sample else "")
        self.sample_hint.setVisible(sample)
        for widget in (self.passphrase, self.unlock_button, self.forgot_button):
            widget.setEnabled(folder is not None)

    def focus_passphrase(self) -> None:
        self.passphrase.setFocus()

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def unlock(self) -> None:
        if self._folder is None or self.is_busy:
            return
        if not self.passphrase.text():
            self.message.setText(translate("UnlockPanel", "Type your passphrase first."))
            return
        folder, secret = self._folder, self.passphrase.text()
        self._set_busy(True)
        run_in_background(lambda: self._unlock(folder, secret), self._on_unlocked, self._on_failed, self._tasks,
                          discard=lambda session: session.lock())

    def run_creation(self, work: Callable[[], "RecordSession"], on_done: Callable[["RecordSession"], None]) -> None:
        """Make a record (the sample) off the GUI thread, with the same busy state as unlocking."""
        if self.is_busy:
            return
        self._set_busy(True)
        self.message.setText(translate("UnlockPanel", "Making the sample record…"))

        def done(session: "RecordSession") -> None:
            self._set_busy(False)
            on_done(session)

        run_in_background(work, done, self._on_failed, self._tasks, discard=lambda session: session.lock())

    def open_recovery(self) -> None:
        """Forgot the passphrase: the recovery dialog for the chosen record (window-modal)."""
        if self._folder is None or self.is_busy or self.recovery_dialog is not None:
            return
        from phr.ui.security.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self._folder, self.unlock_with_code, self.change_passphrase, parent=self.window())
        dialog.record_opened.connect(self._on_unlocked)
        dialog.finished.connect(self._forget_recovery)
        self.recovery_dialog = dialog
        dialog.open()

    def _forget_recovery(self) -> None:
        if self.recovery_dialog is not None:
            self.recovery_dialog.deleteLater()
        self.recovery_dialog = None

    def abandon(self) -> None:
        """The window is closing: an unlock still running must lock the record again when done."""
        abandon_all(self._tasks)
        if self.recovery_dialog is not None:
            self.recovery_dialog.abandon()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.unlock_button.setEnabled(not busy)
        self.forgot_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.message.setText(translate("UnlockPanel", "Unlocking…") if busy else "")
        self.busy_changed.emit(busy)

    def _on_unlocked(self, session: "RecordSession") -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(session)

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        from phr.ui.text.messages import error_message  # with the record's errors (phr.core.errors)

        self.message.setText(error_message(error))


def _sample_hint() -> str:
    from phr.demo.sample_record import SAMPLE_PASSPHRASE  # with the sample's code, when a sample is chosen

    return fill(translate("UnlockPanel", "This is the sample record of an invented person. Its passphrase is: %1"),
                SAMPLE_PASSPHRASE)
