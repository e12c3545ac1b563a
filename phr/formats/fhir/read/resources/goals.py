"""Goal -> a care-plan goal, with its target (a catalogue measure by LOINC code, or by name) and the
notes our own export wrote for what the person and the care provider do."""

from typing import Any

from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.conditions import DIAGNOSES
from phr.formats.fhir.read.resources.datatypes import codes_of, day, status_code, text_of
from phr.formats.fhir.read.resources.found import FoundEntry, Link, Resource, Section, Unusable, found_entry
from phr.monitoring.measures import CATALOGUE
from phr.record.care_plan import Goal

KINDS = ("Goal",)
GOALS = Section("goals", ("description",), lambda services: services.care_plan)
STATUS = {"completed": "achieved", "cancelled": "stopped", "rejected": "stopped"}


def read(resource: Resource, url: str, bundle: BundleIndex) -> FoundEntry:
    if resource.get("lifecycleStatus") == "entered-in-error":
        raise Unusable("it is marked as entered in error")
    description = text_of(resource.get("description"))
    if not description:
        raise Unusable("it has no description")
    status = STATUS.get(resource.get("lifecycleStatus") or "", "active")
    if status_code(resource.get("achievementStatus")) == "achieved":
        status = "achieved"
    target = (resource.get("target") or [{}])[0]
    item = Goal(description=description, status=status, start_date=day(resource.get("startDate")),
                review_date=day(target.get("dueDate")), **_notes(resource), **_target(target))
    addresses = next((r.get("reference") for r in resource.get("addresses") or [] if r.get("reference")), None)
    links = {"diagnosis_id": Link(bundle.resolve(addresses), DIAGNOSES)} if addresses else {}
    return found_entry(GOALS, item, resource, url, links)


def _notes(resource: Resource) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for note in resource.get("note") or []:
        text = note.get("text") or ""
        for opening, name in codes.GOAL_NOTE_OPENINGS.items():
            if text.startswith(opening):
                found[name] = text[len(opening):].strip()
    return found


def _target(target: dict[str, Any]) -> dict[str, Any]:
    measure_concept = target.get("measure")
    loinc = next((code for system, code in codes_of(measure_concept) if system == codes.LOINC), "")
    measure = next((m for m in CATALOGUE.values() if m.loinc and m.loinc == loinc), None)
    name = measure.key if measure else text_of(measure_concept)
    if not name:
        return {}
    found: dict[str, Any] = {"target_measure": name}
    for bound in ("low", "high"):
        quantity = (target.get("detailRange") or {}).get(bound) or {}
        unit = quantity.get("code") or quantity.get("unit") or ""
        if isinstance(quantity.get("value"), (int, float)) and (measure is None or unit in (measure.unit,
                                                                                          measure.unit_text)):
            found[f"target_{bound}"] = float(quantity["value"])
            found["target_unit"] = measure.unit_text if measure else quantity.get("unit") or unit
    return found
