"""Regie's own JSON file read within limits, before any rule looks at it: its size, how deep it nests, and
text that no database stores (a lone UTF-16 surrogate such as "\\ud800", which JSON can spell but UTF-8
cannot). Each is refused in one line that names the limit, or the entry and field, never the text itself.

A Regie file nests 7 levels; MAX_DEPTH leaves room for files of later versions, and keeps every later
step (which may recurse) far from Python's stack limit.
"""

import json
import re
from typing import Any

from phr.formats.errors import InvalidImport

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_DEPTH = 32
TOO_LARGE = f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, too large to be a Regie record file."
TOO_DEEP = (f"The file is nested deeper than any Regie record file (more than {MAX_DEPTH} levels), so Regie does "
            "not read it. Nothing was imported.")

Path = tuple[str | int, ...]
# Where a lone surrogate can come from: JSON's \uD800-\uDFFF escape (UTF-8 itself cannot carry one, and a file that
# tries fails to decode). A file without one needs only its depth walked, which is most of the cost saved.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def loaded(data: bytes) -> Any:
    """The file's JSON value, once within the limits; InvalidImport otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidImport(TOO_LARGE)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        raise InvalidImport(TOO_DEEP) from None
    except (UnicodeDecodeError, ValueError):
        raise InvalidImport("The file is not a Regie record file (it is not valid JSON).") from None
    if SURROGATE_ESCAPE.search(data):
        _check(document)
    else:
        _check_depth(document)
    return document


def _check_depth(document: Any) -> None:
    """No value deeper than MAX_DEPTH, as _check finds it, walking the lists and objects only."""
    pending: list[tuple[Any, int]] = [(document, 0)] if isinstance(document, (dict, list)) else []
    while pending:
        value, depth = pending.pop()
        items = value.values() if isinstance(value, dict) else value
        if items and depth + 1 >= MAX_DEPTH:
            raise InvalidImport(TOO_DEEP)
        pending.extend((item, depth + 1) for item in items if isinstance(item, (dict, list)))


def _check(document: Any) -> None:
    """Every value no deeper than MAX_DEPTH, every text and field name storable; without recursion, so a
    file nested as deep as json.loads allows is still walked."""
    pending: list[tuple[Any, Path]] = [(document, ())]
    while pending:
        value, path = pending.pop()
        if len(path) >= MAX_DEPTH:
            raise InvalidImport(TOO_DEEP)
        if isinstance(value, str):
            storable(value, path, document)
        elif isinstance(value, dict):
            for key, item in value.items():
                storable(key, path, document, is_name=True)
                pending.append((item, (*path, key)))
        elif isinstance(value, list):
            pending.extend((item, (*path, number)) for number, item in enumerate(value))


def storable(text: str, path: Path, document: Any, is_name: bool = False) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        what = f"a field name in {where(path, document)}" if is_name else f"{where(path, document)},"
        raise InvalidImport(f"The Regie record file is damaged: {what} holds a character that is not text (a lone "
                            "UTF-16 surrogate). Nothing was imported.") from None


def where(path: Path, document: Any) -> str:
    """The place of a value in words: 'diary entry 3, field text', 'reading batch 1, reading 4, field note'."""
    if not path:
        return "the file"
    head, rest = path[0], list(path[1:])
    if head == "person":
        return "the person's details" + _field(rest)
    if head == "sections" and len(rest) >= 2 and isinstance(rest[1], int):
        return f"{_name(rest[0])} entry {rest[1] + 1}" + _field(rest[2:])
    if head == "reading_batches" and rest and isinstance(rest[0], int):
        if len(rest) >= 3 and rest[1] == "readings" and isinstance(rest[2], int):
            return f"reading batch {rest[0] + 1}, reading {rest[2] + 1}" + _column(rest[3:], document)
        return f"reading batch {rest[0] + 1}" + _field(rest[1:])
    if head in ("authors", "reference_ranges") and rest and isinstance(rest[0], int):
        return f"{'author' if head == 'authors' else 'reference range'} {rest[0] + 1}" + _field(rest[1:])
    return "the part " + " > ".join(_name(part) for part in path[:8])


def _field(rest: list[str | int]) -> str:
    return f", field {_name(rest[0])}" if rest and isinstance(rest[0], str) else ""


def _name(part: str | int) -> str:
    """A name from the file as a message quotes it: short (a file may hold a field name of any length)."""
    text = str(part)
    return text if len(text) <= 40 else text[:39] + "…"


def _column(rest: list[str | int], document: Any) -> str:
    """A reading is a row: its column's name comes from the file's reading_columns."""
    columns = document.get("reading_columns") if isinstance(document, dict) else None
    if not rest or not isinstance(rest[0], int) or not isinstance(columns, list) or rest[0] >= len(columns):
        return ""
    return f", field {_name(columns[rest[0]])}" if isinstance(columns[rest[0]], str) else ""
