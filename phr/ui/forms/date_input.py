"""One date input for every date in the app: typed as people write dates, or picked in a calendar, and said back
in words under the field ('vrijdag 15 januari 2027 om 10:30') before anything is saved.

What it cannot read it says so under the field and gives back the text as typed, so the form's check refuses
it and nothing is saved; it never turns a typed date into another one (a QDateTimeEdit did: '15-01-2027 10:30'
typed into its sections became 15 December 2026 20:27).
Keyboard: Alt+Down or F4 opens the calendar; there the arrows move, Enter picks, Escape closes.
"""

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from phr.core import partial_date
from phr.core import typed_dates as typed
from phr.core.typed_dates import Expect
from phr.ui.forms import date_words
from phr.ui.widgets.theme import mark_error, mark_muted

translate = QCoreApplication.translate


def _opens_calendar(event: QKeyEvent) -> bool:
    alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
    return bool(alt_down) or (event.key() == Qt.Key.Key_F4 and not event.modifiers())


class CalendarPopup(QFrame):
    """A month to pick a day from; a click or Enter picks, Escape or a click elsewhere closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setDateRange(QDate(partial_date.MIN_YEAR, 1, 1), QDate(partial_date.MAX_YEAR, 12, 31))
        self.calendar.setAccessibleName(translate("DateInput", "Calendar"))
        self.calendar.activated.connect(self._pick)  # Enter or a double click
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.close()
        self.picked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # and not the dialog underneath
            return
        super().keyPressEvent(event)


class DateInput(QWidget):
    """A line to type a date in, a button for the calendar, and a line under it with what was understood."""

    def __init__(self, expect: Expect, parent: QWidget | None = None,
                 now: Callable[[], datetime] | None = None, time_alone_today: bool = False) -> None:
        """`now`: the clock that 'today' and a missing year come from; `time_alone_today`: '8:00' is today's."""
        super().__init__(parent)
        self.expect = expect
        self._time_alone_today = time_alone_today
        self._now = now or datetime.now
        self.order = date_words.typing_order()
        self.edit = QLineEdit()
        self.button = QToolButton()
        self.echo = QLabel()
        self._popup: CalendarPopup | None = None
        self._came_up = False  # the key pressed now has been to the line already
        self.says_refusal = True  # under the line; in a form, the form says it with the other fields' problems
        self._build()
        self.edit.textChanged.connect(self._explain)
        self.edit.installEventFilter(self)
        self._explain()

    def _build(self) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard opens it from the field: Alt+Down or F4
        self.button.setToolTip(translate("DateInput", "Choose in a calendar (Alt+Down)"))
        self.button.setAccessibleName(translate("DateInput", "Open the calendar"))
        self.button.clicked.connect(self.open_calendar)
        self.echo.setTextFormat(Qt.TextFormat.PlainText)
        line = QHBoxLayout()
        line.setSpacing(2)
        line.addWidget(self.edit, 1)
        line.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(line)
        column.addWidget(self.echo)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(self.edit.focusPolicy())  # a label's Alt-letter focuses its buddy only if it takes focus

    # --- the value ------------------------------------------------------------------------------

    def understood(self) -> typed.Understood:
        return typed.read(self.edit.text(), self._now(), self.expect, self.order, self._time_alone_today)

    def value(self) -> str:
        """As the record stores it; the text as typed when it cannot be read (the form's check then says so)."""
        reading = self.understood()
        return self.edit.text().strip() if reading.problem else reading.iso

    def set_value(self, iso: str | None) -> None:
        """Show a stored value the way it is typed here ('15-01-2027 10:30'); odd stored text as it is."""
        self.edit.setText(typed.typed_form(iso, self.order) if iso and self._reads_back(iso) else iso or "")

    def _reads_back(self, iso: str) -> bool:
        return typed.read(typed.typed_form(iso, self.order), self._now(), self.expect, self.order).iso == iso

    # QLineEdit's words, so a form (and its tests) can treat this field as the line it mostly is.
    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys sent to the box (a test typing into the field) go to the line. A key the line has already seen
        and left (Enter, Escape) comes up here on its way to the dialog: it goes on."""
        if self._came_up:
            self._came_up = False
            event.ignore()
            return
        QCoreApplication.sendEvent(self.edit, event)
        self._came_up = False

    # --- saying what it understood --------------------------------------------------------------

    def refusal(self) -> str:
        """Why the text is not taken, in words; '' when it is (or when nothing is typed)."""
        reading = self.understood()
        return date_words.refusal(reading, self.expect, self.order) if reading.problem else ""

    def _explain(self) -> None:
        reading, refused = self.understood(), self.refusal()
        if not self.edit.text().strip():
            text = date_words.hint(self.expect, self.order)
            mark_muted(self.echo)
        else:
            text = date_words.understood_words(reading.iso) if not refused else refused if self.says_refusal else ""
            mark_error(self.echo, bool(refused))  # the words say it; the colour only helps
        self.echo.setText(text)
        self.echo.setVisible(bool(text))
        self.edit.setAccessibleDescription(text or refused)  # a screen reader reads the meaning with the field

    # --- the calendar ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (QEvent.Type.KeyRelease, QEvent.Type.FocusOut):
            self._came_up = False
        if watched is self.edit and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            self._came_up = event.type() == QEvent.Type.KeyPress
            if _opens_calendar(event):
                event.accept()  # a shortcut elsewhere (Alt+Down moves a question) must not take it
                if event.type() == QEvent.Type.KeyPress:
                    self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = CalendarPopup(self)
            self._popup.picked.connect(self.pick)
        shown = self._shown_day()
        self._popup.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self._popup.adjustSize()
        self._popup.move(self._below_the_field(self._popup.sizeHint().width(), self._popup.sizeHint().height()))
        self._popup.show()
        self._popup.calendar.setFocus()

    def calendar(self) -> CalendarPopup | None:
        return self._popup

    def _shown_day(self) -> date:
        """The day typed so far (the first of a month or year), else today."""
        return partial_date.earliest(self.understood().day) or self._now().date()

    def _below_the_field(self, width: int, height: int) -> QPoint:
        """Under the line, or above it when the screen ends below; never past the screen's sides."""
        spot = self.edit.mapToGlobal(QPoint(0, self.edit.height()))
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        if spot.y() + height > area.bottom():
            spot.setY(self.edit.mapToGlobal(QPoint(0, 0)).y() - height)
        spot.setX(max(area.left(), min(spot.x(), area.right() - width)))
        return spot

    def pick(self, day: QDate) -> None:
        """The day picked in the calendar, with the time typed so far (a date-time field then asks for one)."""
        picked = f"{day.year():04d}-{day.month():02d}-{day.day():02d}"
        shown = typed.typed_form(picked, self.order)
        if self.expect is Expect.DATE_TIME:
            time = self.understood().iso.partition("T")[2]
            shown = f"{shown} {time}" if time else f"{shown} "
        self.edit.setText(shown)
        self.edit.setFocus()
        self.edit.end(False)
