"""The sample record (`phr demo`): complete, healthy, realistic in shape, and always dated around today."""

import re
import struct
import time
import zlib
from datetime import date, datetime, timedelta

import pytest

from phr.access import passphrase, records
from phr.core.vocabulary import DeviceFlag
from phr.demo import monitoring as demo_monitoring
from phr.demo import sample_record as demo
from phr.record.documents import PDF, PNG
from phr.record.hgvs import is_hgvs
from phr.record.person import LISTED
from phr.record.services import RecordServices
from phr.storage.keys import kdf
from phr.words.catalogue import Words
from phr.words.dose import dose_text, schedule_text

TODAY = date(2025, 6, 18)  # a Wednesday
NOON = datetime(2025, 6, 18, 12, 0)
SECTIONS = ("diagnoses", "allergies", "goals", "evaluations", "contacts", "medications", "appointments",
            "questions", "documents")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """One sample record for the read-only tests of this module; locked afterwards."""
    session = demo.create_sample_record(tmp_path_factory.mktemp("demo") / "sample.regie", argon2=kdf.MINIMUM,
                                        today=TODAY)
    yield RecordServices(session)
    session.lock()


def shifted(iso: str, days: int) -> str:
    """An ISO date, or date and time, `days` later."""
    day = date.fromisoformat(iso[:10]) + timedelta(days=days)
    return day.isoformat() + iso[10:]


# --- the whole record ----------------------------------------------------------------------------

def test_every_section_has_entries_and_the_record_is_healthy(sample):
    report = sample.session.check()
    assert report.problems == ()
    assert {name: report.counts[name] > 0 for name in SECTIONS} == {name: True for name in SECTIONS}


def test_the_person_has_emergency_notes_and_a_listed_allergy(sample):
    person = sample.person.get()
    assert (person.name, person.sex, person.birth_date[:4], person.language) == (
        demo.SAMPLE_NAME, "female", "1991", "Nederlands")
    assert "Solu-Cortef 100 mg" in person.emergency_notes and "dubbele dosis" in person.emergency_notes
    assert sample.person.allergy_statement() == LISTED
    assert sample.session.person_name() == demo.SAMPLE_NAME


def test_the_sample_passphrase_is_accepted_and_opens_the_record(tmp_path):
    assert passphrase.assess(demo.SAMPLE_PASSPHRASE, (demo.SAMPLE_NAME,)).acceptable
    folder = tmp_path / "sample.regie"
    demo.create_sample_record(folder, argon2=kdf.MINIMUM, today=TODAY).lock()
    reopened = records.unlock_with_passphrase(folder, demo.SAMPLE_PASSPHRASE)
    try:
        assert RecordServices(reopened).diagnoses.count() == 4
    finally:
        reopened.lock()


def test_everything_is_typed_by_the_owner_and_the_carrier_status_came_from_a_letter(sample):
    entries = (sample.diagnoses.all() + sample.care_team.all() + sample.appointments.all()
               + sample.care_plan.all() + sample.medications.all() + sample.documents.all())
    assert {entry.provenance.entered_by_role for entry in entries} == {"owner"}
    assert {entry.provenance.entered_by for entry in entries} == {demo.SAMPLE_NAME}
    carrier = sample.diagnoses.carriers()[0]
    assert (carrier.provenance.source, carrier.provenance.source_detail.startswith("Uitslag DNA")) == ("letter", True)


# --- sections ------------------------------------------------------------------------------------

def test_diagnoses_hold_a_rare_condition_with_genetics_and_a_carrier_status(sample):
    by_status = {}
    for diagnosis in sample.diagnoses.all():
        by_status.setdefault(diagnosis.status, []).append(diagnosis)
    assert sorted(by_status) == ["carrier", "confirmed", "suspected"]
    main = next(d for d in by_status["confirmed"] if d.orpha_code == 90794)
    assert (main.icd10, main.gene, main.zygosity, main.diagnosed_on) == ("E25.0", "CYP21A2",
                                                                        "compound_heterozygous", "1991-04")
    assert is_hgvs(main.variant) and len(main.website_list()) >= 2
    assert sample.diagnoses.linked_contacts(main)["expertise_centre"] == "Expertisecentrum bijnierziekten"
    [carrier] = sample.diagnoses.carriers()
    assert (carrier.orpha_code, carrier.gene, carrier.zygosity) == (586, "CFTR", "heterozygous")
    assert is_hgvs(carrier.variant) and "p.Phe508del" in carrier.variant


def test_the_care_team_has_every_kind_of_help_and_who_to_call(sample):
    contacts = sample.care_team.all()
    assert {"specialist", "expertise_centre", "gp", "pharmacy", "nurse", "therapist", "patient_association",
            "social_support"} <= {contact.role for contact in contacts}
    assert all(contact.contact_for for contact in contacts)
    assert {contact.role for contact in sample.care_team.who_to_call()} == {"expertise_centre", "gp", "next_of_kin"}


def test_a_partner_is_the_next_of_kin_who_can_give_the_injection(sample):
    [partner] = sample.care_team.next_of_kin()
    assert (partner.name, partner.relationship) == ("Mark de Vries", "partner")
    assert partner.phone and partner.acute_phone and "noodinjectie" in partner.contact_for


def test_the_rare_condition_carries_the_full_emergency_information(sample):
    cah = next(d for d in sample.diagnoses.all() if d.orpha_code == 90794)
    assert cah.name_en == "Classic congenital adrenal hyperplasia due to 21-hydroxylase deficiency"
    assert sample.diagnoses.linked_contacts(cah)["treating_physician"] == "dr. Eva Hoekstra"
    assert "hydrocortison 100 mg i.v. of i.m." in cah.emergency_protocol and "NaCl 0,9 %" in cah.emergency_protocol
    assert "Etomidaat" in cah.emergency_avoid
    signs = cah.crisis_signs.splitlines()
    assert "Braken (HP:0002013)" in signs and all(re.search(r"\(HP:\d{7}\)$", sign) for sign in signs)
    assert cah.emergency_guideline == "https://www.orpha.net/en/disease/detail/90794"
    assert sample.person.get().text_language == "nl"


def test_every_current_medicine_has_a_dose_an_export_can_say_in_english(sample):
    words = Words("en")
    said = {m.name: (dose_text(words, m.dose_amount, m.dose_unit),
                     schedule_text(words, m.times_per_day, m.food, m.as_needed))
            for m in sample.medications.current(TODAY)}
    assert said == {
        "Hydrocortison": ("", "4 times a day"),  # the amount differs per time of day: the typed words say it
        "Fludrocortison": ("0.1 mg", "Once a day"),
        "Solu-Cortef (noodinjectie)": ("100 mg", "Only when needed"),
        "Levothyroxine": ("75 microgram", "Once a day, on an empty stomach"),
        "Colecalciferol (vitamine D3)": ("1 tablet", "Once a day"),
    }
    names_en = {m.name: m.name_en for m in sample.medications.current(TODAY)}
    assert names_en["Hydrocortison"] == "Hydrocortisone" and names_en["Levothyroxine"] == ""


def test_readings_typed_by_hand_say_so(sample):
    methods = {measure: {reading.method for reading in sample.readings.page(measure, 0, 1000)}
               for measure in ("bp", "weight", "peak_flow", "glucose")}
    # blood pressure: typed at first, the latest series from a monitor's export, which does not say a method
    assert methods == {"bp": {"typed", ""}, "weight": {"typed"}, "peak_flow": {"typed"}, "glucose": {"sensor"}}


def test_the_latest_blood_pressure_series_come_from_a_monitor_that_flagged_a_few_readings(sample):
    readings = sample.readings.page("bp", 0, 1000)
    monitor = [r for r in readings if r.provenance.source == "device_import"]
    first_day = TODAY + timedelta(days=demo_monitoring.BP_MONITOR_FROM)
    assert monitor and {r.taken_at.date() >= first_day for r in monitor} == {True}
    assert {r.provenance.source_detail for r in monitor} == {demo_monitoring.BP_MONITOR_FILE}
    assert [r.device_flags for r in readings if r.provenance.source != "device_import" and r.device_flags] == []
    flagged = sorted(r.device_flags for r in monitor if r.device_flags)
    assert flagged == sorted(int(bits) for bits in demo_monitoring.BP_MONITOR_FLAGS.values())
    assert not any(bits & DeviceFlag.POSSIBLE_AFIB for bits in flagged)  # no AFib: the letter stays as it was


def test_the_care_plan_has_an_overdue_a_due_and_an_achieved_goal(sample):
    plan = sample.care_plan
    [overdue] = plan.overdue(TODAY)
    assert overdue.status == "active" and overdue.review_date < TODAY.isoformat()
    assert [goal.description for goal in plan.due_for_review(14, TODAY)] == ["Weer 2 dagen per week sporten"]
    assert [goal.status for goal in plan.all()].count("achieved") == 1
    targets = [goal for goal in plan.all() if goal.target_measure == "bp"]
    assert [(goal.target_low, goal.target_high, goal.target_unit) for goal in targets] == [(100, 135, "mmHg")]


def test_a_goal_has_evaluations_over_more_than_a_year_with_rising_progress(sample):
    plan = sample.care_plan
    long_running = [goal for goal in plan.all() if len(plan.evaluations(goal.id)) >= 3
                    and _span_days(plan.evaluations(goal.id)) > 365]
    assert long_running
    oldest_first = list(reversed(plan.evaluations(long_running[0].id)))
    assert [e.progress for e in oldest_first] == sorted(e.progress for e in oldest_first)
    assert all(e.how_it_went and e.next_step for e in oldest_first)


def _span_days(evaluations) -> int:
    days = [date.fromisoformat(e.evaluated_on) for e in evaluations]
    return (max(days) - min(days)).days


def test_a_goal_grew_out_of_an_agreement_at_a_visit(sample):
    from_visit = [goal for goal in sample.care_plan.all() if goal.description.startswith("Zelf weten")]
    [goal] = from_visit
    visit = sample.appointments.get(goal.appointment_id)
    assert goal.start_date == visit.starts_at[:10] and goal.agreed_with == visit.contact_id


def test_the_next_appointment_is_soon_and_has_open_questions_in_order(sample):
    upcoming = sample.appointments.upcoming(NOON)
    assert len(upcoming) == 2
    soonest = upcoming[0]
    assert 0 < (datetime.fromisoformat(soonest.starts_at) - NOON).days <= 14
    questions = sample.appointments.open_questions(soonest.id)
    assert 3 <= len(questions) <= 5
    assert [q.position for q in questions] == list(range(1, len(questions) + 1))


def test_past_appointments_have_outcomes_and_answered_questions(sample):
    past = sample.appointments.past(NOON)
    assert len(past) >= 5 and all(visit.outcome for visit in past)
    answered = [q for visit in past for q in sample.appointments.questions(visit.id)]
    assert answered and all(q.answered and q.answer for q in answered)


def test_medicines_have_a_history_and_a_stopped_one(sample):
    medicines = sample.medications
    current = {m.name: m for m in medicines.current(TODAY)}
    assert {"Hydrocortison", "Fludrocortison", "Levothyroxine", "Colecalciferol (vitamine D3)"} <= set(current)
    hydrocortisone = current["Hydrocortison"]
    history = medicines.changes(hydrocortisone.id)
    assert len(history) >= 3 and all(change.reason for change in history)
    assert (hydrocortisone.dose, hydrocortisone.schedule) == (history[0].dose, history[0].schedule)
    assert len(medicines.changes(current["Levothyroxine"].id)) == 1
    [stopped] = medicines.past(TODAY)
    assert stopped.stop_reason and stopped.stop_date < TODAY.isoformat()


def test_documents_open_as_real_pdf_and_png_files_linked_to_the_record(sample):
    documents = sample.documents.all()
    assert sorted(d.kind for d in documents) == ["lab_result", "letter", "letter", "scan"]
    for document in documents:
        content = sample.documents.content(document.id)
        assert len(content) == document.size and document.diagnosis_id is not None
        if document.mime_type == PDF:
            assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
        else:
            assert document.mime_type == PNG
            _assert_valid_png(content)
    assert any(d.appointment_id is not None for d in documents)


def _assert_valid_png(data: bytes) -> None:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    idat_length = struct.unpack(">I", data[33:37])[0]
    pixels = zlib.decompress(data[41:41 + idat_length])
    assert (depth, colour) == (8, 2) and len(pixels) == height * (1 + 3 * width)


# --- dates follow today ----------------------------------------------------------------------------

def _dated(services: RecordServices) -> dict:
    """Every full date the sample sets from `today`, per kind of entry."""
    plan, medicines = services.care_plan, services.medications
    return {
        "appointments": sorted(a.starts_at for a in services.appointments.all()),
        "reviews": sorted(g.review_date for g in plan.all()),
        "evaluations": sorted(e.evaluated_on for g in plan.all() for e in plan.evaluations(g.id)),
        "dose changes": sorted(c.changed_on for m in medicines.all() for c in medicines.changes(m.id)),
        "documents": sorted(d.document_date for d in services.documents.all()),
    }


def test_dates_move_with_today(sample, tmp_path, private_tempdir):
    later = TODAY + timedelta(days=364)  # whole weeks, so visits keep their weekday
    session = demo.create_sample_record(tmp_path / "later.regie", argon2=kdf.MINIMUM, today=later)
    try:
        moved = _dated(RecordServices(session))
        assert session.check().counts == sample.session.check().counts
    finally:
        session.lock()
    expected = {kind: [shifted(value, 364) for value in values] for kind, values in _dated(sample).items()}
    assert moved == expected
    assert list(private_tempdir.iterdir()) == []  # the documents were made in memory, not in temp files


def test_visits_fall_on_weekdays_whatever_today_is():
    for offset in range(7):
        calendar = demo.Calendar(TODAY + timedelta(days=offset))
        assert all(date.fromisoformat(calendar.visit_day(days)).weekday() < 5 for days in (-760, -25, 9, 44))


def test_filling_takes_well_under_two_seconds(tmp_path):
    created = records.create_record(tmp_path / "timed.regie", demo.SAMPLE_NAME, demo.SAMPLE_PASSPHRASE,
                                    argon2=kdf.MINIMUM)
    try:
        started = time.perf_counter()
        demo.fill_sample_record(RecordServices(created.session), TODAY)
        assert time.perf_counter() - started < 2.0
    finally:
        created.session.lock()


def test_the_sample_survives_a_json_round_trip_exactly(sample, tmp_path):
    from phr.formats.native import read as importer
    from phr.formats.native import write as exporter

    target = records.create_record(tmp_path / "copy.regie", demo.SAMPLE_NAME, demo.SAMPLE_PASSPHRASE,
                                   argon2=kdf.MINIMUM).session
    try:
        first = exporter.export_record(sample.session)
        importer.import_record(target, exporter.dumps(first))
        second = exporter.export_record(target)
    finally:
        target.lock()
    first.pop("exported_at"), second.pop("exported_at")
    assert second == first
