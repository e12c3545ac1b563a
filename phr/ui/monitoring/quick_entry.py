"""Quick entry: one reading on one screen, by keyboard only, from anywhere in the app (Ctrl+M).

Type-ahead chooses the measure; the value fields fit it (blood pressure: systolic, diastolic and
pulse in one entry; glucose in mmol/L or mg/dL); the time is now unless changed. Enter saves; Up
in a value field (or Use last values) fills in the last reading. A value outside the plausible
bounds is questioned, never silently stored and never refused; No goes back to the field.
"Save and next" keeps the dialog open for a series, with the time moved to now.

The same dialog corrects a stored reading (the readings table opens it with `reading`).
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from phr.core.entries import Change, EntryInvalid
from phr.core.errors import VaultError
from phr.monitoring.measures import Measure
from phr.monitoring.readings import Reading
from phr.record.services import RecordServices
from phr.ui.app.desktop.window_size import available_geometry, fitted_size
from phr.ui.app.events import RecordEvents
from phr.ui.monitoring import quick_entry_parts as parts
from phr.ui.monitoring.measure_words import value_text, when_text
from phr.ui.monitoring.reading_fields import ReadingValues
from phr.ui.monitoring.reading_time import typed_text, with_zone
from phr.ui.text.field_messages import problem_text
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate
LAST_MEASURE = "regie_quick_entry_measure"   # a property of the main window: the measure used last
FUTURE_MARGIN = timedelta(minutes=5)        # clocks differ a little; more than this is a typing error
STORED_TIME = "%Y-%m-%dT%H:%M"               # how the time field gives what it read: local wall-clock time


class QuickEntryDialog(parts.QuickEntryWidgets):
    saved = Signal(object)   # each Change, as soon as it is saved (the page behind refreshes)

    def __init__(self, services: RecordServices, language: str, parent: QWidget | None = None,
                 measure_key: str | None = None, now: Callable[[], datetime] | datetime | None = None,
                 reading: Reading | None = None) -> None:
        super().__init__(parent)
        self._services, self._language, self._correcting = services, language, reading
        self._now = _clock(now)
        self._measures = services.measures.self_measured()
        self._last: Reading | None = None
        self.values = None
        self.saved_changes: list[Change] = []
        self.setWindowTitle(translate("QuickEntry", "Correct a reading") if reading else
                            translate("QuickEntry", "New measurement"))
        parts.build(self)
        start = reading.measure if reading else parts.default_measure(services, self._measures, measure_key, self._now)
        self.measure.setCurrentIndex(max(0, self.measure.findData(start)))
        self._measure_changed()
        self.measure.currentIndexChanged.connect(lambda _index: self._measure_changed())
        self._start_values()
        hint = self.sizeHint()  # as wide as the words like, at least 620 pixels, never wider than the screen
        self.resize(fitted_size(available_geometry(self).size(), QSize(max(620, hint.width()), hint.height()),
                                QSize(0, 0)))
        parts.grow_to_fit(self)  # narrower than the hint: wrapped words need more lines

    # --- what is chosen and typed -------------------------------------------------------------

    def measure_key(self) -> str:
        return str(self.measure.currentData())

    def chosen_measure(self) -> Measure:
        return next(m for m in self._measures if m.key == self.measure_key())

    def _values(self) -> ReadingValues:
        """The value rows: there from the first measure chosen (in __init__) on."""
        assert self.values is not None
        return self.values

    def _measure_changed(self) -> None:
        values = ReadingValues(self.chosen_measure(), self._language)
        parts.replace_value_rows(self, values)
        for f in values.fields:
            f.edit.installEventFilter(self)
            f.edit.textChanged.connect(lambda _text, name=f.name: self._show_problems({name}))
        self._last = None if self._correcting else self._services.readings.latest(self.measure_key())
        parts.show_last(self, self._last, self._today())
        parts.say(self.status, "")

    def _start_values(self) -> None:
        reading = self._correcting
        if reading is not None:
            self._values().fill(reading)
            self.time.setText(typed_text(reading.taken_at))
            self.context.setCurrentIndex(max(0, self.context.findData(reading.context)))
            self.note.setText(reading.note)
        else:
            self.time.setText(typed_text(self._now()))
        self._values().fields[0].edit.setFocus()
        self._as_opened = self._typed()

    def _typed(self) -> tuple[object, ...]:
        """What the keyboard can change, to tell whether anything was typed since the dialog was ready."""
        return (self.measure_key(), *(f.edit.text() for f in self._values().fields), self.time.text(),
                self.context.currentIndex(), self.note.text())

    def typed_something(self) -> bool:
        """Escape, Cancel and closing the window ask first after this (what was saved stays saved)."""
        return self._typed() != self._as_opened

    def _today(self) -> date:
        return self._now().date()

    def fill_last(self) -> None:
        if self._last is not None and self._last.value is not None:
            self._values().fill(self._last)
            self._values().fields[0].edit.setFocus()
            self._values().fields[0].edit.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter: save and go on with the next reading of a series (plain Enter saves and closes)."""
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control and self.next_button.isVisible():
            self.save_and_next()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Up \
                and isinstance(watched, QLineEdit):
            self.fill_last()
            return True
        return super().eventFilter(watched, event)

    # --- checking -------------------------------------------------------------------------------

    def taken_at(self) -> datetime | None:
        reading = self._correcting
        if reading is not None and self.time.text() == typed_text(reading.taken_at):
            return reading.taken_at  # unchanged: keep the stored moment and its offset exactly
        understood = self.time.understood()
        if understood.problem or not understood.iso:
            return None
        return with_zone(datetime.strptime(understood.iso, STORED_TIME), self._now().tzinfo)

    def _time_problem(self) -> str | None:
        moment = self.taken_at()
        if moment is None:
            return "invalid_date_time"
        return "future" if moment > self._now() + FUTURE_MARGIN else None

    def _show_problems(self, names: set[str], required: bool = False) -> dict[str, str]:
        """Show the problems of the fields `names` under them; returns every problem found."""
        problems = self._values().problems(required)
        time_problem = self._time_problem()
        if time_problem:
            problems["taken_at"] = time_problem
        for f in self._values().fields:
            if f.name in names:
                parts.show_error(f.error, problems.get(f.name))
        if "taken_at" in names:
            parts.show_time_error(self, problems.get("taken_at"))  # what the time means, the field says itself
        return problems

    def reading(self) -> Reading:
        """What is typed, as a reading (only call when `_show_problems` found none: the time is then valid)."""
        values = self._values().values()
        taken_at = self.taken_at()
        assert taken_at is not None
        base = self._correcting or Reading(self.measure_key(), taken_at)
        return replace(base, taken_at=taken_at, value=values.get("value", base.value),
                       value2=values.get("value2", base.value2), value3=values.get("value3", base.value3),
                       context=self.context.currentData(), note=self.note.text().strip())

    def question(self, text: str) -> bool:
        """Ask Yes or No about an unusual value; No is the default (a tired Enter does not store it)."""
        answer = QMessageBox.question(self, translate("QuickEntry", "Is this value right?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _confirmed(self, reading: Reading) -> bool:
        """Every implausible value questioned, naming it; No puts the cursor back in its field."""
        names = parts.component_labels(self.chosen_measure(), self._language)
        for name in self._services.readings.implausible(reading):
            text = fill(translate("QuickEntry", "%1: %2. This lies far outside the usual values. Is it right?"),
                        names[name], self._values().typed(name))
            if not self.question(text):
                edit = self._values().field(name).edit
                edit.setFocus()
                edit.selectAll()
                return False
        return True

    # --- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        self._store(keep_open=False)

    def save_and_next(self) -> None:
        self._store(keep_open=True)

    def _store(self, keep_open: bool) -> None:
        problems = self._show_problems({f.name for f in self._values().fields} | {"taken_at"}, required=True)
        if problems:
            parts.focus_first_problem(self, problems)
            parts.say(self.problem, translate("QuickEntry", "Not saved yet: please look at the fields marked "
                                                            "above."))
            return
        reading = self.reading()
        if not self._confirmed(reading):
            parts.say(self.problem, translate("QuickEntry", "Not saved yet: change the value, or save it as it is."))
            return
        change = self._write(reading)
        if change is None:
            return
        self.saved_changes.append(change)
        self.saved.emit(change)
        if keep_open:
            self._next(reading)
        else:
            self.accept()

    def _write(self, reading: Reading) -> Change | None:
        service = self._services.readings
        try:
            return service.update(reading) if self._correcting else service.add(reading)
        except EntryInvalid as invalid:  # the service knows more than the form: say it under the field
            problems = {error.field: error.problem for error in invalid.errors}
            parts.show_error(self.time_error, problems.pop("taken_at", None))
            for f in self._values().fields:
                parts.show_error(f.error, problems.pop(f.name, None))
            parts.say(self.problem, " ".join(problem_text(p) for p in problems.values()) or
                      translate("QuickEntry", "Not saved yet: please look at the fields marked above."))
            return None
        except VaultError as error:  # a full disk, a read-only folder: say so; what was typed stays
            parts.say(self.problem, error_message(error))
            return None

    def _next(self, reading: Reading) -> None:
        """Ready for the next reading of a series: values empty, the time now, the context kept."""
        self._last = reading
        parts.show_last(self, reading, self._today())
        self._values().clear()
        self.note.clear()
        self.time.setText(typed_text(self._now()))
        parts.say(self.problem, "")
        saved = value_text(self.chosen_measure(), reading), when_text(reading.taken_at, self._today())
        parts.say(self.status, fill(translate("QuickEntry", "Saved: %1 (%2). Type the next reading."), *saved))
        self._values().fields[0].edit.setFocus()
        self._as_opened = self._typed()


def _clock(now: Callable[[], datetime] | datetime | None) -> Callable[[], datetime]:
    """`now` as a clock: a fixed moment (tests), a function, or this computer's clock."""
    if callable(now):
        return now
    if now is not None:
        fixed = now
        return lambda: fixed
    return lambda: datetime.now().astimezone()


def open_quick_entry(parent: QWidget | None, services: RecordServices, language: str, measure_key: str | None = None,
                     now: Callable[[], datetime] | datetime | None = None) -> list[Change]:
    """Open quick entry over `parent` (the main window or a page); returns the Changes saved.

    Each saved reading is announced on the `events` of the parent or its window at once, so the
    pages behind refresh during a series. The measure used is remembered on the window for the
    next time (until the record locks and the window closes).
    """
    window = parent.window() if parent is not None else None
    key = measure_key or (window.property(LAST_MEASURE) if window is not None else None)
    dialog = QuickEntryDialog(services, language, parent, key, now)
    events = getattr(parent, "events", None) or getattr(window, "events", None)
    if isinstance(events, RecordEvents):
        dialog.saved.connect(events.announce)
    dialog.exec()
    if window is not None and dialog.saved_changes:
        window.setProperty(LAST_MEASURE, dialog.measure_key())
    dialog.deleteLater()
    return dialog.saved_changes
