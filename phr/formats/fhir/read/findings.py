"""The bundle's entries -> what their resources say for the record, each read by the module for its kind.

First every usable resource is indexed by the ways others refer to it, then each is read
(resources/registry.py). A resource Regie does not read is counted per type; one that is
refused is left out with a reason that holds no value from the file. A diagnosis's emergency
information from Regie's own Flags joins the diagnosis its Condition became; when that
Condition was not taken in, it is kept as an alert for the emergency notes, rather than lost.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from phr.formats.fhir.read.bundle_file import BundleEntry
from phr.formats.fhir.read.history.observations import join_blood_pressure
from phr.formats.fhir.read.resources import registry
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.conditions import DIAGNOSES
from phr.formats.fhir.read.resources.found import (
    Alert,
    BloodPressurePart,
    EmergencyDetail,
    Found,
    FoundEntry,
    FoundReading,
    FoundResult,
    NoKnownAllergies,
    PatientNotes,
    PersonDetailsFound,
    Unusable,
)

R = TypeVar("R")


@dataclass
class Findings:
    entries: list[FoundEntry] = field(default_factory=list)    # in the order they are written (registry.READERS)
    person: dict[str, str] | None = None                       # what the first Patient offers
    no_known_allergies: bool = False
    emergency_notes: str = ""                                  # the person's own, from Regie's own file
    alerts: list[Alert] = field(default_factory=list)          # other systems' alerts, for the emergency notes
    unsupported: dict[str, int] = field(default_factory=dict)  # resource type -> how many were not read
    skipped: list[str] = field(default_factory=list)           # why a resource was left out
    readings: list[FoundReading] = field(default_factory=list)  # Observations of a catalogue measure
    results: list[FoundResult] = field(default_factory=list)    # Observations that are lab results


def find(entries: list[BundleEntry]) -> Findings:
    findings, index = Findings(), BundleIndex()
    ranked: list[tuple[int, FoundEntry]] = []  # (the rank of its reader, the entry)
    details: list[EmergencyDetail] = []
    parts: list[BloodPressurePart] = []
    for entry in _indexed(entries, index, findings):
        reader = registry.reader_of(entry.kind)
        read = _read(reader, entry, index, findings) if reader is not None else None  # None: only referred to
        for found in read if isinstance(read, tuple) else (read,):
            if isinstance(found, FoundEntry):
                ranked.append((registry.READERS.index(reader), found))
            elif isinstance(found, EmergencyDetail):
                details.append(found)
            elif isinstance(found, FoundReading):
                findings.readings.append(found)
            elif isinstance(found, FoundResult):
                findings.results.append(found)
            elif isinstance(found, BloodPressurePart):
                parts.append(found)
            else:
                _note(findings, found)
    findings.entries = [found for _, found in sorted(ranked, key=lambda pair: pair[0])]
    joined, alone = join_blood_pressure(parts)
    findings.readings += joined
    findings.results += alone
    _attach(findings, details)
    return findings


def _note(findings: Findings, found: Found | None) -> None:
    """What the file says about the person."""
    if isinstance(found, PersonDetailsFound):
        findings.person = findings.person or found.details
    elif isinstance(found, NoKnownAllergies):
        findings.no_known_allergies = True
    elif isinstance(found, PatientNotes):
        findings.emergency_notes = findings.emergency_notes or found.text
    elif isinstance(found, Alert) and found not in findings.alerts:
        findings.alerts.append(found)


def _attach(findings: Findings, details: list[EmergencyDetail]) -> None:
    """Each diagnosis's emergency information into the diagnosis its Condition became."""
    places = {found.url: number for number, found in enumerate(findings.entries) if found.section == DIAGNOSES}
    for detail in details:
        number = places.get(detail.condition_url or "")
        if number is None:
            _note(findings, Alert(detail.text))
            continue
        found = findings.entries[number]
        text = "\n".join(part for part in (getattr(found.item, detail.field), detail.text) if part)
        findings.entries[number] = replace(found, item=replace(found.item, **{detail.field: text}))


def _indexed(entries: list[BundleEntry], index: BundleIndex, findings: Findings) -> list[BundleEntry]:
    """The entries Regie reads, each indexed; the others counted or left out with the reason."""
    readable = []
    for entry in entries:
        if entry.resource is None:
            findings.unsupported[entry.kind] = findings.unsupported.get(entry.kind, 0) + 1
            continue
        resource = entry.resource
        problem = entry.problem or _attempt(lambda: index.remember(entry.url, resource))[1]
        if problem:
            findings.skipped.append(f"{entry.kind} (entry {entry.number}): {problem}")
            continue
        readable.append(entry)
    return readable


def _read(reader: registry.ResourceReader, entry: BundleEntry, index: BundleIndex,
          findings: Findings) -> Found | tuple[Found, ...] | None:
    found, problem = _attempt(lambda: reader.read(entry.resource or {}, entry.url, index))
    if problem:
        findings.skipped.append(f"{entry.kind} (entry {entry.number}): {problem}")
    return found


def _attempt(step: Callable[[], R]) -> tuple[R | None, str]:
    """One resource's step: its result, and why the resource is left out ('' when it is not). A resource
    shaped in a way the reader did not foresee is skipped, never a crash; the reason holds no value from
    the file."""
    try:
        return step(), ""
    except Unusable as reason:
        return None, str(reason)
    except Exception:  # noqa: BLE001 - any surprise in one resource must not stop the others
        return None, "Regie could not read it"
