"""AllergyIntolerance -> an allergy or intolerance, or the statement that there are none known.

Regie keeps current allergies only: one that is resolved, inactive, refuted or entered in
error is left out with the reason.
"""

from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import (
    NOT_TRUE,
    codes_of,
    day,
    is_no_information,
    notes,
    status_code,
    text_of,
)
from phr.formats.fhir.read.resources.found import FoundEntry, NoKnownAllergies, Resource, Section, Unusable, found_entry
from phr.record.person import Allergy

KINDS = ("AllergyIntolerance",)
ALLERGIES = Section("allergies", ("substance",), lambda services: services.allergies)
NO_LONGER = ("resolved", "inactive")


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry | NoKnownAllergies | None:
    if is_no_information(resource.get("code")):
        return NoKnownAllergies() if _states_no_known_allergies(resource) else None
    if status_code(resource.get("verificationStatus")) in NOT_TRUE:
        raise Unusable("it is marked as refuted or entered in error")
    if status_code(resource.get("clinicalStatus")) in NO_LONGER:
        raise Unusable("it is no longer active (resolved or inactive); Regie keeps only current allergies")
    substance = text_of(resource.get("code"))
    if not substance:
        raise Unusable("it names no substance")
    reactions = resource.get("reaction") or []
    reaction = "; ".join(text_of(m) for r in reactions for m in r.get("manifestation") or [] if text_of(m))
    severity = next((r["severity"] for r in reactions if r.get("severity")), "unknown")
    item = Allergy(substance=substance, kind="intolerance" if resource.get("type") == "intolerance" else "allergy",
                   reaction=reaction, severity=severity, notes=notes(resource),
                   noted_on=day(resource.get("recordedDate") or resource.get("onsetDateTime")))
    return found_entry(ALLERGIES, item, resource, url)


def _states_no_known_allergies(resource: Resource) -> bool:
    return any(code in (codes.NO_KNOWN_ALLERGY, "no-known-allergies") for _, code in codes_of(resource.get("code")))
