"""Condition -> a diagnosis; an ORPHAcode and an ICD-10 code are recognised among its codings, and every
coding is kept as it came (an ICD-10-CM code stays ICD-10-CM). Who asserts it is who diagnosed it, when
that is a care provider of the file. "No current problems" and the IPS absent/unknown codes are no
diagnosis: the first is the person's statement (negation.py, read with the Patient).

From Regie's own file also: the English name (the translation extension of code.text), the emergency
guideline (the note that carries it), and who treats it, who found it and its expertise centre (links to
the contacts). Its other emergency information comes from the Alerts Flags (flags.py).
"""

from phr.core import validation
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources import negation
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.contacts import CONTACTS
from phr.formats.fhir.read.resources.datatypes import (
    NOT_TRUE,
    codes_of,
    codings_of,
    day,
    notes,
    status_code,
    text_of,
)
from phr.formats.fhir.read.resources.found import FoundEntry, Link, Resource, Section, Unusable, found_entry
from phr.record.diagnoses import STATUSES, Diagnosis, parse_orpha

KINDS = ("Condition",)
DIAGNOSES = Section("diagnoses", ("name", "diagnosed_on", "codes", "icd10", "orpha_code"),
                    lambda services: services.diagnoses)


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry | None:
    kind = negation.kind_of(resource.get("code"))
    if kind == "partial":
        raise Unusable(negation.PARTIAL_REASON)
    if kind:
        return None  # no diagnosis; 'no known problems' is taken with the Patient (negation.statements_in)
    if status_code(resource.get("verificationStatus")) in NOT_TRUE:
        raise Unusable("it is marked as refuted or entered in error")
    name = text_of(resource.get("code"))
    if not name:
        raise Unusable("it has no name or code")
    orpha, icd10 = _codes(resource)
    onset = resource.get("onsetDateTime") or (resource.get("onsetPeriod") or {}).get("start")
    item = Diagnosis(name=name, orpha_code=orpha, icd10=icd10, status=_status(resource),
                     diagnosed_on=day(onset), notes=notes(resource), name_en=codes.english_name(resource.get("code")),
                     emergency_guideline=_guideline(resource), codes=codings_of(resource.get("code")))
    return found_entry(DIAGNOSES, item, resource, url, _links(resource, bundle))


def _guideline(resource: Resource) -> str:
    """The emergency guideline our export wrote as a note ('' when there is none, or it is no website)."""
    for note in resource.get("note") or []:
        for extension in note.get("extension") or []:
            link = (extension.get("valueUrl") or "").strip()
            if extension.get("url") == codes.EMERGENCY_GUIDELINE and validation.is_website(link):
                return link
    return ""


def _links(resource: Resource, bundle: BundleIndex) -> dict[str, Link]:
    """Who treats it, who found it, its expertise centre: contacts of this file."""
    found = {}
    for name, url in codes.CONDITION_LINKS.items():
        reference = next(((e.get("valueReference") or {}).get("reference") for e in resource.get("extension") or []
                          if e.get("url") == url), None)
        if reference:
            found[name] = Link(bundle.resolve(reference), CONTACTS)
    asserter = (resource.get("asserter") or {}).get("reference")
    if asserter and "diagnosed_by" not in found:  # a Patient it names links to no contact: left out then
        found["diagnosed_by"] = Link(bundle.person_url(asserter), CONTACTS)
    return found


def _codes(resource: Resource) -> tuple[int | None, str]:
    """The first usable ORPHAcode and ICD-10 code."""
    orpha, icd10 = None, ""
    for system, code in codes_of(resource.get("code")):
        if system in codes.ORPHANET_SYSTEMS and orpha is None:
            try:
                orpha = parse_orpha(code)
            except ValueError:
                pass
        if system in codes.ICD10_SYSTEMS and not icd10 and validation.is_icd10(code):
            icd10 = code.upper()
    return orpha, icd10


def _status(resource: Resource) -> str:
    ours = next((e.get("valueCode") for e in resource.get("extension") or [] if e.get("url") == codes.DIAGNOSIS_STATUS),
                None)
    if ours in STATUSES:
        return ours
    if status_code(resource.get("clinicalStatus")) in ("resolved", "inactive", "remission"):
        return "resolved"
    if status_code(resource.get("verificationStatus")) in ("provisional", "differential", "unconfirmed"):
        return "suspected"
    return "confirmed"
