"""The glucose day profile (the AGP's modal day): all days of a period laid over one 24-hour clock.

The same figures as the overview PDF's glucose profile page (phr.monitoring.agp): the median, the
middle half (25–75 %) and 90 % (5–95 %) of the sensor readings at each time of day, with the
target range. It shows when in the day lows and highs happen, which a 90-day line cannot.
Drawn like the measure chart (on the theme's base colour with its text colour as ink), with the bands
named in words beside it, so no meaning rests on colour alone.
"""

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from phr.monitoring.agp import AGP_DAYS, MINUTES_PER_DAY, Agp, agp
from phr.monitoring.measures import GLUCOSE_HIGH, GLUCOSE_LOW
from phr.monitoring.samples import read_samples
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.charts.axis import LocalNumberAxis, chart_locale
from phr.ui.charts.room import needed_height, plot_height
from phr.ui.charts.style import chart_look, style_plot, unit_label
from phr.ui.monitoring.measure_words import day_text, number
from phr.ui.monitoring.tab import Clock, MeasureTab
from phr.ui.text.formatting import fill
from phr.ui.widgets.theme import GRAPHIC_CONTRAST, chart_background, graphic, is_dark, readable

translate = QCoreApplication.translate
DAY_CHOICES = (AGP_DAYS, 30, 90)
OUTER, INNER, MEDIAN, TARGET = "#9CC3E0", "#3C82B8", "#0B3C66", "#009E73"  # as on the PDF's profile page


def profile_colours(palette: QPalette) -> tuple[QColor, QColor, QColor, QColor]:
    """The 90 % band, the middle half, the median and the target lines for this theme. On a dark background the
    blues are mirrored in lightness, so the wide band stays the one nearest the background and the median the
    one furthest from it, as on paper."""
    background = chart_background(palette)
    blues = [QColor(colour) for colour in (OUTER, INNER, MEDIAN)]
    if is_dark(background):
        blues = [QColor.fromHslF(max(c.hslHueF(), 0.0), c.hslSaturationF(), 1 - c.lightnessF()) for c in blues]
    outer, inner, median = blues
    return outer, inner, readable(median, [background, inner], GRAPHIC_CONTRAST), graphic(TARGET, palette)


class DayProfileTab(MeasureTab):
    def __init__(self, services: RecordServices, events: RecordEvents, language: str, now: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, events, language, now, parent)
        self.days = QComboBox()
        for days in DAY_CHOICES:
            self.days.addItem(translate("DayProfile", "Last %n days", "", days), days)
        self.days.currentIndexChanged.connect(lambda _index: self.refresh())
        label = QLabel(translate("DayProfile", "&Period:"))
        label.setBuddy(self.days)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard |
                                           Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # read out by a screen reader when tabbed to
        self.plot = self._plot_widget()
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.days)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.words)
        layout.addWidget(self.plot, 1)

    def _plot_widget(self) -> pg.PlotWidget:
        widget = pg.PlotWidget(axisItems={"left": LocalNumberAxis(chart_locale(self.language))})
        widget.setMinimumHeight(plot_height(self.fontMetrics().lineSpacing()))
        look = chart_look(self.palette())
        style_plot(widget, look)
        unit_label(widget, "mmol/L", look)
        widget.setAccessibleName(translate("DayProfile", "Day profile: glucose over 24 hours"))
        item = widget.getPlotItem()
        item.setMenuEnabled(False)  # its menu is pyqtgraph's, in English only
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setXRange(0, MINUTES_PER_DAY, padding=0)
        return widget

    def period(self) -> tuple[date, date]:
        """The chosen number of whole days before today, as the PDF's profile page takes them."""
        end = self.now().date() - timedelta(days=1)
        return end - timedelta(days=int(self.days.currentData()) - 1), end

    def refresh(self) -> None:
        self.plot.getPlotItem().clear()
        if self.measure is None:
            self.words.clear()
            return
        start, end = self.period()
        profile = agp(read_samples(self.record, self.measure.key, start, end), start, end)
        if profile is None:
            self.words.setText(translate("DayProfile", "There are no sensor readings in this period. A day profile "
                                                       "needs the readings of a glucose sensor."))
            return
        self.words.setText(self._summary(profile))
        self._keep_room()
        self._draw(profile)

    def _summary(self, profile: Agp) -> str:
        result = profile.figures.result
        return fill(translate("DayProfile", "%1 – %2: %3 sensor readings; the sensor read %4% of the time. In range "
                                            "(3.9–10.0): %5%. Below 3.9: %6%, of which below 3.0: %7%. The line is "
                                            "the median, the dark band the middle half of the readings (25–75%), "
                                            "the light band 90% of them (5–95%)."),
                    day_text(profile.start), day_text(profile.end), number(profile.readings, 0), number(profile.active, 1),
                    number(result.in_range or 0.0, 1), number(result.below or 0.0, 1),
                    number(result.very_low or 0.0, 1))

    def _draw(self, profile: Agp) -> None:
        item = self.plot.getPlotItem()
        minutes = np.append(profile.modal.minutes, MINUTES_PER_DAY)  # 24:00 closes the day with 00:00's values
        lines = {p: np.append(values, values[0]) for p, values in profile.modal.percentiles.items()}
        outer, inner, median, target = profile_colours(self.palette())
        for value in (GLUCOSE_LOW, GLUCOSE_HIGH):
            item.addItem(pg.InfiniteLine(value, angle=0, pen=pg.mkPen(target, width=1.5)))
        for low, high, colour in ((5, 95, outer), (25, 75, inner)):
            # Curves with the band's own colour as outline: a curve without a pen has no path to fill between.
            lower = pg.PlotCurveItem(minutes, lines[low], pen=pg.mkPen(colour), connect="finite")
            upper = pg.PlotCurveItem(minutes, lines[high], pen=pg.mkPen(colour), connect="finite")
            item.addItem(pg.FillBetweenItem(lower, upper, brush=pg.mkBrush(colour)))
        item.addItem(pg.PlotDataItem(minutes, lines[50], pen=pg.mkPen(median, width=2.5), connect="finite"))
        top = float(np.nanmax(lines[95])) if np.any(~np.isnan(lines[95])) else GLUCOSE_HIGH
        item.setYRange(0, max(15.0, top + 1), padding=0)
        item.setXRange(0, MINUTES_PER_DAY, padding=0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_room()

    def _keep_room(self) -> None:
        """As tall as the words above the plot need at this width: at 200 % text the page scrolls instead. The
        hours on the time axis every 3 hours, or every 6 where the text is too large for that."""
        layout = self.layout()
        if layout is not None and self.width() > 0:
            self.setMinimumHeight(needed_height(layout, self.width()))
        label = self.fontMetrics().horizontalAdvance("00:00 ")
        step = 3 if self.plot.width() >= label * 24 // 3 * 1.3 else 6
        self.plot.getPlotItem().getAxis("bottom").setTicks([[(hour * 60, f"{hour:02d}:00")
                                                             for hour in range(0, 25, step)]])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "plot"):
            self.plot.setMinimumHeight(plot_height(self.fontMetrics().lineSpacing()))  # a new text size
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "plot"):  # not while being built
            look = chart_look(self.palette())
            style_plot(self.plot, look)
            unit_label(self.plot, "mmol/L", look)
            self.stale = True  # drawn again in the new colours, now or when next shown
            if self.isVisible():
                self.refresh_if_stale()

    def release(self) -> None:
        self.plot.getPlotItem().clear()
        self.words.clear()
        super().release()
