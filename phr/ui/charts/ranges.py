"""Which stretch of time and which values a chart shows: presets, limits, zoom and pan, the y range."""

import calendar
import math
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

import numpy as np

from phr.monitoring.measures import SCORE, Measure


class Preset(StrEnum):
    """The stretches of time a chart offers with one button."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ALL = "all"


PRESETS = tuple(Preset)
HOUR, DAY = 3600.0, 86400.0
MONTHS_BACK = {Preset.MONTH: 1, Preset.QUARTER: 3, Preset.YEAR: 12}
Window = tuple[float, float]  # from, to: seconds since the epoch
SMALLEST_SPAN = HOUR       # zooming in stops at one hour across
ZOOM_STEP, PAN_STEP = 2.0, 0.25
FEW_READINGS = 10          # fewer in a preset's window: a longer preset is chosen at first


def months_back(moment: float, months: int) -> float:
    """The same local wall-clock time `months` calendar months earlier (31 March -> 28/29 February)."""
    local = datetime.fromtimestamp(moment).astimezone()
    month_index = local.year * 12 + local.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day).timestamp()


def preset_window(key: Preset, now: float, span: Window | None) -> Window:
    """Presets end at `now`; 'all' runs from the first to the last reading, with a small margin."""
    if key == Preset.ALL:
        if span is None:
            return months_back(now, 1), now
        first, last = span
        margin = max((last - first) * 0.01, HOUR)
        return first - margin, last + margin
    if key == Preset.WEEK:
        return now - 7 * DAY, now
    return months_back(now, MONTHS_BACK[key]), now


def default_preset(span: Window | None, now: float, count: Callable[[Window], int] | None = None) -> Preset:
    """The shortest of month, 3 months and year that shows at least FEW_READINGS readings.

    Everything when there is less than a month of readings, none in the last month, or too few
    in a year: a monthly weight then shows as a trend, not as two dots. `count(window)` says how
    many readings a window holds.
    """
    if span is None:
        return Preset.MONTH
    first, last = span
    month_start = months_back(now, 1)
    if last - first < now - month_start or last < month_start:
        return Preset.ALL
    for key in (Preset.MONTH, Preset.QUARTER, Preset.YEAR):
        if count is None or count(preset_window(key, now, span)) >= FEW_READINGS:
            return key
    return Preset.ALL


def limits(span: Window | None, now: float) -> Window:
    """How far one can pan: every preset window, and all readings."""
    windows = [preset_window(key, now, span) for key in PRESETS]
    return min(w[0] for w in windows), max(w[1] for w in windows)


def zoomed(x0: float, x1: float, factor: float) -> tuple[float, float]:
    """Around the middle; factor > 1 shows more time."""
    middle, half = (x0 + x1) / 2, max((x1 - x0) * factor, SMALLEST_SPAN) / 2
    return middle - half, middle + half


def panned(x0: float, x1: float, fraction: float) -> tuple[float, float]:
    shift = (x1 - x0) * fraction
    return x0 + shift, x1 + shift


def y_range(values: list[np.ndarray], limits_: list[float], measure: Measure) -> tuple[float, float]:
    """Follows the visible readings and keeps the target limits in view; scores always show 0–10."""
    if measure.kind == SCORE:
        return -0.5, 10.5
    finite = [v[np.isfinite(v)] for v in values]
    numbers = np.concatenate([*finite, np.asarray(limits_, dtype=float)]) if finite or limits_ else np.array([])
    if not len(numbers):
        return float(measure.low_bound), float(measure.high_bound or measure.low_bound + 1)
    low, high = float(numbers.min()), float(numbers.max())
    smallest = 10.0 * 10.0 ** -measure.decimals
    if high - low < smallest:
        low, high = (low + high - smallest) / 2, (low + high + smallest) / 2
    # Room at both edges for the Sensor High/Low arrows, so they never sit on a reading.
    margin = (high - low) * 0.12
    return snapped(low - margin, high + margin)


def snapped(low: float, high: float) -> tuple[float, float]:
    """Widened to whole steps of 1, 2 or 5 × a power of ten, about six across: the axis ends on round numbers,
    and a pan that brings no new highest or lowest reading keeps the range (and the axis need not be drawn
    again: on a lifetime of glucose, half the time of a pan went to drawing a values axis that had moved)."""
    wanted = (high - low) / 6
    if not math.isfinite(wanted) or wanted <= 0:
        return low, high
    power = 10.0 ** math.floor(math.log10(wanted))
    step = next(power * m for m in (1, 2, 5, 10) if power * m >= wanted * (1 - 1e-9))
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
