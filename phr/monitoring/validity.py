"""What a reading may hold, whichever way it comes in: typed, a device file or CSV, Regie's own JSON file or a
FHIR file. One set of rules, so that what one way refuses no other way lets in.

- Numbers are finite: no NaN and no ±Infinity (Python's json reads both; a spreadsheet may write 'inf').
- A value inside its measure's usual range (Measure.plausible) is kept from anywhere. A value outside it is kept
  only when a person said it is right: typed, the app asks; a device or FHIR file has no one to ask, so that
  row is left out with its reason; Regie's own file keeps it only where a person could have said so (`kept`: a
  typed reading, or a measure of the person's own, whose range they may have changed since).
- A value outside the possible range (Measure.possible: a weight below zero, or of 1e300) is never kept, asked or
  not: it is no measurement, and its statistics would overflow.
- A reading's time has its UTC offset and lies from FIRST_YEAR to LAST_YEAR; a time stamp of when something was
  written (created_at, changed_at) is an ISO 8601 time with its offset too.
- A blood pressure has both its systolic and its diastolic pressure (the pulse may be missing); a reading of
  another measure has its value, unless it is a sensor's Low or High (its flag says which).

The problems are field problems (phr.core.entries.FieldError), as a typed entry's are: 'required',
'invalid_number', 'implausible', 'impossible', 'invalid_date_time'.
"""

from datetime import datetime
from typing import Protocol

from phr.core.entries import FieldError
from phr.monitoring.measures import BLOOD_PRESSURE, FIRST_YEAR, LAST_YEAR, Measure, finite

VALUE_FIELDS = ("value", "value2", "value3")   # a Reading's numbers; blood pressure: systolic, diastolic, pulse
OPTIONAL_PULSE = "value3"


class ReadingLike(Protocol):
    """What the rules look at: a Reading (phr.monitoring.readings), or a reading read from a file."""

    @property
    def taken_at(self) -> object: ...
    @property
    def value(self) -> object: ...
    @property
    def value2(self) -> object: ...
    @property
    def value3(self) -> object: ...
    @property
    def flag(self) -> str: ...


def value_fields(measure: Measure) -> tuple[str, ...]:
    """The Reading fields a measure fills: blood pressure all three, any other measure `value` only."""
    return VALUE_FIELDS if measure.kind == BLOOD_PRESSURE else VALUE_FIELDS[:1]


def value_problem(measure: Measure, value: object, component: int = 0, *, kept: bool = False) -> str:
    """'' when the value may be stored; else why not: 'invalid_number' (not a finite number), 'impossible'
    (outside the possible range) or, unless a person kept it (`kept`), 'implausible' (outside the usual range)."""
    if not finite(value):
        return "invalid_number"
    if not measure.possible(value, component):
        return "impossible"
    if not kept and not measure.plausible(value, component):
        return "implausible"
    return ""


def reading_problems(measure: Measure, reading: ReadingLike, *, kept: bool = False) -> list[FieldError]:
    """Every problem of a reading of `measure` (its time and its numbers); [] when it may be stored."""
    problems = [] if moment(reading.taken_at) is not None else [FieldError("taken_at", "invalid_date_time")]
    fields = value_fields(measure)
    for index, name in enumerate(fields):
        value = getattr(reading, name)
        if value is None:
            if name != OPTIONAL_PULSE and not (name == "value" and len(fields) == 1 and reading.flag):
                problems.append(FieldError(name, "required"))
            continue
        problem = value_problem(measure, value, index if measure.components else 0, kept=kept)
        if problem:
            problems.append(FieldError(name, problem))
    return problems


def moment(value: object) -> datetime | None:
    """A reading's time: a datetime, or ISO 8601 text, with its UTC offset, from FIRST_YEAR to LAST_YEAR; None
    when it is not one (a time without offset would be read in whatever zone the computer has)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, datetime) or value.utcoffset() is None or not FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    return value


def is_time_stamp(value: object) -> bool:
    """When something was written (created_at, changed_at): ISO 8601 text with its UTC offset ('whenever' made
    the readings tab fail on every refresh)."""
    return isinstance(value, str) and moment(value) is not None
