"""The FHIR resources Regie reads, and the module that reads each kind: one module per kind of resource.

A new kind of resource is one more module with KINDS and read(), listed here. The order is
the order their entries are written: a section links only to sections before it (a diagnosis to
who treats it, a medicine to the diagnosis it is for, a goal to the diagnosis it addresses). A
Patient's next of kin come first, with the Patient; a Flag's emergency information joins its
diagnosis or the person's details, so it is no entry of its own. The readers of the person's history
(vaccinations, procedures, readings and lab results) are in history/: resources/ is full.
"""

from typing import Protocol

from phr.formats.fhir.read.history import immunizations, observations, procedures
from phr.formats.fhir.read.resources import allergies, conditions, contacts, flags, goals, medications, patient
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.found import Found, Resource


class ResourceReader(Protocol):
    """A module that reads one kind of resource (or a few that become the same entry)."""

    @property
    def KINDS(self) -> tuple[str, ...]: ...

    def read(self, resource: Resource, url: str, bundle: BundleIndex) -> Found | tuple[Found, ...] | None: ...


READERS: tuple[ResourceReader, ...] = (patient, contacts, conditions, medications, allergies, goals, flags,
                                       immunizations, procedures, observations)
# Read for what others refer to (a medicine's Medication, a contact's CareTeam or PractitionerRole, who the
# Composition names as its authors), never stored themselves.
REFERENCED = ("Composition", "CarePlan", "CareTeam", "Medication", "PractitionerRole")
KINDS = tuple(kind for reader in READERS for kind in reader.KINDS) + REFERENCED


def reader_of(kind: str) -> ResourceReader | None:
    return next((reader for reader in READERS if kind in reader.KINDS), None)
