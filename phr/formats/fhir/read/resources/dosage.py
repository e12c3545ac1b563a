"""A FHIR Dosage -> a medicine's structured dose: amount and unit, times a day, with or without food, only when
needed. What does not fit Regie's structured dose (every other day, a unit Regie does not know, a dose of 0)
is left out of it; the Dosage's text stays the medicine's dose in words.
"""

import math
import re
from typing import Any

from phr.core.vocabulary import DoseUnit, FoodTiming
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.datatypes import codes_of
from phr.record.medications import MAX_DOSE_AMOUNT, MAX_TIMES_PER_DAY
from phr.words.catalogue import Words
from phr.words.dose import unit_text

UCUM_UNITS = {code.casefold(): unit for unit, code in codes.UCUM_DOSE_UNITS.items()} | {"[iu]": DoseUnit.UNIT}
FOOD = {code: food for food, (code, _) in codes.FOOD_INSTRUCTIONS.items()}
HOURS = {"h": 1, "d": 24}  # Timing periodUnit -> hours, for 'times a day'


def _unit_words() -> dict[str, DoseUnit]:
    """A unit as written, in English or Dutch, one or more ('tablet', 'tabletten'), -> Regie's unit."""
    found: dict[str, DoseUnit] = {}
    for unit in DoseUnit:
        found[unit.value] = unit
        for language in ("en", "nl"):
            for amount in (1, 2):
                found.setdefault(unit_text(Words(language), unit, amount).casefold(), unit)
    return found


UNIT_WORDS = _unit_words()


def structured(dosage: dict[str, Any]) -> dict[str, Any]:
    """The Medication fields a Dosage gives: dose_amount, dose_unit, times_per_day, food, as_needed."""
    found: dict[str, Any] = {**_amount(dosage), **_times(dosage)}
    if dosage.get("asNeededBoolean") is True:
        found["as_needed"] = True
    food = next((FOOD[code] for concept in dosage.get("additionalInstruction") or []
                 for system, code in codes_of(concept) if system == codes.SNOMED and code in FOOD), None)
    if food:
        found["food"] = FoodTiming(food)
    return found


def _amount(dosage: dict[str, Any]) -> dict[str, Any]:
    quantity = next(((rate.get("doseQuantity") or {}) for rate in dosage.get("doseAndRate") or []
                     if rate.get("doseQuantity")), {})
    value, unit = quantity.get("value"), _unit(quantity)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or unit is None:
        return {}
    if not (math.isfinite(value) and 0 < value < MAX_DOSE_AMOUNT):
        return {}
    return {"dose_amount": float(value), "dose_unit": unit}


def _unit(quantity: dict[str, Any]) -> DoseUnit | None:
    system, code = quantity.get("system") or "", (quantity.get("code") or "").strip()
    if system == codes.DOSE_UNIT and code in set(DoseUnit):
        return DoseUnit(code)
    if system == codes.UCUM and code.casefold() in UCUM_UNITS:
        return UCUM_UNITS[code.casefold()]
    if system == codes.SNOMED and code == codes.TABLET_PRESENTATION:
        return DoseUnit.TABLET
    # Another system's word for it: 'tablet', '{tablet}', 'Tablet (unit of presentation)'.
    written = re.sub(r"\(.*?\)|[{}]", "", quantity.get("unit") or "").strip().casefold()
    return UNIT_WORDS.get(written)


def _times(dosage: dict[str, Any]) -> dict[str, Any]:
    """Times a day, when the timing is so many times per day (or per so many hours that it comes to whole times)."""
    repeat = (dosage.get("timing") or {}).get("repeat") or {}
    period, unit = repeat.get("period"), repeat.get("periodUnit")
    frequency = repeat.get("frequency", 1)
    if unit not in HOURS or not isinstance(period, (int, float)) or not isinstance(frequency, int) or period <= 0 \
            or isinstance(frequency, bool):
        return {}
    times = frequency * HOURS["d"] / (period * HOURS[unit])
    if not float(times).is_integer() or not 1 <= times <= MAX_TIMES_PER_DAY:
        return {}
    return {"times_per_day": int(times)}
