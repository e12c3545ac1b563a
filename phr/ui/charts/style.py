"""How a measure chart looks: colours, shapes and line styles, and small icons for the legend.

Colours come from the Okabe–Ito palette (readable with the common colour-vision deficiencies), and
no meaning rests on colour alone: status is also a shape, series and events also a line style.
The chart is drawn on the theme's base colour with its text colour as ink (`chart_look`): each colour
becomes the nearest shade of itself with 3:1 against that background (phr.ui.widgets.theme), text in a
series' colour 4.5:1 (phr.ui.charts.decorations), so the same chart reads on a light and a dark theme. A high-contrast theme gets the
colours of its own palette instead (text, highlight and link colours), as its user chose them.
"""

from dataclasses import dataclass
from functools import lru_cache

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF, QTransform

from phr.ui.widgets import theme

# Okabe–Ito, as chosen for a white background.
BLUE, GREEN, PURPLE = "#0072B2", "#009E73", "#CC79A7"
VERMILLION, ORANGE = "#D55E00", "#E69F00"
SERIES_BAND_ALPHA, SINGLE_BAND_ALPHA, LABEL_FILL_ALPHA = 0x2E, 0x33, 190

# Status of a reading against the target: shape first, colour second.
WITHIN, ABOVE, BELOW = "within", "above", "below"
SENSOR_HIGH, SENSOR_LOW = "sensor_high", "sensor_low"


def _arrow_to_edge(up: bool) -> QPainterPath:
    """An arrow that hits a bar (like ⤒ and ⤓): the reading lies beyond what the sensor can measure."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    path.addRect(QRectF(-0.45, -0.5, 0.9, 0.14))
    path.addPolygon(QPolygonF([QPointF(0, -0.3), QPointF(-0.4, 0.12), QPointF(0.4, 0.12), QPointF(0, -0.3)]))
    path.addRect(QRectF(-0.13, 0.1, 0.26, 0.4))
    # Symbol paths are in screen coordinates (y down): mirror the upward arrow for the downward one.
    return path if up else QTransform.fromScale(1, -1).map(path)


SYMBOLS = {WITHIN: "o", ABOVE: "t1", BELOW: "t", SENSOR_HIGH: _arrow_to_edge(True), SENSOR_LOW: _arrow_to_edge(False)}
SYMBOL_SIZES = {WITHIN: 6, ABOVE: 10, BELOW: 10, SENSOR_HIGH: 18, SENSOR_LOW: 18}


@dataclass(frozen=True)
class SeriesStyle:
    colour: QColor
    dash: Qt.PenStyle
    band: QColor       # the translucent colour of this series' target band
    above: QColor      # a reading above the target (orange), below it (vermillion)
    below: QColor
    halo: QColor       # the outline of a symbol: the chart's background, so a symbol stands free of the line
    ink: QColor


@dataclass(frozen=True)
class ChartLook:
    """Every colour a chart draws with, for one palette."""

    background: QColor
    ink: QColor
    neutral: QColor    # events: one neutral grey, so they never look like a series or a status
    label_fill: QColor
    single_band: QColor  # a measure with one series gets the familiar green target band
    series: tuple[SeriesStyle, ...]


def chart_look(palette: QPalette) -> ChartLook:
    """The look for a palette; only its base, text, highlight and link colours count (tables ask for it at every
    paint)."""
    roles = (QPalette.ColorRole.Highlight, QPalette.ColorRole.Link)
    return _look(theme.chart_background(palette).rgba(), theme.chart_ink(palette).rgba(),
                 *(palette.color(role).rgba() for role in roles), theme.is_high_contrast(palette))


@lru_cache(maxsize=8)
def _look(base: int, text: int, highlight: int, link: int, high_contrast: bool) -> ChartLook:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.Highlight, highlight), (QPalette.ColorRole.Link, link)):
        palette.setColor(role, QColor.fromRgba(colour))
    background, ink = theme.chart_background(palette), theme.chart_ink(palette)
    if high_contrast:  # the palette's own colours, no mid-blue on black; status is in the shapes
        colours = [theme.graphic(palette.color(role), palette) for role in (QPalette.ColorRole.Highlight,
                                                                          QPalette.ColorRole.Text,
                                                                          QPalette.ColorRole.Link)]
        above = below = colours[2]
        label_fill = QColor(background)  # opaque: no grey box of half-seen lines behind the words
    else:
        colours = [theme.graphic(colour, palette) for colour in (BLUE, GREEN, PURPLE)]
        above, below = theme.graphic(ORANGE, palette), theme.graphic(VERMILLION, palette)
        label_fill = _translucent(background, LABEL_FILL_ALPHA)
    dashes = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
    series = tuple(SeriesStyle(colour, dash, _translucent(colour, SERIES_BAND_ALPHA), above, below, background, ink)
                   for colour, dash in zip(colours, dashes))
    return ChartLook(background, ink, theme.chart_neutral(palette), label_fill,
                     _translucent(series[1].colour, SINGLE_BAND_ALPHA), series)


def _translucent(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def style_plot(widget: pg.PlotWidget, look: ChartLook) -> None:
    """The plot's background, axes, their numbers and the grid (pyqtgraph draws the grid with the axis pen)."""
    widget.setBackground(look.background)
    item = widget.getPlotItem()
    for side in ("left", "bottom"):
        item.getAxis(side).setPen(look.ink)
        item.getAxis(side).setTextPen(look.ink)


def unit_label(widget: pg.PlotWidget, unit: str, look: ChartLook) -> None:
    widget.getPlotItem().setLabel("left", unit, color=look.ink.name())


# The kind of an event is in the line style and in the words of its label; an admission is the strongest.
EVENT_PENS = {
    "medication_started": (Qt.PenStyle.SolidLine, 2),
    "medication_stopped": (Qt.PenStyle.DashLine, 2),
    "medication_changed": (Qt.PenStyle.DashDotLine, 2),
    "appointment": (Qt.PenStyle.DotLine, 2),
    "admission": (Qt.PenStyle.SolidLine, 4),
}


def line_pen(style: SeriesStyle) -> QPen:
    return pg.mkPen(style.colour, width=1.5, style=style.dash)


def limit_pen(style: SeriesStyle) -> QPen:
    return pg.mkPen(style.colour, width=2, style=Qt.PenStyle.DashLine)


def band_pen(colour: QColor) -> QPen:
    return pg.mkPen(colour, width=1)


def status_colour(status: str, style: SeriesStyle) -> QColor:
    return style.above if status in (ABOVE, SENSOR_HIGH) else style.below if status in (BELOW, SENSOR_LOW) \
        else style.colour


def symbol_brush(status: str, style: SeriesStyle) -> QBrush:
    return pg.mkBrush(status_colour(status, style))


def symbol_pen(status: str, style: SeriesStyle) -> QPen:
    # An outline keeps a symbol's shape visible over the line and the band: the background's colour around
    # a reading, the ink around the sensor's edge arrows (they sit on the plot's edge, over nothing).
    return pg.mkPen(style.ink if status in (SENSOR_HIGH, SENSOR_LOW) else style.halo, width=1)


def event_pen(kind: str, look: ChartLook) -> QPen:
    dash, width = EVENT_PENS.get(kind, (Qt.PenStyle.SolidLine, 1))
    return pg.mkPen(look.ink if kind == "admission" else look.neutral, width=width, style=dash)


def symbol_icon(status: str, style: SeriesStyle, size: int = 20) -> QPixmap:
    pixmap, painter = _canvas(size, size)
    painter.setTransform(QTransform.fromTranslate(size / 2, size / 2))  # symbols are drawn around (0, 0)
    drawSymbol(painter, SYMBOLS[status], min(SYMBOL_SIZES[status], size - 2), symbol_pen(status, style),
               symbol_brush(status, style))
    painter.end()
    return pixmap


def line_icon(pen: QPen, width: int = 28, height: int = 16) -> QPixmap:
    pixmap, painter = _canvas(width, height)
    painter.setPen(pen)
    painter.drawLine(QPointF(2, height / 2), QPointF(width - 2, height / 2))
    painter.end()
    return pixmap


def vertical_line_icon(pen: QPen, width: int = 16, height: int = 18) -> QPixmap:
    pixmap, painter = _canvas(width, height)
    painter.setPen(pen)
    painter.drawLine(QPointF(width / 2, 1), QPointF(width / 2, height - 1))
    painter.end()
    return pixmap


def band_icon(colour: QColor, width: int = 28, height: int = 16) -> QPixmap:
    pixmap, painter = _canvas(width, height)
    opaque = QColor(colour)
    opaque.setAlpha(110)  # a little stronger than on the chart, so the small swatch still reads
    painter.fillRect(1, 3, width - 2, height - 6, opaque)
    painter.end()
    return pixmap


def _canvas(width: int, height: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter
