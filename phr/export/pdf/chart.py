"""A measure over a period as a vector chart for the PDF: target band, readings, out-of-target marks.

The look follows the app's charts (Okabe–Ito colours, readable with the common colour-vision
deficiencies) and, as there, no meaning rests on colour alone: a reading above the target is an
upward triangle, one below it a downward triangle, a second series is dashed.

Many readings (a year of sensor glucose is 35,000; an import can hold 100,000 and more) are
drawn per x column: the lowest and highest reading of each column as one vertical stroke. So the
drawing holds a few hundred shapes whatever the number of readings, and no peak goes missing.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from phr.export.pdf.base import CONTENT_WIDTH, FONT, INK, MUTED, RULE, register_fonts
from phr.export.pdf.chart_series import DAY, ChartSeries, local_seconds
from phr.words.catalogue import Words

BLUE, GREEN = colors.HexColor("#0072B2"), colors.HexColor("#009E73")
ORANGE, VERMILLION = colors.HexColor("#E69F00"), colors.HexColor("#D55E00")
SERIES_COLOURS = (BLUE, GREEN)
SERIES_DASHES = (None, (3, 2))
BAND_OPACITY = 0.16
COLUMN_WIDTH = 0.5 * mm          # one stroke per half millimetre: finer than the eye sees on paper
SPARSE_PER_COLUMN = 0.5          # up to one reading per two columns: draw each reading itself
MARKER = 1.5 * mm
MIN_SPAN_SHARE = 0.08            # the y axis spans at least this share of the values' level
PLOT_LEFT, PLOT_RIGHT, PLOT_BOTTOM, LEGEND_HEIGHT = 11 * mm, 3 * mm, 6 * mm, 6 * mm
SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


@dataclass(frozen=True)
class ChartWords:
    """The chart's legend texts, already in the export language."""
    target: str
    above: str
    below: str
    language: str


@dataclass(frozen=True)
class Column:
    index: int
    low: float
    high: float
    count: int


def envelope(times: Sequence[float], values: Sequence[float], first: float, last: float,
             columns: int) -> list[Column]:
    """Per x column the lowest and highest value and how many readings fell in it; empty columns left out."""
    scale = columns / max(last - first, 1.0)
    lows: dict[int, float] = {}
    highs: dict[int, float] = {}
    counts: dict[int, int] = {}
    for at, value in zip(times, values):
        index = min(columns - 1, max(0, int((at - first) * scale)))
        if index in counts:
            counts[index] += 1
            if value < lows[index]:
                lows[index] = value
            elif value > highs[index]:
                highs[index] = value
        else:
            counts[index], lows[index], highs[index] = 1, value, value
    return [Column(index, lows[index], highs[index], counts[index]) for index in sorted(counts)]


def nice_step(span: float, wanted: int = 5, finest: float = 0.0) -> float:
    """A round tick distance (1, 2, 2.5 or 5 times a power of ten) giving about `wanted` ticks, and
    not finer than `finest` (a measure kept in whole numbers gets no ticks at 0.5).

    Built from decimals, so 0.25 is 0.25 and not 0.25000000000000006: a label shows its tick exactly."""
    raw = max(span / wanted, finest, 1e-9)
    exponent = math.floor(math.log10(raw))
    steps = (float(Decimal(mantissa).scaleb(exponent)) for mantissa in ("1", "2", "2.5", "5", "10"))
    return next(step for step in steps if step >= raw * (1 - 1e-12))


def step_decimals(step: float) -> int:
    """How many decimals show every multiple of `step` exactly: 2.5 needs one, 0.25 two, 5 none."""
    exponent = Decimal(repr(step)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def axis_ticks(low: float, high: float, step: float) -> list[float]:
    """The multiples of `step` from `low` to `high`, each computed from its index (no running sum,
    which drifts: 0.1 added seven times is 0.7000000000000001)."""
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    decimals = step_decimals(step)
    return [round(index * step, decimals) for index in range(first, last + 1)]


def value_range(series: Sequence[ChartSeries], floor: float | None = None, ceiling: float | None = None,
                finest: float = 0.0) -> tuple[float, float, float]:
    """The y range: all values and target limits (or the fixed floor and ceiling of a score), on round ticks
    no finer than `finest`."""
    numbers = [v for s in series for v in s.values] + [limit for s in series for limit in
                                                       (s.target_low, s.target_high) if limit is not None]
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 1.0)
    never_negative = low >= 0
    room = max(abs(low + high) / 2 * MIN_SPAN_SHARE, 1.0) - (high - low)
    if room > 0:  # a weight of 71.0 to 71.5 kg is steady: do not let it fill the chart as a steep climb
        low, high = low - room / 2, high + room / 2
    margin = (high - low) * 0.04  # a little headroom, so a reading on a target limit still shows its mark
    if floor is None and never_negative and low - margin < 0:
        floor = 0.0  # values of zero and up get no negative axis from the room added around them
    low, high = (low - margin if floor is None else floor), (high + margin if ceiling is None else ceiling)
    step = nice_step(high - low, finest=finest)
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step


class _Plot:
    """Turns times and values into points inside the plot area of a drawing."""

    def __init__(self, width: float, height: float, first: float, last: float, low: float, high: float):
        self.x0, self.x1 = PLOT_LEFT, width - PLOT_RIGHT
        self.y0, self.y1 = PLOT_BOTTOM, height - LEGEND_HEIGHT
        self.first, self.last, self.low, self.high = first, last, low, high

    def x(self, at: float) -> float:
        return self.x0 + (at - self.first) / max(self.last - self.first, 1.0) * (self.x1 - self.x0)

    def y(self, value: float) -> float:
        share = (value - self.low) / max(self.high - self.low, 1e-9)
        return self.y0 + min(1.0, max(0.0, share)) * (self.y1 - self.y0)


def measure_chart(series: Sequence[ChartSeries], start: date, end: date, words: ChartWords, decimals: int = 1,
                  width: float = CONTENT_WIDTH, height: float = 52 * mm, floor: float | None = None,
                  ceiling: float | None = None) -> Drawing:
    """The chart of one measure from the start of `start` to the end of `end` (both local days); `decimals`
    is the measure's precision, below which the value axis draws no ticks."""
    register_fonts()  # the labels are measured in the embedded font
    drawing = Drawing(width, height)
    first, last = local_seconds(start), local_seconds(end + timedelta(days=1))
    low, high, step = value_range(series, floor, ceiling, finest=10.0 ** -decimals)
    plot = _Plot(width, height, first, last, low, high)
    for index, one in enumerate(series):
        _band(drawing, plot, one, index if len(series) > 1 else -1)
    _value_axis(drawing, plot, step, words.language)
    _time_axis(drawing, plot, start, end, words.language)
    columns = max(1, int((plot.x1 - plot.x0) / COLUMN_WIDTH))
    marked = False
    for index, one in enumerate(series):
        marked |= _draw_series(drawing, plot, one, index, columns)
    _legend(drawing, plot, series, words, marked)
    return drawing


def _band(drawing: Drawing, plot: _Plot, one: ChartSeries, index: int) -> None:
    if one.target_low is None and one.target_high is None:
        return
    colour = GREEN if index < 0 else SERIES_COLOURS[index % 2]
    bottom = plot.y(one.target_low) if one.target_low is not None else plot.y0
    top = plot.y(one.target_high) if one.target_high is not None else plot.y1
    drawing.add(Rect(plot.x0, bottom, plot.x1 - plot.x0, top - bottom, fillColor=colour, fillOpacity=BAND_OPACITY,
                     strokeColor=None))
    for limit in (one.target_low, one.target_high):
        if limit is not None and plot.low < limit < plot.high:
            drawing.add(Line(plot.x0, plot.y(limit), plot.x1, plot.y(limit), strokeColor=colour,
                             strokeWidth=0.5, strokeDashArray=(1.5, 1.5)))


def _value_axis(drawing: Drawing, plot: _Plot, step: float, language: str) -> None:
    drawing.add(Rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0, fillColor=None, strokeColor=RULE,
                     strokeWidth=0.5))
    number, decimals = Words(language).number, step_decimals(step)
    for tick in axis_ticks(plot.low, plot.high, step):
        y = plot.y(tick)
        drawing.add(Line(plot.x0, y, plot.x1, y, strokeColor=RULE, strokeWidth=0.25))
        drawing.add(String(plot.x0 - 1.5 * mm, y - 2.2, number(tick, decimals), fontName=FONT, fontSize=6.5,
                           fillColor=MUTED, textAnchor="end"))


def _day_ticks(start: date, end: date) -> list[tuple[date, bool]]:
    """Tick days across the period with a label each: (day, label shows the month only)."""
    days = (end - start).days + 1
    if days > 200:
        # every month, quarter or year; over 12 years every few years, so the labels do not run into each other
        months = 1 if days <= 400 else 3 if days <= 1200 else 12 * math.ceil(days / 365.25 / 12)
        first = date(start.year, start.month, 1)
        ticks: list[tuple[date, bool]] = []
        month_index = first.year * 12 + first.month - 1
        while True:
            month_index += 1
            day = date(month_index // 12, month_index % 12 + 1, 1)
            if day > end:
                return ticks
            if month_index % months == 0:  # a month index counts from year 0: a step of years lands on Januaries
                ticks.append((day, True))
    every = next(n for n in (1, 2, 7, 14, 28) if days / n <= 12)
    if every >= 7:  # weekly ticks on Mondays, as a calendar
        first = start + timedelta(days=(7 - start.weekday()) % 7)
    else:
        first = start
    return [(first + timedelta(days=n), False) for n in range(0, (end - first).days + 1, every)]


def _time_axis(drawing: Drawing, plot: _Plot, start: date, end: date, language: str) -> None:
    months = SHORT_MONTHS[language]
    for day, month_only in _day_ticks(start, end):
        x = plot.x(local_seconds(day))
        drawing.add(Line(x, plot.y0, x, plot.y0 - 1 * mm, strokeColor=MUTED, strokeWidth=0.4))
        drawing.add(Line(x, plot.y0, x, plot.y1, strokeColor=RULE, strokeWidth=0.2))
        label = f"{months[day.month - 1]} {day.year}" if month_only else f"{day.day} {months[day.month - 1]}"
        drawing.add(String(x, plot.y0 - 4 * mm, label, fontName=FONT, fontSize=6.5, fillColor=MUTED,
                           textAnchor="middle"))


def _draw_series(drawing: Drawing, plot: _Plot, one: ChartSeries, index: int, columns: int) -> bool:
    """Draws one series; True when any reading was marked as outside its target."""
    colour, dash = SERIES_COLOURS[index % 2], SERIES_DASHES[index % 2]
    inside = [(t, v) for t, v in zip(one.times, one.values) if plot.first <= t < plot.last]
    if len(inside) <= columns * SPARSE_PER_COLUMN:
        marks = _draw_points(drawing, plot, one, inside, colour, dash)
    else:
        marks = _draw_envelope(drawing, plot, one, inside, columns, colour)
    for at in one.flagged_low:  # a sensor 'Low' has no number: at the bottom edge, below any target
        if plot.first <= at < plot.last:
            drawing.add(_triangle(plot.x(at), plot.y0 + MARKER / 2, up=False))
            marks = True
    for at in one.flagged_high:  # and a sensor 'High' at the top edge, above any target
        if plot.first <= at < plot.last:
            drawing.add(_triangle(plot.x(at), plot.y1 - MARKER / 2, up=True))
            marks = True
    return marks


def _draw_points(drawing: Drawing, plot: _Plot, one: ChartSeries, points: list[tuple[float, float]], colour: Any,
                 dash: tuple[float, ...] | None) -> bool:
    gaps = sorted(b[0] - a[0] for a, b in zip(points, points[1:]))
    break_after = max(1.5 * DAY, 3 * gaps[len(gaps) // 2]) if gaps else DAY
    run: list[float] = []
    for number, (at, value) in enumerate(points):
        if number and at - points[number - 1][0] > break_after:
            _line(drawing, run, colour, dash)
            run = []
        run += [plot.x(at), plot.y(value)]
    _line(drawing, run, colour, dash)
    marks = False
    for at, value in points:
        status = _status(one, value)
        if status:
            drawing.add(_triangle(plot.x(at), plot.y(value), up=status > 0))
            marks = True
        else:
            drawing.add(Circle(plot.x(at), plot.y(value), 0.45 * mm, fillColor=colour, strokeColor=None))
    return marks


def _draw_envelope(drawing: Drawing, plot: _Plot, one: ChartSeries, points: list[tuple[float, float]], columns: int,
                   colour: Any) -> bool:
    marks = False
    times, values = [p[0] for p in points], [p[1] for p in points]
    for column in envelope(times, values, plot.first, plot.last, columns):
        x = plot.x0 + (column.index + 0.5) * (plot.x1 - plot.x0) / columns
        bottom, top = plot.y(column.low), plot.y(column.high)
        drawing.add(Line(x, bottom, x, max(top, bottom + 0.4), strokeColor=colour, strokeWidth=COLUMN_WIDTH * 0.8))
        if _status(one, column.high) > 0:
            drawing.add(_triangle(x, top, up=True))
            marks = True
        if _status(one, column.low) < 0:
            drawing.add(_triangle(x, bottom, up=False))
            marks = True
    return marks


def _status(one: ChartSeries, value: float) -> int:
    """+1 above the target, -1 below it, 0 within (or no target)."""
    if one.target_high is not None and value > one.target_high:
        return 1
    if one.target_low is not None and value < one.target_low:
        return -1
    return 0


def _line(drawing: Drawing, points: list[float], colour: Any, dash: tuple[float, ...] | None) -> None:
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=colour, strokeWidth=0.7, strokeDashArray=dash))


def _triangle(x: float, y: float, up: bool) -> Polygon:
    half, rise = MARKER / 2, MARKER * 0.87
    tip, base = (y + rise / 2, y - rise / 2) if up else (y - rise / 2, y + rise / 2)
    return Polygon([x - half, base, x + half, base, x, tip], fillColor=ORANGE if up else VERMILLION,
                   strokeColor=INK, strokeWidth=0.3)


def _legend(drawing: Drawing, plot: _Plot, series: Sequence[ChartSeries], words: ChartWords, marked: bool) -> None:
    x, y = plot.x0, plot.y1 + 2 * mm
    size = 6.8

    def text(label: str) -> None:
        nonlocal x
        drawing.add(String(x, y - 2.2, label, fontName=FONT, fontSize=size, fillColor=INK))
        x += _width(label, size) + 4 * mm

    if len(series) > 1:
        for index, one in enumerate(series):
            drawing.add(Line(x, y, x + 6 * mm, y, strokeColor=SERIES_COLOURS[index % 2], strokeWidth=1,
                             strokeDashArray=SERIES_DASHES[index % 2]))
            x += 7 * mm
            text(one.label)
    if any(s.target_low is not None or s.target_high is not None for s in series):
        colours = [GREEN] if len(series) == 1 else list(SERIES_COLOURS)  # one swatch part per series' band
        for part, colour in enumerate(colours):
            drawing.add(Rect(x, y + 1.5 * mm - (part + 1) * 3 * mm / len(colours), 5 * mm, 3 * mm / len(colours),
                             fillColor=colour, fillOpacity=BAND_OPACITY * 2, strokeColor=None))
        x += 6 * mm
        text(words.target)
    if marked:
        for up, label in ((True, words.above), (False, words.below)):
            drawing.add(_triangle(x + MARKER / 2, y, up))
            x += MARKER + 1.5 * mm
            text(label)


def _width(text: str, size: float) -> float:
    return stringWidth(text, FONT, size)
