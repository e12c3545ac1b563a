"""The bundle's entries -> what their resources say for the record, each read by the module for its kind.

First every usable resource is indexed by the ways others refer to it, then each is read
(resources/registry.py). A resource Regie does not read is counted per type; one that is
refused is left out with a reason that holds no value from the file.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from phr.formats.fhir.read.bundle_file import BundleEntry
from phr.formats.fhir.read.resources import registry
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.found import Found, FoundEntry, NoKnownAllergies, PersonDetailsFound, Unusable

R = TypeVar("R")


@dataclass
class Findings:
    entries: list[FoundEntry] = field(default_factory=list)    # in the order they are written (registry.READERS)
    person: dict[str, str] | None = None                       # what the first Patient offers
    no_known_allergies: bool = False
    unsupported: dict[str, int] = field(default_factory=dict)  # resource type -> how many were not read
    skipped: list[str] = field(default_factory=list)           # why a resource was left out


def find(entries: list[BundleEntry]) -> Findings:
    findings, index = Findings(), BundleIndex()
    ranked: list[tuple[int, FoundEntry]] = []  # (the rank of its reader, the entry)
    for entry in _indexed(entries, index, findings):
        reader = registry.reader_of(entry.kind)
        found = _read(reader, entry, index, findings) if reader is not None else None  # None: only referred to
        if isinstance(found, FoundEntry):
            ranked.append((registry.READERS.index(reader), found))
        elif isinstance(found, PersonDetailsFound):
            findings.person = findings.person or found.details
        elif isinstance(found, NoKnownAllergies):
            findings.no_known_allergies = True
    findings.entries = [found for _, found in sorted(ranked, key=lambda pair: pair[0])]
    return findings


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
          findings: Findings) -> Found | None:
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
