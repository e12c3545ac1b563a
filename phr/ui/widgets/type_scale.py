"""One type scale for the whole app: every size is a factor of the application font.

The text-size setting (View → Larger text) changes the application font; a size set here follows it, so one
setting scales every title and heading with the text. Rich text keeps the same steps on its own: Qt draws
<h2> at 1.5 and <h3> at 1.2 times the font of the widget it is in (phr.ui.text.formatting.heading).
"""

from typing import cast

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

TITLE = 1.5    # a page's title (<h2>): the person's name on the overview
HEADING = 1.2  # a part of a page (<h3>): a card of the overview, the section list
BODY = 1.0     # the text itself: the application font
SMALL = 0.9    # a note under something, never what must be read


def font_at(factor: float, bold: bool = False, base: QFont | None = None) -> QFont:
    """`base` (the application font when None) at `factor` times the application font's size now."""
    font = QFont(base if base is not None else QApplication.font())
    font.setPointSizeF(round(QApplication.font().pointSizeF() * factor, 1))
    font.setBold(bold)
    return font


class _Follower(QObject):
    """Sets a widget's font at a step of the scale, and again whenever the application font changes (Qt tells
    only windows so, and a font set on a widget no longer follows its parent's: the application says it)."""

    def __init__(self, widget: QWidget, factor: float, bold: bool) -> None:
        super().__init__(widget)
        self._widget, self.factor, self.bold = widget, factor, bold
        _application().fontChanged.connect(self._font_changed)  # gone with the follower: a slot of its own
        self.apply()

    @Slot(QFont)
    def _font_changed(self, _font: QFont) -> None:
        self.apply()

    def apply(self) -> None:
        self._widget.setFont(font_at(self.factor, self.bold))


def _application() -> QGuiApplication:
    return cast(QGuiApplication, QGuiApplication.instance())  # there is one whenever there are widgets


def set_type(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Show the widget's text at a step of the scale (TITLE, HEADING, BODY, SMALL), at every text size."""
    for old in widget.findChildren(_Follower, options=Qt.FindChildOption.FindDirectChildrenOnly):
        _application().fontChanged.disconnect(old._font_changed)
        old.setParent(None)
        old.deleteLater()
    _Follower(widget, factor, bold)


def type_factor(widget: QWidget) -> float | None:
    """The step of the scale a widget was given (None: it follows its parent's font)."""
    followers = widget.findChildren(_Follower, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return followers[-1].factor if followers else None
