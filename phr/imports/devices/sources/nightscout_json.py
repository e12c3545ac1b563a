"""Nightscout's entries.json (`/api/v1/entries.json?count=...`, or a site's download): one JSON array
of entries, {"type": "sgv", "sgv": 112, "date": 1684042331000, "dateString": "2023-05-14T07:32:11.000+02:00",
"device": ..., "direction": ...}. What each entry becomes: layouts/nightscout.py (the same as its CSV).

Read one entry at a time (json.JSONDecoder.raw_decode from the entry's place in the text), so
that a file of a million entries never becomes a million dictionaries at once; no streaming JSON
library is needed for one flat array. A large file is read from its path in blocks, the text read
let go (issue 20): any size in bounded memory, its readings stored while it is read. Progress is reported and may cancel, as for a CSV. A file
that is not one whole valid array (cut short by a download, say) is refused: nothing is added,
rather than the part before the break.

Recognised by its content, never by its name: an array whose first element is an entry (an
object with 'date' or 'dateString' and an 'sgv', an 'mbg' or an entry type). A FHIR list, Regie's
own JSON or any other JSON is not that.
"""

import json
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

from phr.imports.devices.decode import decode_file, decode_path
from phr.imports.devices.layouts.nightscout import KINDS, Entries, looks_like_json
from phr.imports.devices.model import DeviceReadings, NotThisFormat, Progress
from phr.imports.devices.readings import readings_of
from phr.imports.devices.records import PROGRESS_STEP, report
from phr.imports.devices.sources import FileInput, Source, bytes_of

_HEAD_BYTES = 1 << 16
# A file up to this size is read at once; a larger one in blocks of _BLOCK_CHARS (bounded memory).
IN_MEMORY_BYTES = 32 << 20
_BLOCK_CHARS = 1 << 20
# An element of the array longer than this is no Nightscout entry (a few hundred characters).
MAX_ENTRY_CHARS = 1 << 22
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


def read_file(data: FileInput, name: str, zone: ZoneInfo, progress: Progress | None = None) -> DeviceReadings:
    """The file's readings (steps 1, 4 and 5). NotThisFormat when it is not one valid JSON array;
    ParseCancelled when `progress` returns False. `data`: its bytes, or its path (read in blocks: any size)."""
    entries = Entries(zone)
    for number, entry in enumerate(_elements(_Text(data, name), progress), start=1):
        if isinstance(entry, dict):
            kind = _kind(entry)
            value = entry.get(KINDS[kind][1]) if kind in KINDS else None
            entries.add(number, kind, value, entry.get("date"), entry.get("dateString"))
        else:
            entries.add(number, None, None, None, None)   # not an entry: 'not_a_reading'
    return readings_of(entries.rows)


SOURCE = Source("nightscout", "a Nightscout entries file", looks_like, read_file, streamed=True)


class _Text:
    """The file's text as a window that moves on: what has been read is let go, the next block read when needed.
    `text[place]` is the character `start + place` of the file."""

    def __init__(self, data: FileInput, name: str):
        if isinstance(data, bytes) or data.stat().st_size <= IN_MEMORY_BYTES:
            self.text = decode_file(bytes_of(data), name).text.lstrip("\ufeff")
            self.blocks: Iterator[str] = iter(())
            self.total = len(self.text)
        else:
            whole = decode_path(data, name)
            self.blocks, self.text, self.total = whole.blocks(_BLOCK_CHARS), "", whole.size
        self.start = self.lines = 0    # characters and line ends let go
        self.first = True

    def more(self) -> bool:
        """Reads the next block onto the window; False at the end of the file."""
        block = next(self.blocks, None)
        if block is None:
            return False
        if self.first:
            block, self.first = block.lstrip("\ufeff"), False
        self.text += block
        return True

    def let_go(self, place: int) -> int:
        """Forgets the text before `place` (when it is much); returns where `place` is in the window now."""
        if place < _BLOCK_CHARS:
            return place
        self.lines += self.text.count("\n", 0, place)
        self.start += place
        self.text = self.text[place:]
        return 0

    def line(self, place: int) -> int:
        return self.lines + self.text.count("\n", 0, place) + 1


def _kind(entry: dict[str, Any]) -> object:
    """The entry's type; without one, the kind of value it has (as Nightscout's API types it)."""
    if "type" in entry:
        return entry["type"]
    return "sgv" if "sgv" in entry else "mbg" if "mbg" in entry else None


def _elements(window: _Text, progress: Progress | None) -> Iterator[Any]:
    """Each element of the JSON array in `window`, one at a time; NotThisFormat when the text is not one."""
    place = _skip(window, 0)
    if window.text[place:place + 1] != "[":
        raise NotThisFormat("This is not a Nightscout entries file: it is not a JSON array.")
    place = _skip(window, place + 1)
    if window.text[place:place + 1] == "]":
        return _end(window, place + 1)
    count = 0
    while True:
        value, place = _element(window, place)
        yield value
        count += 1
        if progress is not None and count % PROGRESS_STEP == 0:
            report(progress, min(window.start + place, window.total), window.total)
        place = _skip(window, window.let_go(place))
        mark = window.text[place:place + 1]
        if mark == "]":
            return _end(window, place + 1)
        if mark != ",":
            raise _broken(window, place)
        place = _skip(window, place + 1)


def _element(window: _Text, place: int) -> tuple[Any, int]:
    """The element at `place` and the place after it, reading on while it may be cut by the window's end (an
    element longer than MAX_ENTRY_CHARS is no Nightscout entry: the file is refused)."""
    while True:
        try:
            value, end = _decoder.raw_decode(window.text, place)
        except (ValueError, RecursionError):
            value, end = None, -1
        if 0 <= end < len(window.text):      # a number at the very end may go on in the next block
            return value, end
        if len(window.text) - place > MAX_ENTRY_CHARS or not window.more():
            if end < 0:
                raise _broken(window, place)
            return value, end


def _skip(window: _Text, place: int) -> int:
    """The place of the first character from `place` on that is not white space (reading on when needed)."""
    while True:
        found = _SPACE.match(window.text, place)
        end = found.end() if found else place
        if end < len(window.text) or not window.more():
            return end


def _end(window: _Text, place: int) -> None:
    """Only white space may follow the array."""
    while True:
        if window.text[place:].strip():
            raise _broken(window, place)
        place = window.let_go(len(window.text))
        if not window.more():
            return


def _broken(window: _Text, place: int) -> NotThisFormat:
    line = window.line(place)
    return NotThisFormat(f"This Nightscout entries file is not valid JSON at line {line:,}: it may have been cut "
                         "short. Nothing was added; download it again.")
