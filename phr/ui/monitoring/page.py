"""Self-monitoring: your measures on the left, and per measure its chart, readings, statistics, targets and plan.

New measurement opens quick entry (the main window's Ctrl+M does the same from every page); Import
from a device asks the main window for the import wizard (`import_requested`); Own measure adds a
measure of your own or a symptom score. Every change in the section refreshes what is in view;
tabs out of view refresh when they are shown. `release()` forgets everything when the record locks.
"""

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from phr.core.entries import Change
from phr.core.vocabulary import Section
from phr.monitoring.figures import GLUCOSE
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.charts.measure_chart import MeasureChart
from phr.ui.charts.ranges import Preset
from phr.ui.charts.record_source import RecordChartSource
from phr.ui.charts.room import needed_height
from phr.ui.monitoring.day_profile import DayProfileTab
from phr.ui.monitoring.dialogs import custom_measure_dialog
from phr.ui.monitoring.diary_panel import DiaryPanel
from phr.ui.monitoring.measures import DIARY, MeasureList, measure_entries
from phr.ui.monitoring.quick_entry import open_quick_entry
from phr.ui.monitoring.readings import ReadingsTab
from phr.ui.monitoring.stats import StatisticsTab
from phr.ui.monitoring.tab import Clock, MeasureTab
from phr.ui.monitoring.targets import TargetsTab
from phr.ui.text.formatting import heading
from phr.ui.text.vocabulary import label
from phr.ui.widgets.empty_state import EmptyState
from phr.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate
REFRESHING_SECTIONS = (Section.MONITORING, Section.MEDICATIONS, Section.APPOINTMENTS)   # the chart shows their events
TABS, DIARY_VIEW, EMPTY_VIEW = 0, 1, 2


def size_to_shown(stack: QStackedWidget | QTabWidget, index: int) -> None:
    """The page as wide and tall as the tab or view in sight needs: Qt sizes a stack by its largest page, hidden
    ones too, so at 200 % text a wide statistics table made the chart page scroll sideways."""
    for number in range(stack.count()):
        widget = stack.widget(number)
        policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
        if widget is not None:
            widget.setSizePolicy(policy, policy)


class ChartTab(MeasureTab):
    """The measure's chart, made anew when the measure or the record changes (keeping the view)."""

    def __init__(self, services: RecordServices, events: RecordEvents, language: str, now: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, events, language, now, parent)
        self.chart: MeasureChart | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def refresh(self) -> None:
        keep = self._view_to_keep()
        self._drop_chart()
        if self.measure is None:
            return
        source = RecordChartSource(self.record, self.measure.key)
        self.chart = MeasureChart(source, self.measure, self.language, now=lambda: self.now().timestamp())
        self._layout.addWidget(self.chart)
        if keep is not None:
            preset, window = keep
            if preset:
                self.chart.set_preset(preset)
            else:
                self.chart.plot.getViewBox().setXRange(*window, padding=0)

    def _view_to_keep(self) -> tuple[Preset | None, tuple[float, float]] | None:
        """The preset (or zoomed window) to show again when the same measure is drawn anew."""
        if self.chart is None or self.measure is None or self.chart.measure.key != self.measure.key:
            return None
        return self.chart.current_preset, self.chart.visible_range()

    def _drop_chart(self) -> None:
        if self.chart is not None:
            self.chart.release()
            self._layout.removeWidget(self.chart)
            self.chart.hide()  # at once: deleteLater waits for the event loop
            self.chart.setParent(None)
            self.chart.deleteLater()
            self.chart = None

    def release(self) -> None:
        self._drop_chart()
        super().release()


class MonitoringPage(QWidget):
    import_requested = Signal()

    def __init__(self, services: RecordServices, events: RecordEvents, language: str, parent: QWidget | None = None,
                 now: Clock | None = None) -> None:
        super().__init__(parent)
        self.services: RecordServices | None = services  # None once the record locks
        self.events, self.language = events, language
        self._now = now or (lambda: datetime.now().astimezone())
        self._build()
        events.changed.connect(self._on_changed)
        events.show_item.connect(self._on_show_item)
        self.refresh()

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.measures = MeasureList()
        self.measures.currentItemChanged.connect(lambda *_: self._show_chosen())
        self.show_all = QCheckBox(translate("Monitoring", "Show all &measures"))
        self.show_all.toggled.connect(lambda _on: self.refresh(keep_current=False))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.measures, 1)
        column.addWidget(self.show_all)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._right_side())
        splitter.setSizes([290, 810])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(heading(label(Section.MONITORING))))
        layout.addLayout(self._toolbar())
        layout.addWidget(splitter, 1)

    def _toolbar(self) -> FlowLayout:
        self.new_button = QPushButton(translate("Monitoring", "&New measurement… (Ctrl+M)"))
        self.new_button.clicked.connect(self.new_measurement)
        self.import_button = QPushButton(translate("Monitoring", "&Import from a device…"))
        self.import_button.clicked.connect(self.import_requested.emit)
        self.own_button = QPushButton(translate("Monitoring", "&Own measure…"))
        self.own_button.clicked.connect(self.add_own_measure)
        row = FlowLayout()  # wraps at large text instead of making the page wider than the screen
        for button in (self.new_button, self.import_button, self.own_button):
            row.addWidget(button)
        return row

    def _right_side(self) -> QStackedWidget:
        services = self._record()
        args = (services, self.events, self.language, self._now)
        self.chart_tab, self.readings_tab = ChartTab(*args), ReadingsTab(*args)
        self.stats_tab, self.targets_tab = StatisticsTab(*args), TargetsTab(*args)
        self.profile_tab = DayProfileTab(*args)
        self.tabs = QTabWidget()
        for tab, text in ((self.chart_tab, translate("Monitoring", "&Chart")),
                          (self.readings_tab, translate("Monitoring", "Readin&gs")),
                          (self.stats_tab, translate("Monitoring", "&Statistics")),
                          (self.profile_tab, translate("Monitoring", "&Day profile")),
                          (self.targets_tab, translate("Monitoring", "&Targets and plan"))):
            self.tabs.addTab(tab, text)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.diary = DiaryPanel(services.diary, self.events, now=lambda: self._now().replace(tzinfo=None))
        self.empty = EmptyState(
            translate("Monitoring", "Here you keep what is measured at home, such as blood pressure or weight: "
                                    "typed in, or read from a device."),
            translate("Monitoring", "Type a &first measurement…"), self.new_measurement)
        self.right = QStackedWidget()
        for widget in (self.tabs, self.diary, self.empty):
            self.right.addWidget(widget)
        self.right.currentChanged.connect(lambda index: size_to_shown(self.right, index))
        size_to_shown(self.right, self.right.currentIndex())
        size_to_shown(self.tabs, self.tabs.currentIndex())
        return self.right

    def _tab_changed(self, index: int) -> None:
        size_to_shown(self.tabs, index)
        self._current_tab().refresh_if_stale()

    def _tab_list(self) -> list[MeasureTab]:
        return [self.chart_tab, self.readings_tab, self.stats_tab, self.profile_tab, self.targets_tab]

    def _current_tab(self) -> MeasureTab:
        return self._tab_list()[self.tabs.currentIndex()]  # the tabs are in the list's order

    def _record(self) -> RecordServices:
        """The services while the record is open (the page is only used then)."""
        if self.services is None:
            raise RuntimeError("the record is locked")
        return self.services

    # --- behaviour ------------------------------------------------------------------------------

    def current_measure_key(self) -> str | None:
        """The measure in view (quick entry starts with it); None for the diary or nothing."""
        key = self.measures.current_key()
        return None if key in (None, DIARY) else key

    def refresh(self, keep_current: bool = True) -> None:
        """The list with the latest values, then every tab (the one in view at once). The measure in
        view stays in the list after its last reading was deleted, so that delete can be undone."""
        if self.services is None:
            return
        keep = self.measures.current_key() if keep_current else None
        entries = measure_entries(self.services, self.language, self._now().date(), self.show_all.isChecked(), keep)
        self.measures.show_entries(entries, self.services.diary.count())
        if self.measures.currentItem() is None and entries[0].key != DIARY:
            self.measures.select(entries[0].key)  # shows it; without measures the page says how to begin
        else:
            self._show_chosen()

    def _show_chosen(self) -> None:
        key = self.measures.current_key()
        if key == DIARY:
            self.right.setCurrentIndex(DIARY_VIEW)
            return
        measure = self._record().measures.find(key) if key else None
        self.right.setCurrentIndex(TABS if measure else EMPTY_VIEW)
        # The day profile is about a glucose sensor's readings: other measures have no such tab.
        self.tabs.setTabVisible(self._tab_list().index(self.profile_tab), key == GLUCOSE)
        for tab in self._tab_list():
            tab.set_measure(measure)
        if self.isVisible():  # a page out of view catches up when it is shown (showEvent)
            self._current_tab().refresh_if_stale()

    def heightForWidth(self, width: int) -> int:
        """The least height at this width (the main window's page area scrolls beyond it): the toolbar wraps, so
        Qt would answer with the preferred height of everything, charts included, and scroll at any text size."""
        layout = self.layout()
        return needed_height(layout, width) if layout is not None else super().heightForWidth(width)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._current_tab().refresh_if_stale()

    def select_measure(self, key: str) -> None:
        """Show a measure (ticking Show all measures when it is not one of yours)."""
        if not self.measures.select(key):
            self.show_all.setChecked(True)
            self.measures.select(key)

    def new_measurement(self) -> list[Change]:
        return open_quick_entry(self, self._record(), self.language, self.current_measure_key(), self._now)

    def add_own_measure(self) -> None:
        dialog = custom_measure_dialog(self._record(), self)
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)
            added = self._record().measures.get(dialog.saved_change.item_id)
            if added is not None:
                self.select_measure(added.key)

    def _on_changed(self, change: Change) -> None:
        if change.section in REFRESHING_SECTIONS:
            self.refresh()

    def _on_show_item(self, section: str, _item_id: int) -> None:
        if section == Section.MONITORING and self.services is not None:
            self.measures.select(DIARY)  # search finds diary entries; the diary selects the entry itself

    def release(self) -> None:
        """Forget every value, name and entry shown (the record is locking)."""
        for tab in self._tab_list():
            tab.release()
        self.diary.release()
        self.measures.clear()
        self.services = None
