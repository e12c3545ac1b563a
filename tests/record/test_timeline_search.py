"""The timeline and search across the record: what they show, what they leave out, where they lead."""

import pytest
from PySide6.QtCore import Qt

from phr.record.care_team import Contact
from phr.record.person import Allergy
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository, Stamp


def put(session, table, **values):
    """An entry of a section whose service is tested elsewhere, straight through the repository."""
    stamp = Stamp(session.author.id, "2026-11-22T10:00:00+00:00")
    with session.db.transaction():
        return EntryRepository(session.db, table).insert(values, stamp)


@pytest.fixture
def filled(session, services):
    services.allergies.add(Allergy(substance="Penicilline", noted_on="2012"))
    diagnosis = put(session, tables.DIAGNOSES, name="Congenitale bijnierhyperplasie", status="confirmed",
                    diagnosed_on="1988-04", genetic_test_date="2015-06-02")
    medication = put(session, tables.MEDICATIONS, name="Hydrocortison", start_date="1988-05",
                     stop_date=None)
    put(session, tables.MEDICATION_CHANGES, medication_id=medication, changed_on="2024-02-01", dose="15 mg")
    appointment = put(session, tables.APPOINTMENTS, starts_at="2026-12-03T10:30", purpose="Jaarcontrole")
    put(session, tables.QUESTIONS, appointment_id=appointment, position=1, text="Mag de dosis omlaag?")
    return {"diagnosis": diagnosis, "medication": medication, "appointment": appointment}


def test_the_timeline_holds_every_dated_event_newest_first(services, filled):
    events = services.timeline.events()
    assert [(e.kind, e.date) for e in events] == [
        ("appointment", "2026-12-03T10:30"), ("medication_change", "2024-02-01"),
        ("genetic_test", "2015-06-02"), ("allergy", "2012"), ("medication_start", "1988-05"),
        ("diagnosis", "1988-04")]
    assert events[1].title == "Hydrocortison" and events[1].section == "medications"


def test_the_timeline_filters_by_kind(services, filled):
    assert [e.kind for e in services.timeline.events(("appointment", "diagnosis"))] == ["appointment", "diagnosis"]
    assert services.timeline.events(()) == []


def test_deleted_entries_and_their_children_leave_the_timeline(session, services, filled):
    EntryRepository(session.db, tables.MEDICATIONS).delete(filled["medication"], Stamp(session.author.id, "x"))
    kinds = [e.kind for e in services.timeline.events()]
    assert "medication_start" not in kinds and "medication_change" not in kinds


def test_search_finds_words_by_their_start_and_ignores_accents(services, filled):
    services.care_team.add(Contact(name="Dr. Özdemir", role="specialist", contact_for="stressdosis uitleg"))
    [hit] = services.search.search("ozdem")
    assert (hit.section, hit.title) == ("care_team", "Dr. Özdemir")
    [hit] = services.search.search("stress uitl")
    assert "\x02stressdosis\x03" in hit.snippet


def test_a_question_leads_to_its_appointment(services, filled):
    [hit] = services.search.search("dosis omlaag")
    assert (hit.section, hit.item_id) == ("appointments", filled["appointment"])


@pytest.mark.parametrize("text", ['"', "AND", "NEAR(", "a*b", "(", "-", "''", "x OR"])
def test_search_syntax_in_what_people_type_is_harmless(services, filled, text):
    assert isinstance(services.search.search(text), list)


def test_search_leaves_out_deleted_entries_until_undo(services, filled):
    change = services.care_team.add(Contact(name="Logopedie Noord", role="therapist"))
    services.care_team.delete(change.item_id)
    assert services.search.search("logopedie") == []
    services.care_team.undo_delete(change.item_id)
    assert [h.title for h in services.search.search("logopedie")] == ["Logopedie Noord"]


def test_search_and_open_a_hit_in_the_main_window(qtbot, services):
    from phr.ui.app.main_window import MainWindow

    services.care_team.add(Contact(name="Huisarts De Linde", role="gp"))
    target = services.care_team.add(Contact(name="Apotheek Zuid", role="pharmacy")).item_id
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search_box, "apotheek")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.search_page
    assert window.search_page.model.rowCount() == 1
    qtbot.keyClick(window.search_page.table, Qt.Key.Key_Return)
    page = window.page("care_team")
    assert window.pages.currentWidget() is page
    assert page.selected().id == target
    window.close_for_lock()


def test_the_timeline_page_opens_an_entry(qtbot, services):
    from phr.ui.app.main_window import MainWindow

    services.allergies.add(Allergy(substance="Jodium", noted_on="2020-05"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.show_page("timeline")
    timeline = window.page("timeline")
    assert timeline.model.rowCount() == 1
    timeline.table.selectRow(0)
    qtbot.keyClick(timeline.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.page("person")
    assert window.page("person").allergies.selected().substance == "Jodium"
    window.close_for_lock()


def test_search_finds_codes_and_numbers_as_people_type_them(services, filled):
    from phr.record.diagnoses import Diagnosis

    services.diagnoses.add(Diagnosis(name="Drager van CF", status="carrier", orpha_code=586))
    services.care_team.add(Contact(name="Huisartsenpost", role="gp", acute_phone="0900 123 4567"))
    assert [h.title for h in services.search.search("ORPHA:586")] == ["Drager van CF"]
    assert [h.title for h in services.search.search("0900")] == ["Huisartsenpost"]


def test_control_characters_in_a_search_are_harmless(services, filled):
    assert services.search.search("hydro\x00cort") == []
    assert [h.title for h in services.search.search("\x00Hydrocortison\t")] == ["Hydrocortison"]


def test_odd_stored_dates_are_shown_as_they_are(qapp):
    from phr.ui.text.formatting import partial, when

    assert when("2026-99-99T10:00") == "2026-99-99T10:00"
    assert partial("gisteren") == "gisteren"
    assert when("2026-12-03T10:30").endswith("10:30")
