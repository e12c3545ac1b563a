"""Patient -> what it offers for the person's details (the first Patient of the file counts)."""

from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import day, person_name
from phr.formats.fhir.read.resources.found import PersonDetailsFound, Resource
from phr.record.person import SEXES

KINDS = ("Patient",)


def read(resource: Resource, url: str, bundle: BundleIndex) -> PersonDetailsFound:
    return PersonDetailsFound({"name": person_name(resource.get("name")), "birth_date": day(resource.get("birthDate")),
                               "sex": resource["gender"] if resource.get("gender") in SEXES else ""})
