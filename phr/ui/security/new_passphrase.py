"""Choosing a new passphrase: typed twice, a show box, a strength meter and what makes it weak.

The same four parts appear wherever a passphrase is chosen (a new record, recovery, a change,
a carer's own), so they are made and kept in step here. Each dialog places the rows in its own
form, because the fields sit among that dialog's other questions.
"""

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSize, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from phr.access import passphrase as passphrases
from phr.access.keys import PassphraseChanged
from phr.access.session import RecordSession
from phr.storage.keys.kdf import Argon2Params
from phr.ui.security.dialog_size import WrappedText

translate = QCoreApplication.translate

STRENGTH_TEXT = {
    passphrases.TOO_WEAK: lambda: translate("NewPassphrase", "Too weak"),
    passphrases.FAIR: lambda: translate("NewPassphrase", "Fair: a longer passphrase is safer"),
    passphrases.STRONG: lambda: translate("NewPassphrase", "Strong"),
}
PROBLEM_TEXT = {
    "too_short": lambda: translate("NewPassphrase", "use at least 10 characters"),
    "common": lambda: translate("NewPassphrase", "this is a very common password"),
    "repetitive": lambda: translate("NewPassphrase", "too many repeated or consecutive characters"),
    "personal": lambda: translate("NewPassphrase", "do not build it from the name"),
}
STRENGTH_BAR = {passphrases.TOO_WEAK: 1, passphrases.FAIR: 2, passphrases.STRONG: 3}
Problem = tuple[str, QLineEdit]  # what is wrong, in words, and the field to correct


class ChangePassphrase(Protocol):
    """phr.access.keys.change_passphrase, or a stand-in with fast key derivation (tests)."""

    def __call__(self, session: RecordSession, new_passphrase: str,
                 argon2: Argon2Params | None = None) -> PassphraseChanged: ...


def problems_text(assessment: passphrases.Assessment) -> str:
    """What makes a passphrase easy to guess, in words ('' when nothing does)."""
    return "; ".join(PROBLEM_TEXT[problem]() for problem in assessment.problems)


def strength_text(assessment: passphrases.Assessment) -> str:
    """The strength in a word, with its problems."""
    problems = problems_text(assessment)
    return STRENGTH_TEXT[assessment.level]() + (": " + problems if problems else "")


class StrengthMeter(QProgressBar):
    """The strength as a bar half a line high, so an empty one does not look like a field to type in; its track
    has an edge of 3:1 (phr.ui.widgets.regie_style). The words under it say the strength too."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), max(8, self.fontMetrics().height() // 2))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


def secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class NewPassphraseFields(QObject):
    """The new passphrase twice, a show box, the meter and the strength text.

    `personal` returns the words the passphrase must not be built from (the person's name, a
    carer's name); `also_shown` are other secret fields the show box reveals too (the current
    passphrase in a change). `changed` fires on every keystroke in either field.
    """

    changed = Signal()

    def __init__(self, personal: Callable[[], Iterable[str]] = tuple, also_shown: Iterable[QLineEdit] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._personal = personal
        self.first = secret_field()
        self.second = secret_field()
        self._secret_fields = (*also_shown, self.first, self.second)
        self.show_box = QCheckBox(translate("NewPassphrase", "&Show passphrase"))
        self.show_box.toggled.connect(self._show)
        self.meter = StrengthMeter()
        self.meter.setRange(0, 3)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(translate("NewPassphrase", "Strength of the new passphrase"))
        self.strength = WrappedText(least_lines=2)  # room from the start: no growing while typing
        for field in (self.first, self.second):
            field.textChanged.connect(self.refresh)
        self.refresh()

    def add_rows(self, form: QFormLayout, first_label: str,
                 second_label: str | None = None) -> list[tuple[QLabel, QWidget]]:
        """Put the rows in `form`; returns the (label, widget) pairs so a dialog can hide them later."""
        rows = ((first_label, self.first),
                (second_label or translate("NewPassphrase", "&Type it again:"), self.second),
                ("", self.show_box),
                (translate("NewPassphrase", "Strength:"), self.meter),
                ("", self.strength))
        placed: list[tuple[QLabel, QWidget]] = []
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            placed.append((label, widget))
        return placed

    def assessment(self) -> passphrases.Assessment:
        return passphrases.assess(self.first.text(), tuple(self._personal()))

    def text(self) -> str:
        return self.first.text()

    def same_twice(self) -> bool:
        return self.first.text() == self.second.text()

    def acceptable(self) -> bool:
        return self.assessment().acceptable and self.same_twice()

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.first, self.second, self.show_box):
            widget.setEnabled(enabled)

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def refresh(self) -> None:
        typed = bool(self.first.text())
        assessment = self.assessment()
        text = strength_text(assessment)
        if self.second.text() and not self.same_twice():
            text += "\n" + translate("NewPassphrase", "The two passphrases are not the same yet.")
        self.meter.setValue(STRENGTH_BAR[assessment.level] if typed else 0)
        self.strength.setText(text if typed else "")
        self.changed.emit()

    def _show(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        for field in self._secret_fields:
            field.setEchoMode(mode)
