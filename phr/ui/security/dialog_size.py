"""Dialog sizes that follow the text size and stay on the screen.

A width in pixels suits one text size: at 200 % text a 540-pixel dialog wrapped its words into narrow columns
whose height the dialog did not follow (the words were cut off), and a width taken from the words alone could be
wider than a 1024-pixel screen.
"""

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from phr.ui.app.desktop.window_size import SHARE, available_geometry, fitted_size

CHARACTERS = 60  # the least width in average characters of the dialog's font: lines stay readable at any size


def fit_to_screen(dialog: QWidget, least: QSize) -> None:
    """As large as the layout likes, at least `least` (pixels) and CHARACTERS wide, at most 90 % of the screen;
    then as high as the wrapped words need at that width."""
    hint = dialog.sizeHint()
    wanted = QSize(max(least.width(), hint.width(), CHARACTERS * dialog.fontMetrics().averageCharWidth()),
                   max(least.height(), hint.height()))
    dialog.resize(fitted_size(available_geometry(dialog).size(), wanted, QSize(0, 0)))
    grow_to_words(dialog)


def grow_to_words(dialog: QWidget) -> None:
    """Taller when wrapped words need more lines at the dialog's width (Qt does not grow a window for them), but
    not past 90 % of the screen unless the layout cannot do with less: a part made with `scrolling` scrolls.
    Once more after Qt has laid it out: a scroll bar that came meanwhile makes the words need more lines."""
    _grow(dialog)
    if dialog.isVisible() and dialog.findChildren(QScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly):
        QTimer.singleShot(0, dialog, lambda: _grow(dialog))


def _grow(dialog: QWidget) -> None:
    layout = dialog.layout()
    if layout is None:
        return  # still being built
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth() else \
        layout.totalSizeHint().height()
    areas = dialog.findChildren(QScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if areas and dialog.isVisible():  # laid out: what the areas lack (words below them take the areas' room)
        needed = dialog.height() + sum(max(0, _content_height(area, area.viewport().width())
                                              - area.viewport().height()) for area in areas)
    else:
        margins = layout.contentsMargins()
        inner = dialog.width() - margins.left() - margins.right()
        needed += sum(_content_height(area, inner) - area.sizeHint().height() for area in areas)
    room = int(available_geometry(dialog).height() * SHARE)
    if needed > dialog.height():
        dialog.resize(dialog.width(), max(min(needed, room), dialog.minimumHeight(), dialog.height()))


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in an area that scrolls when the screen is too low for it (large text, a small screen), without
    a frame or a focus stop of its own: the buttons below it stay in view."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def _content_height(area: QScrollArea, width: int) -> int:
    content = area.widget()
    if content is None:
        return 0
    return content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()


class WrappedText(QLabel):
    """Wrapped words that keep the height their lines need at the label's width (`least_lines` at least, from the
    start, so a window need not grow while typing). Qt grows no window for wrapped lines: at 200 % text a text set
    after the window opened was cut off. A larger minimum height, and growing the window when the text changes,
    keep every line in view."""

    def __init__(self, text: str = "", least_lines: int = 0) -> None:
        super().__init__(text)
        self._least_lines = least_lines
        self.setWordWrap(True)
        self._keep_room()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._keep_room()
        if self.isVisible():
            grow_to_words(self.window())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_room()

    def _keep_room(self) -> None:
        """Only once it is laid out: before that its width is Qt's default, not the one it will have."""
        needed = self.heightForWidth(self.width()) if self.isVisible() and self.text() else 0
        self.setMinimumHeight(max(self._least_lines * self.fontMetrics().lineSpacing(), needed))
