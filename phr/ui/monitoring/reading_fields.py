"""The value fields of a reading that fit its measure: three for blood pressure, a unit choice for glucose.

Each field keeps what was typed; `values()` reads the numbers in the canonical unit together with
the problems found, in plain words under the field. Typing follows the app's locale (5,4 in Dutch),
but a full stop is understood too.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from phr.monitoring.measures import BLOOD_PRESSURE, SCORE, Measure
from phr.monitoring.readings import Reading
from phr.monitoring.target_words import component_names, component_units
from phr.ui.monitoring.measure_words import number
from phr.ui.widgets.theme import mark_error

translate = QCoreApplication.translate
NAMES = ("value", "value2", "value3")
WIDEST_VALUE = "00000,00"  # room for the longest number a reading takes (a weight of 100000 g, 12,34 mmol/L)


class NumberField(QLineEdit):
    """A field for one number, as wide as WIDEST_VALUE in its own font: a fixed width in pixels cut the digits
    off at 200 % text and left a wide empty field at small sizes."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        margins = self.textMargins()
        # As QLineEdit.sizeHint works out its 17 x's: the text, its margins, then the frame the style draws.
        text = QSize(metrics.horizontalAdvance(WIDEST_VALUE) + 4 + margins.left() + margins.right(),
                     super().sizeHint().height())
        return QSize(self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, text, self).width(),
                     text.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


@dataclass
class ValueField:
    name: str            # value | value2 | value3: the Reading field it fills
    label: str           # with an & mnemonic
    edit: QLineEdit
    error: QLabel
    row: QWidget         # the edit (with a unit choice beside it) and its error below


def parse_number(text: str) -> float | str | None:
    """None for nothing typed, a float for a number, the text itself when it is not a number."""
    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if not ok:
        value, ok = QLocale.c().toDouble(text.replace(",", "."))
    return value if ok and value == value else text


def labels(measure: Measure, language: str) -> list[str]:
    if measure.kind == BLOOD_PRESSURE:
        return [translate("QuickEntry", "S&ystolic (mmHg):"), translate("QuickEntry", "&Diastolic (mmHg):"),
                translate("QuickEntry", "&Pulse (/min):")]
    if measure.kind == SCORE:
        return [translate("QuickEntry", "&Value (0–10):")]
    return [translate("QuickEntry", "&Value:")]


def unit_choices(measure: Measure) -> list[str]:
    """The canonical unit first, then the others a person may read off a meter (glucose: mg/dL)."""
    choices: list[str] = []
    for unit in [measure.unit_text, *measure.other_units]:
        if unit.lower() not in {known.lower() for known in choices}:  # 'mg/dL' and 'mg/dl' are one unit
            choices.append(unit)
    return choices


class ReadingValues:
    """The value fields of one measure. `unit` is None for measures with a single unit."""

    def __init__(self, measure: Measure, language: str) -> None:
        self.measure = measure
        names = component_names(measure, language)
        units = component_units(measure)
        self.unit: QComboBox | None = None
        if len(unit_choices(measure)) > 1:
            self.unit = QComboBox()
            self.unit.addItems(unit_choices(measure))
            self.unit.setAccessibleName(translate("QuickEntry", "Unit"))
        self.fields = [self._field(NAMES[i], text, names[i], units[i], i == 0)
                       for i, text in enumerate(labels(measure, language))]

    def _field(self, name: str, label: str, accessible: str, unit: str, first: bool) -> ValueField:
        edit = NumberField()
        edit.setAccessibleName(accessible)
        error = QLabel()
        mark_error(error)
        error.hide()
        row = QWidget()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit)
        if first and self.unit is not None:
            line.addWidget(self.unit)
        elif self.measure.kind not in (BLOOD_PRESSURE, SCORE) and unit:
            line.addWidget(QLabel(unit))
        line.addStretch(1)
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(error)
        return ValueField(name, label, edit, error, row)

    def chosen_unit(self) -> str:
        return self.unit.currentText() if self.unit is not None else self.measure.unit_text

    def field(self, name: str) -> ValueField:
        return next(f for f in self.fields if f.name == name)

    def problems(self, required: bool) -> dict[str, str]:
        """Field name -> problem code for what is typed now ('required' only when `required`)."""
        found: dict[str, str] = {}
        for f in self.fields:
            value = parse_number(f.edit.text())
            if value is None and required:
                found[f.name] = "required"
            elif isinstance(value, str):
                found[f.name] = "invalid_number"
            elif self.measure.kind == SCORE and value is not None and (value != int(value) or not 0 <= value <= 10):
                found[f.name] = "score_range"
        return found

    def values(self) -> dict[str, float | None]:
        """The numbers typed, in the measure's canonical unit (only call when `problems` found none)."""
        unit = self.chosen_unit()
        result: dict[str, float | None] = {}
        for f in self.fields:
            value = parse_number(f.edit.text())
            if isinstance(value, str):
                raise ValueError(f"{f.name} is not a number")  # `problems` names it first
            result[f.name] = None if value is None else self.measure.to_canonical(value, unit) if f.name == "value" \
                else value
        return result

    def typed(self, name: str) -> str:
        """A value as typed, with the unit chosen: '320 mmHg', '900 mg/dL' (for a question about it)."""
        text = self.field(name).edit.text().strip()
        unit = self.chosen_unit() if name == "value" else component_units(self.measure)[NAMES.index(name)]
        return text if self.measure.kind == SCORE else f"{text} {unit}".replace(" /", "/").replace(" %", "%")

    def fill(self, reading: Reading) -> None:
        """Put a reading's values in the fields (in the unit chosen)."""
        factor = 1.0 if self.chosen_unit() == self.measure.unit_text else \
            self.measure.other_units.get(self.chosen_unit(), 1.0)
        for f in self.fields:
            value = getattr(reading, f.name)
            decimals = 0 if factor != 1.0 or f.name != "value" else self.measure.decimals
            f.edit.setText("" if value is None else number(value * (factor if f.name == "value" else 1), decimals))

    def clear(self) -> None:
        for f in self.fields:
            f.edit.clear()
            f.error.hide()
