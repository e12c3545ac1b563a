"""Change the passphrase of the open record: the current one first, then the new one twice.

Asking for the current passphrase means nobody at an unlocked, unattended computer can change
it; a session opened with the recovery code skips that question (the passphrase was forgotten).
Checking the current passphrase and re-wrapping the key run off the GUI thread. Nothing changes
on disk unless both succeed, and the recovery code keeps working (see phr.access.keys).
"""

from PySide6.QtCore import QCoreApplication, QSize
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

from phr.access import keys
from phr.access import passphrase as passphrases
from phr.access.keys import PassphraseChanged
from phr.access.session import RecordSession
from phr.core import errors
from phr.storage.keys.kdf import Argon2Params
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.security.dialog_size import WrappedText, fit_to_screen
from phr.ui.security.new_passphrase import (
    ChangePassphrase,
    NewPassphraseFields,
    Problem,
    problems_text,
    secret_field,
)
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate


class PassphraseDialog(QDialog):
    """Accepted once the new passphrase is set and the person has read that."""

    def __init__(self, session: RecordSession, argon2: Argon2Params | None = None,
                 change: ChangePassphrase = keys.change_passphrase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._argon2 = argon2  # None: timed on this machine, as for a new record
        self._change = change
        self._tasks: list[BackgroundTask] = []
        self.changed = False
        self._asks_current = keys.asks_current_passphrase(session)
        self._personal = (session.person_name(), session.author.name)
        self.setWindowTitle(translate("PassphraseDialog", "Change passphrase"))
        self._build()

    # --- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = _text(self._intro_text())
        self.current = secret_field()
        self.fields = NewPassphraseFields(lambda: self._personal, also_shown=(self.current,), parent=self)
        self.fields.show_box.setText(translate("PassphraseDialog", "&Show passphrases"))
        self.first, self.second = self.fields.first, self.fields.second
        self.show_box, self.meter, self.strength = self.fields.show_box, self.fields.meter, self.fields.strength
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(translate("PassphraseDialog", "Busy"))
        self.busy.hide()
        self.message = _text("")
        self.message.setAccessibleName(translate("PassphraseDialog", "Message"))
        self.current.textChanged.connect(lambda _text: self.message.clear())
        self.fields.changed.connect(lambda: self.message.clear())
        self.done_text = _text("")
        self.done_text.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self._form())
        for widget in (self.busy, self.message, self.done_text):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addLayout(self._buttons())
        fit_to_screen(self, QSize(540, 0))
        (self.current if self._asks_current else self.first).setFocus()

    def _intro_text(self) -> str:
        if not self._asks_current:
            return translate("PassphraseDialog", "You opened the record with the recovery code, so Regie does not "
                                                 "ask for your current passphrase. Choose a new passphrase. "
                                                 "Your recovery code keeps working.")
        if self._session.vault.slot.kind == "carer":
            return translate("PassphraseDialog", "This changes your own passphrase as a carer. The passphrase of "
                                                 "the owner and the recovery code stay the same.")
        return translate("PassphraseDialog", "Type your current passphrase, then choose a new one. "
                                             "Your recovery code keeps working.")

    def _form(self) -> QFormLayout:
        form = self.form = QFormLayout()
        if self._asks_current:
            label = QLabel(translate("PassphraseDialog", "&Current passphrase:"))
            label.setBuddy(self.current)
            form.addRow(label, self.current)
        else:
            self.current.hide()
        self.fields.add_rows(form, translate("PassphraseDialog", "&New passphrase:"))
        return form

    def _buttons(self) -> QHBoxLayout:
        self.change_button = QPushButton(translate("PassphraseDialog", "C&hange passphrase"))
        self.change_button.setDefault(True)  # Enter in any field
        self.change_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("PassphraseDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(translate("PassphraseDialog", "&Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        row = QHBoxLayout()
        row.addStretch()
        for button in (self.change_button, self.cancel_button, self.close_button):
            row.addWidget(button)
        return row

    # --- changing ---------------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def start(self) -> None:
        """Check what can be checked here (quickly, nothing written), then the rest off the GUI thread."""
        if self.is_busy or self.changed:
            return
        problem = self._problem_before_start()
        if problem is not None:
            self._show_problem(*problem)
            return
        current, new = self.current.text(), self.first.text()
        self._set_busy(True)
        run_in_background(lambda: self._check_and_change(current, new), self._on_changed, self._on_failed,
                          self._tasks)

    def _problem_before_start(self) -> Problem | None:
        if self._asks_current and not self.current.text():
            return translate("PassphraseDialog", "Type your current passphrase first."), self.current
        if not self.first.text():
            return translate("PassphraseDialog", "Choose a new passphrase first."), self.first
        assessment = self.fields.assessment()
        if not assessment.acceptable:
            return fill(translate("PassphraseDialog", "The new passphrase is too easy to guess: %1. "
                                                      "Nothing was changed."), problems_text(assessment)), self.first
        if not self.fields.same_twice():
            return translate("PassphraseDialog", "The two new passphrases are not the same. Type the new "
                                                 "passphrase again in the second field."), self.second
        if self._asks_current and passphrases.normalise(self.first.text()) == passphrases.normalise(
                self.current.text()):
            return translate("PassphraseDialog", "The new passphrase is the same as the current one. "
                                                 "Choose a different one."), self.first
        return None

    def _check_and_change(self, current: str, new: str) -> PassphraseChanged:
        """On a pool thread: the current passphrase must open this session's slot, then the change."""
        if self._asks_current:
            keys.check_current_passphrase(self._session, current)
        if self._argon2 is None:
            return self._change(self._session, new)
        return self._change(self._session, new, argon2=self._argon2)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.fields.set_enabled(not busy)
        for widget in (self.current, self.change_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.message.setText(translate("PassphraseDialog", "Checking and saving your new passphrase…")
                             if busy else "")

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_problem(*self._failure(error))

    def _failure(self, error: Exception) -> Problem:
        if isinstance(error, errors.WrongSecret):
            return translate("PassphraseDialog", "This is not your current passphrase. Check Caps Lock and try "
                                                 "again. Nothing was changed."), self.current
        if isinstance(error, errors.WeakPassphrase):
            return translate("PassphraseDialog", "The new passphrase is too easy to guess. Choose a longer one. "
                                                 "Nothing was changed."), self.first
        return error_message(error), self.first

    def _show_problem(self, text: str, field: QLineEdit) -> None:
        self.message.setText(text)
        if not field.isVisible() and field is self.current:
            field = self.first
        field.setFocus()
        field.selectAll()

    def _on_changed(self, _result: PassphraseChanged) -> None:
        self._set_busy(False)
        self.changed = True
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, False)
        self.current.clear()
        self.fields.clear()
        for widget in (self.intro, self.change_button, self.cancel_button):
            widget.hide()
        self.done_text.setText(translate(
            "PassphraseDialog", "Your passphrase is changed. Use the new passphrase from now on to open the record; "
                                "the old one no longer works. Your recovery code keeps working."))
        self.done_text.show()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    # --- closing ----------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.is_busy:
            return  # the change cannot be called back half-way: wait for its result
        if self.changed:
            self.accept()
            return
        super().reject()

    def abandon(self) -> None:
        """The app is closing or the record locks: a result still on its way is ignored."""
        abandon_all(self._tasks)


def _text(text: str) -> QLabel:
    return WrappedText(text)

