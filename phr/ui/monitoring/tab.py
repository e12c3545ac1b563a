"""What the tabs of the monitoring page share: the measure shown, and refreshing only when looked at."""

from PySide6.QtWidgets import QWidget


class MeasureTab(QWidget):
    """A tab about one measure. The page marks every tab stale on a change; a tab refreshes when shown."""

    def __init__(self, services, events, language: str, now, parent=None):
        super().__init__(parent)
        self.services, self.events, self.language, self.now = services, events, language, now
        self.measure = None
        self.stale = True

    def set_measure(self, measure) -> None:
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
