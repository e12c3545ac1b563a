"""A FHIR Timing and dose said in plain English words, for a medicine whose schedule Regie's structured dose cannot
hold: 'once a week, on Monday, in the afternoon', 'every 4 to 6 hours', '3 times in all'.

Without these words a weekly medicine would come in as a bare '15 mg' (and a card would read it as a daily
dose). The words are the record's, as the file's own Dosage.text would be: the language the record is written
in is not known at import, and English is what FHIR's own codes say.
"""

from typing import Any

from phr.formats.fhir.read.resources.datatypes import day, text_of

# Timing periodUnit (UCUM) -> (one, more than one)
UNITS = {"s": ("second", "seconds"), "min": ("minute", "minutes"), "h": ("hour", "hours"), "d": ("day", "days"),
         "wk": ("week", "weeks"), "mo": ("month", "months"), "a": ("year", "years")}
DAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
        "sat": "Saturday", "sun": "Sunday"}
WHEN = {  # FHIR EventTiming and v3 TimingEvent codes
    "MORN": "in the morning", "MORN.early": "early in the morning", "MORN.late": "late in the morning",
    "NOON": "at noon", "AFT": "in the afternoon", "AFT.early": "early in the afternoon",
    "AFT.late": "late in the afternoon", "EVE": "in the evening", "EVE.early": "early in the evening",
    "EVE.late": "late in the evening", "NIGHT": "at night", "PHS": "after sleep", "HS": "before sleep",
    "WAKE": "on waking", "C": "with a meal", "CM": "with breakfast", "CD": "with lunch", "CV": "with dinner",
    "AC": "before a meal", "ACM": "before breakfast", "ACD": "before lunch", "ACV": "before dinner",
    "PC": "after a meal", "PCM": "after breakfast", "PCD": "after lunch", "PCV": "after dinner"}
COMPARATORS = {"<": "less than", "<=": "at most", ">=": "at least", ">": "more than"}


def number(value: Any) -> str:
    """15 -> '15', 0.5 -> '0.5' (never '15.0')."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def quantity_words(quantity: dict[str, Any]) -> str:
    """'15 mg', 'less than 4 mg', '1 stuk': the amount with its unit as the file writes it."""
    if not isinstance(quantity.get("value"), (int, float)):
        return ""
    unit = (quantity.get("unit") or quantity.get("code") or "").strip().strip("{}")
    comparator = COMPARATORS.get(quantity.get("comparator") or "", quantity.get("comparator") or "")
    return " ".join(part for part in (comparator, number(quantity["value"]), unit) if part)


def dose_words(dosage: dict[str, Any]) -> str:
    """The first dose of a Dosage in words: a quantity, or a range ('1 to 2 tablets')."""
    for rate in dosage.get("doseAndRate") or []:
        if rate.get("doseQuantity"):
            return quantity_words(rate["doseQuantity"])
        low, high = ((rate.get("doseRange") or {}).get(end) or {} for end in ("low", "high"))
        if low or high:
            return " to ".join(words for words in (quantity_words(low), quantity_words(high)) if words)
    return ""


def timing_words(timing: dict[str, Any]) -> str:
    """Everything a Timing says, in words: how often, on which days and at what times, for how long."""
    repeat = timing.get("repeat") or {}
    days = [DAYS.get(code, code) for code in repeat.get("dayOfWeek") or []]
    parts = [text_of(timing.get("code")), _how_often(repeat), f"on {', '.join(days)}" if days else "",
             f"at {', '.join(str(t)[:5] for t in repeat.get('timeOfDay') or [])}" if repeat.get("timeOfDay") else "",
             _when(repeat), _span("lasting", repeat.get("duration"), repeat.get("durationMax"),
                                  repeat.get("durationUnit")),
             _count(repeat.get("count"), repeat.get("countMax")),
             _bounds(repeat),
             f"on {', '.join(day(event) or str(event) for event in timing.get('event') or [])}"
             if timing.get("event") else ""]
    return ", ".join(part for part in parts if part)


def _range(low: Any, high: Any) -> str:
    return f"{number(low)} to {number(high)}" if high is not None else number(low)


def _count(count: Any, most: Any) -> str:
    """How many times in all: 'once only', '3 times in all', '3 to 5 times in all'."""
    if not count:
        return ""
    return "once only" if count == 1 and most is None else f"{_range(count, most)} times in all"


def _how_often(repeat: dict[str, Any]) -> str:
    """'once a day', '1 to 2 times a day', 'every 4 to 6 hours', '3 times every 2 days'."""
    frequency, most = repeat.get("frequency"), repeat.get("frequencyMax")
    period, period_max, unit = repeat.get("period"), repeat.get("periodMax"), repeat.get("periodUnit")
    times = {(1, None): "once", (2, None): "twice"}.get((frequency or 1, most), f"{_range(frequency or 1, most)} times")
    if period is None or unit not in UNITS:
        return times if frequency or most else ""
    if period == 1 and period_max is None:
        return f"{times} {'an' if unit == 'h' else 'a'} {UNITS[unit][0]}"
    every = f"every {_range(period, period_max)} {UNITS[unit][1]}"
    return every if times == "once" else f"{times} {every}"


def _when(repeat: dict[str, Any]) -> str:
    """'before breakfast'; with an offset in minutes: '30 minutes before breakfast'."""
    said = " and ".join(WHEN.get(code, code) for code in repeat.get("when") or [])
    offset = repeat.get("offset")
    if not said or not offset:
        return said
    return f"{offset} minutes {said}" if said.startswith(("before", "after")) else f"{said} ({offset} minutes)"


def _span(lead: str, low: Any, high: Any, unit: Any) -> str:
    """'lasting 30 minutes', 'for 5 to 7 days'."""
    if low is None:
        return ""
    names = UNITS.get(str(unit), (str(unit or ""), str(unit or "")))
    return f"{lead} {_range(low, high)} {names[0] if low == 1 and high is None else names[1]}".strip()


def _bounds(repeat: dict[str, Any]) -> str:
    """How long the whole course lasts: 'for 7 days', 'from 2024-01-01 until 2024-01-08'."""
    duration, period = repeat.get("boundsDuration") or {}, repeat.get("boundsPeriod") or {}
    low, high = ((repeat.get("boundsRange") or {}).get(end) or {} for end in ("low", "high"))
    if duration:
        return _span("for", duration.get("value"), None, duration.get("code") or duration.get("unit"))
    if low or high:
        return _span("for", low.get("value"), high.get("value"), low.get("code") or high.get("code")
                     or low.get("unit") or high.get("unit"))
    start, end = day(period.get("start")), day(period.get("end"))
    return " ".join(part for part in (f"from {start}" if start else "", f"until {end}" if end else "") if part)
