"""The one date input of every form: typed or picked in a calendar, said back in words, refused when unreadable;
and the entry dialog around it: the first field has the keyboard, leaving after typing asks."""

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout

from phr.core import partial_date
from phr.core.entries import Change, FieldError
from phr.core.typed_dates import Expect, Order
from phr.record.appointments import Question
from phr.ui.export.parts import PeriodRow
from phr.ui.forms import discard
from phr.ui.forms.date_input import DateInput
from phr.ui.forms.date_words import typing_order
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import date_field, long_text_field, text_field
from phr.ui.pages.appointment_questions import shown_question_field

NOW = datetime(2026, 7, 20, 14, 5)  # a Monday
ALT = Qt.KeyboardModifier.AltModifier
# A calendar popup grabs the keyboard and comes to the front: a real screen can, the offscreen test platform says
# it cannot (the keys still reach the popup, as the tests show).
POPUP = pytest.mark.qt_log_ignore(r"This plugin does not support (grabbing the keyboard|raise\(\))")


@pytest.fixture(autouse=True)
def english(qapp):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))  # as the app sets it
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def window(qtbot):
    """A dialog holding date inputs, shown and active, as a form shows them."""
    dialog = QDialog()
    dialog.setLayout(QVBoxLayout())
    qtbot.addWidget(dialog)

    def add(expect: Expect) -> DateInput:
        field = DateInput(expect, now=lambda: NOW)
        dialog.layout().addWidget(field)
        if not dialog.isVisible():
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
        field.setFocus()
        return field
    add.dialog = dialog
    return add


def test_what_was_typed_is_said_back_in_words(window, qtbot):
    field = window(Expect.DATE_TIME)
    assert field.echo.text() == "For example 15-1-2027 10:30, or tomorrow 9:00"  # before typing: what it takes
    qtbot.keyClicks(field.edit, "15 jan 2027 10u30")
    assert (field.echo.text(), field.value()) == ("Friday 15 January 2027 at 10:30", "2027-01-15T10:30")
    field.clear()
    qtbot.keyClicks(field.edit, "morgen 9.15")
    assert field.echo.text() == "Tuesday 21 July 2026 at 09:15"


def test_a_partial_date_reads_as_what_it_is(window, qtbot):
    field = window(Expect.PARTIAL_DATE)
    for typed, words, value in (("2019", "the year 2019", "2019"), ("mei 2019", "May 2019", "2019-05"),
                                ("14-5-2019", "Tuesday 14 May 2019", "2019-05-14")):
        field.clear()
        qtbot.keyClicks(field.edit, typed)
        assert (field.echo.text(), field.value()) == (words, value)


def test_what_cannot_be_read_is_refused_in_words_and_kept_as_typed(window, qtbot):
    field = window(Expect.DATE_TIME)
    for typed, refusal in (
            ("15-01-2027", "Friday 15 January 2027: at what time? For example 15-01-2027 10:30"),
            ("31-2-2027 10:00", "This day does not exist. Check the day and the month."),
            ("15-1-27 10:00", "Type the year in full, for example 2027."),
            ("Tuesday 15 January 2027 10:30", "15 January 2027 is a Friday. Check the date."),
            ("soon", "Regie cannot read this date. Type it like 15-1-2027 10:30.")):
        field.clear()
        qtbot.keyClicks(field.edit, typed)
        assert (field.echo.text(), field.refusal(), field.value()) == (refusal, refusal, typed)
        assert field.edit.accessibleDescription() == refusal


def test_a_stored_value_shows_as_it_is_typed_and_reads_back_the_same(window):
    field = window(Expect.DATE_TIME)
    field.set_value("2027-01-15T10:30")
    assert (field.text(), field.value()) == ("15-01-2027 10:30", "2027-01-15T10:30")
    field.set_value("")
    assert field.text() == "" and field.value() == ""
    partial = window(Expect.PARTIAL_DATE)
    partial.set_value("2019-05")
    assert (partial.text(), partial.value()) == ("05-2019", "2019-05")


@POPUP
def test_alt_down_opens_the_calendar_on_the_day_typed_and_enter_picks_keeping_the_time(window, qtbot):
    field = window(Expect.DATE_TIME)
    qtbot.keyClicks(field.edit, "15-01-2027 10:30")
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, ALT)
    popup = field.calendar()
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2027, 1, 15)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and popup.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert (field.text(), field.value()) == ("16-01-2027 10:30", "2027-01-16T10:30")
    assert QApplication.focusWidget() is field.edit


@POPUP
def test_f4_opens_the_calendar_on_today_and_escape_closes_only_the_calendar(window, qtbot):
    field = window(Expect.DATE)
    qtbot.keyClick(field.edit, Qt.Key.Key_F4)
    popup = field.calendar()
    assert popup is not None and popup.isVisible() and popup.calendar.selectedDate() == QDate(2026, 7, 20)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and popup.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not popup.isVisible() and window.dialog.isVisible()
    assert field.text() == ""


def test_a_picked_day_in_a_date_time_field_waits_for_its_time(window, qtbot):
    field = window(Expect.DATE_TIME)
    field.pick(QDate(2027, 3, 2))
    assert field.text() == "02-03-2027 "
    assert field.refusal() == "Tuesday 2 March 2027: at what time? For example 02-03-2027 10:30"
    qtbot.keyClicks(field.edit, "9:00")
    assert field.value() == "2027-03-02T09:00"


def test_the_order_of_numbers_follows_the_language():
    assert typing_order(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)) is Order.DAY_FIRST
    assert typing_order(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) is Order.DAY_FIRST
    assert typing_order(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) is Order.MONTH_FIRST
    assert typing_order(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)) is Order.DAY_FIRST  # ISO


# --- the entry dialog around it ---------------------------------------------------------------------------

def dialog_for(qtbot, fields, item, saved: list) -> EntryDialog:
    def save(entry):
        saved.append(entry)
        return Change("appointments", "added", 1)
    dialog = EntryDialog("Test", fields, item, lambda _item: [], save)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_first_field_has_the_keyboard_and_a_shown_question_is_skipped(qtbot):
    dialog = dialog_for(qtbot, [text_field("text", "&Question:")], Question(), [])
    assert QApplication.focusWidget() is dialog.field("text").widget
    answer = dialog_for(qtbot, [shown_question_field("text", "Question:"), long_text_field("answer", "&Answer:")],
                        Question(text="Mag ik sporten?"), [])
    assert QApplication.focusWidget() is answer.field("answer").widget


@dataclass(frozen=True)
class Since:
    since: str = ""


def test_a_date_the_form_refuses_is_said_once_under_the_field(qtbot):
    saved: list = []

    def validate(entry: Since) -> list[FieldError]:
        return [] if partial_date.is_valid(entry.since) else [FieldError("since", "invalid_date")]

    dialog = EntryDialog("Test", [date_field("since", "&Since:")], Since(), validate, saved.append)
    qtbot.addWidget(dialog)
    field = dialog.field("since").widget
    qtbot.keyClicks(field, "31-2-2019")
    dialog.try_save()
    assert saved == [] and not field.echo.isVisible()  # the form says it, under the field, in the field's words
    assert dialog._error_labels["since"].text() == "This day does not exist. Check the day and the month."
    field.clear()
    qtbot.keyClicks(field, "2019")
    assert field.echo.text() == "the year 2019" and dialog._error_labels["since"].text() == ""


def test_leaving_asks_only_after_typing(qtbot, monkeypatch):
    asked: list = []
    answer = {"discard": False}
    monkeypatch.setattr(discard, "confirm_discard", lambda parent: asked.append(parent) or answer["discard"])
    dialog = dialog_for(qtbot, [text_field("text", "&Question:")], Question(text="Mag ik sporten?"), [])
    qtbot.keyClick(dialog.field("text").widget, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()  # nothing changed: no question

    dialog = dialog_for(qtbot, [text_field("text", "&Question:")], Question(), [])
    qtbot.keyClicks(dialog.field("text").widget, "Mag ik sporten?")
    qtbot.keyClick(dialog.field("text").widget, Qt.Key.Key_Escape)
    assert asked == [dialog] and dialog.isVisible()  # "Keep editing"
    assert dialog.field("text").widget.text() == "Mag ik sporten?"
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert asked == [dialog, dialog] and dialog.isVisible()
    answer["discard"] = True
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    dialog.show()
    dialog.close()  # the program closes it (not the person): no question
    assert len(asked) == 3 and not dialog.isVisible()


def test_the_discard_question_keeps_editing_on_enter_and_escape(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    dialog = dialog_for(qtbot, [text_field("text", "&Question:")], Question(), [])
    answers = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        def answer(key=key):
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, answer)
                return
            answers.append((box.text(), box.defaultButton().text()))
            qtbot.keyClick(box, key)
        QTimer.singleShot(0, answer)
        assert discard.confirm_discard(dialog) is False
    assert answers == [("Discard what you typed?", "&Keep editing")] * 2


# --- the export's period ----------------------------------------------------------------------------------

def test_the_export_period_is_typed_like_every_date(qtbot):
    row = PeriodRow(date(2026, 3, 31))
    qtbot.addWidget(row)
    assert (row.since.text(), row.until.text()) == ("31-03-2025", "31-03-2026")  # a year back, to today
    assert row.period() == (None, None) and row.problem() is None  # off: everything
    row.enabled.setChecked(True)
    row.since.setText("1 jan 2026")
    assert row.period() == (date(2026, 1, 1), date(2026, 3, 31)) and row.problem() is None
    row.until.setText("30 februari 2026")
    assert row.period() == (date(2026, 1, 1), None)
    assert row.problem() == ("This day does not exist. Check the day and the month.", row.until)
    assert row.until.echo.text() == "This day does not exist. Check the day and the month."  # said under it
