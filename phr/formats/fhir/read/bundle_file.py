"""The file's bytes -> the bundle's entries: each resource with its fullUrl, in file order.

The file must be a FHIR Bundle of type document or collection (JSON). The bundle itself
is checked by the FHIR R4B models; so is each resource of a kind Regie reads, on its own,
so one broken resource does not stop the others.
"""

import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from phr.formats.errors import InvalidImport

MAX_FILE_BYTES = 64 * 1024 * 1024
BUNDLE_TYPES = ("document", "collection")


class InvalidFhirImport(InvalidImport):
    """The file is not a FHIR Bundle Regie can read, or could not be stored. Nothing was changed."""


@dataclass(frozen=True)
class BundleEntry:
    number: int                      # its place in the file, from 1
    url: str                         # its fullUrl, else Type/id, else entry-<number>
    kind: str                        # its resource type
    resource: dict[str, Any] | None  # None: a kind Regie does not read
    problem: str = ""                # why the FHIR R4B models refuse the resource ('' when they accept it)


def read_entries(data: bytes, kinds: Collection[str]) -> list[BundleEntry]:
    """The bundle's entries; only resources of these kinds are kept (and checked)."""
    return [_entry(number, entry, kinds) for number, entry in enumerate(parse(data).get("entry", []), 1)]


def parse(data: bytes) -> dict[str, Any]:
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
        Bundle.model_validate(shell)  # the bundle itself; each resource is checked on its own
    except (ValidationError, ValueError, TypeError, KeyError):
        raise InvalidFhirImport("The FHIR Bundle is damaged: it does not follow the FHIR rules.") from None
    return doc


def _entry(number: int, entry: dict[str, Any], kinds: Collection[str]) -> BundleEntry:
    resource = entry.get("resource")
    kind = resource.get("resourceType") if isinstance(resource, dict) else None
    kind = kind if isinstance(kind, str) and kind else "(no resource type)"
    url = entry.get("fullUrl") or (f"{kind}/{resource.get('id')}" if isinstance(resource, dict)
                                   and resource.get("id") else f"entry-{number}")
    if kind not in kinds or not isinstance(resource, dict):
        return BundleEntry(number, url, kind, None)
    return BundleEntry(number, url, kind, resource, _fhir_problem(resource, kind))


def _fhir_problem(resource: dict[str, Any], kind: str) -> str:
    """Why the FHIR R4B model refuses the resource (the places only), or ''."""
    try:
        get_fhir_model_class(kind).model_validate(resource)
    except ValidationError as error:
        places = sorted({".".join(str(p) for p in problem["loc"]) for problem in error.errors()})[:3]
        return "not valid FHIR (" + ", ".join(places) + ")"
    except (ValueError, TypeError, KeyError):
        return "not valid FHIR"
    return ""
