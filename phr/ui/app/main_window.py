"""The main window: a shell with the person's name, the navigation and the Lock action.

Each page is its own module in phr.ui.pages; this window only arranges them. The name of the person
whose record is open stays in view at any window width (and is the window title): with several
records on one computer, a carer must always see whose record they are typing in. A page wider or taller
than the window scrolls inside it (large text, a small screen), so the toolbar and Lock stay in view.

The window shows the overview first; every other page is made when first shown (phr.ui.app.page_stack), and the
dialogs behind the menus (export, print, imports, backup, carers, about) import their code when opened: a record
with a lifetime of readings shows its main window within a second of unlocking (issue 20, point 2).
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from phr.core.entries import Change
from phr.core.vocabulary import Section
from phr.demo.sample_record import is_sample_record
from phr.record.services import RecordServices
from phr.ui.app.desktop.dialogs import (
    open_about_dialog,
    open_backup_dialog,
    open_export_dialog,
    open_fhir_import,
    open_import_wizard,
    open_native_import,
    open_print_dialog,
    open_quick_entry,
)
from phr.ui.app.desktop.name_label import NameLabel
from phr.ui.app.desktop.section_list import SectionList, first_stop
from phr.ui.app.desktop.window_menus import help_actions, section_actions, text_size_actions
from phr.ui.app.desktop.window_size import available_geometry, fitted_size
from phr.ui.app.events import RecordEvents
from phr.ui.app.navigation import PAGE_FACTORIES, Page, planned_pages
from phr.ui.app.page_stack import PageStack
from phr.ui.app.record_actions import record_session
from phr.ui.pages.search_page import SearchPage
from phr.ui.text.language import app_language
from phr.ui.widgets.getting_started import HiddenInSettings
from phr.ui.widgets.icons import Action, action_icon, section_icon
from phr.ui.widgets.whose import carer_of, sample_banner, working_as_label

if TYPE_CHECKING:
    from phr.ui.imports.fhir_import import FhirImport
    from phr.ui.security.carers_dialog import BeforeRekey

translate = QCoreApplication.translate


class MainWindow(QMainWindow):
    lock_requested = Signal()
    close_requested = Signal()
    quit_requested = Signal()  # lock, then leave Regie
    settings_requested = Signal()  # the controller holds the app settings
    text_size_step = Signal(int)  # 1 larger, -1 smaller, 0 normal: the controller keeps the setting

    def __init__(self, services: RecordServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: RecordServices | None = services  # None once the record locks
        self.events = RecordEvents(self)
        self._locking = False
        # Set by the controller: a backup before a carer's removal changes the key.
        self.before_rekey: "BeforeRekey | None" = None
        self._settings_file: Path | None = None  # set by the controller; About says where it is
        name = services.session.person_name() or translate("MainWindow", "(no name)")
        self.resize(fitted_size(available_geometry(self).size()))  # the controller places it (window_size)
        self._build(name)
        self._build_actions()
        self.events.changed.connect(self._on_changed)

    @property
    def settings_file(self) -> Path | None:
        return self._settings_file

    @settings_file.setter
    def settings_file(self, path: Path | None) -> None:
        self._settings_file = path
        overview = self.pages.made(Page.OVERVIEW)
        if overview is not None:
            self._remember_hidden_lists(overview)

    def _remember_hidden_lists(self, overview: QWidget) -> None:
        """A hidden Getting started is remembered in the settings file."""
        remember = getattr(overview, "remember_hidden_lists", None)  # the overview page (a stand-in has none)
        if self._settings_file is not None and remember is not None:
            remember(HiddenInSettings(self._settings_file))

    def _show_name(self, name: str) -> None:
        self.name_label.setText(name)
        self.name_label.setToolTip(name)
        # The desktop adds the application's name ("Joke Bakker — Regie"): it is set as the display name.
        self.setWindowTitle(name)

    def _on_changed(self, change: Change) -> None:
        if change.section == Section.PERSON and self.services is not None:
            self._show_name(self.services.session.person_name() or translate("MainWindow", "(no name)"))

    def _build(self, name: str) -> None:
        self.name_label = NameLabel()
        self._show_name(name)
        self.name_label.setAccessibleName(translate("MainWindow", "Whose record is open"))
        self.working_as = working_as_label(self.open_services().session.author)
        self._build_navigation()
        self._build_pages()
        self.page_area = QScrollArea()
        self.page_area.setWidget(self.pages)
        self.page_area.setWidgetResizable(True)  # scroll bars only where the page cannot shrink any further
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own
        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.page_area, 1)
        column = QVBoxLayout()
        self.sample_banner = sample_banner(is_sample_record(record_session(self.open_services())))
        column.addWidget(self.sample_banner)
        column.addLayout(body, 1)
        central = QWidget()
        central.setLayout(column)
        self.setCentralWidget(central)

    def _build_navigation(self) -> None:
        self.navigation = SectionList()
        self.navigation.setAccessibleName(translate("MainWindow", "Sections"))

    def _build_pages(self) -> None:
        self._planned: dict[Page, tuple[str, str]] = {}  # title and purpose, for a page that is coming
        self.pages = PageStack(self._page_for)
        self.pages.page_made.connect(self._on_page_made)
        self.page_keys: list[Page] = []
        for key, title, purpose in planned_pages(carer_of(self.open_services().session)):
            self.navigation.add_section(title, section_icon(key))
            self._planned[key] = (title, purpose)
            self.pages.add_planned(key)
            self.page_keys.append(key)
        self.search_page = SearchPage(self.open_services().search, self.events)
        self.pages.addWidget(self.search_page)  # reached from the search box, not from the list
        self.navigation.currentRowChanged.connect(self._on_navigate)
        self.navigation.setCurrentRow(0)  # the overview: the only page made now
        self.events.show_item.connect(lambda section, _item: self.show_page(section))

    def _on_page_made(self, key: Page, page: QWidget) -> None:
        """A page was made (when first shown): its links and buttons reach the window."""
        if key == Page.OVERVIEW and hasattr(page, "open_page"):
            page.open_page.connect(lambda key: self.go_to_section(self.page_keys.index(Page(key))))
            self._remember_hidden_lists(page)
        elif key in (Page.RESULTS, Page.MONITORING) and hasattr(page, "import_requested"):
            page.import_requested.connect(self.import_health_summary if key == Page.RESULTS else self.import_readings)

    def _build_actions(self) -> None:
        self.lock_action = QAction(action_icon(Action.LOCK), translate("MainWindow", "&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(translate("MainWindow", "Lock the record (Ctrl+L)"))
        self.lock_action.triggered.connect(self.request_lock)
        toolbar = QToolBar(translate("MainWindow", "Record"))
        toolbar.setObjectName("record-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # Lock keeps its word beside its icon
        toolbar.addWidget(self.name_label)
        toolbar.addWidget(self.working_as)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self._search_box())
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu(translate("MainWindow", "&Record"))
        menu.addActions(self._measurement_actions())
        menu.addSeparator()
        menu.addActions([self._export_action(), self._print_action()])
        menu.addActions(self._safety_actions())
        menu.addSeparator()
        menu.addAction(self._switch_action())
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(self._quit_action())
        self.view_menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        self.view_menu.addActions(text_size_actions(self, self.text_size_step.emit))
        self.section_actions = section_actions(self, self.navigation, self.go_to_section)
        self.help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        self.help_menu.addActions(help_actions(self, self.shortcut_actions, self.show_about))

    def _print_action(self) -> QAction:
        self.print_action = QAction(action_icon(Action.PRINT), translate("MainWindow", "&Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setToolTip(translate(
            "MainWindow", "Print the emergency card and letter, a visit brief or the overview (Ctrl+P)"))
        self.print_action.triggered.connect(lambda: open_print_dialog(self, self.open_services(), app_language()))
        return self.print_action

    def _quit_action(self) -> QAction:
        """Lock the record and leave Regie (the start window closes too)."""
        self.quit_action = QAction(action_icon(Action.QUIT), translate("MainWindow", "&Quit"), self)
        # Ctrl+Q everywhere (Windows' own list of standard keys has none for Quit), and the desktop's own if other.
        keys = [QKeySequence("Ctrl+Q")]
        self.quit_action.setShortcuts(keys + [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
                                              if k not in keys])
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_requested)
        return self.quit_action

    def shortcut_actions(self) -> list[QAction]:
        """Every action with keys, in the order of the menus, then the sections and the window's own."""
        actions = [action for menu in self.menus() for action in menu.actions()]
        return actions + [action for action in self.actions() if action not in actions]

    def menus(self) -> list[QMenu]:
        return [menu for action in self.menuBar().actions() if isinstance(menu := action.menu(), QMenu)]

    def show_about(self) -> None:
        folder = record_session(self.services).folder if self.services is not None else None
        open_about_dialog(self, folder, self.settings_file)

    def go_to_section(self, row: int) -> None:
        """Ctrl+1 … Ctrl+0: show the section and put the keyboard on its first control."""
        self.navigation.setCurrentRow(row)
        page = self.pages.currentWidget()
        stop = first_stop(page) if page is not None else None
        (stop or self.navigation).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def text_size_changed(self) -> None:
        """After the application font changed: the sizes set relative to it follow."""
        self.navigation.fit_font()
        self.name_label.fit_font()

    def _safety_actions(self) -> list[QAction]:
        """A backup now, who else may open the record, and the settings (passphrase, recovery code, auto-lock)."""
        self.backup_action = QAction(action_icon(Action.BACK_UP), translate("MainWindow", "&Back up now…"), self)
        self.backup_action.triggered.connect(lambda: open_backup_dialog(self, record_session(self.open_services())))
        self.carers_action = QAction(action_icon(Action.CARERS), translate("MainWindow", "&Carers…"), self)
        self.carers_action.triggered.connect(self.show_carers)
        self.settings_action = QAction(action_icon(Action.SETTINGS), translate("MainWindow", "&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.settings_requested)
        return [self.backup_action, self.carers_action, self.settings_action]

    def show_carers(self) -> None:
        from phr.ui.security.carers_dialog import CarersDialog

        dialog = CarersDialog(record_session(self.open_services()), self, before_rekey=self.before_rekey)
        dialog.exec()
        dialog.deleteLater()
        if dialog.record_closed:
            self.lock_requested.emit()  # the session was locked underneath: show the start window

    def _switch_action(self) -> QAction:
        """Another record: this one is locked first (the controller's lock), then the start window shows."""
        self.switch_action = QAction(action_icon(Action.SWITCH), translate("MainWindow", "S&witch record…"), self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.switch_action.setToolTip(translate(
            "MainWindow", "Lock this record and choose another one (Ctrl+Shift+O)"))
        self.switch_action.triggered.connect(self.request_lock)
        return self.switch_action

    def _measurement_actions(self) -> list[QAction]:
        """Ctrl+M types a reading from anywhere in the record; an import reads a device's file."""
        self.measurement_action = QAction(action_icon(Action.MEASURE), translate("MainWindow", "New &measurement…"),
                                          self)
        self.measurement_action.setShortcut(QKeySequence("Ctrl+M"))
        self.measurement_action.triggered.connect(self.new_measurement)
        self.import_action = QAction(action_icon(Action.IMPORT), translate("MainWindow",
                                                                           "&Import readings from a device…"), self)
        self.import_action.triggered.connect(self.import_readings)
        self.fhir_import_action = QAction(action_icon(Action.IMPORT_SUMMARY),
                                          translate("MainWindow", "Import a &health summary (FHIR file)…"), self)
        self.fhir_import_action.setToolTip(translate(
            "MainWindow", "A summary from your hospital, GP or health app: diagnoses, medicines, allergies, "
                          "vaccinations, operations and lab results"))
        self.fhir_import_action.triggered.connect(self.import_health_summary)
        self.native_import_action = QAction(action_icon(Action.IMPORT), translate("MainWindow", "Import a Regie &file…"),
                                            self)
        self.native_import_action.triggered.connect(self.import_regie_file)
        return [self.measurement_action, self.import_action, self.fhir_import_action, self.native_import_action]

    def _export_action(self) -> QAction:
        self.export_action = QAction(action_icon(Action.EXPORT), translate("MainWindow", "&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        return self.export_action

    def export(self) -> None:
        open_export_dialog(self, self.open_services(), app_language())

    def new_measurement(self) -> None:
        """Ctrl+M: on the measurements page, for the measure shown there."""
        monitoring = self.pages.made(Page.MONITORING)
        shown = monitoring is not None and self.pages.currentWidget() is monitoring
        key = getattr(monitoring, "current_measure_key")() if shown else None
        open_quick_entry(self, self.open_services(), app_language(), key)

    def import_readings(self) -> None:
        open_import_wizard(self, self.open_services(), app_language(), self.events)

    def import_health_summary(self) -> None:
        self._fhir_import: "FhirImport | None" = open_fhir_import(self, self.open_services(), self.events.announce)

    def import_regie_file(self) -> None:
        self._native_import = open_native_import(self, self.open_services(), self.events.announce)

    def open_services(self) -> RecordServices:
        """The record's services; there until the record locks (close_for_lock)."""
        if self.services is None:
            raise RuntimeError("the record is locked")
        return self.services

    def _page_for(self, key: Page) -> QWidget:
        """Make a page (when first shown: PageStack)."""
        factory = PAGE_FACTORIES.get(key)
        if factory is not None:
            return factory(self.open_services(), self.events)
        from phr.ui.pages.coming import ComingPage

        return ComingPage(*self._planned[key])

    def page(self, key: Page) -> QWidget:
        """The page with this key, made now if it was not shown yet."""
        if key not in self.page_keys:
            raise KeyError(key)
        return self.pages.page(Page(key))

    def _on_navigate(self, row: int) -> None:
        if row >= 0:
            self.pages.show_row(row)

    def _search_box(self) -> QLineEdit:
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search-box")
        self.search_box.setPlaceholderText(translate("MainWindow", "Search the record (Ctrl+F)"))
        self.search_box.setAccessibleName(translate("MainWindow", "Search the record"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(action_icon(Action.SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setMinimumWidth(220)
        self.search_box.returnPressed.connect(self.search)
        focus = QAction(translate("MainWindow", "Search the record"), self)
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
        for page in self.pages.made_pages() + [self.search_page]:
            release = getattr(page, "release", None)
            if release:
                release()
        self.search_box.clear()
        self.services = None
        self.close()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.navigation.fit_window(self.width())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._locking:
            self.close_requested.emit()
        super().closeEvent(event)

