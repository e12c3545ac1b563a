"""What the tabs of the monitoring page share: the measure shown, and refreshing only when looked at."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from phr.monitoring.measures import Measure
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents

Clock = Callable[[], datetime]  # now, timezone-aware


class MeasureTab(QWidget):
    """A tab about one measure. The page marks every tab stale on a change; a tab refreshes when shown."""

    def __init__(self, services: RecordServices, events: RecordEvents, language: str, now: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: RecordServices | None = services  # None once the record locks
        self.events, self.language, self.now = events, language, now
        self.measure: Measure | None = None
        self.stale = True

    @property
    def record(self) -> RecordServices:
        """The services of the open record; a tab only works on them before `release`."""
        if self.services is None:
            raise RuntimeError("the record is locked")
        return self.services

    def set_measure(self, measure: Measure | None) -> None:
        self.measure = measure
        self.stale = True

    def refresh_if_stale(self) -> None:
        if self.stale and self.services is not None:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def release(self) -> None:
        """Forget the record (it is locking): subclasses clear what they show, then call this."""
        self.services, self.measure, self.stale = None, None, False
