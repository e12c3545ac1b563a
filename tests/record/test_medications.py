"""Medicines and their change history: rules, current and past lists, dose changes, stopping, 'since'."""

from datetime import date

import pytest

from phr.core.entries import UPDATED, EntryInvalid, FieldError
from phr.record.care_team import CareTeamService, Contact
from phr.record.diagnoses import Diagnosis, DiagnosisService
from phr.record.medications import Medication, MedicationChange, MedicationService, is_current
from phr.storage.repos.medications import MedicationRepository

TODAY = date(2025, 6, 15)


@pytest.fixture
def medications(session):
    return MedicationService(session)


def add(medications, name="Hydrocortison", **values) -> int:
    return medications.add(Medication(name=name, **values)).item_id


def problems(medications, **values) -> set[tuple[str, str]]:
    return {(e.field, e.problem) for e in medications.validate(Medication(**values))}


def stored_changes(session, medication_id):
    """Straight from the table, deleted ones included: (changed_on, dose, deleted?)."""
    rows = session.db.query("SELECT changed_on, dose, deleted_at IS NOT NULL FROM medication_changes "
                            "WHERE medication_id = ? ORDER BY id", (medication_id,))
    return [tuple(row) for row in rows]


# --- rules ----------------------------------------------------------------------------------

def test_a_medicine_needs_a_name(medications):
    assert problems(medications, name="  ") == {("name", "required")}
    with pytest.raises(EntryInvalid):
        medications.add(Medication(name=""))
    assert medications.all() == []


@pytest.mark.parametrize("field_name", ["start_date", "stop_date"])
def test_dates_must_be_dates(medications, field_name):
    assert problems(medications, name="X", **{field_name: "31-02-2024"}) == {(field_name, "invalid_date")}
    assert problems(medications, name="X", **{field_name: "2024-05"}) == set()  # a partial date is fine


def test_a_medicine_cannot_stop_before_it_started(medications):
    assert problems(medications, name="X", start_date="2024-05-10", stop_date="2024-05-09") == {
        ("stop_date", "before_start")}
    # Partial dates compare by what they can mean: stopped in May 2024, started on 10 May 2024.
    assert problems(medications, name="X", start_date="2024-05-10", stop_date="2024-05") == set()
    assert problems(medications, name="X", start_date="2024", stop_date="2024") == set()


@pytest.mark.parametrize("route", ["", "oral", "subcutaneous", "intramuscular", "inhaled", "topical", "other"])
def test_known_routes_or_none(medications, route):
    assert problems(medications, name="X", route=route) == set()


def test_an_unknown_route_is_refused(medications):
    assert problems(medications, name="X", route="rectal") == {("route", "invalid_choice")}


def test_links_must_point_to_existing_entries(medications, session):
    diagnosis = DiagnosisService(session).add(Diagnosis(name="Ziekte van Addison", status="confirmed")).item_id
    contact = CareTeamService(session).add(Contact(name="Dr. Jansen", role="specialist")).item_id
    assert problems(medications, name="X", reason_id=diagnosis, prescriber_id=contact) == set()
    assert problems(medications, name="X", reason_id=contact + 99, prescriber_id=diagnosis + 99) == {
        ("reason_id", "invalid_choice"), ("prescriber_id", "invalid_choice")}


def test_a_link_to_a_diagnosis_deleted_since_may_stay(medications, session):
    diagnoses = DiagnosisService(session)
    diagnosis = diagnoses.add(Diagnosis(name="Ziekte van Addison", status="confirmed")).item_id
    medication_id = add(medications, reason_id=diagnosis)
    diagnoses.delete(diagnosis)
    medications.update(Medication(name="Hydrocortison 2", reason_id=diagnosis, id=medication_id))
    assert medications.get(medication_id).name == "Hydrocortison 2"
    assert problems(medications, name="Nieuw", reason_id=diagnosis) == {("reason_id", "invalid_choice")}


def test_all_fields_are_stored_and_read_back(medications):
    medication = Medication(name="Hydrocortison", strength="10 mg", dose="1 tablet",
                            schedule="3 keer per dag: 10-5-5 mg", route="oral", start_date="2019-05",
                            stop_date="", stop_reason="", notes="Bij koorts dubbele dosis")
    medication_id = medications.add(medication).item_id
    stored = medications.get(medication_id)
    assert stored == Medication(**{**medication.__dict__, "id": medication_id, "uid": stored.uid})
    assert stored.provenance.entered_by == "Zoë Ünal" and stored.provenance.source == "typed"


# --- current and past -----------------------------------------------------------------------

def names(items):
    return [m.name for m in items]


def test_current_and_past_by_stop_date(medications):
    add(medications, "A zonder stopdatum")
    add(medications, "B stopt morgen", stop_date="2025-06-16")
    add(medications, "C stopte vandaag", stop_date="2025-06-15")
    add(medications, "D stopte gisteren", stop_date="2025-06-14")
    add(medications, "E stopt volgende maand", stop_date="2025-07")
    add(medications, "F stopte deze maand", stop_date="2025-06")
    add(medications, "G stopte dit jaar", stop_date="2025")
    add(medications, "H stopt volgend jaar", stop_date="2026")
    assert names(medications.current(TODAY)) == ["A zonder stopdatum", "B stopt morgen", "E stopt volgende maand",
                                                  "H stopt volgend jaar"]
    assert names(medications.past(TODAY)) == ["C stopte vandaag", "D stopte gisteren", "F stopte deze maand",
                                               "G stopte dit jaar"]


def test_a_partial_stop_date_counts_from_its_first_day(medications):
    add(medications, "X", stop_date="2025-07")
    assert names(medications.current(date(2025, 6, 30))) == ["X"]
    assert names(medications.past(date(2025, 7, 1))) == ["X"]
    assert is_current(medications.all()[0], date(2025, 6, 30))
    assert not is_current(medications.all()[0], date(2025, 7, 1))


def test_current_and_past_page_and_skip_deleted(medications):
    for letter in "ABCDE":
        add(medications, letter)
    medications.delete(medications.current(TODAY)[0].id)
    assert names(medications.current(TODAY, offset=1, limit=2)) == ["C", "D"]
    assert medications.past(TODAY) == []


def test_today_defaults_to_the_real_date(medications):
    add(medications, "Gestopt", stop_date="2001")
    add(medications, "Loopt", stop_date="2099")
    assert names(medications.current()) == ["Loopt"] and names(medications.past()) == ["Gestopt"]


# --- changing the dose ----------------------------------------------------------------------

@pytest.fixture
def hydrocortisone(medications):
    return add(medications, strength="10 mg", dose="1 tablet", schedule="3 keer per dag: 10-5-5 mg",
               start_date="2019-05")


def test_a_dose_change_is_kept_and_becomes_the_current_dose(medications, session, hydrocortisone):
    change = medications.change_dose(hydrocortisone, "2024-03-01", "1,5 tablet", "3 keer per dag: 15-5-5 mg",
                                     "Meer klachten bij stress")
    assert change.section == "medications" and change.kind == UPDATED and change.item_id == hydrocortisone
    medication = medications.get(hydrocortisone)
    assert (medication.dose, medication.schedule) == ("1,5 tablet", "3 keer per dag: 15-5-5 mg")
    [entry] = medications.changes(hydrocortisone)
    assert (entry.medication_id, entry.changed_on, entry.dose, entry.schedule, entry.reason) == (
        hydrocortisone, "2024-03-01", "1,5 tablet", "3 keer per dag: 15-5-5 mg", "Meer klachten bij stress")
    assert entry.provenance.entered_by == "Zoë Ünal"


def test_changes_are_listed_newest_first(medications, hydrocortisone):
    medications.change_dose(hydrocortisone, "2023-01-10", "2 tabletten", "")
    medications.change_dose(hydrocortisone, "2024-03-01", "1,5 tablet", "")
    medications.change_dose(hydrocortisone, "2022", "1 tablet", "")
    assert [c.changed_on for c in medications.changes(hydrocortisone)] == ["2024-03-01", "2023-01-10", "2022"]
    assert medications.get(hydrocortisone).dose == "1,5 tablet"  # an older change only joins the history


@pytest.mark.parametrize("changed_on, dose, schedule, expected", [
    ("", "2 tabletten", "", ("changed_on", "required")),
    ("30-02-2024", "2 tabletten", "", ("changed_on", "invalid_date")),
    ("2019-04-30", "2 tabletten", "", ("changed_on", "before_start")),
    ("2024-03-01", " ", "", ("dose", "required")),
])
def test_an_invalid_change_changes_nothing(medications, session, hydrocortisone, changed_on, dose, schedule,
                                           expected):
    before = medications.get(hydrocortisone)
    with pytest.raises(EntryInvalid) as refused:
        medications.change_dose(hydrocortisone, changed_on, dose, schedule, "reden")
    assert expected in {(e.field, e.problem) for e in refused.value.errors}
    assert medications.get(hydrocortisone) == before and medications.get(hydrocortisone).provenance == before.provenance
    assert stored_changes(session, hydrocortisone) == []


def test_a_new_schedule_alone_is_a_change(medications, hydrocortisone):
    medications.change_dose(hydrocortisone, "2024-03-01", "", "2 keer per dag")
    assert (medications.get(hydrocortisone).dose, medications.get(hydrocortisone).schedule) == ("", "2 keer per dag")


def test_a_change_for_a_missing_medicine_is_refused(medications, session):
    with pytest.raises(EntryInvalid) as refused:
        medications.change_dose(12345, "2024-03-01", "1 tablet")
    assert refused.value.errors == (FieldError("medication_id", "invalid_choice"),)
    assert session.db.query_one("SELECT count(*) FROM medication_changes")[0] == 0


def test_the_history_entry_and_the_new_dose_are_one_transaction(medications, session, hydrocortisone, monkeypatch):
    def fail(*_args):
        raise OSError("disk gone")

    monkeypatch.setattr(MedicationRepository, "update", fail)  # the second write of the two fails
    with pytest.raises(OSError):
        medications.change_dose(hydrocortisone, "2024-03-01", "2 tabletten", "")
    monkeypatch.undo()
    assert stored_changes(session, hydrocortisone) == []  # the history entry was rolled back too
    assert medications.get(hydrocortisone).dose == "1 tablet"


def test_correcting_the_newest_change_corrects_the_current_dose(medications, hydrocortisone):
    medications.change_dose(hydrocortisone, "2024-03-01", "2 tabletten", "", "Stress")
    [entry] = medications.changes(hydrocortisone)
    medications.update_change(MedicationChange(hydrocortisone, "2024-03-02", "1,5 tablet", "", "Stress", id=entry.id))
    assert medications.get(hydrocortisone).dose == "1,5 tablet"
    assert [(c.changed_on, c.dose) for c in medications.changes(hydrocortisone)] == [("2024-03-02", "1,5 tablet")]


def test_correcting_an_older_change_keeps_a_later_edit_of_the_medicine(medications, hydrocortisone):
    medications.change_dose(hydrocortisone, "2023-01-01", "2 tabletten", "")
    medications.change_dose(hydrocortisone, "2024-01-01", "3 tabletten", "")
    medications.update(Medication(**{**medications.get(hydrocortisone).__dict__, "dose": "3 tabletten (drank)"}))
    older, newest = medications.changes(hydrocortisone)[1], medications.changes(hydrocortisone)[0]
    medications.update_change(MedicationChange(hydrocortisone, older.changed_on, "2,5 tablet", "", "typfout",
                                               id=older.id))
    medications.update_change(MedicationChange(hydrocortisone, newest.changed_on, newest.dose, "", "nieuwe reden",
                                               id=newest.id))
    assert medications.get(hydrocortisone).dose == "3 tabletten (drank)"


def test_an_invalid_correction_changes_nothing(medications, hydrocortisone):
    medications.change_dose(hydrocortisone, "2024-03-01", "2 tabletten", "")
    [entry] = medications.changes(hydrocortisone)
    with pytest.raises(EntryInvalid):
        medications.update_change(MedicationChange(hydrocortisone, "maart", "3 tabletten", "", id=entry.id))
    assert medications.changes(hydrocortisone) == [entry]
    assert medications.get(hydrocortisone).dose == "2 tabletten"


def test_a_change_entry_stays_with_its_medicine(medications, hydrocortisone):
    other = add(medications, "Fludrocortison", dose="0,1 mg")
    medications.change_dose(hydrocortisone, "2024-03-01", "2 tabletten", "")
    [entry] = medications.changes(hydrocortisone)
    medications.update_change(MedicationChange(other, "2024-03-01", "2 tabletten", "", id=entry.id))
    assert len(medications.changes(hydrocortisone)) == 1 and medications.changes(other) == []
    assert medications.get(other).dose == "0,1 mg"


def test_deleting_the_newest_change_goes_back_to_the_one_before_and_undo_restores(medications, session,
                                                                                   hydrocortisone):
    medications.change_dose(hydrocortisone, "2023-01-01", "2 tabletten", "")
    medications.change_dose(hydrocortisone, "2024-01-01", "3 tabletten", "")
    newest = medications.changes(hydrocortisone)[0]
    change = medications.delete_change(newest.id)
    assert change.item_id == hydrocortisone and change.kind == UPDATED
    assert [c.dose for c in medications.changes(hydrocortisone)] == ["2 tabletten"]
    assert medications.get(hydrocortisone).dose == "2 tabletten"
    assert stored_changes(session, hydrocortisone)[1] == ("2024-01-01", "3 tabletten", 1)  # waits for undo
    medications.undo_delete_change(newest.id)
    assert [c.dose for c in medications.changes(hydrocortisone)] == ["3 tabletten", "2 tabletten"]
    assert medications.get(hydrocortisone).dose == "3 tabletten"


def test_deleting_the_only_change_goes_back_to_the_dose_before_it(medications, hydrocortisone):
    before = medications.get(hydrocortisone)
    medications.change_dose(hydrocortisone, "2024-01-01", "3 tabletten", "")
    medications.delete_change(medications.changes(hydrocortisone)[0].id)
    assert medications.changes(hydrocortisone) == []
    after = medications.get(hydrocortisone)
    assert (after.dose, after.schedule) == (before.dose, before.schedule)


def test_deleting_or_undoing_a_missing_change_is_refused(medications):
    with pytest.raises(EntryInvalid):
        medications.delete_change(999)
    with pytest.raises(EntryInvalid):
        medications.undo_delete_change(999)
    with pytest.raises(EntryInvalid):
        medications.update_change(MedicationChange(1, "2024-01-01", "x", id=999))


def test_history_entries_copied_as_they_are_leave_the_medicine_alone(medications, hydrocortisone):
    medications.change_entries.add(MedicationChange(hydrocortisone, "2024-01-01", "3 tabletten"), "json_import")
    assert medications.get(hydrocortisone).dose == "1 tablet"
    assert medications.changes(hydrocortisone)[0].provenance.source == "json_import"
    with pytest.raises(EntryInvalid):
        medications.change_entries.add(MedicationChange(999, "2024-01-01", "x"))


# --- stopping -------------------------------------------------------------------------------

def test_stop_moves_a_medicine_to_the_past(medications, hydrocortisone):
    change = medications.stop(hydrocortisone, "2025-06-01", "Overgestapt op Plenadren")
    assert change.item_id == hydrocortisone and change.kind == UPDATED
    stopped = medications.get(hydrocortisone)
    assert (stopped.stop_date, stopped.stop_reason, stopped.dose) == ("2025-06-01", "Overgestapt op Plenadren",
                                                                      "1 tablet")
    assert medications.current(TODAY) == [] and names(medications.past(TODAY)) == ["Hydrocortison"]


def test_a_stop_in_the_future_keeps_it_current_until_then(medications, hydrocortisone):
    medications.stop(hydrocortisone, "2025-07-01", "Afbouwen")
    assert names(medications.current(TODAY)) == ["Hydrocortison"]
    assert names(medications.past(date(2025, 7, 1))) == ["Hydrocortison"]


@pytest.mark.parametrize("stop_date, expected", [
    ("", ("stop_date", "required")),
    ("2025-13", ("stop_date", "invalid_date")),
    ("2019-04", ("stop_date", "before_start")),
])
def test_an_invalid_stop_changes_nothing(medications, hydrocortisone, stop_date, expected):
    before = medications.get(hydrocortisone)
    with pytest.raises(EntryInvalid) as refused:
        medications.stop(hydrocortisone, stop_date, "reden")
    assert refused.value.errors == (FieldError(*expected),)
    after = medications.get(hydrocortisone)
    assert after == before and after.provenance == before.provenance


def test_stopping_a_missing_medicine_is_refused(medications):
    with pytest.raises(EntryInvalid):
        medications.stop(999, "2025-01-01")


# --- since a day (the visit brief) ----------------------------------------------------------

def test_changes_since_a_day(medications, hydrocortisone):
    fludro = add(medications, "Fludrocortison", start_date="2020")
    medications.change_dose(hydrocortisone, "2025-01-10", "2 tabletten", "", "oud")          # before
    medications.change_dose(hydrocortisone, "2025-03-01", "1,5 tablet", "", "op de dag zelf")
    medications.change_dose(fludro, "2025-04", "0,05 mg", "", "maand")
    medications.change_dose(fludro, "2025-06-20", "0,1 mg", "", "gepland")                    # after today
    since = medications.changes_since(date(2025, 3, 1), today=TODAY)
    assert [(name, c.reason) for name, c in since.changes] == [("Fludrocortison", "maand"),
                                                               ("Hydrocortison", "op de dag zelf")]


def test_starts_and_stops_since_a_day(medications):
    add(medications, "Oud gestart", start_date="2020-02-01")
    add(medications, "Dit jaar gestart", start_date="2025")
    add(medications, "In maart gestart", start_date="2025-03-05")
    add(medications, "Start volgende maand", start_date="2025-07-01")
    add(medications, "Gestopt in april", start_date="2020", stop_date="2025-04")
    add(medications, "Lang geleden gestopt", start_date="2010", stop_date="2024-12-31")
    add(medications, "Stopt volgende week", start_date="2010", stop_date="2025-06-22")
    since = medications.changes_since("2025-03-01", today=TODAY)
    assert names(since.started) == ["In maart gestart", "Dit jaar gestart"]
    assert names(since.stopped) == ["Gestopt in april"]
    assert since.changes == ()


def test_changes_since_skips_deleted_medicines_and_entries(medications, hydrocortisone):
    medications.change_dose(hydrocortisone, "2025-04-01", "2 tabletten", "")
    medications.change_dose(hydrocortisone, "2025-05-01", "3 tabletten", "")
    medications.delete_change(medications.changes(hydrocortisone)[0].id)
    assert [c.dose for _, c in medications.changes_since("2025-01-01", TODAY).changes] == ["2 tabletten"]
    medications.delete(hydrocortisone)
    assert medications.changes_since("2025-01-01", TODAY).changes == ()


def test_changes_since_refuses_a_non_date(medications):
    with pytest.raises(ValueError):
        medications.changes_since("vorige week")


def test_deleting_a_medicine_hides_it_with_its_history_and_undo_brings_both_back(medications, hydrocortisone):
    medications.change_dose(hydrocortisone, "2025-04-01", "2 tabletten", "")
    medications.delete(hydrocortisone)
    assert medications.all() == [] and medications.current(TODAY) == []
    medications.undo_delete(hydrocortisone)
    assert names(medications.current(TODAY)) == ["Hydrocortison"]
    assert [c.dose for c in medications.changes(hydrocortisone)] == ["2 tabletten"]


def test_deleting_a_mistaken_only_change_restores_the_dose_before_it(medications):
    medicine = medications.add(Medication(name="Hydrocortison", dose="10 mg", schedule="2x per dag")).item_id
    medications.change_dose(medicine, "2026-11-01", "20 mg", "3x per dag", "verkeerd ingetypt")
    [mistake] = medications.changes(medicine)
    assert (mistake.previous_dose, mistake.previous_schedule) == ("10 mg", "2x per dag")
    medications.delete_change(mistake.id)
    assert (medications.get(medicine).dose, medications.get(medicine).schedule) == ("10 mg", "2x per dag")
    medications.undo_delete_change(mistake.id)
    assert medications.get(medicine).dose == "20 mg"


def test_deleting_every_change_walks_back_through_the_history(medications):
    medicine = medications.add(Medication(name="Levothyroxine", dose="50 microgram")).item_id
    medications.change_dose(medicine, "2025-01-01", "75 microgram")
    medications.change_dose(medicine, "2026-01-01", "100 microgram")
    newest, older = medications.changes(medicine)
    medications.delete_change(newest.id)
    assert medications.get(medicine).dose == "75 microgram"
    medications.delete_change(older.id)
    assert medications.get(medicine).dose == "50 microgram"


# --- the structured dose (for the exports) --------------------------------------------------------------------

def test_a_structured_dose_is_stored_and_checked(medications):
    medicine = add(medications, dose_amount=0.5, dose_unit="tablet", times_per_day=3, food="with_food")
    stored = medications.get(medicine)
    assert (stored.dose_amount, stored.dose_unit, stored.times_per_day, stored.food, stored.as_needed) == \
        (0.5, "tablet", 3, "with_food", False)
    assert problems(medications, name="X", dose_amount=2) == {("dose_unit", "required")}
    assert problems(medications, name="X", dose_unit="mg") == {("dose_amount", "required")}
    assert problems(medications, name="X", dose_amount=float("inf"), dose_unit="mg") == {("dose_amount", "invalid_number")}
    assert problems(medications, name="X", dose_amount=-1, dose_unit="mg") == {("dose_amount", "invalid_number")}
    assert problems(medications, name="X", times_per_day=25) == {("times_per_day", "invalid_number")}
    assert problems(medications, name="X", times_per_day=0) == {("times_per_day", "invalid_number")}
    assert problems(medications, name="X", food="after_dinner") == {("food", "invalid_choice")}
    assert problems(medications, name="X", dose_amount=1, dose_unit="spoon") == {("dose_unit", "invalid_choice")}


def test_a_dose_change_in_words_empties_the_structured_dose_so_no_card_prints_the_old_one(medications):
    medicine = add(medications, dose="1 tablet", dose_amount=1, dose_unit="tablet", times_per_day=1, as_needed=True)
    medications.change_dose(medicine, "2026-01-01", "2 tablets", "'s ochtends")
    after = medications.get(medicine)
    assert (after.dose, after.dose_amount, after.dose_unit, after.times_per_day, after.as_needed) == \
        ("2 tablets", None, "", None, False)
    [change] = medications.changes(medicine)
    medications.delete_change(change.id)
    assert medications.get(medicine).dose == "1 tablet" and medications.get(medicine).dose_amount is None


@pytest.mark.parametrize("amount, english, dutch", [
    (0.075, "0.075 mg", "0,075 mg"), (0.0625, "0.0625 mg", "0,0625 mg"), (12, "12 mg", "12 mg"),
    (0.5, "0.5 mg", "0,5 mg"), (2.25, "2.25 mg", "2,25 mg")])
def test_a_dose_is_said_exactly_in_both_languages(medications, amount, english, dutch):
    from phr.words.catalogue import Words
    from phr.words.dose import dose_text

    assert problems(medications, name="X", dose_amount=amount, dose_unit="mg") == set()
    assert (dose_text(Words("en"), amount, "mg"), dose_text(Words("nl"), amount, "mg")) == (english, dutch)


@pytest.mark.parametrize("amount", [0.00001, 1e-9, 0.12345])
def test_an_amount_finer_than_the_exports_say_is_refused_not_rounded(medications, amount):
    assert problems(medications, name="X", dose_amount=amount, dose_unit="mg") == {("dose_amount", "invalid_number")}


def test_new_dose_words_with_the_old_structured_dose_empty_it_so_no_card_prints_the_old_one(medications):
    from dataclasses import replace

    medicine = add(medications, dose="75 microgram", dose_amount=75, dose_unit="microgram", times_per_day=1)
    medications.update(replace(medications.get(medicine), dose="100 microgram"))
    assert (medications.get(medicine).dose, medications.get(medicine).dose_amount) == ("100 microgram", None)
    # Other spaces or capitals say nothing new; a structured dose changed with the words is kept.
    medications.update(replace(medications.get(medicine), dose_amount=100, dose_unit="microgram"))
    medications.update(replace(medications.get(medicine), dose="100  Microgram"))
    assert medications.get(medicine).dose_amount == 100
    medications.update(replace(medications.get(medicine), dose="125 microgram", dose_amount=125))
    assert medications.get(medicine).dose_amount == 125


def test_times_a_day_of_a_medicine_taken_only_when_needed_is_a_most_not_a_plan():
    from phr.words.catalogue import Words
    from phr.words.dose import schedule_text

    assert schedule_text(Words("en"), 3, "", True) == "Only when needed, at most 3 times a day"
    assert schedule_text(Words("nl"), 1, "", True) == "Alleen als het nodig is, hoogstens 1 keer per dag"
    assert schedule_text(Words("en"), 3, "with_food", False) == "3 times a day, with food"
