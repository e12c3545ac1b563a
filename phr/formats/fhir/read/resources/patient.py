"""Patient -> what it offers for the person's details (the first Patient of the file counts), and its contacts
that are family or friends as next of kin. The file's "no known medications" and "no current problems"
(negation.py) come with the details, as the person's statements: record.py fills them in before any entry
is written, and the person's service takes one only while the record lists nothing of that kind.

A Patient.contact is a next of kin when its relationship says so: v2-0131 'N' (next of kin) or 'C'
(emergency contact), or a family or personal relationship of v3-RoleCode (mother, spouse, friend).
An employer, an insurer or an agency is not. The relationship in words comes from the concept's text or
the role's display ("partner", "mother"); what they can do from Regie's 'contact for' extension.
"""

from dataclasses import replace
from typing import Any

from phr.core.vocabulary import CareRole
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources import negation
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.contacts import CONTACTS, telecom
from phr.formats.fhir.read.resources.datatypes import address, codes_of, day, person_name, texts
from phr.formats.fhir.read.resources.found import Found, FoundEntry, PersonDetailsFound, Resource, found_entry
from phr.record.care_team import Contact
from phr.record.person import NONE_KNOWN, SEXES, TEXT_LANGUAGES

KINDS = ("Patient",)
FAMILY = {(codes.CONTACT_ROLE, codes.NEXT_OF_KIN), (codes.CONTACT_ROLE, codes.EMERGENCY_CONTACT)}


def read(resource: Resource, url: str, bundle: BundleIndex) -> tuple[Found, ...]:
    language = next((e.get("valueCode") for e in resource.get("extension") or [] if e.get("url") ==
                     codes.TEXT_LANGUAGE), "")
    details = PersonDetailsFound({"name": person_name(resource.get("name")),
                                  "birth_date": day(resource.get("birthDate")),
                                  "sex": resource["gender"] if resource.get("gender") in SEXES else "",
                                  "text_language": language if language in TEXT_LANGUAGES else "",
                                  **{statement: NONE_KNOWN for statement in negation.statements_in(bundle)}})
    family = [next_of_kin(contact, f"{url}#contact-{number}")
              for number, contact in enumerate(resource.get("contact") or [], 1) if _is_family(contact)]
    return (details, *[found for found in family if found is not None])


def _is_family(contact: dict[str, Any]) -> bool:
    found = [pair for concept in contact.get("relationship") or [] for pair in codes_of(concept)]
    return any(pair in FAMILY or pair[0] == codes.ROLE_CODE for pair in found)


def next_of_kin(contact: dict[str, Any], place: str) -> FoundEntry | None:
    """A Patient.contact as a next of kin; None when it names nobody. `place` names it within this file only."""
    name = person_name([contact["name"]] if isinstance(contact.get("name"), dict) else [])
    if not name:
        return None
    extensions = {e.get("url"): e.get("valueString") or "" for e in contact.get("extension") or []}
    organisation = (contact.get("organization") or {}).get("display") or ""
    item = Contact(name=name, role=CareRole.NEXT_OF_KIN, kind="person", relationship=_relationship(contact),
                   contact_for=extensions.get(codes.CONTACT_FOR, "").strip(), organisation=organisation.strip(),
                   address=address({"address": [contact["address"]]}) if contact.get("address") else "",
                   **telecom(contact))
    own = extensions.get(codes.ENTRY_UID, "")
    # A contact has no identifier of its own: Regie's uid is an extension; another system's is made from the name.
    resource = {"resourceType": "Patient.contact",
                "identifier": [{"system": codes.ENTRY_UID, "value": own}] if own else []}
    return replace(found_entry(CONTACTS, item, resource, ""), url=place)


def _relationship(contact: dict[str, Any]) -> str:
    """The relationship in words: a concept's text, else a family role's display ('mother'), else what kind of
    contact they are ('Emergency Contact'; not 'Next-of-Kin', which the role says already). '' when none."""
    concepts = contact.get("relationship") or []
    codings = [c for concept in concepts for c in concept.get("coding") or []]
    family = [c.get("display") for c in codings if c.get("system") == codes.ROLE_CODE]
    kind = [c.get("display") for c in codings if c.get("system") == codes.CONTACT_ROLE
            and c.get("code") != codes.NEXT_OF_KIN]
    return next(iter(texts([concept.get("text") for concept in concepts]) + texts(family) + texts(kind)), "")
