"""'No known ...' and 'no information about ...': a file's statements about a whole list, never entries.

Where each code was checked (the stored IPS and AU PS pages):
- IPS absent/unknown code system http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips, its value sets
  (hl7.org/fhir/uv/ips/2019Sep/ValueSet-absent-or-unknown-allergies-uv-ips.html: no-allergy-info,
  no-known-allergies, no-known-medication-allergies, no-known-environmental-allergies, no-known-food-allergies;
  hl7.org/fhir/uv/ips/STU1/ValueSet-absent-or-unknown-medications-uv-ips.html: no-medication-info,
  no-known-medications; hl7.org/fhir/uv/ips/ValueSet-absent-or-unknown-problems-uv-ips.html: no-problem-info,
  no-known-problems).
- SNOMED CT, as IPS lists them (build.fhir.org/ig/HL7/fhir-ips/ValueSet-absent-or-unknown-snomed-uv-ips.html)
  and maps the IPS codes to them (hl7.org/fhir/uv/ips/ConceptMap-absence-to-snomed-uv-ips.html): 716186003 No
  known allergy, 409137002 No known drug allergy, 428607008 No known environmental allergy, 429625007 No known
  food allergy, 787481004 No known medications, 160245001 No current problems or disability (787482006 No known
  immunizations and 787483001 No known device use are in the same list; Regie keeps neither list yet).
  The AU Patient Summary uses 787481004 for "not taking any medicines" and notes that IPS after 1.1.0 dropped
  no-known-medications for it (hl7.org.au/fhir/ps StructureDefinition au-ps-medicationstatement).
  182849000 (No drug therapy prescribed) is in neither list, so it is not read as a statement.

What each becomes:
- a whole "none known" (no-known-allergies, 716186003; no-known-medications, 787481004; no-known-problems,
  160245001): the person's statement for that list (Found NoneKnown), taken while the record lists none;
- "no information" (no-allergy-info, ...): nothing: the record's statement stays as it is (unknown);
- a part of a list ("no known food allergy", "no known drug allergy", "no known environmental allergy"):
  not a statement about all allergies, and never an allergy. Regie has no place for "none of this kind", so
  the resource is left out with a reason the import summary shows (the person reads it there).
"""

from dataclasses import dataclass
from typing import Any

from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import NOT_TRUE, codes_of, status_code

ABSENT_UNKNOWN = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"
SNOMED = "http://snomed.info/sct"

# The list a statement is about -> the person's field that holds it.
ALLERGIES, MEDICATIONS, PROBLEMS = "allergy_statement", "medication_statement", "problem_statement"

NONE_KNOWN = {
    (ABSENT_UNKNOWN, "no-known-allergies"): ALLERGIES, (SNOMED, "716186003"): ALLERGIES,
    (ABSENT_UNKNOWN, "no-known-medications"): MEDICATIONS, (SNOMED, "787481004"): MEDICATIONS,
    (ABSENT_UNKNOWN, "no-known-problems"): PROBLEMS, (SNOMED, "160245001"): PROBLEMS,
}
NO_INFORMATION = {(ABSENT_UNKNOWN, code) for code in ("no-allergy-info", "no-medication-info", "no-problem-info")}
PARTIAL = {(ABSENT_UNKNOWN, "no-known-medication-allergies"), (ABSENT_UNKNOWN, "no-known-environmental-allergies"),
           (ABSENT_UNKNOWN, "no-known-food-allergies"), (SNOMED, "409137002"), (SNOMED, "428607008"),
           (SNOMED, "429625007")}
# Other IPS absent/unknown codes (devices, immunizations, procedures, ...): no entry either.
OTHER_ABSENT = ABSENT_UNKNOWN
PARTIAL_REASON = ("it says only that no allergy of one kind is known (food, medicines or the environment); "
                  "Regie notes 'no known allergies' only for all kinds together, so it added nothing")


@dataclass(frozen=True)
class NoneKnown:
    """The file states that the person has none of a list: allergies, medicines in use, current problems."""

    statement: str  # ALLERGIES | MEDICATIONS | PROBLEMS


def kind_of(concept: dict[str, Any] | None) -> str:
    """'none_known:<statement>', 'no_information', 'partial', 'absent' (another absent/unknown code) or '' for a
    concept that names something real."""
    pairs = codes_of(concept)
    for pair in pairs:
        if pair in NONE_KNOWN:
            return f"none_known:{NONE_KNOWN[pair]}"
    if any(pair in PARTIAL for pair in pairs):
        return "partial"
    if any(pair in NO_INFORMATION for pair in pairs):
        return "no_information"
    return "absent" if any(system == OTHER_ABSENT for system, _ in pairs) else ""


def is_negation(concept: dict[str, Any] | None) -> bool:
    """Whether the concept says there is nothing (or nothing known), rather than naming something."""
    return kind_of(concept) != ""


def statement_of(resource: dict[str, Any], concept: dict[str, Any] | None) -> NoneKnown | None:
    """The 'none known' statement a resource makes; None when it makes none, or is marked as not true."""
    kind = kind_of(concept)
    if not kind.startswith("none_known:") or status_code(resource.get("verificationStatus")) in NOT_TRUE \
            or resource.get("status") == "entered-in-error":
        return None
    return NoneKnown(kind.partition(":")[2])


def statements_in(bundle: BundleIndex) -> set[str]:
    """The 'none known' statements about medicines and current problems the file makes (allergies have their
    own way in: allergies.py)."""
    found = set()
    for resource in bundle.resources():
        kind = resource.get("resourceType")
        if kind == "Condition":
            concept = resource.get("code")
        elif kind in ("MedicationStatement", "MedicationRequest"):
            concept = bundle.medicine_concept(resource)
        else:
            continue
        statement = statement_of(resource, concept)
        if statement is not None:
            found.add(statement.statement)
    return found
