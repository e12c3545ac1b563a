"""Nightscout's entries.json (`/api/v1/entries.json?count=...`, or a site's download): one JSON array
of entries, {"type": "sgv", "sgv": 112, "date": 1684042331000, "dateString": "2023-05-14T07:32:11.000+02:00",
"device": ..., "direction": ...}. What each entry becomes: layouts/nightscout.py (the same as its CSV).

Read one entry at a time (json.JSONDecoder.raw_decode from the entry's place in the text), so
that a file of a million entries never becomes a million dictionaries at once; no streaming JSON
library is needed for one flat array. Progress is reported and may cancel, as for a CSV. A file
that is not one whole valid array (cut short by a download, say) is refused: nothing is added,
rather than the part before the break.

Recognised by its content, never by its name: an array whose first element is an entry (an
object with 'date' or 'dateString' and an 'sgv', an 'mbg' or an entry type). A FHIR list, Regie's
own JSON or any other JSON is not that.
"""

import json
import re
from typing import Any
from zoneinfo import ZoneInfo

from phr.imports.devices.decode import decode_file
from phr.imports.devices.layouts.nightscout import KINDS, Entries, looks_like_json
from phr.imports.devices.model import DeviceReadings, NotThisFormat, Progress
from phr.imports.devices.readings import readings_of
from phr.imports.devices.records import PROGRESS_STEP, report
from phr.imports.devices.sources import FileInput, Source, bytes_of

_HEAD_BYTES = 1 << 16
_SPACE = re.compile(r"[ \t\r\n]*")
_decoder = json.JSONDecoder()


def looks_like(data: bytes) -> bool:
    """True when the file starts as a Nightscout entries array (read from its first 64 KB only)."""
    head = data[:_HEAD_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.lstrip(b" \t\r\n")[:1] != b"[":
        return False
    return looks_like_json(head.decode("utf-8", errors="replace"))


def read_file(data: bytes, name: str, zone: ZoneInfo, progress: Progress | None = None) -> DeviceReadings:
    """The file's readings (steps 1, 4 and 5). NotThisFormat when it is not one valid JSON array;
    ParseCancelled when `progress` returns False."""
    text = decode_file(data, name).text.lstrip("\ufeff")
    entries = Entries(zone)
    for number, entry in enumerate(_elements(text, progress), start=1):
        if isinstance(entry, dict):
            kind = _kind(entry)
            value = entry.get(KINDS[kind][1]) if kind in KINDS else None
            entries.add(number, kind, value, entry.get("date"), entry.get("dateString"))
        else:
            entries.add(number, None, None, None, None)   # not an entry: 'not_a_reading'
    return readings_of(entries.rows)


def _read(file: FileInput, name: str, zone: ZoneInfo, progress: Progress | None) -> DeviceReadings:
    return read_file(bytes_of(file), name, zone, progress)


SOURCE = Source("nightscout", "a Nightscout entries file", looks_like, _read)


def _kind(entry: dict[str, Any]) -> object:
    """The entry's type; without one, the kind of value it has (as Nightscout's API types it)."""
    if "type" in entry:
        return entry["type"]
    return "sgv" if "sgv" in entry else "mbg" if "mbg" in entry else None


def _elements(text: str, progress: Progress | None):
    """Each element of the JSON array `text`, one at a time; NotThisFormat when the text is not one."""
    total = len(text)
    place = _skip(text, 0)
    if text[place:place + 1] != "[":
        raise NotThisFormat("This is not a Nightscout entries file: it is not a JSON array.")
    place = _skip(text, place + 1)
    if text[place:place + 1] == "]":
        return _end(text, place + 1)
    count = 0
    while True:
        try:
            value, place = _decoder.raw_decode(text, place)
        except (ValueError, RecursionError):
            raise _broken(text, place) from None
        yield value
        count += 1
        if progress is not None and count % PROGRESS_STEP == 0:
            report(progress, place, total)
        place = _skip(text, place)
        mark = text[place:place + 1]
        if mark == "]":
            return _end(text, place + 1)
        if mark != ",":
            raise _broken(text, place)
        place = _skip(text, place + 1)


def _skip(text: str, place: int) -> int:
    """The place of the first character from `place` on that is not white space."""
    found = _SPACE.match(text, place)
    return found.end() if found else place


def _end(text: str, place: int) -> None:
    if text[place:].strip():
        raise _broken(text, place)


def _broken(text: str, place: int) -> NotThisFormat:
    line = text.count("\n", 0, place) + 1
    return NotThisFormat(f"This Nightscout entries file is not valid JSON at line {line:,}: it may have been cut "
                         "short. Nothing was added; download it again.")
