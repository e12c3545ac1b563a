"""Keep what the FHIR file says (issue 15): every code, allergy criticality and reactions, a medicine's status and
period as given, contained Medications, entries told apart by their codes, and only the care providers the
summary names as such become contacts. And it all goes out again: export -> import -> export."""

import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from conftest import FAST, SAMPLE_TODAY
from locations import REAL_WORLD

from phr.demo import sample_record as demo
from phr.formats.fhir.read.bundle import import_bundle
from phr.formats.fhir.write import bundle as fhir
from phr.record.codings import ICD10_CM, Coding
from phr.record.diagnoses import Diagnosis
from phr.record.person import NONE_KNOWN, PersonDetails
from phr.record.services import RecordServices

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
SNOMED, ATC = "http://snomed.info/sct", "http://www.whocc.no/atc"
PATIENT = "urn:uuid:00000000-0000-4000-8000-000000000001"


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def as_bytes(bundle: dict) -> bytes:
    return json.dumps(bundle).encode()


def collection(*resources: dict) -> bytes:
    entries = [{"fullUrl": PATIENT, "resource": {"resourceType": "Patient"}}]
    entries += [{"fullUrl": f"urn:uuid:00000000-0000-4000-8000-{number:012d}", "resource": resource}
                for number, resource in enumerate(resources, 2)]
    return as_bytes({"resourceType": "Bundle", "type": "collection", "entry": entries})


def same_person(services: RecordServices, other: RecordServices) -> None:
    """The fresh record is the exported person's, so the import takes the file as theirs."""
    details = other.person.get()
    services.person.update(PersonDetails(name=details.name, birth_date=details.birth_date))


@pytest.fixture(scope="module")
def coded_sample(tmp_path_factory):
    """The sample record with what a file from another system brings: codes (an ICD-10-CM one too), an
    allergy's criticality, a medicine completed on a day not known. Its own, as the test changes it."""
    session = demo.create_sample_record(tmp_path_factory.mktemp("coded") / "sample.regie", argon2=FAST,
                                        today=SAMPLE_TODAY)
    services = RecordServices(session)
    diagnosis = services.diagnoses.all()[0]
    services.diagnoses.update(replace(diagnosis, icd10="E25.0", codes=(
        Coding(SNOMED, "190268003", "Congenital adrenal hyperplasia"), Coding(ICD10_CM, "E25.0"))))
    medicine = services.medications.all()[0]
    services.medications.update(replace(medicine, codes=(Coding(ATC, "H02AB09", "hydrocortisone"),)))
    services.medications.add(replace(medicine, id=None, uid=None, name="Amoxicilline", ended=True, codes=()))
    allergy = services.allergies.all()[0]
    services.allergies.update(replace(allergy, criticality="high", codes=(Coding(SNOMED, "764146007"),)))
    yield services
    session.lock()


def test_export_import_export_keeps_codes_criticality_and_an_ended_medicine(coded_sample, services):
    first = fhir.build_bundle(coded_sample, "en", now=NOW)
    same_person(services, coded_sample)
    import_bundle(services, as_bytes(first), "sanne.json")
    for section, fields in (("diagnoses", ("name", "icd10", "orpha_code", "codes")),
                            ("medications", ("name", "codes", "ended", "stop_date")),
                            ("allergies", ("substance", "criticality", "codes"))):
        def seen(record: RecordServices) -> list[tuple]:
            return sorted((tuple(getattr(item, name) for name in fields) for item in getattr(record, section).all()),
                          key=repr)
        # What came back may hold the codes Regie wrote from its own fields (the ORPHAcode) too; nothing is lost.
        assert all(set(b[-1]) <= set(a[-1]) and a[:-1] == b[:-1] for a, b in zip(seen(services), seen(coded_sample))) \
            if section == "diagnoses" else seen(services) == seen(coded_sample), section
    again = fhir.build_bundle(services, "en", now=NOW)
    for kind in ("Condition", "MedicationStatement", "AllergyIntolerance"):
        assert sorted(json.dumps(r["code" if kind != "MedicationStatement" else "medicationCodeableConcept"])
                      for r in resources(again, kind)) == \
            sorted(json.dumps(r["code" if kind != "MedicationStatement" else "medicationCodeableConcept"])
                   for r in resources(first, kind)), kind
    assert [r["criticality"] for r in resources(again, "AllergyIntolerance")] == ["high"]


def test_an_icd10_cm_code_stays_icd10_cm_and_is_not_made_a_who_code(coded_sample):
    conditions = resources(fhir.build_bundle(coded_sample, "en", now=NOW), "Condition")
    [codings] = [r["code"]["coding"] for r in conditions if any(c["code"] == "190268003" for c in r["code"]["coding"])]
    assert {"system": ICD10_CM, "code": "E25.0"} in codings
    assert not any(c["system"] == "http://hl7.org/fhir/sid/icd-10" and c["code"] == "E25.0" for c in codings)
    assert {"system": SNOMED, "code": "190268003", "display": "Congenital adrenal hyperplasia"} in codings


def test_a_medicine_ended_on_a_day_not_known_is_past_and_completed_without_an_end(coded_sample):
    ended = next(m for m in coded_sample.medications.all() if m.name == "Amoxicilline")
    assert ended.stop_date == "" and ended not in coded_sample.medications.current(SAMPLE_TODAY)
    assert ended in coded_sample.medications.past(SAMPLE_TODAY)
    [statement] = [r for r in resources(fhir.build_bundle(coded_sample, "en", now=NOW), "MedicationStatement")
                   if r["medicationCodeableConcept"].get("text") == "Amoxicilline"]
    assert statement["status"] == "completed" and "end" not in statement.get("effectivePeriod", {})


def test_no_known_medicines_and_diagnoses_go_out_as_ips_and_snomed_and_come_back(services, session):
    services.person.state_no_known_medications()
    services.person.state_no_known_problems()
    bundle = fhir.build_bundle(services, "nl", now=NOW)
    [medicine] = resources(bundle, "MedicationStatement")
    [problem] = resources(bundle, "Condition")
    assert {(c["system"], c["code"]) for c in medicine["medicationCodeableConcept"]["coding"]} == {
        ("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips", "no-known-medications"), (SNOMED, "787481004")}
    assert medicine["status"] == "active" and medicine["effectiveDateTime"] == "2026-11-22"
    assert {(c["system"], c["code"]) for c in problem["code"]["coding"]} == {
        ("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips", "no-known-problems"), (SNOMED, "160245001")}
    sections = {s["code"]["coding"][0]["code"]: s["text"]["div"] for s in bundle["entry"][0]["resource"]["section"]}
    assert "Geen medicijnen bekend." in sections["10160-0"] and "Geen diagnoses bekend." in sections["11450-4"]
    person = services.person.get()
    session.db.execute("UPDATE person SET medication_statement = 'unknown', problem_statement = 'unknown'")
    assert services.person.medication_statement() != NONE_KNOWN
    import_bundle(services, as_bytes(bundle), "zelf.json")
    assert (services.person.medication_statement(), services.person.problem_statement()) == (NONE_KNOWN, NONE_KNOWN)
    assert services.medications.all() == services.diagnoses.all() == [] and services.person.get().name == person.name


def _condition(text: str, *codings: tuple[str, str]) -> dict:
    return {"resourceType": "Condition", "subject": {"reference": PATIENT}, "onsetDateTime": "2020-01-01",
            "code": {"text": text, "coding": [{"system": system, "code": code} for system, code in codings]}}


def test_the_same_name_and_date_with_other_codes_are_two_diagnoses_with_the_same_codes_one(services):
    summary = import_bundle(services, collection(
        _condition("AK", (SNOMED, "95320005")), _condition("AK", (SNOMED, "201101007")),
        _condition("Macular edema", (SNOMED, "37231002")), _condition("Macular edema", (SNOMED, "37231002"))),
        "eye.json")
    assert summary.added == {"diagnoses": 3} and summary.already_present == {"diagnoses": 1}
    assert sorted(c.code for d in services.diagnoses.all() for c in d.codes) == ["201101007", "37231002", "95320005"]


def test_a_diagnosis_typed_without_codes_is_the_files_coded_one(services):
    services.diagnoses.add(Diagnosis(name="Asthma", diagnosed_on="2020-01-01"))
    summary = import_bundle(services, collection(_condition("Asthma", (SNOMED, "195967001"))), "gp.json")
    assert summary.already_present == {"diagnoses": 1} and len(services.diagnoses.all()) == 1


def test_changing_the_icd10_code_in_the_form_drops_the_files_icd10_codes(services):
    services.diagnoses.add(Diagnosis(name="Diabetes", icd10="E11.9", codes=(
        Coding(ICD10_CM, "E11.9"), Coding(SNOMED, "44054006"))))
    diagnosis = services.diagnoses.all()[0]
    services.diagnoses.update(replace(diagnosis, icd10="E11.8"))
    assert services.diagnoses.all()[0].codes == (Coding(SNOMED, "44054006"),)
    services.diagnoses.update(replace(services.diagnoses.all()[0], notes="controlled"))  # other fields keep codes
    assert services.diagnoses.all()[0].codes == (Coding(SNOMED, "44054006"),)


def test_a_contained_medication_names_the_medicine_with_its_codes(services):
    statement = {"resourceType": "MedicationStatement", "status": "active", "subject": {"reference": PATIENT},
                 "contained": [{"resourceType": "Medication", "id": "med", "code": {
                     "text": "Beloc Zok", "coding": [{"system": "urn:oid:2.51.1.1", "code": "7680521101306"}]}}],
                 "medicationReference": {"reference": "#med"}, "effectivePeriod": {"start": "2020-03"}}
    import_bundle(services, collection(statement), "ch.json")
    [medicine] = services.medications.all()
    assert (medicine.name, medicine.codes, medicine.start_date) == (
        "Beloc Zok", (Coding("urn:oid:2.51.1.1", "7680521101306"),), "2020-03")


@pytest.mark.parametrize("status, period, stop, ended", [
    ("completed", {"start": "2019-07"}, "", True), ("stopped", {}, "", True),
    ("completed", {"start": "2017-01", "end": "2017-02"}, "2017-02", False), ("active", {}, "", False)])
def test_status_and_period_come_as_given_without_an_invented_stop_date(services, status, period, stop, ended):
    statement = {"resourceType": "MedicationStatement", "status": status, "subject": {"reference": PATIENT},
                 "medicationCodeableConcept": {"text": "Amoxicillin"}, "effectivePeriod": period}
    import_bundle(services, collection(statement), "gp.json")
    [medicine] = services.medications.all()
    assert (medicine.stop_date, medicine.ended) == (stop, ended)


def test_criticality_reactions_and_codes_of_an_allergy_come_in(services):
    allergy = {"resourceType": "AllergyIntolerance", "patient": {"reference": PATIENT}, "criticality":
               "unable-to-assess", "code": {"coding": [{"system": SNOMED, "code": "764146007", "display": "Penicillin"}]},
               "reaction": [{"manifestation": [{"text": "Hives"}, {"text": "Wheezing"}], "severity": "severe"}]}
    import_bundle(services, collection(allergy), "gp.json")
    [found] = services.allergies.all()
    assert (found.substance, found.criticality, found.reaction, found.severity, found.codes) == (
        "Penicillin", "unable_to_assess", "Hives; Wheezing", "severe", (Coding(SNOMED, "764146007", "Penicillin"),))
    exported = resources(fhir.build_bundle(services, "en", now=NOW), "AllergyIntolerance")[0]
    assert exported["criticality"] == "unable-to-assess"


# --- real files -------------------------------------------------------------------------------------------

def _real(services: RecordServices, name: str):
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD})")
    return import_bundle(services, path.read_bytes(), name, other_person=True)


def _providers(services: RecordServices) -> list[tuple[str, str]]:
    return sorted((c.name, c.organisation) for c in services.care_team.all() if c.role != "next_of_kin")


@pytest.mark.parametrize("name, expected", [
    # The author (a doctor); not the custodian organisation, not the laboratory that did the tests.
    ("fhir_ipsviewer_IPS_IG-bundle-01.json", [("Beetje van Hulp", "")]),
    # The author through her PractitionerRole, with its organisation; the organisation is no contact itself.
    ("fhir_ipsviewer_AU_aups-noknownx.json", [("Palmer BURDETT", "Douglas Radiology")]),
    # 77 Organizations: laboratories, a hospital that reported medicines, a practice that vaccinated: none named.
    ("fhir_ipsviewer_AT_ELGA_GmbH_01.json", []),
    # The author is the software maker (eHealthLab, University of Cyprus): no care provider.
    ("fhir_ipsviewer_NL_core_patient_01.json", []),
    ("fhir_ipsviewer_EU_Giorgio_Cangioli_03.json", [("Dr. Anne Karlsson", "")]),
])
def test_only_the_care_providers_the_summary_names_become_contacts(services, name, expected):
    _real(services, name)
    assert _providers(services) == expected


def test_the_epic_summary_keeps_its_icd10_cm_codes_on_export(services):
    _real(services, "fhir_ipsviewer_US_Epic_Connectathon_Sept2024.json")
    exported = fhir.build_bundle(services, "en", now=NOW)
    systems = {c["system"] for r in resources(exported, "Condition") for c in r["code"].get("coding", [])}
    assert ICD10_CM in systems and "http://hl7.org/fhir/sid/icd-10" not in systems
    assert sorted(a.criticality for a in services.allergies.all()) == ["high", "low", "low"]


def test_the_swiss_contained_medications_come_in_ended_with_their_gtin(services):
    _real(services, "fhir_ipsviewer_CH_HL7CH_Examples_01.json")
    medicines = services.medications.all()
    assert sorted(m.name for m in medicines) == ["BELOC ZOK Ret Tabl 50 mg", "TRIATEC Tabl 2.5 mg"]
    assert all(m.codes and m.codes[0].system == "urn:oid:2.51.1.1" for m in medicines)


def test_e_patient_daves_conditions_with_the_same_text_and_other_codes_stay_apart(services):
    summary = _real(services, "fhir_ipsviewer_US_ePatientDave_medRequest_with_Narrative.json")
    rosacea = [d for d in services.diagnoses.all() if "Rosacea" in d.name]
    assert len(rosacea) == 3  # three SNOMED codes: three conditions (one text)
    # 37 Conditions: two are the same condition again (the same text and code), as the file writes them.
    assert summary.added["diagnoses"] == 35 and summary.already_present["diagnoses"] == 2


def test_the_canadian_completed_medicines_get_no_invented_stop_date(services):
    _real(services, "fhir_ipsviewer_CA_VeroSource_colorful_balloon.json")
    ended = [m for m in services.medications.all() if m.ended]
    assert ended and all(m.stop_date == "" for m in ended)
    assert all(m not in services.medications.current() for m in ended)
