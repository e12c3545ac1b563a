"""Code systems, codes and identifiers shared by the FHIR export and the FHIR import.

The `urn:regie:` names mark what only Regie reads back: the entry uid (so a re-import
finds what it imported before) and the few details FHIR has no element for (a carrier
status, an out-of-hours number, what a contact is for, who treats a diagnosis, the language
the person writes in). Other systems can ignore them.
"""

import re
import uuid
from enum import StrEnum
from typing import Any

from phr.core.vocabulary import DoseUnit, FoodTiming, Route
from phr.words.fhir import DUTCH

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
ORPHANET = "http://www.orpha.net"
ORPHANET_SYSTEMS = (ORPHANET, "https://www.orpha.net", "http://www.orpha.net/", "https://www.orpha.net/")
ICD10_SYSTEMS = ("http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-nl", "http://hl7.org/fhir/sid/icd-10-cm")
ICD10 = ICD10_SYSTEMS[0]
ABSENT_UNKNOWN = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"
NO_KNOWN_ALLERGY = "716186003"  # SNOMED CT: No known allergy (situation)
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
OBSERVATION_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
DOCUMENT_ID_SYSTEM = "urn:ietf:rfc:3986"
IPS_BUNDLE_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail"  # Extension on Flag: the record it is about
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"  # Extension on a string: the same in a language
CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131"       # Patient.contact.relationship
NEXT_OF_KIN = "N"             # v2-0131: Next-of-Kin
EMERGENCY_CONTACT = "C"       # v2-0131: Emergency Contact
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"     # family and personal relationships (MTH, SPS)
WITH_FOOD = "311504000"       # SNOMED CT: With or after food (FHIR's additional-instruction-codes)
EMPTY_STOMACH = "717154004"   # SNOMED CT: Take on an empty stomach (FHIR's additional-instruction-codes)
TABLET_PRESENTATION = "732936001"  # SNOMED CT: Tablet (unit of presentation), as other systems write a tablet

ENTRY_UID = "urn:regie:entry-uid"                 # Identifier.system: the value is the entry's uid
DIAGNOSIS_STATUS = "urn:regie:diagnosis-status"   # Extension on Condition: confirmed|suspected|carrier|resolved
OUT_OF_HOURS = "urn:regie:out-of-hours"           # Extension on ContactPoint: the acute / out-of-hours number
CONTACT_FOR = "urn:regie:contact-for"             # Extension on CareTeam.participant: what this contact is for
CARE_TEAM_ROLE = "urn:regie:care-team-role"       # Coding system of our roles (gp, specialist, ...)
GENERATED_NOTE = "urn:regie:generated-note"       # Extension on Annotation: made by the export from other fields
TREATING_PHYSICIAN = "urn:regie:treating-physician"  # Extension on Condition: valueReference to the contact
DIAGNOSED_BY = "urn:regie:diagnosed-by"              # Extension on Condition: valueReference to the contact
EXPERTISE_CENTRE = "urn:regie:expertise-centre"      # Extension on Condition: valueReference to the contact
EMERGENCY_GUIDELINE = "urn:regie:emergency-guideline"  # Extension on a Condition's note: valueUrl, the guideline
TEXT_LANGUAGE = "urn:regie:text-language"          # Extension on Patient: valueCode, the language the record is in
EMERGENCY_INFORMATION = "urn:regie:emergency-information"  # Coding system of the Flags' categories (EmergencyFlag)
DOSE_UNIT = "urn:regie:dose-unit"                  # Quantity.system of a dose unit UCUM has no code for (tablet, ...)
# A contact link of a diagnosis -> the extension that carries it.
CONDITION_LINKS = {"treating_physician": TREATING_PHYSICIAN, "diagnosed_by": DIAGNOSED_BY,
                   "expertise_centre": EXPERTISE_CENTRE}


class EmergencyFlag(StrEnum):
    """What an Alerts Flag of Regie's carries: a diagnosis's emergency information, or the person's own notes."""

    PROTOCOL = "protocol"             # for professionals: what to give, in what dose, what to check
    AVOID = "avoid"                   # medicines, anaesthesia and procedures to avoid
    CRISIS_SIGNS = "crisis-signs"     # how a crisis shows itself
    PATIENT_NOTES = "patient-notes"   # what others must know in an emergency, in the person's own words


# The diagnosis field each of a diagnosis's Flags carries, and the code system's display of each code.
EMERGENCY_FIELDS = {EmergencyFlag.PROTOCOL: "emergency_protocol", EmergencyFlag.AVOID: "emergency_avoid",
                    EmergencyFlag.CRISIS_SIGNS: "crisis_signs"}
EMERGENCY_DISPLAYS = {EmergencyFlag.PROTOCOL: "Emergency protocol for professionals",
                      EmergencyFlag.AVOID: "To avoid in an emergency", EmergencyFlag.CRISIS_SIGNS: "Signs of a crisis",
                      EmergencyFlag.PATIENT_NOTES: "Emergency notes in the patient's own words"}
# Dose units in UCUM (the rest go by DOSE_UNIT): Regie's unit -> UCUM code.
UCUM_DOSE_UNITS = {DoseUnit.MG: "mg", DoseUnit.MICROGRAM: "ug", DoseUnit.ML: "mL", DoseUnit.UNIT: "[iU]"}
# How a medicine is taken (Dosage.route) -> (EDQM Standard Term, SNOMED CT route). EDQM codes as in the IPS value
# set 'Medicine Route of Administration' (hl7.org/fhir/uv/ips ValueSet-medicine-route-of-administration); SNOMED
# CT codes as in FHIR's 'SNOMED CT Route Codes' (valueset-route-codes, descendants of 284009009). Regie's 'other'
# has neither: it goes out as text only.
EDQM = "http://standardterms.edqm.eu"
EDQM_OID = "urn:oid:0.4.0.127.0.16.1.1.2.1"  # the same Standard Terms by OID (Swiss files write them so)
V3_ROUTE = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration"
G_STANDARD_ROUTE = "urn:oid:2.16.840.1.113883.2.4.4.9"  # G-Standaard thesaurus 9: toedieningswegen
ROUTES = {Route.ORAL: (("20053000", "Oral use"), ("26643006", "Oral route")),
          Route.SUBCUTANEOUS: (("20066000", "Subcutaneous use"), ("34206005", "Subcutaneous route")),
          Route.INTRAMUSCULAR: (("20035000", "Intramuscular use"), ("78421000", "Intramuscular route")),
          Route.INHALED: (("20020000", "Inhalation use"), ("447694001", "Respiratory tract route")),
          Route.TOPICAL: (("20003000", "Cutaneous use"), ("6064005", "Topical route"))}
# Every (system, code) the import takes as one of Regie's routes: the above, and codes other systems write for
# the same: SNOMED CT 260548002 'Oral' and 45890007 'Transdermal route' (a patch: on the skin); HL7 v3's PO
# 'Swallow, oral', SQ 'Injection, subcutaneous' and IM 'Injection, intramuscular'; the G-Standaard's 9 'ORAAL'
# (in Nictiz's examples and Dutch files; its other codes are read by their display, as published lists differ).
ROUTE_CODES: dict[tuple[str, str], Route] = {
    **{(system, edqm): route for route, ((edqm, _), _) in ROUTES.items() for system in (EDQM, EDQM_OID)},
    **{(SNOMED, snomed): route for route, (_, (snomed, _)) in ROUTES.items()},
    (SNOMED, "260548002"): Route.ORAL, (SNOMED, "45890007"): Route.TOPICAL, (V3_ROUTE, "PO"): Route.ORAL,
    (V3_ROUTE, "SQ"): Route.SUBCUTANEOUS, (V3_ROUTE, "IM"): Route.INTRAMUSCULAR, (G_STANDARD_ROUTE, "9"): Route.ORAL}
# Code systems that hold routes only (SNOMED CT in a Dosage.route names one too): a code of theirs Regie does not
# know is still a route, one Regie has no value for.
ROUTE_SYSTEMS = (EDQM, EDQM_OID, SNOMED, V3_ROUTE, G_STANDARD_ROUTE)
# When a medicine is taken with regard to food -> SNOMED CT additional instruction.
FOOD_INSTRUCTIONS = {FoodTiming.WITH_FOOD: (WITH_FOOD, "With or after food"),
                     FoodTiming.EMPTY_STOMACH: (EMPTY_STOMACH, "Take on an empty stomach")}

# Composition and sections (LOINC).
PATIENT_SUMMARY = "60591-5"
SECTIONS = {
    "problems": ("11450-4", "Problem list - Reported"),
    "medications": ("10160-0", "History of Medication use Narrative"),
    "immunizations": ("11369-6", "History of Immunization Narrative"),
    "procedures": ("47519-4", "History of Procedures Document"),
    "allergies": ("48765-2", "Allergies and adverse reactions Document"),
    "results": ("30954-2", "Relevant diagnostic tests/laboratory data Narrative"),
    "alerts": ("104605-1", "Alert"),
    "vital_signs": ("8716-3", "Vital signs"),
    "plan_of_care": ("18776-5", "Plan of care note"),
    "care_team": ("85847-2", "Patient Care team information"),
}
NO_INFORMATION = {
    "problems": ("no-problem-info", "No information about current problems"),
    "medications": ("no-medication-info", "No information about medications"),
    "allergies": ("no-allergy-info", "No information about allergies"),
}

# The goal's own fields the export writes as notes (in the export's language), which the import reads back.
GOAL_NOTES = {"patient_action": "What I do: {action}", "provider_action": "What the care provider does: {action}"}
# A note's opening words, in either language -> the goal's field.
GOAL_NOTE_OPENINGS = {**{text.replace("{action}", ""): name for name, text in GOAL_NOTES.items()},
                      **{DUTCH[text].replace("{action}", ""): name for name, text in GOAL_NOTES.items()}}

# One namespace for every uuid5 we make, so the same entry always gets the same fullUrl.
NAMESPACE = uuid.UUID("5b0f3c57-2f4e-4f0a-9c55-52656769650a")


def stable_uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def full_url(kind: str, key: str) -> str:
    return f"urn:uuid:{stable_uuid(kind, key)}"


def coding(system: str, code: str, display: str = "") -> dict[str, str]:
    found = {"system": system, "code": code}
    if display:
        found["display"] = display
    return found


def concept(system: str, code: str, display: str = "", text: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"coding": [coding(system, code, display)]}
    if text:
        found["text"] = text
    return found


def generated_note(text: str) -> dict[str, Any]:
    """A note the export writes from other fields; an import of our own file leaves it out."""
    return {"extension": [{"url": GENERATED_NOTE, "valueBoolean": True}], "text": text}


def named(text: str, english: str = "") -> dict[str, Any]:
    """A concept's text with, when it differs, its English name as the standard translation extension, so a
    Dutch name and its English one both travel (and come back on import)."""
    found: dict[str, Any] = {"text": text}
    if english and english != text:
        found["_text"] = {"extension": [{"url": TRANSLATION, "extension": [
            {"url": "lang", "valueCode": "en"}, {"url": "content", "valueString": english}]}]}
    return found


def english_name(concept: dict[str, Any] | None) -> str:
    """The English translation a concept's text carries ('' when it has none)."""
    for translation in ((concept or {}).get("_text") or {}).get("extension") or []:
        parts = {part.get("url"): part for part in translation.get("extension") or []}
        if translation.get("url") == TRANSLATION and (parts.get("lang") or {}).get("valueCode", "")[:2] == "en":
            return ((parts.get("content") or {}).get("valueString") or "").strip()
    return ""


def lab_code(stored: str) -> tuple[str, str]:
    """(system, code) of a lab measure's code: 'system|code' as the reader keeps a code of another system (an
    NHG table's, say), else a LOINC code."""
    system, bar, code = stored.partition("|")
    return (system.strip(), code.strip()) if bar else (LOINC, stored.strip())


# Units as labs and people write them that are plainly a UCUM unit under another spelling.
UCUM_SPELLINGS = {"µ": "u", "μ": "u", "×10^": "10*", "x10^": "10*", "x10E": "10*", "10^": "10*", "/l": "/L",
                  "/dl": "/dL", "/ml": "/mL"}
UCUM_WHOLE = {"IU/L": "[IU]/L", "IE/L": "[IU]/L", "mIU/L": "m[IU]/L", "mIE/L": "m[IU]/L", "E/L": "U/L",
              "IU/mL": "[IU]/mL", "mmHg": "mm[Hg]",
              "ml/min/1.73m2": "mL/min/{1.73_m2}", "mL/min/1.73m2": "mL/min/{1.73_m2}",
              "mL/min/1.73 m2": "mL/min/{1.73_m2}", "ml/min/1,73m2": "mL/min/{1.73_m2}"}
# A unit Regie dares to name in UCUM: prefixed atoms a lab uses, powers of ten, divided by one another.
_UCUM_ATOM = r"(?:10\*\d{1,2}|[fpnumcdk]?(?:g|mol|L|U|\[IU\]|eq|osm|kat|s)|min|h|%|fL|m2|mm\[Hg\]|\{[\w.]+\})"
_UCUM_UNIT = re.compile(rf"{_UCUM_ATOM}(?:/{_UCUM_ATOM})*|1/{_UCUM_ATOM}")


def ucum_code(unit: str) -> str:
    """The UCUM code of a unit ('' when Regie cannot be sure it is one): a wrong UCUM code is worse than none,
    since a receiving system would compute with it."""
    text = unit.strip()
    if text in UCUM_WHOLE:
        return UCUM_WHOLE[text]
    for spelling, ucum in UCUM_SPELLINGS.items():
        text = text.replace(spelling, ucum)
    return text if _UCUM_UNIT.fullmatch(text) else ""
