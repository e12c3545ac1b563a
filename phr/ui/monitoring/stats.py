"""Statistics of one measure over a period ending today: numbers, glucose ranges, blood pressure, adherence."""

import calendar
from datetime import date, datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from phr.monitoring import statistics as stats
from phr.monitoring.measures import BLOOD_PRESSURE, Measure
from phr.monitoring.period_samples import samples_of, with_whole_series
from phr.monitoring.statistics import Sample
from phr.record.services import RecordServices
from phr.ui.app.events import RecordEvents
from phr.ui.monitoring import stats_html as html
from phr.ui.monitoring.measure_words import day_text
from phr.ui.monitoring.tab import Clock, MeasureTab
from phr.ui.monitoring.time_in_range_bar import TimeInRangeBar
from phr.ui.text.formatting import fill, heading
from phr.ui.text.vocabulary import label

translate = QCoreApplication.translate


class Period(StrEnum):
    """The periods that end today, to choose from."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ALL = "all"


MONTHS = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}


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
        self.period = QComboBox()
        for key, text in period_labels().items():
            self.period.addItem(text, key)
        self.period.setCurrentIndex(self.period.findData(Period.MONTH))
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        label = QLabel(translate("MonitoringStats", "&Period:"))
        label.setBuddy(self.period)
        self.period_words = QLabel()
        self.bar = TimeInRangeBar()
        self.bar.setAccessibleName(translate("MonitoringStats", "Time in ranges"))
        self.view = QTextBrowser()
        self.view.setAccessibleName(translate("MonitoringStats", "Statistics"))
        top = QHBoxLayout()
        for widget in (label, self.period, self.period_words):
            top.addWidget(widget)
        top.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def chosen_period(self) -> tuple[date, date]:
        today = self.now().date()
        span = self.record.readings.span(self.measure.key) if self.measure is not None else None
        # A day early: the first reading's own clock may be ahead of this computer's.
        first = datetime.fromtimestamp(span[0]).date() - timedelta(days=1) if span else None
        return period_start(Period(self.period.currentData()), today, first), today

    def refresh(self) -> None:
        measure = self.measure
        if measure is None:
            self._clear()
            return
        start, end = self.chosen_period()
        samples, sensor = samples_of(self.record, measure.key, start, end)
        if self.period.currentData() == Period.ALL and samples:
            start = min(sample.local_day for sample in samples)
        self.period_words.setText(fill(translate("MonitoringStats", "%1 – %2 (ending today)"), day_text(start),
                                       day_text(end)))
        self.view.setHtml(self._body(measure, samples, sensor, start, end))
        self.view.verticalScrollBar().setValue(0)

    def _body(self, measure: Measure, samples: list[Sample], sensor: list[Sample], start: date, end: date) -> str:
        text = heading(measure.name(self.language), 2)
        self.bar.setVisible(measure.key == "glucose" and bool(samples))
        if not samples:
            return text + html.paragraph(translate("MonitoringStats", "No readings in this period.")) + \
                self._adherence(measure, samples, start, end)
        text += html.summary_html(measure, samples, self.language)
        if measure.key == "glucose":
            text += self._glucose(samples, sensor)
        if measure.kind == BLOOD_PRESSURE:
            text += html.blood_pressure_html(with_whole_series(self.record, measure.key, samples))
        return text + self._adherence(measure, samples, start, end)

    def _glucose(self, samples: list[Sample], sensor: list[Sample]) -> str:
        chosen, note = html.glucose_samples(samples, sensor)
        glucose, counts = stats.glucose(chosen), html.glucose_counts(chosen)
        shares = {stats.VERY_HIGH: glucose.very_high, stats.HIGH: glucose.high, stats.IN_RANGE: glucose.in_range,
                  stats.LOW: glucose.low, stats.VERY_LOW: glucose.very_low}
        self.bar.show_bands([(f"{label(band)}: {html.percent(shares[band])}", shares[band] or 0.0)
                             for band in html.BANDS])
        return html.glucose_html(glucose, counts, note)

    def _adherence(self, measure: Measure, samples: list[Sample], start: date, end: date) -> str:
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
        self._clear()
        super().release()

