"""Importing an HL7 FHIR patient summary: ours, or one made by another system.

One straight line, one step per module:
  bundle_file  the file's bytes -> the bundle's entries (a Bundle of type document or collection,
               JSON; each resource checked by the FHIR R4B models on its own, so one broken or
               unknown resource does not stop the others)
  findings     the entries -> what their resources say, read by one module per kind
               (resources/registry.py):
               - Patient fills the person's details that are still empty (nothing known is overwritten),
                 and its family contacts become next of kin;
               - Condition -> diagnoses (ORPHAcode and ICD-10 codings recognised), MedicationStatement
                 and MedicationRequest -> medications (with the structured dose), AllergyIntolerance ->
                 allergies, Goal -> goals, Practitioner and Organization -> contacts (their role and
                 'contact for' from a CareTeam);
               - Flag -> emergency information: Regie's own to the diagnosis or the person's notes they
                 came from, another system's alert to the emergency notes with its source;
               - Composition, CarePlan, CareTeam and Medication hold the others together and are read,
                 not stored;
               - any other resource type is counted per type and skipped; a broken resource is skipped
                 with a reason (the reason never holds a value from the file)
  record       what they say -> record entries, through the services
Everything is written in ONE transaction, with provenance source 'fhir_import' and the
file's name. Importing again adds nothing: an entry is already there when the record
holds its uid (the uid our export carries in the identifier; for another system's resource
one made from its identifier, a globally unique fullUrl, or else its content, and then only
when the content agrees too), or an entry of the same section with the same name (and date,
for diagnoses and medicines).
"""

from dataclasses import dataclass, field

from phr.core.errors import ConstraintViolation
from phr.formats.fhir.read import bundle_file, findings, record
from phr.formats.fhir.read.bundle_file import InvalidFhirImport
from phr.formats.fhir.read.resources import registry
from phr.record.services import RecordServices

__all__ = ["FhirImportSummary", "InvalidFhirImport", "import_bundle"]


@dataclass
class FhirImportSummary:
    added: dict[str, int] = field(default_factory=dict)            # section -> entries added ('alerts': other
                                                                   # systems' alerts added to the emergency notes;
                                                                   # 'emergency_notes': lines of the file's own
                                                                   # notes added under the record's other notes)
    already_present: dict[str, int] = field(default_factory=dict)  # section -> entries the record held already
    unsupported: dict[str, int] = field(default_factory=dict)      # resource type -> how many were skipped
    skipped: list[str] = field(default_factory=list)               # why a resource was left out
    person_filled: list[str] = field(default_factory=list)         # person fields that were empty and now filled
    no_known_allergies: bool = False                               # the statement was taken over


def import_bundle(services: RecordServices, data: bytes, file_name: str = "") -> FhirImportSummary:
    """Read `data` (the file's bytes) into the record; `file_name` goes into each entry's provenance."""
    found = findings.find(bundle_file.read_entries(data, registry.KINDS))
    try:
        with services.session.db.transaction():
            written = record.RecordWriter(services, file_name).write(found)
    except ConstraintViolation:
        raise InvalidFhirImport("Part of the FHIR file cannot be stored, so nothing was imported.") from None
    return FhirImportSummary(written.added, written.already_present, found.unsupported, found.skipped + written.skipped,
                             written.person_filled, written.no_known_allergies)
