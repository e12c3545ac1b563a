"""Help → Keyboard shortcuts: every key the main window answers to, read from its actions (so the list cannot
drift from what the keys do), and the keys every window shares."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from phr.ui.app.desktop.section_list import key_text
from phr.ui.app.desktop.window_size import available_geometry

translate = QCoreApplication.translate
Row = tuple[str, str]  # (keys, what they do)


def action_rows(actions: list[QAction]) -> list[Row]:
    """One row per action with keys, in the order given; its menu text without the Alt-letter marker."""
    rows = []
    for action in actions:
        shortcuts = [key_text(keys) for keys in action.shortcuts() if not keys.isEmpty()]
        if shortcuts and action.text():
            rows.append((", ".join(shortcuts), plain(action.text())))
    return rows


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shared_rows() -> list[Row]:
    """Keys of every window and page, handled by Qt or by each page itself."""
    def keys(standard: QKeySequence.StandardKey) -> str:
        return key_text(QKeySequence(standard))
    return [
        (translate("Shortcuts", "Tab, Shift+Tab"), translate("Shortcuts", "Next or previous field, list or button")),
        (translate("Shortcuts", "Arrow keys"), translate("Shortcuts", "Move within a list, table or choice")),
        (translate("Shortcuts", "Alt+underlined letter"),
         translate("Shortcuts", "The button, field or menu with that letter underlined")),
        (translate("Shortcuts", "Enter"), translate("Shortcuts", "Open the chosen entry, or press the main button")),
        (translate("Shortcuts", "Ctrl+Enter"), translate("Shortcuts", "Save the form, also from a text of several lines")),
        (translate("Shortcuts", "Escape"), translate("Shortcuts", "Close the window or dialog without saving")),
        (keys(QKeySequence.StandardKey.New), translate("Shortcuts", "Add an entry on this page")),
        (keys(QKeySequence.StandardKey.Delete), translate("Shortcuts", "Delete the chosen entry")),
        (keys(QKeySequence.StandardKey.Undo), translate("Shortcuts", "Bring back what was just deleted")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        self.rows = action_rows(actions) + shared_rows()
        intro = QLabel(translate("Shortcuts", "Everything in Regie can be done with the keyboard. These keys work "
                                              "in the window of an open record:"))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 2)
        self.table.setHorizontalHeaderLabels([translate("Shortcuts", "Keys"), translate("Shortcuts", "What they do")])
        self.table.setAccessibleName(translate("Shortcuts", "Keyboard shortcuts"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (keys, meaning) in enumerate(self.rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(meaning))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        room = available_geometry(self)
        self.resize(min(620, int(room.width() * 0.9)), min(640, int(room.height() * 0.9)))
        self.table.setFocus()


def open_shortcuts_dialog(parent: QWidget | None, actions: list[QAction]) -> None:
    dialog = ShortcutsDialog(actions, parent)
    dialog.exec()
    dialog.deleteLater()
