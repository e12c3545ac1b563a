"""What the record says about a whole list, as IPS asks for it: "none known", or "no information".

A required section (problems, medicines, allergies) the record holds nothing for gets one resource coded
with the IPS 'absent or unknown' code no-*-info, as IPS asks. The person's statement that they use no
medicines, or have no known diagnoses, is a MedicationStatement or Condition coded with both the IPS code
(no-known-medications, no-known-problems) and the SNOMED CT concept IPS maps it to and later versions use
(787481004 No known medications, 160245001 No current problems or disability: see
phr.formats.fhir.read.resources.negation for where these were checked). A reader of either version finds
its code; Regie's import reads either back as the statement. The statement is dated the day of the export
(the day it was true, as the AU Patient Summary asks).
"""

from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.context import FhirContext, Section
from phr.formats.fhir.write.narrative import narrative, paragraph

NO_KNOWN_MEDICATIONS = (("no-known-medications", "No known medications"),
                        ("787481004", "No known medications (situation)"))
NO_KNOWN_PROBLEMS = (("no-known-problems", "No known problems"), ("160245001", "No current problems or disability"))


def _concept(pair: tuple[tuple[str, str], tuple[str, str]], text: str) -> dict:
    (ips, ips_display), (snomed, snomed_display) = pair
    return {"coding": [codes.coding(codes.ABSENT_UNKNOWN, ips, ips_display),
                       codes.coding(codes.SNOMED, snomed, snomed_display)], "text": text}


def no_known_medications(context: FhirContext) -> tuple[str, dict]:
    """(fullUrl, MedicationStatement) saying the person uses no medicines."""
    resource = {"resourceType": "MedicationStatement", "status": "active", "subject": context.subject,
                "medicationCodeableConcept": _concept(NO_KNOWN_MEDICATIONS, context.words("No known medicines")),
                "effectiveDateTime": context.today.isoformat()}
    return codes.full_url("no-known-medications", context.patient_url), resource


def no_known_problems(context: FhirContext) -> tuple[str, dict]:
    """(fullUrl, Condition) saying the person has no known (current) diagnoses."""
    resource = {"resourceType": "Condition", "subject": context.subject,
                "clinicalStatus": codes.concept(codes.CONDITION_CLINICAL, "active"),
                "verificationStatus": codes.concept(codes.CONDITION_VERIFICATION, "confirmed"),
                "category": [codes.concept(codes.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")],
                "code": _concept(NO_KNOWN_PROBLEMS, context.words("No known diagnoses")),
                "recordedDate": context.today.isoformat()}
    return codes.full_url("no-known-problems", context.patient_url), resource


def no_information(context: FhirContext, key: str, title: str, allergy_base: dict | None = None) -> Section:
    """IPS: a required section with nothing known holds one resource saying so. `allergy_base` is the
    AllergyIntolerance shell the allergies section uses (for that section)."""
    code, display = codes.NO_INFORMATION[key]
    concept = codes.concept(codes.ABSENT_UNKNOWN, code, display)
    url = codes.full_url(code, context.patient_url)
    if key == "problems":
        resource = {"resourceType": "Condition", "subject": context.subject, "code": concept,
                    "clinicalStatus": codes.concept(codes.CONDITION_CLINICAL, "active")}
    elif key == "medications":
        resource = {"resourceType": "MedicationStatement", "status": "unknown", "subject": context.subject,
                    "medicationCodeableConcept": concept,
                    "_effectiveDateTime": {"extension": [{"url": codes.DATA_ABSENT, "valueCode": "unknown"}]}}
    else:
        resource = {**(allergy_base or {}), "code": concept}
    return Section(key, title, narrative(paragraph(context.words("No information."))), [(url, resource)])
