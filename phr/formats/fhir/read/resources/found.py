"""What a FHIR resource says for the record: an entry of a section, the person's details, or a statement.

A resource module returns one of these (or None for an IPS 'no information' statement), or
raises Unusable with a reason that holds no value from the file. An entry carries a uid that
names it across files, and its natural key: the same name (and date) in the same section is
the same entry, unless their codes disagree (NaturalKey).
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from phr.core.entries import EntryService
from phr.formats.fhir import codes as codes
from phr.monitoring.lab_results import ReferenceRange
from phr.monitoring.readings import Reading
from phr.record import codings
from phr.record.services import RecordServices

GLOBAL_URLS = ("urn:uuid:", "urn:oid:", "http://", "https://")  # a fullUrl that names the resource everywhere

Resource = dict[str, Any]  # one resource of the file, as JSON, already accepted by the FHIR R4B models


class Unusable(Exception):
    """A resource Regie cannot take in; the text says why, without values from the file."""


@dataclass(frozen=True)
class Section:
    """A part of the record that resources become entries of."""

    name: str                                               # as the summary counts it: diagnoses, medications, ...
    key_fields: tuple[str, ...]                             # the same values here (name, date, and codes that
                                                            # agree: CODE_FIELDS): the same entry
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
    key: "NaturalKey"             # the natural identity: the same name (and date) is the same entry
    links: dict[str, Link] = field(default_factory=dict)
    url: str = ""                 # the entry's fullUrl or Type/id, so others can point at it
    own_uid: bool = False         # the uid is one Regie wrote itself: it names the entry, whatever its content now


@dataclass(frozen=True)
class PersonDetailsFound:
    """What a Patient offers for the person's details: name, birth date and sex ('' when it has none)."""

    details: dict[str, str]


@dataclass(frozen=True)
class NoKnownAllergies:
    """The file states that the person has no known allergies (IPS no-known-allergies, SNOMED CT 716186003)."""


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


@dataclass(frozen=True)
class FoundReading:
    """An Observation of a catalogue measure (a vital sign, glucose, HbA1c, ...): a reading in the measure's own
    unit, with the lab's reference range (in that unit too) when the file gives one."""

    reading: Reading
    reference: ReferenceRange | None = None


@dataclass(frozen=True)
class FoundResult:
    """An Observation that is a lab result (one number): a reading of the lab measure of its code and unit,
    which the import makes when the record has none yet (phr.monitoring.lab_results)."""

    code: str                  # its LOINC code; without one the code of another system as 'system|code'
    unit: str                  # UCUM code, else the unit's text; '' for a number without a unit (INR, pH)
    name: str                  # what the file calls it
    decimals: int              # as many as the file's value shows (at most 4)
    taken_at: datetime         # timezone-aware
    value: float
    reference: ReferenceRange | None = None
    note: str = ""
    unit_text: str = ""        # the unit as the file writes it for people ('µmol/L' beside UCUM's 'umol/L')
    method: str = "lab"        # '' for a vital sign or an exam the catalogue has no measure for (height, BMI)


@dataclass(frozen=True)
class BloodPressurePart:
    """A systolic or diastolic pressure in an Observation of its own (not in a blood pressure panel): joined with
    the other part at the same moment into one blood pressure reading, else kept as the lab-style `result`."""

    part: str                  # systolic | diastolic
    taken_at: datetime
    value: float               # in mm[Hg]
    result: FoundResult
    method: str = ""


Found = (FoundEntry | PersonDetailsFound | NoKnownAllergies | EmergencyDetail | PatientNotes | Alert | FoundReading
         | FoundResult | BloodPressurePart)


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
        basis = "content|" + "|".join(key) + _signature(key)
    return hashlib.sha256(f"fhir|{resource['resourceType']}|{basis}".encode()).hexdigest()[:32]


def content_uid(uid: str, key: tuple[str, ...]) -> str:
    """The uid of an entry whose uid the record already holds for other content."""
    return hashlib.sha256(("|".join(("fhir-content", uid) + tuple(key)) + _signature(key)).encode()).hexdigest()[:32]


def _signature(key: tuple[str, ...]) -> str:
    """'|' and the key's codes, when it has any ('' keeps the uids made before codes were kept)."""
    return f"|{key.signature()}" if isinstance(key, NaturalKey) and key.codes else ""


CODE_FIELDS = ("codes", "icd10", "orpha_code")  # key fields that are codes, compared as codes (NaturalKey)
CodePair = tuple[str, str]  # (family of the code system, code)


class NaturalKey(tuple[str, ...]):
    """The texts that name an entry (name, date) with the codes it carries. Two keys are the same entry when
    the texts are the same and their codes do not disagree: a name typed in without codes is the file's coded
    one; 'AK' coded 95320005 and 'AK' coded 201101007 are two, as the same text with codes of one system and
    none in common. Codes of different systems (ICD-10 beside SNOMED CT) cannot disagree. The hash is the
    texts', so a dict of keys finds the entry with the same name, and then asks whether the codes agree."""

    codes: frozenset[CodePair]

    def __new__(cls, texts: tuple[str, ...], codes: frozenset[CodePair] = frozenset()) -> "NaturalKey":
        key = super().__new__(cls, texts)
        key.codes = codes
        return key

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple) or tuple(self) != tuple(other):
            return False
        theirs: frozenset[CodePair] = other.codes if isinstance(other, NaturalKey) else frozenset()
        shared_systems = {system for system, _ in self.codes} & {system for system, _ in theirs}
        return not shared_systems or bool(self.codes & theirs)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(tuple(self))

    def signature(self) -> str:
        """The codes in a stable order, for a uid made from content."""
        return ",".join(f"{system}|{code}" for system, code in sorted(self.codes))


def _key(*parts: object) -> tuple[str, ...]:
    return tuple(" ".join(str(part).casefold().split()) for part in parts)


def _code_pairs(values: dict[str, Any]) -> frozenset[CodePair]:
    """An entry's codes, each with the family of its system (every ICD-10 variant is ICD-10; one ORPHAcode
    system), from its codes and its own ICD-10 and ORPHAcode fields."""
    found = codings.from_text(values.get("codes")) if isinstance(values.get("codes"), (str, list)) \
        else tuple(values.get("codes") or ())
    pairs = {(_family(c.system), c.code.strip().upper()) for c in found}
    if values.get("icd10"):
        pairs.add(("icd-10", str(values["icd10"]).strip().upper()))
    if values.get("orpha_code") is not None:
        pairs.add(("orphanet", str(values["orpha_code"])))
    return frozenset(pairs)


def _family(system: str) -> str:
    return "icd-10" if codings.is_icd10(system) else "orphanet" if codings.is_orphanet(system) else system


def natural_key(section: Section, item: Any) -> NaturalKey:
    return stored_key(section, {name: getattr(item, name) for name in section.key_fields})


def stored_key(section: Section, values: dict[str, Any]) -> NaturalKey:
    """The natural key of an entry as stored (its fields by name), or of an entry's fields."""
    texts = _key(*(values.get(name) or "" for name in section.key_fields if name not in CODE_FIELDS))
    return NaturalKey(texts, _code_pairs(values) if set(CODE_FIELDS) & set(section.key_fields) else frozenset())
