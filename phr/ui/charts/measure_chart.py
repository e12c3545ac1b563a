"""The chart of one measure: presets, zoom and pan, the target band, events, and the chart in words.

Keyboard (with the chart focused): + or = zooms in, - zooms out, Left and Right move a quarter of
the view back or forward in time, Home shows everything. The mouse wheel zooms and dragging pans,
in time only: the values axis follows the readings in view.

Every change of view (preset, zoom, pan, resize) asks the source for one envelope per series, at
most one point per pixel column, so the work per redraw does not grow with the number of readings.
Redraws are throttled to one per REDRAW_MS while the view moves.
"""

import time
from collections.abc import Callable
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.target_words import component_names
from phr.ui.charts import words
from phr.ui.charts.axis import LocalDateAxis, LocalNumberAxis, chart_locale
from phr.ui.charts.decorations import EventMarkers, Target, TargetBands
from phr.ui.charts.grid import GridLines
from phr.ui.charts.legend import ChartLegend, fill_legend
from phr.ui.charts.ranges import (
    PAN_STEP,
    SMALLEST_SPAN,
    ZOOM_STEP,
    Preset,
    Window,
    default_preset,
    limits,
    panned,
    preset_window,
    y_range,
    zoomed,
)
from phr.ui.charts.room import bold, fit_bold, needed_height, plot_height
from phr.ui.charts.series import SeriesLayer, View
from phr.ui.charts.source import ChartSource, Envelope, Limits, TargetBand
from phr.ui.charts.style import chart_look, limit_pen, style_plot, unit_label
from phr.ui.text.formatting import escape, fill
from phr.ui.widgets.flow_layout import FlowLayout
from phr.ui.widgets.theme import mark_muted
from phr.words.catalogue import Words

translate = QCoreApplication.translate
REDRAW_MS = 30
FALLBACK_WIDTH = 800  # before the first layout the plot has no width yet
PULSE = 2


class MeasureChart(QWidget):
    redrawn = Signal()

    def __init__(self, source: ChartSource, measure: Measure, language: str, parent: QWidget | None = None,
                 now: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._source: ChartSource | None = source  # None once the record locks (release)
        self.measure, self._now = measure, now
        self._locale = chart_locale(language)
        self._words = Words(language)
        self._names = component_names(measure, language)
        self._units = words.series_units(measure)
        self._span: Window | None = source.span()
        self._target: TargetBand | None = source.target()
        self._moving_to_preset = False
        self.current_preset: Preset | None = None
        # Setters rather than Qt keyword properties (QTimer(singleShot=True)): on Python 3.11, PySide6
        # 6.12 drops references to True and None (see phr/ui/app/qt_refcount_guard.py); the fewer such calls the better.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.refresh_now)
        self.setAccessibleName(fill(translate("MeasureChart", "Chart of %1"), measure.name(language)))
        self._build(measure.name(language))
        self.set_preset(default_preset(self._span, now(), lambda window: self._count(source, window)))

    # -- building ---------------------------------------------------------------------------------

    def _build(self, name: str) -> None:
        self.look = chart_look(self.palette())
        layout = QVBoxLayout(self)
        self.title = QLabel(f"<b>{escape(name)}</b> ({escape(self.measure.unit_text)})")
        layout.addWidget(self.title)
        layout.addLayout(self._controls())
        self.plot = self._plot_widget()
        layout.addWidget(self.plot, 1)
        self._fit_to_text()
        self.legend = ChartLegend(self)
        fill_legend(self.legend, self.look, self._names, self._units, self._targets())
        layout.addWidget(self.legend)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.help = QLabel(words.keyboard_help())
        self.help.setWordWrap(True)
        mark_muted(self.help)
        layout.addWidget(self.summary)
        layout.addWidget(self.help)

    def _fit_to_text(self) -> None:
        """Sizes that follow the text size: the plot's least height, the period buttons as wide as in bold
        (the chosen one is bold; phr.ui.widgets.regie_style fills it), and room for the words."""
        line = self.fontMetrics().lineSpacing()
        self.plot.setMinimumHeight(plot_height(line))
        # Room above the plot for half a line: the values axis ends on a round number, whose label sits on the edge.
        self.plot.getPlotItem().layout.setContentsMargins(1, line // 2, 1, 1)
        fit_bold(self.presets.values())
        self._keep_room()

    def _keep_room(self) -> None:
        """As tall as the words need at this width (they wrap more at large text): the page scrolls instead."""
        layout = self.layout()
        if layout is not None and self.width() > 0:
            self.setMinimumHeight(needed_height(layout, self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_room()

    def _controls(self) -> FlowLayout:
        row = FlowLayout()  # wraps at large text sizes instead of making the page wider than the screen
        self._group = QButtonGroup(self)
        self.presets: dict[Preset, QPushButton] = {}
        for key, text in words.preset_labels().items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, chosen=key: self.set_preset(chosen))
            self._group.addButton(button)
            self.presets[key] = button
            row.addWidget(button)
        self.show_pulse = QCheckBox(translate("MeasureChart", "Show &pulse"))
        self.show_pulse.setVisible(self.measure.kind == BLOOD_PRESSURE)
        self.show_events = QCheckBox(translate("MeasureChart", "Show &events"))
        self.show_events.setChecked(True)
        for box in (self.show_pulse, self.show_events):
            box.toggled.connect(self.refresh_now)
            row.addWidget(box)
        return row

    def _plot_widget(self) -> pg.PlotWidget:
        widget = pg.PlotWidget(axisItems={"bottom": LocalDateAxis(self._locale), "left": LocalNumberAxis(self._locale)})
        style_plot(widget, self.look)
        unit_label(widget, self.measure.unit_text, self.look)
        widget.setAccessibleName(self.accessibleName())
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)
        item = widget.getPlotItem()
        item.setMenuEnabled(False)  # its menu is pyqtgraph's, in English only
        item.hideButtons()
        for side in ("left", "bottom"):
            item.getAxis(side).setStyle(maxTickLevel=1)  # ticks of two levels, as the grid has lines
        view = item.getViewBox()
        view.setMouseEnabled(x=True, y=False)
        view.disableAutoRange()
        first, last = limits(self._span, self._now())
        view.setLimits(xMin=first, xMax=last, minXRange=SMALLEST_SPAN)
        view.sigXRangeChanged.connect(self._view_moved)
        view.sigResized.connect(self._schedule)
        self.layers = [SeriesLayer(item, self.look.series[i], name) for i, name in enumerate(self._names)]
        self.targets = TargetBands(item, self.look)
        self.markers = EventMarkers(item, self.look)
        self.grid = GridLines(item, self.look.ink)
        self.targets.show(self._targets())
        return widget

    # -- what the chart shows -------------------------------------------------------------------------

    def _pairs(self) -> list[Limits]:
        """The target (low, high) per series: blood pressure's diastolic has the second pair."""
        t = self._target
        pairs: list[Limits] = [(None, None)] * len(self._names)
        if t is not None:
            pairs[0] = (t.low, t.high)
            if len(pairs) > 1:
                pairs[1] = (t.low2, t.high2)
        return pairs

    def _targets(self) -> list[Target]:
        targets = []
        for index, (low, high) in enumerate(self._pairs()):
            style = self.look.series[index]
            label = words.target_label(self._words, self._names[index], len(self._names) > 1, low, high,
                                       self.measure.decimals, self._units[index])
            mark = words.limit_text(self._words, low, high, self.measure.decimals)
            targets.append(Target(low, high, self.look.single_band if len(self._names) == 1 else style.band,
                                  limit_pen(style), label, mark))
        return targets

    def _shown_series(self) -> list[int]:
        return [i for i in range(len(self._names)) if i != PULSE or self.show_pulse.isChecked()]

    # -- view changes ---------------------------------------------------------------------------------

    def set_preset(self, key: Preset) -> None:
        self._moving_to_preset = True
        try:
            self.plot.getViewBox().setXRange(*preset_window(key, self._now(), self._span), padding=0)
        finally:
            self._moving_to_preset = False
        self._check_preset(key)
        self.refresh_now()

    @staticmethod
    def _count(source: ChartSource, window: Window) -> int:
        return source.envelope(window[0], window[1], 1).reading_count()

    def visible_range(self) -> Window:
        x0, x1 = self.plot.getViewBox().viewRange()[0]
        return float(x0), float(x1)

    def zoom(self, factor: float) -> None:
        self.plot.getViewBox().setXRange(*zoomed(*self.visible_range(), factor), padding=0)

    def pan(self, fraction: float) -> None:
        self.plot.getViewBox().setXRange(*panned(*self.visible_range(), fraction), padding=0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            actions: dict[int, Callable[[], None]] = {  # Qt.Key is an int, as event.key() is
                Qt.Key.Key_Plus: partial(self.zoom, 1 / ZOOM_STEP),
                Qt.Key.Key_Equal: partial(self.zoom, 1 / ZOOM_STEP),  # + without Shift on many keyboards
                Qt.Key.Key_Minus: partial(self.zoom, ZOOM_STEP),
                Qt.Key.Key_Left: partial(self.pan, -PAN_STEP),
                Qt.Key.Key_Right: partial(self.pan, PAN_STEP),
                Qt.Key.Key_Home: partial(self.set_preset, Preset.ALL),
            }
            action = actions.get(event.key())
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    def _view_moved(self, *_: object) -> None:
        if not self._moving_to_preset and self.current_preset is not None:
            self._check_preset(None)  # a zoomed or panned view is no preset any more
        self._schedule()

    def _schedule(self, *_: object) -> None:
        # Throttle, not debounce: while dragging, the view still redraws every REDRAW_MS.
        if self._source is not None and not self._timer.isActive():
            self._timer.start()

    def _check_preset(self, key: Preset | None) -> None:
        self.current_preset = key
        self._group.setExclusive(False)
        for name, button in self.presets.items():
            button.setChecked(name == key)
            button.setFont(bold(name == key))  # the chosen period in bold: not by its colour alone
        self._group.setExclusive(True)

    # -- drawing --------------------------------------------------------------------------------------

    def refresh_now(self) -> None:
        self._timer.stop()
        source = self._source
        if source is None:
            return
        view = self._view(0.0, 1.0)
        envelopes = self._ask_source(source, view)
        visible = {i: e.between(view.x0, view.x1) for i, e in envelopes.items()}
        pairs = self._pairs()
        target_limits = [v for i in envelopes for v in pairs[i] if v is not None]
        y0, y1 = y_range([np.asarray(e.lows + e.highs, dtype=float) for e in visible.values()], target_limits,
                         self.measure)
        self.plot.getViewBox().setYRange(y0, y1, padding=0)
        view = self._view(y0, y1)
        self.grid.show(view)
        for index, layer in enumerate(self.layers):
            if index in envelopes:
                layer.draw(envelopes[index], pairs[index], view)
            else:
                layer.clear()
        self._draw_events(source, view)
        self._describe(visible, view)
        self.redrawn.emit()

    def _view(self, y0: float, y1: float) -> View:
        box = self.plot.getViewBox()
        width, height = int(box.width()), int(box.height())
        x0, x1 = self.visible_range()
        return View(x0, x1, y0, y1, width if width > 10 else FALLBACK_WIDTH, max(height, 1))

    def _ask_source(self, source: ChartSource, view: View) -> dict[int, Envelope]:
        """Half a view beyond each side too, so lines run to the edges and a pan shows data at once."""
        half = view.width // 2
        per_pixel = (view.x1 - view.x0) / view.width
        t0, t1 = view.x0 - half * per_pixel, view.x1 + half * per_pixel
        return {i: source.envelope(t0, t1, view.width + 2 * half, i) for i in self._shown_series()}

    def _draw_events(self, source: ChartSource, view: View) -> None:
        if not self.show_events.isChecked():
            self.markers.clear()
            return
        self.markers.show(source.events(view.x0, view.x1), view)

    def _describe(self, visible: dict[int, Envelope], view: View) -> None:
        shown = [(self._names[i], e, self._pairs()[i], self._units[i]) for i, e in visible.items()]
        text = words.summary(self._locale, self.measure, shown, view.x0, view.x1, self._span is not None)
        if self.markers.lines:
            text += " " + fill(translate("MeasureChart", "Events: %1."), len(self.markers.lines))
        self.summary.setText(text)
        self.plot.setAccessibleDescription(text + " " + words.keyboard_help())
        self.legend.show_only(self._legend_keys(visible))
        self._keep_room()

    def _legend_keys(self, visible: dict[int, Envelope]) -> list[str]:
        keys = [f"series{i}" for i in visible] if len(self._names) > 1 else []
        if any(low is not None or high is not None for low, high in self._pairs()):
            keys += [status for status in ("within", "above", "below") if self._drawn(status)]
            keys += [f"target{i}" for i in range(len(self._names))]
        flags = " ".join(f for e in visible.values() for f in e.flags)
        keys += [key for key, flag in (("sensor_high", "above_range"), ("sensor_low", "below_range")) if flag in flags]
        return keys + sorted({event.kind for event in self.markers.lines}, key=list(self.legend.entries).index)

    def _drawn(self, status: str) -> bool:
        """Whether some series shows this symbol now (or, for a band, that colour)."""
        return any(layer.shows(status) for layer in self.layers)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "plot"):
            self._fit_to_text()  # a new text size
        if event.type() == QEvent.Type.PaletteChange and self._source is not None and hasattr(self, "legend"):
            self._restyle()  # (a palette may change while the chart is still being built: then _build does it)

    def _restyle(self) -> None:
        """The theme changed: every colour again, the legend's icons too, then a redraw."""
        self.look = chart_look(self.palette())
        style_plot(self.plot, self.look)
        unit_label(self.plot, self.measure.unit_text, self.look)
        for layer, style in zip(self.layers, self.look.series):
            layer.restyle(style)
        self.targets.look = self.markers.look = self.look
        self.grid.restyle(self.look.ink)
        self.targets.show(self._targets())
        self.markers.clear()  # made again in the new colours by the redraw
        self.legend.clear()
        fill_legend(self.legend, self.look, self._names, self._units, self._targets())
        self.refresh_now()

    # -- end ------------------------------------------------------------------------------------------

    def release(self) -> None:
        """Forget the record: nothing of it stays in the plot, the labels or the accessible texts."""
        self._timer.stop()
        view = self.plot.getViewBox()
        view.sigXRangeChanged.disconnect(self._view_moved)
        view.sigResized.disconnect(self._schedule)
        item = self.plot.getPlotItem()
        for layer in self.layers:
            layer.remove_from(item)
        self.targets.clear()
        self.markers.clear()
        item.clear()
        self.layers, self._source, self._span, self._target = [], None, None, None
        # A user-defined measure's name and an agreed target are the record's too.
        for widget in (self, self.summary, self.plot):
            widget.setAccessibleName("")
            widget.setAccessibleDescription("")
        self.summary.clear()
        self.title.clear()
        self.legend.clear()

