"""The chart's legend in words, each with the very symbol or line style the chart uses."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from phr.ui.charts import words
from phr.ui.charts.decorations import Target
from phr.ui.charts.source import EVENT_KINDS
from phr.ui.charts.style import (
    ChartLook,
    band_icon,
    event_pen,
    line_icon,
    line_pen,
    symbol_icon,
    vertical_line_icon,
)

COLUMNS = 3          # at most; fewer where a column would have less than COLUMN_CHARS characters of room
COLUMN_CHARS = 20
WORD_JOINER = "\u2060"  # after a slash: 'mmol/L' must not wrap as 'mmol/' and 'L'


class LegendEntry(QWidget):
    def __init__(self, icon: QPixmap, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel()
        self.icon.setPixmap(icon)
        self.icon.setFixedSize(icon.size())
        self.plain = text
        self.text = QLabel(text.replace("/", "/" + WORD_JOINER))
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # beside its icon in a tall row
        self.icon.setAccessibleName(text)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)


class ChartLegend(QWidget):
    """Entries by key; `show_only` keeps the grid free of holes when some do not apply. As many columns as
    fit (at 200 % text fewer), so the legend never makes the chart wider than the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(2)
        self.entries: dict[str, LegendEntry] = {}
        self._shown: list[str] = []
        self.columns = COLUMNS

    def add(self, key: str, icon: QPixmap, text: str) -> None:
        self.entries[key] = LegendEntry(icon, text, self)
        self.entries[key].hide()

    def show_only(self, keys: list[str]) -> None:
        keys = [k for k in keys if k in self.entries]
        if keys == self._shown:
            return  # no change: no layout pass while panning
        self._place(keys)

    def _place(self, keys: list[str]) -> None:
        for entry in self.entries.values():
            self._grid.removeWidget(entry)
            entry.hide()
        for index, key in enumerate(keys):
            self._grid.addWidget(self.entries[key], index // self.columns, index % self.columns)
            self.entries[key].show()
        self._shown = keys

    def fitting_columns(self, width: int) -> int:
        room = self.fontMetrics().averageCharWidth() * COLUMN_CHARS
        return max(1, min(COLUMNS, width // max(room, 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = self.fitting_columns(self.width())
        if columns != self.columns:
            self.columns = columns
            self._place(self._shown)

    def minimumSizeHint(self) -> QSize:
        """As narrow as one column: the grid gets fewer columns where the chart is narrow."""
        widths = [self.entries[key].minimumSizeHint().width() for key in self._shown]
        return QSize(max(widths, default=0), super().minimumSizeHint().height())

    def clear(self) -> None:
        self.show_only([])
        for entry in self.entries.values():
            entry.deleteLater()
        self.entries = {}

    def shown(self) -> list[str]:
        return list(self._shown)

    def text(self) -> str:
        return "; ".join(self.entries[k].plain for k in self._shown)


def fill_legend(legend: ChartLegend, look: ChartLook, names: list[str], units: list[str],
                targets: list[Target]) -> None:
    """Every entry a chart of this measure may need; the chart shows those that apply to the view."""
    for index, name in enumerate(names):
        legend.add(f"series{index}", line_icon(line_pen(look.series[index])), f"{name} ({units[index]})")
    for status, text in words.status_texts().items():
        legend.add(status, symbol_icon(status, look.series[0]), text)
    for index, target in enumerate(targets):
        if target.low is not None or target.high is not None:
            two_sided = target.low is not None and target.high is not None
            legend.add(f"target{index}", band_icon(target.colour) if two_sided else line_icon(target.pen), target.label)
    for kind in EVENT_KINDS:
        legend.add(kind, vertical_line_icon(event_pen(kind, look)), words.event_kind_text(kind))
