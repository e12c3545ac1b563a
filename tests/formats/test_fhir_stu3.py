"""FHIR STU3 (the Dutch zib / nl-core profiles of MedMij) told from R4, and turned into R4 for the readers.

Each hand-made STU3 resource is first checked by the STU3 models, so the tests feed real STU3; each result
must pass the R4B models the import checks with.
"""

import copy
import json
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class as r4b_model
from fhir.resources.STU3 import get_fhir_model_class as stu3_model
from hypothesis import given, settings
from hypothesis import strategies as st
from locations import REAL_WORLD

from phr.formats.fhir.read import bundle_file
from phr.formats.fhir.read.resources import registry
from phr.formats.fhir.read.versions import STU3_STEPS, FhirVersion, as_r4, version_of

DRIMPY = REAL_WORLD / "fhir_ipsviewer_NL_Drimpy_01.json"
R4_FILES = ("fhir_ipsviewer_NL_Curavista_01.json", "fhir_ipsviewer_NL_core_patient_01.json",
            "fhir_hl7ips_bundle-minimal.json")
CODE_SPECIFICATION = "http://nictiz.nl/fhir/StructureDefinition/code-specification"
G_STANDARD_HPK = "urn:oid:2.16.840.1.113883.2.4.4.10"
G_STANDARD_PRK = "urn:oid:2.16.840.1.113883.2.4.4.8"
G_STANDARD_UNIT = "urn:oid:2.16.840.1.113883.2.4.4.1.900.2"
SNOMED = "http://snomed.info/sct"
ICD10_NL = "urn:oid:2.16.840.1.113883.6.3.2"
PERIOD_OF_USE = "http://nictiz.nl/fhir/StructureDefinition/zib-Medication-PeriodOfUse"
STOP_TYPE = "http://nictiz.nl/fhir/StructureDefinition/zib-Medication-StopType"
AS_AGREED = "http://nictiz.nl/fhir/StructureDefinition/zib-MedicationUse-AsAgreedIndicator"
# The elements the conversion looks at, and the ones inside them (for the test that feeds it anything).
ELEMENTS = ("clinicalStatus", "_clinicalStatus", "verificationStatus", "abatementBoolean", "status", "taken",
            "reasonNotTaken", "extension", "modifierExtension", "url", "valueCodeableConcept", "coding", "code",
            "system", "dosage", "dosageInstruction", "doseQuantity", "rateRatio", "requester", "agent", "category",
            "medicationReference", "reference", "display", "substitution", "allowed", "ingredient", "amount",
            "package", "batch", "interpretation", "component", "comment", "related", "type", "target", "notGiven",
            "date", "practitioner", "role", "actor", "explanation", "reason", "reasonNotGiven",
            "vaccinationProtocol", "doseSequence", "performer", "class", "author", "attester", "mode", "participant",
            "activity", "detail", "contained", "resourceType", "context", "stage", "notDone", "notDoneReason",
            "entry", "resource", "meta", "profile", "tag", "fhirVersion")


def stu3(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource, once the STU3 models accept it (so a test never feeds something that is not STU3)."""
    stu3_model(resource["resourceType"]).model_validate(resource)
    return resource


def r4(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource in R4, once the R4B models accept it; the STU3 input must stay as it was."""
    before = copy.deepcopy(resource)
    converted = as_r4(resource, FhirVersion.STU3)
    assert resource == before
    r4b_model(converted["resourceType"]).model_validate(converted)
    return converted


def codings(value: Any) -> set[tuple[str, str]]:
    """Every (system, code) anywhere in a resource."""
    if isinstance(value, list):
        return {pair for item in value for pair in codings(item)}
    if not isinstance(value, dict):
        return set()
    found = {(value["system"], value["code"])} if isinstance(value.get("code"), str) and "system" in value else set()
    return found | {pair for item in value.values() for pair in codings(item)}


def code_specification(code: str, display: str) -> dict[str, Any]:
    return {"extension": [{"url": CODE_SPECIFICATION, "valueCodeableConcept": {
        "coding": [{"system": SNOMED, "code": code, "display": display}]}}]}


def concept(system: str, code: str, display: str = "") -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code, **({"display": display} if display else {})}]}


# --- which version -------------------------------------------------------------------------------------------

def test_a_condition_with_a_plain_status_code_is_stu3_and_one_with_a_concept_is_r4() -> None:
    assert version_of({"resourceType": "Condition", "clinicalStatus": "active"}) is FhirVersion.STU3
    assert version_of({"resourceType": "Condition", "clinicalStatus": concept("x", "active")}) is FhirVersion.R4
    assert version_of({"resourceType": "AllergyIntolerance", "verificationStatus": "confirmed"}) is FhirVersion.STU3


def test_stu3_only_medication_shapes_say_stu3_and_doseandrate_says_r4() -> None:
    assert version_of({"resourceType": "MedicationStatement", "taken": "y"}) is FhirVersion.STU3
    assert version_of({"resourceType": "MedicationRequest", "dosageInstruction": [
        {"doseQuantity": {"value": 1}}]}) is FhirVersion.STU3
    assert version_of({"resourceType": "MedicationStatement", "dosage": [
        {"doseAndRate": [{"doseQuantity": {"value": 1}}]}]}) is FhirVersion.R4
    assert version_of({"resourceType": "Immunization", "notGiven": False}) is FhirVersion.STU3
    assert version_of({"resourceType": "Immunization", "occurrenceDateTime": "2020"}) is FhirVersion.R4


def test_profiles_and_stated_versions() -> None:
    assert version_of({"resourceType": "Patient", "meta": {"profile": [
        "http://fhir.nl/fhir/StructureDefinition/nl-core-patient"]}}) is FhirVersion.STU3
    # R4's Dutch profiles live at nictiz.nl and are written nl-core-Patient
    assert version_of({"resourceType": "Patient", "meta": {"profile": [
        "http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient"]}}) is FhirVersion.R4
    assert version_of({"resourceType": "Patient"}) is FhirVersion.R4
    assert version_of({"resourceType": "StructureDefinition", "fhirVersion": "3.0.2"}) is FhirVersion.STU3
    assert version_of({"resourceType": "Bundle", "meta": {"tag": [
        {"system": "urn:example:fhirVersion", "code": "3.0.1"}]}}) is FhirVersion.STU3


def test_a_zib_profile_decides_only_when_no_shape_does() -> None:
    """zib2020 (R4) kept the zib profiles' addresses: an R4 shape wins over the profile."""
    zib = {"profile": ["http://nictiz.nl/fhir/StructureDefinition/zib-AllergyIntolerance"]}
    r4_allergy = {"resourceType": "AllergyIntolerance", "meta": zib, "clinicalStatus": concept("x", "active")}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r4_allergy}]}
    assert version_of(bundle) is FhirVersion.R4
    shapeless = {"resourceType": "AllergyIntolerance", "meta": zib, "code": concept(SNOMED, "91936005")}
    assert version_of({**bundle, "entry": [{"resource": shapeless}]}) is FhirVersion.STU3


def test_a_bundle_is_what_most_of_its_resources_look_like() -> None:
    stu3_condition = {"resourceType": "Condition", "clinicalStatus": "active"}
    bundle = {"resourceType": "Bundle", "type": "document", "entry": [
        {"resource": {"resourceType": "Patient"}}, {"fullUrl": "urn:uuid:1"}, {"resource": stu3_condition}]}
    assert version_of(bundle) is FhirVersion.STU3
    r4_allergy = {"resourceType": "AllergyIntolerance", "clinicalStatus": concept("x", "active")}
    odd = {**bundle, "entry": [{"resource": stu3_condition}, {"resource": r4_allergy}, {"resource": r4_allergy}]}
    assert version_of(odd) is FhirVersion.R4


@pytest.mark.parametrize("name", R4_FILES)
def test_real_r4_files_are_r4(name: str) -> None:
    path = REAL_WORLD / name
    if not path.exists():
        pytest.skip(f"the real-world FHIR file {name} is not there ({REAL_WORLD})")
    assert version_of(json.loads(path.read_bytes())) is FhirVersion.R4


def test_an_r4_resource_is_given_back_as_it_is() -> None:
    resource = {"resourceType": "Condition", "clinicalStatus": concept("x", "active")}
    assert as_r4(resource, FhirVersion.R4) is resource


# --- each kind -------------------------------------------------------------------------------------------------

def test_condition_statuses_become_r4_concepts_with_the_dutch_codes_beside_them() -> None:
    converted = r4(stu3({
        "resourceType": "Condition", "clinicalStatus": "active", "_clinicalStatus": code_specification(
            "55561003", "Actueel"), "verificationStatus": "confirmed", "assertedDate": "2020-12-01",
        "code": {"coding": [{"system": SNOMED, "code": "190905008", "display": "Cystic fibrosis"},
                            {"system": ICD10_NL, "code": "E84.9"}]},
        "subject": {"reference": "Patient/1"}, "onsetDateTime": "2001-04-02", "context": {"reference": "Encounter/9"}}))
    assert converted["clinicalStatus"]["coding"] == [
        {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"},
        {"system": SNOMED, "code": "55561003", "display": "Actueel"}]
    assert converted["verificationStatus"]["coding"][0]["code"] == "confirmed"
    assert "_clinicalStatus" not in converted
    assert converted["code"]["coding"][1] == {"system": ICD10_NL, "code": "E84.9"}
    assert (converted["onsetDateTime"], converted["recordedDate"]) == ("2001-04-02", "2020-12-01")
    assert converted["encounter"] == {"reference": "Encounter/9"}


def test_condition_without_an_r4_verification_and_abated_without_a_date() -> None:
    converted = r4(stu3({"resourceType": "Condition", "verificationStatus": "unknown", "abatementBoolean": True,
                         "code": concept(SNOMED, "195967001"), "subject": {"reference": "Patient/1"}}))
    assert "verificationStatus" not in converted  # R4 has no 'unknown': not knowing is saying nothing
    assert converted["clinicalStatus"]["coding"][0]["code"] == "inactive"
    assert "abatementBoolean" not in converted


def test_allergy_keeps_its_codes_criticality_and_reaction() -> None:
    converted = r4(stu3({
        "resourceType": "AllergyIntolerance", "clinicalStatus": "active", "verificationStatus": "confirmed",
        "category": ["medication"], "criticality": "high", "_criticality": code_specification("24484000", "Ernstig"),
        "code": concept("urn:oid:2.16.840.1.113883.2.4.4.1.750", "46078", "Perazine"),
        "patient": {"reference": "Patient/1"}, "assertedDate": "2021-06-29",
        "reaction": [{"manifestation": [concept(SNOMED, "271807003", "Huiduitslag")], "severity": "severe"}]}))
    assert converted["clinicalStatus"]["coding"] == [
        {"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active"}]
    assert converted["verificationStatus"]["coding"][0]["system"].endswith("allergyintolerance-verification")
    assert converted["criticality"] == "high" and "_criticality" in converted  # a code in R4 too: kept as it is
    assert converted["code"]["coding"][0]["code"] == "46078"
    assert converted["reaction"][0]["severity"] == "severe"
    assert converted["recordedDate"] == "2021-06-29"


def medication_use(**fields: Any) -> dict[str, Any]:
    """A zib MedicationUse (STU3 MedicationStatement) of a G-Standaard product, one tablet twice a day."""
    return stu3({
        "resourceType": "MedicationStatement", "status": "active", "taken": "y",
        "extension": [{"url": AS_AGREED, "valueBoolean": True}],
        "medicationCodeableConcept": {"coding": [
            {"system": G_STANDARD_HPK, "code": "2051598", "display": "METFORMINE TABLET 500MG"},
            {"system": G_STANDARD_PRK, "code": "27863"}]},
        "subject": {"reference": "Patient/1"}, "effectivePeriod": {"start": "2020-01-05"},
        "dosage": [{"text": "2 maal per dag 1 tablet", "timing": {"repeat": {"frequency": 2, "period": 1,
                                                                               "periodUnit": "d"}},
                    "doseQuantity": {"value": 1, "unit": "stuk", "system": G_STANDARD_UNIT, "code": "245"}}],
        **fields})


def test_medication_use_moves_its_dose_into_doseandrate_and_keeps_every_code() -> None:
    converted = r4(medication_use())
    assert converted["status"] == "active" and "taken" not in converted
    dosage = converted["dosage"][0]
    assert dosage["doseAndRate"] == [{"doseQuantity": {"value": 1, "unit": "stuk", "system": G_STANDARD_UNIT,
                                                       "code": "245"}}]
    assert "doseQuantity" not in dosage and dosage["timing"]["repeat"]["frequency"] == 2
    assert codings(converted["medicationCodeableConcept"]) == {(G_STANDARD_HPK, "2051598"), (G_STANDARD_PRK, "27863")}
    assert converted["extension"] == [{"url": AS_AGREED, "valueBoolean": True}]
    assert converted["effectivePeriod"] == {"start": "2020-01-05"}  # no end is made up


def test_medication_use_not_taken_only_when_it_was_in_use() -> None:
    reason = concept(SNOMED, "266721009", "Geen effect")
    assert r4(medication_use(taken="n", reasonNotTaken=[reason]))["status"] == "not-taken"
    assert r4(medication_use(taken="n", reasonNotTaken=[reason]))["statusReason"] == [reason]
    # the zib says a stopped medicine is no longer used: it was taken, so it stays stopped, not 'never taken'
    stopped = r4(medication_use(status="stopped", taken="n"))
    assert stopped["status"] == "stopped" and "end" not in stopped["effectivePeriod"]
    assert r4(medication_use(status="completed", taken="n"))["status"] == "completed"
    assert r4(medication_use(taken="unk"))["status"] == "unknown"
    cancelled = {"url": STOP_TYPE, "valueCodeableConcept": concept(SNOMED, "89925002", "geannuleerd")}
    assert r4(medication_use(modifierExtension=[cancelled]))["status"] == "not-taken"


def test_medication_use_reason_for_stopping_becomes_the_status_reason() -> None:
    reason = concept(SNOMED, "79899007", "Interactie")
    extension = {"url": "http://nictiz.nl/fhir/StructureDefinition/zib-MedicationUse-ReasonForChangeOrDiscontinuation"
                        "OfUse", "valueCodeableConcept": reason}
    converted = r4(medication_use(status="stopped", extension=[extension]))
    assert converted["statusReason"] == [reason]
    assert converted["extension"] == [extension]  # kept as well


def medication_agreement(**fields: Any) -> dict[str, Any]:
    """A zib MedicationAgreement (STU3 MedicationRequest) as the Dutch Drimpy summary writes them."""
    return stu3({
        "resourceType": "MedicationRequest", "intent": "order",
        "extension": [{"url": PERIOD_OF_USE, "valuePeriod": {"start": "2021-06-22", "end": "2021-07-21"}}],
        "category": {"coding": [{"system": SNOMED, "code": "16076005"}], "text": "Medicatieafspraak"},
        "medicationReference": {"reference": f"{G_STANDARD_HPK}.7323", "display": "ACENOCOUMAROL TABLET 1MG"},
        "subject": {"reference": "Patient/1"}, "authoredOn": "2021-06-29", "context": {"reference": "Encounter/2"},
        "requester": {"agent": {"reference": "Practitioner/3", "display": "A van Toor", "extension": [
            {"url": "http://nictiz.nl/fhir/StructureDefinition/practitionerrole-reference",
             "valueReference": {"reference": "PractitionerRole/4"}}]}, "onBehalfOf": {"reference": "Organization/5"}},
        "dosageInstruction": [{"sequence": 1, "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
                               "doseQuantity": {"value": 1, "unit": "T", "system": G_STANDARD_UNIT, "code": "T"},
                               "rateRatio": {"numerator": {"value": 1}, "denominator": {"value": 1}}}],
        **fields})


def test_medication_agreement_becomes_an_r4_request() -> None:
    converted = r4(medication_agreement())
    assert converted["status"] == "unknown"  # zib agreements carry none; R4 asks for one
    assert converted["category"] == [{"coding": [{"system": SNOMED, "code": "16076005"}], "text": "Medicatieafspraak"}]
    assert converted["requester"]["reference"] == "Practitioner/3"
    assert converted["requester"]["extension"][0]["valueReference"] == {"reference": "PractitionerRole/4"}
    assert converted["encounter"] == {"reference": "Encounter/2"} and "context" not in converted
    assert converted["dosageInstruction"][0]["doseAndRate"] == [{
        "doseQuantity": {"value": 1, "unit": "T", "system": G_STANDARD_UNIT, "code": "T"},
        "rateRatio": {"numerator": {"value": 1}, "denominator": {"value": 1}}}]
    # the period of use stays where the zib puts it (R4's Dutch profiles keep it as an extension too)
    assert converted["extension"][0] == {"url": PERIOD_OF_USE, "valuePeriod": {"start": "2021-06-22",
                                                                              "end": "2021-07-21"}}


def test_a_g_standaard_code_written_as_a_reference_becomes_the_medicine_code() -> None:
    converted = r4(medication_agreement())
    assert "medicationReference" not in converted
    assert converted["medicationCodeableConcept"] == {"coding": [
        {"system": G_STANDARD_HPK, "code": "7323", "display": "ACENOCOUMAROL TABLET 1MG"}],
        "text": "ACENOCOUMAROL TABLET 1MG"}
    # a real reference stays one: the Medication it points to is read by the reader
    other = r4(medication_agreement(medicationReference={"reference": "Medication/8", "display": "X"}))
    assert other["medicationReference"] == {"reference": "Medication/8", "display": "X"}
    # a G-Standaard thesaurus OID is no product code
    thesaurus = r4(medication_agreement(medicationReference={"reference": "urn:oid:2.16.840.1.113883.2.4.4.1.750"}))
    assert "medicationCodeableConcept" not in thesaurus


@pytest.mark.parametrize(("code", "system", "status"), [
    ("113371000146109", SNOMED, "stopped"), ("113381000146106", SNOMED, "on-hold"),
    ("2", "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.2.1", "stopped"), ("2", SNOMED, "unknown")])
def test_the_zib_stop_type_gives_the_status_and_no_stop_date(code: str, system: str, status: str) -> None:
    stop = {"url": STOP_TYPE, "valueCodeableConcept": concept(system, code)}
    converted = r4(medication_agreement(modifierExtension=[stop], extension=[
        {"url": PERIOD_OF_USE, "valuePeriod": {"start": "2021-06-22"}}]))
    assert converted["status"] == status
    assert converted["modifierExtension"] == [stop]
    assert converted["extension"][0]["valuePeriod"] == {"start": "2021-06-22"}  # no end is made up


def test_medication_keeps_its_codes_and_its_strength() -> None:
    converted = r4(stu3({
        "resourceType": "Medication", "code": {"coding": [{"system": G_STANDARD_HPK, "code": "2051598"},
                                                           {"system": "urn:oid:2.16.840.1.113883.2.4.4.1", "code": "1"}]},
        "isBrand": False, "ingredient": [{"itemCodeableConcept": concept(SNOMED, "109081006"), "amount": {
            "numerator": {"value": 500, "unit": "mg"}, "denominator": {"value": 1, "unit": "tablet"}}}],
        "package": {"batch": [{"lotNumber": "A12", "expirationDate": "2030-01-01"}]}}))
    assert codings(converted["code"]) == {(G_STANDARD_HPK, "2051598"), ("urn:oid:2.16.840.1.113883.2.4.4.1", "1")}
    assert converted["ingredient"][0]["strength"]["numerator"]["value"] == 500
    assert converted["batch"] == {"lotNumber": "A12", "expirationDate": "2030-01-01"}
    assert "package" not in converted and "isBrand" not in converted


def test_observation_moves_context_interpretation_comment_and_related() -> None:
    converted = r4(stu3({
        "resourceType": "Observation", "status": "final",
        "code": concept("https://referentiemodel.nhg.org/tabellen/nhg-tabel-45-diagnostische-bepalingen", "372"),
        "subject": {"reference": "Patient/1"}, "context": {"reference": "Encounter/1"},
        "effectiveDateTime": "2021-06-01", "valueQuantity": {"value": 5, "unit": "mmol/l"},
        "interpretation": concept("http://hl7.org/fhir/v2/0078", "N"), "comment": "nuchter",
        "related": [{"type": "has-member", "target": {"reference": "Observation/2"}},
                    {"type": "sequel-to", "target": {"reference": "Observation/3"}}],
        "component": [{"code": concept("http://loinc.org", "8480-6"), "valueQuantity": {"value": 120},
                       "interpretation": concept("http://hl7.org/fhir/v2/0078", "H")}]}))
    assert converted["encounter"] == {"reference": "Encounter/1"}
    assert converted["interpretation"] == [concept("http://hl7.org/fhir/v2/0078", "N")]
    assert converted["component"][0]["interpretation"] == [concept("http://hl7.org/fhir/v2/0078", "H")]
    assert converted["note"] == [{"text": "nuchter"}]
    assert converted["hasMember"] == [{"reference": "Observation/2"}] and "related" not in converted
    assert converted["valueQuantity"] == {"value": 5, "unit": "mmol/l"}


def test_immunization_date_status_performer_and_protocol() -> None:
    converted = r4(stu3({
        "resourceType": "Immunization", "status": "completed", "notGiven": False, "primarySource": True,
        "vaccineCode": concept("http://www.whocc.no/atc", "J07BC20"), "patient": {"reference": "Patient/1"},
        "date": "1999-06-05", "practitioner": [{"role": concept("http://hl7.org/fhir/v2/0443", "AP"),
                                                "actor": {"reference": "Practitioner/2"}}],
        "explanation": {"reason": [concept(SNOMED, "429060002")]},
        "vaccinationProtocol": [{"doseSequence": 2, "seriesDoses": 3, "series": "HepA+B",
                                 "targetDisease": [concept(SNOMED, "40468003")],
                                 "doseStatus": concept("http://hl7.org/fhir/vaccination-protocol-dose-status",
                                                       "count")}]}))
    assert converted["occurrenceDateTime"] == "1999-06-05" and "date" not in converted
    assert converted["status"] == "completed" and "notGiven" not in converted
    assert converted["performer"] == [{"function": concept("http://hl7.org/fhir/v2/0443", "AP"),
                                       "actor": {"reference": "Practitioner/2"}}]
    assert converted["reasonCode"] == [concept(SNOMED, "429060002")]
    assert converted["protocolApplied"] == [{"series": "HepA+B", "targetDisease": [concept(SNOMED, "40468003")],
                                             "doseNumberPositiveInt": 2, "seriesDosesPositiveInt": 3}]
    assert converted["vaccineCode"] == concept("http://www.whocc.no/atc", "J07BC20")


def test_an_immunization_not_given_and_without_a_date() -> None:
    converted = r4(stu3({
        "resourceType": "Immunization", "status": "completed", "notGiven": True, "primarySource": True,
        "vaccineCode": concept("http://www.whocc.no/atc", "J07BB"), "patient": {"reference": "Patient/1"},
        "explanation": {"reasonNotGiven": [concept("http://hl7.org/fhir/v3/ActReason", "MEDPREC")]}}))
    assert converted["status"] == "not-done"
    assert converted["statusReason"] == concept("http://hl7.org/fhir/v3/ActReason", "MEDPREC")
    assert "occurrenceDateTime" not in converted  # no date is made up: 'unknown', marked as data absent
    assert converted["occurrenceString"] == "unknown"
    assert converted["_occurrenceString"]["extension"][0]["valueCode"] == "unknown"


def test_procedure_status_and_performer() -> None:
    converted = r4(stu3({
        "resourceType": "Procedure", "status": "suspended", "code": concept(SNOMED, "80146002"),
        "subject": {"reference": "Patient/1"}, "performedDateTime": "2015-03-02", "context": {"reference": "E/1"},
        "performer": [{"role": concept(SNOMED, "304292004"), "actor": {"reference": "Practitioner/1"}}]}))
    assert converted["status"] == "on-hold" and converted["performedDateTime"] == "2015-03-02"
    assert converted["performer"][0]["function"] == concept(SNOMED, "304292004")
    assert r4(stu3({"resourceType": "Procedure", "status": "completed", "notDone": True,
                    "notDoneReason": concept(SNOMED, "183932001"), "code": concept(SNOMED, "80146002"),
                    "subject": {"reference": "Patient/1"}}))["status"] == "not-done"


def test_flag_composition_and_goal() -> None:
    flag = r4(stu3({"resourceType": "Flag", "status": "active", "category": concept(SNOMED, "1"),
                    "code": {"text": "MRSA-drager"}, "subject": {"reference": "Patient/1"}}))
    assert flag["category"] == [concept(SNOMED, "1")]
    composition = r4({
        "resourceType": "Composition", "status": "final", "type": {"coding": [[{"system": "http://loinc.org",
                                                                               "code": "60591-5"}]]},
        "class": concept("http://loinc.org", "11503-0"), "date": "2021-10-06", "title": "Samenvatting",
        "author": {"reference": "Patient/1"}, "attester": [{"mode": ["legal"], "party": {"reference": "P/1"}}],
        "section": [{"title": "Problemen", "entry": [{"reference": "Condition/1"}]}]})
    assert composition["type"] == concept("http://loinc.org", "60591-5")  # a list inside a list, codes kept
    assert composition["category"] == [concept("http://loinc.org", "11503-0")]
    assert composition["author"] == [{"reference": "Patient/1"}] and composition["attester"][0]["mode"] == "legal"
    goal = r4(stu3({"resourceType": "Goal", "status": "achieved", "description": {"text": "5 km lopen"},
                    "subject": {"reference": "Patient/1"}, "target": {"dueDate": "2022-01-01"}}))
    assert goal["lifecycleStatus"] == "completed" and goal["achievementStatus"]["coding"][0]["code"] == "achieved"
    assert goal["target"] == [{"dueDate": "2022-01-01"}]


def test_people_and_organisations_pass_through() -> None:
    patient = stu3({"resourceType": "Patient", "name": [{"family": "Jansen", "given": ["Anna"]}],
                    "birthDate": "1980-02-03", "gender": "female",
                    "meta": {"profile": ["http://fhir.nl/fhir/StructureDefinition/nl-core-patient"]}})
    assert r4(patient) == patient
    for resource in ({"resourceType": "Practitioner", "name": [{"family": "Toor", "prefix": ["dr."]}]},
                     {"resourceType": "Organization", "name": "Huisartsenpraktijk De Linde",
                      "type": [concept("urn:oid:2.16.840.1.113883.2.4.15.1060", "Z3")]},
                     {"resourceType": "PractitionerRole", "practitioner": {"reference": "Practitioner/1"},
                      "specialty": [concept("urn:oid:2.16.840.1.113883.2.4.6.7", "0100")]}):
        assert r4(stu3(resource)) == resource


# --- the Dutch summary from a health app (PGO) ------------------------------------------------------------------

def drimpy() -> dict[str, Any]:
    if not DRIMPY.exists():
        pytest.skip(f"the real-world FHIR file {DRIMPY.name} is not there ({REAL_WORLD})")
    document: dict[str, Any] = json.loads(DRIMPY.read_bytes())
    return document


def test_the_dutch_summary_is_stu3_and_every_resource_becomes_valid_r4() -> None:
    document = drimpy()
    assert version_of(document) is FhirVersion.STU3
    kinds = []
    for entry in document["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] != "Composition":  # the file's own Composition breaks STU3's rules too
            stu3(resource)
        converted = r4(resource)
        kinds.append(converted["resourceType"])
    assert sorted(set(kinds)) == ["AllergyIntolerance", "Composition", "Condition", "Immunization",
                                  "MedicationRequest", "Observation", "Patient"]
    assert len(kinds) == 69


def test_the_dutch_summary_keeps_every_code() -> None:
    """Every (system, code) of the file is still there after conversion: G-Standaard, SNOMED, LOINC, NHG."""
    for entry in drimpy()["entry"]:
        resource = entry["resource"]
        assert codings(resource) <= codings(as_r4(resource, FhirVersion.STU3)), resource["id"]


def test_the_dutch_summary_medicines_and_statuses() -> None:
    converted = [as_r4(e["resource"], FhirVersion.STU3) for e in drimpy()["entry"]]
    agreements = [r for r in converted if r["resourceType"] == "MedicationRequest"]
    assert sorted(r["status"] for r in agreements) == ["active"] + ["unknown"] * 14
    coded = sorted(r["medicationCodeableConcept"]["coding"][0]["code"] for r in agreements
                   if "medicationCodeableConcept" in r)
    assert coded == ["3956", "7323"]  # the two G-Standaard HPK codes written as references
    doses = [d for r in agreements for d in r["dosageInstruction"] if "doseAndRate" in d]
    assert len(doses) == 13 and all("doseQuantity" not in d for r in agreements for d in r["dosageInstruction"])
    condition = next(r for r in converted if r["resourceType"] == "Condition")
    assert [c["code"] for c in condition["clinicalStatus"]["coding"]] == ["active", "55561003"]
    allergies = [r for r in converted if r["resourceType"] == "AllergyIntolerance"]
    assert [a["clinicalStatus"]["coding"][0]["code"] for a in allergies] == ["active"] * 5
    immunization = next(r for r in converted if r["resourceType"] == "Immunization")
    assert (immunization["status"], immunization["occurrenceDateTime"]) == ("completed", "1999-06-05")


def test_the_import_reads_the_dutch_summary_as_stu3_and_refuses_none_of_it() -> None:
    """What phr import did before: every clinical resource 'not valid FHIR', 0 entries."""
    contents = bundle_file.read_file(DRIMPY.read_bytes() if drimpy() else b"", registry.KINDS)
    assert "STU3" in contents.about
    read = [entry for entry in contents.entries if entry.resource is not None]
    assert [(entry.kind, entry.problem) for entry in read if entry.problem] == []
    assert {entry.kind for entry in read} >= {"Patient", "Condition", "AllergyIntolerance", "MedicationRequest"}


# --- anything at all -------------------------------------------------------------------------------------------

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(ELEMENTS), inner,
                                                                                 max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(STU3_STEPS)), st.dictionaries(st.sampled_from(ELEMENTS), JSON, max_size=6))
def test_any_shape_is_converted_without_an_error(kind: str, fields: dict[str, Any]) -> None:
    """A file's resource may hold anything where a value belongs: the conversion never fails on it (the R4B
    models then say what is wrong)."""
    resource = {**fields, "resourceType": kind}
    before = copy.deepcopy(resource)
    assert as_r4(resource, FhirVersion.STU3)["resourceType"] == kind
    assert resource == before


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Bundle", *sorted(STU3_STEPS)]), st.dictionaries(st.sampled_from(ELEMENTS), JSON, max_size=6))
def test_any_shape_has_a_version(kind: str, fields: dict[str, Any]) -> None:
    assert version_of({**fields, "resourceType": kind}) in (FhirVersion.R4, FhirVersion.STU3)


def test_a_medicine_named_only_by_its_reference_comes_in_by_that_name(services):
    from phr.formats.fhir.read.bundle import import_bundle

    request = {"resourceType": "MedicationRequest", "status": "active", "intent": "order",
               "subject": {"reference": "Patient/1"}, "authoredOn": "2024-01-15",
               "medicationReference": {"reference": "Medication/not-in-the-file", "display": "Paracetamol 500 mg"}}
    data = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": request}]}).encode()
    assert import_bundle(services, data, "gp.json", other_person=True).added == {"medications": 1}
    assert [m.name for m in services.medications.all()] == ["Paracetamol 500 mg"]


def test_a_dutch_agreements_period_of_use_gives_its_start_and_stop(services):
    from phr.formats.fhir.read.bundle import import_bundle

    request = {"resourceType": "MedicationRequest", "status": "active", "intent": "order",
               "subject": {"reference": "Patient/1"}, "authoredOn": "2021-06-20",
               "medicationCodeableConcept": {"text": "Acetylcysteine 600 mg"},
               "extension": [{"url": "http://nictiz.nl/fhir/StructureDefinition/zib-Medication-PeriodOfUse",
                              "valuePeriod": {"start": "2021-06-22", "end": "2021-07-21"}}]}
    data = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": request}]}).encode()
    import_bundle(services, data, "pgo.json", other_person=True)
    [medicine] = services.medications.all()
    assert (medicine.start_date, medicine.stop_date) == ("2021-06-22", "2021-07-21")
    assert services.medications.current() == []  # a finished course is not in use
