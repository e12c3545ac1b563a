"""Room for a chart at any text size: a plot some lines of text high, its words never squeezed under it, and
period buttons that do not move when the chosen one turns bold.

At 200 % text a layout that is given less height than it needs overlaps its parts; Qt only knows how tall
wrapped words are at a given width (height for width), which the tabs and splitter above a chart do not pass
on. So a chart asks its own layout at its own width and makes that its least height: the page above it then
scrolls instead.
"""

from collections.abc import Iterable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLayout, QPushButton

PLOT_LINES = 16  # the plot is at least this many lines of text high (about 250 pixels at the usual size)


def plot_height(line_spacing: int) -> int:
    return PLOT_LINES * line_spacing


def needed_height(layout: QLayout, width: int) -> int:
    """The least height of a vertical layout at `width`: wrapped words as many lines as they take there, every
    other part its least height."""
    margins = layout.contentsMargins()
    inner = width - margins.left() - margins.right()
    heights = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None or item.isEmpty():
            continue
        heights.append(item.heightForWidth(inner) if item.hasHeightForWidth() else item.minimumSize().height())
    spacing = max(layout.spacing(), 0) * max(len(heights) - 1, 0)
    return sum(heights) + spacing + margins.top() + margins.bottom()


def bold(on: bool) -> QFont:
    """A font that sets only boldness (or nothing): size and family still follow the application's."""
    font = QFont()
    if on:
        font.setBold(True)
    return font


def fit_bold(buttons: Iterable[QPushButton]) -> None:
    """Each button at least as wide as its words in bold, so checking one (bold) moves nothing."""
    for button in buttons:
        button.setMinimumWidth(0)
        checked = button.font().bold()
        button.setFont(bold(True))
        button.setMinimumWidth(button.sizeHint().width())
        button.setFont(bold(checked))
