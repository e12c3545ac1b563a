"""What a measure's chart shows, as plain values: the lines with their target band (no reportlab here).

Times are LOCAL seconds (UTC epoch plus the reading's offset), so a reading sits on the
calendar day it was taken.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

DAY = 86_400


@dataclass(frozen=True)
class ChartSeries:
    """One line of the chart; `flagged_low` and `flagged_high` hold the times of sensor 'Low's and
    'High's (no number: drawn at the bottom and the top edge)."""
    label: str
    times: Sequence[float]
    values: Sequence[float]
    target_low: float | None = None
    target_high: float | None = None
    flagged_low: Sequence[float] = ()
    flagged_high: Sequence[float] = ()


def local_seconds(day: date) -> float:
    """The start of a calendar day on the same 'local seconds' scale as ChartSeries.times."""
    return float((day - date(1970, 1, 1)).days * DAY)
