"""Which FHIR version a file is written in, and its resources in the R4 shape the readers know.

Dutch health apps (PGOs, MedMij) still hand out FHIR STU3 with the Nictiz zib / nl-core profiles.
version_of tells STU3 from R4 by what the document says of itself (a fhirVersion, a profile of the
STU3 specification or of the Dutch STU3 profiles) and by element shapes that only one of the two
versions has; as_r4 turns one STU3 resource into R4 (stu3_convert.py, stu3_medication.py).

What a resource looks like weighs more than what it says of itself: Nictiz gave its zib profiles the
same addresses in STU3 and in R4 (zib2020), so a 'zib-' profile decides only when no shape does.
"""

import copy
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any

from phr.formats.fhir.read import stu3_convert, stu3_medication

__all__ = ["FhirVersion", "as_r4", "version_of"]


class FhirVersion(StrEnum):
    R4 = "R4"
    STU3 = "STU3"


# Only STU3 has these profile addresses: the STU3 specification's own, and nl-core under fhir.nl (R4's
# nl-core profiles moved to nictiz.nl and are written 'nl-core-Patient').
STU3_PROFILES = ("hl7.org/fhir/STU3/", "hl7.org/fhir/3.0/", "fhir.nl/fhir/StructureDefinition/nl-core-")
ZIB_PROFILES = "nictiz.nl/fhir/StructureDefinition/zib-"
# Elements that hold a plain code in STU3 and a CodeableConcept in R4.
CODE_TO_CONCEPT = {"Condition": ("clinicalStatus", "verificationStatus"),
                   "AllergyIntolerance": ("clinicalStatus", "verificationStatus")}
# Elements only STU3 has, per resource type.
STU3_ONLY = {"MedicationStatement": ("taken", "reasonNotTaken"), "MedicationRequest": ("context", "definition"),
             "Immunization": ("notGiven", "date", "practitioner", "explanation", "vaccinationProtocol"),
             "Observation": ("context",), "Procedure": ("notDone", "context", "definition"),
             "AllergyIntolerance": ("assertedDate",), "Condition": ("assertedDate", "context"),
             "Composition": ("class",), "Flag": ()}
# Elements only R4 has, per resource type.
R4_ONLY = {"MedicationStatement": ("statusReason",), "MedicationRequest": ("encounter", "statusReason"),
           "Immunization": ("occurrenceDateTime", "occurrenceString", "performer", "recorded"),
           "Observation": ("encounter",), "Procedure": ("encounter", "statusReason"),
           "AllergyIntolerance": ("recordedDate",), "Condition": ("recordedDate", "encounter")}

STU3_STEPS: dict[str, Callable[[dict[str, Any]], None]] = {**stu3_convert.STEPS, **stu3_medication.STEPS}


def version_of(document: dict[str, Any]) -> FhirVersion:
    """The version of a Bundle or a single resource: STU3 when it says so or looks so, else R4."""
    resources = list(_resources(document))
    stated = _stated(document)
    if stated is not None:
        return stated
    shapes = [shape for shape in map(_shape, resources) if shape is not None]
    stu3, r4 = shapes.count(FhirVersion.STU3), shapes.count(FhirVersion.R4)
    if stu3 != r4:  # what most resources look like: one odd element in a large file does not decide
        return FhirVersion.STU3 if stu3 > r4 else FhirVersion.R4
    if any(_profiled(resource, STU3_PROFILES + (ZIB_PROFILES,)) for resource in resources):
        return FhirVersion.STU3
    return FhirVersion.R4


def as_r4(resource: dict[str, Any], version: FhirVersion) -> dict[str, Any]:
    """The resource in R4 shape: the same dict for R4; a new dict for STU3 (the input is not changed).
    A kind that did not change, or that Regie neither reads nor follows, is only copied."""
    if version is FhirVersion.R4:
        return resource
    converted: dict[str, Any] = copy.deepcopy(resource)
    _repair_codings(converted)
    for part in (converted, *stu3_convert.dicts(converted.get("contained"))):
        step = STU3_STEPS.get(str(part.get("resourceType")))
        if step is not None:
            step(part)
    return converted


def _repair_codings(value: Any) -> None:
    """Codings written as a list inside the list ('coding': [[{...}]]) are made one list, codes kept: some STU3
    files do this (the Dutch Drimpy summary's Composition.type)."""
    if isinstance(value, dict):
        coding = value.get("coding")
        if isinstance(coding, list) and any(isinstance(c, list) for c in coding):
            value["coding"] = [c for item in coding for c in (item if isinstance(item, list) else [item])]
        for item in value.values():
            _repair_codings(item)
    elif isinstance(value, list):
        for item in value:
            _repair_codings(item)


def _resources(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The document and, for a Bundle, each resource in it (contained ones too)."""
    yield document
    entries = document.get("entry") if document.get("resourceType") == "Bundle" else None
    for entry in entries if isinstance(entries, list) else []:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict):
            yield from _resources(resource)
    yield from stu3_convert.dicts(document.get("contained"))


def _stated(document: dict[str, Any]) -> FhirVersion | None:
    """What the document says of its version: a fhirVersion, a profile of the STU3 specification or of
    fhir.nl's nl-core (never a zib profile: their addresses are the same in both versions)."""
    version = str(document.get("fhirVersion") or _meta_version(document.get("meta")) or "")
    if version.startswith(("3.0", "STU3")):
        return FhirVersion.STU3
    if version.startswith(("4.", "R4")):
        return FhirVersion.R4
    if _profiled(document, STU3_PROFILES):
        return FhirVersion.STU3
    return None


def _meta_version(meta: object) -> str:
    """A version in a meta tag whose system names the fhirVersion."""
    if not isinstance(meta, dict):
        return ""
    for tag in stu3_convert.dicts(meta.get("tag")):
        if "fhirversion" in str(tag.get("system", "")).casefold():
            return str(tag.get("code") or "")
    return ""


def _profiled(resource: dict[str, Any], addresses: tuple[str, ...]) -> bool:
    meta = resource.get("meta")
    profiles = meta.get("profile") if isinstance(meta, dict) else None
    if not isinstance(profiles, list):
        return False
    return any(isinstance(profile, str) and any(address in profile for address in addresses) for profile in profiles)


def _shape(resource: dict[str, Any]) -> FhirVersion | None:
    """STU3 or R4 from elements only one of them has, or None when the resource could be either."""
    kind = resource.get("resourceType")
    if not isinstance(kind, str):
        return None
    for element in CODE_TO_CONCEPT.get(kind, ()):
        if isinstance(resource.get(element), str):
            return FhirVersion.STU3
        if isinstance(resource.get(element), dict):
            return FhirVersion.R4
    if any(element in resource for element in STU3_ONLY.get(kind, ())):
        return FhirVersion.STU3
    if any(element in resource for element in R4_ONLY.get(kind, ())):
        return FhirVersion.R4
    return _dosage_shape(resource)


def _dosage_shape(resource: dict[str, Any]) -> FhirVersion | None:
    """A Dosage's dose: at the top level in STU3 (doseQuantity, rateRatio), in doseAndRate in R4."""
    dosages = resource.get("dosage") or resource.get("dosageInstruction")
    for dosage in dosages if isinstance(dosages, list) else []:
        if not isinstance(dosage, dict):
            continue
        if "doseAndRate" in dosage:
            return FhirVersion.R4
        if any(key.startswith(("dose", "rate")) for key in dosage):
            return FhirVersion.STU3
    return None
