"""Device dates: the date half of a device time, in every way device files and spreadsheets write it.

- Numbers: DD-MM-YYYY, MM-DD-YYYY, YYYY-MM-DD with '-', '/' or '.' between the parts; a four-digit
  first part is always the year. The order of day and month is the file's (see file_order).
- Two-digit years ('5/30/21', as Excel re-saves a LibreView export): 00-69 are 2000-2069 and 70-99
  are 1970-1999, the POSIX rule (Python's %y, C's strptime). A fixed rule, not one that moves with
  today's date, so that the same file gives the same readings next year; readings before 1970
  with a two-digit year are not expected from any device.
- Month names in English and Dutch, full or short, with or without a dot, in either place: '21 May
  2025', 'Jan 12 2025', 'Jan 12, 2025', '12 jan. 2025', '12 januari 2025', '3 mrt 2025', '21-May-25'.
  The number that is not the year is the day; with two two-digit numbers the first is the day.
- Excel serial dates: a number like 45432.65625 where a time is expected is days since 1899-12-30
  (Excel's day 0 for dates after February 1900), the fraction the time of day. It is a wall-clock
  time like any other: Excel keeps no zone.

Day/month order (file_order): a first number above 12 means day first, a second number above 12
month first; a file is decided as a whole: its first rows, and when they cannot tell, every date of
the same shape in the whole file. When no date in the file has a day above 12, the file cannot tell:
DateOrderUnknown, and the person says (the import wizard asks, the command line has --date-order).
"""

import re
from datetime import date, timedelta
from typing import Callable, Iterable, Iterator

from phr.monitoring.measures import FIRST_YEAR, LAST_YEAR

_NUMERIC = re.compile(r"(\d{1,4})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
_TOKENS = re.compile(r"[^\W\d_]+|\d+")
_EXCEL = re.compile(r"\d{4,6}(?:[.,]\d+)?")
_EXCEL_DAY0 = date(1899, 12, 30)
# English, Dutch and German month names and their short forms (case folded, without a dot); German because
# OMRON connect writes its reports in the phone's language, and German headers are read (layouts/omron.py).
MONTHS = {name: number for number, names in enumerate((
    ("january", "jan", "januari", "januar", "jän", "jänner"), ("february", "feb", "februari", "februar"),
    ("march", "mar", "maart", "mrt", "märz", "mär", "mrz"), ("april", "apr"), ("may", "mei", "mai"),
    ("june", "jun", "juni"), ("july", "jul", "juli"), ("august", "aug", "augustus"),
    ("september", "sep", "sept"), ("october", "oct", "oktober", "okt"), ("november", "nov"),
    ("december", "dec", "dezember", "dez")), start=1) for name in names}


class DateOrderUnknown(ValueError):
    """Every date in the file can be read day first and month first: the person must say which."""

    def __init__(self) -> None:
        super().__init__("The dates in this file can be read day-month and month-day: no day in it is above 12.")


def reading_date(year: int, month: int, day: int) -> date:
    """The date, when a reading can have it (FIRST_YEAR to LAST_YEAR); ValueError otherwise."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"not a year of a reading: {year}")
    return date(year, month, day)


def full_year(text: str) -> int:
    """The year of a year text: four digits as written, two digits by the POSIX rule (00-69: 20xx)."""
    year = int(text)
    if len(text) == 2:
        return year + (2000 if year < 70 else 1900)
    if len(text) != 4:
        raise ValueError(f"not a year: {text!r}")
    return year


def parse_date(text: str, order: str) -> date:
    """The date of a date text (numbers in `order` 'dmy'/'mdy'/'ymd', or with a month name);
    ValueError when it is not one."""
    match = _NUMERIC.fullmatch(text)
    if match is not None:
        first, _, second, third = match.groups()
        if len(first) == 4:
            return reading_date(int(first), int(second), int(third))
        if len(first) > 2 or order == "ymd":
            raise ValueError(f"not a date in this order: {text!r}")
        day, month = (first, second) if order == "dmy" else (second, first)
        return reading_date(full_year(third), int(month), int(day))
    return _named_month(text)


def _named_month(text: str) -> date:
    """'21 May 2025', 'Jan 12, 2025', '12 jan. 2025', '2025 mei 12': one month name, a day and a year."""
    tokens = _TOKENS.findall(text)
    names = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(names) != 1 or len(numbers) != 2 or names[0].casefold() not in MONTHS or not text.isprintable():
        raise ValueError(f"not a date: {text!r}")
    if len(numbers[0]) == 4:
        numbers.reverse()
    day, year = numbers
    if len(day) > 2:
        raise ValueError(f"not a date: {text!r}")
    return reading_date(full_year(year), MONTHS[names[0].casefold()], int(day))


def excel_serial(text: str) -> tuple[date, int] | None:
    """(date, seconds since midnight) of an Excel serial date ('45432.65625', decimal point or comma),
    None when the text is not one; ValueError for a number outside the years of readings."""
    value = text.strip()
    if _EXCEL.fullmatch(value) is None:
        return None
    serial = float(value.replace(",", "."))
    days = int(serial)
    seconds = round((serial - days) * 86400)  # a fraction stored in binary: the nearest second
    if seconds == 86400:
        days, seconds = days + 1, 0
    day = _EXCEL_DAY0 + timedelta(days=days)
    return reading_date(day.year, day.month, day.day), seconds


def order_evidence(date_texts: Iterable[str]) -> tuple[int, int, str | None]:
    """(dates showing day first, dates showing month first, the shape of the numeric day-month dates
    as a pattern for the same dates elsewhere in the file, None when there are none)."""
    day_first = month_first = 0
    shape = None
    for text in date_texts:
        match = _NUMERIC.fullmatch(text)
        if match is None or len(match.group(1)) > 2:
            continue
        first, separator, second, third = match.groups()
        day_first += int(first) > 12
        month_first += int(second) > 12
        shape = shape or re.escape(separator) + "|" + str(len(third))
    return day_first, month_first, shape


# Longer than any numeric date with the character before it ('31-12-2025' and one more).
_LONGEST_DATE = 16


def order_in_text(text: str | Callable[[], Iterator[str]], shape: str) -> str | None:
    """'dmy' or 'mdy' from the first numeric date of `shape` (from order_evidence) in the whole text
    that shows it (a number above 12 first or second); None when none does. One search that stops
    there: a file that can tell usually does so within its first weeks. `text`: the text, or a
    function giving it in blocks (a file read from its path: CsvText.blocks)."""
    if not isinstance(text, str):
        tail = ""
        for block in text():
            order = order_in_text(tail + block, shape)   # the tail: a date cut by the block's start
            if order is not None:
                return order
            tail = block[-_LONGEST_DATE:]
        return None
    separator, year = shape.split("|")
    high, any_ = r"(?:1[3-9]|2\d|3[01])", r"\d{1,2}"
    date = r"{}{s}{}{s}\d{{{y}}}"
    pattern = r"(?<![\d\w])(?:(?P<dmy>{})|(?P<mdy>{}))(?!\d)".format(
        date.format(high, any_, s=separator, y=year), date.format(any_, high, s=separator, y=year))
    found = re.search(pattern, text)
    return None if found is None else found.lastgroup
