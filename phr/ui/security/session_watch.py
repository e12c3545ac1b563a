"""When the screen locks or the computer is about to sleep: one small interface, one implementation a platform.

`session_watcher()` picks the one for this platform. Linux (and the BSDs) hear it from the desktop over
D-Bus; elsewhere nothing is heard yet, and the record still locks itself after the idle minutes and
with Ctrl+L. A Windows build would add a watcher for WTS session notifications, a macOS build one for
NSWorkspace's screen and sleep notifications, each behind the same `watch`.
"""

import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Slot

OnLock = Callable[[], None]
DBUS_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd")


class SessionWatcher(Protocol):
    def watch(self, on_lock: OnLock) -> list[str]:
        """Call `on_lock()` from now on, each time the screen locks or the computer goes to sleep.
        Returns what is listened to (empty: nothing can be heard here)."""
        ...


class SilentWatcher:
    """Where Regie cannot hear the screen or sleep (Windows and macOS, for now): it never calls back."""

    def watch(self, on_lock: OnLock) -> list[str]:
        return []


class DesktopBusWatcher(QObject):
    """logind's PrepareForSleep on the system bus and the screen saver's ActiveChanged on the session
    bus (freedesktop, KDE and GNOME names). The slots are the whole path a D-Bus signal takes, so a
    test can call them directly. Without a bus (CI, offscreen) nothing connects and it stays silent."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_lock: OnLock | None = None

    def watch(self, on_lock: OnLock) -> list[str]:
        self._on_lock = on_lock
        return connect_to_desktop(self)

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self._lock()

    @Slot(bool)
    def on_screen_locked(self, active: bool) -> None:
        if active:
            self._lock()

    def _lock(self) -> None:
        if self._on_lock is not None:
            self._on_lock()


def session_watcher(parent: QObject | None = None) -> SessionWatcher:
    """The watcher for this platform; `parent` keeps a Qt one alive."""
    if sys.platform.startswith(DBUS_PLATFORMS):
        return DesktopBusWatcher(parent)
    return SilentWatcher()


_SLEEP = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep")
_SCREEN = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


def connect_to_desktop(watcher: DesktopBusWatcher) -> list[str]:
    """Connect the D-Bus signals that exist here; returns which (empty when there is no bus)."""
    try:
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return []
    connected: list[str] = []
    system, session = QDBusConnection.systemBus(), QDBusConnection.sessionBus()
    # PySide6's stubs want a slot as bytes; its own SLOT() gives (and connect takes) a str.
    sleep_slot, screen_slot = SLOT("on_prepare_for_sleep(bool)"), SLOT("on_screen_locked(bool)")
    if system.isConnected() and system.connect(*_SLEEP, watcher, sleep_slot):  # type: ignore[call-overload]
        connected.append(_SLEEP[0])
    for service, path, interface in _SCREEN if session.isConnected() else ():
        signal = (service, path, interface, "ActiveChanged")
        if session.connect(*signal, watcher, screen_slot):  # type: ignore[call-overload]
            connected.append(service + path)
    return connected
