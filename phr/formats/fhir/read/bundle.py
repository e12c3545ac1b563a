"""Importing an HL7 FHIR patient summary: ours, or one made by another system.

The file must be a FHIR Bundle of type document or collection (JSON). Each resource is
checked with the FHIR R4B models of `fhir.resources` on its own, so one broken or
unknown resource does not stop the others:
- Patient fills the person's details that are still empty (nothing known is overwritten);
- Condition -> diagnoses (ORPHAcode and ICD-10 codings recognised), MedicationStatement
  and MedicationRequest -> medications, AllergyIntolerance -> allergies, Goal -> goals,
  Practitioner and Organization -> contacts (their role and 'contact for' from a CareTeam);
- Composition, CarePlan and CareTeam hold the others together and are read, not stored;
- any other resource type is counted per type and skipped; a broken resource is skipped
  with a reason (the reason never holds a value from the file).
Everything is written in ONE transaction, with provenance source 'fhir_import' and the
file's name. Importing again adds nothing: an entry is already there when the record
holds its uid (the uid our export carries in the identifier; for another system's resource
one made from its identifier, a globally unique fullUrl, or else its content, and then only
when the content agrees too), or an entry of the same section with the same name (and date,
for diagnoses and medicines).
"""

import json
from dataclasses import dataclass, field

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from phr.core.errors import ConstraintViolation
from phr.formats.fhir.read import mapping as mapping
from phr.formats.fhir.read import store as fhir_writer
from phr.formats.native.read import InvalidImport

MAX_FILE_BYTES = 64 * 1024 * 1024
BUNDLE_TYPES = ("document", "collection")
STORED = ("Condition", "MedicationStatement", "MedicationRequest", "AllergyIntolerance", "Goal", "Practitioner",
          "Organization")
READ = ("Patient", "Composition", "CarePlan", "CareTeam", "Medication")


class InvalidFhirImport(InvalidImport):
    """The file is not a FHIR Bundle Regie can read, or could not be stored. Nothing was changed."""


@dataclass
class FhirImportSummary:
    added: dict[str, int] = field(default_factory=dict)            # section -> entries added
    already_present: dict[str, int] = field(default_factory=dict)  # section -> entries the record held already
    unsupported: dict[str, int] = field(default_factory=dict)      # resource type -> how many were skipped
    skipped: list[str] = field(default_factory=list)               # why a resource was left out
    person_filled: list[str] = field(default_factory=list)         # person fields that were empty and now filled
    no_known_allergies: bool = False                               # the statement was taken over


def import_bundle(services, data: bytes, file_name: str = "") -> FhirImportSummary:
    """Read `data` (the file's bytes) into the record; `file_name` goes into each entry's provenance."""
    resources = _checked_resources(parse(data))
    summary = FhirImportSummary()
    plan = _plan(resources, summary)
    try:
        with services.session.db.transaction():
            fhir_writer.Writer(services, file_name, summary).write(plan)
    except ConstraintViolation:
        raise InvalidFhirImport("Part of the FHIR file cannot be stored, so nothing was imported.") from None
    return summary


def parse(data: bytes) -> dict:
    if len(data) > MAX_FILE_BYTES:
        raise InvalidFhirImport("The file is too large to be a FHIR patient summary.")
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidFhirImport("The file is not a FHIR file (it is not valid JSON).") from None
    if not isinstance(doc, dict) or doc.get("resourceType") != "Bundle":
        raise InvalidFhirImport("The file is not a FHIR Bundle.")
    if doc.get("type") not in BUNDLE_TYPES:
        raise InvalidFhirImport("The FHIR Bundle is not a document or a collection, so Regie does not import it.")
    entries = doc.get("entry", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise InvalidFhirImport("The FHIR Bundle is damaged: its entries are not a list.")
    shell = {**doc, "entry": [{k: v for k, v in entry.items() if k != "resource"} for entry in entries]}
    try:
        Bundle.model_validate(shell)  # the bundle itself; each resource is checked on its own below
    except (ValidationError, ValueError, TypeError, KeyError):
        raise InvalidFhirImport("The FHIR Bundle is damaged: it does not follow the FHIR rules.") from None
    return doc


def _checked_resources(doc: dict) -> list[tuple[str, dict | None, str]]:
    """(fullUrl or Type/id, resource or None when left out, its type) per entry, in file order."""
    found = []
    for number, entry in enumerate(doc.get("entry", []), 1):
        resource = entry.get("resource")
        kind = resource.get("resourceType") if isinstance(resource, dict) else None
        kind = kind if isinstance(kind, str) and kind else "(no resource type)"
        url = entry.get("fullUrl") or (f"{kind}/{resource.get('id')}" if isinstance(resource, dict)
                                       and resource.get("id") else f"entry-{number}")
        found.append((url, resource if kind in STORED + READ else None, kind))
    return found


def _plan(resources: list, summary: FhirImportSummary) -> fhir_writer.Plan:
    plan = fhir_writer.Plan()
    valid = []
    for number, (url, resource, kind) in enumerate(resources, 1):
        if resource is None:
            summary.unsupported[kind] = summary.unsupported.get(kind, 0) + 1
            continue
        problem = _fhir_problem(resource, kind) or _step(plan.remember, url, resource)
        if problem:
            summary.skipped.append(f"{kind} (entry {number}): {problem}")
            continue
        valid.append((number, url, resource, kind))
    for number, url, resource, kind in valid:
        problem = _step(plan.add, url, resource, kind)
        if problem:
            summary.skipped.append(f"{kind} (entry {number}): {problem}")
    return plan


def _step(step, *arguments) -> str:
    """Run one resource's step of the plan; why it is left out, or ''. A resource shaped in a way the
    mapping did not foresee is skipped, never a crash; the reason holds no value from the file."""
    try:
        step(*arguments)
    except mapping.Unusable as reason:
        return str(reason)
    except Exception:  # noqa: BLE001 - any surprise in one resource must not stop the others
        return "Regie could not read it"
    return ""


def _fhir_problem(resource: dict, kind: str) -> str:
    """Why the FHIR R4B model refuses the resource (the places only), or ''."""
    try:
        get_fhir_model_class(kind).model_validate(resource)
    except ValidationError as error:
        places = sorted({".".join(str(p) for p in problem["loc"]) for problem in error.errors()})[:3]
        return "not valid FHIR (" + ", ".join(places) + ")"
    except (ValueError, TypeError, KeyError):
        return "not valid FHIR"
    return ""
