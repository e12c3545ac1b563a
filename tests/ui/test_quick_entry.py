"""Quick entry, driven by keyboard only (key clicks; no setText, no mouse); what the record holds is checked
through the service."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget

from phr.monitoring.custom_measures import CustomMeasure
from phr.monitoring.measures import GLUCOSE_MG_PER_MMOL
from phr.monitoring.readings import Reading
from phr.ui.app.events import RecordEvents
from phr.ui.monitoring.quick_entry import LAST_MEASURE, QuickEntryDialog, open_quick_entry

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=AMSTERDAM)
ENTER, TAB, UP = Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Up


@pytest.fixture(autouse=True)
def english_numbers():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


class Clock:
    """A clock the test moves on (Save and next puts the time at 'now')."""

    def __init__(self, moment=NOW):
        self.moment = moment

    def __call__(self):
        return self.moment


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def open_dialog(qtbot, services, clock):
    def make(measure_key="bp"):
        dialog = QuickEntryDialog(services, "en", None, measure_key, now=clock)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return make


@pytest.fixture
def questions(monkeypatch):
    """The Yes/No questions asked, answered with the next answer in `answers`."""
    class Asked(list):
        answers: list = []

    asked = Asked()

    def question(dialog, text):
        asked.append(text)
        return asked.answers.pop(0)

    monkeypatch.setattr(QuickEntryDialog, "question", question)
    return asked


def edit(dialog, name):
    return dialog.values.field(name).edit


def type_in(qtbot, widget, text):
    qtbot.keyClicks(widget, text)


def test_blood_pressure_is_one_entry_saved_with_enter(qtbot, open_dialog, services):
    dialog = open_dialog("bp")
    assert dialog.focusWidget() is edit(dialog, "value")  # ready to type at once
    type_in(qtbot, edit(dialog, "value"), "128")
    qtbot.keyClick(edit(dialog, "value"), TAB)
    assert dialog.focusWidget() is edit(dialog, "value2")  # Tab moves on to the next value
    type_in(qtbot, edit(dialog, "value2"), "82")
    qtbot.keyClick(edit(dialog, "value2"), TAB)
    type_in(qtbot, dialog.focusWidget(), "66")
    type_in(qtbot, dialog.context, "At")  # type-ahead: 'At rest'
    type_in(qtbot, dialog.note, "after cycling home")
    qtbot.keyClick(dialog.note, ENTER)
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = services.readings.latest("bp")
    assert (stored.value, stored.value2, stored.value3) == (128, 82, 66)
    assert (stored.context, stored.note) == ("at_rest", "after cycling home")
    assert stored.taken_at == NOW and stored.taken_at.utcoffset() == timedelta(hours=1)
    assert [c.item_id for c in dialog.saved_changes] == [stored.id]
    assert services.readings.count("bp") == 1


def test_the_measure_is_chosen_by_typing(qtbot, open_dialog, services):
    dialog = open_dialog("bp")
    type_in(qtbot, dialog.measure, "Gl")
    assert dialog.measure_key() == "glucose"
    assert [f.name for f in dialog.values.fields] == ["value"]  # one value, with a unit choice
    type_in(qtbot, edit(dialog, "value"), "5.4")
    qtbot.keyClick(edit(dialog, "value"), ENTER)
    assert services.readings.latest("glucose").value == 5.4


def test_glucose_in_mg_dl_is_stored_in_mmol_per_litre(qtbot, open_dialog, services):
    dialog = open_dialog("glucose")
    type_in(qtbot, dialog.values.unit, "mg")
    assert dialog.values.chosen_unit() == "mg/dL"
    type_in(qtbot, edit(dialog, "value"), "100")
    qtbot.keyClick(edit(dialog, "value"), ENTER)
    assert services.readings.latest("glucose").value == pytest.approx(100 / GLUCOSE_MG_PER_MMOL)
    assert services.readings.latest("glucose").value == pytest.approx(5.5506, abs=1e-4)


def test_an_implausible_value_answered_no_changes_nothing_and_returns_to_the_field(qtbot, open_dialog, services,
                                                                                    questions):
    dialog = open_dialog("bp")
    type_in(qtbot, edit(dialog, "value"), "320")
    type_in(qtbot, edit(dialog, "value2"), "82")
    type_in(qtbot, edit(dialog, "value3"), "70")
    questions.answers = [False]
    qtbot.keyClick(edit(dialog, "value3"), ENTER)
    assert questions == ["Systolic: 320 mmHg. This lies far outside the usual values. Is it right?"]
    assert services.readings.count("bp") == 0
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.focusWidget() is edit(dialog, "value")
    assert edit(dialog, "value").selectedText() == "320"  # ready to be typed over
    assert edit(dialog, "value2").text() == "82"  # nothing typed is lost


def test_an_implausible_value_answered_yes_is_stored(qtbot, open_dialog, services, questions):
    dialog = open_dialog("glucose")
    type_in(qtbot, dialog.values.unit, "mg")
    type_in(qtbot, edit(dialog, "value"), "900")
    questions.answers = [True]
    qtbot.keyClick(edit(dialog, "value"), ENTER)
    assert questions == ["Glucose: 900 mg/dL. This lies far outside the usual values. Is it right?"]
    assert services.readings.latest("glucose").value == pytest.approx(900 / GLUCOSE_MG_PER_MMOL)


def test_a_plausible_value_is_not_questioned(qtbot, open_dialog, services, questions):
    dialog = open_dialog("bp")
    type_in(qtbot, edit(dialog, "value"), "135")
    type_in(qtbot, edit(dialog, "value2"), "85")
    type_in(qtbot, edit(dialog, "value3"), "72")
    qtbot.keyClick(edit(dialog, "value3"), ENTER)
    assert questions == [] and services.readings.count("bp") == 1


def test_required_fields_are_explained_under_the_field(qtbot, open_dialog, services):
    dialog = open_dialog("bp")
    type_in(qtbot, edit(dialog, "value3"), "6x")
    assert dialog.values.field("value3").error.text() == "Type a number, e.g. 4,5."  # while typing
    assert not dialog.values.field("value").error.isVisibleTo(dialog)  # untouched: no nagging yet
    qtbot.keyClick(edit(dialog, "value3"), ENTER)
    assert services.readings.count() == 0
    assert dialog.values.field("value").error.text() == "Please fill this in."
    assert dialog.values.field("value2").error.text() == "Please fill this in."
    assert dialog.values.field("value3").error.text() == "Type a number, e.g. 4,5."
    assert dialog.focusWidget() is edit(dialog, "value")
    assert "Not saved yet" in dialog.problem.text()
    assert edit(dialog, "value3").text() == "6x"


def test_the_pulse_belongs_to_the_entry(qtbot, open_dialog, services):
    dialog = open_dialog("bp")
    type_in(qtbot, edit(dialog, "value"), "121")
    type_in(qtbot, edit(dialog, "value2"), "79")
    qtbot.keyClick(edit(dialog, "value2"), ENTER)
    assert services.readings.count() == 0
    assert dialog.values.field("value3").error.text() == "Please fill this in."
    type_in(qtbot, edit(dialog, "value3"), "64")
    qtbot.keyClick(edit(dialog, "value3"), ENTER)
    stored = services.readings.latest("bp")
    assert (stored.value, stored.value2, stored.value3) == (121, 79, 64)


def test_save_and_next_keeps_the_dialog_open_for_a_series(qtbot, open_dialog, services, clock):
    dialog = open_dialog("bp")
    type_in(qtbot, edit(dialog, "value"), "131")
    type_in(qtbot, edit(dialog, "value2"), "84")
    type_in(qtbot, edit(dialog, "value3"), "68")
    type_in(qtbot, dialog.context, "At")
    clock.moment = NOW + timedelta(minutes=2)  # the time it takes to read the meter again
    qtbot.keyClick(edit(dialog, "value3"), ENTER, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and services.readings.count("bp") == 1
    assert edit(dialog, "value").text() == "" and dialog.focusWidget() is edit(dialog, "value")
    assert dialog.time.text() == "22-11-2026 08:02"  # moved to now
    assert dialog.context.currentData() == "at_rest"  # the series goes on in the same way
    assert "Saved: 131/84 mmHg, pulse 68 (today 08:00)" in dialog.status.text()
    assert dialog.height() >= dialog.heightForWidth(dialog.width())  # the new lines got room, nothing squashed
    type_in(qtbot, edit(dialog, "value"), "127")
    type_in(qtbot, edit(dialog, "value2"), "81")
    type_in(qtbot, edit(dialog, "value3"), "66")
    qtbot.keyClick(edit(dialog, "value3"), ENTER)
    readings = services.readings.page("bp", 0, 10)
    assert [(r.value, r.taken_at) for r in readings] == [(127, NOW + timedelta(minutes=2)), (131, NOW)]
    assert len(dialog.saved_changes) == 2 and not dialog.isVisible()


def test_the_last_values_are_offered_and_up_fills_them_in(qtbot, open_dialog, services):
    yesterday = NOW - timedelta(days=1) + timedelta(hours=13, minutes=30)
    services.readings.add(Reading("bp", yesterday, 128, 82, 66))
    dialog = open_dialog("bp")
    assert dialog.last_text.text() == "Last time: 128/82 mmHg, pulse 66 — yesterday 21:30"
    qtbot.keyClick(edit(dialog, "value"), UP)
    assert [edit(dialog, n).text() for n in ("value", "value2", "value3")] == ["128", "82", "66"]
    qtbot.keyClick(edit(dialog, "value"), ENTER)
    assert [(r.value, r.value2, r.value3) for r in services.readings.page("bp", 0, 5)] == [(128, 82, 66)] * 2


def test_last_glucose_values_follow_the_unit_chosen(qtbot, open_dialog, services):
    services.readings.add(Reading("glucose", NOW - timedelta(hours=3), 5.5))
    dialog = open_dialog("glucose")
    type_in(qtbot, dialog.values.unit, "mg")
    qtbot.keyClick(edit(dialog, "value"), UP)
    assert edit(dialog, "value").text() == "99"  # 5.5 mmol/L


def test_the_time_can_be_typed_and_a_future_time_is_refused(qtbot, open_dialog, services):
    dialog = open_dialog("bp")
    type_in(qtbot, edit(dialog, "value"), "125")
    type_in(qtbot, edit(dialog, "value2"), "80")
    type_in(qtbot, edit(dialog, "value3"), "61")
    qtbot.keyClick(dialog.time, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, dialog.time, "22-11-2026 09:30")
    assert dialog.time_error.text() == "This time lies in the future."
    qtbot.keyClick(dialog.time, ENTER)
    assert services.readings.count() == 0
    qtbot.keyClick(dialog.time, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, dialog.time, "1-7-2026 21:15")  # summer time
    assert dialog.time_meaning.text() == "Wednesday 1 July 2026 at 21:15"
    qtbot.keyClick(dialog.time, ENTER)
    stored = services.readings.latest("bp")
    assert stored.taken_at == datetime(2026, 7, 1, 21, 15, tzinfo=AMSTERDAM)
    assert stored.taken_at.utcoffset() == timedelta(hours=2)


def test_a_symptom_score_is_a_whole_number_from_0_to_10(qtbot, open_dialog, services):
    services.measures.add(CustomMeasure(name="Tiredness", kind="score"))
    dialog = open_dialog("tiredness")
    type_in(qtbot, edit(dialog, "value"), "11")
    assert dialog.values.field("value").error.text() == "Type a whole number from 0 to 10."
    qtbot.keyClick(edit(dialog, "value"), ENTER)
    assert services.readings.count() == 0
    qtbot.keyClick(edit(dialog, "value"), Qt.Key.Key_Backspace)
    qtbot.keyClick(edit(dialog, "value"), Qt.Key.Key_Backspace)
    type_in(qtbot, edit(dialog, "value"), "6")
    qtbot.keyClick(edit(dialog, "value"), ENTER)
    assert services.readings.latest("tiredness").value == 6


def test_open_quick_entry_announces_each_reading_and_remembers_the_measure(qtbot, services, monkeypatch):
    window = QWidget()
    window.events = RecordEvents()
    qtbot.addWidget(window)
    announced = []
    window.events.changed.connect(announced.append)

    def type_a_glucose(dialog):  # what exec does: show the dialog; then the person types
        dialog.show()
        qtbot.keyClicks(dialog.measure, "Gl")
        qtbot.keyClicks(dialog.values.field("value").edit, "6.1")
        qtbot.keyClick(dialog.values.field("value").edit, ENTER)
        return dialog.result()

    monkeypatch.setattr(QuickEntryDialog, "exec", type_a_glucose)
    changes = open_quick_entry(window, services, "en", now=NOW)
    assert announced == changes and len(changes) == 1
    assert services.readings.latest("glucose").value == 6.1
    assert window.property(LAST_MEASURE) == "glucose"
    monkeypatch.setattr(QuickEntryDialog, "exec", lambda dialog: seen.append(dialog.measure_key()) or 0)
    seen = []
    assert open_quick_entry(window, services, "en", now=NOW) == []
    assert seen == ["glucose"]  # the measure used last in this session
    open_quick_entry(window, services, "en", "bp", now=NOW)
    assert seen == ["glucose", "bp"]  # the one shown on the page wins


def test_correcting_a_reading_keeps_its_measure_and_time(qtbot, services, clock):
    change = services.readings.add(Reading("bp", NOW - timedelta(hours=1), 182, 82, 66))
    stored = services.readings.get(change.item_id)
    dialog = QuickEntryDialog(services, "en", None, now=clock, reading=stored)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.measure.isEnabled() and not dialog.next_button.isVisible()
    value = edit(dialog, "value")
    qtbot.keyClick(value, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, value, "128")
    qtbot.keyClick(value, ENTER)
    corrected = services.readings.get(change.item_id)
    assert (corrected.value, corrected.value2, corrected.taken_at) == (128, 82, stored.taken_at)
    assert services.readings.count("bp") == 1 and corrected.provenance.changed_at


def test_enter_on_a_focused_button_presses_that_button(qtbot, open_dialog, services, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from phr.ui.forms import discard

    services.readings.add(Reading("bp", NOW - timedelta(hours=3), 120, 80, 60))
    dialog = open_dialog("bp")
    qtbot.keyClick(edit(dialog, "value"), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to Measure
    for _ in range(4):  # systolic, diastolic, pulse, Use last values
        qtbot.keyClick(dialog.focusWidget(), TAB)
    assert dialog.focusWidget() is dialog.use_last
    qtbot.keyClick(dialog.use_last, ENTER)
    assert [edit(dialog, n).text() for n in ("value", "value2", "value3")] == ["120", "80", "60"]
    assert services.readings.count() == 1 and dialog.isVisible()
    dialog.next_button.setFocus()
    qtbot.keyClick(dialog.next_button, ENTER)
    assert services.readings.count() == 2 and dialog.isVisible(), "Save and next keeps the dialog open"
    for name, text in (("value", "131"), ("value2", "84"), ("value3", "68")):
        type_in(qtbot, edit(dialog, name), text)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.setFocus()
    asked = []
    monkeypatch.setattr(discard, "confirm_discard", lambda parent: asked.append(parent) or True)  # "Discard"
    qtbot.keyClick(cancel, ENTER)
    assert asked == [dialog], "what was typed is not thrown away without asking"
    assert services.readings.count() == 2, "Enter on Cancel never saves"
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
