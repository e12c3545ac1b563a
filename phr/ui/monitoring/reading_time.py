"""The time of a reading as people type it: typed in phr.ui.forms.date_input (read by phr.core.typed_dates).

A typed time is a wall-clock time where the person is. It gets the UTC offset that this clock had
at that moment (summer or winter time), so it is stored as UTC with the original offset.
"""

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

TYPED_FORMAT = "%d-%m-%Y %H:%M"


def typed_text(moment: datetime) -> str:
    return moment.strftime(TYPED_FORMAT)


def with_zone(wall_clock: datetime, zone: tzinfo | None) -> datetime:
    """A naive wall-clock time made aware: in `zone` when it is a real time zone (which knows summer
    time), else in the computer's own zone."""
    if isinstance(zone, ZoneInfo):
        return wall_clock.replace(tzinfo=zone)
    return wall_clock.astimezone()
