"""The chart of one lab measure: its results over time, with the lab's normal range as a band.

Built from the measure chart's parts (time axis, band, symbols, legend: phr.ui.charts) but not the measure
chart itself: that one speaks of the target agreed with the care team, and a lab's normal range is no
target. Each result's symbol says where it lies against its own range (LabResult.position): a triangle up
above, down below, a dot within; the legend and the table beside the chart say it in words.
"""

from datetime import timedelta

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from phr.core.vocabulary import ResultPosition
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.monitoring.measures import Measure
from phr.ui.charts.axis import LocalDateAxis, chart_locale
from phr.ui.charts.decorations import Target, TargetBands
from phr.ui.charts.legend import ChartLegend
from phr.ui.charts.style import (
    SYMBOL_SIZES,
    SYMBOLS,
    SeriesStyle,
    band_icon,
    chart_look,
    limit_pen,
    line_icon,
    line_pen,
    style_plot,
    symbol_brush,
    symbol_icon,
    symbol_pen,
    unit_label,
)
from phr.ui.history.results_words import SYMBOL_OF, position_text, range_text
from phr.ui.text.formatting import escape, fill

translate = QCoreApplication.translate
# A result without a range gets a square: a dot would say "within", which nobody knows.
NO_RANGE, NO_RANGE_SHAPE, NO_RANGE_SIZE = "no_range", "s", 7
LONE_MARGIN = timedelta(days=30).total_seconds()  # one result: a month either side, so it is no dot on an edge


def no_range_icon(style: SeriesStyle, size: int = 20) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(QTransform.fromTranslate(size / 2, size / 2))  # symbols are drawn around (0, 0)
    drawSymbol(painter, NO_RANGE_SHAPE, NO_RANGE_SIZE, symbol_pen("within", style), symbol_brush("within", style))
    painter.end()
    return pixmap


def latest_range(results: list[LabResult]) -> ReferenceRange | None:
    """The newest result's range with a number in it (results come newest first)."""
    return next((r.reference for r in results
                 if r.reference is not None and (r.reference.low is not None or r.reference.high is not None)), None)


def ranges_differ(results: list[LabResult]) -> bool:
    found = {(r.reference.low, r.reference.high) for r in results if r.reference is not None
             and (r.reference.low is not None or r.reference.high is not None)}
    return len(found) > 1


class ResultsChart(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.look = chart_look(self.palette())
        self._shown: tuple[Measure, str, list[LabResult]] | None = None  # drawn again when the theme changes
        self.plot = pg.PlotWidget(axisItems={"bottom": LocalDateAxis(chart_locale(language))})
        style_plot(self.plot, self.look)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with keys: the table says it all
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)  # pyqtgraph's menu is in English only
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.getViewBox().setMouseEnabled(x=False, y=False)
        self.band = TargetBands(item, self.look)
        self.legend = ChartLegend(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)

    def show_results(self, measure: Measure, name: str, results: list[LabResult]) -> None:
        """Draw `results` (newest first, as the service gives them)."""
        self.clear()
        self._shown = measure, name, results
        item = self.plot.getPlotItem()
        unit_label(self.plot, measure.unit_text, self.look)
        ordered = list(reversed(results))
        times = [r.taken_at.timestamp() for r in ordered]
        values = [r.value for r in ordered]
        item.addItem(pg.PlotDataItem(times, values, pen=line_pen(self._style())))
        for symbol in ("within", "above", "below", NO_RANGE):
            chosen = [r for r in ordered if SYMBOL_OF.get(r.position, NO_RANGE) == symbol]
            if chosen:
                item.addItem(self._points(chosen, symbol))
        reference = latest_range(results)
        self._show_band(reference, measure.decimals)
        self._fit(times, values, reference)
        self._describe(name, results, reference, measure.decimals)

    def _points(self, results: list[LabResult], symbol: str) -> pg.ScatterPlotItem:
        shape, size = (NO_RANGE_SHAPE, NO_RANGE_SIZE) if symbol == NO_RANGE else (SYMBOLS[symbol],
                                                                                   SYMBOL_SIZES[symbol] + 2)
        colour = "within" if symbol == NO_RANGE else symbol  # no range: the series' own colour, as within
        return pg.ScatterPlotItem([r.taken_at.timestamp() for r in results], [r.value for r in results], symbol=shape,
                                  size=size, pen=symbol_pen(colour, self._style()),
                                  brush=symbol_brush(colour, self._style()))

    def _show_band(self, reference: ReferenceRange | None, decimals: int) -> None:
        if reference is None:
            return
        words = range_text(reference, decimals)
        label = fill(translate("Results", "Normal range: %1"), words)
        band, pen = self.look.single_band, limit_pen(self._style())
        self.band.show([Target(reference.low, reference.high, band, pen, label, words)])
        two_sided = reference.low is not None and reference.high is not None
        self.legend.add("range", band_icon(band) if two_sided else line_icon(pen), label)

    def _fit(self, times: list[float], values: list[float], reference: ReferenceRange | None) -> None:
        first, last = min(times), max(times)
        margin = LONE_MARGIN if last - first < 1 else (last - first) * 0.05
        limits = [v for v in (reference.low, reference.high) if v is not None] if reference else []
        low, high = min(values + limits), max(values + limits)
        pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
        view = self.plot.getPlotItem().getViewBox()
        view.setXRange(first - margin, last + margin, padding=0)
        view.setYRange(low - pad, high + pad, padding=0)

    def _describe(self, name: str, results: list[LabResult], reference: ReferenceRange | None,
                  decimals: int) -> None:
        shown = {SYMBOL_OF.get(r.position, NO_RANGE) for r in results}
        for status, position in (("within", "within"), ("above", "above"), ("below", "below")):
            if status in shown:
                self.legend.add(status, symbol_icon(status, self._style()), position_text(position))
        if NO_RANGE in shown:
            self.legend.add(NO_RANGE, no_range_icon(self._style()), position_text(ResultPosition.NOT_KNOWN))
        self.legend.add("line", line_icon(line_pen(self._style())), name)
        self.legend.show_only(list(self.legend.entries))
        text = fill(translate("Results", "Results of %1: %2."), name, len(results))
        if reference is None:
            text += " " + translate("Results", "The lab gave no normal range.")
        elif ranges_differ(results):
            text += " " + translate("Results", "The lab's normal range changed over time: the band shows the "
                                               "latest. The table gives the range of each result.")
        self.summary.setText(escape(text))
        self.plot.setAccessibleName(fill(translate("Results", "Chart of %1"), name))
        self.plot.setAccessibleDescription(text)

    def _style(self) -> SeriesStyle:
        return self.look.series[0]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "band"):  # not while being built
            self.look = chart_look(self.palette())
            style_plot(self.plot, self.look)
            self.band.look = self.look
            if self._shown is not None:
                self.show_results(*self._shown)

    def clear(self) -> None:
        """Forget what was shown (another measure, or the record is locking)."""
        self._shown = None
        self.band.clear()
        self.plot.getPlotItem().clear()
        self.legend.clear()
        self.summary.clear()
        self.plot.setAccessibleName("")
        self.plot.setAccessibleDescription("")
