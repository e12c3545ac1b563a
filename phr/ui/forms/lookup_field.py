"""Look up a name in a published list (Orphanet diseases, HPO symptoms) as you type, and pick one.

The list loads once per run of the app, off the GUI thread (phr.reference loads it in a separate process:
building it holds Python's interpreter lock for about a second). Until it is there, the field says it is
loading and typing goes on; the search runs as soon as the list is there. Each search runs on the GUI thread:
it takes a few milliseconds.

Keyboard: type, Down and Up move through the matches while the cursor stays in the text, Enter picks the
highlighted match (the first when none is highlighted), Escape closes the matches. A mouse click picks too.
"""

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from phr.reference import orphanet
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.forms.entry_dialog import EntryDialog

translate = QCoreApplication.translate

MATCHES_SHOWN = 20
ROWS_VISIBLE = 6


class Match(Protocol):
    @property
    def label(self) -> str: ...


class ReferenceLoader(QObject):
    """Loads the Orphanet and HPO names once, off the GUI thread; `ready` says when they can be searched."""

    ready = Signal()
    failed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[BackgroundTask] = []
        tasks = self._tasks
        # A dialog closed while loading: the names still load for next time, nobody here is told.
        self.destroyed.connect(lambda *_: abandon_all(tasks))

    @staticmethod
    def is_ready() -> bool:
        return orphanet.is_loaded()

    def start(self) -> None:
        if self.is_ready() or self._tasks:
            return
        run_in_background(lambda: orphanet.load(apart=True), lambda _: self.ready.emit(),
                          lambda _error: self.failed.emit(), self._tasks)


class LookupField(QWidget):
    """A search line, the matches under it, and a line that says what is going on."""

    picked = Signal(object)  # the Match chosen

    def __init__(self, search: Callable[[str], Sequence[Match]], loader: ReferenceLoader, texts: dict[str, str],
                 parent: QWidget | None = None) -> None:
        """`texts`: 'name' (for screen readers), 'placeholder', 'loading', 'matches' (the list's name),
        'picked' (with %1 for the match)."""
        super().__init__(parent)
        self._search = search
        self._texts = texts
        self._shown: list[Match] = []
        self._build()
        self._loader = loader
        loader.ready.connect(self._on_ready)
        loader.failed.connect(self._on_failed)
        loader.start()

    def _build(self) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self._texts["placeholder"])
        self.edit.setAccessibleName(self._texts["name"])
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._on_text)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self._texts["matches"])
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the text; arrows move here
        # Long names wrap: what tells two of them apart is often at the end ("… due to 11-beta-… deficiency").
        self.matches.setWordWrap(True)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.matches.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.matches.itemClicked.connect(lambda item: self._pick(self.matches.row(item)))
        self.matches.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)  # "Filled in: " and a long disease name must not widen the form
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in (self.edit, self.matches, self.status):
            column.addWidget(widget)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(self.edit.focusPolicy())  # for a label's Alt-letter (Qt 6 passes it on to the line)

    # --- searching ------------------------------------------------------------------------------

    def _on_text(self, text: str) -> None:
        if not text.strip():
            self._show([])
            self._say("")
        elif not self._loader.is_ready():
            self._say(self._texts["loading"])  # the search runs when the list is there
        else:
            self._show(list(self._search(text))[:MATCHES_SHOWN])
            self._say(self._count_text())

    def _on_ready(self) -> None:
        if self.edit.text().strip():
            self._on_text(self.edit.text())

    def _on_failed(self) -> None:
        self._say(translate("Lookup", "The list could not be loaded."))

    def _count_text(self) -> str:
        if not self._shown:
            return translate("Lookup", "Nothing found. Try fewer letters or another word.")
        return translate("Lookup", "%n found: choose with the arrow keys and Enter, or click.", "", len(self._shown))

    def _show(self, found: list[Match]) -> None:
        self._shown = found
        self.matches.clear()
        for match in found:
            item = QListWidgetItem(match.label)
            item.setToolTip(match.label)  # a long name is shortened in the list, whole here
            self.matches.addItem(item)
        if found:  # room for the first ROWS_VISIBLE names as they wrap; longer lists scroll
            self.matches.setFixedHeight(self._rows_height(found[:ROWS_VISIBLE]) + 2 * self.matches.frameWidth())
        self.matches.setVisible(bool(found))

    def _rows_height(self, shown: list[Match]) -> int:
        """The height of these names, each wrapped at the list's width (the line's width before the list shows)."""
        width = max(self.matches.viewport().width(), self.edit.width()) - 8
        metrics = self.matches.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        return sum(metrics.boundingRect(QRect(0, 0, width, 10_000), flags, match.label).height() + 4
                   for match in shown)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.edit.setAccessibleDescription(text)

    # --- keyboard -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._on_key(event.key())
        return super().eventFilter(watched, event)

    def _on_key(self, key: int) -> bool:
        """True when the key was for the matches (so the dialog does not also save or close on it)."""
        if not self._shown:  # Enter while searching must not save the form; Escape first empties the search
            if key == Qt.Key.Key_Escape and self.edit.text():
                self.edit.clear()
                return True
            return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(self.edit.text().strip())
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self._highlight(min(max(self.matches.currentRow() + step, 0), len(self._shown) - 1))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick(max(self.matches.currentRow(), 0))
            return True
        if key == Qt.Key.Key_Escape:
            self._show([])
            self._say("")
            return True
        return False

    def _highlight(self, row: int) -> None:
        self.matches.setCurrentRow(row)
        self.matches.scrollToItem(self.matches.item(row))
        label = self._shown[row].label
        self.edit.setAccessibleDescription(label)
        if QAccessible.isActive():  # a screen reader reads the highlighted match, as in a combo box's list
            event = QAccessibleEvent(self.matches, QAccessible.Event.Focus)
            event.setChild(row)
            QAccessible.updateAccessibility(event)

    def _pick(self, row: int) -> None:
        match = self._shown[row]
        self.edit.blockSignals(True)  # clearing is no new search
        self.edit.clear()
        self.edit.blockSignals(False)
        self._show([])
        self._say(self._texts["picked"].replace("%1", match.label))
        self.picked.emit(match)


def add_first_row(dialog: EntryDialog[Any], label: str, widget: QWidget) -> None:
    """A row above the dialog's first field that edits nothing itself (a look-up that fills other fields).

    A widget added now joins the end of the Tab order, after Save and Cancel; the order is a circle, so from
    there Tab goes on to the form's first field. Starting in this row makes the circle follow the form."""
    form = dialog.findChild(QFormLayout)
    assert form is not None
    title = QLabel(label)
    title.setBuddy(widget)
    form.insertRow(0, title, widget)
    area = dialog.findChild(QScrollArea)
    if area is not None:  # its frame is invisible: as a stop of its own, Tab would seem to go nowhere
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setFocus()


def fit_to_screen(dialog: QWidget) -> None:
    """No taller than the screen it opens on (1024×768 too): the form scrolls instead."""
    screen = dialog.screen()
    if screen is not None:
        room = screen.availableGeometry().height() - 80  # the window's title bar and a margin
        dialog.resize(dialog.width(), max(min(dialog.height(), room), 300))
