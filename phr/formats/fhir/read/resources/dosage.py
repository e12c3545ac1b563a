"""A medicine's FHIR Dosages -> its dose in words and, when it says all the file says, its structured dose:
amount and unit, times a day, with or without food, only when needed.

A structured dose is printed in the export's language on its own (an English card prints '15 mg, once a
day' from it), so it is taken only when it cannot mislead: one Dosage (10 mg in the morning and 5 mg in the
evening are two, and no one dose); times a day only from a plain 'so many times per 1 day'; an amount only
when the timing is that, or there is none, and it is no 'less than 4 mg'. A weekly methotrexate 15 mg must
never come in as a bare 15 mg. What does not fit stays in words: the Dosage's own text, else words made from
its fields ('15 mg' as the dose, 'once a week, on Monday' as the schedule; timing_words.py).
"""

import math
import re
from typing import Any

from phr.core.vocabulary import DoseUnit, FoodTiming
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.datatypes import codes_of, text_of
from phr.formats.fhir.read.resources.timing_words import dose_words, timing_words
from phr.record.medications import MAX_DOSE_AMOUNT, MAX_TIMES_PER_DAY
from phr.words.catalogue import Words
from phr.words.dose import unit_text

UCUM_UNITS = {code.casefold(): unit for unit, code in codes.UCUM_DOSE_UNITS.items()} | {"[iu]": DoseUnit.UNIT}
FOOD = {code: food for food, (code, _) in codes.FOOD_INSTRUCTIONS.items()}
# A timing that says no more than 'so many times per 1 day' (timing-exact and other extensions change nothing);
# dayOfWeek, timeOfDay, when, frequencyMax, periodMax, count, bounds, offset, event, a code: it says more.
PLAIN_TIMING = {"id", "extension", "repeat"}
PLAIN_REPEAT = {"id", "extension", "frequency", "period", "periodUnit"}
DIGIT = re.compile(r"\d")


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


def medication_fields(dosages: list[dict[str, Any]]) -> dict[str, Any]:
    """The Medication fields the Dosages give: dose (and schedule) in words, and the structured dose when it
    says all the file says. Several Dosages are each said in words, joined, and give no structured dose."""
    dosages = [dosage for dosage in dosages if isinstance(dosage, dict)]
    if len(dosages) == 1:
        return _one(dosages[0])
    return {"dose": "; ".join(words for words in map(_all_words, dosages) if words)}


def _one(dosage: dict[str, Any]) -> dict[str, Any]:
    timing = dosage.get("timing") or {}
    times = times_per_day(timing)
    amount = _amount(dosage) if times is not None or not timing else {}
    text = _text(dosage)
    found: dict[str, Any] = {**amount, "dose": text if amount else _with_amount(text, dose_words(dosage))}
    if times is not None:
        found["times_per_day"] = times
    if not text:  # the schedule in words, for what the structured dose cannot hold
        found["schedule"] = ", ".join(part for part in (timing_words(timing) if times is None else "",
                                                        _needed_for(dosage)) if part)
    if _as_needed(dosage):
        found["as_needed"] = True
    food = next((FOOD[code] for concept in dosage.get("additionalInstruction") or []
                 for system, code in codes_of(concept) if system == codes.SNOMED and code in FOOD), None)
    if food:
        found["food"] = FoodTiming(food)
    return found


def _text(dosage: dict[str, Any]) -> str:
    return (dosage.get("text") or dosage.get("patientInstruction") or "").strip()


def _with_amount(text: str, amount: str) -> str:
    """The file's own words; with the dose in words before them when they name no amount at all ('weekly')."""
    if not text or not amount:
        return text or amount
    return text if DIGIT.search(text) else f"{amount}, {text}"


def _all_words(dosage: dict[str, Any]) -> str:
    """One Dosage of several, in words: its own text, else what its fields say."""
    if _text(dosage):
        return _with_amount(_text(dosage), dose_words(dosage))
    needed = "when needed" if _as_needed(dosage) and not _needed_for(dosage) else _needed_for(dosage)
    parts = (dose_words(dosage), timing_words(dosage.get("timing") or {}), needed,
             *(text_of(concept) for concept in dosage.get("additionalInstruction") or []))
    return ", ".join(part for part in parts if part)


def _as_needed(dosage: dict[str, Any]) -> bool:
    return dosage.get("asNeededBoolean") is True or bool(dosage.get("asNeededCodeableConcept"))


def _needed_for(dosage: dict[str, Any]) -> str:
    """'when needed for pain': what only when needed cannot say."""
    reason = text_of(dosage.get("asNeededCodeableConcept"))
    return f"when needed for {reason}" if reason else ""


def _amount(dosage: dict[str, Any]) -> dict[str, Any]:
    quantity = next(((rate.get("doseQuantity") or {}) for rate in dosage.get("doseAndRate") or []
                     if rate.get("doseQuantity")), {})
    value, unit = quantity.get("value"), _unit(quantity)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or unit is None or quantity.get("comparator"):
        return {}  # 'less than 4 mg' is no dose of 4 mg
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


def times_per_day(timing: dict[str, Any]) -> int | None:
    """Times a day from a timing that says just that: so many times per 1 day (None for anything else)."""
    repeat = timing.get("repeat") or {}
    if not timing or set(timing) - PLAIN_TIMING or set(repeat) - PLAIN_REPEAT:
        return None
    frequency = repeat.get("frequency", 1)
    if repeat.get("period") != 1 or repeat.get("periodUnit") != "d" or isinstance(frequency, bool) \
            or not isinstance(frequency, int) or not 1 <= frequency <= MAX_TIMES_PER_DAY:
        return None
    return frequency
