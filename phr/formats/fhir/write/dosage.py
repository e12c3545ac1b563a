"""A medicine's dose as FHIR Dosage: the person's own words as the text, the structured dose as FHIR fields.

The structured dose (amount and unit, times a day, with or without food, only when needed) becomes
doseAndRate.doseQuantity (UCUM for mg, microgram, ml and international units; a tablet, capsule, puff,
drop, sachet or injection has no UCUM code and carries Regie's unit code instead), timing.repeat
(frequency per 1 day), asNeededBoolean and an additionalInstruction in SNOMED CT. Dosage.text stays the
text as typed, so a receiver that reads only the text reads what the person wrote. How it is taken is
Dosage.route: an EDQM Standard Term (as IPS asks) and a SNOMED CT route, with the route in the export's words.
"""

from typing import Any

from phr.core.vocabulary import DoseUnit, FoodTiming, Route
from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.context import FhirContext
from phr.formats.fhir.write.narrative import joined
from phr.record.medications import Medication
from phr.words.dose import dose_text, schedule_text, unit_text
from phr.words.vocabulary import label


def text(medication: Medication) -> str:
    """The dose in the person's own words: strength, dose, schedule."""
    return joined(medication.strength, medication.dose, medication.schedule, separator=", ")


def has_structured_dose(medication: Medication) -> bool:
    return (medication.dose_amount is not None or medication.times_per_day is not None or bool(medication.food)
            or medication.as_needed)


def in_words(context: FhirContext, medication: Medication) -> str:
    """For the narrative: the structured dose in the export's language, else the person's own words. A dose
    counted in tablets (capsules, puffs) keeps the strength as typed ('800 IE, 1 tablet, once a day'); without an
    amount the person's words follow in brackets, as they say more than how often."""
    own = text(medication)
    if not has_structured_dose(medication):
        return own
    w = context.words
    schedule = schedule_text(w, medication.times_per_day, medication.food, medication.as_needed)
    schedule = schedule[:1].lower() + schedule[1:]  # within the line, not at its start
    if medication.dose_amount is None:
        return joined(schedule, f"({own})" if own else "", separator=" ")
    strength = medication.strength if medication.dose_unit not in set(codes.UCUM_DOSE_UNITS) else ""
    return joined(strength, dose_text(w, medication.dose_amount, medication.dose_unit), schedule, separator=", ")


def dosage(context: FhirContext, medication: Medication) -> list[dict[str, Any]]:
    """The medicine's one Dosage, or none when the record holds no dose and no route at all."""
    found: dict[str, Any] = {"text": text(medication)} if text(medication) else {}
    if medication.food in set(FoodTiming):
        code, display = codes.FOOD_INSTRUCTIONS[FoodTiming(medication.food)]
        found["additionalInstruction"] = [codes.concept(codes.SNOMED, code, display)]
    if medication.times_per_day is not None:
        found["timing"] = {"repeat": {"frequency": medication.times_per_day, "period": 1, "periodUnit": "d"}}
    if has_structured_dose(medication):
        found["asNeededBoolean"] = medication.as_needed
    if medication.dose_amount is not None and medication.dose_unit:
        found["doseAndRate"] = [{"doseQuantity": quantity(context, medication.dose_amount, medication.dose_unit)}]
    if medication.route in set(Route):
        found["route"] = route(context, Route(medication.route))
    return [found] if found else []


def route(context: FhirContext, taken: Route) -> dict[str, Any]:
    """The route coded in EDQM and SNOMED CT, its words in the export's language; 'other' in words only."""
    found: dict[str, Any] = {"text": label(context.words, taken)}
    if taken in codes.ROUTES:
        (edqm, edqm_display), (snomed, snomed_display) = codes.ROUTES[taken]
        found["coding"] = [codes.coding(codes.EDQM, edqm, edqm_display),
                           codes.coding(codes.SNOMED, snomed, snomed_display)]
    return found


def quantity(context: FhirContext, amount: float, unit: str) -> dict[str, Any]:
    ucum = codes.UCUM_DOSE_UNITS.get(DoseUnit(unit)) if unit in set(DoseUnit) else None
    system, code = (codes.UCUM, ucum) if ucum else (codes.DOSE_UNIT, unit)
    value: float | int = int(amount) if float(amount).is_integer() else amount
    return {"value": value, "unit": unit_text(context.words, unit, amount), "system": system, "code": code}
