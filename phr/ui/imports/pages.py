"""The pages of the device import wizard: the file, a mapping for other CSV files, the summary."""

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from phr.core.vocabulary import ReadingMethod
from phr.imports import device_import
from phr.imports.device_import import FORMATS
from phr.imports.devices import pipeline
from phr.imports.devices.decode import DamagedText
from phr.imports.devices.model import DeviceImportSummary, NotThisFormat, normalise
from phr.imports.devices.preview import Preview, preview
from phr.monitoring.import_mappings import Mapping
from phr.ui.imports.clock_choices import DateOrderChoice, ZoneChoice, system_zone
from phr.ui.imports.file_kind import damaged_utf8, not_a_table, not_text, unknown_table
from phr.ui.imports.summary_words import format_label, summary_lines
from phr.ui.text.formatting import escape, fill

translate = QCoreApplication.translate
# Apple's type names without their prefix: 'HKQuantityTypeIdentifierStepCount' -> 'StepCount'.
# The mapping step shows the first rows of a file: read from this many first bytes.
HEAD_BYTES = 1 << 20
PREVIEW_ROWS = 10
OTHER_CSV = "csv"


def _head(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(HEAD_BYTES)


def method_choices() -> list[tuple[str, str]]:
    """(method, words) for "How were these readings taken?": a file that is no vendor's does not say."""
    return [(ReadingMethod.SENSOR.value, translate("ImportWizard", "Sensor (continuous glucose monitor)")),
            (ReadingMethod.FINGERSTICK.value, translate("ImportWizard", "Finger prick meter")),
            (ReadingMethod.LAB.value, translate("ImportWizard", "Lab")),
            (ReadingMethod.TYPED.value, translate("ImportWizard", "Typed by hand")),
            ("", translate("ImportWizard", "Not known"))]


def reason_label(reason: str) -> str:
    return {
        "bad_row": translate("ImportWizard", "the line cannot be read"),
        "no_time": translate("ImportWizard", "no time"),
        "bad_time": translate("ImportWizard", "the time cannot be read"),
        "nonexistent_time": translate("ImportWizard", "a time that does not exist (the clock jumped forward)"),
        "no_value": translate("ImportWizard", "no value"),
        "bad_value": translate("ImportWizard", "the value is not a number"),
        "bad_unit": translate("ImportWizard", "a unit that cannot be converted"),
        "implausible": translate("ImportWizard", "a value that cannot be right"),
        "not_a_reading": translate("ImportWizard", "not a reading (other data in the file)"),
    }.get(reason, reason)


class FilePage(QWizardPage):
    def __init__(self, measures: list, language: str):
        super().__init__()
        self.setTitle(translate("ImportWizard", "Which file?"))
        self.data: Path | None = None   # the file to import, once it is known to be one
        self.path: Path | None = None
        self._preview: Preview | None = None   # the file's header and first rows, once read
        self.chosen = QLabel(translate("ImportWizard", "No file chosen yet."))
        self.chosen.setWordWrap(True)
        self.about = QLabel()   # what a file of no known kind looks like, before its mapping step
        self.about.setWordWrap(True)
        self.choose_button = choose = QPushButton(translate("ImportWizard", "&Choose a file…"))
        choose.setAutoDefault(False)  # Enter after choosing a file goes on (Next), not to the file dialog again
        choose.clicked.connect(lambda _checked: self.choose())
        self.format = QComboBox()
        for name in ("auto",) + tuple(f for f in FORMATS if f != "auto"):
            self.format.addItem(format_label(name), name)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.measure = QComboBox()
        for measure in measures:
            self.measure.addItem(measure.name(language), measure.key)
        self.method = QComboBox()  # a vendor's file says per reading how it was taken; any other CSV cannot
        for method, words in method_choices():
            self.method.addItem(words, method)
        self.method.setCurrentIndex(self.method.findData(""))
        self.method.currentIndexChanged.connect(lambda _i: self._method_changed())
        self.method_meaning = QLabel(translate("ImportWizard", "Readings taken in a way that is not known count as "
                                                               "other readings in the reports, not as sensor time."))
        self.method_meaning.setWordWrap(True)
        self.zone = ZoneChoice()      # where the device's clock was set, unless the file says so itself
        self.zone.currentTextChanged.connect(lambda _t: self.completeChanged.emit())
        self.date_order = DateOrderChoice()   # asked only when the whole file cannot tell
        self.date_order_label = QLabel(translate("ImportWizard", "&Dates in this file:"))
        self.date_order_label.setBuddy(self.date_order)
        self.date_order_meaning = QLabel(translate("ImportWizard", "No day in this file is above 12, so its dates "
                                                                   "can be read two ways. Which way does your device "
                                                                   "write them?"))
        self.date_order_meaning.setWordWrap(True)
        self.problem = QLabel()   # why the file cannot be imported; hidden while there is nothing to say
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(QLabel(translate("ImportWizard", "Export the readings from your device's app or website "
                                                     "as a CSV file, then choose it here.")))
        form.addRow(choose, self.chosen)
        form.addRow(self.about)
        form.addRow(self.problem)   # beside the file it is about
        for text, widget in ((translate("ImportWizard", "&Kind of file:"), self.format),
                             (translate("ImportWizard", "&Measure (other CSV files):"), self.measure),
                             (translate("ImportWizard", "&How were these readings taken?"), self.method)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.method_meaning)
        zone_label = QLabel(translate("ImportWizard", "&Time zone of the device's clock:"))
        zone_label.setBuddy(self.zone)
        form.addRow(zone_label, self.zone)
        form.addRow(self.date_order_meaning)
        form.addRow(self.date_order_label, self.date_order)
        self.ask_date_order(False)
        self._format_changed()

    def ask_date_order(self, ask: bool) -> None:
        """Show the question whether the dates have the day or the month first (only when the file cannot tell)."""
        for widget in (self.date_order_meaning, self.date_order_label, self.date_order):
            widget.setVisible(ask)

    def _format_changed(self) -> None:
        other_csv = self.chosen_format() == OTHER_CSV
        self.measure.setEnabled(other_csv)  # vendor files say what they measure
        self.method.setEnabled(other_csv)   # and how each reading was taken
        self._method_changed()
        self._offer_mapping()
        self.completeChanged.emit()

    def _offer_mapping(self) -> None:
        """A file that needs a mapping says what it looks like, and Next says where it goes."""
        mapping = self.needs_mapping()
        self.about.setVisible(mapping and bool(self.about.text()))
        wizard = self.wizard()
        if wizard is not None:
            next_button = QWizard.WizardButton.NextButton
            self.setButtonText(next_button, translate("ImportWizard", "&Next: the columns >") if mapping
                               else wizard.buttonText(next_button))

    def _method_changed(self) -> None:
        self.method_meaning.setVisible(self.chosen_format() == "csv" and self.chosen_method() == "")

    def choose(self, path: str | None = None) -> None:
        path = path or QFileDialog.getOpenFileName(self, translate("ImportWizard", "Choose a file"), "",
                                                   translate("ImportWizard",
                                                             "Device files (*.csv *.txt *.tsv *.json *.zip *.xml);;"
                                                             "All files (*)"))[0]
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read what the file is (from its start: a file of any size is imported from its path, in bounded
        memory); the file itself is read by the import."""
        self._say_problem(None)
        self.about.clear()
        self.path, self.data, self._preview = path, None, None   # never the file chosen before
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)  # a name that looks like HTML stays a name
        self.chosen.setText(path.name)
        if not path.is_file():  # /dev/zero has size 0 and never ends: it would be read whole
            self._say_problem(translate("ImportWizard", "This is not a file Regie can read (it is a device, a pipe "
                                                        "or a folder). Choose another file."))
            return
        source = device_import.source_named(path)
        if source is not None:   # not a table (Apple Health, Nightscout's JSON, a Withings zip): it says itself
            self.ask_date_order(False)
            self.data = path
            self._show_kind(path.name, source.format)
        else:
            self.ask_date_order(pipeline.date_order_needed(path, path.name))
            problem = self._recognise(path)
            self._say_problem(problem)   # nothing to import, not even with a mapping: Next stays off
            self.data = path if problem is None else None
        self._format_changed()

    def _say_problem(self, problem: str | None) -> None:
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)

    def _recognise(self, path: Path) -> str | None:
        """Choose the kind of file found, and describe one of no known kind; why it cannot be read, or None."""
        if not _head(path).strip():
            return translate("ImportWizard", "This file is empty. Choose another file.")
        try:
            found = pipeline.detect(path, path.name)
        except DamagedText as error:
            return damaged_utf8(error.line)
        except NotThisFormat:
            return not_text()
        if found == OTHER_CSV:
            shown = self.file_preview(path)
            refused = not_a_table(shown)
            if refused is not None:
                return refused
            if shown is not None:
                self.about.setText(unknown_table(shown))
        self._show_kind(path.name, found)
        return None

    def _show_kind(self, name: str, format: str) -> None:
        self.format.setCurrentIndex(self.format.findData(format))
        self.chosen.setText(fill(translate("ImportWizard", "%1 — this looks like: %2"), name, format_label(format)))

    def file_preview(self, path: Path | None = None) -> Preview | None:
        """The file's header and first rows (from its first megabyte), read once per file; None when there
        are none."""
        path = path or self.data
        if self._preview is None and path is not None:
            try:
                self._preview = preview(_head(path), PREVIEW_ROWS, path.name)
            except NotThisFormat:
                return None
        return self._preview

    def isComplete(self) -> bool:
        return self.data is not None and self.zone.zone() is not None

    def chosen_zone(self) -> ZoneInfo:
        zone = self.zone.zone()
        return zone if zone is not None else system_zone()

    def chosen_date_order(self) -> str:
        """'dmy' or 'mdy' when the person was asked; 'auto' (the file decides) otherwise."""
        return self.date_order.currentData() if self.date_order.isVisibleTo(self) else "auto"

    def file_name(self) -> str:
        return self.path.name if self.path is not None else ""

    def chosen_format(self) -> str:
        return self.format.currentData()

    def chosen_method(self) -> str:
        """How the readings of another CSV file were taken ('' not known); '' for a vendor's file."""
        return self.method.currentData() if self.chosen_format() == "csv" else ""

    def needs_mapping(self) -> bool:
        """Another CSV without the plain columns `time` and `value` needs the mapping step."""
        if self.chosen_format() != OTHER_CSV or self.data is None:
            return False
        found = self.file_preview()
        if found is None or not_a_table(found) is not None:
            return False
        return not {"time", "value"} <= {normalise(header) for header in found.headers}


class MappingPage(QWizardPage):
    def __init__(self, measures: list, language: str, saved: list):
        super().__init__()
        self.setTitle(translate("ImportWizard", "Which columns hold what?"))
        self._saved = saved
        self.preview_model = QStandardItemModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setAccessibleName(translate("ImportWizard", "The first rows of the file"))
        self.preview.verticalHeader().hide()  # its numbers would be mistaken for the file's line numbers
        self.preview.horizontalHeader().setMaximumSectionSize(320)  # a long note does not push the rest away
        self.rows_label = QLabel(translate("ImportWizard", "The first rows of the file:"))
        self.rows_label.setWordWrap(True)
        self.time_column, self.value_column, self.note_column = QComboBox(), QComboBox(), QComboBox()
        self.measure = QComboBox()
        self._measures = {measure.key: measure for measure in measures}
        for measure in measures:
            self.measure.addItem(measure.name(language), measure.key)
        self.unit = QComboBox()  # only units Regie can convert: a typed unit could be one it cannot
        self.measure.currentIndexChanged.connect(lambda _i: self._fill_units())
        self._fill_units()
        self.saved = QComboBox()
        self.saved.addItem(translate("ImportWizard", "(none)"), None)
        for mapping in saved:
            self.saved.addItem(mapping.name, mapping.id)
        self.saved.currentIndexChanged.connect(lambda _i: self._use_saved())
        self.save_as = QLineEdit()
        self.save_as.setPlaceholderText(translate("ImportWizard", "a name, to use this mapping again next time"))
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout()
        for text, widget in ((translate("ImportWizard", "Sa&ved mapping:"), self.saved),
                             (translate("ImportWizard", "&Time column:"), self.time_column),
                             (translate("ImportWizard", "&Value column:"), self.value_column),
                             (translate("ImportWizard", "&Note column:"), self.note_column),
                             (translate("ImportWizard", "&Measure:"), self.measure),
                             (translate("ImportWizard", "&Unit of the values:"), self.unit),
                             (translate("ImportWizard", "Save &as:"), self.save_as)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)

    def show_preview(self, found: Preview) -> None:
        """The file's header (the widest of its first lines, not always the first) and the rows after it."""
        self.rows_label.setText(translate("ImportWizard", "The first rows of the file:") if found.header_line <= 1
                                else fill(translate("ImportWizard", "The first rows of the file (its columns start "
                                                                    "on line %1):"), found.header_line))
        self.preview_model.clear()
        self.preview_model.setHorizontalHeaderLabels(found.headers)
        for row in found.rows:
            self.preview_model.appendRow([QStandardItem(cell) for cell in row])
        self.preview.resizeColumnsToContents()  # whole column names and times, not cut short
        names = list(dict.fromkeys(name for name in found.headers if name.strip()))  # a column is found by its name
        for combo, optional in ((self.time_column, False), (self.value_column, False), (self.note_column, True)):
            combo.clear()
            if optional:
                combo.addItem(translate("ImportWizard", "(none)"), "")
            for name in names:
                combo.addItem(name, name)
        self.value_column.setCurrentIndex(min(1, self.value_column.count() - 1))

    def _fill_units(self) -> None:
        """The measure's own unit (stored as is), then the units it can be converted from."""
        measure = self._measures.get(self.measure.currentData())
        self.unit.clear()
        if measure is None:
            return
        self.unit.addItem(measure.unit_text or "–", "")
        seen = {measure.unit_text.casefold()}
        for unit in measure.other_units:
            if unit.casefold() not in seen:
                seen.add(unit.casefold())
                self.unit.addItem(unit, unit)

    def _use_saved(self) -> None:
        chosen = next((m for m in self._saved if m.id == self.saved.currentData()), None)
        if chosen is None:
            return
        mapping = chosen.as_mapping()
        for combo, value in ((self.time_column, mapping.time_column), (self.value_column, mapping.value_column),
                             (self.note_column, mapping.note_column), (self.measure, mapping.measure)):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        self.unit.setCurrentIndex(max(0, self.unit.findData(mapping.unit)))

    def mapping(self) -> Mapping:
        return Mapping(self.time_column.currentData() or "", self.value_column.currentData() or "",
                               self.measure.currentData(), self.unit.currentData() or "",
                               self.note_column.currentData() or "")


class SummaryPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(translate("ImportWizard", "Done"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.skipped_model = QStandardItemModel(self)
        self.skipped = QTableView()
        self.skipped.setModel(self.skipped_model)
        self.skipped.setAccessibleName(translate("ImportWizard", "Rows that were skipped"))
        self.skipped.verticalHeader().hide()  # its numbers would be mistaken for the file's line numbers
        self.skipped.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.skipped, 1)

    def show_summary(self, summary: DeviceImportSummary, file_name: str) -> None:
        lines = summary_lines(summary, file_name)
        self.text.setText("<br>".join(escape(line) for line in lines))
        self.skipped_model.clear()
        self.skipped_model.setHorizontalHeaderLabels([translate("ImportWizard", "Line"),
                                                      translate("ImportWizard", "Why it was skipped")])
        for row in summary.skipped[:5000]:
            where = fill(translate("ImportWizard", "%1 in %2"), str(row.line), row.member) if row.member else str(row.line)
            self.skipped_model.appendRow([QStandardItem(where), QStandardItem(reason_label(row.reason))])
        self.skipped.setVisible(bool(summary.skipped))
        self.skipped.resizeColumnsToContents()
