"""Time in ranges as one stacked bar, with the share of every band written beside it.

The bar is drawn as the consensus report draws it (very high on top, very low at the bottom).
The colours only help: every band has its name and number in words beside the bar, also when the
band is too thin to see, and the widget's accessible description says the same.
"""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Okabe–Ito based: orange shades above, green in range, vermillion shades below. They are fills side by side
# with an outline and words beside each, so they stay the same in every theme; outline and words take the
# theme's text colour (read at every paint, so a new theme shows at once).
COLOURS = ("#B35806", "#E69F00", "#009E73", "#D55E00", "#8B1A00")
BAR_WIDTH, BAR_HEIGHT, MARGIN, LABEL_GAP = 46, 220, 12, 10


class TimeInRangeBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bands: list[tuple[str, float]] = []   # (label with the share in words, share 0..100), top first
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def show_bands(self, bands: list[tuple[str, float]]) -> None:
        self._bands = bands
        self.setAccessibleDescription("; ".join(label for label, _ in bands))
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.show_bands([])

    def sizeHint(self) -> QSize:
        widest = max((self.fontMetrics().horizontalAdvance(label) for label, _ in self._bands), default=0)
        return QSize(BAR_WIDTH + LABEL_GAP + widest + 2 * MARGIN, BAR_HEIGHT + 2 * MARGIN)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._bands:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        middles = self._draw_bar(painter)
        self._draw_labels(painter, middles)
        painter.end()

    def _draw_bar(self, painter: QPainter) -> list[float]:
        """The segments from the top; returns the middle height of each."""
        total = sum(share for _, share in self._bands) or 1.0
        top, middles = float(MARGIN), []
        for (_, share), colour in zip(self._bands, COLOURS):
            height = BAR_HEIGHT * share / total
            painter.fillRect(QRectF(MARGIN, top, BAR_WIDTH, height), QColor(colour))
            middles.append(top + height / 2)
            top += height
        painter.setPen(QPen(self._ink(), 1))
        # Half a pixel in: the antialiased line then covers whole pixels, one sharp line instead of two grey ones.
        painter.drawRect(QRectF(MARGIN, MARGIN, BAR_WIDTH, BAR_HEIGHT).adjusted(0.5, 0.5, -0.5, -0.5))
        return middles

    def _draw_labels(self, painter: QPainter, middles: list[float]) -> None:
        """Each label at its segment's middle, pushed apart so thin segments' labels never overlap."""
        line = self.fontMetrics().height()
        places: list[float] = []
        for middle in middles:
            places.append(max(middle, places[-1] + line) if places else max(middle, MARGIN + line / 2))
        overflow = places[-1] - (MARGIN + BAR_HEIGHT - line / 2) if places else 0
        if overflow > 0:  # pushed past the bottom: move the lowest ones up again
            places = [min(place, MARGIN + BAR_HEIGHT - line / 2 - (len(places) - 1 - i) * line)
                      for i, place in enumerate(places)]
        painter.setPen(self._ink())
        left = MARGIN + BAR_WIDTH + LABEL_GAP
        for (label, _), place in zip(self._bands, places):
            rect = QRectF(left, place - line / 2, self.width() - left, line)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)

    def _ink(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)
