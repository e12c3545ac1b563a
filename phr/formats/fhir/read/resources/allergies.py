"""AllergyIntolerance -> an allergy or intolerance, or the statement that there are none known.

Regie keeps current allergies only: one that is resolved, inactive, refuted or entered in
error is left out with the reason. The substance keeps every code the file gives it, and the
criticality (how dangerous a next reaction may be) and the reactions come along. Without a code, the
substance is the one its reactions name (reaction.substance: a C-CDA document converted to FHIR puts a
penicillin allergy only there), never left out for it. "No known
allergies" becomes the person's statement; "no known food allergy" and its kind are no statement
about all allergies and never an allergy (negation.py says why and what is done instead).
"""

from phr.formats.fhir.read.resources import negation
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import NOT_TRUE, codings_of, day, notes, status_code, text_of
from phr.formats.fhir.read.resources.found import FoundEntry, NoKnownAllergies, Resource, Section, Unusable, found_entry
from phr.record.person import CRITICALITIES, Allergy

KINDS = ("AllergyIntolerance",)
ALLERGIES = Section("allergies", ("substance", "codes"), lambda services: services.allergies)
NO_LONGER = ("resolved", "inactive")


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry | NoKnownAllergies | None:
    concept = resource.get("code") or _reaction_substance(resource)
    kind = negation.kind_of(concept)
    if kind == "partial":
        raise Unusable(negation.PARTIAL_REASON)
    if kind:
        return NoKnownAllergies() if negation.statement_of(resource, concept) is not None else None
    if status_code(resource.get("verificationStatus")) in NOT_TRUE:
        raise Unusable("it is marked as refuted or entered in error")
    if status_code(resource.get("clinicalStatus")) in NO_LONGER:
        raise Unusable("it is no longer active (resolved or inactive); Regie keeps only current allergies")
    substance = text_of(concept)
    if not substance:
        raise Unusable("it names no substance")
    reactions = resource.get("reaction") or []
    reaction = "; ".join(dict.fromkeys(text_of(m) for r in reactions for m in r.get("manifestation") or []
                                       if text_of(m)))
    severity = next((r["severity"] for r in reactions if r.get("severity")), "unknown")
    criticality = (resource.get("criticality") or "").replace("-", "_")  # FHIR's unable-to-assess
    item = Allergy(substance=substance, kind="intolerance" if resource.get("type") == "intolerance" else "allergy",
                   reaction=reaction, severity=severity, notes=notes(resource),
                   noted_on=day(resource.get("recordedDate") or resource.get("onsetDateTime")),
                   criticality=criticality if criticality in CRITICALITIES else "", codes=codings_of(concept))
    return found_entry(ALLERGIES, item, resource, url)


def _reaction_substance(resource: Resource) -> dict | None:
    """The substance the reactions name, for an allergy without a code: the first that names one."""
    reactions = resource.get("reaction")
    return next((r["substance"] for r in reactions if isinstance(r, dict) and isinstance(r.get("substance"), dict)
                 and text_of(r["substance"])), None) if isinstance(reactions, list) else None
