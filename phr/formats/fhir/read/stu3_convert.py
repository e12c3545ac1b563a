"""One FHIR STU3 resource -> the same resource in R4 shape, for the kinds Regie reads or follows.

Written with the Dutch zib / nl-core profiles (MedMij, STU3) in mind. Every coding stays as it is
(G-Standaard, ICD-10-NL, SNOMED, LOINC, NHG tables), and so do the extensions: only what moved or changed
type between the two versions is rewritten. A plain STU3 status code becomes an R4 CodeableConcept of the R4
code system, with the Dutch code that the zib 'code-specification' extension gave beside it. What R4 has no
place for (an Observation's attachment, a Procedure's definition) is left out. Medicines: stu3_medication.py.
"""

from collections.abc import Callable
from typing import Any

Resource = dict[str, Any]
CODE_SPECIFICATION = "http://nictiz.nl/fhir/StructureDefinition/code-specification"
DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"

CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
# STU3 codes that R4 has no place for in the same element: the element is then left without a status
# code (its Dutch code, if any, stays), as R4 says nothing of a status that is not known.
CONDITION_VERIFICATIONS = ("unconfirmed", "provisional", "differential", "confirmed", "refuted", "entered-in-error")
PROCEDURE_STATUS = {"suspended": "on-hold", "aborted": "stopped"}
OBSERVATION_LINKS = {"has-member": "hasMember", "derived-from": "derivedFrom"}
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
# STU3 Goal.status -> R4 lifecycleStatus and, where it said so, achievementStatus.
GOAL_STATUS = {"in-progress": ("active", "in-progress"), "on-target": ("active", "in-progress"),
               "ahead-of-target": ("active", "improving"), "behind-target": ("active", "worsening"),
               "sustaining": ("active", "sustaining"), "achieved": ("completed", "achieved")}


def _condition(resource: Resource) -> None:
    status_concept(resource, "clinicalStatus", CONDITION_CLINICAL)
    verification = resource.get("verificationStatus")
    status_concept(resource, "verificationStatus", CONDITION_VERIFICATION,
                   keep=verification in CONDITION_VERIFICATIONS)
    if resource.pop("abatementBoolean", None) is True and "clinicalStatus" not in resource:
        # STU3's 'it has abated' without a date; R4 says it with the status.
        resource["clinicalStatus"] = {"coding": [{"system": CONDITION_CLINICAL, "code": "inactive"}]}
    rename(resource, "assertedDate", "recordedDate")
    rename(resource, "context", "encounter")
    as_list(resource, "stage")


def _allergy(resource: Resource) -> None:
    status_concept(resource, "clinicalStatus", ALLERGY_CLINICAL)
    status_concept(resource, "verificationStatus", ALLERGY_VERIFICATION)
    rename(resource, "assertedDate", "recordedDate")


def _observation(resource: Resource) -> None:
    rename(resource, "context", "encounter")
    for part in (resource, *dicts(resource.get("component"))):
        as_list(part, "interpretation")
        part.pop("valueAttachment", None)  # R4 has no attachment as a value
    comment = resource.pop("comment", None)
    resource.pop("_comment", None)
    if isinstance(comment, str) and comment.strip():
        append(resource, "note", {"text": comment})
    for related in dicts(resource.pop("related", None)):
        element = OBSERVATION_LINKS.get(str(related.get("type")))
        if element and isinstance(related.get("target"), dict):
            append(resource, element, related["target"])


def _immunization(resource: Resource) -> None:
    if resource.pop("notGiven", None) is True:
        resource["status"] = "not-done"
    resource.pop("_notGiven", None)
    rename(resource, "date", "occurrenceDateTime")
    if "occurrenceDateTime" not in resource and "occurrenceString" not in resource:
        # R4 asks for one, STU3 did not: 'unknown', marked as absent
        resource.pop("_occurrenceDateTime", None)
        resource["occurrenceString"] = "unknown"
        resource["_occurrenceString"] = {"extension": [{"url": DATA_ABSENT, "valueCode": "unknown"}]}
    performers = [{**({"function": p["role"]} if p.get("role") else {}), "actor": p["actor"]}
                  for p in dicts(resource.pop("practitioner", None)) if p.get("actor")]
    if performers:
        resource["performer"] = performers
    explanation = mapping(resource.pop("explanation", None))
    if explanation.get("reason"):
        resource["reasonCode"] = explanation["reason"]
    not_given = dicts(explanation.get("reasonNotGiven"))
    if not_given:
        resource["statusReason"] = not_given[0]
    protocols = [_protocol(p) for p in dicts(resource.pop("vaccinationProtocol", None))]
    if protocols:
        resource["protocolApplied"] = protocols


def _protocol(protocol: Resource) -> Resource:
    """A vaccination protocol -> R4's protocolApplied: which dose of which series, against what."""
    applied: Resource = {key: protocol[key] for key in ("series", "authority", "targetDisease") if protocol.get(key)}
    if isinstance(protocol.get("doseSequence"), int) and not isinstance(protocol.get("doseSequence"), bool):
        applied["doseNumberPositiveInt"] = protocol["doseSequence"]
    else:
        applied["doseNumberString"] = "unknown"  # R4 asks for one; STU3 could leave it out
    if isinstance(protocol.get("seriesDoses"), int) and not isinstance(protocol.get("seriesDoses"), bool):
        applied["seriesDosesPositiveInt"] = protocol["seriesDoses"]
    return applied


def _procedure(resource: Resource) -> None:
    if resource.pop("notDone", None) is True:
        resource["status"] = "not-done"
    resource.pop("_notDone", None)
    status = resource.get("status")
    if isinstance(status, str) and status in PROCEDURE_STATUS:
        resource["status"] = PROCEDURE_STATUS[status]
    rename(resource, "notDoneReason", "statusReason")
    rename(resource, "context", "encounter")
    resource.pop("definition", None)  # R4 names definitions by canonical URL, not by reference
    for performer in dicts(resource.get("performer")):
        rename(performer, "role", "function")


def _flag(resource: Resource) -> None:
    as_list(resource, "category")


def _composition(resource: Resource) -> None:
    if resource.get("class"):
        resource["category"] = [resource["class"]]
    resource.pop("class", None)
    as_list(resource, "author")
    for attester in dicts(resource.get("attester")):
        if isinstance(attester.get("mode"), list):  # several in STU3, one in R4: the first
            modes = attester.pop("mode")
            attester.pop("_mode", None)
            if modes:
                attester["mode"] = modes[0]


def _encounter(resource: Resource) -> None:
    rename(resource, "reason", "reasonCode")
    rename(resource, "incomingReferral", "basedOn")


def _patient(resource: Resource) -> None:
    resource.pop("animal", None)  # R4 says this with an extension, and Regie keeps people only


def _care_team(resource: Resource) -> None:
    rename(resource, "context", "encounter")
    for participant in dicts(resource.get("participant")):
        as_list(participant, "role")


def _care_plan(resource: Resource) -> None:
    rename(resource, "context", "encounter")
    resource.pop("definition", None)
    for activity in dicts(resource.get("activity")):
        detail = mapping(activity.get("detail"))
        detail.pop("definition", None)
        detail.pop("category", None)  # R4 says the kind of activity otherwise (detail.kind)


def _goal(resource: Resource) -> None:
    status = resource.pop("status", None)
    rename(resource, "_status", "_lifecycleStatus")
    if not isinstance(status, str):
        return  # STU3 asks for a status too: without one the R4 models refuse it, as they should
    lifecycle, achievement = GOAL_STATUS.get(status, (status, ""))
    resource["lifecycleStatus"] = lifecycle
    if achievement and "achievementStatus" not in resource:
        resource["achievementStatus"] = {"coding": [{"system": GOAL_ACHIEVEMENT, "code": achievement}]}
    as_list(resource, "target")


STEPS: dict[str, Callable[[Resource], None]] = {
    "Condition": _condition, "AllergyIntolerance": _allergy, "Observation": _observation,
    "Immunization": _immunization, "Procedure": _procedure, "Flag": _flag, "Composition": _composition,
    "Encounter": _encounter, "Patient": _patient, "CareTeam": _care_team, "CarePlan": _care_plan, "Goal": _goal}


def rename(resource: Resource, old: str, new: str) -> None:
    """An element that only changed its name, with its primitive extensions ('_date')."""
    for prefix in ("", "_"):
        if prefix + old in resource:
            value = resource.pop(prefix + old)
            if value is not None and prefix + new not in resource:
                resource[prefix + new] = value


def as_list(resource: Resource, element: str) -> None:
    """One value where R4 allows several becomes a list of one."""
    if isinstance(resource.get(element), dict):
        resource[element] = [resource[element]]


def status_concept(resource: Resource, element: str, system: str, keep: bool = True) -> None:
    """A plain STU3 status code -> an R4 CodeableConcept: the code in the R4 code system first (what readers
    look at), then the Dutch code the zib's code-specification extension gave for it; the primitive's other
    extensions go onto the concept. With keep=False the STU3 code has no R4 counterpart and is left out."""
    code = resource.get(element)
    if code is not None and not isinstance(code, str):
        return  # not STU3's plain code: left for the R4 models to judge
    extensions = dicts(mapping(resource.pop("_" + element, None)).get("extension"))
    codings = [{"system": system, "code": code}] if isinstance(code, str) and keep else []
    codings += [c for e in extensions if e.get("url") == CODE_SPECIFICATION
                for c in dicts(mapping(e.get("valueCodeableConcept")).get("coding"))]
    others = [e for e in extensions if e.get("url") != CODE_SPECIFICATION]
    concept: Resource = {**({"extension": others} if others else {}), **({"coding": codings} if codings else {})}
    if concept:
        resource[element] = concept
    else:
        resource.pop(element, None)


def dicts(value: Any) -> list[Resource]:
    """The objects in a list; nothing for anything else (a file may put anything anywhere)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def mapping(value: Any) -> Resource:
    return value if isinstance(value, dict) else {}


def append(resource: Resource, element: str, item: Any) -> None:
    """One more value in a list element (one value already there becomes the first of the list)."""
    found = resource.get(element)
    resource[element] = [*(found if isinstance(found, list) else [] if found is None else [found]), item]
