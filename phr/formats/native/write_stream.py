"""Regie's own JSON file written a piece at a time, in bounded memory: a lifetime's 3.2 million readings never
become one document (as objects or as text) before they reach the disk.

The file is the one json.dumps(doc, indent=1) would write, with one difference: a reading row is one line
(`["2026-09-01T08:00:00+02:00", "glucose", 5.4, ...]`), not twelve. A reader parses both the same.
What is not known until the readings have been written (the reference ranges' times, the authors) is given as a
callable and made when its turn comes.
"""

import json
import math
from collections.abc import Iterable
from typing import Any

from phr.formats.native.schema import READING_COLUMNS
from phr.storage.atomic import write_all

_FLUSH_CHARS = 1 << 20
_ROW_BREAK = "], ["
_encode_rows = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode


class StreamedObject:
    """An object whose (key, value) pairs are written as they come; a value may be a Streamed one, or a callable
    that makes it when its turn comes."""

    def __init__(self, items: Iterable[tuple[str, Any]]):
        self.items = items


class StreamedList:
    """A list whose elements are written as they come (a Streamed one, or plain JSON values)."""

    def __init__(self, elements: Iterable[Any]):
        self.elements = elements


class RowList:
    """A list of reading rows (lists of plain values), given in chunks, written one row per line."""

    def __init__(self, chunks: Iterable[list[list[Any]]]):
        self.chunks = chunks


class NotFinite(ValueError):
    """A NaN or ±Infinity: JSON has no such number. `where` names its place (never its value)."""

    def __init__(self, where: str):
        super().__init__(where)
        self.where = where


def write_document(fd: int, document: StreamedObject) -> None:
    """Writes `document` to the open file `fd`. NotFinite when it holds a number that is not finite."""
    writer = _Writer(fd)
    writer.value(document, 0, ())
    writer.text("\n")
    writer.flush()


class _Writer:
    def __init__(self, fd: int):
        self.fd, self.pieces, self.size = fd, list[str](), 0

    def text(self, piece: str) -> None:
        self.pieces.append(piece)
        self.size += len(piece)
        if self.size >= _FLUSH_CHARS:
            self.flush()

    def flush(self) -> None:
        write_all(self.fd, "".join(self.pieces).encode("utf-8"))
        self.pieces, self.size = [], 0

    def value(self, value: Any, depth: int, where: tuple[str, ...]) -> None:
        if callable(value):
            value = value()
        if isinstance(value, StreamedObject):
            self._object(value, depth, where)
        elif isinstance(value, StreamedList):
            self._list(value, depth, where)
        elif isinstance(value, RowList):
            self._rows(value, depth, where)
        else:
            self.text(_plain(value, depth, where))

    def _object(self, value: StreamedObject, depth: int, where: tuple[str, ...]) -> None:
        inner, first = " " * (depth + 1), True
        for key, item in value.items:
            self.text(("{\n" if first else ",\n") + inner + json.dumps(key, ensure_ascii=False) + ": ")
            self.value(item, depth + 1, where if key == "sections" else (*where, key))
            first = False
        self.text("{}" if first else "\n" + " " * depth + "}")

    def _list(self, value: StreamedList, depth: int, where: tuple[str, ...]) -> None:
        inner, number = " " * (depth + 1), 0
        for number, element in enumerate(value.elements, 1):
            self.text(("[\n" if number == 1 else ",\n") + inner)
            self.value(element, depth + 1, (*where, f"entry {number}"))
        self.text("[]" if not number else "\n" + " " * depth + "]")

    def _rows(self, value: RowList, depth: int, where: tuple[str, ...]) -> None:
        inner, done = " " * (depth + 1), 0
        for chunk in value.chunks:
            if not chunk:
                continue
            self.text(("[\n" if not done else ",\n") + inner + _row_lines(chunk, inner, (*where, done)))
            done += len(chunk)
        self.text("[]" if not done else "\n" + " " * depth + "]")


def _row_lines(chunk: list[list[Any]], inner: str, where: tuple[Any, ...]) -> str:
    """The rows of `chunk`, one per line: one call of the C encoder for the chunk, cut between its rows (when a
    text in a row holds the cut itself, row by row instead)."""
    try:
        encoded = _encode_rows(chunk)[1:-1]
    except ValueError:
        raise NotFinite(_row_not_finite(chunk, where)) from None
    if encoded.count(_ROW_BREAK) == len(chunk) - 1:
        return encoded.replace(_ROW_BREAK, "],\n" + inner + "[")
    return (",\n" + inner).join(map(_encode_rows, chunk))


def _row_not_finite(chunk: list[list[Any]], where: tuple[Any, ...]) -> str:
    *path, before = where
    for number, row in enumerate(chunk, before + 1):
        found = not_finite(row, (*path, f"entry {number}"))
        if found:
            return found
    return ", ".join(path)


def _plain(value: Any, depth: int, where: tuple[str, ...]) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False)
    except ValueError:
        raise NotFinite(", ".join(where) if isinstance(value, float) else not_finite(value, where)) from None
    return text.replace("\n", "\n" + " " * depth) if depth else text


def not_finite(part: dict[str, Any] | list[Any], where: tuple[str, ...] = ()) -> str:
    """Where the first NaN or ±Infinity of the document is, by section, entry number and field (never its value):
    'measure_targets, entry 2, target_high'; 'reading_batches, entry 1, readings, entry 5, value'."""
    if isinstance(part, dict):
        items: list[tuple[str, Any]] = [(str(key), value) for key, value in part.items()]
    elif where[-2:-1] == ("readings",):  # a reading row: its columns by name
        items = list(zip(READING_COLUMNS, part))
    else:
        items = [(f"entry {number}", value) for number, value in enumerate(part, 1)]
    for key, value in items:
        here = where if key == "sections" else (*where, key)
        if isinstance(value, float) and not math.isfinite(value):
            return ", ".join(here)
        if isinstance(value, (dict, list)) and (found := not_finite(value, here)):
            return found
    return ""

