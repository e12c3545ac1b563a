"""Reading a key file's JSON strictly: each helper returns the value with its type, or raises KeyFileInvalid.

A key file may be damaged, or written by someone who can write to the record folder: nothing in
it is used before it has been checked here. Also the canonical form the slots bind into their
associated data, and base64.
"""

import base64
import json
import math
from collections.abc import Mapping

HEX_DIGITS = "0123456789abcdef"
MAX_FILE_BYTES = 256 * 1024


class KeyFileInvalid(ValueError):
    """A key file that is not a complete, well-formed Regie key file (never shown to users)."""


def parse(raw: bytes) -> dict[str, object]:
    expect(isinstance(raw, bytes) and 0 < len(raw) <= MAX_FILE_BYTES)
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise KeyFileInvalid("not JSON") from None
    return mapping(doc)


def expect(condition: bool) -> None:
    if not condition:
        raise KeyFileInvalid("malformed key file")


def mapping(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise KeyFileInvalid("malformed key file")
    return value


def whole_number(value: object, low: int, high: float = math.inf) -> int:
    """An int (not a bool, not a float) from `low` to `high`."""
    if type(value) is not int or not low <= value <= high:
        raise KeyFileInvalid("malformed key file")
    return value


def hex_text(value: object, length: int) -> str:
    if not (isinstance(value, str) and len(value) == length and all(c in HEX_DIGITS for c in value)):
        raise KeyFileInvalid("malformed key file")
    return value


def one_of(value: object, words: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in words:
        raise KeyFileInvalid("malformed key file")
    return value


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: object, length: int) -> bytes:
    """Exactly `length` bytes, in strict base64."""
    if not isinstance(value, str) or len(value) > 4 * length:
        raise KeyFileInvalid("malformed key file")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyFileInvalid("bad base64") from None
    expect(len(data) == length)
    return data


def canonical(doc: Mapping[str, object]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
