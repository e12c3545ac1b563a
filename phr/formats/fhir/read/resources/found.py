"""What a FHIR resource says for the record: an entry of a section, the person's details, or a statement.

A resource module returns one of these (or None for an IPS 'no information' statement), or
raises Unusable with a reason that holds no value from the file. An entry carries a uid that
names it across files, and its natural key: the same name (and date) in the same section is
the same entry.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from phr.core.entries import EntryService
from phr.formats.fhir import codes as codes
from phr.record.services import RecordServices

GLOBAL_URLS = ("urn:uuid:", "urn:oid:", "http://", "https://")  # a fullUrl that names the resource everywhere

Resource = dict[str, Any]  # one resource of the file, as JSON, already accepted by the FHIR R4B models


class Unusable(Exception):
    """A resource Regie cannot take in; the text says why, without values from the file."""


@dataclass(frozen=True)
class Section:
    """A part of the record that resources become entries of."""

    name: str                                               # as the summary counts it: diagnoses, medications, ...
    key_fields: tuple[str, ...]                             # the same values here (name, date): the same entry
    service: Callable[[RecordServices], EntryService[Any]]  # the service that stores its entries


@dataclass(frozen=True)
class Link:
    """A field that points at another resource of the file, which must have become an entry of `section`."""

    url: str | None  # the other resource's fullUrl (None: the file does not hold it)
    section: Section


@dataclass(frozen=True)
class FoundEntry:
    section: Section
    item: Any                     # the section's entry (Diagnosis, Medication, ...), links left empty
    uid: str
    key: tuple[str, ...]          # the natural identity: the same name (and date) is the same entry
    links: dict[str, Link] = field(default_factory=dict)
    url: str = ""                 # the entry's fullUrl or Type/id, so others can point at it
    own_uid: bool = False         # the uid is one Regie wrote itself: it names the entry, whatever its content now


@dataclass(frozen=True)
class PersonDetailsFound:
    """What a Patient offers for the person's details: name, birth date and sex ('' when it has none)."""

    details: dict[str, str]


@dataclass(frozen=True)
class NoKnownAllergies:
    """The file states that the person has no known allergies."""


@dataclass(frozen=True)
class EmergencyDetail:
    """A diagnosis's emergency information, from one of Regie's own Alerts Flags: for the diagnosis the Condition
    at `condition_url` became (None: the file does not hold it)."""

    condition_url: str | None
    field: str  # emergency_protocol | emergency_avoid | crisis_signs
    text: str


@dataclass(frozen=True)
class PatientNotes:
    """The person's own emergency notes, from Regie's own Alerts Flag."""

    text: str


@dataclass(frozen=True)
class Alert:
    """Another system's alert (a Flag): for the person's emergency notes, with where it came from. Never a
    diagnosis."""

    text: str
    category: str = ""  # as the file names it, e.g. "Diet"
    author: str = ""    # who raised it, as the file names them


Found = FoundEntry | PersonDetailsFound | NoKnownAllergies | EmergencyDetail | PatientNotes | Alert


def found_entry(section: Section, item: Any, resource: Resource, url: str,
                links: dict[str, Link] | None = None) -> FoundEntry:
    key = natural_key(section, item)
    own = own_uid(resource)
    return FoundEntry(section, item, own or uid_of(resource, url, key), key, links or {}, url, own_uid=bool(own))


def own_uid(resource: Resource) -> str:
    return next((i["value"] for i in resource.get("identifier") or [] if i.get("system") == codes.ENTRY_UID
                 and i.get("value")), "")


def uid_of(resource: Resource, url: str, key: tuple[str, ...]) -> str:
    """A uid for another system's resource, from what names it everywhere: an identifier with its system,
    else a globally unique fullUrl (urn:uuid:, urn:oid:, http(s)://), else its content (type and natural key).
    Never from its place in the file or a local Type/id: the next file of that system reuses those."""
    basis = next((f"{i['system']}|{i['value']}" for i in resource.get("identifier") or []
                  if i.get("system") and i.get("value")), "")
    if not basis and url.startswith(GLOBAL_URLS):
        basis = url
    if not basis:
        basis = "content|" + "|".join(key)
    return hashlib.sha256(f"fhir|{resource['resourceType']}|{basis}".encode()).hexdigest()[:32]


def content_uid(uid: str, key: tuple[str, ...]) -> str:
    """The uid of an entry whose uid the record already holds for other content."""
    return hashlib.sha256("|".join(("fhir-content", uid) + key).encode()).hexdigest()[:32]


def _key(*parts: object) -> tuple[str, ...]:
    return tuple(" ".join(str(part).casefold().split()) for part in parts)


def natural_key(section: Section, item: Any) -> tuple[str, ...]:
    return _key(*(getattr(item, name) or "" for name in section.key_fields))


def stored_key(section: Section, values: dict[str, Any]) -> tuple[str, ...]:
    """The natural key of an entry as stored (its fields by name)."""
    return _key(*(values.get(name) or "" for name in section.key_fields))
