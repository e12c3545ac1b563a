"""Observation -> a reading of a catalogue measure, a lab result, or left out with the reason.

- A measure of Regie's catalogue (vital_signs.py: blood pressure, heart rate, weight, glucose, HbA1c, ...)
  becomes a reading of it in its own unit; a blood pressure panel (85354-9, 55284-4) with its systolic and
  diastolic (and pulse) components one blood pressure reading. A systolic and a diastolic pressure in
  Observations of their own are joined when they were taken at the same moment (join_blood_pressure).
- Any other Observation whose value is one number with a unit (or none, as an INR) is a lab result: a
  reading of the lab measure of its code and unit (phr.monitoring.lab_results), with its reference range.
  Its code is the LOINC code; without one a Dutch NHG lab code (table 45), else the first coding's, as
  'system|code' — that text is the measure's identity in its loinc column then.
- Method: 'lab' for a laboratory Observation, else not known ('') — a vital sign from another system was not
  typed in by the person, nor taken by a device Regie knows.
- Left out, each with its reason: entered in error or cancelled, a value that is missing (dataAbsentReason),
  text or a coded answer ("positive"), a limit ('< 5'), several values other than a blood pressure, a panel
  that only groups other results (they are read one by one), a questionnaire or way of life (survey, social
  history, ...; in R4's category system or STU3's), a figure of a glucose sensor's summary (Regie works those out
  itself), a blood pressure whose systolic is not above its diastolic (the file swapped them).
"""

import math
from datetime import datetime

from phr.formats.fhir.read.history import vital_signs
from phr.formats.fhir.read.history.moments import decimals_of, moment_of
from phr.formats.fhir.read.history.quantities import NOT_A_NUMBER, number_of, reference_of, unit_of
from phr.formats.fhir.read.resources.bundle_index import BundleIndex
from phr.formats.fhir.read.resources.datatypes import codes_of, notes, text_of
from phr.formats.fhir.read.resources.found import (
    BloodPressurePart,
    FoundReading,
    FoundResult,
    Resource,
    Unusable,
)
from phr.monitoring.lab_results import LAB_HIGH_BOUND, LAB_LOW_BOUND
from phr.monitoring.measures import CATALOGUE, Measure
from phr.monitoring.readings import Reading

KINDS = ("Observation",)
# NHG table 45, "NHG labcodes" (Dutch GP labs): by its OID, and by the NHG reference model's address
NHG_LAB_CODES = ("urn:oid:2.16.840.1.113883.2.4.4.30.45",
                 "https://referentiemodel.nhg.org/tabellen/nhg-tabel-45-diagnostische-bepalingen")
# FHIR's observation categories: R4's code system, and STU3's (the Dutch zib files keep it; an R4 file may too)
CATEGORIES = ("http://terminology.hl7.org/CodeSystem/observation-category", "http://hl7.org/fhir/observation-category")
NOT_RESULTS = {"social-history": "it is about way of life (social history), not a measurement",
               "survey": "it is a questionnaire's answer, not a measurement",
               "imaging": "it is a scan's finding, not a measurement Regie keeps",
               "procedure": "it is a procedure's finding, not a measurement Regie keeps",
               "therapy": "it is about a treatment, not a measurement",
               "activity": "it is about physical activity, not a measurement Regie keeps"}
NOT_TRUE = ("entered-in-error", "cancelled")
NOT_IN_ORDER = "its systolic pressure is not above the diastolic, so it cannot be right for a blood pressure"
MAX_NAME = 200
Read = FoundReading | FoundResult | BloodPressurePart


def read(resource: Resource, url: str, bundle: BundleIndex) -> Read:
    _refuse_left_out(resource)
    loinc = next((code for system, code in codes_of(resource.get("code")) if system == vital_signs.LOINC), "")
    if loinc in vital_signs.SENSOR_SUMMARY:
        raise Unusable("it is a figure of a glucose sensor's summary, which Regie works out from the readings "
                       "itself")
    components = [c for c in resource.get("component") or [] if isinstance(c, dict)]
    if loinc in vital_signs.BLOOD_PRESSURE_PANELS or (components and _component(components, vital_signs.SYSTOLIC)):
        return _blood_pressure(resource, components)
    if "valueQuantity" not in resource:
        raise Unusable(_why_no_number(resource, components))
    quantity = resource["valueQuantity"]
    value, unit = number_of(quantity), unit_of(quantity)
    measure = vital_signs.measure_of(loinc)
    if measure is not None:
        lab_only = _method(resource) == "lab" and not measure.plausible(_canonical_or_none(measure, loinc, value, unit))
        if not lab_only:
            return _catalogue_reading(resource, loinc, value, unit)
        # a lab's value beyond what a meter or scale at home can show (glucose 45 mmol/L): a lab result of its
        # own code, as the lab gave it, rather than left out
    result = _result(resource, value, unit, quantity.get("value"), (quantity.get("unit") or "").strip())
    part = vital_signs.PARTS.get(loinc) or next((vital_signs.NHG_PARTS.get(code, "") for system, code
                                                 in codes_of(resource.get("code")) if system in NHG_LAB_CODES), "")
    if part and unit in ("mm[Hg]", "mmHg"):
        return BloodPressurePart(part, result.taken_at, value, result, _method(resource))
    return result


def join_blood_pressure(parts: list[BloodPressurePart]) -> tuple[list[FoundReading], list[FoundResult]]:
    """Systolic and diastolic pressures in Observations of their own (as the Austrian ELGA summary gives them),
    taken at the same moment, as one blood pressure reading: the first systolic with the first diastolic of
    that moment, and so on, in the file's order. A part without its other half, or values that cannot be a
    blood pressure, stay lab-style results of their own code."""
    measure = CATALOGUE["bp"]
    at: dict[datetime, dict[str, list[BloodPressurePart]]] = {}
    for part in parts:
        at.setdefault(part.taken_at, {"systolic": [], "diastolic": []})[part.part].append(part)
    readings, alone = [], []
    for moment, found in at.items():
        pairs = list(zip(found["systolic"], found["diastolic"]))
        alone += [part.result for part in found["systolic"][len(pairs):] + found["diastolic"][len(pairs):]]
        for systolic, diastolic in pairs:
            if not measure.plausible(systolic.value, 0) or not measure.plausible(diastolic.value, 1) \
                    or not _in_order(systolic.value, diastolic.value):
                alone += [systolic.result, diastolic.result]
                continue
            note = "\n".join(dict.fromkeys(n for n in (systolic.result.note, diastolic.result.note) if n))
            readings.append(FoundReading(Reading("bp", moment, systolic.value, diastolic.value,
                                                 method=systolic.method, note=note)))
    return readings, alone


def _in_order(systolic: float | None, diastolic: float | None) -> bool:
    """The systolic pressure lies above the diastolic, always: 80/120 is a file that swapped them (the Dutch
    Drimpy summary has one), and stored it would show a diastolic of 120."""
    return systolic is not None and diastolic is not None and systolic > diastolic


def _refuse_left_out(resource: Resource) -> None:
    if resource.get("status") in NOT_TRUE:
        raise Unusable("it is marked as entered in error or cancelled")
    if resource.get("dataAbsentReason"):
        raise Unusable("the file says its value is missing")
    categories = _categories(resource)
    if categories & {"laboratory", "vital-signs", "exam"}:
        return
    # another system's own categories (a Dutch SNOMED CT one, say) say nothing against it being a result
    other = sorted(categories & set(NOT_RESULTS))
    if other:
        raise Unusable(NOT_RESULTS[other[0]])


def _why_no_number(resource: Resource, components: list[Resource]) -> str:
    if components:
        return "it has several values; Regie keeps results that are one number (and blood pressures)"
    if resource.get("hasMember") and not any(key.startswith("value") for key in resource):
        return "it is a panel that groups other results; each of those is read on its own"
    return NOT_A_NUMBER


def _method(resource: Resource, loinc: str = "") -> str:
    if loinc in vital_signs.METHOD_OF:
        return vital_signs.METHOD_OF[loinc]
    return "lab" if "laboratory" in _categories(resource) else ""


def _result_method(resource: Resource) -> str:
    """'lab', unless the file calls it a vital sign or an exam and not a lab test (a height, a BMI)."""
    categories = _categories(resource)
    return "" if categories & {"vital-signs", "exam"} and "laboratory" not in categories else "lab"


def _categories(resource: Resource) -> set[str]:
    """The resource's FHIR observation categories (laboratory, vital-signs, survey, ...)."""
    return {code for concept in resource.get("category") or [] for system, code in codes_of(concept)
            if system in CATEGORIES}


def _canonical_or_none(measure: Measure, loinc: str, value: float, unit: str) -> float:
    """The value in the measure's unit; NaN (plausible for nothing) when the unit cannot be converted."""
    try:
        return vital_signs.canonical(measure, loinc, value, unit)
    except Unusable:
        return math.nan


def _catalogue_reading(resource: Resource, loinc: str, value: float, unit: str) -> FoundReading:
    measure = vital_signs.measure_of(loinc)
    assert measure is not None
    canonical = vital_signs.plausible(measure, vital_signs.canonical(measure, loinc, value, unit))
    reference = reference_of(resource, unit, lambda limit: vital_signs.canonical(measure, loinc, limit, unit))
    reading = Reading(measure.key, moment_of(resource), canonical, method=_method(resource, loinc),
                      note=notes(resource))
    return FoundReading(reading, reference)


def _component(components: list[Resource], loinc: str) -> Resource | None:
    return next((c for c in components if (vital_signs.LOINC, loinc) in codes_of(c.get("code"))), None)


def _blood_pressure(resource: Resource, components: list[Resource]) -> FoundReading:
    """A blood pressure panel: systolic and diastolic (mm[Hg]) and the pulse when it has one."""
    measure = CATALOGUE["bp"]
    values: list[float | None] = []
    for number, loinc in enumerate((vital_signs.SYSTOLIC, vital_signs.DIASTOLIC, vital_signs.PULSE)):
        component = _component(components, loinc)
        if component is None or "valueQuantity" not in component:
            if loinc == vital_signs.PULSE:
                values.append(None)
                continue
            raise Unusable("a blood pressure needs both the systolic and the diastolic pressure as numbers")
        quantity = component["valueQuantity"]
        unit = unit_of(quantity)
        value = number_of(quantity)
        converted = value if loinc == vital_signs.PULSE and unit in ("/min", "") \
            else vital_signs.canonical(measure, loinc, value, unit)
        values.append(vital_signs.plausible(measure, converted, number))
    if not _in_order(values[0], values[1]):
        raise Unusable(NOT_IN_ORDER)
    reading = Reading("bp", moment_of(resource), values[0], values[1], values[2], method=_method(resource),
                      note=notes(resource))
    return FoundReading(reading)


def _result(resource: Resource, value: float, unit: str, shown: object, unit_text: str = "") -> FoundResult:
    if not LAB_LOW_BOUND <= value <= LAB_HIGH_BOUND:
        raise Unusable("its value cannot be right for a lab result")
    code, name = _identity(resource.get("code"))
    return FoundResult(code, unit, name, decimals_of(shown), moment_of(resource), value,
                       reference_of(resource, unit), notes(resource), unit_text, _result_method(resource))


def _identity(concept: object) -> tuple[str, str]:
    """(the code that names the lab measure, the name the file gives it)."""
    codings = [c for c in (concept or {}).get("coding") or [] if isinstance(c, dict)] \
        if isinstance(concept, dict) else []
    usable = [c for c in codings if (c.get("system") or "").strip() and (c.get("code") or "").strip()]
    loinc = next((c for c in usable if c["system"] == vital_signs.LOINC), None)
    nhg = next((c for c in usable if c["system"] in NHG_LAB_CODES), None)
    chosen = loinc or nhg or (usable[0] if usable else None)
    if chosen is None:
        raise Unusable("it has no code (LOINC or another) that says what was measured")
    code = chosen["code"].strip() if chosen is loinc else f"{chosen['system'].strip()}|{chosen['code'].strip()}"
    text = (concept.get("text") or "").strip() if isinstance(concept, dict) else ""
    name = text or (loinc or {}).get("display") or text_of(concept if isinstance(concept, dict) else None) or code
    return code, name.strip()[:MAX_NAME]
