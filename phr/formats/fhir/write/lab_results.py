"""Lab results as Observations (category laboratory) in the results section: every one of them.

A lab sends a few results a year, not a sensor's thousands, so none are left out (self-monitoring is
summarised instead: observations.py). Each carries its measure's code (LOINC, or the system the file gave,
kept as 'system|code': an NHG table's code, say), the measure's name as text, the value in the measure's unit
(with its UCUM code when the unit has one), the lab's reference range and whether the value lies below,
within or above it: LabResult.position decides that, here as in the app and the PDFs. The time keeps the
offset it was taken at. The value and the range go out as stored, unrounded: they are the lab's numbers as
its file gave them (0.349 L/L), and the measure's decimals come from one result only.

A lab's reading of a measure of the catalogue (an HbA1c, a lab's glucose: method 'lab') is a lab result too:
every one goes out here, with its range, and not in the self-monitoring summary (observations.py makes its
Observation as it makes the summary's, then `judged` adds the range and interpretation, and hands it in).

A result a file called a vital sign and not a lab test (a height, a BMI, a head circumference: its method is
not 'lab') goes out as a vital sign (category vital-signs, in the vital signs section), so it is read back
as what it was.
"""

from collections.abc import Callable, Iterable
from typing import NamedTuple

from phr.core.vocabulary import ReadingMethod, ResultPosition
from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.context import FhirContext, without_empty
from phr.formats.fhir.write.narrative import table
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.monitoring.measures import Measure
from phr.words.vocabulary import label

INTERPRETATIONS = {ResultPosition.BELOW: ("L", "Low"), ResultPosition.WITHIN: ("N", "Normal"),
                   ResultPosition.ABOVE: ("H", "High")}
LABORATORY = ("laboratory", "Laboratory")
VITAL_SIGNS = ("vital-signs", "Vital Signs")


class Results(NamedTuple):
    lab: list[tuple[str, dict]]            # (fullUrl, Observation) of the lab's results
    table: str                             # the narrative's table of them ('' when there are none)
    vital_signs: list[tuple[str, dict]]    # results that are vital signs, no lab tests (a height, a BMI)
    vital_sign_rows: list[list[str]]       # their rows: measurement, time, value


class Judged(NamedTuple):
    """A result with its Observation: a lab measure's (made here), or a catalogue measure's lab reading."""

    measure: Measure
    result: LabResult
    url: str
    resource: dict


def lab_results(context: FhirContext, catalogue: Iterable[Judged] = ()) -> Results:
    """Every result of a lab measure and every lab reading of a catalogue measure (`catalogue`), by the measure's
    name and newest first: the lab's, and those that are vital signs (see the module's docstring)."""
    w = context.words
    found = Results([], "", [], [])
    rows = []
    every = sorted([*_lab_measures_results(context), *catalogue], key=lambda j: j.measure.name(w.language).casefold())
    for measure, result, url, resource in every:  # the sort is stable: per measure still newest first
        moment = w.moment(result.taken_at.isoformat(timespec="minutes"))
        if not _from_a_lab(result):
            found.vital_signs.append((url, resource))
            found.vital_sign_rows.append([measure.name(w.language), moment,
                                          _value_text(context, measure, result.value)])
            continue
        found.lab.append((url, resource))
        rows.append([measure.name(w.language), moment, _value_text(context, measure, result.value),
                     range_text(context, measure, result.reference), _position_text(context, result.position)])
    if not rows:
        return found
    header = [w("Test"), w("Time"), w("Result"), w("Reference range"), w("Compared with the range")]
    return found._replace(table=table(header, rows))


def _lab_measures_results(context: FhirContext) -> list[Judged]:
    services = context.services
    return [Judged(measure, result, codes.full_url("lab-result", f"{measure.key}:{int(result.taken_at.timestamp())}"),
                   observation(context, measure, result))
            for measure in services.lab_results.lab_measures() for result in services.lab_results.results(measure.key)]


def _from_a_lab(result: LabResult) -> bool:
    return result.method == ReadingMethod.LAB


def observation(context: FhirContext, measure: Measure, result: LabResult) -> dict:
    system, code = codes.lab_code(measure.loinc)
    category = LABORATORY if _from_a_lab(result) else VITAL_SIGNS
    return judged({
        "resourceType": "Observation", "status": "final",
        "category": [codes.concept(codes.OBSERVATION_CATEGORY, *category)],
        "code": {"coding": [codes.coding(system, code)] if code else [], "text": measure.name(context.words.language)},
        "subject": context.subject,
        "effectiveDateTime": result.taken_at.isoformat(timespec="seconds"),
        "valueQuantity": quantity(measure, result.value),
        "note": [{"text": result.note}] if result.note.strip() else [],
    }, result, lambda value: quantity(measure, value))


def judged(resource: dict, result: LabResult, quantity_of: Callable[[float], dict]) -> dict:
    """The Observation with the lab's reference range (its limits as `quantity_of` writes the value) and where the
    value lies against it (LabResult.position)."""
    interpretation = INTERPRETATIONS.get(result.position)
    return without_empty({
        **resource,
        "interpretation": [codes.concept(codes.OBSERVATION_INTERPRETATION, *interpretation)] if interpretation else [],
        "referenceRange": [_range(result.reference, quantity_of)] if result.reference else [],
    })


def quantity(measure: Measure, value: float) -> dict:
    """The value in the measure's unit, as stored; with the UCUM code when the unit is (or plainly means) a UCUM
    unit."""
    found: dict = {"value": value, "unit": measure.unit}
    ucum = codes.ucum_code(measure.unit)
    if ucum:
        found.update(system=codes.UCUM, code=ucum)
    return found


def _range(reference: ReferenceRange, quantity_of: Callable[[float], dict]) -> dict:
    return {"low": quantity_of(reference.low) if reference.low is not None else {},
            "high": quantity_of(reference.high) if reference.high is not None else {},
            "text": reference.text}


def _value_text(context: FhirContext, measure: Measure, value: float) -> str:
    """The value and the unit as people write it (a lab measure's is its unit; a catalogue one's '°C', 'mmHg')."""
    return f"{context.words.number(value, measure.decimals)} {measure.unit_text}".strip()


def range_text(context: FhirContext, measure: Measure, reference: ReferenceRange | None) -> str:
    """The range in words: the lab's own when it gave them, else its limits ('3.5 to 5.0', 'at most 5.0')."""
    if reference is None:
        return ""
    if reference.text.strip():
        return reference.text
    w = context.words
    low, high = (w.number(limit, measure.decimals) if limit is not None else ""
                 for limit in (reference.low, reference.high))
    if low and high:
        return w("{low} to {high}", low=low, high=high)
    return w("at least {low}", low=low) if low else w("at most {high}", high=high) if high else ""


def _position_text(context: FhirContext, position: ResultPosition) -> str:
    """'below the range', ...: the vocabulary's words; nothing when no range was given."""
    if position == ResultPosition.NOT_KNOWN:
        return ""
    return label(context.words, position, in_sentence=True)
