"""Form fields: a widget with a label, a getter and a setter, named after the entry's field."""

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, SignalInstance
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from phr.core.typed_dates import Expect
from phr.ui.forms.date_input import DateInput

translate = QCoreApplication.translate


@dataclasses.dataclass
class FormField:
    name: str                      # the entry field it edits
    label: str                     # translated, with an & mnemonic
    widget: QWidget
    get: Callable[[], object]
    set: Callable[[Any], None]     # takes the entry's value: each kind of field its own type
    changed: SignalInstance        # the widget's change signal
    # The widget's own words for why its text is refused ('This day does not exist.'), said instead of the
    # form's general ones; '' when it has none.
    own_problem: Callable[[], str] = lambda: ""


def text_field(name: str, label: str, placeholder: str = "") -> FormField:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return FormField(name, label, edit, edit.text, lambda v: edit.setText(v or ""), edit.textChanged)


def long_text_field(name: str, label: str, placeholder: str = "") -> FormField:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setMinimumHeight(60)
    edit.setMaximumHeight(110)
    return FormField(name, label, edit, edit.toPlainText, lambda v: edit.setPlainText(v or ""), edit.textChanged)


def choice_field(name: str, label: str, choices: Sequence[tuple[object, str]]) -> FormField:
    combo = QComboBox()
    for value, text in choices:
        combo.addItem(text, value)

    def set_value(value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    return FormField(name, label, combo, combo.currentData, set_value, combo.currentIndexChanged)


def link_field(name: str, label: str, options: dict[int, str], empty: str) -> FormField:
    """Choose another entry (a contact, a diagnosis), or none."""
    return choice_field(name, label, [(None, empty)] + sorted(options.items(), key=lambda kv: kv[1].lower()))


def check_field(name: str, label: str) -> FormField:
    box = QCheckBox(label)
    return FormField(name, "", box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)


def date_field(name: str, label: str, expect: Expect = Expect.PARTIAL_DATE) -> FormField:
    """A date, partial by default as the record keeps most dates ('since 2019', 'May 2019', a day): typed as
    people write it or picked in a calendar, and said back in words under the field."""
    return date_input_field(name, label, DateInput(expect))


def date_input_field(name: str, label: str, edit: DateInput) -> FormField:
    """The form says why a date is refused, where it says every field's problems (the field says what it
    understood)."""
    edit.says_refusal = False
    return FormField(name, label, edit, edit.value, edit.set_value, edit.edit.textChanged, edit.refusal)


def number_field(name: str, label: str, placeholder: str = "") -> FormField:
    """A number in the app's language (4,5 in Dutch); invalid text stays for validation to name."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)

    def get() -> float | str | None:
        text = edit.text().strip()
        if not text:
            return None
        value, ok = QLocale().toDouble(text)
        if not ok:
            value, ok = QLocale.c().toDouble(text.replace(",", "."))
        return value if ok else text

    def set_value(value: float | None) -> None:
        edit.setText("" if value is None else QLocale().toString(float(value), "g", 10))

    return FormField(name, label, edit, get, set_value, edit.textChanged)


# Digits with at most one decimal sign, a comma or a point: people type 0,5 and 0.5 alike whatever the
# app's language. No thousands separators: in a dose, "1.000" would be ambiguous.
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?|[.,]\d+")
# "5.000" and "2,500": a thousand in Dutch writing, a decimal in English. Kept as text, so the form asks for the
# number without the sign (heparin "5.000 IE" read as 5 would be a thousandfold error).
# A group of thousands never starts with 0, so 0,125 (mg) is a decimal either way.
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")


def decimal_field(name: str, label: str, placeholder: str = "") -> FormField:
    """A number such as a dose amount: 0,5 and 0.5 both read as a half; invalid text stays for validation."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)

    def get() -> float | str | None:
        text = edit.text().strip()
        if not text:
            return None
        if _AMBIGUOUS.fullmatch(text) or not _DECIMAL.fullmatch(text):
            return text
        return float(text.replace(",", "."))

    def set_value(value: float | None) -> None:
        # Shown with the app's decimal sign and without grouping, so it reads back as the same number.
        text = "" if value is None else f"{float(value):.10g}"
        edit.setText(text.replace(".", QLocale().decimalPoint()))

    return FormField(name, label, edit, get, set_value, edit.textChanged)


def count_field(name: str, label: str, minimum: int, maximum: int, empty: str) -> FormField:
    """A whole number from `minimum` to `maximum`, or none: the step below `minimum` reads `empty`."""
    spin = QSpinBox()
    spin.setRange(minimum - 1, maximum)
    spin.setSpecialValueText(empty)

    def get() -> int | None:
        return None if spin.value() < minimum else spin.value()

    def set_value(value: int | None) -> None:
        spin.setValue(minimum - 1 if value is None else int(value))

    return FormField(name, label, spin, get, set_value, spin.valueChanged)


def with_help(field: FormField, help_text: str) -> FormField:
    """The field with a line of plain-language help under it; screen readers read it with the field."""
    if isinstance(field.widget, QComboBox):  # as the entry dialog does for a bare choice: keep the form narrow
        field.widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        field.widget.setMinimumContentsLength(20)
    field.widget.setAccessibleDescription(help_text)
    note = QLabel(help_text)
    note.setTextFormat(Qt.TextFormat.PlainText)  # help text is never markup: quotes show as typed
    note.setWordWrap(True)
    note.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quieter than the field, in every theme
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(1)
    column.addWidget(field.widget)
    column.addWidget(note)
    box.setFocusProxy(field.widget)  # the label's Alt+letter and a failed save land in the field itself
    box.setFocusPolicy(field.widget.focusPolicy())  # else a label's Alt+letter passes the box by
    return dataclasses.replace(field, widget=box)
