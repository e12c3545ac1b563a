"""FHIR resources (as JSON dicts, already checked by the FHIR R4B models) -> Regie entries.

Each function returns a Planned entry, None for an IPS 'no information' statement, or
raises Unusable with a reason that holds no value from the file. Links (a medicine's
diagnosis, a goal's diagnosis) travel as FHIR references and are resolved when written.
"""

import hashlib
from dataclasses import dataclass, replace
from datetime import date

from phr.core import partial_date, validation
from phr.formats.fhir import codes as codes
from phr.monitoring.measures import CATALOGUE
from phr.record.care_plan import Goal
from phr.record.care_team import ROLES, Contact
from phr.record.diagnoses import STATUSES, Diagnosis, parse_orpha
from phr.record.medications import Medication
from phr.record.person import SEXES, Allergy

NO_INFORMATION_CODES = {code for code, _ in codes.NO_INFORMATION.values()} | {
    "no-known-allergies", "no-known-medications", "no-known-problems", codes.NO_KNOWN_ALLERGY}
NOT_TRUE = {"refuted", "entered-in-error"}
NEVER_TAKEN = {"not-taken": "it says the medicine was not taken",
               "entered-in-error": "it is marked as entered in error",
               "cancelled": "the prescription was cancelled before it was used"}
ENDED = ("stopped", "completed")
NO_LONGER = ("resolved", "inactive")
GLOBAL_URLS = ("urn:uuid:", "urn:oid:", "http://", "https://")  # a fullUrl that names the resource everywhere
GOAL_STATUS = {"completed": "achieved", "cancelled": "stopped", "rejected": "stopped"}


class Unusable(Exception):
    """A resource Regie cannot take in; the text says why, without values from the file."""


@dataclass
class Planned:
    table: str            # diagnoses | medications | allergies | goals | contacts
    item: object          # the entry, links left empty
    uid: str
    key: tuple            # the natural identity: the same name (and date) is the same entry
    links: dict           # field -> FHIR reference text, resolved when written
    url: str = ""         # the entry's fullUrl or Type/id, so others can point at it
    own_uid: bool = False  # the uid is one Regie wrote itself: it names the entry, whatever its content now


def planned(table: str, item, resource: dict, url: str, links: dict | None = None) -> Planned:
    key = natural_key(table, item)
    own = own_uid(resource)
    return Planned(table, item, own or uid_of(resource, url, key), key, links or {}, url, own_uid=bool(own))


def own_uid(resource: dict) -> str:
    return next((i["value"] for i in resource.get("identifier") or [] if i.get("system") == codes.ENTRY_UID
                 and i.get("value")), "")


def uid_of(resource: dict, url: str, key: tuple) -> str:
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


def content_uid(uid: str, key: tuple) -> str:
    """The uid of an entry whose uid the record already holds for other content."""
    return hashlib.sha256("|".join(("fhir-content", uid) + key).encode()).hexdigest()[:32]


def text_of(concept: dict | None) -> str:
    if not concept:
        return ""
    if concept.get("text"):
        return concept["text"].strip()
    return next((c.get("display") or c.get("code") for c in concept.get("coding") or [] if c.get("display")
                 or c.get("code")), "").strip()


def codes_of(concept: dict | None) -> list[tuple[str, str]]:
    return [(c.get("system") or "", c.get("code") or "") for c in (concept or {}).get("coding") or []]


def is_no_information(concept: dict | None) -> bool:
    return any(code in NO_INFORMATION_CODES for _, code in codes_of(concept))


def day(value) -> str:
    """A FHIR date or dateTime as a partial date ('2019', '2019-05', '2019-05-14'); '' if not usable."""
    return partial_date.normalise_or_none(str(value or "")[:10]) or ""


def status_code(concept: dict | None) -> str:
    return next((code for _, code in codes_of(concept)), "")


def notes(resource: dict) -> str:
    """The notes as one text, without those our export wrote from other fields."""
    return "\n".join(n["text"].strip() for n in resource.get("note") or [] if (n.get("text") or "").strip()
                     and not any(e.get("url") == codes.GENERATED_NOTE for e in n.get("extension") or []))


def _key(*parts: str) -> tuple:
    return tuple(" ".join(str(part).casefold().split()) for part in parts)


# The fields that make an entry 'the same one': the same name (and date) in the same section.
NATURAL_KEYS = {"diagnoses": ("name", "diagnosed_on"), "medications": ("name", "start_date"),
                "allergies": ("substance",), "goals": ("description",), "contacts": ("name",)}


def natural_key(table: str, item) -> tuple:
    return _key(*(getattr(item, name) or "" for name in NATURAL_KEYS[table]))


def stored_key(table: str, values: dict) -> tuple:
    """The natural key of an entry as stored (its columns by name)."""
    return _key(*(values.get(name) or "" for name in NATURAL_KEYS[table]))


# --- problems ---------------------------------------------------------------------------------

def diagnosis(resource: dict, url: str) -> Planned | None:
    if is_no_information(resource.get("code")):
        return None
    if status_code(resource.get("verificationStatus")) in NOT_TRUE:
        raise Unusable("it is marked as refuted or entered in error")
    name = text_of(resource.get("code"))
    if not name:
        raise Unusable("it has no name or code")
    orpha, icd10 = None, ""
    for system, code in codes_of(resource.get("code")):
        if system in codes.ORPHANET_SYSTEMS and orpha is None:
            try:
                orpha = parse_orpha(code)
            except ValueError:
                pass
        if system in codes.ICD10_SYSTEMS and not icd10 and validation.is_icd10(code):
            icd10 = code.upper()
    onset = resource.get("onsetDateTime") or (resource.get("onsetPeriod") or {}).get("start")
    item = Diagnosis(name=name, orpha_code=orpha, icd10=icd10, status=_diagnosis_status(resource),
                     diagnosed_on=day(onset), notes=notes(resource))
    return planned("diagnoses", item, resource, url)


def _diagnosis_status(resource: dict) -> str:
    ours = next((e.get("valueCode") for e in resource.get("extension") or [] if e.get("url") == codes.DIAGNOSIS_STATUS),
                None)
    if ours in STATUSES:
        return ours
    if status_code(resource.get("clinicalStatus")) in ("resolved", "inactive", "remission"):
        return "resolved"
    if status_code(resource.get("verificationStatus")) in ("provisional", "differential", "unconfirmed"):
        return "suspected"
    return "confirmed"


# --- medications ------------------------------------------------------------------------------

def medication(resource: dict, url: str, medicines: dict[str, dict]) -> Planned | None:
    concept = resource.get("medicationCodeableConcept")
    if concept is None and resource.get("medicationReference"):
        concept = (medicines.get(resource["medicationReference"].get("reference", "")) or {}).get("code")
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
    item = Medication(name=name, dose="; ".join(d["text"] for d in dosages if d.get("text")), start_date=day(start),
                      stop_date=_stop_date(resource, period), notes=notes(resource),
                      stop_reason=text_of((resource.get("statusReason") or [{}])[0]))
    reason = next((r.get("reference") for r in resource.get("reasonReference") or [] if r.get("reference")), None)
    return planned("medications", item, resource, url, {"reason_id": reason} if reason else {})


def _stop_date(resource: dict, period: dict) -> str:
    """The period's end; for a medicine stopped or completed without one the best date there is, else today:
    a medicine the file says is no longer used must not come in as one in use."""
    end = day(period.get("end"))
    if end or resource.get("status") not in ENDED:
        return end
    return day(resource.get("effectiveDateTime")) or day(resource.get("dateAsserted")) or date.today().isoformat()


# --- allergies --------------------------------------------------------------------------------

def allergy(resource: dict, url: str) -> Planned | None:
    if is_no_information(resource.get("code")):
        return None
    if status_code(resource.get("verificationStatus")) in NOT_TRUE:
        raise Unusable("it is marked as refuted or entered in error")
    if status_code(resource.get("clinicalStatus")) in NO_LONGER:
        raise Unusable("it is no longer active (resolved or inactive); Regie keeps only current allergies")
    substance = text_of(resource.get("code"))
    if not substance:
        raise Unusable("it names no substance")
    reactions = resource.get("reaction") or []
    reaction = "; ".join(text_of(m) for r in reactions for m in r.get("manifestation") or [] if text_of(m))
    severity = next((r["severity"] for r in reactions if r.get("severity")), "unknown")
    item = Allergy(substance=substance, kind="intolerance" if resource.get("type") == "intolerance" else "allergy",
                   reaction=reaction, severity=severity, notes=notes(resource),
                   noted_on=day(resource.get("recordedDate") or resource.get("onsetDateTime")))
    return planned("allergies", item, resource, url)


def states_no_known_allergies(resource: dict) -> bool:
    return any(code in (codes.NO_KNOWN_ALLERGY, "no-known-allergies") for _, code in codes_of(resource.get("code")))


# --- goals ------------------------------------------------------------------------------------

def goal(resource: dict, url: str) -> Planned:
    if resource.get("lifecycleStatus") == "entered-in-error":
        raise Unusable("it is marked as entered in error")
    description = text_of(resource.get("description"))
    if not description:
        raise Unusable("it has no description")
    status = GOAL_STATUS.get(resource.get("lifecycleStatus"), "active")
    if status_code(resource.get("achievementStatus")) == "achieved":
        status = "achieved"
    target = (resource.get("target") or [{}])[0]
    item = Goal(description=description, status=status, start_date=day(resource.get("startDate")),
                review_date=day(target.get("dueDate")), **_goal_notes(resource), **_goal_target(target))
    addresses = next((r.get("reference") for r in resource.get("addresses") or [] if r.get("reference")), None)
    return planned("goals", item, resource, url, {"diagnosis_id": addresses} if addresses else {})


def _goal_notes(resource: dict) -> dict:
    found = {}
    for note in resource.get("note") or []:
        text = note.get("text") or ""
        for prefix, name in codes.GOAL_NOTE_OPENINGS.items():
            if text.startswith(prefix):
                found[name] = text[len(prefix):].strip()
    return found


def _goal_target(target: dict) -> dict:
    measure_concept = target.get("measure")
    loinc = next((code for system, code in codes_of(measure_concept) if system == codes.LOINC), "")
    measure = next((m for m in CATALOGUE.values() if m.loinc and m.loinc == loinc), None)
    name = measure.key if measure else text_of(measure_concept)
    if not name:
        return {}
    found = {"target_measure": name}
    for bound in ("low", "high"):
        quantity = (target.get("detailRange") or {}).get(bound) or {}
        unit = quantity.get("code") or quantity.get("unit") or ""
        if isinstance(quantity.get("value"), (int, float)) and (measure is None or unit in (measure.unit,
                                                                                          measure.unit_text)):
            found[f"target_{bound}"] = float(quantity["value"])
            found["target_unit"] = measure.unit_text if measure else quantity.get("unit") or unit
    return found


# --- care team --------------------------------------------------------------------------------

def contact(resource: dict, url: str, participant: dict | None, organisations: dict[str, dict]) -> Planned:
    kind = "organisation" if resource["resourceType"] == "Organization" else "person"
    name = resource.get("name") if kind == "organisation" else person_name(resource.get("name") or [])
    if not (name or "").strip():
        raise Unusable("it has no name")
    item = Contact(name=name.strip(), kind=kind, address=_address(resource), **_telecom(resource))
    if kind == "organisation":
        item = replace(item, specialty=text_of((resource.get("type") or [None])[0]))
    else:
        item = replace(item, specialty=text_of(((resource.get("qualification") or [{}])[0]).get("code")))
    if participant:
        item = replace(item, **_participant(participant, organisations))
    return planned("contacts", item, resource, url)


def person_name(names: list[dict] | None) -> str:
    """The first name's text, else prefix, given names and family name; a missing (null) part is left out."""
    first = next((n for n in names or [] if isinstance(n, dict)), {})
    if _texts([first.get("text")]):
        return first["text"].strip()
    return " ".join(_texts([*(first.get("prefix") or []), *(first.get("given") or []), first.get("family")]))


def _address(resource: dict) -> str:
    first = next((a for a in resource.get("address") or [] if isinstance(a, dict)), {})
    if _texts([first.get("text")]):
        return first["text"].strip()
    place = " ".join(_texts([first.get("postalCode"), first.get("city")]))
    return ", ".join(_texts([*(first.get("line") or []), place]))


def _texts(parts: list) -> list[str]:
    return [part.strip() for part in parts if isinstance(part, str) and part.strip()]


def person_details(patient: dict) -> dict:
    """What a Patient offers for the person's details: name, birth date and sex ('' when it has none)."""
    return {"name": person_name(patient.get("name")), "birth_date": day(patient.get("birthDate")),
            "sex": patient.get("gender") if patient.get("gender") in SEXES else ""}


def _telecom(resource: dict) -> dict:
    found = {}
    for point in resource.get("telecom") or []:
        value, system = (point.get("value") or "").strip(), point.get("system")
        acute = any(e.get("url") == codes.OUT_OF_HOURS and e.get("valueBoolean") for e in point.get("extension") or [])
        name, check = {"phone": ("acute_phone" if acute else "phone", validation.is_phone),
                       "email": ("email", validation.is_email), "url": ("website", validation.is_website)
                       }.get(system, (None, None))
        if name and value and name not in found and check(value):  # a value that is not what it says is left out
            found[name] = value
    return found


def _participant(participant: dict, organisations: dict[str, dict]) -> dict:
    found = {}
    for role in participant.get("role") or []:
        ours = next((code for system, code in codes_of(role) if system == codes.CARE_TEAM_ROLE and code in ROLES), None)
        if ours:
            found["role"] = ours
    contact_for = next((e.get("valueString") for e in participant.get("extension") or []
                        if e.get("url") == codes.CONTACT_FOR), "")
    behalf = participant.get("onBehalfOf") or {}
    organisation = behalf.get("display") or (organisations.get(behalf.get("reference", "")) or {}).get("name", "")
    found.update(contact_for=contact_for or "", organisation=organisation or "")
    return found
