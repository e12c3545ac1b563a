"""Alt+letter does one thing in every window, dialog and menu, in English and Dutch; and a key given to a
button never takes its Alt-letter away (a button's setShortcut replaces the mnemonic Qt made from its text).

The dialogs are opened as a user opens them: every menu item of the main window and every button of every
page and of the start window is pressed, and each window that opens is read and closed without saving.
"""

import re
from collections import Counter
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
# Menu items that end the session under the walk, or that only start work elsewhere.
NOT_PRESSED = re.compile(r"lock|vergrendel|switch|ander dossier|quit|afsluiten", re.IGNORECASE)


def letter(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def letters_of(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt-letter a user can press in `window` now: buttons, labels with a buddy,
    group boxes and tabs that are shown."""
    found = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window):
            continue
        if isinstance(child, QAbstractButton) or (isinstance(child, QLabel) and child.buddy() is not None):
            texts = [child.text()]
        elif isinstance(child, QGroupBox):
            texts = [child.title()]
        elif isinstance(child, QTabBar):
            texts = [child.tabText(i) for i in range(child.count()) if child.isTabVisible(i)]
        else:
            continue
        found += [(letter(text), text) for text in texts if letter(text)]
    return found


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(key for key, _text in found)
    return {key: sorted(text for k, text in found if k == key) for key, count in counts.items() if count > 1}


def lost_letters(window: QWidget) -> list[str]:
    """Buttons whose Alt-letter was replaced by another key."""
    return [button.text() for button in window.findChildren(QAbstractButton)
            if letter(button.text()) and button.shortcut() != QKeySequence.mnemonic(button.text())]


class Walk:
    """What the walk found: per window title, the Alt-letters used twice, and buttons without their letter."""

    def __init__(self) -> None:
        self.read: list[str] = []
        self.clashes: dict[str, dict[str, list[str]]] = {}
        self.lost: dict[str, list[str]] = {}

    def read_window(self, window: QWidget, extra: list[tuple[str, str]] | None = None) -> None:
        name = f"{type(window).__name__} '{window.windowTitle()}'"
        self.read.append(name)
        found = clashes(letters_of(window) + (extra or []))
        if found:
            self.clashes[name] = found
        if lost_letters(window):
            self.lost[name] = lost_letters(window)

    def read_what_opens(self, trigger) -> int:
        """Run `trigger`; read and close every window it opens (modal ones while `trigger` waits for them)."""
        before = set(QApplication.topLevelWidgets())
        opened = []

        def look() -> None:
            modal = QApplication.activeModalWidget()
            if modal is not None and modal not in before and len(opened) < 6:
                before.add(modal)
                opened.append(modal)
                self.read_window(modal)
                close(modal)

        timer = QTimer()
        timer.timeout.connect(look)
        timer.start(10)
        try:
            trigger()
        finally:
            timer.stop()
        for window in QApplication.topLevelWidgets():
            if window not in before and window.isVisible() and not isinstance(window, QMenu):
                opened.append(window)
                self.read_window(window)
                close(window)
        return len(opened)

    def press_buttons(self, widget: QWidget, skip: re.Pattern[str] = NOT_PRESSED) -> int:
        """Press every push and tool button of `widget` a user can press now; returns how many opened a window."""
        opened = 0
        for button in buttons_of(widget, skip):
            if isValid(button) and button.isEnabled() and button.isVisibleTo(widget.window()):
                select_first_rows(widget)
                opened += bool(self.read_what_opens(button.click))
        return opened


def close(window: QWidget) -> None:
    if isinstance(window, QMessageBox):
        (window.escapeButton() or window.buttons()[-1]).click()
    elif isinstance(window, QDialog):
        window.reject()
    else:
        window.close()


def buttons_of(widget: QWidget, skip: re.Pattern[str]) -> list[QAbstractButton]:
    return [button for button in widget.findChildren(QAbstractButton)
            if isinstance(button, (QPushButton, QToolButton)) and button.isEnabled()
            and button.isVisibleTo(widget.window()) and not skip.search(button.text())]


def select_first_rows(widget: QWidget) -> None:
    """With a row chosen, Change… and Delete are enabled too."""
    for table in widget.findChildren(QTableView):
        model = table.model()
        if model is not None and model.rowCount() > 0 and not table.selectionModel().hasSelection():
            table.selectRow(0)


@pytest.fixture(params=["en", "nl"])
def language(request, qapp):
    """The app's translators, Qt's own too (a wizard's Next, a message box's buttons are Qt's words)."""
    from phr.ui.app.i18n import install_translators

    before = QLocale()
    translators = install_translators(qapp, request.param)
    assert len(translators) == (2 if request.param == "nl" else 0)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot, services, language):
    from phr.demo.sample_record import fill_sample_record
    from phr.ui.app.main_window import MainWindow

    fill_sample_record(services, date(2026, 11, 22))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close_for_lock()


def menu_bar_letters(window) -> list[tuple[str, str]]:
    return [(letter(action.text()), action.text()) for action in window.menuBar().actions() if letter(action.text())]


def test_the_menu_bar_and_each_menu_use_each_letter_once(window):
    menus = {"menu bar": menu_bar_letters(window)}
    for menu in window.menus():
        menus[menu.title()] = [(letter(action.text()), action.text()) for action in menu.actions()
                               if letter(action.text())]
    assert len(menus) == 4  # the bar, Record, View, Help
    assert [action.text() for menu in window.menus() for action in menu.actions()
            if not action.isSeparator() and not letter(action.text())] == [], "every item has a letter"
    assert {name: clashes(found) for name, found in menus.items() if clashes(found)} == {}


def test_every_page_and_the_dialogs_its_buttons_open_use_each_letter_once(window, qtbot):
    walk = Walk()
    opened = 0
    for key in window.page_keys:
        window.show_page(key)
        page = window.pages.currentWidget()
        walk.read_window(page, menu_bar_letters(window))  # the menu bar's letters work on every page
        opened += walk.press_buttons(page)
    assert opened >= 25, walk.read  # every page's Add and Change at least
    assert walk.clashes == {}
    assert walk.lost == {}


def test_every_dialog_of_the_menus_uses_each_letter_once(window, monkeypatch, tmp_path):
    from phr.ui.app import main_window
    from phr.ui.app.settings import AppSettings
    from phr.ui.app.settings_dialog import SettingsDialog
    from phr.ui.security.carers_dialog import CarersDialog

    # The controller opens the settings; here the window opens them itself.
    window.settings_requested.connect(lambda: SettingsDialog(AppSettings(tmp_path / "s.ini"), window.services,
                                                             parent=window).exec())
    monkeypatch.setattr(main_window, "open_fhir_import", lambda parent, *args: walk.read_window(parent))
    walk = Walk()
    actions = [action for menu in window.menus() for action in menu.actions()
               if not action.isSeparator() and not NOT_PRESSED.search(action.text())]
    for action in actions:
        walk.read_what_opens(action.trigger)
    # A level further: what the carers and settings dialogs open.
    for dialog in (CarersDialog(window.services.session, window),
                   SettingsDialog(AppSettings(tmp_path / "s.ini"), window.services, parent=window)):
        dialog.show()
        walk.press_buttons(dialog)
        dialog.reject()
    kinds = {name.split(" ")[0] for name in walk.read}
    assert {"QuickEntryDialog", "ImportWizard", "ExportDialog", "PrintChoiceDialog", "BackupDialog", "CarersDialog",
            "SettingsDialog", "ShortcutsDialog", "AboutDialog", "AddCarerDialog", "PassphraseDialog",
            "NewRecoveryCodeDialog"} <= kinds, walk.read
    assert walk.clashes == {}
    assert walk.lost == {}


def test_the_start_window_and_its_dialogs_use_each_letter_once(qtbot, tmp_path, language):
    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.start.start_window import StartWindow

    settings = AppSettings(tmp_path / "settings.ini")
    (tmp_path / "record").mkdir()
    settings.remember_record(tmp_path / "record")  # with a record: the list, its buttons and the unlock panel
    window = StartWindow(settings, RecordActions())
    qtbot.addWidget(window)
    window.show()
    walk = Walk()
    walk.read_window(window)
    assert len(letters_of(window)) >= 10
    # Not the sample record (it makes one) nor Remove from list.
    assert walk.press_buttons(window, re.compile(r"sample|voorbeeld|remove|verwijder", re.IGNORECASE)) >= 5
    assert walk.clashes == {}
    assert walk.lost == {}


def test_on_the_start_window_both_ctrl_n_and_alt_n_make_a_new_record(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from phr.ui.app.record_actions import RecordActions
    from phr.ui.app.settings import AppSettings
    from phr.ui.start.start_window import StartWindow

    window = StartWindow(AppSettings(tmp_path / "settings.ini"), RecordActions())
    qtbot.addWidget(window)
    window.show()
    for modifier in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_N, modifier)
        qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.isVisible())
        window.wizard.reject()
        qtbot.waitUntil(lambda: window.wizard is None)
