"""The words of targets: a measure's target and when to call the care team, and a care-plan goal's target.

Built once, for the app (the monitoring page, the chart's legend, the care plan) and the PDFs alike:
    'Target: 4.0 to 10.0 mmol/L.'   'Call your care team below 3.5 mmol/L.'   'Blood pressure: 100 to 135 mmHg'
Qt-free, in the language of the Words object passed in: the app passes its own language, an export the
export's. Numbers have the measure's decimals and the language's decimal sign (Words.number).
"""

from enum import StrEnum

from phr.monitoring.measures import BLOOD_PRESSURE, SCORE, Measure
from phr.monitoring.targets import Target
from phr.words.catalogue import Words
from phr.words.units import unit_words

UNITS_WITHOUT_SPACE = ("%", "/")
MOST_DECIMALS = 3  # a goal's numbers show as typed, up to this many decimals


class Reader(StrEnum):
    """Whom a sentence speaks to: the person, in the app ("your care team"), or whoever reads a document
    about the person, a care provider too ("the care team")."""

    PERSON = "person"
    DOCUMENT = "document"


def with_unit(text: str, unit: str) -> str:
    """'66' + '/min' -> '66/min'; '5.4' + 'mmol/L' -> '5.4 mmol/L'."""
    if not text or not unit:
        return text
    return text + unit if unit.startswith(UNITS_WITHOUT_SPACE) else f"{text} {unit}"


def component_names(measure: Measure, language: str) -> list[str]:
    """'Systolic', 'Diastolic', 'Pulse' for blood pressure (from the catalogue); the measure's name otherwise."""
    if not measure.components:
        return [measure.name(language)]
    names = [part.name_nl if language == "nl" else part.name_en for part in measure.components]
    return [name[:1].upper() + name[1:] for name in names]


def component_units(measure: Measure) -> list[str]:
    """The unit of each number: the measure's, but blood pressure's pulse is counted per minute."""
    units = [measure.unit_text] * max(1, len(measure.components))
    if len(units) == 3:
        units[2] = "/min"
    return units


def limits_text(w: Words, low: float | None, high: float | None, decimals: int, unit: str = "", *,
                short: bool = False) -> str:
    """'4.0 to 10.0 mmol/L', 'at most 135', 'at least 2'; '' without limits. `short`, for a narrow table
    cell: '4.0–10.0 mmol/L', '≤ 135', '≥ 2'."""
    def number(value: float) -> str:
        return w.number(value, decimals)
    if low is not None and high is not None:
        text = f"{number(low)}–{number(high)}" if short else w("{low} to {high}", low=number(low), high=number(high))
    elif high is not None:
        text = f"≤ {number(high)}" if short else w("at most {high}", high=number(high))
    elif low is not None:
        text = f"≥ {number(low)}" if short else w("at least {low}", low=number(low))
    else:
        return ""
    return with_unit(text, unit)


def target_phrase(w: Words, low: float | None, high: float | None, decimals: int, unit: str = "") -> str:
    """'target 4.0 to 10.0 mmol/L' (as the chart's legend says it of each line); '' without limits."""
    limits = limits_text(w, low, high, decimals, unit)
    return w("target {range}", range=limits) if limits else ""


def target_text(w: Words, measure: Measure, target: Target, *, short: bool = False) -> str:
    """'Target: 4.0 to 10.0 mmol/L.', 'Target: systolic at most 135, diastolic at most 85 mmHg.';
    '' without limits. `short`, for a narrow table cell: '4.0–10.0 mmol/L', '≤ 135/85 mmHg'."""
    unit = "" if measure.kind == SCORE else unit_words(w, measure.unit_text)  # a score's '0–10' is no unit
    if measure.kind == BLOOD_PRESSURE:
        limits = _pressures(w, measure, target, short)
    else:
        limits = limits_text(w, target.target_low, target.target_high, measure.decimals, short=short)
    limits = with_unit(limits, unit)
    return limits if short or not limits else w("Target: {limits}.", limits=limits)


def _pressures(w: Words, measure: Measure, target: Target, short: bool) -> str:
    """Systolic and diastolic limits together: 'systolic at most 135, diastolic at most 85', or '≤ 135/85'."""
    systolic = limits_text(w, target.target_low, target.target_high, measure.decimals, short=short)
    diastolic = limits_text(w, target.target_low2, target.target_high2, measure.decimals, short=short)
    names = [part.name_nl if w.language == "nl" else part.name_en for part in measure.components]
    if not short or not systolic:  # a diastolic limit alone is named, or it would read as a systolic one
        return ", ".join(f"{name} {limits}" for name, limits in zip(names, (systolic, diastolic)) if limits)
    if not diastolic:
        return systolic
    if systolic.startswith("≤ ") and diastolic.startswith("≤ "):
        return f"≤ {systolic[2:]}/{diastolic[2:]}"
    return f"{systolic} / {diastolic}"


def alert_text(w: Words, measure: Measure, target: Target, reader: Reader) -> str:
    """When to call the care team: below the low alert limit, above the high one; '' without alert limits."""
    unit = "" if measure.kind == SCORE else unit_words(w, measure.unit_text)
    low = with_unit(w.number(target.alert_low, measure.decimals), unit) if target.alert_low is not None else ""
    high = with_unit(w.number(target.alert_high, measure.decimals), unit) if target.alert_high is not None else ""
    person = reader == Reader.PERSON
    if low and high:
        return (w("Call your care team below {low} or above {high}.", low=low, high=high) if person else
                w("Call the care team below {low} or above {high}.", low=low, high=high))
    if low:
        return (w("Call your care team below {low}.", low=low) if person else
                w("Call the care team below {low}.", low=low))
    if high:
        return (w("Call your care team above {high}.", high=high) if person else
                w("Call the care team above {high}.", high=high))
    return ""


def agreed_text(w: Words, who: str, when: str) -> str:
    """'Agreed with dr. Hoekstra on 20 November 2025.'; `when` a (partial) ISO date; '' when neither is known."""
    day = w.date(when)
    if who and day:
        return w("Agreed with {name} on {date}.", name=who, date=day)
    if who:
        return w("Agreed with {name}.", name=who)
    return w("Agreed on {date}.", date=day) if day else ""


# --- a care-plan goal's target ---------------------------------------------------------------------------

def goal_limits(w: Words, low: float | None, high: float | None, unit: str) -> str:
    """A goal's range with its unit, the numbers as typed: '100 to 135 mmHg', 'at least 2 times'."""
    decimals = max(_decimals(low), _decimals(high))
    return limits_text(w, low, high, decimals, unit.strip())


def goal_target(w: Words, low: float | None, high: float | None, unit: str, what: str) -> str:
    """'Blood pressure: 100 to 135 mmHg': what is measured (a measure's name, or the person's own words)
    and the range; either alone when the other is not there."""
    limits = goal_limits(w, low, high, unit)
    return f"{what}: {limits}" if what and limits else what or limits


def _decimals(value: float | None) -> int:
    """How many decimals show the number as it was typed (7.25 stays 7.25, 80.0 is 80)."""
    if value is None:
        return 0
    return next((d for d in range(MOST_DECIMALS) if round(value, d) == value), MOST_DECIMALS)
