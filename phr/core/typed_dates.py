"""Dates and times as people type them, read without Qt so that every form reads them the same way.

'15-01-2027 10:30', '15/1/2027', '15 jan 2027', '15 januari 2027', '2027-01-15', 'vandaag', 'morgen 9u',
'tomorrow 2:30 pm', 'dinsdag 15 januari 2027 om 10:30' (the app's own echo, typed back) all read; so do a
year ('2019') or a month ('mei 2019') where a field keeps partial dates. Dutch and English words are
read in either language. Numbers only are read day first unless the caller's locale says month first.

What cannot be read is refused with a reason (a problem code), never guessed: a two-digit year, a day
that does not exist, a weekday that does not match the date.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from phr.core import partial_date


class Expect(StrEnum):
    """What a field keeps."""

    PARTIAL_DATE = "partial_date"  # a year, a month or a day ('since 2019'): as phr.core.partial_date stores
    DATE = "date"                  # a day
    DATE_TIME = "date_time"        # a day and a time to the minute (local wall-clock time)


class Order(StrEnum):
    """The order of day and month when a date is typed in numbers only."""

    DAY_FIRST = "dmy"
    MONTH_FIRST = "mdy"


# Why a text was refused; the app says each in its own words.
UNREADABLE = "unreadable"      # not a date
SHORT_YEAR = "short_year"      # '15-1-27': which century?
NO_SUCH_DAY = "no_such_day"    # 31-02-2027, month 13
OUT_OF_RANGE = "out_of_range"  # a year before 1900 or after 2100
NEEDS_DAY = "needs_day"        # only a year or month where the field needs a day
NEEDS_TIME = "needs_time"      # a day without a time where the field needs both
NEEDS_DATE = "needs_date"      # a time without a day
NO_TIME_HERE = "no_time_here"  # a time where the field keeps only a date
BAD_TIME = "bad_time"          # 25:00, 10:75
WEEKDAY = "weekday"            # 'dinsdag 16 januari 2027': 16 January 2027 is a Saturday


@dataclass(frozen=True)
class Understood:
    """What a text means: `iso` as the record stores it, or a `problem`; both empty for an empty text.

    `day` is the day read even when refused (for 'add the time' next to the day it understood)."""

    iso: str = ""       # '2019', '2019-05', '2027-01-15' or '2027-01-15T10:30'
    problem: str = ""
    day: str = ""


MONTHS = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "february", "feb", "febr"), 2),
    **dict.fromkeys(("maart", "march", "mrt", "maa", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("augustus", "august", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
WEEKDAYS = {  # Monday is 0, as date.weekday() counts
    **dict.fromkeys(("maandag", "ma", "monday", "mon"), 0),
    **dict.fromkeys(("dinsdag", "di", "tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("woensdag", "wo", "wednesday", "wed"), 2),
    **dict.fromkeys(("donderdag", "do", "thursday", "thu", "thur", "thurs"), 3),
    **dict.fromkeys(("vrijdag", "vr", "friday", "fri"), 4),
    **dict.fromkeys(("zaterdag", "za", "saturday", "sat"), 5),
    **dict.fromkeys(("zondag", "zo", "sunday", "sun"), 6),
}
RELATIVE_DAYS = {"eergisteren": -2, "gisteren": -1, "yesterday": -1, "vandaag": 0, "today": 0, "nu": 0, "now": 0,
                 "morgen": 1, "tomorrow": 1, "overmorgen": 2}
_NOW = ("nu", "now")  # today, and in a date-time field the present minute
# Ordinal endings and small words people put around a day: '15th of January', 'de 15e'.
_FILLERS = {"st", "nd", "rd", "th", "e", "de", "ste", "of", "the"}

_TIME = re.compile(r"""(?:^|[\s,]|(?<=\d)t)(?:om\s+|at\s+)?
    (?P<hour>\d{1,2})(?:(?P<sep>[:.]|u|h)(?P<minute>\d{2}))?\s*(?P<suffix>uur|u|h|am|pm|a\.m\.|p\.m\.)?\s*$""", re.X)
_TOKENS = re.compile(r"\d+|[^\W\d_]+")
_SEPARATORS = re.compile(r"[\s\-/.,]*")
_CONNECTORS = re.compile(r"(?:[\s,]+(?:om|at))?[\s,]*$")


def read(text: str, now: datetime, expect: Expect = Expect.DATE, order: Order = Order.DAY_FIRST,
         time_alone_today: bool = False) -> Understood:
    """What `text` means, typed on `now` (local wall-clock time: 'vandaag', a missing year). With
    `time_alone_today` a time without a day is today's (a reading just taken: '8:00')."""
    text = " ".join((text or "").lower().split())
    if not text:
        return Understood()
    date_text, time_text, time_problem = _split_time(text)
    day, problem = _read_day(date_text, now, order)
    if time_problem or problem:
        return Understood(problem=problem or time_problem, day=day)
    if not date_text and time_text:
        if not time_alone_today:
            return Understood(problem=NEEDS_DATE)
        day = now.date().isoformat()
    if date_text in _NOW and not time_text and expect is Expect.DATE_TIME:
        time_text = now.strftime("%H:%M")
    return _as_expected(day, time_text, expect)


def _as_expected(day: str, time_text: str, expect: Expect) -> Understood:
    full_day = partial_date.precision(day) == "day"
    if expect is not Expect.DATE_TIME and time_text:
        return Understood(problem=NO_TIME_HERE, day=day)
    if expect is not Expect.PARTIAL_DATE and not full_day:
        return Understood(problem=NEEDS_DAY, day=day)
    if expect is Expect.DATE_TIME:
        return Understood(iso=f"{day}T{time_text}", day=day) if time_text else Understood(problem=NEEDS_TIME, day=day)
    return Understood(iso=day, day=day)


def _split_time(text: str) -> tuple[str, str, str]:
    """(the date part, the time as 'HH:MM' or '', a problem with the time or '')."""
    match = _TIME.search(text)
    if match is None or (match.group("minute") is None and match.group("suffix") is None):
        return text, "", ""  # a bare number at the end is part of the date: '15 jan 2027'
    if match.start() == 0 and match.group("sep") == "." and not match.group("suffix"):
        return text, "", ""  # '15.01' alone is a day, as in '15.01.2027'
    rest = _CONNECTORS.sub("", text[:match.start()])
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    suffix = (match.group("suffix") or "").replace(".", "")
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            return rest, "", BAD_TIME
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return rest, "", BAD_TIME
    return rest, f"{hour:02d}:{minute:02d}", ""


def _read_day(text: str, now: datetime, order: Order) -> tuple[str, str]:
    """(the ISO day, month or year; a problem): '' and '' for an empty text."""
    if not text:
        return "", ""
    if text in RELATIVE_DAYS:
        return (now.date() + timedelta(days=RELATIVE_DAYS[text])).isoformat(), ""
    tokens = _TOKENS.findall(text)
    if _SEPARATORS.sub("", _TOKENS.sub("", text)):
        return "", UNREADABLE  # other signs than the separators: '15?01', '@2027'
    tokens = [t for t in tokens if t not in _FILLERS]
    weekday = WEEKDAYS.get(tokens[0]) if tokens else None
    if weekday is not None:
        tokens = tokens[1:]
    if any(not t.isdigit() and t not in MONTHS for t in tokens):
        return "", UNREADABLE
    parts, problem = (_with_month_name if any(t in MONTHS for t in tokens) else _numbers_only)(tokens, now, order)
    if problem:
        return "", problem
    return _checked(parts, weekday)


def _with_month_name(tokens: list[str], now: datetime, order: Order) -> tuple[tuple[int, ...], str]:
    """'15 jan 2027', 'jan 15, 2027', 'mei 2019', '15 januari': one month name, a day and a year in any order."""
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    years = [t for t in tokens if t.isdigit() and len(t) == 4]
    days = [t for t in tokens if t.isdigit() and len(t) <= 2]
    if len(months) != 1 or len(years) > 1 or len(days) + len(years) != len(tokens) - 1:
        return (), UNREADABLE
    if len(days) > 1 or (days and not years and len(days[0]) == 2 and _looks_like_short_year(tokens, days[0])):
        return (), SHORT_YEAR
    if not years and not days:
        return (), UNREADABLE  # 'mei' alone: which year?
    year = int(years[0]) if years else now.year
    return ((year, months[0], int(days[0])) if days else (year, months[0])), ""


def _looks_like_short_year(tokens: list[str], number: str) -> bool:
    """'jan 27' or 'januari 27' reads as a year in two digits; '27 jan' as a day."""
    return tokens.index(number) > 0 and tokens[tokens.index(number) - 1] in MONTHS and int(number) > 31


def _numbers_only(tokens: list[str], now: datetime, order: Order) -> tuple[tuple[int, ...], str]:
    """'2019', '5-2019', '2019-05', '15-1' (this year), '15-01-2027', '2027-01-15'."""
    if not 1 <= len(tokens) <= 3 or any(len(t) > 4 or len(t) == 3 for t in tokens):
        return (), UNREADABLE
    if len(tokens) == 1:
        return ((int(tokens[0]),), "") if len(tokens[0]) == 4 else ((), UNREADABLE)
    if len(tokens[0]) == 4:  # year first: 2019-05, 2027-01-15
        return tuple(int(t) for t in tokens), "" if all(len(t) <= 2 for t in tokens[1:]) else UNREADABLE
    if len(tokens) == 2:
        if len(tokens[1]) == 4:
            return (int(tokens[1]), int(tokens[0])), ""  # month and year
        first, second = int(tokens[0]), int(tokens[1])
        day, month = (first, second) if order is Order.DAY_FIRST else (second, first)
        return (now.year, month, day), ""
    if len(tokens[2]) != 4:
        return (), SHORT_YEAR if len(tokens[2]) == 2 and all(len(t) <= 2 for t in tokens[:2]) else UNREADABLE
    first, second = int(tokens[0]), int(tokens[1])
    day, month = (first, second) if order is Order.DAY_FIRST else (second, first)
    return (int(tokens[2]), month, day), ""


def _checked(parts: tuple[int, ...], weekday: int | None) -> tuple[str, str]:
    year = parts[0]
    if not partial_date.MIN_YEAR <= year <= partial_date.MAX_YEAR:
        return "", OUT_OF_RANGE
    if len(parts) == 2 and not 1 <= parts[1] <= 12:
        return "", NO_SUCH_DAY
    if len(parts) < 3:
        return ("", WEEKDAY) if weekday is not None else ("-".join(f"{p:02d}" for p in parts), "")
    try:
        day = date(*parts)
    except ValueError:
        return "", NO_SUCH_DAY
    if weekday is not None and day.weekday() != weekday:
        return day.isoformat(), WEEKDAY
    return day.isoformat(), ""


def typed_form(iso: str, order: Order = Order.DAY_FIRST) -> str:
    """A stored value as people type it here: '15-01-2027 10:30', '05-2019', '2019' (read back as the same)."""
    if not iso:
        return ""
    day, _, time = iso.partition("T")
    parts = day.split("-")
    if len(parts) == 3 and order is Order.MONTH_FIRST:
        parts[1], parts[2] = parts[2], parts[1]
    shown = "-".join(reversed(parts))
    return f"{shown} {time}" if time else shown
