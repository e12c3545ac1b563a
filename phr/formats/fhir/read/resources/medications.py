"""MedicationStatement and MedicationRequest -> a medicine, linked to the diagnosis it is for.

A medicine the file says was never taken is left out; one stopped or completed comes in
stopped, so it never shows as in use. The dose in words is the Dosage text (else words made from its
fields); one Dosage's fields become the structured dose when they say all it says (dosage.py); the English
name is the translation of the name.
"""

from datetime import date

from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.conditions import DIAGNOSES
from phr.formats.fhir.read.resources.datatypes import day, is_no_information, notes, text_of
from phr.formats.fhir.read.resources.dosage import medication_fields
from phr.formats.fhir.read.resources.found import FoundEntry, Link, Resource, Section, Unusable, found_entry
from phr.record.medications import Medication

KINDS = ("MedicationStatement", "MedicationRequest")
MEDICATIONS = Section("medications", ("name", "start_date"), lambda services: services.medications)
NEVER_TAKEN = {"not-taken": "it says the medicine was not taken",
               "entered-in-error": "it is marked as entered in error",
               "cancelled": "the prescription was cancelled before it was used"}
ENDED = ("stopped", "completed")


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry | None:
    concept = resource.get("medicationCodeableConcept")
    if concept is None and resource.get("medicationReference"):
        concept = (bundle.resource(resource["medicationReference"].get("reference", "")) or {}).get("code")
    if is_no_information(concept):
        return None
    if resource.get("status") in NEVER_TAKEN:
        raise Unusable(NEVER_TAKEN[resource["status"]])
    name = text_of(concept)
    if not name:
        raise Unusable("it names no medicine")
    period = resource.get("effectivePeriod") or {}
    start = period.get("start") or resource.get("effectiveDateTime") or resource.get("authoredOn")
    dosages = resource.get("dosage") or resource.get("dosageInstruction") or []
    item = Medication(name=name, start_date=day(start), stop_date=_stop_date(resource, period), notes=notes(resource),
                      stop_reason=text_of((resource.get("statusReason") or [{}])[0]),
                      name_en=codes.english_name(concept), **medication_fields(dosages))
    reason = next((r.get("reference") for r in resource.get("reasonReference") or [] if r.get("reference")), None)
    links = {"reason_id": Link(bundle.resolve(reason), DIAGNOSES)} if reason else {}
    return found_entry(MEDICATIONS, item, resource, url, links)


def _stop_date(resource: Resource, period: dict[str, str]) -> str:
    """The period's end; for a medicine stopped or completed without one the best date there is, else today:
    a medicine the file says is no longer used must not come in as one in use."""
    end = day(period.get("end"))
    if end or resource.get("status") not in ENDED:
        return end
    return day(resource.get("effectiveDateTime")) or day(resource.get("dateAsserted")) or date.today().isoformat()
