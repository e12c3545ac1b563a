"""Statistics of one measure over a period ending today: numbers, glucose ranges, blood pressure, adherence."""

import calendar
from datetime import date, datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from phr.monitoring.figures import MeasureFigures, figures_of, first_day, with_whole_series
from phr.monitoring.flag_words import monitor_flags_text
from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.samples import Samples, read_samples
from phr.record.services import RecordServices
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.app.events import RecordEvents
from phr.ui.charts.time_in_range_bar import TimeInRangeBar
from phr.ui.monitoring import stats_html as html
from phr.ui.monitoring.measure_words import day_text
from phr.ui.monitoring.tab import Clock, MeasureTab
from phr.ui.text.formatting import fill, heading
from phr.ui.text.vocabulary import label
from phr.words.catalogue import Words

translate = QCoreApplication.translate


class Period(StrEnum):
    """The periods that end today, to choose from."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ALL = "all"


MONTHS = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}
# From this many readings on the figures are worked out off the GUI thread (a year of 5-minute sensor
# readings is 105,000): reading them stays here, as the record is used by one thread at a time.
BACKGROUND_FROM = 50_000
TABLE_CHARACTERS = 50  # the width the tables need to stay readable beside the time-in-range bar, in characters


def period_labels() -> dict[Period, str]:
    return {Period.WEEK: translate("MonitoringStats", "Week"), Period.MONTH: translate("MonitoringStats", "Month"),
            Period.QUARTER: translate("MonitoringStats", "3 months"), Period.YEAR: translate("MonitoringStats", "Year"),
            Period.ALL: translate("MonitoringStats", "All")}


def months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def period_start(key: Period, today: date, first_day: date | None) -> date:
    """The first day of a period that ends today: a week is the last 7 days, a month runs from the day
    after the same date last month; 'all' starts at the first reading."""
    if key == Period.WEEK:
        return today - timedelta(days=6)
    if key in MONTHS:
        return months_before(today, MONTHS[key]) + timedelta(days=1)
    return min(first_day or today, today)


class StatisticsTab(MeasureTab):
    def __init__(self, services: RecordServices, events: RecordEvents, language: str, now: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, events, language, now, parent)
        self._work: list[BackgroundTask] = []
        self.period = QComboBox()
        for key, text in period_labels().items():
            self.period.addItem(text, key)
        self.period.setCurrentIndex(self.period.findData(Period.MONTH))
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        label = QLabel(translate("MonitoringStats", "&Period:"))
        label.setBuddy(self.period)
        self.period_words = QLabel()
        self.period_words.setWordWrap(True)  # the dates take two lines rather than a wider page at 200 % text
        self.bar = TimeInRangeBar()
        self.bar.setAccessibleName(translate("MonitoringStats", "Time in ranges"))
        self.view = QTextBrowser()
        self.view.setAccessibleName(translate("MonitoringStats", "Statistics"))
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.period)
        top.addWidget(self.period_words, 1)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.body, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def _arrange(self, width: int) -> None:
        """The bar beside the tables when both fit, else above them: beside a wide bar (long Dutch words, large
        text) the tables were squeezed until their words broke in the middle."""
        beside = width >= self.bar.sizeHint().width() + TABLE_CHARACTERS * self.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.body.direction() != direction:
            self.body.setDirection(direction)
            self.body.setAlignment(self.bar, Qt.AlignmentFlag.AlignTop if beside else Qt.AlignmentFlag.AlignLeft)

    def chosen_period(self) -> tuple[date, date]:
        today = self.now().date()
        span = self.record.readings.span(self.measure.key) if self.measure is not None else None
        # A day early: the first reading's own clock may be ahead of this computer's.
        first = datetime.fromtimestamp(span[0]).date() - timedelta(days=1) if span else None
        return period_start(Period(self.period.currentData()), today, first), today

    def refresh(self) -> None:
        measure = self.measure
        abandon_all(self._work)
        if measure is None:
            self._clear()
            return
        start, end = self.chosen_period()
        samples = read_samples(self.record, measure.key, start, end)
        if self.period.currentData() == Period.ALL and len(samples):
            start = first_day(samples) or start
        self.period_words.setText(fill(translate("MonitoringStats", "%1 – %2 (ending today)"), day_text(start),
                                       day_text(end)))
        whole = with_whole_series(self.record, measure.key, samples) if measure.kind == BLOOD_PRESSURE else None
        adherence = self._adherence(measure, samples, start, end)

        def work() -> MeasureFigures:
            return figures_of(measure, samples, start, end, None, whole)

        if len(samples) < BACKGROUND_FROM:
            self._show(work(), adherence)
            return
        self.view.setHtml(heading(measure.name(self.language), 2) + html.paragraph(
            translate("MonitoringStats", "Working out the figures of %n readings…", "", len(samples))))
        run_in_background(work, lambda figures: self._show(figures, adherence), self._failed, self._work)

    def _show(self, figures: MeasureFigures, adherence: str) -> None:
        if figures.measure != self.measure:  # another measure was chosen meanwhile
            return
        self.view.setHtml(self._body(figures) + adherence)
        self.view.verticalScrollBar().setValue(0)

    def _failed(self, error: Exception) -> None:
        self.view.setHtml(html.paragraph(translate("MonitoringStats", "The figures could not be worked out.")))

    def _body(self, figures: MeasureFigures) -> str:
        measure = figures.measure
        text = heading(measure.name(self.language), 2)
        self.bar.setVisible(figures.glucose is not None and bool(figures.readings))
        if not figures.readings:
            return text + html.paragraph(translate("MonitoringStats", "No readings in this period."))
        text += html.summary_html(measure, figures.components, self.language)
        if figures.glucose is not None:
            result = figures.glucose.result
            self.bar.show_bands([(f"{label(band)}: {html.percent(result.share(band))}", result.share(band) or 0.0)
                                 for band in html.BANDS])
            self._arrange(self.width())  # the labels set the bar's width
            text += html.glucose_html(figures.glucose)
        if figures.blood_pressure is not None:
            text += html.blood_pressure_html(figures.blood_pressure)
        flagged = monitor_flags_text(Words(self.language), figures.device_flags)   # '' when none was flagged
        return text + (html.paragraph(flagged) if flagged else "")

    def _adherence(self, measure: Measure, samples: Samples, start: date, end: date) -> str:
        today = self.now().date()
        plans = [plan for plan in self.record.plans.for_measure(measure.key) if plan.is_active(today)]
        title = heading(translate("MonitoringStats", "Measuring plan"), 3)
        if not plans:
            return title + html.paragraph(translate("MonitoringStats", "No measuring plan is active for this "
                                                                       "measure. You can make one under Targets "
                                                                       "and plan."))
        return title + "".join(html.adherence_html(plan, samples, start, end, today) for plan in plans)

    def _clear(self) -> None:
        self.view.clear()
        self.bar.clear()
        self.bar.hide()
        self.period_words.clear()

    def release(self) -> None:
        abandon_all(self._work)
        self._clear()
        super().release()

