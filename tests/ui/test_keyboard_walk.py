"""Every page and every dialog of the app walked with the Tab key (issue 17's acceptance): no Tab trap, every
enabled control reached before the round closes, every input labelled, no Alt-letter twice or going nowhere.

The main window shows the sample record; the dialogs open as a user opens them: every button of every page
(and of the dialogs those open, one level deep), every menu item, the start window's buttons. Qt's own file and
print dialogs are Qt's to walk. What each round checks is in keyboard_walk.
"""

import re
from collections.abc import Iterator

import pytest
from conftest import PASSPHRASE
from dialog_walk import opens_more, press_every_button, read_what_opens
from keyboard_walk import Round, tab_round
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from test_alt_letters import (  # noqa: F401 (fixtures: the sample record, in en and nl)
    NOT_PRESSED,  # what ends the session under the walk
    language,
    window,
)

from phr.ui.app.desktop.section_list import first_stop
from phr.ui.monitoring.measures import DIARY
from phr.ui.monitoring.page import MonitoringPage

QT_OWN = (QFileDialog, QPrintDialog)


class Walker:
    """Walks each window it is given with Tab (and what its own buttons open, one level deep)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.rounds: list[Round] = []
        self.depth = 0

    def __call__(self, window: QWidget) -> None:
        if isinstance(window, QT_OWN):
            return
        if window.windowType() == Qt.WindowType.Popup:  # a calendar: arrows and Enter pick; Escape must close it
            self.rounds.append(escape_closes(window))
            return
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # keys go to the active window only
        self.rounds.append(tab_round(window))
        if self.depth == 0 and opens_more(window):
            self.depth += 1
            try:
                press_every_button(window, self, skip=lambda button: bool(NOT_PRESSED.search(button.text())))
            finally:
                self.depth -= 1

    def walk(self, window: QWidget, name: str) -> Round:
        """A round through a window shown already (a page of the main window), under `name`."""
        found = tab_round(window)
        found.window = name
        self.rounds.append(found)
        return found

    def problems(self) -> dict[str, dict[str, object]]:
        return {found.window: found.problems() for found in self.rounds if found.problems()}

    def walked(self) -> list[str]:
        return [found.window for found in self.rounds]


def escape_closes(popup: QWidget) -> Round:
    """A popup (the date input's calendar) keeps the keyboard while it is open, as a menu does; Escape closes it."""
    found = Round(f"{type(popup).__name__} (a popup)")
    QTest.keyClick(popup.focusWidget() or popup, Qt.Key.Key_Escape)  # a popup has the keyboard while open
    if popup.isVisible():
        found.traps.append("Escape does not close it")
    return found


def report(problems: dict[str, dict[str, object]]) -> str:
    return "\n".join(f"{window}: {found}" for window, found in problems.items())


def test_the_walk_finds_traps_unreached_controls_unlabelled_inputs_and_letters_going_nowhere(qtbot):
    """The walk itself: each fault it must name, in a dialog made with them all."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    named = QLineEdit()
    form.addRow("&Name:", named)
    form.addRow(QLineEdit())  # no label
    box = QWidget()  # hands the keyboard to its line, but takes none itself: its label's letter does nothing
    QVBoxLayout(box).addWidget(inner := QLineEdit())
    box.setFocusProxy(inner)
    label = QLabel("&Where:")
    label.setBuddy(box)
    form.addRow(label, box)
    form.addRow("&What:", QLineEdit())  # Alt+W twice
    print_button = QPushButton("&Print")
    print_button.setDefault(True)  # made default before it joins the box: Tab skips Cancel
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    buttons.addButton(print_button, QDialogButtonBox.ButtonRole.AcceptRole)
    form.addRow(buttons)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    named.setFocus()
    found = tab_round(dialog)
    assert found.unreached == ["QPushButton 'Cancel'"]
    assert found.unlabelled == ["QLineEdit ''"]
    assert found.dead_letters == ["&Where:"]
    assert found.clashes == {"w": ["&What:", "&Where:"]}
    assert found.traps == []

    shown_later = QDialog()  # a check box made after the buttons (shown for a choice), and a scroll area
    qtbot.addWidget(shown_later)
    rows = QFormLayout(shown_later)
    rows.addRow("&Name:", top := QLineEdit())
    rows.addRow(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel))
    rows.insertRow(1, QCheckBox("&Later"))
    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as QScrollArea has by default: a stop showing nothing
    rows.insertRow(2, area)
    shown_later.show()
    shown_later.activateWindow()
    qtbot.waitUntil(shown_later.isActiveWindow)
    top.setFocus()
    found = tab_round(shown_later)
    assert found.out_of_order == ["QCheckBox 'Later' (the first is QLineEdit 'Name:')"]
    assert found.stops_on_nothing == ["QScrollArea ''"]

    for trap in (QTableWidget(3, 3), QPlainTextEdit()):  # a table walking its cells, a text taking the Tab
        window = QDialog()
        qtbot.addWidget(window)
        column = QFormLayout(window)
        column.addRow("&Name:", first := QLineEdit())
        column.addRow("&List:", trap)
        column.addRow(QPushButton("&OK"))
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        first.setFocus()
        assert tab_round(window).traps == [f"{type(trap).__name__} 'List:'"]


@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def show_with_keyboard_on_page(window, key) -> QWidget:
    """The page shown, the keyboard on its first control (as Ctrl+1 … Ctrl+0 leave it)."""
    window.show_page(key)
    page = window.pages.currentWidget()
    stop = first_stop(page)
    assert stop is not None, key
    stop.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return page


def views(window, key) -> Iterator[str]:
    """Each view of the page in turn, the keyboard on its first control: the page as it opens, each other tab,
    and the measurements' diary. Yields the view's name."""
    page = show_with_keyboard_on_page(window, key)
    yield f"page {key}"
    for tabs in page.findChildren(QTabWidget):
        for index in range(1, tabs.count()):
            tabs.setCurrentIndex(index)
            tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
            yield f"page {key}, tab {tabs.tabText(index)}"
        tabs.setCurrentIndex(0)
    if isinstance(page, MonitoringPage):
        page.select_measure(DIARY)
        show_with_keyboard_on_page(window, key)
        yield f"page {key}, the diary"


def test_tab_goes_round_every_page_of_the_main_window(active, qtbot):
    walker = Walker(qtbot)
    for key in active.page_keys:
        for view in views(active, key):
            found = walker.walk(active, view)
            assert len(found.visited) > 3, found  # the sections, the search box, the page's own controls
    assert len(walker.rounds) >= len(active.page_keys) + 5  # the measurements' other tabs and diary too
    assert walker.problems() == {}, report(walker.problems())


def test_no_list_of_any_page_keeps_tab_for_itself_shown_or_not(active):
    """Beside the rounds, which see what is shown: every list and table a page has, in any state."""
    keeping = {key: [view.accessibleName() or type(view).__name__ for view in page.findChildren(QAbstractItemView)
                     if view.tabKeyNavigation()]
               for key in active.page_keys if (page := active.page(key)) is not None}
    assert {key: views for key, views in keeping.items() if views} == {}


def test_tab_goes_round_the_search_results(active, qtbot):
    """Passing the section list with Tab leaves the results in view (no section is chosen while they are)."""
    qtbot.keyClick(active, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "hydrocortison")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is active.search_page.table
    found = Walker(qtbot).walk(active, "search results")
    assert active.pages.currentWidget() is active.search_page, "the results are still there"
    assert found.problems() == {}


# The offscreen platform cannot raise a window nor let a popup (the calendar) grab the keyboard; a screen can.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_tab_goes_round_every_dialog_of_the_pages(active, qtbot):
    walker = Walker(qtbot)
    for key in active.page_keys:
        for _view in views(active, key):
            press_every_button(active.pages.currentWidget(), walker,
                               skip=lambda button: bool(NOT_PRESSED.search(button.text())))
    kinds = {name.split(" '")[0] for name in walker.walked()}
    assert {"EntryDialog", "QuickEntryDialog", "ImportWizard", "DocumentViewer", "CalendarPopup (a popup)"} <= kinds
    titles = {name.split(" '")[1].rstrip("'") for name in walker.walked() if " '" in name}
    assert len(titles) >= 35, walker.walked()
    assert walker.problems() == {}, report(walker.problems())


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_tab_goes_round_every_dialog_of_the_menus(active, qtbot, monkeypatch, tmp_path):
    from phr.ui.app.settings import AppSettings
    from phr.ui.app.settings_dialog import SettingsDialog

    # The controller opens the settings; here the window opens them itself.
    active.settings_requested.connect(lambda: SettingsDialog(AppSettings(tmp_path / "s.ini"), active.services,
                                                             parent=active).exec())
    walker = Walker(qtbot)
    for menu in active.menus():
        for action in menu.actions():
            if not action.isSeparator() and action not in (active.lock_action, active.switch_action,
                                                           active.quit_action):
                read_what_opens(action.trigger, walker)
    kinds = {name.split(" ")[0] for name in walker.walked()}
    assert {"QuickEntryDialog", "ImportWizard", "ExportDialog", "BackupDialog", "CarersDialog", "SettingsDialog",
            "AboutDialog"} <= kinds, walker.walked()
    assert walker.problems() == {}, report(walker.problems())


def test_tab_goes_round_the_start_window_and_its_dialogs(qtbot, tmp_path, language, create_fast):
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.start.start_window import StartWindow

    settings = AppSettings(tmp_path / "settings.ini")
    create_fast(tmp_path / "record", "Joke Bakker", PASSPHRASE).session.lock()
    settings.remember_record(tmp_path / "record")  # with a record: the list, its buttons and the unlock panel
    start = StartWindow(settings, RecordActions())
    qtbot.addWidget(start)
    start.show()
    walker = Walker(qtbot)
    walker(start)
    read_what_opens(start.unlock_panel.forgot_button.click, walker)  # before Unlock (pressed below) makes it busy
    # That one makes a record; this one empties the list.
    sample = re.compile(r"sample|voorbeeld|remove|verwijder", re.IGNORECASE)
    press_every_button(start, walker, skip=lambda button: bool(sample.search(button.text())))
    kinds = {name.split(" ")[0] for name in walker.walked()}
    assert {"StartWindow", "CreateRecordWizard", "RestoreDialog", "RecordLabelDialog", "SettingsDialog",
            "RecoveryDialog"} <= kinds, \
        walker.walked()
    assert walker.problems() == {}, report(walker.problems())


def test_tab_goes_round_each_page_of_the_new_record_wizard(qtbot, tmp_path, language, create_fast):
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.start.start_window import StartWindow

    start = StartWindow(AppSettings(tmp_path / "settings.ini"), RecordActions(create=create_fast))
    qtbot.addWidget(start)
    start.show()
    start.create_record(tmp_path / "joke.regie")
    wizard = start.wizard
    qtbot.waitUntil(lambda: wizard.isVisible())
    walker = Walker(qtbot)
    walker(wizard)
    qtbot.keyClicks(wizard.person_page.name_edit, "Joke Bakker")
    qtbot.keyClick(wizard.person_page.name_edit, Qt.Key.Key_Return)  # Next
    assert wizard.currentPage() is wizard.passphrase_page
    walker(wizard)
    for field in (wizard.passphrase_page.first, wizard.passphrase_page.second):
        qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(wizard.passphrase_page.second, Qt.Key.Key_Return)  # makes the record
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=15000)
    try:
        walker(wizard)
    finally:
        wizard.created.session.lock()
    assert len(walker.rounds) == 3
    assert walker.problems() == {}, report(walker.problems())
