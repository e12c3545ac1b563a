"""FHIR Immunization -> a vaccination and Procedure -> a procedure, R4 and STU3; what was not given, not done, only
planned, entered in error or a 'none known' is never an entry and is left out with its reason (issue 15)."""

import json
from pathlib import Path

import pytest
from locations import REAL_WORLD

from phr.formats.fhir.read.bundle import import_bundle
from phr.record.codings import Coding

PATIENT = "urn:uuid:00000000-0000-4000-8000-000000000001"
CVX = "http://hl7.org/fhir/sid/cvx"
ATC = "http://www.whocc.no/atc"
SNOMED = "http://snomed.info/sct"
ABSENT = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"


def bundle(*resources: dict, stu3: bool = False) -> bytes:
    entries = [{"fullUrl": PATIENT, "resource": {"resourceType": "Patient"}}]
    entries += [{"fullUrl": f"urn:uuid:00000000-0000-4000-8000-{number:012d}", "resource": resource}
                for number, resource in enumerate(resources, 2)]
    whole = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    if stu3:  # as the Dutch zib profiles say which version they are
        whole["meta"] = {"profile": ["http://nictiz.nl/fhir/StructureDefinition/bgz-bundle"]}
        for entry in entries[1:]:
            entry["resource"]["meta"] = {"profile": ["http://nictiz.nl/fhir/StructureDefinition/zib-Vaccination"]}
    return json.dumps(whole).encode()


def immunization(**fields) -> dict:
    return {"resourceType": "Immunization", "status": "completed", "patient": {"reference": PATIENT},
            "vaccineCode": {"coding": [{"system": CVX, "code": "208", "display": "COVID-19 mRNA"},
                                       {"system": ATC, "code": "J07BX03"}], "text": "Comirnaty"},
            "occurrenceDateTime": "2021-08-05T10:00:00+02:00", **fields}


def procedure(**fields) -> dict:
    return {"resourceType": "Procedure", "status": "completed", "subject": {"reference": PATIENT},
            "code": {"coding": [{"system": SNOMED, "code": "80146002", "display": "Appendectomy"}]},
            "performedPeriod": {"start": "2004-03-02T08:00:00+01:00"}, **fields}


def test_an_immunization_becomes_a_vaccination_with_its_dose_disease_giver_batch_and_codes(services):
    resource = immunization(
        protocolApplied=[{"doseNumberString": "2", "targetDisease": [{"text": "COVID-19"}]}],
        performer=[{"actor": {"display": "GGD Utrecht"}}], lotNumber="FD1234", note=[{"text": "Left arm"}])
    summary = import_bundle(services, bundle(resource))
    [vaccination] = services.vaccinations.all()
    assert (vaccination.vaccine, vaccination.given_on, vaccination.dose_number, vaccination.against,
            vaccination.given_by, vaccination.lot_number, vaccination.notes) == \
        ("Comirnaty", "2021-08-05", 2, "COVID-19", "GGD Utrecht", "FD1234", "Left arm")
    assert vaccination.codes == (Coding(CVX, "208", "COVID-19 mRNA"), Coding(ATC, "J07BX03", ""))
    assert summary.added == {"vaccinations": 1}
    again = import_bundle(services, bundle(resource))
    assert again.added == {} and again.already_present == {"vaccinations": 1}


def test_who_gave_it_is_read_from_the_practitioner_the_file_holds(services):
    practitioner = {"resourceType": "Practitioner", "name": [{"given": ["Anna"], "family": "de Vries"}]}
    resource = immunization(performer=[{"actor": {"reference": "urn:uuid:00000000-0000-4000-8000-000000000002"}}])
    import_bundle(services, bundle(practitioner, resource))
    assert [v.given_by for v in services.vaccinations.all()] == ["Anna de Vries"]


@pytest.mark.parametrize(("fields", "reason"), [
    ({"status": "not-done"}, "it says the vaccination was not given"),
    ({"status": "entered-in-error"}, "it is marked as entered in error"),
    ({"vaccineCode": {"coding": [{"system": ABSENT, "code": "no-immunization-info"}]}}, "no vaccinations are known"),
    ({"vaccineCode": {"coding": [{"system": SNOMED, "code": "787482006"}]}}, "no vaccinations are known"),
], ids=["not done", "entered in error", "IPS no information", "SNOMED no known immunizations"])
def test_a_vaccination_not_given_or_none_known_is_never_an_entry(services, fields, reason):
    summary = import_bundle(services, bundle(immunization(**fields), procedure()))
    assert services.vaccinations.all() == [] and any(reason in line for line in summary.skipped)
    assert len(services.procedures.all()) == 1  # the rest of the file is imported


def test_an_stu3_immunization_is_read_with_its_date_protocol_and_practitioner(services):
    stu3 = {"resourceType": "Immunization", "status": "completed", "notGiven": False,
            "patient": {"reference": PATIENT}, "date": "1999-06-05",
            "vaccineCode": {"coding": [{"system": ATC, "code": "J07BC20", "display": "hepatitis A+B-vaccin"}]},
            "primarySource": True, "practitioner": [{"actor": {"display": "J. Jansen, huisarts"}}],
            "vaccinationProtocol": [{"doseSequence": 3, "targetDisease": [{"text": "Hepatitis A en B"}],
                                     "doseStatus": {"text": "counts"}}]}
    not_given = {**stu3, "notGiven": True, "date": "2000-01-01"}
    summary = import_bundle(services, bundle(stu3, not_given, stu3=True))
    [vaccination] = services.vaccinations.all()
    assert (vaccination.vaccine, vaccination.given_on, vaccination.dose_number, vaccination.against,
            vaccination.given_by) == ("hepatitis A+B-vaccin", "1999-06-05", 3, "Hepatitis A en B",
                                      "J. Jansen, huisarts")
    assert any("not given" in line for line in summary.skipped), summary.skipped


def test_a_procedure_becomes_an_entry_with_its_place_body_site_and_codes(services):
    resource = procedure(location={"display": "Sint Antonius Ziekenhuis"}, bodySite=[{"text": "abdomen"}],
                         note=[{"text": "Anaesthesia went well"}])
    summary = import_bundle(services, bundle(resource))
    [entry] = services.procedures.all()
    assert (entry.name, entry.performed_on, entry.place, entry.body_site, entry.notes) == \
        ("Appendectomy", "2004-03-02", "Sint Antonius Ziekenhuis", "abdomen", "Anaesthesia went well")
    assert entry.codes == (Coding(SNOMED, "80146002", "Appendectomy"),)
    assert summary.added == {"procedures": 1}
    assert import_bundle(services, bundle(resource)).already_present == {"procedures": 1}


def test_the_place_of_a_procedure_may_be_the_organisation_a_performer_acted_for(services):
    resource = procedure(performer=[{"actor": {"display": "Dr. Bakker"}, "onBehalfOf": {"display": "UMC Utrecht"}}],
                         performedPeriod=None, performedString="2010")
    import_bundle(services, bundle({k: v for k, v in resource.items() if v is not None}))
    assert [(p.place, p.performed_on) for p in services.procedures.all()] == [("UMC Utrecht", "2010")]


@pytest.mark.parametrize(("fields", "reason"), [
    ({"status": "not-done"}, "it says the procedure was not done"),
    ({"status": "preparation"}, "planned, not done yet"),
    ({"status": "entered-in-error"}, "it is marked as entered in error"),
    ({"code": {"coding": [{"system": ABSENT, "code": "no-known-procedures"}]}}, "no procedures are known"),
    ({"code": {"coding": [{"system": ABSENT, "code": "no-procedure-info"}]}}, "no procedures are known"),
], ids=["not done", "planned", "entered in error", "no known procedures", "no procedure information"])
def test_a_procedure_not_done_planned_or_none_known_is_never_an_entry(services, fields, reason):
    summary = import_bundle(services, bundle(procedure(**fields), immunization()))
    assert services.procedures.all() == [] and any(reason in line for line in summary.skipped)


def test_an_stu3_procedure_not_done_is_left_out(services):
    stu3 = {"resourceType": "Procedure", "status": "completed", "notDone": True, "subject": {"reference": PATIENT},
            "code": {"text": "Knieprothese"}, "performedDateTime": "2019-05-01"}
    done = {**stu3, "notDone": False, "code": {"text": "Heupprothese"}}
    summary = import_bundle(services, bundle(stu3, done, stu3=True))
    assert [p.name for p in services.procedures.all()] == ["Heupprothese"]
    assert any("not done" in line for line in summary.skipped)


# --- the real-world files -----------------------------------------------------------------------

# file -> (vaccinations, procedures) added to a new record, counted by reading the file:
REAL = {
    # 5 completed CVX immunisations; 2 completed procedures
    "fhir_fasten_ccda_to_fhir_converted_batch.json": (5, 2),
    "fhir_fasten_synthea_Jules135_Gutmann970_transaction.json": (12, 14),
    # 23 Immunizations whose meta.versionId FHIR does not allow (Regie does not read meta)
    "fhir_ipsviewer_CA_VeroSource_colorful_balloon.json": (23, 0),
    "fhir_ipsviewer_NL_Drimpy_01.json": (1, 0),  # STU3: notGiven false, date, ATC J07BC20
    # 2 procedures: one with a period, one (status unknown) without a date, still an operation in the history
    "fhir_ipsviewer_NL_core_patient_01.json": (0, 2),
    # 26 Procedures: 11 not done and 2 in preparation left out; of the 13 left, 2 repeat the name and day of
    # another (already present); 11 Immunizations
    "fhir_ipsviewer_US_MEDITECH_ips_1.json": (11, 11),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_world_files_give_their_vaccinations_and_procedures(services, name):
    path = _real(name)
    summary = import_bundle(services, path.read_bytes(), name, other_person=True)
    assert (len(services.vaccinations.all()), len(services.procedures.all())) == REAL[name]
    assert summary.added.get("vaccinations", 0) == REAL[name][0]


def test_meditech_procedures_not_done_and_planned_are_counted_with_their_reasons(services):
    name = "fhir_ipsviewer_US_MEDITECH_ips_1.json"
    summary = import_bundle(services, _real(name).read_bytes(), name, other_person=True)
    assert sum("the procedure was not done" in line for line in summary.skipped) == 11
    assert sum("planned, not done yet" in line for line in summary.skipped) == 2


def _real(name: str) -> Path:
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD})")
    return path
