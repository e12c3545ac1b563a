"""The readings of one measure as a table, newest first, fetched from the database a page at a time.

Correct opens the quick-entry dialog on the reading; Delete takes it away with an Undo bar, as on
every section page. The details show where the selected reading came from (typed in or imported,
by whom, when; corrected when).
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from phr.core.entries import Provenance
from phr.core.vocabulary import DeviceFlag, ReadingContext, ReadingMethod
from phr.monitoring.measures import Measure
from phr.monitoring.readings import Reading
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.monitoring.measure_words import full_time, value_text
from phr.ui.monitoring.quick_entry import QuickEntryDialog
from phr.ui.monitoring.tab import Clock, MeasureTab
from phr.ui.text.formatting import definition_table, escape, fill, moment, muted_html, provenance_html, source_text
from phr.ui.text.vocabulary import label, label_of
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view

translate = QCoreApplication.translate


def device_flag_words(bits: int) -> str:
    """What a blood pressure monitor noticed ('Irregular heartbeat, Cuff not wrapped well'); '' for nothing."""
    return ", ".join(label(flag) for flag in DeviceFlag if bits & flag)


def source_words(reading: Reading) -> str:
    provenance = reading.provenance
    if provenance is None:
        return ""
    text = source_text(provenance.source)
    return f"{text} ({provenance.source_detail})" if provenance.source_detail else text


def provenance_of(reading: Reading) -> str:
    """Who entered it, how and when; and when it was corrected (readings keep no 'changed by' name)."""
    p = reading.provenance
    if p is None:
        return ""
    entered = Provenance(entered_by=p.entered_by, entered_by_role=p.entered_by_role, changed_by="",
                         source=p.source, source_detail=p.source_detail, created_at=p.created_at,
                         changed_at=p.created_at)
    text = provenance_html(entered)
    if p.changed_at:
        corrected = fill(translate("Monitoring", "Corrected on %1."), moment(p.changed_at))
        text += muted_html(corrected)
    return text


class ReadingsTab(MeasureTab):
    def __init__(self, services: RecordServices, events: RecordEvents, language: str, now: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, events, language, now, parent)
        self._deleted: list[Reading] = []   # readings that Undo can bring back
        self.model = EntryTableModel(self._columns(), self._fetch, self)
        self._build()

    def _columns(self) -> list[Column[Reading]]:
        return [
            Column(translate("Monitoring", "Time"), lambda r: full_time(r.taken_at)),
            Column(translate("Monitoring", "Value"), self._value),
            Column(translate("Monitoring", "Context"), lambda r: label_of(ReadingContext, r.context)),
            Column(translate("Monitoring", "Note"), lambda r: r.note),
            Column(translate("Monitoring", "The device noticed"), lambda r: device_flag_words(r.device_flags)),
            Column(translate("Monitoring", "Source"), source_words),
        ]

    def _value(self, reading: Reading) -> str:
        """The value in words, in the unit of the measure in view (the only one the table holds)."""
        return value_text(self.measure, reading) if self.measure is not None else ""

    def _fetch(self, offset: int, limit: int) -> list[Reading]:
        if self.services is None or self.measure is None:
            return []
        return self.services.readings.page(self.measure.key, offset, limit)

    def _build(self) -> None:
        self.table = entry_table_view(self.model, translate("Monitoring", "Readings"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.table.activated.connect(lambda _index: self.correct_selected())
        self.details = QTextBrowser()
        self.details.setAccessibleName(translate("Monitoring", "Details of the reading"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([640, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(self._buttons())
        layout.addWidget(self._undo_bar())
        layout.addWidget(splitter, 1)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_selected),
                           (QKeySequence.StandardKey.Undo, self.undo_delete)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _buttons(self) -> QHBoxLayout:
        self.correct_button = QPushButton(translate("Monitoring", "Corr&ect…"))
        self.correct_button.clicked.connect(self.correct_selected)
        self.delete_button = QPushButton(translate("Monitoring", "De&lete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()
        row = QHBoxLayout()
        for widget in (self.correct_button, self.delete_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _undo_bar(self) -> QWidget:
        self.undo_text = QLabel()
        self.undo_button = QPushButton(translate("Monitoring", "&Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_bar = QWidget()
        row = QHBoxLayout(self.undo_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.undo_text)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        self.undo_bar.hide()
        return self.undo_bar

    # --- behaviour ------------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = getattr(self.selected(), "id", None)
        self.model.reload()
        total = self.record.readings.count(self.measure.key) if self.measure else 0
        self.count_label.setText(fill(translate("Monitoring", "Readings: %1"), total))
        self.table.resizeColumnsToContents()
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(max(row, 0))
        self._show_details()

    def set_measure(self, measure: Measure | None) -> None:
        if getattr(measure, "key", None) != getattr(self.measure, "key", None):
            self._forget_deleted()
        super().set_measure(measure)

    def selected(self) -> Reading | None:
        return self.model.item(self.table.currentIndex().row())

    def _show_details(self) -> None:
        reading = self.selected()
        self.correct_button.setEnabled(reading is not None)
        self.delete_button.setEnabled(reading is not None)
        if reading is None:
            self.details.clear()
            return
        rows = [(translate("Monitoring", "Value"), self._value(reading)),
                (translate("Monitoring", "Time"), full_time(reading.taken_at)),
                (translate("Monitoring", "How"), label_of(ReadingMethod, reading.method)),
                (translate("Monitoring", "Context"), label_of(ReadingContext, reading.context)),
                (translate("Monitoring", "Note"), reading.note),
                (translate("Monitoring", "The device noticed"), device_flag_words(reading.device_flags))]
        self.details.setHtml(definition_table(rows) + provenance_of(reading))

    def correct_selected(self) -> None:
        reading = self.selected()
        if reading is None:
            return
        dialog = QuickEntryDialog(self.record, self.language, self, now=self.now, reading=reading)
        dialog.saved.connect(self.events.announce)
        dialog.exec()
        dialog.deleteLater()

    def delete_selected(self) -> None:
        reading = self.selected()
        if reading is None or reading.id is None:
            return
        change = self.record.readings.delete(reading.id)
        self._deleted.append(reading)
        self.undo_text.setText(escape(fill(translate("Monitoring", "Reading of %1 deleted: %2."),
                                           full_time(reading.taken_at), self._value(reading))))
        self.undo_bar.show()
        self.events.announce(change)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        reading = self._deleted.pop()
        if reading.id is None:
            return  # only stored readings were deleted: never so
        change = self.record.readings.undo_delete(reading.id)
        self.undo_bar.setVisible(bool(self._deleted))
        self.events.announce(change)
        self.table.selectRow(max(self.model.row_of(reading.id), 0))

    def _forget_deleted(self) -> None:
        """Undo is for the measure in view; deleted readings go for good when the record locks."""
        self._deleted.clear()
        self.undo_text.clear()
        self.undo_bar.hide()

    def release(self) -> None:
        self.model.clear()
        self.details.clear()
        self.count_label.clear()
        self._forget_deleted()
        super().release()
