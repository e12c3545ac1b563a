"""The FHIR export of the person's history and lab results: Immunizations, Procedures and every lab result.

No IPS validator can be installed from the package registries and run offline (the HL7 validator is a Java
jar fetched from GitHub; the PyPI packages that wrap it download it on first use, and the one that claims to
bundle the IPS profiles ships placeholders), so these tests check the R4B models and the IPS rules that
matter here by hand: section codes and order, required elements, codes as they came.
"""

from datetime import datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle

from phr.core.entries import import_stamp
from phr.formats.fhir.write import bundle as fhir
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.monitoring.readings import Reading
from phr.record.codings import Coding
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
AMSTERDAM = timezone(timedelta(hours=1))
LOINC = "http://loinc.org"
NHG_45 = "https://referentiemodel.nhg.org/tabellen/nhg-tabel-45-diagnostische-bepalingen"
CVX = "http://hl7.org/fhir/sid/cvx"
SNOMED = "http://snomed.info/sct"
IMMUNIZATIONS, PROCEDURES, RESULTS = "11369-6", "47519-4", "30954-2"


def resources(bundle: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def sections(bundle: dict) -> dict[str, dict]:
    return {section["code"]["coding"][0]["code"]: section for section in bundle["entry"][0]["resource"]["section"]}


def by_url(bundle: dict) -> dict[str, dict]:
    return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}


def _add_history(services) -> None:
    services.vaccinations.add(Vaccination(
        vaccine="Comirnaty", given_on="2021-05-14", dose_number=2, against="COVID-19", given_by="GGD Amsterdam",
        lot_number="FF2587", notes="Sore arm <2 days>", codes=(Coding(CVX, "208", "COVID-19, mRNA, LNP-S, PF"),)))
    services.vaccinations.add(Vaccination(vaccine="Tetanus", given_on="1998"))
    services.vaccinations.add(Vaccination(vaccine="Hepatitis B", against="Hepatitis B"))
    services.procedures.add(Procedure(
        name="Appendectomy", performed_on="2015-03", place="OLVG", body_site="Abdomen",
        notes="Nausea after the anaesthesia", codes=(Coding(SNOMED, "80146002", "Excision of appendix"),)))
    services.procedures.add(Procedure(name="Tonsillectomy"))


def _add_lab_results(services, session) -> None:
    lab = services.lab_results
    with session.db.transaction():
        stamp = import_stamp(session, "fhir_import", "lab.json")
        potassium = lab.lab_measure("2823-3", "mmol/L", "Kalium", 1, stamp)
        creatinine = lab.lab_measure(f"{NHG_45}|380", "µmol/L", "Kreatinine", 0, stamp)
        crp = lab.lab_measure("1988-5", "mg/L", "CRP", 0, stamp)
        lab.add_results([
            LabResult(potassium.key, datetime(2026, 3, 1, 9, 5, tzinfo=AMSTERDAM), 5.8, ReferenceRange(3.5, 5.0)),
            LabResult(potassium.key, datetime(2025, 9, 1, 8, 0, tzinfo=AMSTERDAM), 3.1, ReferenceRange(3.5, 5.0)),
            LabResult(potassium.key, datetime(2025, 1, 1, 8, 0, tzinfo=AMSTERDAM), 4.2, ReferenceRange(3.5, 5.0),
                      note="not fasting"),
            LabResult(creatinine.key, datetime(2026, 3, 1, 9, 5, tzinfo=AMSTERDAM), 71.0, ReferenceRange(None, 90.0)),
            LabResult(crp.key, datetime(2026, 3, 1, 9, 5, tzinfo=AMSTERDAM), 3.0, ReferenceRange(text="< 5")),
        ], "fhir_import", "lab.json")


@pytest.fixture
def history_bundle(services, session):
    _add_history(services)
    _add_lab_results(services, session)
    services.readings.add(Reading("weight", datetime(2026, 11, 20, 8, 0, tzinfo=AMSTERDAM), 72.5))
    services.readings.add(Reading("peak_flow", datetime(2026, 11, 20, 8, 0, tzinfo=AMSTERDAM), 480.0))
    return fhir.build_bundle(services, "en", now=NOW)


def test_the_bundle_validates_and_the_new_sections_come_in_ips_order(history_bundle):
    Bundle.model_validate(history_bundle)  # the R4B models accept it as written
    order = [section["code"]["coding"][0]["code"] for section in history_bundle["entry"][0]["resource"]["section"]]
    assert order[:6] == ["11450-4", "48765-2", "10160-0", IMMUNIZATIONS, PROCEDURES, RESULTS]
    urls = by_url(history_bundle)
    for code, kind, count in ((IMMUNIZATIONS, "Immunization", 3), (PROCEDURES, "Procedure", 2)):
        section = sections(history_bundle)[code]
        assert [urls[ref["reference"]]["resourceType"] for ref in section["entry"]] == [kind] * count
        assert section["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')


def test_an_immunization_carries_its_codes_dose_target_disease_and_who_gave_it(history_bundle):
    comirnaty, hepatitis, tetanus = sorted(resources(history_bundle, "Immunization"),
                                           key=lambda r: r["vaccineCode"]["text"])
    assert comirnaty["vaccineCode"] == {"coding": [{"system": CVX, "code": "208", "display": "COVID-19, mRNA, LNP-S, PF"}],
                                        "text": "Comirnaty"}
    assert comirnaty["status"] == "completed" and comirnaty["occurrenceDateTime"] == "2021-05-14"
    assert comirnaty["protocolApplied"] == [{"doseNumberPositiveInt": 2, "targetDisease": [{"text": "COVID-19"}]}]
    assert comirnaty["performer"] == [{"actor": {"display": "GGD Amsterdam"}}]
    assert comirnaty["lotNumber"] == "FF2587" and comirnaty["note"] == [{"text": "Sore arm <2 days>"}]
    assert comirnaty["patient"]["reference"] == history_bundle["entry"][1]["fullUrl"]
    # A vaccination of which only the disease is known: R4 needs a dose number, so it says it is not known.
    assert hepatitis["protocolApplied"] == [{"doseNumberString": "dose number not known",
                                             "targetDisease": [{"text": "Hepatitis B"}]}]
    assert hepatitis["occurrenceString"] == "date not known" and "occurrenceDateTime" not in hepatitis
    assert tetanus["occurrenceDateTime"] == "1998" and "protocolApplied" not in tetanus  # a year is a dateTime
    assert tetanus["vaccineCode"] == {"text": "Tetanus"}


def test_a_procedure_carries_its_codes_date_body_site_place_and_notes(history_bundle):
    appendectomy, tonsillectomy = sorted(resources(history_bundle, "Procedure"), key=lambda r: r["code"]["text"])
    assert appendectomy["code"] == {"coding": [{"system": SNOMED, "code": "80146002",
                                                "display": "Excision of appendix"}], "text": "Appendectomy"}
    assert appendectomy["status"] == "completed" and appendectomy["performedDateTime"] == "2015-03"
    assert appendectomy["bodySite"] == [{"text": "Abdomen"}] and appendectomy["location"] == {"display": "OLVG"}
    assert appendectomy["note"] == [{"text": "Nausea after the anaesthesia"}]
    assert appendectomy["identifier"][0]["system"] == "urn:regie:entry-uid"
    assert tonsillectomy["_performedDateTime"]["extension"][0]["valueCode"] == "unknown"
    assert {"bodySite", "location", "note", "performedDateTime"}.isdisjoint(tonsillectomy)


def _labs(bundle: dict) -> list[dict]:
    return [r for r in resources(bundle, "Observation")
            if r.get("category", [{}])[0].get("coding", [{}])[0].get("code") == "laboratory"]


def test_every_lab_result_goes_out_with_its_code_range_and_interpretation(history_bundle):
    labs = _labs(history_bundle)
    assert len(labs) == 5  # every result, not a summary
    potassium = sorted((r for r in labs if r["code"]["text"] == "Kalium"), key=lambda r: r["effectiveDateTime"])
    assert [r["effectiveDateTime"] for r in potassium] == ["2025-01-01T08:00:00+01:00", "2025-09-01T08:00:00+01:00",
                                                           "2026-03-01T09:05:00+01:00"]  # the offset it was taken at
    assert potassium[0]["code"]["coding"] == [{"system": LOINC, "code": "2823-3"}]
    assert [r["interpretation"][0]["coding"][0]["code"] for r in potassium] == ["N", "L", "H"]
    assert potassium[2]["valueQuantity"] == {"value": 5.8, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                                             "code": "mmol/L"}
    assert potassium[2]["referenceRange"] == [{
        "low": {"value": 3.5, "unit": "mmol/L", "system": "http://unitsofmeasure.org", "code": "mmol/L"},
        "high": {"value": 5.0, "unit": "mmol/L", "system": "http://unitsofmeasure.org", "code": "mmol/L"}}]
    assert potassium[0]["note"] == [{"text": "not fasting"}]
    creatinine = next(r for r in labs if r["code"]["text"] == "Kreatinine")
    assert creatinine["code"]["coding"] == [{"system": NHG_45, "code": "380"}]  # not LOINC: its own system
    assert creatinine["valueQuantity"]["unit"] == "µmol/L" and creatinine["valueQuantity"]["code"] == "umol/L"
    assert creatinine["referenceRange"][0]["high"]["value"] == 90.0 and "low" not in creatinine["referenceRange"][0]
    assert creatinine["interpretation"][0]["coding"][0]["code"] == "N"
    crp = next(r for r in labs if r["code"]["text"] == "CRP")
    assert crp["referenceRange"] == [{"text": "< 5"}] and "interpretation" not in crp  # the lab's words only


def test_lab_results_come_first_in_the_results_section_beside_the_summary_of_other_readings(history_bundle):
    section = sections(history_bundle)[RESULTS]
    assert section["title"] == "Lab results and other measurements"
    urls = by_url(history_bundle)
    entries = [urls[ref["reference"]] for ref in section["entry"]]
    assert [r["code"]["text"] for r in entries] == ["CRP", "Kalium", "Kalium", "Kalium", "Kreatinine", "Peak flow"]
    vital = [urls[ref["reference"]] for ref in sections(history_bundle)["8716-3"]["entry"]]
    assert [r["code"]["coding"][0]["code"] for r in vital] == ["29463-7"]  # the weight, where it always went
    div = section["text"]["div"]
    assert "3.5 to 5.0" in div and "at most 90" in div and "&lt; 5" in div
    assert div.index("above the range") < div.index("below the range") < div.index("within the range")


def test_the_narratives_speak_the_export_language(services, session):
    _add_history(services)
    _add_lab_results(services, session)
    bundle = fhir.build_bundle(services, "nl", now=NOW)
    found = sections(bundle)
    assert found[IMMUNIZATIONS]["title"] == "Vaccinaties" and "14 mei 2021" in found[IMMUNIZATIONS]["text"]["div"]
    assert found[PROCEDURES]["title"] == "Operaties en ingrepen" and "maart 2015" in found[PROCEDURES]["text"]["div"]
    results = found[RESULTS]
    assert results["title"] == "Uitslagen"
    assert "3,5 tot 5,0" in results["text"]["div"] and "hoger dan normaal" in results["text"]["div"]
    hepatitis = next(r for r in resources(bundle, "Immunization") if r["vaccineCode"]["text"] == "Hepatitis B")
    assert hepatitis["protocolApplied"][0]["doseNumberString"] == "welke dosis uit de reeks is niet bekend"
    Bundle.model_validate(bundle)


def test_a_record_without_history_or_lab_measures_leaves_those_sections_out(services):
    services.readings.add(Reading("hba1c", datetime(2026, 10, 1, 9, 0, tzinfo=AMSTERDAM), 48.0, method="lab"))
    bundle = fhir.build_bundle(services, "en", now=NOW)
    found = sections(bundle)
    assert IMMUNIZATIONS not in found and PROCEDURES not in found
    assert resources(bundle, "Immunization") == resources(bundle, "Procedure") == []
    # A catalogue measure's lab reading is a lab result (without a range here), the only entry of the results.
    assert found[RESULTS]["title"] == "Lab results"
    hba1c = resources(bundle, "Observation")
    assert [r["code"]["coding"][0]["code"] for r in hba1c] == ["59261-8"]
    assert hba1c[0]["valueQuantity"]["value"] == 48.0
    assert "referenceRange" not in hba1c[0] and "interpretation" not in hba1c[0]


# --- a lab's readings of catalogue measures (HbA1c, glucose) among the person's own ------------------

HBA1C_LIMIT = 53.0
LAB_GLUCOSE = ReferenceRange(4.0, 6.1)


def _hba1c_values() -> list[tuple[datetime, float]]:
    """40 lab HbA1c results over five years, every 45 days: some above the range's 53, the rest within it."""
    first = datetime(2021, 11, 1, 8, 30, tzinfo=AMSTERDAM)
    return [(first + timedelta(days=45 * i), 45.0 + (i * 7) % 13) for i in range(40)]


@pytest.fixture
def monitored(services, session):
    """The 40 lab HbA1c results with their range, two HbA1c the person measured at home, ten days of a glucose
    sensor (every 5 minutes) and three lab glucose results, one of them among the sensor's readings."""
    start = datetime(2026, 11, 1, 0, 2, tzinfo=AMSTERDAM)
    sensor = [Reading("glucose", start + timedelta(minutes=5 * i), 5.0 + (i % 40) / 10, method="sensor")
              for i in range(10 * 288)]
    services.readings.add_batch(sensor, "device_import", "sensor.csv")
    labs = [LabResult("hba1c", at, value, ReferenceRange(None, HBA1C_LIMIT)) for at, value in _hba1c_values()]
    glucose_times = (datetime(2025, 3, 3, 8, 15, 7, tzinfo=AMSTERDAM), datetime(2026, 2, 2, 8, 15, 7, tzinfo=AMSTERDAM),
                     datetime(2026, 11, 5, 8, 15, 7, tzinfo=AMSTERDAM))
    labs += [LabResult("glucose", at, value, LAB_GLUCOSE) for at, value in zip(glucose_times, (5.2, 7.4, 3.8))]
    with session.db.transaction():
        services.lab_results.add_results(labs, "fhir_import", "lab.json")
    for day in (3, 9):
        services.readings.add(Reading("hba1c", datetime(2026, 11, day, 7, 0, tzinfo=AMSTERDAM), 50.0 + day,
                                      method="typed"))
    return fhir.build_bundle(services, "en", now=NOW), glucose_times


def _coded(bundle: dict, code: str) -> list[dict]:
    return [r for r in resources(bundle, "Observation") if r["code"].get("coding", [{}])[0].get("code") == code]


def test_every_lab_hba1c_goes_out_once_with_its_range_and_interpretation(monitored):
    bundle, _ = monitored
    Bundle.model_validate(bundle)
    hba1c = _coded(bundle, "59261-8")
    from_lab = [r for r in hba1c if r.get("category") == [{"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory",
        "display": "Laboratory"}]}]]
    expected = {at.isoformat(): value for at, value in _hba1c_values()}
    assert {r["effectiveDateTime"]: r["valueQuantity"]["value"] for r in from_lab} == expected
    assert len(from_lab) == 40  # every one, each once
    for result in from_lab:
        assert result["referenceRange"] == [{"high": {"value": 53.0, "unit": "mmol/mol",
                                                      "system": "http://unitsofmeasure.org", "code": "mmol/mol"}}]
        above = result["valueQuantity"]["value"] > HBA1C_LIMIT
        assert result["interpretation"][0]["coding"][0]["code"] == ("H" if above else "N")
    assert {"H", "N"} == {r["interpretation"][0]["coding"][0]["code"] for r in from_lab}  # both occur
    # the person's own two HbA1c readings are the summary's, no lab result and not written twice
    own = [r for r in hba1c if r not in from_lab]
    assert sorted(r["effectiveDateTime"] for r in own) == ["2026-11-03T07:00:00+01:00", "2026-11-09T07:00:00+01:00"]
    assert all("referenceRange" not in r and "category" not in r for r in own)


def test_a_lab_glucose_among_the_sensor_readings_is_a_lab_result_and_not_in_the_summary(monitored):
    bundle, glucose_times = monitored
    lab = _coded(bundle, "14749-6")  # glucose in serum or plasma: a lab's
    assert sorted(r["effectiveDateTime"] for r in lab) == [at.isoformat() for at in glucose_times]
    assert [r["interpretation"][0]["coding"][0]["code"] for r in sorted(lab, key=lambda r: r["effectiveDateTime"])] \
        == ["N", "H", "L"]
    assert all(r["referenceRange"][0]["low"]["value"] == 4.0 for r in lab)
    sensor = _coded(bundle, "105272-9")
    assert 0 < len(sensor) <= 20  # the summary, of the sensor's readings only
    assert {r["effectiveDateTime"] for r in sensor}.isdisjoint(at.isoformat() for at in glucose_times)
    moments = [(r["code"]["coding"][0]["code"], r["effectiveDateTime"]) for r in resources(bundle, "Observation")
               if "effectiveDateTime" in r]
    assert len(moments) == len(set(moments))  # no reading went out twice


def test_the_results_section_lists_the_lab_results_first_newest_first_per_test(monitored):
    bundle, glucose_times = monitored
    section = sections(bundle)[RESULTS]
    assert section["title"] == "Lab results and other measurements"
    urls = by_url(bundle)
    entries = [urls[ref["reference"]] for ref in section["entry"]]
    labs = entries[:43]
    assert all(r["category"][0]["coding"][0]["code"] == "laboratory" for r in labs)
    assert [r["code"]["text"] for r in labs] == ["Glucose"] * 3 + ["HbA1c"] * 40
    assert [r["effectiveDateTime"] for r in labs[:3]] == [at.isoformat() for at in reversed(glucose_times)]
    rest = entries[43:]  # the summary of the person's own readings and the sensor's figures
    assert rest and not any("referenceRange" in r or r["code"].get("coding", [{}])[0].get("code") == "14749-6"
                            for r in rest)
    div = section["text"]["div"]
    assert div.count("at most 53") == 40 and div.count("4.0 to 6.1") == 3
