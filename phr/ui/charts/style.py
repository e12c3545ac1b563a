"""How a measure chart looks: colours, shapes and line styles, and small icons for the legend.

Colours come from the Okabe–Ito palette (readable with the common colour-vision deficiencies), and
no meaning rests on colour alone: status is also a shape, series and events also a line style.
"""

from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform

BLUE, GREEN, PURPLE = "#0072B2", "#009E73", "#CC79A7"
VERMILLION, ORANGE, GREY, INK, EVENT_GREY = "#D55E00", "#E69F00", "#6B6B6B", "#202020", "#4D4D4D"

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
STATUS_COLOURS = {ABOVE: ORANGE, BELOW: VERMILLION, SENSOR_HIGH: ORANGE, SENSOR_LOW: VERMILLION}
SYMBOL_SIZES = {WITHIN: 6, ABOVE: 10, BELOW: 10, SENSOR_HIGH: 18, SENSOR_LOW: 18}


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    dash: Qt.PenStyle
    band: str          # the translucent colour of this series' target band (#RRGGBBAA)


SERIES_STYLES = (
    SeriesStyle(BLUE, Qt.PenStyle.SolidLine, "#0072B22E"),
    SeriesStyle(GREEN, Qt.PenStyle.DashLine, "#009E732E"),
    SeriesStyle(PURPLE, Qt.PenStyle.DotLine, ""),
)
# A measure with one series gets the familiar green target band.
SINGLE_BAND = "#009E7333"

# Events: one neutral colour, so they never look like a series or a status; the kind is in the
# line style and in the words of the label.
EVENT_PENS = {
    "medication_started": (EVENT_GREY, Qt.PenStyle.SolidLine, 2),
    "medication_stopped": (EVENT_GREY, Qt.PenStyle.DashLine, 2),
    "medication_changed": (EVENT_GREY, Qt.PenStyle.DashDotLine, 2),
    "appointment": (EVENT_GREY, Qt.PenStyle.DotLine, 2),
    "admission": (INK, Qt.PenStyle.SolidLine, 4),
}


def line_pen(style: SeriesStyle) -> QPen:
    return pg.mkPen(style.colour, width=1.5, style=style.dash)


def limit_pen(style: SeriesStyle) -> QPen:
    return pg.mkPen(style.colour, width=2, style=Qt.PenStyle.DashLine)


def band_pen(colour: str) -> QPen:
    return pg.mkPen(colour, width=1)


def symbol_brush(status: str, style: SeriesStyle) -> QBrush:
    return pg.mkBrush(STATUS_COLOURS.get(status, style.colour))


def symbol_pen(status: str) -> QPen:
    # A dark outline keeps a symbol's shape visible on any background colour.
    return pg.mkPen(INK if status in (SENSOR_HIGH, SENSOR_LOW) else "w", width=1)


def event_pen(kind: str) -> QPen:
    colour, dash, width = EVENT_PENS.get(kind, (GREY, Qt.PenStyle.SolidLine, 1))
    return pg.mkPen(colour, width=width, style=dash)


def symbol_icon(status: str, style: SeriesStyle, size: int = 20) -> QPixmap:
    pixmap, painter = _canvas(size, size)
    painter.setTransform(QTransform.fromTranslate(size / 2, size / 2))  # symbols are drawn around (0, 0)
    drawSymbol(painter, SYMBOLS[status], min(SYMBOL_SIZES[status], size - 2), symbol_pen(status),
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


def band_icon(colour: str, width: int = 28, height: int = 16) -> QPixmap:
    pixmap, painter = _canvas(width, height)
    opaque = pg.mkColor(colour)
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
