"""Run slow work (key derivation, imports, exports) off the GUI thread."""

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class BackgroundTask(QRunnable):
    """Calls `work()` on a pool thread; emits `succeeded(result)` or `failed(exception)` on the GUI thread."""

    def __init__(self, work):
        super().__init__()
        self._work = work
        self.signals = _Signals()
        self.setAutoDelete(False)  # we keep a reference until a signal arrives

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported to the GUI, which shows a clear message
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)


def run_in_background(work, on_success, on_failure, keep: list) -> BackgroundTask:
    """Start `work`; `keep` holds the task alive until it reports back."""
    task = BackgroundTask(work)
    keep.append(task)

    def done(handler):
        def deliver(value):
            if task in keep:
                keep.remove(task)
            handler(value)
        return deliver

    task.signals.succeeded.connect(done(on_success))
    task.signals.failed.connect(done(on_failure))
    QThreadPool.globalInstance().start(task)
    return task
