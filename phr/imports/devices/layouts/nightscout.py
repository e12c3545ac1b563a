"""Nightscout entries: the glucose a Nightscout site holds, as its API gives them (mg/dL, always).

Each entry has a type: 'sgv' (a sensor's glucose: method 'sensor'), 'mbg' (a meter's finger
prick: method 'fingerstick') or 'cal' (a sensor calibration's numbers, no glucose: skipped as
'not_a_reading'). Its time is 'date', milliseconds since 1970 (UTC; seconds in early uploads): exact, no wall-clock
guessing. The offset shown with it is the one in its 'dateString' ('2014-07-14T18:19:01-0700')
when that has one; a dateString in UTC ('...Z', most uploaders) says nothing about where the
person was, so the offset is the chosen zone's at that instant. An sgv below 39 is one of the
Dexcom error codes Nightscout passes on (no glucose: 'no_value'); 39 is the receiver's 'LOW', below
what the sensor can measure (flag 'below_range', no number).

This module reads the CSV forms and recognises the JSON array (entries.json), which
sources/nightscout_json.py reads, handing each entry to the same Entries.
- The API's text form (`/api/v1/entries.txt`, `.tsv` tab-separated, `.csv` comma-separated) has
  no header row: dateString, date, sgv, direction, device (the field order of Nightscout's
  sgvdata module, lib/text.js, and the tests of cgm-remote-monitor); only sgv entries have a
  value there. Recognised by its first row's shape: an ISO date, then epoch milliseconds.
- A CSV that tools write from the JSON (a header of the entries' own field names: 'dateString',
  'date', 'sgv', 'mbg', 'type', ...): read by those names.
"""

import json
import math
import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from phr.core.vocabulary import ReadingMethod
from phr.imports.devices.model import Header, Layout, ParsedReading, ParsedRows, SkippedRow, Table
from phr.imports.devices.rows import cell, read_each
from phr.imports.devices.units import bounds
from phr.monitoring.measures import CATALOGUE, GLUCOSE_MG_PER_MMOL

NAME = "nightscout"
# The entry's kind -> the method of its reading, and the field that holds its glucose.
KINDS = {"sgv": (ReadingMethod.SENSOR.value, "sgv"), "mbg": (ReadingMethod.FINGERSTICK.value, "mbg")}
LOWEST_CODE, LOW = 39, 39      # below 39: an error code; 39: the receiver's 'LOW'
_TYPES = set(KINDS) | {"cal"}
_JSON = json.JSONDecoder()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})$")
_DATE_DIGITS = range(10, 15)   # epoch milliseconds (12-14 digits); early uploaders wrote seconds (10)
_SECONDS_BELOW = 10 ** 11      # a 'date' below this is in seconds: as milliseconds it would be 1973
_FIRST = datetime(1990, 1, 1, tzinfo=timezone.utc).timestamp()
_LAST = datetime(2100, 1, 1, tzinfo=timezone.utc).timestamp()
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def looks_like(header: Header) -> bool:
    return _headerless(header.names) or (header.find("date") is not None and header.find("dateString") is not None
                                         and (header.find("sgv") is not None or header.find("mbg") is not None))


def looks_like_json(text: str) -> bool:
    """The start of an entries.json (sources/nightscout_json.py reads it): a JSON array whose first
    element is an entry (an object with 'date' or 'dateString' and an 'sgv', an 'mbg' or an entry
    type). A FHIR list, Regie's own JSON or any other JSON is not that."""
    body = text.lstrip("\ufeff \t\r\n")
    if body[:1] != "[":
        return False
    try:
        first, _ = _JSON.raw_decode(body, len(body) - len(body[1:].lstrip(" \t\r\n")))
    except (ValueError, RecursionError):
        return False
    return (isinstance(first, dict) and ("date" in first or "dateString" in first)
            and ("sgv" in first or "mbg" in first or first.get("type") in _TYPES))


def _headerless(fields: list[str]) -> bool:
    """The API's text form: its first row is an entry, not a header."""
    return (len(fields) >= 3 and _ISO_DATE.match(fields[0].strip()) is not None
            and fields[1].strip().isdigit() and len(fields[1].strip()) in _DATE_DIGITS)


def read_rows(table: Table, zone: ZoneInfo) -> ParsedRows:
    entries = Entries(zone)
    names = table.header.names
    if _headerless(names):
        read = entries.text_row
        read(table.header_line, names)     # the first row is an entry
    else:
        read = _NamedColumns(table.header, entries).read
    read_each(table, read)
    return entries.rows


LAYOUT = Layout(NAME, "a Nightscout export", looks_like, read_rows)


class Entries:
    """Nightscout entries as readings (or skipped rows), in file order; `line` is the CSV line, or
    the entry's number in a JSON array."""

    def __init__(self, zone: ZoneInfo):
        self.rows = ParsedRows(NAME, zone)
        self.zone = zone
        self.low, self.high = bounds(CATALOGUE["glucose"])
        self._offsets: dict[int, int] = {}     # hour since 1970 -> the zone's offset then

    def add(self, line: int, kind: object, value: object, date: object, date_string: object) -> None:
        """One entry: its type, glucose (mg/dL, a number or its text), date (ms) and dateString."""
        found = KINDS.get(kind if isinstance(kind, str) else "")
        if found is None:
            return self._skip(line, "not_a_reading")
        moment = self._moment(date, date_string)
        if isinstance(moment, str):
            return self._skip(line, moment)
        mg = _number(value)
        if mg is None:
            return self._skip(line, "bad_value" if value not in (None, "") else "no_value")
        method = found[0]
        if method == ReadingMethod.SENSOR.value and mg <= LOW:
            if mg < LOWEST_CODE:
                return self._skip(line, "no_value")   # a sensor error code, not a glucose
            self.rows.readings.append(ParsedReading("glucose", *moment, None, None, None, "below_range", method,
                                                    "", line))
            return None
        mmol = mg / GLUCOSE_MG_PER_MMOL
        if not self.low <= mmol <= self.high:
            return self._skip(line, "implausible")
        self.rows.readings.append(ParsedReading("glucose", *moment, mmol, None, None, "", method, "", line))
        return None

    def text_row(self, line: int, fields: list[str] | None) -> None:
        """A row of the API's text form: dateString, date, sgv, direction, device."""
        if fields is None or len(fields) < 3:
            return self._skip(line, "bad_row")
        self.add(line, "sgv", fields[2].strip(), fields[1].strip(), fields[0].strip())
        return None

    def _skip(self, line: int, reason: str) -> None:
        self.rows.skip(SkippedRow(line, reason))

    def _moment(self, date: object, date_string: object) -> tuple[int, int] | str:
        """(epoch, offset) of an entry, or the reason it has none."""
        text = date_string.strip() if isinstance(date_string, str) else ""
        milliseconds = _number(date)
        if milliseconds is None:
            if not text:
                return "no_time"
            return _from_text(text)
        epoch = int(milliseconds if milliseconds < _SECONDS_BELOW else milliseconds // 1000)
        if not _FIRST <= epoch < _LAST:
            return "bad_time"
        own = _OFFSET.search(text) if text else None
        if own is not None:
            sign = -1 if own.group(1) == "-" else 1
            return epoch, sign * (int(own.group(2)) * 60 + int(own.group(3)))
        return epoch, self._zone_offset(epoch)

    def _zone_offset(self, epoch: int) -> int:
        """The zone's offset at that instant; asked once per hour (zones change on the hour or half)."""
        hour = epoch // 1800
        offset = self._offsets.get(hour)
        if offset is None:
            utc = datetime.fromtimestamp(epoch, self.zone).utcoffset() or timedelta(0)
            offset = self._offsets[hour] = int(utc.total_seconds()) // 60
        return offset


class _NamedColumns:
    """A CSV with the entries' own field names as its header."""

    def __init__(self, header: Header, entries: Entries):
        self.entries = entries
        self.type, self.date, self.text = header.find("type"), header.find("date"), header.find("dateString")
        self.sgv, self.mbg = header.find("sgv"), header.find("mbg")

    def read(self, line: int, fields: list[str] | None) -> None:
        if fields is None:
            return self.entries._skip(line, "bad_row")
        kind = cell(fields, self.type) or ("sgv" if cell(fields, self.sgv) else "mbg" if cell(fields, self.mbg) else "")
        value = cell(fields, self.sgv if kind == "sgv" else self.mbg)
        self.entries.add(line, kind, value, cell(fields, self.date), cell(fields, self.text))
        return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    number: float | None = None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and value.strip():
        try:
            number = float(value)
        except ValueError:
            return None
    return number if number is not None and math.isfinite(number) else None


def _from_text(text: str) -> tuple[int, int] | str:
    """(epoch, offset) from a dateString alone, when the entry has no 'date'; it must name its offset."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return "bad_time"
    offset = moment.utcoffset()
    if offset is None or not _FIRST <= moment.timestamp() < _LAST:
        return "bad_time"
    return int((moment - _EPOCH).total_seconds()), int(offset.total_seconds()) // 60
