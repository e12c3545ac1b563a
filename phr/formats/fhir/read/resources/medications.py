"""MedicationStatement and MedicationRequest -> a medicine, linked to the diagnosis it is for and who prescribed it.

The medicine is named by the resource's own concept or by its Medication, in the file or contained in the
resource ('#med'); every coding of it is kept (ATC, SNOMED CT, G-Standaard, ...). A medicine the file says
was never taken is left out. The period comes as given: its end is the stop date; a medicine stopped or
completed without an end is `ended`, on a day the record does not know, so it never shows as in use and no
stop date is made up. The dose in words is the Dosage text (else words made from its fields); one Dosage's
fields become the structured dose when they say all it says, and the Dosage's route how it is taken (dosage.py);
the English name is the translation of the name. "No known medications" is no medicine: it is the person's
statement (negation.py).
"""

from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources import negation
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.conditions import DIAGNOSES
from phr.formats.fhir.read.resources.contacts import CONTACTS
from phr.formats.fhir.read.resources.datatypes import codings_of, day, notes, text_of
from phr.formats.fhir.read.resources.dosage import medication_fields
from phr.formats.fhir.read.resources.found import FoundEntry, Link, Resource, Section, Unusable, found_entry
from phr.record.medications import Medication

KINDS = ("MedicationStatement", "MedicationRequest")
MEDICATIONS = Section("medications", ("name", "start_date", "codes"), lambda services: services.medications)
NEVER_TAKEN = {"not-taken": "it says the medicine was not taken",
               "entered-in-error": "it is marked as entered in error",
               "cancelled": "the prescription was cancelled before it was used"}
ENDED = ("stopped", "completed")


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry | None:
    concept = bundle.medicine_concept(resource)
    kind = negation.kind_of(concept)
    if kind == "partial":
        raise Unusable(negation.PARTIAL_REASON)
    if kind:
        return None  # no medicine; 'no known medications' is taken with the Patient (negation.statements_in)
    if resource.get("status") in NEVER_TAKEN:
        raise Unusable(NEVER_TAKEN[resource["status"]])
    name = text_of(concept)
    if not name:
        raise Unusable("it names no medicine")
    period = resource.get("effectivePeriod") or _period_of_use(resource)
    start = period.get("start") or resource.get("effectiveDateTime") or resource.get("authoredOn")
    stop = day(period.get("end"))
    dosages = resource.get("dosage") or resource.get("dosageInstruction") or []
    item = Medication(name=name, start_date=day(start), stop_date=stop, notes=notes(resource),
                      stop_reason=_status_reason(resource.get("statusReason")),
                      name_en=codes.english_name(concept), codes=codings_of(concept),
                      ended=not stop and resource.get("status") in ENDED, **medication_fields(dosages))
    return found_entry(MEDICATIONS, item, resource, url, _links(resource, bundle))


# Dutch medication agreements say when the medicine is to be used in an extension, not in effectivePeriod: the
# zib's (STU3) and nl-core's (R4). Without it a finished course would read as still in use.
PERIOD_OF_USE = ("http://nictiz.nl/fhir/StructureDefinition/zib-Medication-PeriodOfUse",
                 "http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period")


def _period_of_use(resource: Resource) -> dict:
    extensions = resource.get("extension")
    for extension in extensions if isinstance(extensions, list) else []:
        if isinstance(extension, dict) and extension.get("url") in PERIOD_OF_USE \
                and isinstance(extension.get("valuePeriod"), dict):
            period: dict = extension["valuePeriod"]
            return period
    return {}


def _status_reason(reason: object) -> str:
    """Why it stopped: a list of concepts on a MedicationStatement, one concept on a MedicationRequest."""
    concepts = reason if isinstance(reason, list) else [reason]
    return next((text_of(c) for c in concepts if isinstance(c, dict) and text_of(c)), "")


def _links(resource: Resource, bundle: BundleIndex) -> dict[str, Link]:
    """The diagnosis it is for, and who prescribed it (a requester that became a contact)."""
    found = {}
    reason = next((r.get("reference") for r in resource.get("reasonReference") or [] if r.get("reference")), None)
    if reason:
        found["reason_id"] = Link(bundle.resolve(reason), DIAGNOSES)
    requester = (resource.get("requester") or {}).get("reference")
    if requester:
        found["prescriber_id"] = Link(bundle.person_url(requester), CONTACTS)
    return found
