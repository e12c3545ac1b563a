"""A date and time to the minute (when an appointment starts), with a calendar to pick the day.

A new appointment starts without a time, so that a forgotten time is noticed rather than
silently saved as "now". The first click or key press fills in a starting point
(tomorrow at 09:00) that the user then adjusts.
"""

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from phr.ui.forms.fields import FormField
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate

STORED = "yyyy-MM-ddTHH:mm"      # as the service stores it: local time, to the minute
TYPED = "dd-MM-yyyy HH:mm"       # as dates are typed everywhere in the app: day first
_NOT_SET = QDateTime(QDate(1900, 1, 1), QTime(0, 0))
_PASS_THROUGH = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                 Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_Backspace,
                 Qt.Key.Key_Delete)
_STEPS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def starting_point() -> QDateTime:
    return QDateTime(QDate.currentDate().addDays(1), QTime(9, 0))


class AppointmentTimeEdit(QDateTimeEdit):
    """A QDateTimeEdit that can also be empty ('no time chosen yet')."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TYPED)
        self.setCalendarPopup(True)
        self.setMinimumDateTime(_NOT_SET)
        self.setSpecialValueText(translate("AppointmentTime", "(no date chosen)"))
        self.setDateTime(_NOT_SET)
        self.dateTimeChanged.connect(self._explain)

    def is_empty(self) -> bool:
        return self.dateTime() == _NOT_SET

    def clear_time(self) -> None:
        self.setDateTime(_NOT_SET)

    def _start_if_empty(self) -> bool:
        """Fill in the starting point when empty; True if it did."""
        if not self.is_empty():
            return False
        self.setDateTime(starting_point())
        self.setSelectedSection(QDateTimeEdit.Section.DaySection)  # typing starts with the day
        return True

    # The first touch turns "no date" into a starting point, so the calendar opens near today.
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_if_empty()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() not in _PASS_THROUGH and self._start_if_empty() and event.key() in _STEPS:
            return  # on an empty field, a step key only fills in the starting point
        super().keyPressEvent(event)

    def stepBy(self, steps: int) -> None:
        if not self._start_if_empty():
            super().stepBy(steps)

    def _explain(self) -> None:
        self.setToolTip("" if self.is_empty() else in_words(self.dateTime().toString(STORED)))


def in_words(iso: str, short: bool = False) -> str:
    """'2026-03-12T10:30' -> 'donderdag 12 maart 2026 om 10:30', or short 'do 12 mrt 2026 om 10:30'
    (in the app's language)."""
    moment = QDateTime.fromString(iso or "", STORED)
    if not moment.isValid():
        return iso or ""
    locale = QLocale()
    day = locale.toString(moment.date(), "ddd d MMM yyyy" if short else "dddd d MMMM yyyy")
    return fill(translate("AppointmentTime", "%1 at %2"), day,
                locale.toString(moment.time(), QLocale.FormatType.ShortFormat))


def date_time_field(name: str, label: str) -> FormField:
    edit = AppointmentTimeEdit()

    def get() -> str:
        return "" if edit.is_empty() else edit.dateTime().toString(STORED)

    def set_value(iso: str | None) -> None:
        moment = QDateTime.fromString(iso or "", STORED)
        if moment.isValid():
            edit.setDateTime(moment)
        else:
            edit.clear_time()

    return FormField(name, label, edit, get, set_value, edit.dateTimeChanged)
