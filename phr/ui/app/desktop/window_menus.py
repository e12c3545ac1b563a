"""The main window's View and Help menus and its section keys: what every desktop app has, kept out of the
window's own module (which arranges the record's pages)."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from phr.ui.app.desktop.section_list import SectionList, section_key
from phr.ui.app.desktop.shortcuts_dialog import open_shortcuts_dialog
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate


def text_size_actions(window: QMainWindow, step: Callable[[int], None]) -> list[QAction]:
    """Larger (Ctrl++, also Ctrl+= where + needs Shift), smaller (Ctrl+-) and normal text. Normal has no key:
    Ctrl+0, the browsers' key for it, goes to the tenth section (View → Normal text size, Alt+V then N)."""
    larger = QAction(translate("MainWindow", "&Larger text"), window)
    larger.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
    larger.triggered.connect(lambda: step(1))
    smaller = QAction(translate("MainWindow", "&Smaller text"), window)
    smaller.setShortcut(QKeySequence.StandardKey.ZoomOut)  # Ctrl+- (not also a keyboard's own Zoom Out key)
    smaller.triggered.connect(lambda: step(-1))
    normal = QAction(translate("MainWindow", "&Normal text size"), window)
    normal.triggered.connect(lambda: step(0))
    return [larger, smaller, normal]


def section_actions(window: QMainWindow, sections: SectionList, go: Callable[[int], None]) -> list[QAction]:
    """Ctrl+1 … Ctrl+0: the first ten sections of the list, wherever the focus is in the window."""
    actions = []
    for row in range(sections.count()):
        keys, item = section_key(row), sections.item(row)
        if keys is None or item is None:
            break
        action = QAction(fill(translate("MainWindow", "Go to %1"), item.text()), window)
        action.setShortcut(keys)
        action.triggered.connect(lambda _checked=False, row=row: go(row))
        window.addAction(action)
        actions.append(action)
    return actions


def help_actions(window: QMainWindow, shortcut_actions: Callable[[], list[QAction]],
                 about: Callable[[], None]) -> list[QAction]:
    keys = QAction(translate("MainWindow", "&Keyboard shortcuts"), window)
    keys.setShortcut(QKeySequence.StandardKey.HelpContents)
    keys.triggered.connect(lambda: open_shortcuts_dialog(window, shortcut_actions()))
    about_regie = QAction(translate("MainWindow", "&About Regie"), window)
    about_regie.setMenuRole(QAction.MenuRole.AboutRole)
    about_regie.triggered.connect(about)
    about_qt = QAction(translate("MainWindow", "About &Qt"), window)
    about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
    about_qt.triggered.connect(lambda: QMessageBox.aboutQt(window))
    return [keys, about_regie, about_qt]
