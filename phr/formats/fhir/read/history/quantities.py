"""An Observation's value as a number with its unit, and the lab's reference range in that unit.

The unit is the UCUM code when the quantity is coded in UCUM, else the unit's text, else '' (INR, pH and a
specific gravity have none). A number written as a JSON string ("13.2", as Fasten's C-CDA converter writes every
value) is that number: the FHIR models accept it, and it is plainly a decimal. A value with a comparator ('< 5') is a limit, not a number: it is never stored as
5. A range given only as text is read as numbers when it is plainly 'low - high' ('0.91-1.07'), so the
record can say whether the result lies outside it; the text is kept as the lab wrote it.
"""

import math
import re
from collections.abc import Callable
from typing import Any

from phr.formats.fhir.read.resources.found import Resource, Unusable
from phr.monitoring.lab_results import ReferenceRange
from phr.monitoring.measures import LARGEST

UCUM = "http://unitsofmeasure.org"
MAX_TEXT = 200  # a range's text longer than this is no range
PLAIN_NUMBER = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")  # FHIR's decimal: a point, no comma, no exponent
PLAIN_RANGE = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:-|–|to)\s*(-?\d+(?:[.,]\d+)?)\s*$")
NOT_A_NUMBER = "not a number: Regie keeps results that are numbers"
A_LIMIT = ("its value is a limit ('less than', 'more than'), not a number: Regie keeps results that are numbers "
           "and does not store the limit as if it were the value")


def number_of(quantity: Any) -> float:
    """The quantity's value; Unusable when it has none or it is a limit."""
    if not isinstance(quantity, dict):
        raise Unusable(NOT_A_NUMBER)
    if quantity.get("comparator"):
        raise Unusable(A_LIMIT)
    value = plain_number(quantity.get("value"))
    if value is None:
        raise Unusable(NOT_A_NUMBER)
    return value


def plain_number(value: Any) -> float | None:
    """A JSON number, or a string that is plainly a decimal ("13.2"); None for anything else."""
    if isinstance(value, str) and PLAIN_NUMBER.match(value):
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def unit_of(quantity: dict[str, Any]) -> str:
    code, text = (quantity.get("code") or "").strip(), (quantity.get("unit") or "").strip()
    if code and quantity.get("system") == UCUM:
        return code
    return text or code


def reference_of(resource: Resource, unit: str, convert: Callable[[float], float] = float) -> ReferenceRange | None:
    """The first reference range: its low and high when they are in the result's unit (converted as the
    value is), and its text; None when the file gives none."""
    ranges = [r for r in resource.get("referenceRange") or [] if isinstance(r, dict)]
    if not ranges:
        return None
    first = ranges[0]
    low, high = _limit(first.get("low"), unit, convert), _limit(first.get("high"), unit, convert)
    text = (first.get("text") or "").strip()
    text = text if len(text) <= MAX_TEXT else ""
    plain = PLAIN_RANGE.match(text)
    if plain and low is None and high is None:
        low, high = (convert(float(part.replace(",", "."))) for part in plain.groups())
    # A limit no measurement reaches is no limit (Regie's own file refuses one, phr.monitoring.validity).
    low, high = (None if limit is not None and abs(limit) > LARGEST else limit for limit in (low, high))
    if low is None and high is None and not text:
        return None
    return ReferenceRange(low, high, text)


def _limit(quantity: Any, unit: str, convert: Callable[[float], float]) -> float | None:
    """A range's low or high, when it is a number in the result's unit (one without a unit is taken as
    the result's)."""
    if not isinstance(quantity, dict):
        return None
    value = plain_number(quantity.get("value"))
    theirs = unit_of(quantity)
    if value is None or theirs and unit and theirs != unit:
        return None
    return convert(value)
