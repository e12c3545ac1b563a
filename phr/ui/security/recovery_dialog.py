"""Forgot your passphrase: open the record with its recovery code and choose a new passphrase.

The code is checked for typing errors on the spot (its check character), so a typo is never
reported as a wrong code. Unlocking and re-wrapping the key run off the GUI thread. Nothing
changes on disk unless the code opens the record and the new passphrase is accepted.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.access import keys, records, recovery_code
from phr.access.session import RecordSession
from phr.core import errors
from phr.storage.keys.kdf import Argon2Params
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.app.desktop.text_size import scaled
from phr.ui.app.record_actions import Unlock
from phr.ui.security.dialog_size import WrappedText, fit_to_screen
from phr.ui.security.new_passphrase import ChangePassphrase, NewPassphraseFields, Problem, problems_text
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate


def _typed_symbols(text: str) -> int:
    """How many code characters were typed: spaces and dashes do not count."""
    return sum(1 for ch in text if ch.isalnum())


class RecoveryDialog(QDialog):
    """Emits `record_opened(session)` once the new passphrase is set and the person has read that."""

    record_opened = Signal(object)  # RecordSession

    def __init__(self, folder: Path, unlock_with_code: Unlock = records.unlock_with_recovery_code,
                 change: ChangePassphrase = keys.change_passphrase, argon2: Argon2Params | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = Path(folder)
        self._unlock_with_code = unlock_with_code
        self._change = change
        self._argon2 = argon2  # None: timed on this machine, as for a new record
        self._tasks: list[BackgroundTask] = []
        self._session: RecordSession | None = None  # open, new passphrase set, not yet handed over
        self.setWindowTitle(translate("RecoveryDialog", "Forgot your passphrase?"))
        self._build()

    # --- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = self._text(translate(
            "RecoveryDialog",
            "Type the recovery code from your recovery sheet and choose a new passphrase. Capitals, spaces and "
            "dashes in the code do not matter."))
        self._make_fields()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # one step: checking the code and saving the new passphrase
        self.busy.setAccessibleName(translate("RecoveryDialog", "Busy"))
        self.busy.hide()
        self.message = self._text("")
        self.message.setAccessibleName(translate("RecoveryDialog", "Message"))
        self.done_text = self._text("")
        self.done_text.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self._form())
        for widget in (self.busy, self.message, self.done_text):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addLayout(self._buttons())
        chain = (self.code, self.first, self.second, self.show_box, self.open_button, self.cancel_button)
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)
        fit_to_screen(self, QSize(560, 0))
        self.code.setFocus()

    def _make_fields(self) -> None:
        self.folder_label = QLabel(str(self._folder))
        self.folder_label.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setFont(scaled(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont), 1.0))  # the text size
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.code.textChanged.connect(lambda _text: self.message.clear())
        # The name in the record is not known before it is open: the service checks that part.
        self.fields = NewPassphraseFields(parent=self)
        self.fields.changed.connect(lambda: self.message.clear())
        self.first, self.second = self.fields.first, self.fields.second
        self.show_box, self.meter, self.strength = self.fields.show_box, self.fields.meter, self.fields.strength

    @staticmethod
    def _text(text: str) -> QLabel:
        return WrappedText(text)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.form_rows: list[tuple[QLabel, QWidget]] = []
        rows = ((translate("RecoveryDialog", "Record:"), self.folder_label),
                (translate("RecoveryDialog", "&Recovery code:"), self.code))
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.form_rows.append((label, widget))
        self.form_rows += self.fields.add_rows(form, translate("RecoveryDialog", "&New passphrase:"))
        return form

    def _buttons(self) -> QHBoxLayout:
        self.open_button = QPushButton(translate("RecoveryDialog", "&Open with the new passphrase"))
        self.open_button.setDefault(True)  # Enter in any field
        self.open_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("RecoveryDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button = QPushButton(translate("RecoveryDialog", "&Go to my record"))
        self.continue_button.clicked.connect(self.accept)
        self.continue_button.hide()
        row = QHBoxLayout()
        row.addStretch()
        for button in (self.open_button, self.cancel_button, self.continue_button):
            row.addWidget(button)
        return row

    # --- opening ----------------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def start(self) -> None:
        """Check what can be checked here (quickly, nothing written), then unlock and change off the GUI thread."""
        if self.is_busy or self._session is not None:
            return
        problem = self._problem_before_start()
        if problem is not None:
            text, field = problem
            self._show_problem(text, field)
            return
        folder, code, new = self._folder, self.code.text(), self.first.text()
        self._set_busy(True)
        run_in_background(lambda: self._recover(folder, code, new), self._on_recovered, self._on_failed,
                          self._tasks, discard=lambda session: session.lock())

    def _problem_before_start(self) -> Problem | None:
        if not self.code.text().strip():
            return translate("RecoveryDialog", "Type your recovery code first."), self.code
        try:
            recovery_code.parse(self.code.text())
        except errors.MistypedRecoveryCode:
            return self._typing_error(), self.code
        if not self.first.text():
            return translate("RecoveryDialog", "Choose a new passphrase first."), self.first
        assessment = self.fields.assessment()
        if not assessment.acceptable:
            return fill(translate("RecoveryDialog", "The new passphrase is too easy to guess: %1. "
                                                    "Nothing was changed."), problems_text(assessment)), self.first
        if not self.fields.same_twice():
            return translate("RecoveryDialog", "The two passphrases are not the same. Type the new passphrase "
                                               "again in the second field."), self.second
        return None

    def _typing_error(self) -> str:
        count = _typed_symbols(self.code.text())
        if count != recovery_code.LENGTH:
            return fill(translate("RecoveryDialog", "The recovery code has a typing error: you typed %1 characters, "
                                                    "a recovery code has %2. Check every character."),
                        str(count), str(recovery_code.LENGTH))
        return translate("RecoveryDialog", "The recovery code has a typing error. Check every character. "
                                           "The code never uses 0, O, 1, I or L.")

    def _recover(self, folder: Path, code: str, new: str) -> RecordSession:
        """On a pool thread: unlock with the code, then give the owner's slot the new passphrase."""
        session = self._unlock_with_code(folder, code)
        try:
            if self._argon2 is None:
                self._change(session, new)
            else:
                self._change(session, new, argon2=self._argon2)
        except BaseException:
            session.lock()  # the passphrase was not changed: do not leave the record open
            raise
        return session

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.fields.set_enabled(not busy)
        for widget in (self.code, self.open_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.message.setText(translate("RecoveryDialog", "Checking the code and saving your new passphrase…")
                             if busy else "")

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_problem(*self._failure(error))

    def _failure(self, error: Exception) -> Problem:
        if isinstance(error, errors.MistypedRecoveryCode):
            return self._typing_error(), self.code
        if isinstance(error, errors.WrongSecret):
            return translate("RecoveryDialog", "This recovery code does not open this record. Is it the code of "
                                               "another record? Nothing was changed."), self.code
        if isinstance(error, errors.WeakPassphrase):
            # What the dialog could not check beforehand: the name stored in the record.
            return translate("RecoveryDialog", "The new passphrase is too easy to guess: do not build it from "
                                               "the name. Nothing was changed."), self.first
        return error_message(error), self.code

    def _show_problem(self, text: str, field: QLineEdit) -> None:
        self.message.setText(text)
        field.setFocus()
        field.selectAll()

    def _on_recovered(self, session: RecordSession) -> None:
        self._set_busy(False)
        self._session = session
        self.code.clear()
        self.fields.clear()
        for label, widget in self.form_rows[1:]:
            label.hide()
            widget.hide()
        for widget in (self.intro, self.open_button, self.cancel_button):
            widget.hide()
        self.done_text.setText(translate(
            "RecoveryDialog",
            "Your new passphrase is set. Use it from now on to open your record.\n\n"
            "Your recovery code keeps working: it is still your way back if you forget your passphrase "
            "again. Keep the recovery sheet on paper, in a safe place."))
        self.done_text.show()
        self.continue_button.show()
        self.continue_button.setDefault(True)
        self.continue_button.setFocus()

    # --- closing ----------------------------------------------------------------------------------

    def accept(self) -> None:
        if self._session is None:
            return  # only "Go to my record" accepts, once the record is open
        self._hand_over()
        super().accept()

    def reject(self) -> None:
        if self.is_busy:
            return  # the change cannot be called back half-way: wait for its result
        if self._session is not None:
            self.accept()  # the passphrase has changed and the record is open: open it, do not lose it
            return
        super().reject()

    def _hand_over(self) -> None:
        session, self._session = self._session, None
        self.record_opened.emit(session)

    def abandon(self) -> None:
        """The app is closing: a record opened here (or still being opened) is locked again."""
        abandon_all(self._tasks)
        if self._session is not None:
            session, self._session = self._session, None
            session.lock()
