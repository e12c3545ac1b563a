"""Appointments and their questions: rules, time queries and the order of the question list."""

from datetime import datetime

import pytest

from phr.core.entries import UPDATED, EntryInvalid
from phr.record.appointments import Appointment, AppointmentService, Question, is_time
from phr.record.care_team import CareTeamService, Contact

NOW = datetime(2026, 3, 10, 9, 30)


@pytest.fixture
def appointments(session):
    return AppointmentService(session)


def add(appointments, starts_at, purpose="") -> int:
    return appointments.add(Appointment(starts_at=starts_at, purpose=purpose)).item_id


def positions(appointments, appointment_id):
    return [(q.position, q.text) for q in appointments.questions(appointment_id)]


def stored_positions(session, appointment_id):
    """Straight from the table: positions of the questions not deleted."""
    rows = session.db.query("SELECT position FROM questions WHERE appointment_id = ? AND deleted_at IS NULL "
                            "ORDER BY position", (appointment_id,))
    return [position for (position,) in rows]


@pytest.fixture
def visit(appointments):
    """An appointment with three questions: A, B, C."""
    appointment_id = add(appointments, "2026-03-12T10:30", "Controle bijnier")
    for text in ("A", "B", "C"):
        appointments.add_question(appointment_id, text)
    return appointment_id


def question_id(appointments, appointment_id, text):
    return next(q.id for q in appointments.questions(appointment_id) if q.text == text)


# --- starts_at ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-03-05T14:30", "2024-02-29T00:00", "2026-12-31T23:59"])
def test_valid_times(text):
    assert is_time(text)


@pytest.mark.parametrize("text", ["", "2026-03-05", "2026-03-05 14:30", "2026-3-5T14:30", "2026-03-05T14:30:00",
                                  "2026-02-30T10:00", "2026-03-05T24:00", "2026-03-05T14:60", "5-3-2026 14:30",
                                  "2025-02-29T10:00", "morgen"])
def test_invalid_times(text):
    assert not is_time(text)


def test_an_appointment_needs_a_time(appointments):
    errors = appointments.validate(Appointment(purpose="Controle"))
    assert [(e.field, e.problem) for e in errors] == [("starts_at", "required")]
    with pytest.raises(EntryInvalid):
        appointments.add(Appointment(purpose="Controle"))
    assert appointments.count() == 0


def test_a_badly_written_time_is_refused_and_nothing_is_stored(appointments):
    errors = appointments.validate(Appointment(starts_at="2026-03-05 14:30"))
    assert [(e.field, e.problem) for e in errors] == [("starts_at", "invalid_date_time")]
    with pytest.raises(EntryInvalid):
        appointments.add(Appointment(starts_at="2026-02-30T10:00"))
    assert appointments.count() == 0


def test_a_changed_time_is_checked_too(appointments):
    appointment_id = add(appointments, "2026-03-12T10:30")
    with pytest.raises(EntryInvalid):
        appointments.update(Appointment(starts_at="12-03-2026", id=appointment_id))
    assert appointments.get(appointment_id).starts_at == "2026-03-12T10:30"


def test_an_appointment_keeps_every_field(appointments, session):
    contact_id = CareTeamService(session).add(Contact(name="Dr. A. Jansen", role="specialist")).item_id
    entered = Appointment(starts_at="2026-03-12T10:30", contact_id=contact_id, location="UMC, poli 3",
                          purpose="Controle", notes="Bloed prikken vooraf", outcome="Dosis blijft gelijk")
    appointment_id = appointments.add(entered).item_id
    stored = appointments.get(appointment_id)
    assert stored == Appointment(**{**entered.__dict__, "id": appointment_id, "uid": stored.uid})
    assert stored.provenance.entered_by == "Zoë Ünal"


# --- upcoming and past ----------------------------------------------------------------------

def test_upcoming_soonest_first_and_past_newest_first(appointments):
    add(appointments, "2026-04-01T08:00", "later")
    add(appointments, "2026-03-10T09:30", "now")
    add(appointments, "2025-11-20T14:00", "long ago")
    add(appointments, "2026-03-10T09:29", "a minute ago")
    add(appointments, "2026-03-11T16:15", "tomorrow")
    # Earlier today still counts as upcoming: at the visit, its questions must stay in view.
    assert [a.purpose for a in appointments.upcoming(NOW)] == ["a minute ago", "now", "tomorrow", "later"]
    assert [a.purpose for a in appointments.past(NOW)] == ["long ago"]
    assert appointments.next_appointment(NOW).purpose == "a minute ago"


def test_upcoming_and_past_come_in_pages(appointments):
    for day in range(1, 8):
        add(appointments, f"2026-03-{day:02d}T10:00", str(day))
    later = datetime(2026, 3, 4, 12, 0)
    assert [a.purpose for a in appointments.upcoming(later, offset=1, limit=2)] == ["5", "6"]
    assert [a.purpose for a in appointments.past(later, offset=1, limit=2)] == ["2", "1"]


def test_no_next_appointment_when_all_are_past(appointments):
    add(appointments, "2026-01-05T10:00")
    assert appointments.next_appointment(NOW) is None
    assert appointments.upcoming(NOW) == []


def test_deleted_appointments_are_neither_upcoming_nor_past(appointments):
    soon = add(appointments, "2026-03-20T10:00")
    before = add(appointments, "2026-03-01T10:00")
    appointments.delete(soon)
    appointments.delete(before)
    assert appointments.upcoming(NOW) == [] and appointments.past(NOW) == []
    appointments.undo_delete(soon)
    assert [a.id for a in appointments.upcoming(NOW)] == [soon]


def test_now_defaults_to_the_current_minute(appointments):
    add(appointments, "2001-01-01T10:00", "past")
    add(appointments, "2999-01-01T10:00", "future")
    assert [a.purpose for a in appointments.upcoming()] == ["future"]
    assert [a.purpose for a in appointments.past()] == ["past"]


# --- questions ------------------------------------------------------------------------------

def test_questions_are_added_at_the_end_and_changes_point_to_the_appointment(appointments, visit):
    change = appointments.add_question(visit, "Mag ik sporten met deze dosis?")
    assert (change.section, change.kind, change.item_id) == ("appointments", UPDATED, visit)
    assert positions(appointments, visit) == [(1, "A"), (2, "B"), (3, "C"), (4, "Mag ik sporten met deze dosis?")]
    assert appointments.questions(visit)[0].provenance.entered_by == "Zoë Ünal"


def test_a_question_needs_text_and_an_existing_appointment(appointments, visit):
    with pytest.raises(EntryInvalid) as refused:
        appointments.add_question(visit, "   ")
    assert [(e.field, e.problem) for e in refused.value.errors] == [("text", "required")]
    with pytest.raises(EntryInvalid):
        appointments.add_question(visit + 100, "Een vraag")
    assert len(appointments.questions(visit)) == 3
    assert appointments.question_entries.count() == 3


def test_questions_of_one_appointment_stay_apart_from_another(appointments, visit):
    other = add(appointments, "2026-05-01T09:00")
    appointments.add_question(other, "X")
    assert positions(appointments, other) == [(1, "X")]
    assert [q.text for q in appointments.questions(visit)] == ["A", "B", "C"]


def test_move_a_question_up_and_down(appointments, visit, session):
    c = question_id(appointments, visit, "C")
    change = appointments.move_question(c, up=True)
    assert (change.section, change.item_id) == ("appointments", visit)
    assert positions(appointments, visit) == [(1, "A"), (2, "C"), (3, "B")]
    appointments.move_question(c, up=True)
    assert positions(appointments, visit) == [(1, "C"), (2, "A"), (3, "B")]
    appointments.move_question(c, up=False)
    assert positions(appointments, visit) == [(1, "A"), (2, "C"), (3, "B")]
    assert stored_positions(session, visit) == [1, 2, 3]


def test_moving_past_either_end_changes_nothing(appointments, visit):
    appointments.move_question(question_id(appointments, visit, "A"), up=True)
    appointments.move_question(question_id(appointments, visit, "C"), up=False)
    assert positions(appointments, visit) == [(1, "A"), (2, "B"), (3, "C")]


def test_moving_does_not_mark_the_question_changed(appointments, visit):
    b = question_id(appointments, visit, "B")
    before = appointments.question(b).provenance.changed_at
    appointments.move_question(b, up=True)
    assert appointments.question(b).provenance.changed_at == before


def test_deleting_a_question_closes_the_gap_and_undo_puts_it_back(appointments, visit, session):
    b = question_id(appointments, visit, "B")
    change = appointments.delete_question(b)
    assert (change.section, change.kind, change.item_id) == ("appointments", UPDATED, visit)
    assert positions(appointments, visit) == [(1, "A"), (2, "C")]
    assert stored_positions(session, visit) == [1, 2]
    appointments.undo_delete_question(b)
    assert positions(appointments, visit) == [(1, "A"), (2, "B"), (3, "C")]
    assert stored_positions(session, visit) == [1, 2, 3]


def test_undo_after_the_list_became_shorter_puts_the_question_at_the_end(appointments, visit, session):
    c = question_id(appointments, visit, "C")
    appointments.delete_question(c)
    appointments.delete_question(question_id(appointments, visit, "A"))
    appointments.undo_delete_question(c)
    assert positions(appointments, visit) == [(1, "B"), (2, "C")]
    appointments.add_question(visit, "D")
    assert stored_positions(session, visit) == [1, 2, 3]


def test_a_question_added_after_a_deletion_follows_on_without_a_gap(appointments, visit, session):
    appointments.delete_question(question_id(appointments, visit, "A"))
    appointments.add_question(visit, "D")
    assert positions(appointments, visit) == [(1, "B"), (2, "C"), (3, "D")]


def test_answer_a_question(appointments, visit):
    b = question_id(appointments, visit, "B")
    change = appointments.answer_question(b, "Ja, met extra zout bij hitte.")
    assert (change.section, change.item_id) == ("appointments", visit)
    answered = appointments.question(b)
    assert answered.answered and answered.answer == "Ja, met extra zout bij hitte."
    assert (answered.text, answered.position) == ("B", 2)
    assert [q.text for q in appointments.open_questions(visit)] == ["A", "C"]
    assert appointments.open_question_counts([visit]) == {visit: 2}


def test_update_a_question_keeps_its_place_and_appointment(appointments, visit):
    other = add(appointments, "2026-05-01T09:00")
    a = appointments.question(question_id(appointments, visit, "A"))
    appointments.update_question(Question(appointment_id=other, position=9, text="A, beter gezegd", id=a.id,
                                          answered=True, answer="Nee"))
    stored = appointments.question(a.id)
    assert (stored.appointment_id, stored.position, stored.text, stored.answered, stored.answer) == (
        visit, 1, "A, beter gezegd", True, "Nee")
    with pytest.raises(EntryInvalid):
        appointments.update_question(Question(text="", id=a.id))
    assert appointments.question(a.id).text == "A, beter gezegd"


def test_open_question_counts_include_appointments_without_questions(appointments, visit):
    empty = add(appointments, "2026-06-01T09:00")
    appointments.answer_question(question_id(appointments, visit, "A"), "")
    appointments.delete_question(question_id(appointments, visit, "C"))
    assert appointments.open_question_counts([visit, empty]) == {visit: 1, empty: 0}
    assert appointments.open_question_counts([]) == {}


def test_a_question_can_be_found_and_leads_to_its_appointment(appointments, visit, session):
    appointments.add_question(visit, "Hoe zit het met de stressdosis?")
    rows = session.db.query("SELECT section, item_id FROM search_index WHERE search_index MATCH 'stressdosis'")
    assert rows == [("appointments", visit)]
