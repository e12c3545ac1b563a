"""When an Observation was made, as the timezone-aware moment a reading needs, and how precise its value is.

A reading is a moment, not a day. A result the file dates only by its day ('2024-05-09') is placed at 12:00
UTC of that day: shown in any timezone from UTC-11 to UTC+11 it is still that day, and a result has no
time of day to show anyway. A time without an offset (FHIR asks for one) is read as UTC. A year or a month
alone is too vague for a reading: such a result is left out with the reason. The moment keeps the file's
own offset, so the record shows the time as the lab wrote it.
"""

from datetime import date, datetime, time, timezone
from typing import Any

from phr.formats.fhir.read.resources.found import Resource, Unusable
from phr.monitoring.measures import FIRST_YEAR, LAST_YEAR

DATE_ONLY_TIME = time(12, 0, tzinfo=timezone.utc)
MAX_DECIMALS = 4
NO_DATE = "it has no date"
VAGUE_DATE = "its date is only a year or a month; a reading needs its day"


def moment_of(resource: Resource) -> datetime:
    """effectiveDateTime, the start of effectivePeriod, effectiveInstant, or, when it has none of these, the
    moment it was issued (reported: later than taken, but the only moment there is). Unusable without one."""
    value = resource.get("effectiveDateTime") or (resource.get("effectivePeriod") or {}).get("start") \
        or resource.get("effectiveInstant") or resource.get("issued")
    if not isinstance(value, str) or not value.strip():
        raise Unusable(NO_DATE)
    return parse_moment(value.strip())


def parse_moment(text: str) -> datetime:
    if len(text) < 10:
        raise Unusable(VAGUE_DATE)
    try:
        moment = datetime.combine(date.fromisoformat(text), DATE_ONLY_TIME) if len(text) == 10 \
            else datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise Unusable("its date cannot be read") from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise Unusable("its date cannot be right")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def decimals_of(value: Any) -> int:
    """How many decimals the file's number shows (at most MAX_DECIMALS): 5 -> 0, 5.25 -> 2, "13.20" -> 1."""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, int) or not isinstance(value, float):
        return 0
    else:
        text = repr(value)
    if "e" in text or "E" in text:
        return MAX_DECIMALS
    whole, _, fraction = text.partition(".")
    return min(MAX_DECIMALS, len(fraction.rstrip("0")))
