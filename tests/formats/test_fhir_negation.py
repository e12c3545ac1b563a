"""'No known ...' in a FHIR file is the person's statement, never an entry; 'no information' changes nothing; a
partial negation ('no known food allergy') is neither an allergy nor 'no known allergies' (issue 15)."""

import json

import pytest
from locations import REAL_WORLD

from phr.formats.fhir.read.bundle import import_bundle
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import LISTED, NONE_KNOWN, UNKNOWN, Allergy

ABSENT = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"
SNOMED = "http://snomed.info/sct"
PATIENT = "urn:uuid:00000000-0000-4000-8000-000000000001"


def bundle(*resources: dict) -> bytes:
    """A collection of the resources, about one Patient without a name (so any record takes it)."""
    entries = [{"fullUrl": PATIENT, "resource": {"resourceType": "Patient"}}]
    entries += [{"fullUrl": f"urn:uuid:00000000-0000-4000-8000-{number:012d}", "resource": resource}
                for number, resource in enumerate(resources, 2)]
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode()


def concept(system: str, code: str, display: str = "") -> dict:
    return {"coding": [{"system": system, "code": code, **({"display": display} if display else {})}]}


def statement(system: str, code: str, status: str = "active") -> dict:
    return {"resourceType": "MedicationStatement", "status": status, "subject": {"reference": PATIENT},
            "medicationCodeableConcept": concept(system, code), "effectiveDateTime": "2026-11-01"}


def condition(system: str, code: str) -> dict:
    return {"resourceType": "Condition", "subject": {"reference": PATIENT}, "code": concept(system, code)}


def allergy(system: str, code: str) -> dict:
    return {"resourceType": "AllergyIntolerance", "patient": {"reference": PATIENT}, "code": concept(system, code)}


def statements(services) -> tuple[str, str, str]:
    person = services.person
    return person.allergy_statement(), person.medication_statement(), person.problem_statement()


@pytest.mark.parametrize("resources", [
    (allergy(ABSENT, "no-known-allergies"), statement(ABSENT, "no-known-medications"),
     condition(ABSENT, "no-known-problems")),
    (allergy(SNOMED, "716186003"), statement(SNOMED, "787481004"), condition(SNOMED, "160245001")),
], ids=["IPS absent-unknown", "SNOMED CT"])
def test_no_known_becomes_the_persons_statement_and_no_entry(services, resources):
    import_bundle(services, bundle(*resources), "none.json")
    assert statements(services) == (NONE_KNOWN, NONE_KNOWN, NONE_KNOWN)
    assert services.allergies.all() == services.medications.all() == services.diagnoses.all() == []


def test_no_information_changes_nothing_and_adds_nothing(services):
    import_bundle(services, bundle(allergy(ABSENT, "no-allergy-info"), statement(ABSENT, "no-medication-info"),
                                   condition(ABSENT, "no-problem-info")), "nothing.json")
    assert statements(services) == (UNKNOWN, UNKNOWN, UNKNOWN)
    assert services.allergies.all() == services.medications.all() == services.diagnoses.all() == []


@pytest.mark.parametrize("code", [(ABSENT, "no-known-food-allergies"), (ABSENT, "no-known-medication-allergies"),
                                  (ABSENT, "no-known-environmental-allergies"), (SNOMED, "429625007"),
                                  (SNOMED, "409137002"), (SNOMED, "428607008")])
def test_a_partial_negation_is_no_allergy_and_not_no_known_allergies(services, code):
    summary = import_bundle(services, bundle(allergy(*code)), "food.json")
    assert services.allergies.all() == [] and services.person.allergy_statement() == UNKNOWN
    assert any("no allergy of one kind" in reason for reason in summary.skipped)  # said, not silent


def test_a_file_never_says_none_known_beside_the_records_own_list(services):
    services.medications.add(Medication(name="Hydrocortison"))
    services.diagnoses.add(Diagnosis(name="AGS"))
    services.allergies.add(Allergy(substance="Penicilline"))
    import_bundle(services, bundle(allergy(SNOMED, "716186003"), statement(SNOMED, "787481004"),
                                   condition(SNOMED, "160245001")), "none.json")
    assert statements(services) == (LISTED, LISTED, LISTED)
    services.medications.stop(services.medications.all()[0].id, "2020-01-01")
    assert services.person.medication_statement() == UNKNOWN  # stopping is not stating


def test_a_negation_marked_entered_in_error_states_nothing(services):
    import_bundle(services, bundle(statement(SNOMED, "787481004", status="entered-in-error")), "error.json")
    assert services.person.medication_statement() == UNKNOWN and services.medications.all() == []


def test_the_statement_and_a_listed_medicine_in_one_file_list_the_medicine(services):
    medicine = {"resourceType": "MedicationStatement", "status": "active", "subject": {"reference": PATIENT},
                "medicationCodeableConcept": {"text": "Metformine"}}
    import_bundle(services, bundle(statement(ABSENT, "no-known-medications"), medicine), "both.json")
    assert [m.name for m in services.medications.all()] == ["Metformine"]
    assert services.person.medication_statement() == LISTED


def _real(name: str) -> bytes:
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD})")
    return path.read_bytes()


def test_the_australian_no_known_example_states_three_times_none_known(services):
    name = "fhir_ipsviewer_AU_aups-noknownx.json"
    import_bundle(services, _real(name), name, other_person=True)
    assert statements(services) == (NONE_KNOWN, NONE_KNOWN, NONE_KNOWN)
    # 'No current problems' and 'No known medications' were a diagnosis and a medicine in use before.
    assert services.diagnoses.all() == services.medications.all() == services.allergies.all() == []


@pytest.mark.parametrize("name", ["fhir_ipsviewer_IPS_IG-bundle-01.json", "fhir_fasten_IPS-bundle-01.json"])
def test_no_known_food_allergy_in_the_ips_example_is_no_allergy(services, name):
    summary = import_bundle(services, _real(name), name, other_person=True)
    allergies = services.allergies.all()
    assert [a.criticality for a in allergies] == ["high"]  # the penicillin allergy, and nothing for food
    assert services.person.allergy_statement() == LISTED
    assert any("no allergy of one kind" in reason for reason in summary.skipped)


@pytest.mark.parametrize("name", ["fhir_hl7ips_bundle-no-info-required-sections.json",
                                  "fhir_ipsviewer_DE_no_info_with_Advance_Directive.json"])
def test_a_file_without_information_leaves_every_statement_unknown(services, name):
    import_bundle(services, _real(name), name, other_person=True)
    assert statements(services) == (UNKNOWN, UNKNOWN, UNKNOWN)
    assert services.diagnoses.all() == services.medications.all() == services.allergies.all() == []
    # Only the doctor who attests the summary is a care provider; its organisations (author, custodian) are not.
    # (The Patient's family come in as next of kin.)
    providers = [c for c in services.care_team.all() if c.role != "next_of_kin"]
    assert [(c.name, c.specialty) for c in providers] == [("Dr Richard Kildare Kildare", "Doctor")]
