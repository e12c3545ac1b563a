"""Screen lock and sleep behind one interface: D-Bus on Linux, a watcher that never calls back elsewhere."""

import sys

import pytest
from PySide6.QtCore import QObject

from phr.ui.security import auto_lock, session_watch
from phr.ui.security.session_watch import DesktopBusWatcher, SilentWatcher, session_watcher


@pytest.mark.parametrize("platform", ["win32", "darwin", "cygwin"])
def test_elsewhere_the_silent_watcher_is_chosen_and_never_calls_back(qapp, monkeypatch, platform):
    monkeypatch.setattr(sys, "platform", platform)
    watcher = session_watcher()
    calls: list[str] = []
    assert isinstance(watcher, SilentWatcher)
    assert watcher.watch(lambda: calls.append("lock")) == []
    locks = auto_lock.SystemLockWatch()  # what auto-lock builds on it
    locks.lock_wanted.connect(lambda: calls.append("lock"))
    locks.on_prepare_for_sleep(True)  # there is no desktop bus to say so: nothing
    locks.on_screen_locked(True)
    assert calls == [] and locks.connected == []


@pytest.mark.parametrize("platform", ["linux", "freebsd14"])
def test_on_linux_and_the_bsds_the_desktop_bus_watcher_is_chosen(qapp, monkeypatch, platform):
    monkeypatch.setattr(sys, "platform", platform)
    owner = QObject()
    watcher = session_watcher(owner)
    assert isinstance(watcher, DesktopBusWatcher) and watcher.parent() is owner  # kept alive by its owner


def test_the_desktop_watcher_calls_back_for_a_lock_or_sleep_only(qapp, monkeypatch):
    monkeypatch.setattr(session_watch, "connect_to_desktop", lambda watcher: ["a bus"])
    watcher = DesktopBusWatcher()
    calls: list[str] = []
    watcher.on_screen_locked(True)  # before watch(): nobody to tell
    assert watcher.watch(lambda: calls.append("lock")) == ["a bus"]
    watcher.on_prepare_for_sleep(False)  # waking up
    watcher.on_screen_locked(False)  # unlocked
    assert calls == []
    watcher.on_prepare_for_sleep(True)
    watcher.on_screen_locked(True)
    assert calls == ["lock", "lock"]


def test_auto_lock_hears_the_watcher_of_this_platform(qapp, monkeypatch):
    heard: list[str] = []

    class Fake:
        def watch(self, on_lock):
            heard.append("watching")
            self.on_lock = on_lock
            return ["fake"]

    fake = Fake()
    monkeypatch.setattr(auto_lock, "session_watcher", lambda parent: fake)
    locks = auto_lock.SystemLockWatch()
    locks.lock_wanted.connect(lambda: heard.append("lock wanted"))
    assert locks.connected == ["fake"]
    fake.on_lock()
    assert heard == ["watching", "lock wanted"]
