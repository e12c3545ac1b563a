"""The words of a date field: what it understood ('vrijdag 15 januari 2027 om 10:30'), what it cannot read
and why, and what can be typed, in the app's language."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from phr.core import partial_date
from phr.core import typed_dates as typed
from phr.core.typed_dates import Expect, Order
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate
STORED = "yyyy-MM-ddTHH:mm"  # a local date and time as the services store it, to the minute
_EXAMPLE = date(2027, 1, 15)


def in_words(iso: str, short: bool = False) -> str:
    """'2026-03-12T10:30' -> 'donderdag 12 maart 2026 om 10:30', or short 'do 12 mrt 2026 om 10:30'
    (in the app's language)."""
    moment = QDateTime.fromString(iso or "", STORED)
    if not moment.isValid():
        return iso or ""
    locale = QLocale()
    day = locale.toString(moment.date(), "ddd d MMM yyyy" if short else "dddd d MMMM yyyy")
    return fill(translate("AppointmentTime", "%1 at %2"), day,
                locale.toString(moment.time(), QLocale.FormatType.ShortFormat))


def typing_order(locale: QLocale | None = None) -> Order:
    """Day first in Dutch, always; otherwise as the locale writes a short date (month first in the USA).
    The app sets English to the United Kingdom, so English reads day first too."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.Dutch:
        return Order.DAY_FIRST
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    month_first = -1 < short.find("M") < short.find("d") < short.find("y")
    return Order.MONTH_FIRST if month_first else Order.DAY_FIRST


def understood_words(iso: str) -> str:
    """What a stored value means: 'het jaar 2019', 'mei 2019', 'vrijdag 15 januari 2027', '... om 10:30'."""
    if "T" in iso:
        return in_words(iso)
    precision = partial_date.precision(iso)
    if precision == "year":
        return fill(translate("DateInput", "the year %1"), iso)
    if precision == "month":
        year, month = iso.split("-")
        return f"{QLocale().standaloneMonthName(int(month), QLocale.FormatType.LongFormat)} {year}"
    return QLocale().toString(QDate.fromString(iso, "yyyy-MM-dd"), "dddd d MMMM yyyy")


def example(expect: Expect, order: Order) -> str:
    """A date the way this field reads it, e.g. '15-1-2027 10:30' ('1-15-2027 10:30' month first)."""
    numbers = (_EXAMPLE.day, _EXAMPLE.month) if order is Order.DAY_FIRST else (_EXAMPLE.month, _EXAMPLE.day)
    shown = f"{numbers[0]}-{numbers[1]}-{_EXAMPLE.year}"
    return f"{shown} 10:30" if expect is Expect.DATE_TIME else shown


def hint(expect: Expect, order: Order) -> str:
    """What can be typed, shown under an empty field."""
    if expect is Expect.DATE_TIME:
        return fill(translate("DateInput", "For example %1, or tomorrow 9:00"), example(expect, order))
    if expect is Expect.DATE:
        return fill(translate("DateInput", "For example %1, 15 Jan 2027 or today"), example(expect, order))
    return fill(translate("DateInput", "For example %1, May 2019 or only the year: 2019"), example(expect, order))


def refusal(reading: typed.Understood, expect: Expect, order: Order) -> str:
    """Why the typed text is not taken, and how to type it."""
    if reading.problem == typed.NEEDS_TIME:
        return fill(translate("DateInput", "%1: at what time? For example %2 10:30"), understood_words(reading.day),
                    typed.typed_form(reading.day, order))
    if reading.problem == typed.WEEKDAY:
        weekday = QLocale().dayName(date.fromisoformat(reading.day).isoweekday(), QLocale.FormatType.LongFormat)
        return fill(translate("DateInput", "%1 is a %2. Check the date."),
                    QLocale().toString(QDate.fromString(reading.day, "yyyy-MM-dd"), "d MMMM yyyy"), weekday)
    texts = {
        typed.SHORT_YEAR: translate("DateInput", "Type the year in full, for example 2027."),
        typed.NO_SUCH_DAY: translate("DateInput", "This day does not exist. Check the day and the month."),
        typed.OUT_OF_RANGE: translate("DateInput", "Type a year from 1900 to 2100."),
        typed.NEEDS_DAY: translate("DateInput", "Type the whole date: day, month and year."),
        typed.NEEDS_DATE: translate("DateInput", "Type the day too, for example: tomorrow 10:30."),
        typed.NO_TIME_HERE: translate("DateInput", "Type only the date here, without a time."),
        typed.BAD_TIME: translate("DateInput", "This time does not exist. Type it like 10:30."),
    }
    return texts.get(reading.problem) or fill(translate("DateInput", "Regie cannot read this date. Type it like %1."),
                                              example(expect, order))
