"""The main window: a shell with the person's name, the navigation and the Lock action.

Each page is its own module in phr.ui.pages; this window only arranges them. The name of the person
whose record is open stays in view at any window width (and is in the window title): with several
records on one computer, a carer must always see whose record they are typing in.
"""

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from phr.core.entries import Change
from phr.core.vocabulary import Section
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.app.navigation import PAGE_FACTORIES, Page, planned_pages
from phr.ui.app.record_actions import record_session
from phr.ui.backup.backup_dialog import open_backup_dialog
from phr.ui.export.dialog import open_export_dialog
from phr.ui.imports.fhir_import import FhirImport, open_fhir_import
from phr.ui.imports.wizard import open_import_wizard
from phr.ui.monitoring.page import MonitoringPage
from phr.ui.monitoring.quick_entry import open_quick_entry
from phr.ui.pages.coming import ComingPage
from phr.ui.pages.search_page import SearchPage
from phr.ui.security.carers_dialog import BeforeRekey, CarersDialog
from phr.ui.text.formatting import fill
from phr.ui.text.language import app_language

translate = QCoreApplication.translate


class MainWindow(QMainWindow):
    lock_requested = Signal()
    close_requested = Signal()
    settings_requested = Signal()  # the controller holds the app settings

    def __init__(self, services: RecordServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: RecordServices | None = services  # None once the record locks
        self.events = RecordEvents(self)
        self._locking = False
        # Set by the controller: a backup before a carer's removal changes the key.
        self.before_rekey: BeforeRekey | None = None
        name = services.session.person_name() or translate("MainWindow", "(no name)")
        self.resize(1100, 720)
        self._build(name)
        self._build_actions()
        self.events.changed.connect(self._on_changed)

    def _show_name(self, name: str) -> None:
        self.name_label.setText(name)
        self.name_label.setToolTip(name)
        self.setWindowTitle(fill(translate("MainWindow", "Regie – %1"), name))

    def _on_changed(self, change: Change) -> None:
        if change.section == Section.PERSON and self.services is not None:
            self._show_name(self.services.session.person_name() or translate("MainWindow", "(no name)"))

    def _build(self, name: str) -> None:
        self.name_label = NameLabel()
        self._show_name(name)
        self.name_label.setAccessibleName(translate("MainWindow", "Whose record is open"))
        self._build_navigation()
        self._build_pages()
        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)

    def _build_navigation(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(translate("MainWindow", "Sections"))
        self.navigation.setMaximumWidth(220)
        self.navigation.setSpacing(3)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.navigation.setFont(font)

    def _build_pages(self) -> None:
        self.pages = QStackedWidget()
        self.page_keys: list[Page] = []
        for key, title, purpose in planned_pages():
            self.navigation.addItem(title)
            self.pages.addWidget(self._page_for(key, title, purpose))
            self.page_keys.append(key)
        self.search_page = SearchPage(self.open_services().search, self.events)
        self.pages.addWidget(self.search_page)  # reached from the search box, not from the list
        # Every section's name stays readable when the window is made narrow.
        self.navigation.setMinimumWidth(min(self.navigation.sizeHintForColumn(0) + 24, 220))
        self.navigation.currentRowChanged.connect(self._on_navigate)
        self.navigation.setCurrentRow(0)
        self.events.show_item.connect(lambda section, _item: self.show_page(section))

    def _build_actions(self) -> None:
        self.lock_action = QAction(translate("MainWindow", "&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(translate("MainWindow", "Lock the record (Ctrl+L)"))
        self.lock_action.triggered.connect(self.request_lock)
        toolbar = QToolBar(translate("MainWindow", "Record"))
        toolbar.setObjectName("record-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.name_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self._search_box())
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu(translate("MainWindow", "&Record"))
        menu.addActions(self._measurement_actions())
        menu.addSeparator()
        menu.addAction(self._export_action())
        menu.addActions(self._safety_actions())
        menu.addSeparator()
        menu.addAction(self._switch_action())
        menu.addAction(self.lock_action)

    def _safety_actions(self) -> list[QAction]:
        """A backup now, who else may open the record, and the settings (passphrase, recovery code, auto-lock)."""
        self.backup_action = QAction(translate("MainWindow", "&Back up now…"), self)
        self.backup_action.triggered.connect(lambda: open_backup_dialog(self, record_session(self.open_services())))
        self.carers_action = QAction(translate("MainWindow", "&Carers…"), self)
        self.carers_action.triggered.connect(self.show_carers)
        self.settings_action = QAction(translate("MainWindow", "&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.settings_requested)
        return [self.backup_action, self.carers_action, self.settings_action]

    def show_carers(self) -> None:
        dialog = CarersDialog(record_session(self.open_services()), self, before_rekey=self.before_rekey)
        dialog.exec()
        dialog.deleteLater()
        if dialog.record_closed:
            self.lock_requested.emit()  # the session was locked underneath: show the start window

    def _switch_action(self) -> QAction:
        """Another record: this one is locked first (the controller's lock), then the start window shows."""
        self.switch_action = QAction(translate("MainWindow", "S&witch record…"), self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.switch_action.setToolTip(translate(
            "MainWindow", "Lock this record and choose another one (Ctrl+Shift+O)"))
        self.switch_action.triggered.connect(self.request_lock)
        return self.switch_action

    def _measurement_actions(self) -> list[QAction]:
        """Ctrl+M types a reading from anywhere in the record; an import reads a device's file."""
        self.measurement_action = QAction(translate("MainWindow", "New &measurement…"), self)
        self.measurement_action.setShortcut(QKeySequence("Ctrl+M"))
        self.measurement_action.triggered.connect(self.new_measurement)
        self.import_action = QAction(translate("MainWindow", "&Import readings from a device…"), self)
        self.import_action.triggered.connect(self.import_readings)
        monitoring = self.page(Page.MONITORING)
        if isinstance(monitoring, MonitoringPage):
            monitoring.import_requested.connect(self.import_readings)
        self.fhir_import_action = QAction(translate("MainWindow", "Import a &health summary (FHIR file)…"), self)
        self.fhir_import_action.setToolTip(translate(
            "MainWindow", "A summary from your hospital, GP or health app: diagnoses, medicines, allergies, "
                          "vaccinations, operations and lab results"))
        self.fhir_import_action.triggered.connect(self.import_health_summary)
        return [self.measurement_action, self.import_action, self.fhir_import_action]

    def _export_action(self) -> QAction:
        self.export_action = QAction(translate("MainWindow", "&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        return self.export_action

    def export(self) -> None:
        open_export_dialog(self, self.open_services(), app_language())

    def new_measurement(self) -> None:
        page = self.pages.currentWidget()
        key = page.current_measure_key() if isinstance(page, MonitoringPage) else None
        open_quick_entry(self, self.open_services(), app_language(), key)

    def import_readings(self) -> None:
        open_import_wizard(self, self.open_services(), app_language(), self.events)

    def import_health_summary(self) -> None:
        self._fhir_import: FhirImport | None = open_fhir_import(self, self.open_services(), self.events.announce)

    def open_services(self) -> RecordServices:
        """The record's services; there until the record locks (close_for_lock)."""
        if self.services is None:
            raise RuntimeError("the record is locked")
        return self.services

    def _page_for(self, key: Page, title: str, purpose: str) -> QWidget:
        factory = PAGE_FACTORIES.get(key)
        return factory(self.open_services(), self.events) if factory else ComingPage(title, purpose)

    def page(self, key: Page) -> QWidget:
        page = self.pages.widget(self.page_keys.index(key))
        if page is None:
            raise KeyError(key)
        return page

    def _on_navigate(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentIndex(row)

    def _search_box(self) -> QLineEdit:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(translate("MainWindow", "Search the record (Ctrl+F)"))
        self.search_box.setAccessibleName(translate("MainWindow", "Search the record"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        self.search_box.returnPressed.connect(self.search)
        focus = QAction(self)
        focus.setShortcut(QKeySequence.StandardKey.Find)
        focus.triggered.connect(self._focus_search)
        self.addAction(focus)
        return self.search_box

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def show_page(self, key: str) -> None:
        """Show the page with this key (a Page, or the section a search hit or link names)."""
        if key in self.page_keys:
            self.navigation.setCurrentRow(self.page_keys.index(Page(key)))

    def search(self) -> None:
        self.search_page.search(self.search_box.text())
        self.navigation.clearSelection()
        self.navigation.setCurrentRow(-1)
        self.pages.setCurrentWidget(self.search_page)
        self.search_page.table.setFocus()

    def request_lock(self) -> None:
        self.lock_requested.emit()

    def close_for_lock(self) -> None:
        """Close without asking anything: the controller is locking the record. Pages drop their data."""
        self._locking = True
        for index in range(self.pages.count()):
            release = getattr(self.pages.widget(index), "release", None)
            if release:
                release()
        self.search_box.clear()
        self.services = None
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._locking:
            self.close_requested.emit()
        super().closeEvent(event)


class NameLabel(QLabel):
    """The person's name, large and bold. A long name is shortened on screen ("…") when the window is narrow,
    never pushed out of view: a toolbar moves a widget that cannot shrink enough into its overflow menu.
    text() is always the full name (screen readers, tests); the tooltip and the window title show it too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(8, 4, 8, 4)
        font = self.font()
        font.setPointSizeF(15)
        font.setBold(True)
        self.setFont(font)

    def minimumSizeHint(self) -> QSize:
        # The toolbar shrinks a widget down to this before it moves it into its overflow menu.
        return QSize(min(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("MMMMMMMM…") + 16),
                     super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
