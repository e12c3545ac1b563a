"""Run slow work (key derivation, imports, exports) off the GUI thread."""

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")


class _Signals(QObject):
    succeeded = Signal(object)  # what the work returned
    failed = Signal(object)  # the Exception it raised


class BackgroundTask(QRunnable):
    """Calls `work()` on a pool thread; emits `succeeded(result)` or `failed(exception)` on the GUI thread.

    A task can be abandoned (its window closed, another record chosen): its result is then
    handed to `discard` instead, so an unlocked record that nobody waits for is locked again
    rather than left open.
    """

    def __init__(self, work: Callable[[], object], discard: Callable[[Any], None] | None = None) -> None:
        super().__init__()
        self._work = work
        self._discard = discard
        self.abandoned = False
        self.signals = _Signals()
        self.setAutoDelete(False)  # we keep a reference until a signal arrives

    def abandon(self) -> None:
        self.abandoned = True

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported to the GUI, which shows a clear message
            if not self.abandoned:
                self._emit(self.signals.failed, error)
            return
        if self.abandoned or not self._emit(self.signals.succeeded, result):
            self.discard(result)

    def _emit(self, signal: Any, value: object) -> bool:
        """Report to the GUI; False when the window that waited is gone with its signals (closed meanwhile)."""
        try:
            signal.emit(value)
        except RuntimeError:  # "Signal source has been deleted": nobody is left to tell
            return False
        return True

    def discard(self, result: object) -> None:
        if self._discard is not None:
            self._discard(result)


def run_in_background(work: Callable[[], T], on_success: Callable[[T], None], on_failure: Callable[[Exception], None],
                      keep: list[BackgroundTask], discard: Callable[[T], None] | None = None) -> BackgroundTask:
    """Start `work`; `keep` holds the task alive until it reports back."""
    task = BackgroundTask(work, discard)
    keep.append(task)

    def deliver(handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def receive(value: Any) -> None:
            if task in keep:
                keep.remove(task)
            if task.abandoned:  # abandoned after the result was already on its way
                if handler is on_success:
                    task.discard(value)
                return
            handler(value)
        return receive

    task.signals.succeeded.connect(deliver(on_success))
    task.signals.failed.connect(deliver(on_failure))
    QThreadPool.globalInstance().start(task)
    return task


def abandon_all(tasks: list[BackgroundTask]) -> None:
    for task in list(tasks):
        task.abandon()


def wait_for_background_work() -> None:
    """Before the app exits: let running work finish, so abandoned results are discarded cleanly."""
    QThreadPool.globalInstance().waitForDone()
