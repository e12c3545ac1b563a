"""The appointments page with its questions, driven like a user would; checked through the service."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from phr.record.appointments import Appointment, AppointmentService
from phr.record.care_team import CareTeamService, Contact
from phr.ui.pages.appointments_page import AppointmentsPage


def at(days: int, time: str = "10:30") -> str:
    """A time `days` from today (negative: in the past), as the service stores it."""
    return (datetime.now() + timedelta(days=days)).strftime("%Y-%m-%dT") + time


@pytest.fixture
def appointments(session):
    return AppointmentService(session)


@pytest.fixture
def specialist(session):
    return CareTeamService(session).add(Contact(name="Dr. A. Jansen", role="specialist")).item_id


@pytest.fixture
def page(qtbot, appointments, session, events):
    widget = AppointmentsPage(appointments, session, events)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def fill(**values):
    def apply(dialog):
        for name, value in values.items():
            dialog.field(name).set(value)
    return apply


def shown(page, column: int) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def texts(appointments, appointment_id):
    return [(q.position, q.text, q.answered, q.answer) for q in appointments.questions(appointment_id)]


@pytest.fixture
def visit(page, appointments):
    """An upcoming appointment, shown and selected."""
    appointment_id = appointments.add(Appointment(starts_at=at(5), purpose="Controle bijnier")).item_id
    page.reload(select_id=appointment_id)
    return appointment_id


# --- appointments ---------------------------------------------------------------------------

def test_add_an_appointment(page, appointments, specialist, dialogs):
    dialogs.append(fill(starts_at=at(7, "14:15"), contact_id=specialist, location="UMC Utrecht, poli 3",
                        purpose="Uitslag DNA-onderzoek"))
    page.add()
    [saved] = appointments.all()
    assert (saved.starts_at, saved.contact_id, saved.location, saved.purpose) == (
        at(7, "14:15"), specialist, "UMC Utrecht, poli 3", "Uitslag DNA-onderzoek")
    assert shown(page, 1) == ["Dr. A. Jansen"] and shown(page, 2) == ["0"]
    assert "14:15" in shown(page, 0)[0]
    details = page.details.toPlainText()
    assert "Uitslag DNA-onderzoek" in details and "Dr. A. Jansen" in details
    assert "Entered by Zoë Ünal (owner)" in details


def test_type_the_date_and_time(page, appointments, dialogs, qtbot):
    def type_time(dialog):
        qtbot.keyClicks(dialog.field("starts_at").widget, "15-3-2031 14.30")
        assert dialog.field("starts_at").widget.echo.text() == "Saturday 15 March 2031 at 14:30"

    dialogs.append(type_time)
    page.show_filter("all")
    page.add()
    assert [a.starts_at for a in appointments.all()] == ["2031-03-15T14:30"]


def test_change_an_appointment_with_notes_and_outcome(page, appointments, visit, dialogs):
    dialogs.append(fill(notes="Medicijnlijst meenemen", outcome="Dosis blijft gelijk; over een half jaar terug."))
    page.edit_selected()
    saved = appointments.get(visit)
    assert (saved.notes, saved.outcome) == ("Medicijnlijst meenemen", "Dosis blijft gelijk; over een half jaar terug.")
    assert (saved.purpose, saved.starts_at) == ("Controle bijnier", at(5))
    assert "Dosis blijft gelijk" in page.details.toPlainText()


def test_bad_input_is_explained_and_keeps_what_was_typed(page, appointments, dialogs, qtbot):
    def forget_the_time(dialog):
        qtbot.keyClicks(dialog.field("purpose").widget, "Griepprik")
        qtbot.keyClicks(dialog.field("location").widget, "Huisartsenpraktijk")

    dialogs.append(forget_the_time)
    page.add()
    dialog = dialogs.last
    assert not dialog.result()
    assert appointments.all() == []  # nothing was stored
    assert dialog.field("purpose").widget.text() == "Griepprik"  # nothing typed was lost
    assert dialog.field("location").widget.text() == "Huisartsenpraktijk"
    assert "fill this in" in dialog._error_labels["starts_at"].text()


def test_delete_and_undo(page, appointments, visit):
    page.delete_selected()
    assert appointments.all() == []
    assert page.undo_bar.isVisible() and "Controle bijnier" in page.undo_text.text()
    page.undo_delete()
    assert [a.id for a in appointments.all()] == [visit]
    assert not page.undo_bar.isVisible()


def test_upcoming_past_and_all(page, appointments):
    appointments.add(Appointment(starts_at=at(-30), purpose="Vorige controle"))
    appointments.add(Appointment(starts_at=at(60), purpose="Later"))
    appointments.add(Appointment(starts_at=at(2), purpose="Binnenkort"))
    page.reload()
    assert page.filter_box.currentData() == "upcoming"
    assert shown(page, 3) == ["Binnenkort", "Later"]
    page.show_filter("past")
    assert shown(page, 3) == ["Vorige controle"]
    page.show_filter("all")
    assert shown(page, 3) == ["Later", "Binnenkort", "Vorige controle"]


def test_a_past_appointment_added_under_upcoming_is_shown(page, appointments, dialogs):
    dialogs.append(fill(starts_at=at(-3), purpose="Was al geweest"))
    page.add()
    assert page.filter_box.currentData() == "all"
    assert page.selected().purpose == "Was al geweest"


def test_a_renamed_contact_shows_in_the_list(page, appointments, specialist, session, events):
    appointments.add(Appointment(starts_at=at(3), contact_id=specialist))
    page.reload()
    care_team = CareTeamService(session)
    events.changed.emit(care_team.update(Contact(name="Dr. B. Jansen", role="specialist", id=specialist)))
    assert shown(page, 1) == ["Dr. B. Jansen"]


# --- questions ------------------------------------------------------------------------------

def add_questions(page, dialogs, *questions):
    for text in questions:
        dialogs.append(fill(text=text))
        page.questions.add()


def test_add_move_and_answer_questions(page, appointments, visit, dialogs, qtbot):
    add_questions(page, dialogs, "Mag ik sporten?", "Kan mijn broer zich laten testen?", "Wanneer is de volgende bloedafname?")
    assert [t[:2] for t in texts(appointments, visit)] == [
        (1, "Mag ik sporten?"), (2, "Kan mijn broer zich laten testen?"), (3, "Wanneer is de volgende bloedafname?")]
    assert page.questions.selected().text == "Wanneer is de volgende bloedafname?"  # the new one is selected

    page.questions.table.setFocus()
    qtbot.keyClick(page.questions.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [t[1] for t in texts(appointments, visit)] == [
        "Mag ik sporten?", "Wanneer is de volgende bloedafname?", "Kan mijn broer zich laten testen?"]
    assert page.questions.selected().text == "Wanneer is de volgende bloedafname?"  # it moves along

    page.questions.table.selectRow(0)
    dialogs.append(fill(answer="Ja, met een extra dosis bij zware inspanning."))
    page.questions.answer_selected()
    assert texts(appointments, visit)[0] == (1, "Mag ik sporten?", True, "Ja, met een extra dosis bij zware inspanning.")
    assert page.selected().id == visit  # the appointment stays selected
    assert shown(page, 2) == ["2"]  # two questions still open
    assert "2 of 3 open" in page.questions.heading.text()


def test_move_down_with_the_button_and_the_keyboard(page, appointments, visit, dialogs, qtbot):
    add_questions(page, dialogs, "A", "B", "C")
    page.questions.table.selectRow(0)
    page.questions.down_button.click()
    assert [t[1] for t in texts(appointments, visit)] == ["B", "A", "C"]
    page.questions.table.setFocus()
    qtbot.keyClick(page.questions.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [t[1] for t in texts(appointments, visit)] == ["B", "C", "A"]
    assert not page.questions.down_button.isEnabled()  # already the last one


def test_change_a_question(page, appointments, visit, dialogs):
    add_questions(page, dialogs, "Mag ik sportn?")
    dialogs.append(fill(text="Mag ik sporten?", answered=True, answer="Ja."))
    page.questions.edit_selected()
    assert texts(appointments, visit) == [(1, "Mag ik sporten?", True, "Ja.")]


def test_an_empty_question_is_not_saved_and_the_dialog_stays(page, appointments, visit, dialogs):
    add_questions(page, dialogs, "   ")
    assert not dialogs.last.result()
    assert appointments.questions(visit) == []
    assert "fill this in" in dialogs.last._error_labels["text"].text()


def test_delete_a_question_with_the_keyboard_and_undo(page, appointments, visit, dialogs, qtbot):
    add_questions(page, dialogs, "A", "B", "C")
    page.questions.table.selectRow(1)
    page.questions.table.setFocus()
    qtbot.keyClick(page.questions.table, Qt.Key.Key_Delete)
    assert [t[:2] for t in texts(appointments, visit)] == [(1, "A"), (2, "C")]
    assert [a.id for a in appointments.all()] == [visit]  # the appointment itself is still there
    assert "B" in page.undo_text.text() and page.undo_bar.isVisible()
    qtbot.keyClick(page.questions.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t[:2] for t in texts(appointments, visit)] == [(1, "A"), (2, "B"), (3, "C")]
    assert page.questions.selected().text == "B"
    assert not page.undo_bar.isVisible()


def test_undo_brings_back_questions_and_appointments_in_turn(page, appointments, visit, dialogs):
    add_questions(page, dialogs, "A")
    page.questions.table.selectRow(0)
    page.questions.delete_selected()
    page.table.setFocus()
    page.delete_selected()
    assert appointments.all() == []
    page.undo_delete()
    assert [a.id for a in appointments.all()] == [visit] and appointments.questions(visit) == []
    page.undo_delete()
    assert [t[1] for t in texts(appointments, visit)] == ["A"]


def test_question_buttons_need_a_selection(page, appointments):
    assert not page.questions.add_button.isEnabled()  # no appointment yet
    appointments.add(Appointment(starts_at=at(1)))
    page.reload()
    assert page.questions.add_button.isEnabled()
    assert not page.questions.edit_button.isEnabled() and not page.questions.delete_button.isEnabled()


def test_ctrl_n_in_the_question_list_adds_a_question(page, appointments, visit, dialogs, qtbot):
    dialogs.append(fill(text="Hoe lang duurt de uitslag?"))
    page.questions.table.setFocus()
    qtbot.keyClick(page.questions.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [t[1] for t in texts(appointments, visit)] == ["Hoe lang duurt de uitslag?"]
    assert len(appointments.all()) == 1  # not a new appointment


def test_an_agreement_becomes_a_goal_in_one_step(qtbot, services, events, dialogs):
    from phr.record.care_team import Contact
    from phr.ui.pages.appointments_page import AppointmentsPage

    doctor = services.care_team.add(Contact(name="Dr. Bakker", role="specialist")).item_id
    visit = services.appointments.add(Appointment(starts_at="2026-10-05T14:00", contact_id=doctor)).item_id
    page = AppointmentsPage(services.appointments, services.session, events, care_plan=services.care_plan)
    qtbot.addWidget(page)
    page.show_filter("all")
    page.reload(select_id=visit)
    dialogs.append(lambda d: (d.field("description").set("Elke ochtend mijn bloeddruk meten"),
                              d.field("review_date").widget.setText("1-2027")))
    page.goal_button.click()
    [goal] = services.care_plan.all()
    assert goal.description == "Elke ochtend mijn bloeddruk meten"
    assert (goal.appointment_id, goal.agreed_with, goal.start_date, goal.review_date) == (
        visit, doctor, "2026-10-05", "2027-01")
