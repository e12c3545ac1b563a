"""Whose file it is: every Patient of the file against the record's person, by the rule all record files
follow (phr/formats/same_person.py: the same name written differently is the same person; what one side
does not know yet cannot tell them apart).

A Patient's name counts in each way the file writes it (its text; given and family names, with or
without a prefix; for each of its names), so 'Martha DeLarosa' is the Patient named given 'Martha',
family 'DeLarosa'. A record without a name or birth date yet takes any one person's file; a file that
holds two different people is never one person's file. The messages hold no name from either side.
"""

from typing import Any

from phr.formats.fhir.read.bundle_file import BundleEntry
from phr.formats.fhir.read.file_kind import InvalidFhirImport
from phr.formats.fhir.read.resources.datatypes import texts
from phr.formats.same_person import is_other_person, same_birth_date, same_name
from phr.record.person import PersonDetails


class OtherPersonFile(InvalidFhirImport):
    """The file is about someone other than the record's person. Nothing was changed; the person may say
    to import it all the same."""


ANOTHER = ("This file is about another person: the name or birth date in it differs from this record's. "
           "Nothing was imported.")
SEVERAL = "This file holds the health data of more than one person. Nothing was imported."


def check(person: PersonDetails, entries: list[BundleEntry]) -> None:
    """Raise OtherPersonFile when the file's Patients are not all the record's person."""
    patients = [_person(entry.resource) for entry in entries if entry.kind == "Patient" and entry.resource]
    for number, patient in enumerate(patients):
        if any(_different(patient, other) for other in patients[number + 1:]):
            raise OtherPersonFile(SEVERAL)
    for names, birth_date in patients:
        if is_other_person(person.name, person.birth_date, names, birth_date):
            raise OtherPersonFile(ANOTHER)


def _different(first: tuple[list[str], str], second: tuple[list[str], str]) -> bool:
    (names, birth_date), (other_names, other_birth_date) = first, second
    if names and other_names and not any(same_name(name, other) for name in names for other in other_names):
        return True
    return not same_birth_date(birth_date, other_birth_date)


def _person(patient: dict[str, Any]) -> tuple[list[str], str]:
    """The ways the Patient's names are written, and its birth date."""
    birth_date = patient.get("birthDate")
    return [written for name in patient.get("name") or [] if isinstance(name, dict) for written in _written(name)], \
        birth_date if isinstance(birth_date, str) else ""


def _written(name: dict[str, Any]) -> list[str]:
    given = texts([*(_list(name.get("given"))), name.get("family")])
    with_prefix = texts([*(_list(name.get("prefix"))), *given])
    return [written for written in (*texts([name.get("text")]), " ".join(given), " ".join(with_prefix)) if written]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
