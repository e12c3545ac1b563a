"""Which device format a file is, by its content (the header row), and parsing it in that format.

A file that is not what it was said to be (`--format omron` on a LibreView export, a photo
renamed to .csv) raises NotThisFormat with a plain English message that says what it does look
like, and nothing is read from it.
"""

from itertools import islice

from phr.imports.devices import dexcom, libreview, omron
from phr.imports.devices.collect import HEADER_SEARCH
from phr.imports.devices.generic import Mapping, parse_plain, parse_with_mapping
from phr.imports.devices.model import NotThisFormat, ParseResult
from phr.imports.devices.text import CsvText, Header, Progress, read_csv_text, records
from phr.imports.devices.times import AMSTERDAM
from phr.monitoring.measures import Measure

FORMATS = ("auto", "libreview", "dexcom", "omron", "csv")
# The header is looked for in the first this many characters (HEADER_SEARCH records at most).
_HEAD_CHARS = 1 << 20
_DEVICES = {
    "libreview": (libreview.looks_like, libreview.parse_libreview, libreview.WHAT),
    "dexcom": (dexcom.looks_like, dexcom.parse_dexcom, dexcom.WHAT),
    "omron": (omron.looks_like, omron.parse_omron, omron.WHAT),
}


def detect(data: bytes, name: str = "") -> str:
    """'libreview', 'dexcom', 'omron', or 'csv' for any other text file (NotThisFormat when the
    file is not text). Decided by the header row, never by the file name, which only appears in
    messages."""
    return _format_of(read_csv_text(data, name))


def _format_of(text: CsvText) -> str:
    head = CsvText(text.text[:_HEAD_CHARS], text.encoding, text.delimiter)
    for _, fields in islice(records(head), HEADER_SEARCH):
        if fields is None:
            continue
        header = Header(fields)
        for format_name, (looks_like, _, _) in _DEVICES.items():
            if looks_like(header):
                return format_name
    return "csv"


def parse(data: bytes, format: str = "auto", measure: str | None = None, mapping: Mapping | None = None,
          progress: Progress | None = None, catalogue: dict[str, Measure] | None = None,
          name: str = "", zone=AMSTERDAM) -> ParseResult:
    """The file's readings in `format` ('auto': detected). A CSV of another kind needs a mapping,
    or a measure key when it has the columns time and value.

    Raises NotThisFormat (the file), ValueError (the arguments: unknown format or measure, a CSV
    without measure or mapping) and ParseCancelled (the progress callback returned False)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    text = read_csv_text(data, name)      # once: a large file is not decoded again per step
    chosen = _format_of(text) if format == "auto" else format
    try:
        if chosen in _DEVICES:
            return _DEVICES[chosen][1](text, progress, name, zone)
        if mapping is not None:
            return parse_with_mapping(text, mapping, progress, catalogue, name, zone)
        if measure:
            return parse_plain(text, measure, progress, catalogue, name, zone)
    except NotThisFormat as error:
        raise _what_it_is(error, text, chosen) from None
    raise ValueError("A CSV file of this kind needs a measure (--measure KEY) or a mapping.")


def _what_it_is(error: NotThisFormat, text: CsvText, expected: str) -> NotThisFormat:
    """The error, with what the file looks like when that is another device's format."""
    actual = _format_of(text)
    if actual == expected or actual not in _DEVICES:
        return error
    return NotThisFormat(f"{error} It looks like {_DEVICES[actual][2]}.")
