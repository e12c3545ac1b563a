"""The list of sections in the main window, each with its icon and its key (Ctrl+1 … Ctrl+0 for the first ten)
at the right.

The key is drawn in the item's own text colour (the selected item's too), so it reads in every theme, where
it fits beside the name: the list keeps the width of the names, so the pages keep theirs on a 1024-pixel
screen, and a long name goes without it on screen. The item's text stays the section's name alone (screen
readers, search); the key is in its tooltip and accessible description too, and under Help → Keyboard shortcuts.

When the names would take more than a quarter of the window (large text on a small screen: at 200 % on a 1024-pixel
screen they took 390 pixels and every page scrolled sideways), the list shows the icons alone, each name in its
tooltip and still its item's text; the page title says where you are.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFocusEvent, QIcon, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from phr.ui.widgets.icons import text_icon_size
from phr.ui.widgets.type_scale import HEADING, font_at

SECTION_KEYS = 10  # Ctrl+1 … Ctrl+9, then Ctrl+0
KEY_ROLE = Qt.ItemDataRole.UserRole + 20
_GAP = 16
_COMPACT_SHARE = 0.25  # the names may take at most this share of the window's width


def section_key(row: int) -> QKeySequence | None:
    """Ctrl+1 for the first section … Ctrl+0 for the tenth; None after that."""
    return QKeySequence(f"Ctrl+{(row + 1) % 10}") if 0 <= row < SECTION_KEYS else None


def key_text(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)  # '⌘1' on a Mac


def first_stop(page: QWidget) -> QWidget | None:
    """The first widget inside `page` that Tab would reach: where the keyboard goes on opening a section."""
    widget = page.nextInFocusChain()
    while widget is not page and widget is not None:
        if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            return widget
        widget = widget.nextInFocusChain()
    return None


class SectionList(QListWidget):
    """At the heading size of the type scale, each name after its icon: the way around the record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = False
        self._window_width = 0
        self.setItemDelegate(SectionKeyDelegate(self))
        self.setSpacing(3)
        self.fit_font()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Tab passing through the list leaves it as it was: with the search results shown no section is chosen,
        and Qt's list would make its first row current as it gets the keyboard (showing the overview instead)."""
        if self.currentRow() >= 0:
            super().focusInEvent(event)
            return
        blocked = self.blockSignals(True)
        super().focusInEvent(event)
        self.setCurrentRow(-1)
        self.blockSignals(blocked)

    def fit_font(self) -> None:
        """After the text size changed (the main window calls this): the list and its icons follow it."""
        self.setFont(font_at(HEADING, base=self.font()))
        self.setIconSize(text_icon_size(self))
        self.fit_width()

    def fit_width(self) -> None:
        """Every name stays readable: never narrower than the widest, at any text size; or icons alone when the
        names would crowd the page out."""
        self.compact = False
        width = self.fitting_width()
        if self._window_width and width > self._window_width * _COMPACT_SHARE:
            self.compact = True
            width = self.fitting_width()
        self.setMinimumWidth(width)
        self.setMaximumWidth(width if self.compact else max(width, 220))
        self.viewport().update()

    def fit_window(self, window_width: int) -> None:
        """The main window tells its width when it changes: names or icons alone."""
        if window_width != self._window_width:
            self._window_width = window_width
            self.fit_width()

    def add_section(self, title: str, icon: QIcon | None = None) -> QListWidgetItem:
        item = QListWidgetItem(icon, title) if icon is not None else QListWidgetItem(title)
        keys = section_key(self.count())
        if keys is not None:
            item.setData(KEY_ROLE, key_text(keys))
            item.setToolTip(f"{title} ({key_text(keys)})")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, key_text(keys))
        self.addItem(item)
        self.fit_width()
        return item

    def fitting_width(self) -> int:
        """Wide enough for the longest name, in the current font."""
        return self.sizeHintForColumn(0) + 2 * self.frameWidth() + self.spacing() * 2 + 12


class SectionKeyDelegate(QStyledItemDelegate):
    def _compact(self) -> bool:
        return bool(getattr(self.parent(), "compact", False))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if self._compact():
            return QSize(option.decorationSize.width() + 24, size.height())
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if self._compact():
            self._paint_icon_alone(painter, option, index)
            return
        super().paint(painter, option, index)
        keys = index.data(KEY_ROLE)
        metrics = option.fontMetrics
        icon = option.decorationSize.width() + 6 if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
        room = (option.rect.width() - icon - metrics.horizontalAdvance(str(index.data(Qt.ItemDataRole.DisplayRole)))
                - 16)
        if not keys or metrics.horizontalAdvance(str(keys)) + _GAP > room:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(0, 0, -8, 0)
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.setFont(option.font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(keys))
        painter.restore()


    def _paint_icon_alone(self, painter: QPainter, option: QStyleOptionViewItem,
                          index: QModelIndex | QPersistentModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.text = ""
        shown.showDecorationSelected = True  # one highlight over the whole item, not a second one round the icon
        shown.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDisplay
        shown.decorationAlignment = Qt.AlignmentFlag.AlignCenter
        shown.displayAlignment = Qt.AlignmentFlag.AlignCenter
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)
