"""The widgets of the quick-entry dialog and the words it uses (kept apart so the dialog reads as behaviour)."""

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.core.typed_dates import Expect
from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.readings import Reading
from phr.monitoring.target_words import component_names
from phr.record.services import RecordServices
from phr.ui.forms.date_input import DateInput
from phr.ui.forms.discard import DraftDialog
from phr.ui.monitoring.measure_words import context_choices, value_text, when_text
from phr.ui.monitoring.reading_fields import ReadingValues
from phr.ui.text.field_messages import problem_text
from phr.ui.text.formatting import fill
from phr.ui.widgets.theme import mark_error, mark_muted

translate = QCoreApplication.translate
FIRST_VALUE_ROW = 1   # the value rows follow the measure's row in the form


class QuickEntryWidgets(DraftDialog):
    """The widgets of the quick-entry dialog, made by `build`; QuickEntryDialog gives them their behaviour."""

    _measures: list[Measure]
    _language: str
    _correcting: Reading | None   # the stored reading being corrected; None for new ones
    _now: Callable[[], datetime]  # the clock: 'today' and 'now' of the time field
    values: ReadingValues | None  # the value rows of the chosen measure
    form: QFormLayout
    measure: QComboBox
    last_text: QLabel
    use_last: QPushButton
    last_row: QWidget
    time: DateInput
    time_meaning: QLabel
    time_error: QLabel
    context: QComboBox
    note: QLineEdit
    status: QLabel
    problem: QLabel
    next_button: QPushButton
    save_button: QPushButton

    def chosen_measure(self) -> Measure:
        raise NotImplementedError

    def fill_last(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def save_and_next(self) -> None:
        raise NotImplementedError

    def _show_problems(self, names: set[str], required: bool = False) -> dict[str, str]:
        raise NotImplementedError


def problem(code: str) -> str:
    """Plain words for a problem with a reading; the shared texts for the common ones."""
    own = {
        "future": translate("QuickEntry", "This time lies in the future."),
        "score_range": translate("QuickEntry", "Type a whole number from 0 to 10."),
        "duplicate_reading": translate("QuickEntry", "This reading is already there, with the same time and values."),
    }
    return own.get(code) or problem_text(code)


def show_error(label: QLabel, code: str | None) -> None:
    label.setText(problem(code) if code else "")
    label.setVisible(bool(code))


def say(label: QLabel, text: str) -> None:
    """A message line that takes no room while it has nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))
    grow_to_fit(label.window())


def grow_to_fit(window: QWidget) -> None:
    """Taller when a message appears; wrapped lines are not in the layout's minimum, so they would be squashed."""
    layout = window.layout()
    if layout is None:
        return  # still being built; the first show sizes it
    layout.activate()
    needed = window.heightForWidth(window.width()) if window.hasHeightForWidth() else window.sizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)


def component_labels(measure: Measure, language: str) -> dict[str, str]:
    """Reading field -> its name in a sentence: 'Systolic', 'Glucose'."""
    if measure.kind != BLOOD_PRESSURE:
        return {"value": measure.name(language)}
    return dict(zip(("value", "value2", "value3"), component_names(measure, language)))


def default_measure(services: RecordServices, measures: Sequence[Measure], wanted: str | None,
                    now: Callable[[], datetime]) -> str:
    """The measure asked for; else the one of an active plan; else blood pressure."""
    keys = [m.key for m in measures]
    if wanted is not None and wanted in keys:
        return wanted
    planned = [plan.measure for plan in services.plans.active(now().date()) if plan.measure in keys]
    return planned[0] if planned else "bp"


def build(dialog: QuickEntryWidgets) -> None:
    """Measure, values (rows filled in per measure), last values, time, context, note, buttons."""
    dialog.form = QFormLayout()
    dialog.measure = QComboBox()
    for measure in dialog._measures:
        dialog.measure.addItem(measure.name(dialog._language), measure.key)
    dialog.measure.setEnabled(dialog._correcting is None)  # a reading stays with its measure
    _row(dialog.form, translate("QuickEntry", "&Measure:"), dialog.measure)
    _last_values_row(dialog)
    _time_row(dialog)
    dialog.context = QComboBox()
    for key, text in context_choices():
        dialog.context.addItem(text, key)
    _row(dialog.form, translate("QuickEntry", "&Context:"), dialog.context)
    dialog.note = QLineEdit()
    dialog.note.setPlaceholderText(translate("QuickEntry", "e.g. after a bad night"))
    _row(dialog.form, translate("QuickEntry", "N&ote:"), dialog.note)
    layout = QVBoxLayout(dialog)
    layout.addLayout(dialog.form)
    dialog.status, dialog.problem = QLabel(), QLabel()
    mark_error(dialog.problem)
    for label in (dialog.status, dialog.problem):
        label.setWordWrap(True)
        label.hide()
        layout.addWidget(label)
    layout.addWidget(_help_text())
    layout.addLayout(_buttons(dialog))


def _row(form: QFormLayout, text: str, widget: QWidget, row: int = -1) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    form.insertRow(row, label, widget)
    return label


def _last_values_row(dialog: QuickEntryWidgets) -> None:
    dialog.last_text = QLabel()
    dialog.last_text.setWordWrap(True)
    dialog.use_last = QPushButton(translate("QuickEntry", "Use &last values"))
    dialog.use_last.clicked.connect(dialog.fill_last)
    dialog.last_row = QWidget()
    line = QHBoxLayout(dialog.last_row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(dialog.last_text, 1)
    line.addWidget(dialog.use_last)
    dialog.form.addRow("", dialog.last_row)


def _time_row(dialog: QuickEntryWidgets) -> None:
    """The time as any date field takes it, said back in words under it; '8:00' alone is today's."""
    dialog.time = DateInput(Expect.DATE_TIME, now=lambda: dialog._now(), time_alone_today=True)
    dialog.time.says_refusal = False  # the error line under it says why, with the service's problems
    dialog.time.edit.setToolTip(translate("QuickEntry", "e.g. 22-11-2026 08:00, or only 8:00 for today"))
    dialog.time_meaning, dialog.time_error = dialog.time.echo, QLabel()
    mark_error(dialog.time_error)
    dialog.time_error.hide()
    dialog.time.edit.textChanged.connect(lambda _text: dialog._show_problems({"taken_at"}))
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(dialog.time)
    column.addWidget(dialog.time_error)
    _row(dialog.form, translate("QuickEntry", "&Time:"), box).setBuddy(dialog.time)


def show_time_error(dialog: QuickEntryWidgets, code: str | None) -> None:
    """Why the time is not taken: the time field's own words when it cannot read it, else the problem's."""
    refusal = dialog.time.refusal() if code == "invalid_date_time" else ""
    if refusal:
        say(dialog.time_error, refusal)
    else:
        show_error(dialog.time_error, code)


def _help_text() -> QLabel:
    text = QLabel(translate("QuickEntry", "Enter saves. Ctrl+Enter saves and starts the next reading. In a value "
                                          "field, the Up arrow fills in the last values."))
    text.setWordWrap(True)
    mark_muted(text)
    return text


def _buttons(dialog: QuickEntryWidgets) -> QHBoxLayout:
    dialog.next_button = QPushButton(translate("QuickEntry", "Save and &next"))
    dialog.next_button.setToolTip(translate("QuickEntry", "Save, and type the next reading of a series (Ctrl+Enter)"))
    dialog.next_button.setVisible(dialog._correcting is None)
    dialog.save_button = QPushButton(translate("QuickEntry", "&Save"))
    # Save is the default (Enter in a field saves); every button keeps Qt's auto-default, so Enter
    # on a button that has the focus presses that button: Cancel must never save.
    dialog.save_button.setDefault(True)
    cancel = QPushButton(translate("QuickEntry", "Cancel"))
    dialog.next_button.clicked.connect(dialog.save_and_next)
    dialog.save_button.clicked.connect(dialog.save)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in (dialog.next_button, dialog.save_button, cancel):
        row.addWidget(button)
    return row


def replace_value_rows(dialog: QuickEntryWidgets, values: ReadingValues) -> None:
    """Swap the value rows for those of another measure, and keep the Tab order top to bottom."""
    if dialog.values is not None:
        for _ in dialog.values.fields:
            dialog.form.removeRow(FIRST_VALUE_ROW)
    dialog.values = values
    for offset, f in enumerate(values.fields):
        _row(dialog.form, f.label, f.row, FIRST_VALUE_ROW + offset).setBuddy(f.edit)
    chain: list[QWidget] = [dialog.measure, *(f.edit for f in values.fields), *([values.unit] if values.unit else [])]
    chain += [dialog.use_last, dialog.time, dialog.context, dialog.note, dialog.next_button, dialog.save_button]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)


def show_last(dialog: QuickEntryWidgets, reading: Reading | None, today: date) -> None:
    """'Last time: 128/82 mmHg, pulse 66 — today 08:00' and the button to use it; hidden without one."""
    usable = reading is not None and reading.value is not None
    dialog.last_row.setVisible(usable)
    dialog.last_text.setText(fill(translate("QuickEntry", "Last time: %1 — %2"), value_text(dialog.chosen_measure(),
                                  reading), when_text(reading.taken_at, today)) if reading and usable else "")
    grow_to_fit(dialog)


def focus_first_problem(dialog: QuickEntryWidgets, problems: dict[str, str]) -> None:
    for f in dialog.values.fields if dialog.values is not None else []:
        if f.name in problems:
            f.edit.setFocus()
            return
    if "taken_at" in problems:
        dialog.time.setFocus()
