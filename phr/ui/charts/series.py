"""One series of a measure on the plot: readings one by one, or a min/max band when there are many.

One by one: a line, and a point per reading whose shape says where it lies against the target
(circle within, triangle up above, triangle down below). Many: a thin vertical bar per pixel column
from the lowest to the highest reading, so a single spike in a million readings stays visible;
the parts of a bar above or below the target get the status colour, and the bar's end outside the
target gets the status shape too (triangle up or down), as a reading would: never colour alone.
Sensor High/Low readings have no number: arrows at the edge.
"""

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg

from phr.ui.charts.source import ABOVE as FLAG_ABOVE
from phr.ui.charts.source import BELOW as FLAG_BELOW
from phr.ui.charts.source import Envelope, Limits
from phr.ui.charts.style import (
    ABOVE,
    BELOW,
    SENSOR_HIGH,
    SENSOR_LOW,
    SYMBOL_SIZES,
    SYMBOLS,
    WITHIN,
    SeriesStyle,
    band_pen,
    line_pen,
    status_colour,
    symbol_brush,
    symbol_pen,
)

# Points closer than this (pixels on average) would smear into a thick line: then only the
# readings outside the target keep their symbol.
MIN_PIXELS_PER_POINT = 5
# A pause this many times the usual spacing (and over a day and a half) is a gap in the measuring,
# e.g. weeks without a sensor: the line stops there instead of inventing values across it. A
# night between the morning and evening readings of a blood pressure series is no gap.
GAP_FACTOR, MIN_GAP = 12, 1.5 * 86400.0


@dataclass(frozen=True)
class View:
    """The visible rectangle in data units and its size in pixels."""

    x0: float
    x1: float
    y0: float
    y1: float
    width: int
    height: int

    def visible(self, times: np.ndarray) -> np.ndarray:
        return (times >= self.x0) & (times <= self.x1)


class SeriesLayer:
    def __init__(self, plot: pg.PlotItem, style: SeriesStyle, name: str) -> None:
        self.name = name
        self.line = pg.PlotDataItem(connect="finite", antialias=True)
        self.bands = {status: pg.PlotDataItem(connect="pairs") for status in (WITHIN, ABOVE, BELOW)}
        self.points = {status: pg.ScatterPlotItem(symbol=SYMBOLS[status], size=SYMBOL_SIZES[status])
                       for status in SYMBOLS}
        self.restyle(style)
        self._items = [self.line, *self.bands.values(), *self.points.values()]
        self._drawn: set[pg.GraphicsObject] = set()
        self._filled: set[pg.GraphicsObject] = set()  # the items that hold data
        for item in self._items:
            plot.addItem(item)
        # Symbols above the band and the line, the edge arrows above everything.
        for status, item in self.points.items():
            item.setZValue(20 if status in (SENSOR_HIGH, SENSOR_LOW) else 10)

    def restyle(self, style: SeriesStyle) -> None:
        """Colours for the theme now (the points keep their place)."""
        self.style = style
        self.line.setPen(line_pen(style))
        for status, band in self.bands.items():
            band.setPen(band_pen(status_colour(status, style)))
        for status, points in self.points.items():
            points.setPen(symbol_pen(status, style))
            points.setBrush(symbol_brush(status, style))

    def draw(self, envelope: Envelope, target: Limits, view: View) -> None:
        # Each item is given its data once per redraw (a pan redraws often): what this view does not use is
        # emptied afterwards, and only if it held something.
        self._drawn = set()
        times = np.asarray(envelope.times, dtype=float)
        if len(times):
            lows, highs = np.asarray(envelope.lows, dtype=float), np.asarray(envelope.highs, dtype=float)
            if envelope.exact:
                self._draw_readings(times, lows, target, view)
            else:
                self._draw_band(times, lows, highs, target, view)
            self._draw_flags(times, envelope.flags, view)
        for item in self._items:
            if item not in self._drawn and item in self._filled:
                item.setData(x=[], y=[])
        self._filled = self._drawn

    def _put(self, item: pg.GraphicsObject, x: np.ndarray, y: np.ndarray) -> None:
        item.setData(x, y)
        self._drawn.add(item)

    def shows(self, status: str) -> bool:
        """Whether this status's symbol is on screen now (the legend shows that symbol)."""
        return len(self.points[status].data) > 0

    def clear(self) -> None:
        for item in self._items:
            item.setData(x=[], y=[])
        self._filled = set()

    def remove_from(self, plot: pg.PlotItem) -> None:
        self.clear()
        for item in self._items:
            plot.removeItem(item)
        self._items = []

    def _draw_readings(self, times: np.ndarray, values: np.ndarray, target: Limits, view: View) -> None:
        self._put(self.line, *_broken_at_gaps(times, values))
        with np.errstate(invalid="ignore"):
            above, below = _outside(values, target)
        numbers = np.isfinite(values)
        within = numbers & ~above & ~below
        roomy = view.visible(times).sum() * MIN_PIXELS_PER_POINT <= view.width
        for status, mask in ((ABOVE, above), (BELOW, below), (WITHIN, within if roomy else within & False)):
            self._put(self.points[status], times[mask], values[mask])

    def _draw_band(self, times: np.ndarray, lows: np.ndarray, highs: np.ndarray, target: Limits, view: View) -> None:
        numbers = np.isfinite(lows)
        times, lowest, highest = times[numbers], lows[numbers], highs[numbers]
        lows, highs = _at_least_a_pixel(lowest, highest, (view.y1 - view.y0) / max(view.height, 1))
        low, high = target
        bottom = -np.inf if low is None else low
        top = np.inf if high is None else high
        parts = {BELOW: (lows, np.minimum(highs, bottom)),
                 WITHIN: (np.maximum(lows, bottom), np.minimum(highs, top)),
                 ABOVE: (np.maximum(lows, top), highs)}
        for status, (start, end) in parts.items():
            keep = end > start
            self._put(self.bands[status], np.repeat(times[keep], 2), np.column_stack((start[keep], end[keep])).ravel())
        # The shape as well as the colour: a column that leaves the target gets the status symbol at its end.
        for status, outside, ends in ((ABOVE, highest > top, highest), (BELOW, lowest < bottom, lowest)):
            self._put(self.points[status], times[outside], ends[outside])

    def _draw_flags(self, times: np.ndarray, flags: list[str], view: View) -> None:
        if not any(flags):
            return
        # Half a symbol and a little air from the edge, in data units.
        margin = (SYMBOL_SIZES[SENSOR_HIGH] / 2 + 3) * (view.y1 - view.y0) / max(view.height, 1)
        high = np.array([FLAG_ABOVE in f for f in flags])
        low = np.array([FLAG_BELOW in f for f in flags])
        self._put(self.points[SENSOR_HIGH], times[high], np.full(high.sum(), view.y1 - margin))
        self._put(self.points[SENSOR_LOW], times[low], np.full(low.sum(), view.y0 + margin))


def _broken_at_gaps(times: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The line's points with a NaN (no line) in every gap in the measuring."""
    if len(times) < 3:
        return times, values
    steps = np.diff(times)
    gaps = np.flatnonzero(steps > max(GAP_FACTOR * float(np.median(steps)), MIN_GAP)) + 1
    if not len(gaps):
        return times, values
    return np.insert(times, gaps, (times[gaps - 1] + times[gaps]) / 2), np.insert(values, gaps, np.nan)


def _outside(values: np.ndarray, target: Limits) -> tuple[np.ndarray, np.ndarray]:
    low, high = target
    above = values > high if high is not None else np.zeros(len(values), dtype=bool)
    below = values < low if low is not None else np.zeros(len(values), dtype=bool)
    return above, below


def _at_least_a_pixel(lows: np.ndarray, highs: np.ndarray, per_pixel: float) -> tuple[np.ndarray, np.ndarray]:
    """A column with one reading (low == high) would draw a bar of no height: stretch it to one pixel."""
    short = (highs - lows) < per_pixel
    middle = (lows + highs) / 2
    return (np.where(short, middle - per_pixel / 2, lows), np.where(short, middle + per_pixel / 2, highs))
