"""The record locks itself: after some minutes without input, and when the screen locks or the computer sleeps.

Input is watched with an event filter on the whole application (keys, mouse buttons and moves, the wheel);
each input starts the idle time again. The number of minutes is read from the settings at every start, so
a changed setting takes effect at the next input (0 means never).

Locking never loses what the user was typing. The issue allows two ways: keep the draft inside the encrypted
record, or let the lock wait until the dialog is closed. Regie takes the second: every place that edits the
record is a modal dialog (quick entry, the edit dialogs, export, import), so while one is open the lock is
only *pending*; it happens as soon as the dialog is closed, unless there was input since (then the user is
back and the idle time simply starts again). Ctrl+L is not affected: it locks at once, as before.
A modal message box counts as a dialog too: locking inside any exec() (a dialog's, a message box's) would
pull the record away from code that still runs, so the lock always waits until the app's own event loop
is back.

Where the platform tells us about the screen or sleep, that locks too (session_watch: Linux desktops over
D-Bus; a no-op elsewhere for now). Qt's applicationStateChanged is no help: it fires on every focus
change, so it is not used.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QThread, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from phr.ui.security.session_watch import DesktopBusWatcher, session_watcher

IDLE = "idle"  # why a lock was asked for: no input for the chosen minutes
SYSTEM = "system"  # the screen locked or the computer is going to sleep
MINUTE_MS = 60_000
RETRY_MS = 100  # how often a pending lock checks whether the dialogs are closed

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
})


class AutoLock(QObject):
    """Calls `lock(reason)` when the record should lock itself; `start(window)` when a record opens."""

    def __init__(self, lock: Callable[[str], None], minutes: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self._minutes = minutes  # a function: the setting, read again each time the idle time starts
        self.minute_ms = MINUTE_MS  # tests make a minute short instead of waiting
        self.window: QWidget | None = None
        self.pending_reason: str | None = None
        self._home_level = 0
        self._last_position: QPointF | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.idle_time_over)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_lock)
        self.system = SystemLockWatch(self)
        self.system.lock_wanted.connect(lambda: self.request_lock(SYSTEM))

    @property
    def active(self) -> bool:
        return self.window is not None

    @property
    def pending(self) -> bool:
        return self.pending_reason is not None

    def start(self, window: QWidget) -> None:
        """A record is open in `window`: watch for input from now on."""
        self.window = window
        # Where the app's own event loop runs; deeper means a dialog's (or a menu's) exec() is still running.
        self._home_level = QThread.currentThread().loopLevel()
        app = QApplication.instance()
        if app is not None:  # always, while a window is open
            app.installEventFilter(self)
        self.restart()

    def stop(self) -> None:
        """The record is locked (by us or by Ctrl+L): nothing to watch until the next one opens."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window = None
        self.pending_reason = None
        self._idle.stop()
        self._retry.stop()

    def restart(self) -> None:
        """Input (or a changed setting): the idle time starts again, and a pending lock is dropped."""
        self.pending_reason = None
        self._retry.stop()
        minutes = self._minutes() if self.active else 0
        if minutes > 0:
            self._idle.start(minutes * self.minute_ms)
        else:
            self._idle.stop()

    def is_counting(self) -> bool:
        return self._idle.isActive()

    def idle_time_over(self) -> None:
        self.request_lock(IDLE)

    def request_lock(self, reason: str) -> None:
        """Lock now, or as soon as no dialog is open over the record."""
        if not self.active:
            return
        self._idle.stop()
        self.pending_reason = self.pending_reason or reason
        self._try_lock()

    def _try_lock(self) -> None:
        if not self.pending or not self.active:
            self._retry.stop()
            return
        if self._must_wait():
            self._retry.start()
            return
        reason = self.pending_reason
        self.stop()
        if reason is not None:  # pending: it is
            self._lock(reason)

    def _must_wait(self) -> bool:
        """A dialog may hold a draft; and inside a nested event loop (a dialog's or a menu's exec()) the
        code that opened it still runs and would find the record gone when exec() returns."""
        return open_dialog() is not None or QThread.currentThread().loopLevel() > self._home_level

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT or (isinstance(event, QMouseEvent) and kind == QEvent.Type.MouseMove
                              and self._mouse_moved(event)):
            self.restart()
        return False

    def _mouse_moved(self, event: QMouseEvent) -> bool:
        """Only a real move counts: Qt also sends moves of its own when a window appears under the mouse."""
        if not event.spontaneous():
            return False
        position = event.globalPosition()
        moved = position != self._last_position
        self._last_position = position
        return moved


def open_dialog() -> QDialog | None:
    """A visible modal dialog (quick entry, an edit dialog, a wizard, a message), or None."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and widget.isModal():
            return widget
    return None


class SystemLockWatch(QObject):
    """Tells when the screen locks or the computer is about to sleep, as far as this platform's session
    watcher hears it (session_watch: D-Bus on Linux, nothing yet elsewhere)."""

    lock_wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher = session_watcher(self)
        self.connected = self.watcher.watch(self.lock_wanted.emit)

    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        """As if logind said so, along the D-Bus watcher's own path (for tests; silent elsewhere)."""
        if isinstance(self.watcher, DesktopBusWatcher):
            self.watcher.on_prepare_for_sleep(going_to_sleep)

    def on_screen_locked(self, active: bool) -> None:
        """As if the screen saver said so (for tests; silent elsewhere)."""
        if isinstance(self.watcher, DesktopBusWatcher):
            self.watcher.on_screen_locked(active)
