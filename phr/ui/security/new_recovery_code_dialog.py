"""Make a new recovery code in two steps: show it, and only once it is written down, make it count.

The code is made in memory first (phr.access.keys.prepare_recovery_code) and stored only after the
person has typed its last group back (commit_recovery_code). Cancelling, or a crash, before that
changes nothing: the old code keeps working. The recovery sheet can be printed while the new
code is on screen; afterwards the code exists only on paper, because Regie never stores it.
"""

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.access import keys, recovery_code
from phr.access.recovery_code import RecoveryCode
from phr.access.session import RecordSession
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.app.desktop.text_size import scaled
from phr.ui.export.preview import ExportPreview
from phr.ui.security.dialog_size import WrappedText, fit_to_screen, grow_to_words
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate
CODE_SCALE = 1.6  # the recovery code, against the text around it
CommitRecoveryCode = Callable[[RecordSession, RecoveryCode], None]


class Step(StrEnum):
    EXPLAIN = "explain"  # what a new code does
    SHOW = "show"        # made and on screen, not stored
    DONE = "done"        # stored: the old code no longer works


def last_group(formatted: str) -> str:
    return formatted.rsplit("-", 1)[-1]


def _typed_group(text: str) -> str:
    """What was typed, as the code writes it: capitals, no spaces or dashes."""
    return "".join(ch.upper() if "a" <= ch <= "z" else ch for ch in text if not ch.isspace() and ch != "-")


class NewRecoveryCodeDialog(QDialog):
    """Steps: "explain" -> "show" (made, not stored) -> "done" (stored: the old code no longer works)."""

    message: QLabel  # made in _build, after the field whose typing clears it

    def __init__(self, session: RecordSession, language: str = "en",
                 commit: CommitRecoveryCode = keys.commit_recovery_code, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._language = language
        self._commit = commit
        self._tasks: list[BackgroundTask] = []
        self._prepared: RecoveryCode | None = None  # the new code while it is on screen
        self._folder, self._person_name = session.folder, session.person_name()
        self.step = Step.EXPLAIN
        self.sheet: ExportPreview | None = None  # the open recovery-sheet preview, if any
        self.setWindowTitle(translate("NewRecoveryCodeDialog", "New recovery code"))
        self._build()
        self._show_explain()
        fit_to_screen(self, QSize(600, 320))  # for the words of the first step; later steps grow it if needed

    # --- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.text = _text("")
        self.code = QLabel()
        # Larger than the text around it at every text size (the fixed font is the desktop's, not the app's).
        font = scaled(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont), CODE_SCALE)
        font.setWeight(QFont.Weight.Bold)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code.setAccessibleName(translate("NewRecoveryCodeDialog", "New recovery code"))
        self.sheet_button = QPushButton(translate("NewRecoveryCodeDialog", "&Print recovery sheet…"))
        self.sheet_button.clicked.connect(self.show_sheet)
        self.confirm_text = _text("")
        self.confirm = QLineEdit()
        self.confirm.setFont(scaled(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont), 1.0))
        self.confirm.setMaxLength(12)
        self.confirm.setMaximumWidth(self.confirm.fontMetrics().horizontalAdvance("W" * 10))
        self.confirm.textChanged.connect(lambda _text: self.message.clear())
        self.confirm_label = QLabel(translate("NewRecoveryCodeDialog", "&Last group of the new code:"))
        self.confirm_label.setBuddy(self.confirm)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(translate("NewRecoveryCodeDialog", "Busy"))
        self.busy.hide()
        self.message = _text("")
        self.message.setAccessibleName(translate("NewRecoveryCodeDialog", "Message"))
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_label)
        confirm_row.addWidget(self.confirm)
        confirm_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addSpacing(8)
        layout.addWidget(self.code)
        layout.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_text)
        layout.addLayout(confirm_row)
        for widget in (self.busy, self.message):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.make_button = QPushButton(translate("NewRecoveryCodeDialog", "&Make a new code"))
        self.make_button.clicked.connect(self.make_code)
        self.use_button = QPushButton(translate("NewRecoveryCodeDialog", "&Use the new code"))
        self.use_button.clicked.connect(self.start_commit)
        self.cancel_button = QPushButton(translate("NewRecoveryCodeDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(translate("NewRecoveryCodeDialog", "&Close"))
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch()
        for button in (self.make_button, self.use_button, self.cancel_button, self.close_button):
            row.addWidget(button)
        return row

    def _set_visible(self, *shown: QWidget) -> None:
        for widget in (self.code, self.sheet_button, self.confirm_text, self.confirm_label, self.confirm,
                       self.make_button, self.use_button, self.cancel_button, self.close_button):
            widget.setVisible(widget in shown)
        grow_to_words(self)  # the next step's words and fields, in full

    def _make_default(self, button: QPushButton) -> None:
        for other in (self.make_button, self.use_button, self.close_button):
            other.setDefault(other is button)

    # --- the steps --------------------------------------------------------------------------------

    def _show_explain(self) -> None:
        if not keys.may_make_recovery_code(self._session):
            self.text.setText(translate("NewRecoveryCodeDialog", "Only the owner of the record can make a new "
                                                                 "recovery code."))
            self._set_visible(self.close_button)
            self._make_default(self.close_button)
            return
        self.text.setText(translate(
            "NewRecoveryCodeDialog",
            "A new recovery code replaces the old one. Once you confirm it, the old code, and every recovery sheet "
            "with the old code on it, no longer opens the record.\n\n"
            "Make a new code when your recovery sheet is lost, or when someone else may have seen the code. "
            "Have pen and paper ready: Regie shows the new code only once and never stores it."))
        self._set_visible(self.make_button, self.cancel_button)
        self._make_default(self.make_button)
        self.make_button.setFocus()

    def make_code(self) -> None:
        """Step 2: a new code on screen; nothing is stored yet."""
        if self.step != Step.EXPLAIN or not keys.may_make_recovery_code(self._session):
            return
        self._prepared = keys.prepare_recovery_code()
        self.step = Step.SHOW
        self.code.setText(self._prepared.formatted)
        self.text.setText(translate(
            "NewRecoveryCodeDialog",
            "Your new recovery code is below. Write it down on paper, or print the recovery sheet. "
            "Nothing has changed yet: your old recovery code keeps working until you confirm."))
        self.confirm_text.setText(fill(translate(
            "NewRecoveryCodeDialog",
            "To confirm that you have written it down, type the last group of the new code (the %1 characters "
            "after the last dash). Then choose Use the new code."), str(recovery_code.GROUP)))
        self._set_visible(self.code, self.sheet_button, self.confirm_text, self.confirm_label, self.confirm,
                          self.use_button, self.cancel_button)
        self._make_default(self.use_button)
        self.confirm.setFocus()

    def start_commit(self) -> None:
        if self.step != Step.SHOW or self.is_busy or self._prepared is None:
            return
        if _typed_group(self.confirm.text()) != last_group(self._prepared.formatted):
            self.message.setText(translate(
                "NewRecoveryCodeDialog", "That is not the last group of the new code. Check what you wrote down "
                                         "against the code on the screen."))
            self.confirm.setFocus()
            self.confirm.selectAll()
            return
        prepared, session = self._prepared, self._session
        self._set_busy(True)
        run_in_background(lambda: self._commit(session, prepared), self._on_committed, self._on_failed, self._tasks)

    def _on_committed(self, _result: None) -> None:
        self._set_busy(False)
        self.step = Step.DONE
        self.text.setText(translate(
            "NewRecoveryCodeDialog",
            "The new recovery code now works; the old one no longer does. Destroy your old recovery sheet. "
            "You can still print the sheet for the new code now: once you close this window, Regie no "
            "longer knows the code."))
        self._set_visible(self.code, self.sheet_button, self.close_button)
        self._make_default(self.close_button)
        self.close_button.setFocus()

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, keys.OwnerOnly):
            text = translate("NewRecoveryCodeDialog", "Only the owner of the record can make a new recovery code. "
                                                      "Nothing was changed.")
        else:
            text = error_message(error)
        self.message.setText(text + "\n" + translate("NewRecoveryCodeDialog",
                                                     "Your old recovery code still works; the new one does not."))
        self.confirm.setFocus()

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.confirm, self.use_button, self.cancel_button, self.sheet_button):
            widget.setEnabled(not busy)
        self.message.setText(translate("NewRecoveryCodeDialog", "Saving the new recovery code…") if busy else "")

    def show_sheet(self) -> ExportPreview | None:
        from phr.ui.security.recovery_sheet import show_recovery_sheet

        if self._prepared is None:
            return None
        self.sheet = show_recovery_sheet(self, self._prepared.formatted, self._folder, self._person_name,
                                         self._language)
        return self.sheet

    # --- closing ----------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.is_busy:
            return  # the new code is being saved: wait for the result
        if self.step == Step.DONE:
            self.accept()
            return
        self._forget()
        super().reject()

    def accept(self) -> None:
        if self.step in (Step.EXPLAIN, Step.SHOW) and keys.may_make_recovery_code(self._session):
            return  # only Close, after the commit (or for a carer), accepts
        self._forget()
        super().accept()

    def _forget(self) -> None:
        self._prepared = None
        self.code.clear()

    def abandon(self) -> None:
        abandon_all(self._tasks)


def _text(text: str) -> QLabel:
    return WrappedText(text)
