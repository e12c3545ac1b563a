"""Dates that may be partial: a year ('2019'), a month ('2019-05') or a day ('2019-05-14').

Patients often know only the year of a diagnosis. Stored as ISO text, which sorts
correctly; typed in ISO or the Dutch day-month-year order.
"""

import re
from datetime import date

MIN_YEAR, MAX_YEAR = 1900, 2100
_SEPARATORS = re.compile(r"[-/. ]+")


def normalise(text: str) -> str:
    """ISO form of a typed date ('14-5-2019' -> '2019-05-14'); '' stays ''. ValueError if not a date."""
    text = (text or "").strip()
    if not text:
        return ""
    parts = [p for p in _SEPARATORS.split(text) if p]
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        raise ValueError("not a date")
    if len(parts[0]) != 4:  # day-month-year or month-year: turn around
        parts = list(reversed(parts))
    month, day = (int(parts[i]) if i < len(parts) else None for i in (1, 2))
    return _checked(int(parts[0]), month, day)


def _checked(year: int, month: int | None, day: int | None) -> str:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError("year out of range")
    if month is None:
        return f"{year:04d}"
    if day is None:
        if not 1 <= month <= 12:
            raise ValueError("no such month")
        return f"{year:04d}-{month:02d}"
    return date(year, month, day).isoformat()  # ValueError for 31 February


def normalise_or_none(text: str) -> str | None:
    try:
        return normalise(text)
    except ValueError:
        return None


def is_valid(text: str) -> bool:
    try:
        normalise(text)
    except ValueError:
        return False
    return True


def precision(iso: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(iso), "none")


def earliest(iso: str) -> date | None:
    """The first day a partial date can mean (for ordering and 'past or future' questions)."""
    if not iso:
        return None
    year, month, day = (iso.split("-") + ["1", "1"])[:3]
    return date(int(year), int(month), int(day))


def latest(iso: str) -> date | None:
    """The last day a partial date can mean ('2019' -> 2019-12-31)."""
    if not iso:
        return None
    parts = iso.split("-")
    if len(parts) == 3:
        return date.fromisoformat(iso)
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(int(parts[0]), 12, 31)
