"""One FHIR STU3 resource -> the same resource in R4 shape (Dutch zib / nl-core profiles in mind).

Every coding is kept as it is; extensions stay. Only what moved or changed type between the versions
is rewritten.
"""

import copy
from typing import Any

Resource = dict[str, Any]

CLINICAL = {"Condition": "http://terminology.hl7.org/CodeSystem/condition-clinical",
            "AllergyIntolerance": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"}
VERIFICATION = {"Condition": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "AllergyIntolerance": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"}


def convert(resource: Resource) -> Resource:
    """A new dict: the resource in R4 shape; the input is left as it is."""
    converted = copy.deepcopy(resource)
    kind = converted.get("resourceType")
    if kind in CLINICAL:
        _status_concept(converted, "clinicalStatus", CLINICAL[kind])
        _status_concept(converted, "verificationStatus", VERIFICATION[kind])
    return converted


def _status_concept(resource: Resource, element: str, system: str) -> None:
    """A plain STU3 status code -> an R4 CodeableConcept of the R4 code system."""
    code = resource.get(element)
    if isinstance(code, str):
        resource[element] = {"coding": [{"system": system, "code": code}]}
