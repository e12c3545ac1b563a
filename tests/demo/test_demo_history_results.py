"""The sample record's vaccinations, operations and lab results (issue 15): plausible for a Dutch woman born in 1991
with CAH, the lab results as the hospital's FHIR file brought them (LOINC, unit, reference range), dated from today."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from phr.core.vocabulary import ResultPosition
from phr.demo import hospital_file
from phr.demo import sample_record as demo
from phr.record.services import RecordServices
from phr.storage.keys import kdf
from phr.storage.repos.readings import ReadingRepository

TODAY = date(2025, 6, 18)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    session = demo.create_sample_record(tmp_path_factory.mktemp("demo") / "sample.regie", argon2=kdf.MINIMUM,
                                        today=TODAY)
    yield RecordServices(session)
    session.lock()


def test_the_childhood_series_came_from_the_certificate_with_its_dose_numbers(sample):
    childhood = [v for v in sample.vaccinations.all() if v.given_on < "2001"]
    series = {(v.vaccine, v.dose_number) for v in childhood}
    assert {("DKTP", 1), ("DKTP", 2), ("DKTP", 3), ("DKTP", 4), ("BMR", 1), ("BMR", 2)} <= series
    assert all(v.given_on >= "1991-04" for v in childhood)  # none before she was born
    assert {(v.provenance.source, v.provenance.source_detail) for v in childhood} == {
        ("letter", "Vaccinatiebewijs Rijksvaccinatieprogramma (RIVM)")}
    assert {v.given_by for v in childhood} == {"Consultatiebureau", "GGD (jeugdgezondheidszorg)"}


def test_covid_doses_count_up_and_a_flu_vaccination_is_given_each_of_the_last_three_autumns(sample):
    covid = sorted((v for v in sample.vaccinations.all() if v.against == "COVID-19"), key=lambda v: v.given_on)
    assert [v.dose_number for v in covid] == [1, 2, 3, 4, 5] and all("GGD" in v.given_by for v in covid)
    flu = sorted(v.given_on for v in sample.vaccinations.all() if "influenza" in v.against)
    assert flu == ["2022-10-24", "2023-10-24", "2024-10-24"]
    assert all(date.fromisoformat(day).weekday() < 5 for day in flu)


@pytest.mark.parametrize("today, autumns", [
    (date(2026, 10, 23), ["2023-10-24", "2024-10-24", "2025-10-24"]),  # this year's day has not come yet
    (date(2026, 10, 27), ["2024-10-24", "2025-10-24", "2026-10-26"]),  # Saturday 24 October: given on Monday
])
def test_the_flu_vaccinations_follow_today(tmp_path, today, autumns):
    session = demo.create_sample_record(tmp_path / "later.regie", argon2=kdf.MINIMUM, today=today)
    try:
        assert sorted(v.given_on for v in RecordServices(session).vaccinations.all()
                      if "influenza" in v.against) == autumns
    finally:
        session.lock()


def test_the_operations_say_how_the_stress_dose_was_given_and_the_bone_scan_came_from_the_hospital(sample):
    procedures = {p.name: p for p in sample.procedures.all()}
    appendix = next(p for name, p in procedures.items() if "appendectomie" in name)
    assert "Stressdosis" in appendix.notes and "hydrocortison 100 mg" in appendix.notes
    scan = procedures["Botdichtheidsmeting (DEXA-scan)"]
    [visit] = [a for a in sample.appointments.all() if a.purpose == "Botdichtheidsmeting (DEXA-scan)"]
    assert scan.performed_on == visit.starts_at[:10]
    assert [(c.system, c.code) for c in scan.codes] == [("http://snomed.info/sct", "312681000")]
    assert (scan.provenance.source, scan.provenance.source_detail) == ("fhir_import", hospital_file.FILE_NAME)


def test_lab_measures_are_named_by_loinc_and_unit_and_came_from_the_hospital_file(sample):
    measures = {m.loinc: (m.name_nl, m.unit) for m in sample.lab_results.lab_measures()}
    assert measures == {"14569-8": ("17-OH-progesteron", "nmol/L"), "14603-5": ("Androsteendion", "nmol/L"),
                        "2951-2": ("Natrium", "mmol/L"), "2823-3": ("Kalium", "mmol/L"),
                        "14682-9": ("Kreatinine", "µmol/L"), "3016-3": ("TSH", "mE/L")}
    assert {(m.provenance.source, m.provenance.source_detail) for m in sample.measures.all() if m.category == "lab"} \
        == {("fhir_import", hospital_file.FILE_NAME)}
    imported = [b for b in ReadingRepository(sample.session.db).batches() if b["source"] == "fhir_import"]
    assert [b["source_detail"] for b in imported] == [hospital_file.FILE_NAME]
    assert {r.method for m in sample.lab_results.lab_measures() for r in sample.readings.page(m.key, 0, 100)} == {"lab"}


def by_loinc(sample: RecordServices, loinc: str):
    measure = next(m for m in sample.lab_results.lab_measures() if m.loinc == loinc)
    return sample.lab_results.results(measure.key)


def test_results_cover_two_years_every_one_has_its_range_and_some_lie_outside_it(sample):
    every = [r for m in sample.lab_results.lab_measures() for r in sample.lab_results.results(m.key)]
    assert len(every) == 27 and all(r.reference is not None for r in every)
    oldest = min(r.taken_at for r in every).date()
    assert (TODAY - timedelta(days=800)) < oldest < (TODAY - timedelta(days=700))
    assert max(r.taken_at for r in every).date() == TODAY - timedelta(days=67)  # the lab report among the documents
    positions = {r.position for r in every}
    assert positions == {ResultPosition.BELOW, ResultPosition.WITHIN, ResultPosition.ABOVE}
    # The night of the admission with gastroenteritis: the salt balance of a beginning adrenal crisis.
    admission = TODAY - timedelta(days=540)
    night = {loinc: next(r for r in by_loinc(sample, loinc) if r.taken_at.date() == admission).position
             for loinc in ("2951-2", "2823-3", "14682-9")}
    assert night == {"2951-2": ResultPosition.BELOW, "2823-3": ResultPosition.ABOVE, "14682-9": ResultPosition.ABOVE}


def test_the_latest_results_match_the_lab_report_among_the_documents(sample):
    latest = {m.loinc: sample.lab_results.results(m.key, limit=1)[0].value for m in sample.lab_results.lab_measures()}
    report = {name: float(value.replace(",", ".")) for name, value, _unit, _range in demo.LAB_ROWS}
    assert latest["14569-8"] == report["17-OH-progesteron"] and latest["14603-5"] == report["Androsteendion"]
    assert (latest["2951-2"], latest["2823-3"], latest["3016-3"]) == (report["Natrium"], report["Kalium"],
                                                                      report["TSH"])


def test_blood_is_drawn_in_the_morning_in_amsterdam_except_at_the_emergency_department(sample):
    times = {r.taken_at.astimezone(AMSTERDAM).time().isoformat("minutes") for r in by_loinc(sample, "2951-2")}
    assert times == {"08:15", "08:30", "21:45"}
    assert all(r.taken_at.utcoffset() == r.taken_at.astimezone(AMSTERDAM).utcoffset()
               for r in by_loinc(sample, "2951-2"))


def test_lab_results_move_with_today(sample, tmp_path):
    later = TODAY + timedelta(days=364)
    session = demo.create_sample_record(tmp_path / "later.regie", argon2=kdf.MINIMUM, today=later)
    try:
        moved = sorted(r.taken_at.date() for r in by_loinc(RecordServices(session), "2951-2"))
    finally:
        session.lock()
    assert moved == sorted(r.taken_at.date() + timedelta(days=364) for r in by_loinc(sample, "2951-2"))


def test_a_reading_time_is_a_moment_with_its_offset():
    assert hospital_file._drawn(TODAY, "emergency") == datetime(2023, 12, 26, 21, 45, tzinfo=AMSTERDAM)
