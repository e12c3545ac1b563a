"""A medicine's FHIR Dosages -> its dose in words and, when it says all the file says, its structured dose:
amount and unit, times a day, with or without food, only when needed.

A structured dose is printed in the export's language on its own (an English card prints '15 mg, once a
day' from it), so it is taken only when it cannot mislead: one Dosage (10 mg in the morning and 5 mg in the
evening are two, and no one dose); times a day only from a plain 'so many times per 1 day'; an amount only
when the timing is that, or there is none, and it is no 'less than 4 mg'. A weekly methotrexate 15 mg must
never come in as a bare 15 mg. What does not fit stays in words: the Dosage's own text, else words made from
its fields ('15 mg' as the dose, 'once a week, on Monday' as the schedule; timing_words.py).

How it is taken (Dosage.route, the same in STU3) is read by its code (EDQM, SNOMED CT, HL7 v3, the G-Standaard;
codes.ROUTE_CODES), else by its words in English or Dutch ('Oral use', 'ORAAL', 'Injection, intramuscular',
Regie's own labels). A route Regie has no value for (intravenous, rectal, a code of a route table Regie does
not know) is 'other'; words that name no route ('B2018...', 'unknown', German 'zum Einnehmen') give none.
"""

import math
import re
from typing import Any

from phr.core.vocabulary import DoseUnit, FoodTiming, Route
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.datatypes import codes_of, text_of
from phr.formats.fhir.read.resources.timing_words import dose_words, timing_words
from phr.record.medications import MAX_DOSE_AMOUNT, MAX_TIMES_PER_DAY
from phr.words.catalogue import Words
from phr.words.dose import unit_text
from phr.words.vocabulary import label

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

# A route in words, as files write it (after _plain: no 'use', 'route' or '(qualifier value)'), -> Regie's route.
_ROUTE_SYNONYMS: dict[str, Route] = {
    **dict.fromkeys(("oral", "orally", "by mouth", "per os", "po", "swallow", "oraal", "via de mond", "door de mond",
                     "innemen"), Route.ORAL),
    **dict.fromkeys(("subcutaneous", "subcutaneously", "sc", "s.c.", "sq", "under the skin", "subcutaan",
                     "onderhuids", "onder de huid"), Route.SUBCUTANEOUS),
    **dict.fromkeys(("intramuscular", "intramuscularly", "intramuscular injection", "im", "i.m.", "into a muscle",
                     "intramusculair", "in de spier", "in een spier"), Route.INTRAMUSCULAR),
    **dict.fromkeys(("inhalation", "inhaled", "by inhalation", "respiratory tract", "inhalatie", "inhaleren",
                     "inademen"), Route.INHALED),
    **dict.fromkeys(("topical", "cutaneous", "transdermal", "on the skin", "topicaal", "cutaan", "transdermaal",
                     "op de huid"), Route.TOPICAL),
    # Routes Regie has no value for.
    **dict.fromkeys(("intravenous", "iv", "i.v.", "rectal", "nasal", "sublingual", "buccal", "oromucosal",
                     "ocular", "ophthalmic", "otic", "auricular", "vaginal", "intradermal", "intraveneus", "rectaal",
                     "nasaal", "sublinguaal", "oculair", "in het oog", "in het oor", "vaginaal", "intradermaal"),
                    Route.OTHER)}
NO_ROUTE_WORDS = {"unknown", "not known", "unk", "onbekend", "niet bekend"}


def _plain(text: str) -> str:
    """A route's words to look up: small letters, single spaces, without 'use', 'route', '(qualifier value)'."""
    words = " ".join(text.casefold().replace("(qualifier value)", " ").split())
    return re.sub(r" (?:use|route)$", "", words)


def _route_labels() -> dict[str, Route]:
    """Regie's own labels of the routes in English and Dutch: what its export writes as the route's text."""
    return {_plain(label(Words(language), route)): route for route in Route for language in ("en", "nl")}


ROUTE_WORDS = {**_ROUTE_SYNONYMS, **_route_labels()}


def medication_fields(dosages: list[dict[str, Any]]) -> dict[str, Any]:
    """The Medication fields the Dosages give: dose (and schedule) in words, and the structured dose when it
    says all the file says. Several Dosages are each said in words, joined, and give no structured dose."""
    dosages = [dosage for dosage in dosages if isinstance(dosage, dict)]
    taken = {"route": route} if (route := route_of(dosages)) else {}
    if len(dosages) == 1:
        return {**_one(dosages[0]), **taken}
    return {"dose": "; ".join(words for words in map(_all_words, dosages) if words), **taken}


def route_of(dosages: list[dict[str, Any]]) -> str:
    """The route the Dosages name; when they name several, 'other' (Regie holds one)."""
    return _one_of({_route(dosage.get("route")) for dosage in dosages} - {""})


def _route(concept: object) -> str:
    """A Dosage.route -> Regie's route: by its codes, else by its words; 'other' for a code of a route table."""
    if not isinstance(concept, dict):
        return ""
    coded = [(system, code.lstrip("0") if system == codes.G_STANDARD_ROUTE else code)
             for system, code in codes_of(concept)]
    by_code = _one_of({codes.ROUTE_CODES[key] for key in coded if key in codes.ROUTE_CODES})
    if by_code:
        return by_code
    texts = [concept.get("text"), *(coding.get("display") for coding in concept.get("coding") or [])]
    written = [text for text in texts if isinstance(text, str) and text.strip()]
    by_words = _one_of({_route_in_words(text) for text in written} - {""})
    if by_words or any(_plain(text) in NO_ROUTE_WORDS for text in written):
        return by_words
    return Route.OTHER.value if any(system in codes.ROUTE_SYSTEMS and code for system, code in coded) else ""


def _route_in_words(text: str) -> str:
    """'Oral use', 'Injection, intramuscular', 'RESPIRATORY (INHALATION)', 'subcutaneous injection' -> the route
    ('' when none is named): the words as a whole, else their parts, else each word."""
    whole = _plain(text)
    if whole in ROUTE_WORDS:
        return ROUTE_WORDS[whole].value
    for pattern in (r"[(),;/]", r"[\s(),;/]+"):
        found = _one_of({ROUTE_WORDS[part].value for part in map(_plain, re.split(pattern, text))
                         if part in ROUTE_WORDS})
        if found:
            return found
    return ""


def _one_of(routes: set[str]) -> str:
    """The one route of those found; several are 'other', none is ''."""
    if len(routes) > 1:
        return Route.OTHER.value
    return str(next(iter(routes), ""))


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
