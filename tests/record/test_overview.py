"""The overview: what the start page gathers, and that it leads to the entries it shows."""

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtCore import QUrl

from phr.record import overview
from phr.record.appointments import Appointment
from phr.record.care_plan import Goal
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.ui.pages.overview_page import OverviewPage

NOW = datetime(2026, 11, 22, 9, 0)


@pytest.fixture
def filled(services):
    s = services
    s.person.update(dataclasses.replace(s.person.get(), birth_date="1991-03-14",
                                        emergency_notes="Stressdosis hydrocortison bij koorts."))
    post = s.care_team.add(Contact(name="Huisartsenpost Midden", role="gp", acute_phone="0900 000 1234",
                                   contact_for="'s Avonds en in het weekend")).item_id
    s.care_team.add(Contact(name="Apotheek", role="pharmacy", phone="030 000 1111"))
    s.diagnoses.add(Diagnosis(name="Klassieke CAH", status="confirmed", orpha_code=90794))
    s.diagnoses.add(Diagnosis(name="Oude enkelbreuk", status="resolved"))
    s.care_plan.add(Goal(description="Minder moe", review_date="2026-10-01"))
    s.care_plan.add(Goal(description="Weer sporten", review_date="2026-12-10"))
    s.care_plan.add(Goal(description="Later bekijken", review_date="2027-06"))
    s.care_plan.add(Goal(description="Al gehaald", status="achieved"))
    s.medications.add(Medication(name="Hydrocortison", strength="10 mg", schedule="3x per dag"))
    s.medications.add(Medication(name="Prednison", start_date="2020", stop_date="2021"))
    s.appointments.add(Appointment(starts_at="2026-10-01T10:00", purpose="Vorige controle"))
    visit = s.appointments.add(Appointment(starts_at="2026-12-03T10:30", purpose="Jaarcontrole")).item_id
    s.appointments.add(Appointment(starts_at="2027-03-01T09:00", purpose="Later"))
    s.appointments.add_question(visit, "Mag de dosis omlaag?")
    answered = s.appointments.add_question(visit, "Al gevraagd")
    s.appointments.answer_question(s.appointments.questions(visit)[1].id, "Ja")
    return {"post": post, "visit": visit, "answered": answered}


def test_the_overview_gathers_the_care_process(services, filled):
    view = overview.build(services, NOW)
    assert [d.name for d in view.diagnoses] == ["Klassieke CAH"]  # resolved ones are history
    assert [g.description for g in view.overdue_goals] == ["Minder moe"]
    assert [g.description for g in view.goals_due_soon] == ["Weer sporten"]
    assert [g.description for g in view.other_active_goals] == ["Later bekijken"]
    assert [m.name for m in view.medications] == ["Hydrocortison"]
    assert view.next_appointment.purpose == "Jaarcontrole"
    assert [a.purpose for a in view.later_appointments] == ["Later"]
    assert [q.text for q in view.open_questions] == ["Mag de dosis omlaag?"]
    assert [c.name for c in view.who_to_call] == ["Huisartsenpost Midden"]


def test_age_needs_a_full_date_of_birth():
    assert overview.age("1991-03-14", date(2026, 3, 13)) == 34
    assert overview.age("1991-03-14", date(2026, 3, 14)) == 35
    assert overview.age("1991-03", date(2026, 3, 14)) is None


def test_the_page_shows_it_and_its_links_open_entries(qtbot, services, events, filled):
    page = OverviewPage(services, events, now=lambda: NOW)
    qtbot.addWidget(page)
    text = page.plain_text()
    for expected in ("Stressdosis hydrocortison bij koorts.", "0900 000 1234", "Minder moe", "review overdue",
                     "Mag de dosis omlaag?", "Hydrocortison 10 mg", "ORPHA:90794", "35 years"):
        assert expected in text, expected
    assert "Al gevraagd" not in text and "Prednison" not in text
    assert "After that:" in text and "Later" in text
    with qtbot.waitSignal(events.show_item) as opened:
        page._open(QUrl(f"appointments:{filled['visit']}"))
    assert opened.args == ["appointments", filled["visit"]]


def test_an_empty_record_says_what_is_missing(qtbot, services, events):
    page = OverviewPage(services, events, now=lambda: NOW)
    qtbot.addWidget(page)
    text = page.plain_text()
    assert "No appointment planned." in text and "Not filled in yet." in text
