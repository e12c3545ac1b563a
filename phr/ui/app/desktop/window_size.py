"""The main window's size: where it was last time, else as large as fits the screen comfortably.

A fixed size put the Lock button off a 1024-pixel screen. Only the size and place are remembered
(QWidget.saveGeometry), in the settings file: nothing about the record.
"""

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

WANTED = QSize(1100, 720)
LEAST = QSize(1024, 700)  # what the pages are laid out for, when the screen has room for it
SHARE = 0.9  # of the available screen, leaving the desktop around it visible


def fitted_size(available: QSize, wanted: QSize = WANTED, least: QSize = LEAST) -> QSize:
    """`wanted`, but at most 90 % of the available screen, and at least `least` where the screen allows."""
    def side(want: int, room: int, minimum: int) -> int:
        return max(min(want, int(room * SHARE)), min(minimum, room))
    return QSize(side(wanted.width(), available.width(), least.width()),
                 side(wanted.height(), available.height(), least.height()))


def available_geometry(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_window(window: QWidget, remembered: QByteArray | None = None) -> None:
    """Where the window was last time (Qt moves it onto a screen that is still there), else fitted and centred."""
    if remembered is not None and window.restoreGeometry(remembered) and _fits(window):
        return
    room = available_geometry(window)
    size = fitted_size(room.size())
    window.resize(size)
    window.move(room.x() + (room.width() - size.width()) // 2, room.y() + (room.height() - size.height()) // 2)


def _fits(window: QWidget) -> bool:
    """A remembered size from a larger screen (a laptop now without its monitor) is not used."""
    room = available_geometry(window)
    return window.width() <= room.width() and window.height() <= room.height()
