"""The text-size setting: the application font, as a percentage of the desktop's own size.

Every widget that does not set a size of its own follows the application font, so one change reaches every
window, dialog and menu at once. Sizes of their own (the person's name, headings) are set relative to it.
"""

from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication

from phr.ui.app.settings import TEXT_SIZES

NORMAL = 100
_DESKTOP_SIZE = "regie_desktop_point_size"  # kept on the application: the size before Regie changed it


def desktop_point_size(app: QApplication) -> float:
    """The desktop's own text size in points, as it was before the first change."""
    kept = app.property(_DESKTOP_SIZE)
    if isinstance(kept, float) and kept > 0:
        return kept
    font = QApplication.font()
    size = font.pointSizeF() if font.pointSizeF() > 0 else QFontInfo(font).pointSizeF()  # a pixel-sized font
    app.setProperty(_DESKTOP_SIZE, float(size))
    return float(size)


def apply_text_size(app: QApplication, percent: int) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(round(desktop_point_size(app) * percent / 100, 1))
    QApplication.setFont(font)


def scaled(font: QFont, factor: float) -> QFont:
    """A font `factor` times the application's size (a heading, the person's name), whatever the text size."""
    bigger = QFont(font)
    bigger.setPointSizeF(round(QApplication.font().pointSizeF() * factor, 1))
    return bigger


def step_text_size(current: int, step: int) -> int:
    """The next size up (step 1) or down (-1) from `current`; step 0 is the normal size."""
    if step == 0 or current not in TEXT_SIZES:
        return NORMAL
    index = TEXT_SIZES.index(current) + (1 if step > 0 else -1)
    return TEXT_SIZES[max(0, min(index, len(TEXT_SIZES) - 1))]
