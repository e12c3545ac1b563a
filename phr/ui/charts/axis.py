"""Axes in the app's language: a time axis that names months and days, and a values axis with the locale's
decimal sign ('70,5' in Dutch). pyqtgraph's own use the C locale."""

import calendar
import math
from collections import OrderedDict
from datetime import datetime, timedelta, timezone
from typing import Any

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import DAY_SPACING, MONTH_SPACING, TickSpec, ZoomLevel, makeMStepper
from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtGui import QFontMetrics

# pyqtgraph's strftime formats per zoom level, in Qt's date format language.
QT_FORMATS = {
    "%Y": "yyyy",
    "%b": "MMM",
    "%d": "d MMM",  # day ticks carry their month: a view of a few weeks may hold no month tick at all
    "%a %d": "ddd d MMM",
    "%H:%M": "HH:mm",
    "%H:%M:%S": "HH:mm:ss",
    "%S.%f": "ss.zzz",
}
PYQTGRAPH_MONTH_DAY = 5 * DAY_SPACING  # pyqtgraph's key for its month/day zoom level
MONTH_DAY_SPACING = 10 * DAY_SPACING   # ours: day ticks up to ten days apart (a three-month view)


def days_of_month(value: float, step: int, first: bool) -> float:
    """The next day tick after `value`: days 1, 1 + step, 1 + 2 * step, ... of each month.

    Counting from the 1st of each month (not from 1970, as pyqtgraph does) keeps day ticks clear of
    the month ticks: '1 Feb' is the month tick, then '11 Feb', '21 Feb', 'Mar'. A pyqtgraph stepper
    works on UTC dates; the axis moves the ticks to local time afterwards.
    """
    day = datetime.fromtimestamp(value, timezone.utc)
    next_day = ((day.day - 1) // step + 1) * step + 1
    if next_day > calendar.monthrange(day.year, day.month)[1] - step // 2:
        following = day.replace(day=1) + timedelta(days=32)
        tick = datetime(following.year, following.month, 1, tzinfo=timezone.utc)
    else:
        tick = datetime(day.year, day.month, next_day, tzinfo=timezone.utc)
    return tick.timestamp()


def chart_locale(language: str) -> QLocale:
    """The locale the app uses for `language` (see phr.ui.app.i18n)."""
    if language == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def tick_numbers(locale: QLocale, values: list[float], spacing: float) -> list[str]:
    """Tick values with as many decimals as their spacing needs (as pyqtgraph), in the locale's way of writing
    them, without a thousands separator: '1200' on an axis, where '1.200' could be read as one comma two."""
    places = max(0, math.ceil(-math.log10(spacing))) if spacing > 0 else 0
    plain = QLocale(locale)
    plain.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return [plain.toString(float(value), "f", places) for value in values]


class LocalNumberAxis(pg.AxisItem):
    """A values axis that writes its numbers as `locale` does."""

    def __init__(self, locale: QLocale, orientation: str = "left", **kwargs: Any) -> None:
        super().__init__(orientation=orientation, **kwargs)
        self._locale = locale

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        return tick_numbers(self._locale, [value * scale for value in values], spacing * scale)


class LocalDateAxis(pg.DateAxisItem):
    """Local wall-clock time, with month and day names from `locale`."""

    zoomLevels: OrderedDict[float, ZoomLevel]  # pyqtgraph's, by tick spacing; one of them replaced here

    def __init__(self, locale: QLocale, **kwargs: Any) -> None:
        super().__init__(orientation="bottom", **kwargs)
        self._locale = locale
        # pyqtgraph measures its labels with the painter's font metrics, set at each paint; the grid asks for the
        # ticks (tickValues) before the first one.
        self.fontMetrics = QFontMetrics(self.font())
        # Day labels with their month are wider than pyqtgraph's: measure ticks by such a label, and
        # skip days in more steps, so a three-month view keeps some day ticks instead of none.
        month_day = ZoomLevel([
            TickSpec(MONTH_SPACING, makeMStepper(1), "%b"),
            TickSpec(DAY_SPACING, days_of_month, "%d", autoSkip=[1, 2, 5, 10, 15]),
        ], "00 MMM.")
        self.zoomLevels = OrderedDict((MONTH_DAY_SPACING if key == PYQTGRAPH_MONTH_DAY else key,
                                       month_day if key == PYQTGRAPH_MONTH_DAY else level)
                                      for key, level in self.zoomLevels.items())

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        qt_format = QT_FORMATS.get(spec.format if spec else "", "")
        if not qt_format:
            return super().tickStrings(values, scale, spacing)
        return [self._label(QDateTime.fromSecsSinceEpoch(round(v)), qt_format) for v in values]

    def _label(self, moment: QDateTime, qt_format: str) -> str:
        if qt_format == "MMM" and moment.date().month() == 1:
            qt_format = "MMM yyyy"  # the year where it changes, so a view across New Year says which
        return self._locale.toString(moment, qt_format)
