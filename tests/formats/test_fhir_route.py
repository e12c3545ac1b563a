"""A medicine's route (how it is taken) in FHIR: Dosage.route out, coded in EDQM and SNOMED CT with the route in
the export's words, and Dosage.route in (R4 and STU3) by its code, else by its words in English or Dutch."""

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from fhir.resources.STU3 import get_fhir_model_class as stu3_model

from phr.core.vocabulary import Route
from phr.formats.fhir.read.bundle import import_bundle
from phr.formats.fhir.write import bundle as fhir
from phr.record.medications import Medication
from phr.record.services import RecordServices

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
EDQM, SNOMED = "http://standardterms.edqm.eu", "http://snomed.info/sct"
V3_ROUTE = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration"
G_STANDARD_ROUTE = "urn:oid:2.16.840.1.113883.2.4.4.9"
PATIENT = "urn:uuid:00000000-0000-4000-8000-000000000001"


def statement(route: dict[str, Any] | None, name: str = "Metformin", **more: Any) -> dict[str, Any]:
    dosage = {"text": "1 tablet a day", **({"route": route} if route is not None else {})}
    return {"resourceType": "MedicationStatement", "status": "active", "subject": {"reference": PATIENT},
            "medicationCodeableConcept": {"text": name}, "dosage": [dosage], **more}


def read_routes(services: RecordServices, *resources: dict[str, Any]) -> dict[str, str]:
    """Each medicine's route once the resources are imported, by name."""
    entries = [{"fullUrl": PATIENT, "resource": {"resourceType": "Patient"}}]
    entries += [{"fullUrl": f"urn:uuid:00000000-0000-4000-8000-{number:012d}", "resource": resource}
                for number, resource in enumerate(resources, 2)]
    data = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode()
    import_bundle(services, data, "gp.json")
    found = {medicine.name: medicine.route for medicine in services.medications.all()}
    assert len(found) == len(resources)
    return found


def read_route(services: RecordServices, resource: dict[str, Any]) -> str:
    return read_routes(services, resource)[resource["medicationCodeableConcept"]["text"]]


@pytest.fixture
def second_record(tmp_path, template_record) -> Iterator[RecordServices]:
    folder = tmp_path / "second.regie"
    template_record.copy_to(folder)
    session = template_record.open_copy(folder)
    yield RecordServices(session)
    session.lock()


def concept(system: str, code: str, display: str = "", text: str = "") -> dict[str, Any]:
    coding = {"system": system, "code": code, **({"display": display} if display else {})}
    return {"coding": [coding], **({"text": text} if text else {})}


# --- writing ---------------------------------------------------------------------------------------------------

def exported_routes(services: RecordServices, language: str) -> dict[str, Any]:
    """Each medicine's Dosage.route by name (None when it has no Dosage)."""
    bundle = fhir.build_bundle(services, language, now=NOW)
    return {e["resource"]["medicationCodeableConcept"]["text"]: e["resource"]["dosage"][0]["route"]
            if "dosage" in e["resource"] else None
            for e in bundle["entry"] if e["resource"]["resourceType"] == "MedicationStatement"}


@pytest.mark.parametrize("route, edqm, snomed", [
    ("oral", "20053000", "26643006"), ("subcutaneous", "20066000", "34206005"),
    ("intramuscular", "20035000", "78421000"), ("inhaled", "20020000", "447694001"),
    ("topical", "20003000", "6064005")])
def test_each_route_goes_out_coded_in_edqm_and_snomed_with_its_words(services, route, edqm, snomed):
    services.medications.add(Medication(name="Medicine", route=route))
    written = exported_routes(services, "en")["Medicine"]
    assert [(c["system"], c["code"]) for c in written["coding"]] == [(EDQM, edqm), (SNOMED, snomed)]
    assert all(c["display"] for c in written["coding"])


def test_the_routes_words_are_in_the_exports_language_and_other_is_words_only(services):
    services.medications.add(Medication(name="Hydrocortison", route="oral"))
    services.medications.add(Medication(name="Zetpil", route="other"))
    services.medications.add(Medication(name="Vitamine D"))
    dutch, english = exported_routes(services, "nl"), exported_routes(services, "en")
    assert (dutch["Hydrocortison"]["text"], english["Hydrocortison"]["text"]) == (
        "Via de mond (oraal)", "By mouth (oral)")
    assert dutch["Zetpil"] == {"text": "Anders"} and english["Zetpil"] == {"text": "Other"}
    assert dutch["Vitamine D"] is None  # no dose and no route: no Dosage at all


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_route_comes_back_from_regies_own_export(services, second_record, language):
    for route in Route:
        services.medications.add(Medication(name=f"Medicine taken {route.value}", route=route.value))
    services.medications.add(Medication(name="Medicine taken no way said"))
    exported = json.dumps(fhir.build_bundle(services, language, now=NOW)).encode()
    import_bundle(second_record, exported, "regie.json", other_person=True)
    assert {m.name: m.route for m in second_record.medications.all()} == {
        **{f"Medicine taken {route.value}": route.value for route in Route}, "Medicine taken no way said": ""}


# --- reading R4 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("route, expected", [
    (concept(EDQM, "20053000", "Oral use"), "oral"),
    (concept("urn:oid:0.4.0.127.0.16.1.1.2.1", "20066000"), "subcutaneous"),  # EDQM by OID, no display
    (concept(EDQM, "20035000"), "intramuscular"),
    (concept(EDQM, "20020000"), "inhaled"),
    (concept(EDQM, "20003000"), "topical"),
    (concept(EDQM, "20045000", "Intravenous use"), "other"),  # a route Regie has no value for
    (concept(EDQM, "20999999"), "other"),  # a code of the route table Regie does not know: still a route
])
def test_an_edqm_route_is_read_by_its_code(services, route, expected):
    assert read_route(services, statement(route)) == expected


@pytest.mark.parametrize("route, expected", [
    (concept(SNOMED, "26643006", "Oral route"), "oral"),
    (concept(SNOMED, "260548002", "Oral (qualifier value)"), "oral"),
    (concept(SNOMED, "34206005"), "subcutaneous"),
    (concept(SNOMED, "78421000"), "intramuscular"),
    (concept(SNOMED, "447694001"), "inhaled"),
    (concept(SNOMED, "6064005"), "topical"),
    (concept(SNOMED, "45890007", "Transdermal route"), "topical"),
    (concept(V3_ROUTE, "IM", "Injection, intramuscular"), "intramuscular"),
    (concept(G_STANDARD_ROUTE, "9", "ORAAL"), "oral"),
])
def test_a_snomed_hl7_or_g_standaard_route_is_read_by_its_code(services, route, expected):
    assert read_route(services, statement(route)) == expected


@pytest.mark.parametrize("route, expected", [
    ({"text": "By mouth"}, "oral"), ({"text": "PO"}, "oral"), ({"text": "oraal"}, "oral"),
    ({"text": "subcutaneous injection"}, "subcutaneous"), ({"text": "Subcutaan"}, "subcutaneous"),
    ({"text": "intramusculair"}, "intramuscular"), ({"text": "Inhalatie"}, "inhaled"),
    ({"text": "op de huid"}, "topical"), ({"text": "Cutaneous"}, "topical"),
    (concept("urn:oid:2.16.840.1.113883.2.4.4.9", "000021", "SUBCUTAAN"), "subcutaneous"),  # by its display
    (concept("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C38216", "RESPIRATORY (INHALATION)"),
     "inhaled"),
    (concept("urn:oid:1.2.840.114350.1.13.1.1.7.10.768076.4030", "6", "Intravenous"), "other"),
    ({"text": "Rectaal"}, "other"),
])
def test_a_route_in_words_is_read_in_english_or_dutch(services, route, expected):
    assert read_route(services, statement(route)) == expected


@pytest.mark.parametrize("route", [
    None, {}, {"text": "B20180406162630974"}, {"text": "onbekend"},
    concept("urn:oid:1.2.40.0.10.1.4.3.4.3.4", "100000073619", "zum Einnehmen"),  # words Regie cannot read
    concept(SNOMED, "261665006", "Unknown")])
def test_no_route_or_words_that_name_none_give_no_route(services, route):
    assert read_route(services, statement(route)) == ""


def test_several_dosages_with_one_route_give_it_and_with_two_routes_give_other(services):
    morning = {"text": "10 mg in the morning", "route": concept(EDQM, "20053000")}
    evening = {"text": "5 mg in the evening", "route": {"text": "oral"}}
    vomiting = {"text": "when vomiting", "route": concept(EDQM, "20035000")}
    assert read_routes(services, statement(None, "Hydrocortisone", dosage=[morning, evening]),
                       statement(None, "Dexamethasone", dosage=[morning, vomiting])) == {
        "Hydrocortisone": "oral", "Dexamethasone": "other"}


# --- reading STU3 ----------------------------------------------------------------------------------------------

def test_an_stu3_medication_use_gives_its_route(services):
    """STU3's Dosage.route is R4's: a zib MedicationUse with the G-Standaard's route table, read by its display."""
    use = {"resourceType": "MedicationStatement", "status": "active", "taken": "y",
           "subject": {"reference": PATIENT}, "medicationCodeableConcept": {"text": "Insuline aspart"},
           "dosage": [{"text": "3 keer per dag 6 eenheden", "route": concept(G_STANDARD_ROUTE, "000021", "SUBCUTAAN"),
                       "doseQuantity": {"value": 6, "unit": "eenheden"}}]}
    stu3_model("MedicationStatement").model_validate(use)
    assert read_route(services, use) == "subcutaneous"
