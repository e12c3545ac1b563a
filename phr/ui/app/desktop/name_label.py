"""The person's name in the main window's toolbar: whose record is open, in view at any width."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from phr.ui.widgets.type_scale import TITLE, font_at


class NameLabel(QLabel):
    """The person's name, large and bold. A long name is shortened on screen ("…") when the window is narrow,
    never pushed out of view: a toolbar moves a widget that cannot shrink enough into its overflow menu.
    text() is always the full name (screen readers, tests); the tooltip and the window title show it too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(8, 4, 8, 4)
        self.fit_font()

    def fit_font(self) -> None:
        self.setFont(font_at(TITLE, bold=True, base=self.font()))  # the scale's title step, as a page's title

    def minimumSizeHint(self) -> QSize:
        # The toolbar shrinks a widget down to this before it moves it into its overflow menu.
        return QSize(min(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("MMMMMMMM…") + 16),
                     super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
