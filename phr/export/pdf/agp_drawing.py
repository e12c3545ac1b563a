"""The drawings of the glucose profile (AGP): the time-in-ranges bar, the modal day and the daily tiles.

Drawn as the AGP report that diabetes clinics know (Battelino et al., 2019), in vector shapes.
No meaning rests on colour alone: every part of the bar has its range and share written beside
it, and the modal day's bands are told apart by their shade and named in the legend.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from phr.core.vocabulary import GlucoseBand
from phr.export.pdf.base import BOLD, FONT, INK, MUTED, RULE
from phr.export.pdf.chart import GREEN
from phr.monitoring import statistics as stats
from phr.monitoring.agp import MINUTES_PER_DAY, DayProfile, ModalDay
from phr.monitoring.measures import GLUCOSE_HIGH, GLUCOSE_LOW

# Very low to very high, darker at the ends, as on the consensus report.
BAND_COLOURS = {stats.VERY_LOW: colors.HexColor("#8E1B00"), stats.LOW: colors.HexColor("#D55E00"),
                stats.IN_RANGE: GREEN, stats.HIGH: colors.HexColor("#E6B400"),
                stats.VERY_HIGH: colors.HexColor("#B86E00")}
OUTER_BAND, INNER_BAND = colors.HexColor("#9CC3E0"), colors.HexColor("#3C82B8")  # 5–95 %, 25–75 %
MEDIAN = colors.HexColor("#0B3C66")
PROFILE_TOP = 22.0                  # mmol/L: the modal day's and tiles' top, unless a value lies higher
HOURS = (0, 3, 6, 9, 12, 15, 18, 21, 24)


@dataclass(frozen=True)
class BarPart:
    band: GlucoseBand
    share: float                    # % of time
    text: str                       # what is written beside it: the range
    detail: str = ""                # and under that: the share and the goal


def range_bar(parts: Sequence[BarPart], width: float, height: float, bar_width: float = 9 * mm,
              size: float = 7.5) -> Drawing:
    """One stacked bar, very high on top, each part's words to its right (a thin part still gets its line)."""
    drawing = Drawing(width, height)
    total = sum(part.share for part in parts) or 100.0
    top, y = height - 1, height - 1
    slot = (height - 2) / len(parts)
    for index, part in enumerate(parts):  # parts come top (very high) to bottom (very low)
        tall = (height - 2) * part.share / total
        y -= tall
        drawing.add(Rect(0, y, bar_width, tall, fillColor=BAND_COLOURS[part.band], strokeColor=None))
        label_y = top - slot * (index + 0.5) + (size / 2 if part.detail else -size / 3)
        middle = y + tall / 2
        drawing.add(Line(bar_width + 0.5 * mm, middle, bar_width + 2.5 * mm, label_y + size / 3,
                         strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(bar_width + 3 * mm, label_y, part.text, fontName=FONT, fontSize=size, fillColor=INK))
        if part.detail:
            drawing.add(String(bar_width + 3 * mm, label_y - size * 1.25, part.detail, fontName=BOLD, fontSize=size,
                               fillColor=INK))
    drawing.add(Rect(0, 1, bar_width, height - 2, fillColor=None, strokeColor=INK, strokeWidth=0.4))
    return drawing


def flat_range_bar(parts: Sequence[BarPart], width: float, bar_height: float = 4 * mm, size: float = 7) -> Drawing:
    """The time in ranges as one flat bar, very low on the left, each part's words in a row beneath it:
    the visit brief's small version, where a low and a very low share stay separate figures."""
    drawing = Drawing(width, bar_height + size + 3)
    total = sum(part.share for part in parts) or 100.0
    x, top = 0.0, size + 3
    ordered = list(reversed(parts))  # parts come very high first; on paper low is left, as on a number line
    for part in ordered:
        wide = width * part.share / total
        drawing.add(Rect(x, top, wide, bar_height, fillColor=BAND_COLOURS[part.band], strokeColor=None))
        x += wide
    drawing.add(Rect(0, top, width, bar_height, fillColor=None, strokeColor=INK, strokeWidth=0.4))
    slot = width / len(ordered)
    for index, part in enumerate(ordered):
        drawing.add(Rect(index * slot, 1.2, 2.4 * mm, 2.4 * mm * 0.8, fillColor=BAND_COLOURS[part.band],
                         strokeColor=None))
        drawing.add(String(index * slot + 3.2 * mm, 1.5, part.text, fontName=FONT, fontSize=size, fillColor=INK))
    return drawing


def modal_day_chart(modal: ModalDay, width: float, height: float, legend: Sequence[str], unit: str,
                    number: Callable[[float, int], str]) -> Drawing:
    """The modal day: 5–95 % and 25–75 % as shaded bands, the median as a line, target 3.9–10.0 marked.

    `legend`: the words for median, 25–75 % and 5–95 %, in that order."""
    drawing = Drawing(width, height)
    left, bottom, top = 9 * mm, 5 * mm, height - 6 * mm
    right = width - 2 * mm
    ceiling = max(PROFILE_TOP, float(np.nanmax(modal.percentiles[95])) if _any(modal.percentiles[95]) else 0)

    def x(minutes: float) -> float:
        return left + (right - left) * minutes / MINUTES_PER_DAY

    def y(value: float) -> float:
        return bottom + (top - bottom) * min(max(value, 0.0), ceiling) / ceiling

    _grid(drawing, x, y, left, right, ceiling, unit, number)
    minutes = np.append(modal.minutes, MINUTES_PER_DAY)  # the day closes at 24:00 with the values of 00:00
    percentiles = {p: np.append(values, values[0]) for p, values in modal.percentiles.items()}
    for low, high, colour in ((5, 95, OUTER_BAND), (25, 75, INNER_BAND)):
        for run in _runs(percentiles[low]):
            points = [(x(minutes[i]), y(percentiles[high][i])) for i in run] + \
                     [(x(minutes[i]), y(percentiles[low][i])) for i in reversed(run)]
            drawing.add(Polygon([c for point in points for c in point], fillColor=colour, strokeColor=None))
    for run in _runs(percentiles[50]):
        drawing.add(PolyLine([c for i in run for c in (x(minutes[i]), y(percentiles[50][i]))],
                             strokeColor=MEDIAN, strokeWidth=1.4))
    _legend(drawing, left, height - 3.5 * mm, legend)
    return drawing


def day_tile(profile: DayProfile, title: str, width: float, height: float) -> Drawing:
    """One day's readings against the target range, small: the day's title on top."""
    drawing = Drawing(width, height)
    top, bottom = height - 4 * mm, 1
    ceiling = max(PROFILE_TOP, float(profile.values.max()) if len(profile.values) else 0)

    def y(value: float) -> float:
        return bottom + (top - bottom) * min(max(value, 0.0), ceiling) / ceiling

    drawing.add(Rect(0, y(GLUCOSE_LOW), width, y(GLUCOSE_HIGH) - y(GLUCOSE_LOW), fillColor=GREEN,
                     fillOpacity=0.15, strokeColor=None))
    drawing.add(Rect(0, bottom, width, top - bottom, fillColor=None, strokeColor=RULE, strokeWidth=0.4))
    drawing.add(String(1, height - 3 * mm, title, fontName=FONT, fontSize=6.2, fillColor=INK))
    order = np.argsort(profile.minutes)
    clock, values = profile.minutes[order], profile.values[order]
    breaks = np.nonzero(np.diff(clock) > 60)[0] + 1  # a gap of over an hour: no line across it
    for part_clock, part_values in zip(np.split(clock, breaks), np.split(values, breaks)):
        points = [c for minute, value in zip(part_clock, part_values)
                  for c in (width * minute / MINUTES_PER_DAY, y(value))]
        if len(points) >= 4:
            drawing.add(PolyLine(points, strokeColor=MEDIAN, strokeWidth=0.6))
    return drawing


def _grid(drawing: Drawing, x: Callable[[float], float], y: Callable[[float], float], left: float, right: float,
          ceiling: float, unit: str, number: Callable[[float, int], str]) -> None:
    drawing.add(Rect(left, y(GLUCOSE_LOW), right - left, y(GLUCOSE_HIGH) - y(GLUCOSE_LOW), fillColor=GREEN,
                     fillOpacity=0.12, strokeColor=None))
    marks = [float(v) for v in range(0, int(ceiling) + 1, 5) if min(abs(v - GLUCOSE_LOW), abs(v - GLUCOSE_HIGH)) > 1.5]
    for value in sorted({GLUCOSE_LOW, GLUCOSE_HIGH, *marks}):  # a round mark too close to a limit would overlap it
        strong = value in (GLUCOSE_LOW, GLUCOSE_HIGH)
        drawing.add(Line(left, y(value), right, y(value), strokeColor=GREEN if strong else RULE,
                         strokeWidth=0.8 if strong else 0.3))
        text = number(value, 1 if strong else 0)  # in the export language: 3,9 in Dutch
        drawing.add(String(left - 1 * mm - stringWidth(text, FONT, 6.5), y(value) - 2.2, text, fontName=FONT,
                           fontSize=6.5, fillColor=MUTED))
    drawing.add(String(1, y(ceiling) + 1.5, unit, fontName=FONT, fontSize=6.5, fillColor=MUTED))
    for hour in HOURS:
        at = x(hour * 60)
        drawing.add(Line(at, y(0), at, y(ceiling), strokeColor=RULE, strokeWidth=0.3))
        text = f"{hour:02d}:00"
        drawing.add(String(at - stringWidth(text, FONT, 6.5) / 2, y(0) - 3.5 * mm, text, fontName=FONT,
                           fontSize=6.5, fillColor=MUTED))


def _legend(drawing: Drawing, left: float, y: float, legend: Sequence[str]) -> None:
    at = left
    for (kind, colour), text in zip((("line", MEDIAN), ("box", INNER_BAND), ("box", OUTER_BAND)), legend):
        if kind == "line":
            drawing.add(Line(at, y + 1, at + 5 * mm, y + 1, strokeColor=colour, strokeWidth=1.4))
        else:
            drawing.add(Rect(at, y - 1, 5 * mm, 3.2, fillColor=colour, strokeColor=None))
        drawing.add(String(at + 6 * mm, y - 1.2, text, fontName=BOLD if kind == "line" else FONT, fontSize=6.8,
                           fillColor=INK))
        at += 6 * mm + stringWidth(text, FONT, 6.8) + 5 * mm


def _runs(values: np.ndarray) -> list[list[int]]:
    """Index runs where the value is known: a time of day without readings breaks the band."""
    runs: list[list[int]] = []
    for index, value in enumerate(values):
        if np.isnan(value):
            if runs and runs[-1]:
                runs.append([])
            continue
        if not runs:
            runs.append([])
        runs[-1].append(index)
    return [run for run in runs if len(run) >= 2]


def _any(values: np.ndarray) -> bool:
    return bool(np.any(~np.isnan(values)))
