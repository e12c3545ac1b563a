"""A dialog to add or change one entry. It validates as you type and never loses what was typed.

Errors show under the field they concern: for fields the user has touched while
typing, and for all fields once Save is pressed. Saving goes through the service;
if the service refuses, the dialog stays open with everything still filled in.
It opens with the keyboard in the first field, and Escape, Cancel or closing the window after
typing asks before what was typed is thrown away.
"""

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from phr.core.entries import Change, EntryInvalid, FieldError
from phr.core.errors import VaultError
from phr.ui.app.desktop.window_size import available_geometry, fitted_size
from phr.ui.forms.discard import DraftDialog
from phr.ui.forms.fields import FormField
from phr.ui.text.field_messages import problem_text
from phr.ui.text.formatting import escape
from phr.ui.text.messages import error_message
from phr.ui.widgets.theme import mark_error

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

translate = QCoreApplication.translate
T = TypeVar("T", bound="DataclassInstance")  # an entry: a dataclass whose fields the form edits


class EntryDialog(DraftDialog, Generic[T]):
    def __init__(self, title: str, fields: list[FormField], item: T, validate: Callable[[T], Sequence[FieldError]],
                 save: Callable[[T], Change], parent: QWidget | None = None,
                 headings: dict[str, str] | None = None) -> None:
        """`validate(item)` -> field errors; `save(item)` stores it (and may raise).

        `headings` maps a field name to a heading shown above it, to group fields that belong together.
        """
        super().__init__(parent)
        self._headings = headings or {}
        self.setWindowTitle(title)
        self._fields = fields
        self._original = item
        self._validate = validate
        self._save = save
        self._touched: set[str] = set()
        self._show_all = False
        self.saved_change: Change | None = None
        self._build()
        for f in fields:
            f.set(getattr(item, f.name))
            f.changed.connect(lambda *_args, name=f.name: self._on_edit(name))
        self._as_opened = self.current_item()  # as the fields show it: what "nothing typed" compares with
        self._refresh_errors()
        first = next((f.widget for f in fields if _takes_typing(f.widget)), None)
        if first is not None:
            first.setFocus()  # the keyboard starts in the first field (it is taken when the window shows)

    def _build(self) -> None:
        form = QFormLayout()
        self._error_labels: dict[str, QLabel] = {}
        for f in self._fields:
            self._add_row(form, f)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        area = _scrolling(form)
        layout.addWidget(area)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._save_keys()
        self._fit(area)

    def _fit(self, area: QScrollArea) -> None:
        """As large as the form wants at this text size, within 90 % of the screen (then the form scrolls): a
        fixed 640 pixels left a third of the form in view at 200 % text."""
        inner = area.widget()
        hint = inner.sizeHint() if inner is not None else QSize(600, 400)
        bar = area.verticalScrollBar().sizeHint().width()
        wanted = QSize(max(640, hint.width() + bar + 40), hint.height() + self.buttons.sizeHint().height() + 60)
        self.resize(fitted_size(available_geometry(self).size(), wanted, QSize(0, 0)))

    def _add_row(self, form: QFormLayout, f: FormField) -> None:
        """A field, its label (buddy for Alt+letter), an optional heading above, its error below."""
        if f.name in self._headings:
            heading = QLabel(f"<b>{escape(self._headings[f.name])}</b>")
            heading.setContentsMargins(0, 10, 0, 0)
            form.addRow(heading)
        if isinstance(f.widget, QComboBox):  # long option texts must not push the form sideways
            f.widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            f.widget.setMinimumContentsLength(20)
        error = QLabel()  # no word wrap: wrapped labels make QFormLayout leave big gaps
        mark_error(error)  # the text says what is wrong; colour only helps
        error.hide()
        self._error_labels[f.name] = error
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(f.widget)
        column.addWidget(error)
        if not f.label:
            form.addRow("", column)
            return
        label = QLabel(f.label)
        label.setBuddy(f.widget)
        _name_after(f.label, f.widget)
        form.addRow(label, column)

    def current_item(self) -> T:
        return dataclasses.replace(self._original, **{f.name: f.get() for f in self._fields})

    def field(self, name: str) -> FormField:
        return next(f for f in self._fields if f.name == name)

    def enter_saves(self, name: str) -> None:
        """For a short text in a box of several lines (a question): Enter saves, Shift+Enter starts a new line."""
        self.field(name).widget.installEventFilter(_EnterSaves(self))

    def _save_keys(self) -> None:
        """Ctrl+Enter saves from any field, also from a text of several lines, where Enter starts a new line."""
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_save)

    def _on_edit(self, name: str) -> None:
        self._touched.add(name)
        self._refresh_errors()

    def _refresh_errors(self) -> Sequence[FieldError]:
        errors = self._validate(self.current_item())
        problems = {e.field: e.problem for e in errors}
        for name, label in self._error_labels.items():
            visible = name in problems and (self._show_all or name in self._touched)
            label.setText((self.field(name).own_problem() or problem_text(problems[name])) if visible else "")
            label.setVisible(visible)
        return errors

    def try_save(self) -> None:
        self._show_all = True
        errors = self._refresh_errors()
        if errors:
            self.field(errors[0].field).widget.setFocus()
            self.problem.setText(translate("EntryDialog", "Not saved yet: please look at the fields marked above."))
            return
        try:
            self.saved_change = self._save(self.current_item())
        except EntryInvalid as invalid:  # the service knows more than the form: show it, keep the input
            self.problem.setText(", ".join(problem_text(e.problem) for e in invalid.errors))
            return
        except VaultError as error:
            self.problem.setText(error_message(error))
            return
        self.accept()

    def typed_something(self) -> bool:
        """Leaving asks first once this is so (DraftDialog)."""
        return self.current_item() != self._as_opened


def _takes_typing(widget: QWidget) -> bool:
    """A field the keyboard can land in (not a question shown read-only above its answer)."""
    inner, proxy = widget, widget.focusProxy()
    while proxy is not None:
        inner, proxy = proxy, proxy.focusProxy()
    return inner.isEnabled() and bool(inner.focusPolicy() & Qt.FocusPolicy.TabFocus)


class _EnterSaves(QObject):
    def __init__(self, dialog: "EntryDialog") -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self._dialog.try_save()
            return True
        return False


def _scrolling(form: QFormLayout) -> QScrollArea:
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.addLayout(form)
    column.addStretch(1)  # spare height goes below the form, not between its rows
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the keyboard; it still scrolls to the focused one
    return area


def _name_after(label: str, widget: QWidget) -> None:
    """A field inside a box (with help under it, or a picker beside it) is what the keyboard lands in, but the
    label points to the box: a screen reader would read the input without a name. It gets the label's words."""
    typed_in, proxy = widget, widget.focusProxy()
    while proxy is not None:
        typed_in, proxy = proxy, proxy.focusProxy()
    if typed_in is not widget and not typed_in.accessibleName():
        words = label.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")
        typed_in.setAccessibleName(words)
