"""The time of a reading as people type it: '22-11-2026 08:00', '22-11 8:00', or only '8:00' (today).

A typed time is a wall-clock time where the person is. It gets the UTC offset that this clock had
at that moment (summer or winter time), so it is stored as UTC with the original offset.
"""

import re
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

TYPED_FORMAT = "%d-%m-%Y %H:%M"
_PATTERN = re.compile(r"^\s*(?:(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}))?\s+)?(\d{1,2})[:.](\d{2})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})\s*$")


def typed_text(moment: datetime) -> str:
    return moment.strftime(TYPED_FORMAT)


def with_zone(wall_clock: datetime, zone: tzinfo | None) -> datetime:
    """A naive wall-clock time made aware: in `zone` when it is a real time zone (which knows summer
    time), else in the computer's own zone."""
    if isinstance(zone, ZoneInfo):
        return wall_clock.replace(tzinfo=zone)
    return wall_clock.astimezone()


def parse_typed_time(text: str, now: datetime) -> datetime | None:
    """The moment meant by `text`, or None when it is not a date and time. A missing date means the
    day of `now`, a missing year the year of `now`."""
    iso = _ISO.match(text or "")
    if iso:
        year, month, day, hour, minute = (int(part) for part in iso.groups())
    else:
        match = _PATTERN.match(text or "")
        if not match:
            return None
        day_text, month_text, year_text, hour_text, minute_text = match.groups()
        local = now.astimezone(now.tzinfo)
        day = int(day_text) if day_text else local.day
        month = int(month_text) if month_text else local.month
        year = int(year_text) if year_text else local.year
        hour, minute = int(hour_text), int(minute_text)
    try:
        return with_zone(datetime(year, month, day, hour, minute), now.tzinfo)
    except ValueError:
        return None
