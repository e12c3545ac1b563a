"""How measures, readings and their times read in the app's language ("128/82 mmHg, pulse 66 — today 08:00").

Numbers follow the app's locale (5,4 in Dutch) with the measure's decimals. A reading's time is
shown on the clock where it was taken (its stored offset), as the statistics count days.
"""

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from phr.core.vocabulary import ReadingContext, ReadingFlag
from phr.monitoring.measures import BLOOD_PRESSURE, SCORE, Measure
from phr.monitoring.readings import Reading
from phr.monitoring.target_words import with_unit
from phr.ui.text.formatting import fill
from phr.ui.text.vocabulary import choices, label_of

translate = QCoreApplication.translate


def number(value: float, decimals: int) -> str:
    return QLocale().toString(float(value), "f", decimals)


def context_choices() -> list[tuple[object, str]]:
    """The moments a reading can belong to, and none."""
    return [("", translate("Measures", "None")), *choices(ReadingContext)]


def value_text(measure: Measure, reading: Reading) -> str:
    """The values of a reading with unit: '128/82 mmHg, pulse 66', '5,4 mmol/L', '4 out of 10'."""
    if reading.value is None:
        return label_of(ReadingFlag, reading.flag)
    if measure.kind == BLOOD_PRESSURE:
        pressures = (number(reading.value, 0), number(reading.value2 or 0, 0))
        if reading.value3 is None:
            return fill(translate("Measures", "%1/%2 mmHg"), *pressures)
        return fill(translate("Measures", "%1/%2 mmHg, pulse %3"), *pressures, number(reading.value3, 0))
    if measure.kind == SCORE:
        return fill(translate("Measures", "%1 out of 10"), number(reading.value, 0))
    return with_unit(number(reading.value, measure.decimals), measure.unit_text)


def local_time(taken_at: datetime) -> datetime:
    """The reading's time on the clock where it was taken (aware datetimes keep their own offset)."""
    return taken_at if taken_at.tzinfo is not None else taken_at.astimezone()


def day_text(day: date, today: date | None = None) -> str:
    """'22 November 2026'; without the year when it is this year's (with `today` given)."""
    shown = "d MMMM" if today is not None and day.year == today.year else "d MMMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), shown)


def when_text(taken_at: datetime, today: date) -> str:
    """'today 08:00', 'yesterday 21:30', '21 November 08:00', '3 March 2025 08:00'."""
    local = local_time(taken_at)
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return fill(translate("Measures", "today %1"), clock)
    if local.date() == today - timedelta(days=1):
        return fill(translate("Measures", "yesterday %1"), clock)
    return f"{day_text(local.date(), today)} {clock}"


def full_time(taken_at: datetime) -> str:
    """'22 November 2026 08:00', on the clock where it was taken."""
    local = local_time(taken_at)
    return f"{day_text(local.date())} {local.strftime('%H:%M')}"


def latest_text(measure: Measure, reading: Reading | None, today: date) -> str:
    """'128/82 mmHg, pulse 66 — today 08:00'; 'No readings yet' without a reading."""
    if reading is None:
        return translate("Measures", "No readings yet")
    return f"{value_text(measure, reading)} — {when_text(reading.taken_at, today)}"

