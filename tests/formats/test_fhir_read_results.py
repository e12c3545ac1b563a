"""FHIR Observation -> a reading of a catalogue measure (in its own unit) or a lab result (a reading of the lab
measure of its code and unit, with the lab's reference range); what is no number, a limit, a panel, entered in
error or about way of life is left out with its reason (issue 15)."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from locations import REAL_WORLD

from phr.core.vocabulary import ResultPosition
from phr.formats.fhir.read.bundle import import_bundle
from phr.formats.fhir.read.history.moments import decimals_of
from phr.formats.fhir.read.history.vital_signs import hba1c_mmol_per_mol
from phr.monitoring.readings import Reading

PATIENT = "urn:uuid:00000000-0000-4000-8000-000000000001"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
NHG = "urn:oid:2.16.840.1.113883.2.4.4.30.45"


def bundle(*resources: dict) -> bytes:
    entries = [{"fullUrl": PATIENT, "resource": {"resourceType": "Patient"}}]
    entries += [{"fullUrl": f"urn:uuid:00000000-0000-4000-8000-{number:012d}", "resource": resource}
                for number, resource in enumerate(resources, 2)]
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode()


def observation(code: str, value=None, unit: str = "", category: str = "laboratory", system: str = LOINC,
                **fields) -> dict:
    resource = {"resourceType": "Observation", "status": "final", "subject": {"reference": PATIENT},
                "category": [{"coding": [{"system": CATEGORY, "code": category}]}],
                "code": {"coding": [{"system": system, "code": code, "display": f"display {code}"}]},
                "effectiveDateTime": "2024-05-09T08:30:00+02:00", **fields}
    if value is not None:
        resource["valueQuantity"] = {"value": value, "system": UCUM, **({"unit": unit, "code": unit} if unit else {})}
    return resource


def component(code: str, value: float, unit: str = "mm[Hg]") -> dict:
    return {"code": {"coding": [{"system": LOINC, "code": code}]},
            "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit}}


AT = datetime(2024, 5, 9, 8, 30, tzinfo=timezone(timedelta(hours=2)))


def test_a_vital_sign_becomes_a_reading_of_the_catalogue_measure_in_its_unit_with_the_files_offset(services):
    summary = import_bundle(services, bundle(observation("14743-9", 126.1, "mg/dL", "vital-signs")))
    reading = services.readings.latest("glucose")
    assert reading is not None and reading.value == pytest.approx(7.0, abs=0.01) and reading.method == ""
    assert reading.taken_at == AT and reading.taken_at.utcoffset() == timedelta(hours=2)
    assert summary.added == {"readings": 1}
    again = import_bundle(services, bundle(observation("14743-9", 126.1, "mg/dL", "vital-signs")))
    assert again.added == {} and again.already_present == {"readings": 1}


def test_a_blood_pressure_panel_is_one_reading_with_the_pulse(services):
    panel = observation("85354-9", category="vital-signs", component=[
        component("8480-6", 128), component("8462-4", 84), component("8867-4", 66, "/min")])
    import_bundle(services, bundle(panel))
    reading = services.readings.latest("bp")
    assert reading is not None and (reading.value, reading.value2, reading.value3) == (128, 84, 66)


def test_a_systolic_and_a_diastolic_of_their_own_at_one_moment_are_one_blood_pressure(services):
    parts = [observation("8480-6", 110, "mm[Hg]", "vital-signs"), observation("8462-4", 70, "mm[Hg]", "vital-signs"),
             observation("8480-6", 117, "mm[Hg]", "vital-signs"), observation("8462-4", 64, "mm[Hg]", "vital-signs"),
             observation("8480-6", 150, "mm[Hg]", "vital-signs", effectiveDateTime="2024-05-10")]
    summary = import_bundle(services, bundle(*parts))
    pairs = sorted((r.value, r.value2) for r in services.readings.page("bp", 0, 10))
    assert pairs == [(110, 70), (117, 64)]
    assert summary.added == {"readings": 2, "results": 1}  # the systolic without its diastolic: a result of 8480-6
    assert [m.loinc for m in services.lab_results.lab_measures()] == ["8480-6"]


def test_a_blood_pressure_whose_systolic_is_not_above_its_diastolic_is_no_blood_pressure(services):
    # the Dutch Drimpy summary has a panel of 80/120: swapped, and stored it would chart a diastolic of 120
    swapped = observation("85354-9", category="vital-signs", component=[component("8480-6", 80),
                                                                          component("8462-4", 120)])
    parts = [observation("8480-6", 70, "mm[Hg]", "vital-signs"), observation("8462-4", 90, "mm[Hg]", "vital-signs")]
    summary = import_bundle(services, bundle(swapped, *parts))
    assert services.readings.latest("bp") is None
    assert [line for line in summary.skipped if "systolic pressure is not above the diastolic" in line]
    assert summary.added == {"results": 2}  # the two parts of their own stay results of their codes
    assert sorted(m.loinc for m in services.lab_results.lab_measures()) == ["8462-4", "8480-6"]


def test_hba1c_in_per_cent_becomes_mmol_per_mol_by_the_ifcc_formula(services):
    assert hba1c_mmol_per_mol(6.5) == pytest.approx(47.5, abs=0.1)  # the IFCC/NGSP table: 6.5 % = 48 mmol/mol
    import_bundle(services, bundle(observation("4548-4", 7.0, "%")))
    reading = services.readings.latest("hba1c")
    assert reading is not None and reading.value == pytest.approx(53.0, abs=0.1) and reading.method == "lab"


def test_a_unit_regie_cannot_convert_is_left_out_with_the_reason_never_stored_as_it_is(services):
    summary = import_bundle(services, bundle(observation("29463-7", 154, "[stone_av]", "vital-signs"),
                                             observation("2345-7", 5.4, "mmol/L")))
    assert services.readings.latest("weight") is None
    assert any("its unit is not one Regie can convert for Weight" in line for line in summary.skipped)


def test_a_lab_result_becomes_a_reading_of_its_lab_measure_with_the_reference_range(services):
    result = observation("2160-0", 88.25, "umol/L", code_text="Kreatinine", referenceRange=[
        {"low": {"value": 60, "unit": "umol/L", "system": UCUM, "code": "umol/L"},
         "high": {"value": 80, "unit": "umol/L", "system": UCUM, "code": "umol/L"}}])
    result["code"]["text"] = result.pop("code_text")
    summary = import_bundle(services, bundle(result))
    [measure] = services.lab_results.lab_measures()
    assert (measure.loinc, measure.unit, measure.name_nl, measure.decimals) == ("2160-0", "umol/L", "Kreatinine", 2)
    [found] = services.lab_results.results(measure.key)
    assert found.value == 88.25 and found.taken_at == AT and found.position == ResultPosition.ABOVE
    assert services.readings.latest(measure.key).method == "lab"
    assert summary.added == {"results": 1}
    assert import_bundle(services, bundle(result)).already_present == {"results": 1}


def test_a_reading_the_record_holds_whichever_way_it_was_taken_is_already_there(services):
    services.readings.add(Reading("heart_rate", AT, 60))  # typed in; the file says nothing of how it was taken
    summary = import_bundle(services, bundle(observation("8867-4", 60, "/min", "vital-signs"),
                                             observation("8867-4", 61, "/min", "vital-signs")))
    assert summary.added == {"readings": 1} and summary.already_present == {"readings": 1}
    assert services.readings.count("heart_rate") == 2


def test_a_lab_measure_held_under_the_units_text_takes_the_result_given_in_ucum(services):
    written = observation("2160-0", 70, "", effectiveDateTime="2024-01-02")
    written["valueQuantity"] = {"value": 70, "unit": "µmol/L"}  # no UCUM code: the text is the unit
    coded = observation("2160-0", 75, "umol/L")
    coded["valueQuantity"]["unit"] = "µmol/L"
    import_bundle(services, bundle(written))
    import_bundle(services, bundle(coded))
    [measure] = services.lab_results.lab_measures()
    assert measure.unit == "µmol/L" and len(services.lab_results.results(measure.key)) == 2


def test_a_range_given_as_plain_text_is_read_as_numbers_and_keeps_its_text(services):
    import_bundle(services, bundle(observation("6301-6", 1.07, "", referenceRange=[{"text": "0.91-1.07"}])))
    [measure] = services.lab_results.lab_measures()
    [found] = services.lab_results.results(measure.key)
    assert measure.unit == "" and found.reference is not None
    assert (found.reference.low, found.reference.high, found.reference.text) == (0.91, 1.07, "0.91-1.07")
    assert found.position == ResultPosition.WITHIN


def test_a_dutch_nhg_lab_code_names_the_measure_when_there_is_no_loinc(services):
    import_bundle(services, bundle(observation("382", 5.2, "mmol/L", system=NHG)))
    assert [m.loinc for m in services.lab_results.lab_measures()] == [f"{NHG}|382"]


def test_the_same_code_in_another_unit_is_another_measure(services):
    import_bundle(services, bundle(observation("2093-3", 5.2, "mmol/L"), observation("2093-3", 201, "mg/dL")))
    assert sorted(m.unit for m in services.lab_results.lab_measures()) == ["mg/dL", "mmol/L"]


def test_a_day_without_a_time_is_noon_utc_of_that_day(services):
    import_bundle(services, bundle(observation("2093-3", 5.2, "mmol/L", effectiveDateTime="2013-02-06")))
    [measure] = services.lab_results.lab_measures()
    assert services.lab_results.results(measure.key)[0].taken_at == datetime(2013, 2, 6, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize(("resource", "reason"), [
    (observation("2093-3", valueString="positive"), "not a number"),
    (observation("2093-3", valueCodeableConcept={"text": "positive"}), "not a number"),
    (observation("2093-3", 5, "mmol/L", status="entered-in-error"), "entered in error or cancelled"),
    (observation("2093-3", dataAbsentReason={"text": "not done"}), "its value is missing"),
    (observation("72166-2", 5, "{pack}/d", "social-history"), "way of life"),
    (observation("44249-1", 5, "{score}", "survey"), "questionnaire"),
    (observation("24331-1", hasMember=[{"reference": "Observation/x"}]), "a panel that groups other results"),
    (observation("2093-3", 5, "mmol/L", effectiveDateTime="2013-02"), "only a year or a month"),
], ids=["text", "coded answer", "entered in error", "data absent", "social history", "survey", "panel",
        "month only"])
def test_what_is_no_result_is_left_out_with_the_reason(services, resource, reason):
    summary = import_bundle(services, bundle(resource, observation("8867-4", 60, "/min", "vital-signs")))
    assert services.lab_results.lab_measures() == []
    assert [line for line in summary.skipped if reason in line], summary.skipped
    assert summary.added == {"readings": 1}


def test_stu3s_category_system_leaves_out_a_questionnaire_too(services):
    # the Dutch Drimpy summary (STU3) writes its HoNOS scores' category in STU3's system: no lab results
    honos = observation("281113000", 24, "{score}", system="http://snomed.info/sct")
    honos["category"] = [{"coding": [{"system": "http://hl7.org/fhir/observation-category", "code": "survey"}]}]
    summary = import_bundle(services, bundle(honos, observation("8867-4", 60, "/min", "vital-signs")))
    assert services.lab_results.lab_measures() == [] and summary.added == {"readings": 1}
    assert [line for line in summary.skipped if "questionnaire" in line]


def test_a_number_written_as_a_json_string_is_that_number(services):
    # Fasten's C-CDA converter writes every value so ("13.2"); the FHIR models take it, and so does Regie
    hemoglobin = observation("718-7", "13.20", "g/dL", referenceRange=[{"low": {"value": "12.0", "unit": "g/dL"},
                                                                        "high": {"value": "16", "unit": "g/dL"}}])
    words = observation("2093-3", "13,2", "mmol/L")  # no FHIR decimal: the models refuse it, and it is left out
    summary = import_bundle(services, bundle(hemoglobin, words))
    [measure] = services.lab_results.lab_measures()
    [result] = services.lab_results.results(measure.key)
    assert (measure.loinc, measure.decimals, result.value) == ("718-7", 1, 13.2)
    assert result.reference is not None and (result.reference.low, result.reference.high) == (12.0, 16.0)
    assert summary.added == {"results": 1} and [line for line in summary.skipped if "not valid FHIR" in line]


def test_a_limit_is_never_stored_as_the_value(services):
    resource = observation("2093-3", 5, "mmol/L")
    resource["valueQuantity"]["comparator"] = "<"
    summary = import_bundle(services, bundle(resource, observation("8867-4", 60, "/min", "vital-signs")))
    assert services.lab_results.lab_measures() == [] and any("is a limit" in line for line in summary.skipped)


def test_decimals_are_the_ones_the_file_shows():
    assert [decimals_of(v) for v in (5, 5.0, 5.25, 0.385, 12.123456)] == [0, 0, 2, 3, 4]


# --- the real-world files -----------------------------------------------------------------------

# file -> (readings of catalogue measures, lab results) added to a new record, from reading the file:
REAL = {
    # 77 Observations: 15 panels (hasMember only); 6 vital signs = 2 heart rates and 2 systolic/diastolic pairs
    # (joined into 2 blood pressures); HbA1c given as 1.0 % cannot be an HbA1c of a person, so it is kept as a
    # lab result of 4548-4 in % rather than converted; the other 55 lab values with a number are results
    "fhir_ipsviewer_AT_ELGA_GmbH_01.json": (4, 56),
    # 266 Observations: 140 valueString ('POS', '.', 'NEGATIF') and 6 without a value are left out; of the 120
    # numbers 2 serum glucoses and 2 HbA1c (%) are catalogue readings, a glucose of 45 mmol/L (beyond a
    # meter's scale) stays a lab result, 116 results in all
    "fhir_ipsviewer_CA_VeroSource_colorful_balloon.json": (4, 116),
    # 455 Observations: 12 survey and 2 imaging/procedure left out; 12 blood pressure panels and the weights,
    # heart rates, pains, ... of the catalogue are readings; 8 lab results repeat another (same code, moment,
    # value) and count as already present
    "fhir_fasten_synthea_Jules135_Gutmann970_transaction.json": (48, 385),
    # STU3: 2 x systolic 120 / diastolic 80 coded in NHG table 45 (1744, 1740) at one moment, twice (the second
    # already present); a blood pressure panel of 80/120 (swapped) is left out; 11 lab numbers, of which
    # creatinine and glucose are repeated (already present); the 13 HoNOS scores (category survey in STU3's
    # system), 'has several values' (tobacco, drugs), text answers ('12,0') and a panel are left out
    "fhir_ipsviewer_NL_Drimpy_01.json": (1, 9),
    # zib vital signs: the baby's weight in grams is a weight reading in kg (2400 g)
    "fhir_ipsviewer_NL_core_patient_01.json": (5, 6),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_world_files_give_their_readings_and_results(services, name):
    path = _real(name)
    summary = import_bundle(services, path.read_bytes(), name, other_person=True)
    assert (summary.added.get("readings", 0), summary.added.get("results", 0)) == REAL[name]


def test_the_canadian_files_text_answers_are_each_left_out_as_not_a_number(services):
    name = "fhir_ipsviewer_CA_VeroSource_colorful_balloon.json"
    summary = import_bundle(services, _real(name).read_bytes(), name, other_person=True)
    assert sum("Observation" in line and "not a number" in line for line in summary.skipped) == 146
    assert not any("not valid FHIR" in line for line in summary.skipped)


def _real(name: str) -> Path:
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD})")
    return path


def test_a_vital_sign_outside_the_catalogue_is_a_result_but_not_a_lab_test(services):
    import_bundle(services, bundle(observation("8302-2", 172, "cm", "vital-signs"), observation("2951-2", 139, "mmol/L"),
                                   observation("29463-7", 2400, "g", "vital-signs")))
    [height] = [m for m in services.lab_results.lab_measures() if m.loinc == "8302-2"]
    [sodium] = [m for m in services.lab_results.lab_measures() if m.loinc == "2951-2"]
    assert services.readings.latest(height.key).method == ""  # measured at the clinic, not by a lab
    assert services.readings.latest(sodium.key).method == "lab"
    assert services.readings.latest("weight").value == pytest.approx(2.4)  # a baby's weight, given in grams
