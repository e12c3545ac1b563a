"""Practitioner and Organization -> a care-team contact, with the role, the organisation and what the
contact is for from the CareTeam that lists it. A phone, e-mail or website that is not what it says is
left out.

Only whom the summary names as a care provider becomes a contact (BundleIndex.names_as_care_provider): a
person who wrote or attests the summary, a member of its care team, who asserts a diagnosis or prescribes
a medicine, directly or through a PractitionerRole (whose organisation and specialty they then carry). A
laboratory that only performed tests, the system or department that made the file, or a hospital that only
reported a medicine is left out with the reason. Regie's own contacts (its uid) always come back.
"""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from phr.core import validation
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import address, codes_of, person_name, text_of
from phr.formats.fhir.read.resources.found import FoundEntry, Resource, Section, Unusable, found_entry, own_uid
from phr.record.care_team import ROLES, Contact

KINDS = ("Practitioner", "Organization")
CONTACTS = Section("contacts", ("name",), lambda services: services.care_team)
# ContactPoint.system -> the contact's field, and the check its value must pass.
TELECOM: dict[str, tuple[str, Callable[[str], bool]]] = {
    "phone": ("phone", validation.is_phone), "email": ("email", validation.is_email),
    "url": ("website", validation.is_website)}


NOT_A_CARE_PROVIDER = ("the summary does not name it as a care provider (e.g. a laboratory, or the system or "
                       "organisation that made the file)")


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry:
    if not own_uid(resource) and not bundle.names_as_care_provider(url, resource):
        raise Unusable(NOT_A_CARE_PROVIDER)
    kind = "organisation" if resource["resourceType"] == "Organization" else "person"
    name: str = (resource.get("name") or "") if kind == "organisation" else person_name(resource.get("name") or [])
    if not name.strip():
        raise Unusable("it has no name")
    item = Contact(name=name.strip(), kind=kind, address=address(resource), **telecom(resource))
    if kind == "organisation":
        item = replace(item, specialty=text_of((resource.get("type") or [None])[0]))
    else:
        item = replace(item, specialty=text_of(((resource.get("qualification") or [{}])[0]).get("code")))
    role = bundle.role_of(url) if kind == "person" else None
    if role is not None:
        item = replace(item, **_role(role, item, bundle))
    participant = bundle.participant_of(url, resource)
    if participant:
        item = replace(item, **_participant(participant, bundle))
    return found_entry(CONTACTS, item, resource, url)


def _role(role: Resource, item: Contact, bundle: BundleIndex) -> dict[str, Any]:
    """What the PractitionerRole adds: the organisation they work for, their specialty, their numbers."""
    reference = role.get("organization") or {}
    organisation = reference.get("display") or (bundle.resource(reference.get("reference") or "", "Organization")
                                                 or {}).get("name") or ""
    specialty = next((_words(c) for c in (role.get("specialty") or []) + (role.get("code") or []) if _words(c)), "")
    found: dict[str, Any] = {field: value for field, value in telecom(role).items() if not getattr(item, field)}
    found.update(organisation=organisation.strip() if isinstance(organisation, str) else "",
                 specialty=item.specialty or specialty)
    return found


def telecom(resource: Resource) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for point in resource.get("telecom") or []:
        value, system = (point.get("value") or "").strip(), point.get("system")
        if system not in TELECOM:
            continue
        name, check = TELECOM[system]
        acute = any(e.get("url") == codes.OUT_OF_HOURS and e.get("valueBoolean") for e in point.get("extension") or [])
        name = "acute_phone" if name == "phone" and acute else name
        if value and name not in found and check(value):  # a value that is not what it says is left out
            found[name] = value
    return found


def _participant(participant: dict[str, Any], bundle: BundleIndex) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for role in participant.get("role") or []:
        ours = next((code for system, code in codes_of(role) if system == codes.CARE_TEAM_ROLE and code in ROLES), None)
        if ours:
            found["role"] = ours
    contact_for = next((e.get("valueString") for e in participant.get("extension") or []
                        if e.get("url") == codes.CONTACT_FOR), "")
    behalf = participant.get("onBehalfOf") or {}
    organisation = behalf.get("display") or (bundle.resource(behalf.get("reference", ""), "Organization")
                                             or {}).get("name", "")
    found.update(contact_for=contact_for or "", organisation=organisation or "")
    return found


def _words(concept: dict[str, Any]) -> str:
    """A concept's text or display, never a bare code ('408455009' says nothing as a specialty)."""
    return (concept.get("text") or next((c.get("display") for c in concept.get("coding") or [] if c.get("display")),
                                        "") or "").strip()
