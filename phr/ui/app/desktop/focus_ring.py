"""A clearly visible focus indicator everywhere: a 2-pixel ring in the palette's Highlight colour.

Fusion marks focus with a faint 1-pixel line. A style sheet could draw a thicker border, but a border rule
switches a button or combo box to style-sheet drawing and loses Fusion's look in every theme. One QFocusFrame
follows the focus instead: Qt keeps it on top of the focused widget, in that widget's parent (so a scroll
area clips it), and it draws outside the widget, leaving the widget's own look alone.
"""

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

RING = 2  # pixels: the least WCAG 2.2 asks of a focus indicator
RINGED = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit,
          QAbstractSlider, QTabBar)


class FocusRing(QFocusFrame):
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), RING)
        painter.setPen(pen)
        inset = RING / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 3, 3)


class FocusRings(QObject):
    """Moves the ring to whichever widget gets the keyboard focus, in every window of the app."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        ring = self._ring if self._ring is not None and isValid(self._ring) else None  # gone with its parent?
        if new is None or not ringed(new):
            if ring is not None:
                ring.setWidget(None)  # type: ignore[arg-type]  # None lets go of the widget (Qt's documented use)
            return
        if ring is None:
            ring = self._ring = FocusRing()
        ring.setWidget(new)
        ring.show()

    def stop(self) -> None:
        """No ring any more (tests that need widgets exactly as built)."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._follow)
        if self._ring is not None and isValid(self._ring):
            self._ring.setWidget(None)  # type: ignore[arg-type]
            self._ring.deleteLater()
        self._ring = None
        self.deleteLater()

    @property
    def ringed_widget(self) -> QWidget | None:
        return self._ring.widget() if self._ring is not None and isValid(self._ring) else None


def ringed(widget: QWidget) -> bool:
    """Controls in a window, not the lists inside a popup (a combo box's open list, a completer)."""
    if not isinstance(widget, RINGED) or widget.isWindow() or widget.parentWidget() is None:
        return False
    return widget.window().windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def install_focus_rings(app: QApplication) -> FocusRings:
    """Once per application; returns the follower (a child of the application, kept alive by it)."""
    existing = app.findChild(FocusRings)
    return existing if isinstance(existing, FocusRings) else FocusRings(app)
