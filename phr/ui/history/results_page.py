"""Lab results: each lab measure with its latest value and where it lies against the lab's normal range;
choose one to see all its results, in a table and a chart.

Results are read, not typed: they come from a FHIR file (phr.formats.fhir.read), as readings of a lab
measure with the range the lab gave beside each (phr.monitoring.lab_results). Whether a value lies below,
within or above that range is LabResult.position's to say; here it is said in words and with a symbol.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from phr.core.entries import Change
from phr.core.vocabulary import Section
from phr.monitoring.lab_results import LabResult, LabResultService
from phr.monitoring.measures import Measure
from phr.ui.app.events import RecordEvents
from phr.ui.history.results_chart import ResultsChart
from phr.ui.history.results_words import (
    empty_text,
    explanation,
    position_icon,
    position_text,
    range_text,
    result_date,
    short_date,
    source_text,
    value_text,
)
from phr.ui.text.formatting import escape, heading
from phr.ui.widgets.empty_state import EmptyState
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view

translate = QCoreApplication.translate
MAX_NAME_WIDTH = 260
MIN_CHART_WIDTH = 300


@dataclass(frozen=True)
class MeasureRow:
    """A lab measure in the list, with its newest result."""

    measure: Measure
    name: str
    latest: LabResult

    @property
    def id(self) -> None:
        return None  # rows are measures, found by key, never by an entry id


class IconTableModel(EntryTableModel[Any]):
    """An entry table whose one column also shows a symbol (where a result lies: not by colour alone)."""

    def __init__(self, columns: Sequence[Column[Any]], fetch: Callable[[int, int], Sequence[Any]],
                 icon_column: int, icon: Callable[[Any], QPixmap | None], parent: QObject | None = None) -> None:
        super().__init__(columns, fetch, parent)
        self._icon_column, self._icon = icon_column, icon

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == self._icon_column:
            item = self.item(index.row())
            return self._icon(item) if item is not None else None
        return super().data(index, role)


def table(model: EntryTableModel[Any], name: str) -> QTableView:
    view = entry_table_view(model, name)
    view.setTabKeyNavigation(False)  # Tab leaves the list; the arrow keys move in it
    return view


class ResultsPage(QWidget):
    import_requested = Signal()  # the main window opens the import of a health summary (FHIR file)

    def __init__(self, service: LabResultService, events: RecordEvents, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.events, self.language = service, events, language
        self._rows: list[MeasureRow] = []
        self._results: list[LabResult] = []
        self._build()
        events.changed.connect(self._on_changed)
        self.reload()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = translate("Results", "Results")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.help = QLabel(explanation())
        self.help.setWordWrap(True)
        self.model = IconTableModel(self._measure_columns(), lambda offset, limit: self._rows[offset:offset + limit],
                                    4, lambda row: position_icon(row.latest.position), self)
        self.table = table(self.model, translate("Results", "Lab results"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_measure())
        self.measure_heading = QLabel()
        self.results_model = IconTableModel(self._result_columns(),
                                            lambda offset, limit: self._results[offset:offset + limit], 3,
                                            lambda result: position_icon(result.position), self)
        self.results_table = table(self.results_model, translate("Results", "All results of the chosen measurement"))
        # On a small screen the chart keeps its room: the last column's words wrap rather than end in '…'.
        self.results_table.setWordWrap(True)
        self.results_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.chart = ResultsChart(self.language)
        self.body = self._body()
        # The menu's own words: the button does what that menu item does.
        self.empty_state = EmptyState(empty_text(), translate("MainWindow", "Import a &health summary (FHIR file)…"),
                                      self.import_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(heading(self.title)))
        layout.addWidget(self.intro)
        layout.addWidget(self.help)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.empty_state, 1)

    def _body(self) -> QWidget:
        """The list above; the chosen test's results below, the table beside the chart."""
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.results_table)
        below.addWidget(self.chart)
        below.setSizes([480, 320])
        self.below = below
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.measure_heading)
        column.addWidget(below, 1)
        upper = QWidget()
        top = QVBoxLayout(upper)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.table, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(lower)
        body.setSizes([200, 420])
        return body

    def _measure_columns(self) -> list[Column[MeasureRow]]:
        return [
            Column(translate("Results", "What was measured"), lambda row: row.name),
            Column(translate("Results", "Latest value"), lambda row: value_text(row.latest, row.measure)),
            Column(translate("Results", "Date"), lambda row: result_date(row.latest)),
            Column(translate("Results", "Normal range"), lambda row: range_text(row.latest.reference,
                                                                               row.measure.decimals)),
            Column(translate("Results", "Compared with normal"),
                   lambda row: position_text(row.latest.position)),
        ]

    def _result_columns(self) -> list[Column[LabResult]]:
        return [
            Column(translate("Results", "Date"), short_date),
            Column(translate("Results", "Value"), lambda r: value_text(r, self._measure())),
            Column(translate("Results", "Normal range"), lambda r: range_text(r.reference, self._measure().decimals)),
            # Short: the table shares its width with the chart.
            Column(translate("Results", "Normal?"), lambda r: position_text(r.position)),
        ]

    # --- behaviour --------------------------------------------------------------------------

    def reload(self, select_key: str | None = None) -> None:
        keep = select_key or self.selected_key()
        measures = {m.key: m for m in self.service.lab_measures()}
        self._rows = [MeasureRow(measures[r.measure], measures[r.measure].name(self.language), r)
                      for r in self.service.latest() if r.measure in measures]
        self.model.reload()
        self._fit(self.table)
        self.intro.setText(escape(source_text()))
        for part in (self.intro, self.body, self.help):
            part.setVisible(bool(self._rows))
        self.empty_state.setVisible(not self._rows)
        keys = [row.measure.key for row in self._rows]
        self.table.selectRow(keys.index(keep) if keep in keys else 0)
        self._show_measure()

    @staticmethod
    def _fit(view: QTableView) -> None:
        view.resizeColumnsToContents()
        for column in range(view.model().columnCount() - 1):
            view.setColumnWidth(column, min(view.columnWidth(column), MAX_NAME_WIDTH))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The share is worked out again once the page has its real size (it is first built before it shows)."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._refit)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        if self._results:
            self._share_width()
            self.results_table.resizeRowsToContents()

    def _share_width(self) -> None:
        """The results table as wide as its columns, so no word is cut off, while the chart keeps room."""
        view = self.results_table
        last = self.results_model.columnCount() - 1  # it stretches: its width is what is left, not what it needs
        needed = sum(view.columnWidth(c) for c in range(last)) + 2 * view.frameWidth()
        needed += max(view.sizeHintForColumn(last), view.horizontalHeader().sectionSizeHint(last))
        needed += view.verticalScrollBar().sizeHint().width()
        total = sum(self.below.sizes())
        if total > 0:
            width = max(min(needed, total - MIN_CHART_WIDTH), total // 3)
            self.below.setSizes([width, total - width])

    def selected(self) -> MeasureRow | None:
        item = self.model.item(self.table.currentIndex().row())
        return item if isinstance(item, MeasureRow) else None

    def selected_key(self) -> str | None:
        row = self.selected()
        return row.measure.key if row else None

    def select_measure(self, key: str) -> None:
        keys = [row.measure.key for row in self._rows]
        if key in keys:
            self.table.selectRow(keys.index(key))

    def _measure(self) -> Measure:
        row = self.selected()
        assert row is not None  # results show only for a chosen measurement
        return row.measure

    def _show_measure(self) -> None:
        row = self.selected()
        self._results = self.service.results(row.measure.key) if row else []
        self.results_model.reload()
        self._fit(self.results_table)
        self._share_width()
        self.results_table.resizeRowsToContents()
        self.measure_heading.setText(heading(row.name, 3) if row else "")
        if row and self._results:
            self.chart.show_results(row.measure, row.name, self._results)
        else:
            self.chart.clear()

    def _on_changed(self, change: Change) -> None:
        if change.section == Section.MONITORING:
            self.reload()

    def release(self) -> None:
        """Forget every result shown (the record is locking)."""
        self._rows, self._results = [], []
        self.model.clear()
        self.results_model.clear()
        self.chart.clear()
        self.measure_heading.clear()
