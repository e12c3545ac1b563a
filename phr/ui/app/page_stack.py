"""The main window's pages, each made when it is first shown.

Opening a record shows the overview; the other pages (the measurements with their charts, the timeline, the
results, ...) each query the record and import their own code when made. Made all at once, they kept a lifetime
record's main window from showing for seconds (issue 20, point 2). Until it is made, a page's place in the stack
holds an empty placeholder, so the section list, Ctrl+1 … Ctrl+0 and a search hit's link keep their row; asking for a
page (`page`, or showing its row) makes it and puts it in its place.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget

MakePage = Callable[[Any], QWidget]  # the page's key -> the page


class Placeholder(QWidget):
    """Where a page that was not shown yet will be."""


class PageStack(QStackedWidget):
    """The pages, as tall as the page shown needs (see heightForWidth), made when first shown.
    `page_made(key, page)`: a page was just made (the window connects its signals)."""

    page_made = Signal(object, QWidget)

    def __init__(self, make: MakePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._keys: list[Any] = []
        self._made: dict[Any, QWidget] = {}
        self.currentChanged.connect(self._size_to_current)

    def add_planned(self, key: Any) -> None:
        """A page to make when first shown, at the next row."""
        self._keys.append(key)
        self.insertWidget(len(self._keys) - 1, Placeholder())

    def page(self, key: Any) -> QWidget:
        """The page (made now if it was not yet)."""
        made = self._made.get(key)
        return made if made is not None else self._make_at(self._keys.index(key))

    def made(self, key: Any) -> QWidget | None:
        """The page if it was made, else None (nothing is made)."""
        return self._made.get(key)

    def made_pages(self) -> list[QWidget]:
        return list(self._made.values())

    def show_row(self, row: int) -> None:
        """Show the page at `row` of the section list, making it first."""
        if row < len(self._keys):
            self._make_at(row)
        self.setCurrentIndex(row)

    def _make_at(self, row: int) -> QWidget:
        key = self._keys[row]
        if key in self._made:
            return self._made[key]
        placeholder = self.widget(row)
        page = self._made[key] = self._make(key)
        was_shown = self.currentWidget() is placeholder
        self.insertWidget(row, page)
        if placeholder is not None:
            self.removeWidget(placeholder)
            placeholder.deleteLater()
        if was_shown:
            self.setCurrentWidget(page)
        self._size_to_current(self.currentIndex())
        self.page_made.emit(key, page)
        return page

    def _size_to_current(self, index: int) -> None:
        """The pages scroll as wide as the page shown needs: a hidden page's size does not count (a stack is as
        large as its largest page, so at 200 % text the widest one made every page scroll sideways)."""
        for number in range(self.count()):
            page = self.widget(number)
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)

    def heightForWidth(self, width: int) -> int:
        """Qt's stack answers the scroll area's "how tall at this width" with its tallest page, hidden ones
        included: every page scrolled as far as the overview's cards reach."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        return page.heightForWidth(width) if page.hasHeightForWidth() else page.minimumSizeHint().height()
