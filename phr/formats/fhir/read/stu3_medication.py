"""STU3 medicines -> R4: MedicationStatement (zib MedicationUse), MedicationRequest (zib MedicationAgreement),
Medication (zib PharmaceuticalProduct) and the Dosage they share.

The zib's stop type (extension zib-Medication-StopType, or MedicationUse's own status) says a medicine was
stopped for good or for a while: R4's status 'stopped' or 'on-hold'. A stop date is never made up: the
period of use stays where the file put it (effectivePeriod; the zib-Medication-PeriodOfUse extension of an
agreement, as R4 Dutch profiles keep it too). MedicationUse's 'taken' is whether the medicine is used: 'n'
turns an active one into R4's 'not-taken', never one that was stopped or completed. An agreement without a
status (zib agreements carry none) is 'unknown' in R4, which asks for one. A medicine named by a G-Standaard
code written as a reference ('urn:oid:2.16.840.1.113883.2.4.4.10.7323') becomes that code.
"""

import re

from phr.formats.fhir.read.stu3_convert import Resource, as_list, dicts, mapping, rename

STOP_TYPE = "http://nictiz.nl/fhir/StructureDefinition/zib-Medication-StopType"
STOP_REASON = "http://nictiz.nl/fhir/StructureDefinition/zib-MedicationUse-ReasonForChangeOrDiscontinuationOfUse"
STOP_TYPE_TABLE = "2.16.840.1.113883.2.4.3.11.60.20.77.5.2.1"  # the zib's own table before MP 9.1
# The stop type's codes (SNOMED, and the zib's older table) -> R4 status.
STOP_STATUS = {"113381000146106": "on-hold", "385655000": "on-hold", "1": "on-hold",
               "113371000146109": "stopped", "410546004": "stopped", "2": "stopped",
               "89925002": "cancelled"}
NOT_IN_USE = ("stopped", "on-hold", "completed", "entered-in-error", "intended")  # each says why already
# G-Standaard product levels a reference can name by OID: HPK (10), ZI number (7), PRK (8).
G_STANDARD_REFERENCE = re.compile(r"^urn:oid:(2\.16\.840\.1\.113883\.2\.4\.4\.(?:10|7|8))\.(\d+)$")
DOSE_ELEMENTS = ("doseRange", "doseQuantity", "doseSimpleQuantity")
RATE_ELEMENTS = ("rateRatio", "rateRange", "rateQuantity", "rateSimpleQuantity")


def medication_statement(resource: Resource) -> None:
    status = _stop_status(resource) or resource.get("status")
    if status == "cancelled":  # an agreement cancelled before use; a statement of use says 'not taken'
        status = "not-taken"
    taken = resource.pop("taken", None)
    resource.pop("_taken", None)
    if taken == "n" and status not in NOT_IN_USE:
        status = "not-taken"
    elif taken == "unk" and status in (None, "active"):
        status = "unknown"
    if isinstance(status, str):
        resource["status"] = status
    reasons = [*dicts(resource.pop("reasonNotTaken", None)), *_extension_values(resource, STOP_REASON)]
    if reasons and "statusReason" not in resource:
        resource["statusReason"] = reasons
    _dosages(resource, "dosage")
    _coded_medicine(resource)


def medication_request(resource: Resource) -> None:
    status = _stop_status(resource) or resource.get("status")
    resource["status"] = status if isinstance(status, str) and status else "unknown"
    as_list(resource, "category")
    requester = resource.get("requester")
    if isinstance(requester, dict) and ("agent" in requester or "onBehalfOf" in requester):
        # R4 names only who asked; on whose behalf has no place (it is seldom more than the organisation).
        agent = requester.get("agent")
        if isinstance(agent, dict):
            resource["requester"] = agent
        else:
            resource.pop("requester")
    rename(resource, "context", "encounter")
    resource.pop("definition", None)  # R4 names protocols by canonical URL, not by reference
    rename(mapping(resource.get("substitution")), "allowed", "allowedBoolean")
    _dosages(resource, "dosageInstruction")
    _coded_medicine(resource)


def medication(resource: Resource) -> None:
    for ingredient in dicts(resource.get("ingredient")):
        rename(ingredient, "amount", "strength")
    for element in ("isBrand", "isOverTheCounter", "image"):  # nothing a patient's record needs
        resource.pop(element, None)
    batches = dicts(mapping(resource.pop("package", None)).get("batch"))
    if batches and "batch" not in resource:
        resource["batch"] = batches[0]


def dosage(item: Resource) -> None:
    """STU3's dose and rate at the Dosage's top level -> R4's doseAndRate (the route is the same in both)."""
    dose = {name: item.pop(name) for name in DOSE_ELEMENTS if name in item}
    rate = {name: item.pop(name) for name in RATE_ELEMENTS if name in item}
    for name in (*DOSE_ELEMENTS, *RATE_ELEMENTS):
        item.pop("_" + name, None)
    both = {**_renamed(dose, "doseQuantity"), **_renamed(rate, "rateQuantity")}
    if both:
        item["doseAndRate"] = [both]


def _renamed(found: Resource, quantity: str) -> Resource:
    """A SimpleQuantity choice is written 'doseQuantity' in JSON; some files write 'doseSimpleQuantity'."""
    return {(quantity if name.endswith("SimpleQuantity") else name): value for name, value in found.items()}


def _dosages(resource: Resource, element: str) -> None:
    for item in dicts(resource.get(element)):
        dosage(item)


def _stop_status(resource: Resource) -> str | None:
    """The R4 status the zib's stop type says, or None."""
    for extension in (*dicts(resource.get("modifierExtension")), *dicts(resource.get("extension"))):
        if extension.get("url") == STOP_TYPE:
            codings = dicts(mapping(extension.get("valueCodeableConcept")).get("coding"))
            return next((STOP_STATUS[c["code"]] for c in codings if isinstance(c.get("code"), str)
                         and c["code"] in STOP_STATUS and _stop_table(c)), None)
    return None


def _stop_table(coding: Resource) -> bool:
    """Codes '1' and '2' count in the zib's own older table only; the others are SNOMED codes."""
    return coding.get("code") not in ("1", "2") or STOP_TYPE_TABLE in str(coding.get("system") or "")


def _extension_values(resource: Resource, url: str) -> list[Resource]:
    return [e["valueCodeableConcept"] for e in dicts(resource.get("extension"))
            if e.get("url") == url and isinstance(e.get("valueCodeableConcept"), dict)]


def _coded_medicine(resource: Resource) -> None:
    reference = resource.get("medicationReference")
    match = G_STANDARD_REFERENCE.match(str(reference.get("reference") or "")) if isinstance(reference, dict) else None
    if match is None or not isinstance(reference, dict) or "medicationCodeableConcept" in resource:
        return
    coding = {"system": f"urn:oid:{match.group(1)}", "code": match.group(2)}
    display = reference.get("display")
    if isinstance(display, str) and display.strip():
        coding["display"] = display
    resource.pop("medicationReference")
    resource["medicationCodeableConcept"] = {"coding": [coding], **({"text": display} if "display" in coding else {})}


STEPS = {"MedicationStatement": medication_statement, "MedicationRequest": medication_request,
         "Medication": medication}
