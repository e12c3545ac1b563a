"""The chart's grid: faint lines at the axes' ticks, drawn as two line items among the readings.

pyqtgraph draws a grid as the axes' own ticks run across the plot, inside each axis's picture; replaying those
pictures took a third of every pan's paint on a lifetime of glucose (a plain plot of the same arrays with
pyqtgraph's grid pans at 13.5 ms, without it at 5.8 ms). Here the lines are data like the readings: their
positions come from the axes (tickValues: the same ticks, so each line meets a number) at each redraw, and a
pan only moves them. The lines run half a view beyond each side, as far as the readings are drawn.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from phr.ui.charts.series import View

# Ink of the major and the minor lines (0-255), as pyqtgraph's showGrid(alpha=0.15) gives its first two levels.
LEVEL_ALPHAS = (38, 19)


class GridLines:
    def __init__(self, plot: pg.PlotItem, ink: QColor) -> None:
        self._plot = plot
        self.lines = [pg.PlotCurveItem(connect="pairs", antialias=False) for _ in LEVEL_ALPHAS]
        for line in self.lines:
            line.setZValue(-5)  # above the target band, below the event lines and the readings
            plot.addItem(line, ignoreBounds=True)
        self.restyle(ink)

    def restyle(self, ink: QColor) -> None:
        for line, alpha in zip(self.lines, LEVEL_ALPHAS):
            colour = QColor(ink)
            colour.setAlpha(alpha)
            line.setPen(pg.mkPen(colour, width=1))

    def show(self, view: View) -> None:
        bottom, left = self._plot.getAxis("bottom"), self._plot.getAxis("left")
        reach = (view.x1 - view.x0) / 2  # as far as the readings are drawn: a drag shows lines at once
        times = _levels(bottom, view.x0 - reach, view.x1 + reach, 2 * (bottom.geometry().width() or view.width))
        values = _levels(left, view.y0, view.y1, left.geometry().height() or view.height)
        for level, line in enumerate(self.lines):
            at_times = times[level] if level < len(times) else np.empty(0)
            at_values = values[level] if level < len(values) else np.empty(0)
            x = np.concatenate([np.repeat(at_times, 2), np.tile([view.x0 - reach, view.x1 + reach], len(at_values))])
            y = np.concatenate([np.tile([view.y0, view.y1], len(at_times)), np.repeat(at_values, 2)])
            line.setData(x, y, connect="pairs")


def _levels(axis: pg.AxisItem, low: float, high: float, pixels: float) -> list[np.ndarray]:
    """The positions of the axis's first two tick levels in [low, high] (pyqtgraph leaves out of a level the ticks
    of the one before; a date axis's may lie a little outside the range)."""
    if not high > low or pixels <= 0:
        return []
    levels = [np.asarray(ticks, dtype=float) for _spacing, ticks in axis.tickValues(low, high, pixels)]
    return [at[(at >= low) & (at <= high)] for at in levels[:len(LEVEL_ALPHAS)]]
