"""Device times: wall-clock text to (UTC epoch seconds, offset in minutes) in the file's time zone,
fast and right around the clock changes.

Formats (one per file; the date order is decided once per file, see guess_order; the dates
themselves: see dates.py, with month names, two-digit years and Excel serial dates):
  DD-MM-YYYY HH:MM[:SS]        MM-DD-YYYY hh:mm[:ss] AM/PM      YYYY-MM-DDTHH:MM[:SS]
  YYYY/MM/DD HH:MM[:SS]        YYYY-MM-DD HH:MM[:SS]            21 May 2025 08:12    45432.65625
with '-', '/' or '.' between the date's parts. Fractions of a second are ignored.

The zone: the file's own when it names one (a layout's zone column, ZoneClocks), else the one the
person chose (the import wizard, `phr import --timezone`), by default the computer's
(computer_zone). Any IANA zone: with or without daylight saving time, northern or southern.

Clock changes (in the zone's own dates and hours, e.g. Europe/Amsterdam: the last Sundays of
March and October; America/New_York: March and November; Australia/Sydney: October (forward) and
April (back); Asia/Kolkata and UTC: none):
- Autumn: the hour before the change occurs twice, and a device writes
  both passes with the same wall-clock times. LocalClock gives such times the offset of the first
  pass (the summer offset) and notes their lines; when the file has been read, second_pass decides per run
  of such rows (consecutive readings) which are the second pass (the winter offset, one hour later). The
  file's direction (oldest-first or newest-first) comes from the ordinary readings just before
  and after the run (01:xx then 03:xx means oldest-first); at the start or end of a file from
  the one neighbour and the run itself; failing that from the file's first and last readings.
  Oldest-first: first pass until the time steps back, then second. Newest-first: second pass
  until the time steps forward, then first. A run in which the time never steps back (or
  forward) stays first pass in both directions, so a file and the same file reversed give the
  same instants. The file is assumed to be in order within that hour: in the order of time, or
  sorted by its wall-clock texts, as LibreView sorts its exports (01:06, 01:06, 01:21, 01:21, ...:
  the passes interleaved, each time once in each; see second_pass).
- Spring: the skipped hour does not exist. Such times are not shifted
  (that would invent a time and put the reading out of order): LocalClock returns None and the
  layout skips the row with reason 'nonexistent_time'.

Speed: a time is date + time of day, and the epoch is arithmetic: LocalClock keeps, per date
text of a day without a clock change, the epoch of that day's midnight and its offset
(`days`), and per time-of-day text its seconds since midnight (`seconds`). A file has a few
thousand of each, so almost every row is two dictionary look-ups and an addition; the layouts'
loops do these look-ups themselves and call the clock only when one misses. The zone is asked
only on the days on which the clock changes (cached per hour), never per row. ISO times with an
offset of their own ('2026-09-01T08:00:00+02:00') need no zone: once read carefully their halves
are remembered too (remember_offset: date -> its UTC midnight, time -> seconds and offset).
"""

import re
from datetime import date, datetime, time, timedelta
from typing import Iterable
from zoneinfo import ZoneInfo

from phr.imports.devices.dates import (
    DateOrderUnknown,
    excel_serial,
    order_evidence,
    order_in_text,
    parse_date,
)
from phr.imports.devices.model import ColumnSample
from phr.monitoring.import_mappings import DATE_ORDERS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ORDERS = DATE_ORDERS  # a saved mapping names its date order in these words

_NORMAL, _GAP, _REPEATED, _MIXED = 0, 1, 2, 3
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
# A time of day at the end of a text whose date has spaces in it ('21 May 2025 08:12').
# An ISO date and an ISO time with its own offset, as LocalClock.remember_offset keeps them.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME_WITH_OFFSET = re.compile(r"\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)", re.ASCII)
_MEMORY = 200_000  # times with offset remembered: a day's seconds in two offsets
# A time of day's fraction of a second (dropped in every time read): '08:00:00.437+02:00'.
_FRACTION = re.compile(r"\d{2}:\d{2}:\d{2}(\.\d{1,6})", re.ASCII)
_CLOCK_AT_END = re.compile(r"[\sT,]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)$")


def split_moment(text: str) -> tuple[str, str]:
    """('01-09-2026', '12:00 AM') from '01-09-2026 12:00 AM': the date ends at the first space or T;
    ('21 May 2025', '08:12') from '21 May 2025 08:12': a date with a month name ends before the time."""
    value = text.strip()
    space, letter = value.find(" "), value.find("T")
    cut = min(i for i in (space, letter, len(value)) if i >= 0)
    if value[:cut].isalpha() or (cut < len(value) and ":" not in value[cut + 1:cut + 4]):
        found = _CLOCK_AT_END.search(value)  # a month name in the date: its words and numbers before the time
        if found is not None:
            return value[:found.start()], found.group(1)
    if cut == len(value):
        raise ValueError(f"no time of day: {text!r}")
    return value[:cut], value[cut + 1:].strip()


def without_fraction(text: str) -> str:
    """A time of day's text without its fraction of a second ('08:00:00.437+02:00' -> '08:00:00+02:00'), else
    the text itself. Fractions are dropped in every time read, so both read the same: a file with milliseconds
    (a different fraction on nearly every row) is read by the look-ups too (remember_offset)."""
    found = _FRACTION.match(text)
    return text[:found.start(1)] + text[found.end(1):] if found else text


def has_offset(text: str) -> bool:
    """True when an ISO 8601 time carries its own UTC offset ('Z', '+02:00', '-0500')."""
    try:
        time_part = split_moment(text)[1]
    except ValueError:
        return False
    return time_part[-1:] in ("Z", "z") or "+" in time_part or "-" in time_part


def guess_order(samples: Iterable[str], default: str = "dmy") -> str:
    """'dmy' or 'mdy' for a file's date texts. A first number above 12 means day first, a second
    number above 12 month first (the majority wins); when no date shows it, AM/PM times mean the
    US order, otherwise `default`. Dates with the year first need no guess.

    A layout's ColumnSample (Table.sample) is decided from the whole file instead: file_order,
    which never guesses (DateOrderUnknown)."""
    if isinstance(samples, ColumnSample):
        return file_order(samples)
    halves = [_halves(text) for text in samples]
    day_first, month_first, _ = order_evidence(half[0] for half in halves if half)
    if day_first != month_first:
        return "dmy" if day_first > month_first else "mdy"
    meridiem = any(half[1][-2:].upper() in ("AM", "PM") for half in halves if half)
    return "mdy" if meridiem else default


def file_order(sample: ColumnSample) -> str:
    """The date order of the time column `sample` comes from: the person's (or a mapping's) when
    given; else what its first rows show; else what every date of the same shape in the whole file
    shows. 'dmy' when the column has no dates with day and month as numbers (year first, month
    names, Excel serials): nothing to decide. DateOrderUnknown when the file cannot tell."""
    if sample.date_order in ("dmy", "mdy", "ymd"):
        return sample.date_order
    if sample.decided is None:
        day_first, month_first, shape = order_evidence(half[0] for half in map(_halves, sample) if half)
        if day_first != month_first:
            sample.decided = "dmy" if day_first > month_first else "mdy"
        elif shape is None:
            sample.decided = "dmy"
        else:
            sample.decided = order_in_text(sample.whole_text, shape) or ""
    if not sample.decided:
        raise DateOrderUnknown()
    return sample.decided


def _halves(text: str) -> tuple[str, str] | None:
    try:
        return split_moment(text)
    except ValueError:
        return None


class LocalClock:
    """Turns one file's time texts into (epoch, offset) in `zone`.

    clock(text, line) -> (UTC seconds since 1970, minutes east of UTC), or None when the time
    does not exist there (spring); ValueError when the text is not a date and time. Times in a
    repeated (autumn) hour get the first pass's offset; their lines are collected in
    `repeated_lines`, for second_pass. `samples` (some of the file's time texts) show which
    character separates date and time, for the look-ups in `days` and `seconds`."""

    def __init__(self, order: str = "dmy", zone: ZoneInfo = AMSTERDAM, samples: Iterable[str] = ()):
        if isinstance(samples, ColumnSample):
            order = file_order(samples)  # the whole file's (or the person's), whatever the layout guessed
        if order not in ("dmy", "mdy", "ymd"):
            raise ValueError(f"unknown date order {order!r}")
        self.order, self.zone = order, zone
        self.repeated_lines: list[int] = []
        self.separator = _separator(samples)
        self.days: dict[str, tuple[int, int]] = {}   # date text -> (epoch of its midnight, offset)
        self.seconds: dict[str, int] = {}            # time-of-day text -> seconds since midnight
        # Times with their own offset ('2026-09-01T08:00:00+02:00'), see remember_offset:
        self.utc_days: dict[str, int] = {}                # ISO date text -> epoch of its UTC midnight
        self.offset_times: dict[str, tuple[int, int]] = {}  # time text -> (seconds after that, offset)
        self._dates: dict[str, tuple[date, int | None]] = {}       # every date text seen, see _day
        self._hours: dict[tuple[int, int], tuple[int, int]] = {}   # (ordinal, hour) -> kind, offset

    def __call__(self, text: str, line: int = 0) -> tuple[int, int] | None:
        date_text, _, time_text = text.partition(self.separator)
        day, second = self.days.get(date_text), self.seconds.get(time_text)
        if day is None or second is None:
            return self._carefully(text, line)
        return day[0] + second, day[1]

    def time_of_day(self, text: str) -> int | None:
        """Seconds since midnight of a time-of-day text (remembered in `seconds`); None when it
        is not one. For the layouts' loops: a file with seconds has up to 86,400 of them."""
        try:
            second = self.seconds[text] = _time_of_day(text)
        except ValueError:
            return None
        return second

    def remember_offset(self, text: str, epoch: int, offset: int) -> None:
        """Remembers the halves of an ISO time with its own offset that has been read carefully to
        (epoch, offset), so that the layouts' loops read the next such time with two look-ups:
        epoch = utc_days[date] + offset_times[time][0]. Only 'YYYY-MM-DD' dates: then any date
        and time so remembered read together as they would carefully (fromisoformat takes any
        date with any time), and never as a wall-clock time (the time text has its offset)."""
        date_text, separator, time_text = text.partition(self.separator)
        if not (separator and _ISO_DATE.fullmatch(date_text) and _TIME_WITH_OFFSET.fullmatch(time_text)):
            return
        midnight = self.utc_days.get(date_text)
        if midnight is None:
            midnight = self.utc_days[date_text] = (date.fromisoformat(date_text).toordinal() - _EPOCH_ORDINAL) * 86400
        if len(self.offset_times) < _MEMORY:
            self.offset_times[without_fraction(time_text)] = epoch - midnight, offset

    def _carefully(self, text: str, line: int) -> tuple[int, int] | None:
        serial = excel_serial(text)
        if serial is not None:
            return self._serial(*serial, line)
        date_text, time_text = split_moment(text)
        second = _time_of_day(time_text)
        day, offset = self._day(date_text)
        if text.partition(self.separator) == (date_text, self.separator, time_text):
            # Remember the exact halves, so that the look-ups find them next time.
            self.seconds[time_text] = second
            if offset is not None:
                self.days[date_text] = (_midnight(day, offset), offset)
        if offset is None:
            return self._on_change_day(day, second, line)
        return _midnight(day, offset) + second, offset

    def _serial(self, day: date, second: int, line: int) -> tuple[int, int] | None:
        offset = self._offset(day)
        if offset is None:
            return self._on_change_day(day, second, line)
        return _midnight(day, offset) + second, offset

    def _day(self, text: str) -> tuple[date, int | None]:
        """The date, and its offset (None on a day the clock changes); cached per text, so
        that the zone is asked once per day, also on the days the clock changes."""
        found = self._dates.get(text)
        if found is None:
            day = self._date(text)
            found = self._dates[text] = day, self._offset(day)
        return found

    def _date(self, text: str) -> date:
        return parse_date(text, self.order)

    def _offset(self, day: date) -> int | None:
        """The day's offset in minutes, or None when the clock changes that day."""
        start = datetime(day.year, day.month, day.day, tzinfo=self.zone)
        end = datetime.combine(day + timedelta(days=1), start.time(), tzinfo=self.zone)
        if start.utcoffset() != end.utcoffset() or _exact_kind(start) != _NORMAL:
            return None
        return _minutes(start)

    def _on_change_day(self, day: date, second: int, line: int) -> tuple[int, int] | None:
        hour_key = (day.toordinal(), second // 3600)
        kind, offset = self._hours.get(hour_key, (None, 0))
        if kind is None:
            top = datetime.combine(day, time(second // 3600), self.zone)
            first, last = _exact_kind(top), _exact_kind(top.replace(minute=59, second=59))
            kind, offset = (first, _minutes(top)) if first == last else (_MIXED, 0)
            self._hours[hour_key] = kind, offset
        if kind == _MIXED:
            wall = datetime.combine(day, time(second // 3600, second // 60 % 60, second % 60), self.zone)
            kind, offset = _exact_kind(wall), _minutes(wall)
        if kind == _GAP:
            return None
        if kind == _REPEATED:
            self.repeated_lines.append(line)
        return _midnight(day, offset) + second, offset


def _separator(samples: Iterable[str]) -> str:
    """The character between date and time in the first sample that has both (default: a space)."""
    for text in samples:
        try:
            date_text, _ = split_moment(text)
        except ValueError:
            continue
        return text.strip()[len(date_text)]
    return " "


def _midnight(day: date, offset: int) -> int:
    """The epoch of the day's wall-clock midnight, had the whole day this offset (minutes)."""
    return (day.toordinal() - _EPOCH_ORDINAL) * 86400 - offset * 60


def _minutes(moment: datetime) -> int:
    """The UTC offset of an aware time, in minutes."""
    return int(_utc_offset(moment).total_seconds()) // 60


def _utc_offset(moment: datetime) -> timedelta:
    offset = moment.utcoffset()
    if offset is None:  # only times with a zone come here
        raise ValueError(f"a time without a zone: {moment}")
    return offset


def second_pass_offset(epoch: int, offset: int, zone: ZoneInfo = AMSTERDAM) -> tuple[int, int]:
    """(epoch, offset) of the same wall-clock time in the second pass through a repeated hour."""
    wall = datetime(1970, 1, 1) + timedelta(seconds=epoch + offset * 60)
    later = _minutes(wall.replace(fold=1, tzinfo=zone))
    return epoch + (offset - later) * 60, later


def _exact_kind(moment: datetime) -> int:
    earlier, later = _utc_offset(moment), _utc_offset(moment.replace(fold=1))
    if earlier == later:
        return _NORMAL
    # fold=0 gives the offset from before the change: larger in autumn, smaller in spring.
    return _REPEATED if earlier > later else _GAP


def second_pass(run: list, before, after, oldest_first: bool, kinds: list | None = None) -> list[bool]:
    """For a run of consecutive readings in a repeated hour (their wall-clock times in file
    order, as anything that compares: naive datetimes, or seconds), which are the second pass.
    before/after: the wall-clock times of the ordinary readings around the run (None when there
    is none); oldest_first: the file's direction, used when the neighbours do not tell.

    The passes split where the clock steps back (forward in a newest-first file), or where a
    reading of the same kind (`kinds`: the method) repeats a time already seen in the run: a
    meter gives one reading per minute, so 02:30 twice is 02:30 +02:00 and 02:30 +01:00. A sensor
    reading and a scan in the same minute are of different kinds and stay in one pass.

    A run that never steps back in which more than one time repeats cannot be in the order of
    time (the second pass would have to start at two times): it is sorted by its wall-clock
    texts, the passes interleaved (LibreView: 01:06, 01:06, 01:21, 01:21). There each time's
    first reading in time order is the first pass and its repeat the second.
    """
    first = before if before is not None else run[0]
    last = after if after is not None else run[-1]
    if first != last:
        oldest_first = first < last
    kinds = kinds or [None] * len(run)
    keys = list(zip(run, kinds))
    if _sorted_by_wall_clock(run, keys, oldest_first):
        return _interleaved(keys, oldest_first)
    seen = {(run[0], kinds[0])}
    for index in range(1, len(run)):
        stepped_back = run[index] != run[index - 1] and (run[index] < run[index - 1]) == oldest_first
        if stepped_back or (run[index], kinds[index]) in seen:
            return [oldest_first == (i >= index) for i in range(len(run))]
        seen.add((run[index], kinds[index]))
    return [False] * len(run)


def _sorted_by_wall_clock(run: list, keys: list, oldest_first: bool) -> bool:
    """True for a run that never steps back (see second_pass) in which two or more times repeat."""
    if any(a != b and (b < a) == oldest_first for a, b in zip(run, run[1:])):
        return False
    counts: dict = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return sum(count > 1 for count in counts.values()) > 1


def _interleaved(keys: list, oldest_first: bool) -> list[bool]:
    """Second pass: a reading whose time (and kind) an older reading of the run already had."""
    passes, seen = [False] * len(keys), set()
    for index in range(len(keys)) if oldest_first else range(len(keys) - 1, -1, -1):
        passes[index] = keys[index] in seen
        seen.add(keys[index])
    return passes


def _time_of_day(text: str) -> int:
    """Seconds since midnight."""
    value, meridiem = text.strip(), ""
    if value[-2:].upper() in ("AM", "PM"):
        value, meridiem = value[:-2].strip(), value[-2:].upper()
    parts = value.split(":")
    if len(parts) == 3 and "." in parts[2]:
        # Only digits may follow: '00.000Z' is UTC (read by the offset-aware way), not a wall-clock time.
        parts[2], fraction = parts[2].split(".", 1)
        if not (fraction.isascii() and fraction.isdigit()):
            raise ValueError(f"not a time of day: {text!r}")
    if len(parts) not in (2, 3) or not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in parts):
        raise ValueError(f"not a time of day: {text!r}")
    hour, minute = int(parts[0]), int(parts[1])
    second = int(parts[2]) if len(parts) == 3 else 0
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError(f"not a 12-hour time: {text!r}")
        hour = hour % 12 + (12 if meridiem == "PM" else 0)
    if hour > 23 or minute > 59 or second > 59 or len(parts[1]) != 2:
        raise ValueError(f"not a time of day: {text!r}")
    return hour * 3600 + minute * 60 + second
