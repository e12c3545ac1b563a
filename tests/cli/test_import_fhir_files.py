"""`phr import` with FHIR files as they come from the real world: told apart from device files by their whole
structure, whose file it is, and a summary that leaves nothing out without a word."""

import json

import pytest
from conftest import PASSPHRASE
from locations import REAL_WORLD

from phr.access import records
from phr.cli import imports
from phr.cli import main as cli
from phr.record.services import RecordServices

# Each real-world FHIR file and what `phr import` must say it read (with --format auto).
REAL_WORLD_FHIR = {
    "fhir_fasten_IPS-bundle-01.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_fasten_ccda_to_fhir_converted_batch.json": "a FHIR R4 batch Bundle (JSON)",
    # resourceType is the last key of these two: once taken for a CSV that needs a measure
    "fhir_fasten_cigna_syntheticuser05_everything_searchset.json": "a FHIR R4 searchset Bundle (JSON)",
    "fhir_ipsviewer_US_MEDITECH_ips_1.json": "a FHIR R4 searchset Bundle (JSON)",
    "fhir_fasten_synthea_Alesha810_Marks830_transaction.json": "a FHIR R4 transaction Bundle (JSON)",
    "fhir_fasten_synthea_Jules135_Gutmann970_transaction.json": "a FHIR R4 transaction Bundle (JSON)",
    "fhir_fasten_synthea_Tania553_Harris789_transaction.json": "a FHIR R4 transaction Bundle (JSON)",
    "fhir_hl7ips_bundle-minimal.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_hl7ips_bundle-no-info-required-sections.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsig-build_Bundle-IPS-examples-Bundle-with-immunization.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_AT_ELGA_GmbH_01.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_AU_aups-noknownx.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_CA_VeroSource_colorful_balloon.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_CH_HL7CH_Examples_01.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_DE_no_info_with_Advance_Directive.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_EU_Giorgio_Cangioli_03.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_IPS_IG-bundle-01.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_NL_Curavista_01.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_NL_Drimpy_01.json": "a FHIR STU3 document Bundle (JSON)",
    "fhir_ipsviewer_NL_core_patient_01.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_NZ_Peter_Jordan_NNJ9186.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_US_Epic_Connectathon_Sept2024.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_ipsviewer_US_ePatientDave_medRequest_with_Narrative.json": "a FHIR R4 document Bundle (JSON)",
    "fhir_xml_hl7ips_IPS-bundle-01.xml": "a FHIR R4 document Bundle (XML)",
    "phr-ndjson_fasten_JohnDoe.phr": "FHIR R4 NDJSON with 17 resources",
}
MEDITECH = "fhir_ipsviewer_US_MEDITECH_ips_1.json"


@pytest.fixture
def record(new_record, monkeypatch):
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    return new_record[0]


def phr_import(record, file, *options) -> int:
    return cli.main(["import", str(record), str(file), *options])


def real_world(name: str):
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD})")
    return path


def counts(record) -> dict[str, int]:
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        services = RecordServices(session)
        return {name: getattr(services, name).count() for name in ("diagnoses", "medications", "allergies")}
    finally:
        session.lock()


def test_every_real_world_fhir_file_in_the_folder_is_listed_here():
    if not REAL_WORLD.exists():
        pytest.skip(f"the real-world files are not there ({REAL_WORLD})")
    found = {p.name for p in REAL_WORLD.iterdir() if p.name.startswith(("fhir_", "phr-ndjson"))}
    assert found == set(REAL_WORLD_FHIR)


@pytest.mark.parametrize("name", sorted(REAL_WORLD_FHIR))
def test_each_real_world_fhir_file_is_recognised_and_imported(record, capsys, name):
    path = real_world(name)
    assert phr_import(record, path, "--other-person") == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.startswith(f"read: {REAL_WORLD_FHIR[name]}\n") and "format: csv" not in out
    assert int(out.rstrip().rsplit("\n", 1)[-1].split()[1]) > 0  # 'Imported N entries.'


def test_another_persons_file_is_refused_with_the_way_to_import_it_all_the_same(record, capsys):
    path = real_world(MEDITECH)
    before = counts(record)
    assert phr_import(record, path) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another person" in err and "--other-person" in err
    assert "Veronica" not in err and counts(record) == before
    assert phr_import(record, path, "--other-person") == 0
    assert counts(record)["diagnoses"] > before["diagnoses"]


def test_a_record_without_a_name_yet_takes_the_file(tmp_path, monkeypatch, capsys):
    path = real_world(MEDITECH)
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "fresh.regie"
    assert cli.main(["init", str(folder)]) == 0
    assert phr_import(folder, path) == 0, capsys.readouterr().err
    assert "person: filled in" in capsys.readouterr().out


def test_the_summary_says_what_was_added_and_why_the_rest_was_not(record, tmp_path, capsys):
    file = tmp_path / "hospital.json"
    entries = [
        {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Condition", "subject": {"reference": "Patient/p"},
                                               "code": {"text": "Asthma"}}},
        {"resource": {"resourceType": "ImagingStudy", "status": "available", "subject": {"reference": "Patient/p"}}},
        {"request": {"method": "DELETE", "url": "Condition/9"}},
        {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/p"}, "code": {"text": "Flu"},
                      "onsetDateTime": "yesterday"}},
        {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/p"}, "code": {"text": "Gout"},
                      "onsetDateTime": "last week"}},
    ]
    file.write_text(json.dumps({"entry": entries, "type": "batch", "resourceType": "Bundle"}))
    assert phr_import(record, file) == 0
    assert capsys.readouterr().out.splitlines() == [
        "read: a FHIR R4 batch Bundle (JSON)",
        "diagnoses: 1 added, 0 already present",
        "not read: 1 x ImagingStudy (scans): Regie does not keep these from FHIR files",
        "left out: 1 requests to delete something on a server (not health data)",
        "skipped: 2 x Condition: not valid FHIR (onsetDateTime) (entries 4, 5)",
        "Imported 1 entries.",
    ]


def test_the_summary_counts_vaccinations_procedures_readings_and_lab_results_and_says_what_was_left_out(
        record, tmp_path, capsys):
    subject = {"reference": "Patient/p"}
    lab = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}]
    resources = [
        {"resourceType": "Immunization", "status": "completed", "patient": subject, "vaccineCode": {"text": "Tdap"},
         "occurrenceDateTime": "2020-01-02"},
        {"resourceType": "Immunization", "status": "not-done", "patient": subject, "vaccineCode": {"text": "BCG"},
         "occurrenceDateTime": "2020-01-02"},
        {"resourceType": "Procedure", "status": "completed", "subject": subject, "code": {"text": "Appendectomy"}},
        {"resourceType": "Observation", "status": "final", "subject": subject, "category": lab,
         "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
         "effectiveDateTime": "2024-01-02T08:00:00+01:00", "valueQuantity": {"value": 60, "unit": "/min"}},
        {"resourceType": "Observation", "status": "final", "subject": subject, "category": lab,
         "code": {"coding": [{"system": "http://loinc.org", "code": "2160-0"}], "text": "Creatinine"},
         "effectiveDateTime": "2024-01-02", "valueQuantity": {"value": 70, "unit": "umol/L"}},
        {"resourceType": "Observation", "status": "final", "subject": subject, "category": lab,
         "code": {"coding": [{"system": "http://loinc.org", "code": "5196-1"}]}, "effectiveDateTime": "2024-01-02",
         "valueString": "negative"},
    ]
    file = tmp_path / "history.json"
    file.write_text(json.dumps({"resourceType": "Bundle", "type": "collection",
                                "entry": [{"resource": resource} for resource in resources]}))
    assert phr_import(record, file) == 0
    assert capsys.readouterr().out.splitlines() == [
        "read: a FHIR R4 collection Bundle (JSON)",
        "procedures: 1 added, 0 already present",
        "readings: 1 added, 0 already present",
        "lab results: 1 added, 0 already present",
        "vaccinations: 1 added, 0 already present",
        "skipped: 1 x Immunization: it says the vaccination was not given (entry 2)",
        "skipped: 1 x Observation: not a number: Regie keeps results that are numbers (entry 6)",
        "Imported 4 entries.",
    ]
    assert cli.main(["check", str(record)]) == 0
    checked = capsys.readouterr().out
    assert "readings: 2\n" in checked and "vaccinations: 1\n" in checked and "procedures: 1\n" in checked


@pytest.mark.parametrize("content, says", [
    ('{"resourceType": "Bundle", "type": "searchset", "total": 0}', "holds no entries"),
    ('{"resourceType": "OperationOutcome", "issue": []}', "holds nothing Regie reads"),
    ('{"patient": "me", "values": [1, 2]}', "JSON, but not FHIR"),
    ('<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>', "CDA document"),
    ('<note><to>me</to></note>', "XML, but not FHIR XML (it starts with <note>)"),
])
def test_a_file_that_gives_nothing_or_is_not_fhir_is_an_error_in_one_line(record, tmp_path, capsys, content, says):
    file = tmp_path / "file.json"
    file.write_text(content)
    before = counts(record)
    assert phr_import(record, file) == 1
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1 and "CSV" not in err
    assert counts(record) == before


def test_a_csv_file_still_goes_to_the_device_import(record, tmp_path, capsys):
    file = tmp_path / "glucose.csv"
    file.write_text("time,value\n2026-01-01T08:00:00+01:00,5.1\n")
    assert phr_import(record, file, "--measure", "glucose") == 0
    assert "format: csv" in capsys.readouterr().out
    assert phr_import(record, file, "--measure", "glucose", "--other-person") == 2
    assert "--other-person is only for FHIR files" in capsys.readouterr().err


def test_a_file_larger_than_any_import_takes_is_not_read_to_its_end(record, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 10)
    file = tmp_path / "big.json"
    file.write_text('{"resourceType": "Bundle"}')
    assert phr_import(record, file) == 1
    assert "larger than" in capsys.readouterr().err
