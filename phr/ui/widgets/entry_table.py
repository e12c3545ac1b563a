"""A table model over a section's entries, fetched page by page as the view scrolls."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

PAGE_SIZE = 200
T = TypeVar("T")
ModelIndex = QModelIndex | QPersistentModelIndex


class Identified(Protocol):
    """An entry of the record: it has an id once stored."""

    @property
    def id(self) -> int | None: ...


I = TypeVar("I", bound=Identified)


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    value: Callable[[T], str]


class EntryTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], fetch: Callable[[int, int], Sequence[T]],
                 parent: QObject | None = None) -> None:
        """`fetch(offset, limit)` returns the next entries in display order."""
        super().__init__(parent)
        self._columns = columns
        self._fetch = fetch
        self._items: list[T] = []
        self._complete = False

    def reload(self) -> None:
        self.beginResetModel()
        self._items = list(self._fetch(0, PAGE_SIZE))
        self._complete = len(self._items) < PAGE_SIZE
        self.endResetModel()

    def clear(self) -> None:
        """Drop every entry held (when the record locks)."""
        self.beginResetModel()
        self._items, self._complete = [], True
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:
        more = self._fetch(len(self._items), PAGE_SIZE)
        self._complete = len(more) < PAGE_SIZE
        if more:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(more) - 1)
            self._items.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._columns[index.column()].value(self._items[index.row()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def item(self, row: int) -> T | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self: "EntryTableModel[I]", item_id: int) -> int:
        """The row of an entry, fetching further pages if needed; -1 if it is not in the list."""
        while True:
            for row, item in enumerate(self._items):
                if item.id == item_id:
                    return row
            if self._complete:
                return -1
            self.fetchMore()


def entry_table_view(model: QAbstractTableModel, accessible_name: str) -> QTableView:
    """A read-only, row-selecting table over `model`: Enter or a double-click 'activates' a row. The arrow keys
    move between rows; Tab leaves the table (Qt's default walks its cells and wraps round: a keyboard trap)."""
    view = QTableView()
    view.setTabKeyNavigation(False)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view
