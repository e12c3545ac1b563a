"""Importing an HL7 FHIR patient summary: ours, or one made by another system.

One straight line, one step per module:
  bundle_file  the file's bytes -> the entries (file_kind: FHIR JSON, NDJSON or XML, told apart by
               their whole structure; a Bundle of any type, or single resources; what is not health
               data, such as a request to delete something, is left out and counted; STU3 turned into
               R4 (versions.py); each resource checked by the FHIR R4B models on its own, so one broken
               or unknown resource does not stop the others)
  whose_file   a file about another person than the record's (name or birth date) is refused, unless
               the person says to import it all the same (other_person)
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
for diagnoses and medicines). A file from which nothing can be taken (no entries, or none
Regie reads or can store) is an error, not an import of nothing: the record stays as it was.
"""

from dataclasses import dataclass, field

from phr.core.errors import ConstraintViolation
from phr.formats.fhir.read import bundle_file, findings, record, whose_file
from phr.formats.fhir.read.bundle_file import FileContents, InvalidFhirImport
from phr.formats.fhir.read.resources import registry
from phr.formats.fhir.read.whose_file import OtherPersonFile
from phr.record.services import RecordServices

__all__ = ["FhirImportSummary", "InvalidFhirImport", "OtherPersonFile", "import_bundle"]


@dataclass
class FhirImportSummary:
    added: dict[str, int] = field(default_factory=dict)            # section -> entries added ('alerts': other
                                                                   # systems' alerts added to the emergency notes;
                                                                   # 'emergency_notes': lines of the file's own
                                                                   # notes added under the record's other notes)
    already_present: dict[str, int] = field(default_factory=dict)  # section -> entries the record held already
    unsupported: dict[str, int] = field(default_factory=dict)      # resource type -> how many were not read
    skipped: list[str] = field(default_factory=list)               # why a resource was left out
    person_filled: list[str] = field(default_factory=list)         # person fields that were empty and now filled
    no_known_allergies: bool = False                               # the statement was taken over
    about: str = ""                                                # what the file is ('a FHIR R4 searchset Bundle')
    left_out: dict[str, int] = field(default_factory=dict)         # entries that are not health data: why -> how many


class _NothingStored(Exception):
    """Every entry broke Regie's rules: the transaction is undone and the import refused."""


def import_bundle(services: RecordServices, data: bytes, file_name: str = "", *,
                  other_person: bool = False) -> FhirImportSummary:
    """Read `data` (the file's bytes) into the record; `file_name` goes into each entry's provenance.
    OtherPersonFile when the file is about someone else, unless `other_person` (the person said so)."""
    contents = bundle_file.read_file(data, registry.KINDS)
    if not other_person:
        whose_file.check(services.person.get(), contents.entries)
    found = findings.find(contents.entries)
    _refuse_nothing_to_read(contents, found)
    try:
        with services.session.db.transaction():
            written = record.RecordWriter(services, file_name).write(found)
            if not (written.added or written.already_present or written.person_filled or found.person
                    or written.no_known_allergies):
                raise _NothingStored
    except ConstraintViolation:
        raise InvalidFhirImport("Part of the FHIR file cannot be stored, so nothing was imported.") from None
    except _NothingStored:
        raise InvalidFhirImport("Nothing was imported: no entry of the file can be stored in Regie ("
                                + "; ".join(written.skipped[:3]) + ").") from None
    return FhirImportSummary(written.added, written.already_present, found.unsupported, found.skipped + written.skipped,
                             written.person_filled, written.no_known_allergies, contents.about, contents.left_out)


def _refuse_nothing_to_read(contents: FileContents, found: findings.Findings) -> None:
    """A file that gives Regie nothing is an error, with what the file held instead."""
    if found.entries or found.person or found.alerts or found.emergency_notes or found.no_known_allergies \
            or found.readings or found.results:
        return
    held = [f"{count} x {kind}" for kind, count in sorted(found.unsupported.items())]
    held += [f"left out: {'; '.join(found.skipped[:3])}{'; ...' if len(found.skipped) > 3 else ''}"] \
        if found.skipped else []
    held += [f"{count} {why}" for why, count in sorted(contents.left_out.items())]
    if not held:
        raise InvalidFhirImport(f"Nothing was imported: the file ({contents.about}) holds no entries.")
    raise InvalidFhirImport(f"Nothing was imported: the file ({contents.about}) holds nothing Regie reads ("
                            + "; ".join(held) + ").")
