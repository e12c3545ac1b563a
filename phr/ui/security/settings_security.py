"""The Security part of the Settings dialog: change the passphrase, make a new recovery code.

Shown only while a record is open. These take effect at once, in their own dialogs, not with the
Settings dialog's OK. A recovery sheet can only be printed right after making a new code: Regie
never stores the code, so the box says so instead of offering a sheet without one.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from phr.access import keys
from phr.access.session import RecordSession
from phr.storage.keys.kdf import Argon2Params
from phr.ui.security.dialog_size import WrappedText
from phr.ui.security.new_recovery_code_dialog import NewRecoveryCodeDialog
from phr.ui.security.passphrase_dialog import PassphraseDialog

translate = QCoreApplication.translate


class SecurityBox(QGroupBox):
    def __init__(self, session: RecordSession, language: str, argon2: Argon2Params | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("SettingsDialog", "Security"), parent)
        self._session = session
        self._language = language
        self._argon2 = argon2  # None: timed on this machine; tests give fast parameters
        self.passphrase_dialog: PassphraseDialog | None = None
        self.recovery_dialog: NewRecoveryCodeDialog | None = None
        self._build()

    def _build(self) -> None:
        self.passphrase_button = QPushButton(translate("SettingsDialog", "Change &passphrase…"))
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.recovery_button = QPushButton(translate("SettingsDialog", "Make a new &recovery code…"))
        self.recovery_button.clicked.connect(self.new_recovery_code)
        owner = keys.may_make_recovery_code(self._session)
        self.recovery_button.setEnabled(owner)
        self.recovery_text = _text(
            translate("SettingsDialog", "Regie never stores the recovery code, so a recovery sheet can only be "
                                        "printed right after making a new code. Lost your sheet? Make a new code: "
                                        "the old one then stops working.")
            if owner else
            translate("SettingsDialog", "Only the owner of the record can make a new recovery code."))
        self.recovery_button.setAccessibleDescription(self.recovery_text.text())
        layout = QVBoxLayout(self)
        layout.addWidget(_text(translate("SettingsDialog", "These changes take effect at once, in a window of "
                                                           "their own.")))
        layout.addWidget(self.passphrase_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recovery_text)

    def change_passphrase(self) -> PassphraseDialog:
        self.passphrase_dialog = PassphraseDialog(self._session, argon2=self._argon2, parent=self.window())
        self.passphrase_dialog.open()  # window-modal; returns at once
        return self.passphrase_dialog

    def new_recovery_code(self) -> NewRecoveryCodeDialog | None:
        if not keys.may_make_recovery_code(self._session):
            return None
        self.recovery_dialog = NewRecoveryCodeDialog(self._session, self._language, parent=self.window())
        self.recovery_dialog.open()
        return self.recovery_dialog

    def abandon(self) -> None:
        """The record locks or the app closes: results still on their way are ignored."""
        for dialog in (self.passphrase_dialog, self.recovery_dialog):
            if dialog is not None:
                dialog.abandon()


def _text(text: str) -> QLabel:
    return WrappedText(text)
