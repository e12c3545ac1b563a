"""Practitioner and Organization -> a care-team contact, with the role, the organisation and what the
contact is for from the CareTeam that lists it. A phone, e-mail or website that is not what it says is
left out."""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from phr.core import validation
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import address, codes_of, person_name, text_of
from phr.formats.fhir.read.resources.found import FoundEntry, Resource, Section, Unusable, found_entry
from phr.record.care_team import ROLES, Contact

KINDS = ("Practitioner", "Organization")
CONTACTS = Section("contacts", ("name",), lambda services: services.care_team)
# ContactPoint.system -> the contact's field, and the check its value must pass.
TELECOM: dict[str, tuple[str, Callable[[str], bool]]] = {
    "phone": ("phone", validation.is_phone), "email": ("email", validation.is_email),
    "url": ("website", validation.is_website)}


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry:
    kind = "organisation" if resource["resourceType"] == "Organization" else "person"
    name: str = (resource.get("name") or "") if kind == "organisation" else person_name(resource.get("name") or [])
    if not name.strip():
        raise Unusable("it has no name")
    item = Contact(name=name.strip(), kind=kind, address=address(resource), **telecom(resource))
    if kind == "organisation":
        item = replace(item, specialty=text_of((resource.get("type") or [None])[0]))
    else:
        item = replace(item, specialty=text_of(((resource.get("qualification") or [{}])[0]).get("code")))
    participant = bundle.participant_of(url, resource)
    if participant:
        item = replace(item, **_participant(participant, bundle))
    return found_entry(CONTACTS, item, resource, url)


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
