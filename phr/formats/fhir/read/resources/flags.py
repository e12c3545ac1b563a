"""Flag (an IPS alert) -> emergency information.

Regie's own Flags (their category in codes.EMERGENCY_INFORMATION) go back where they came from: a
diagnosis's protocol, what to avoid and the signs of a crisis to the diagnosis its Condition becomes
(flag-detail), the person's own notes to the person's emergency notes. Another system's Flag is an
alert about the person: it joins the emergency notes with where it came from (findings and record
do that), never a diagnosis. A Flag that is not active, whose period has ended, or that says there
is nothing ("no known ...") is no alert.
"""

from datetime import date

from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources import negation
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import codes_of, day, text_of
from phr.formats.fhir.read.resources.found import Alert, EmergencyDetail, PatientNotes, Resource, Unusable

KINDS = ("Flag",)
NOTHING = ("no known", "none known", "geen bekende")  # a Flag's text that states there is nothing to flag


def read(resource: Resource, url: str, bundle: BundleIndex) -> Alert | EmergencyDetail | PatientNotes | None:
    if resource.get("status") != "active":
        raise Unusable("it is not active (inactive or entered in error)")
    end = day((resource.get("period") or {}).get("end"))
    if end and len(end) == 10 and end < date.today().isoformat():
        raise Unusable("its period has ended")
    concept = resource.get("code") or {}
    text = (concept.get("text") or "").strip() or next(
        ((c.get("display") or "").strip() for c in concept.get("coding") or [] if (c.get("display") or "").strip()),
        "")
    if negation.is_negation(concept) or text.casefold().startswith(NOTHING):
        return None
    if not text:
        raise Unusable("it has no text, only a code")
    kind = _own_kind(resource)
    if kind == codes.EmergencyFlag.PATIENT_NOTES:
        return PatientNotes(text)
    if kind in codes.EMERGENCY_FIELDS:
        return EmergencyDetail(bundle.resolve(_detail(resource)), codes.EMERGENCY_FIELDS[kind], text)
    category = next((text_of(c) for c in resource.get("category") or [] if text_of(c)), "")
    return Alert(text, category, ((resource.get("author") or {}).get("display") or "").strip())


def _own_kind(resource: Resource) -> codes.EmergencyFlag | None:
    for category in resource.get("category") or []:
        for system, code in codes_of(category):
            if system == codes.EMERGENCY_INFORMATION and code in set(codes.EmergencyFlag):
                return codes.EmergencyFlag(code)
    return None


def _detail(resource: Resource) -> str | None:
    return next(((e.get("valueReference") or {}).get("reference") for e in resource.get("extension") or []
                 if e.get("url") == codes.FLAG_DETAIL), None)
