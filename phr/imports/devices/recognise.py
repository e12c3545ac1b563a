"""Step 2 of a device import: which layout a decoded file is, by its header row — never by the
file name, which only appears in messages.

The vendors' layouts (phr.imports.devices.layouts.LAYOUTS) are tried in order on the first
records; a text file that is none of them is another CSV ('csv'), read with a mapping or as
plain `time,value` readings of a measure. A file that is not what it was said to be (`--format
omron` on a LibreView export) is refused with a message that says what it does look like.
"""

from itertools import islice

from phr.imports.devices.layouts import LAYOUTS, nightscout
from phr.imports.devices.layouts.mapped import NAME as OTHER_CSV
from phr.imports.devices.layouts.mapped import mapped_layout, plain_layout
from phr.imports.devices.model import CsvText, Header, Layout, NotThisFormat
from phr.imports.devices.records import HEADER_SEARCH, records
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.measures import Measure

FORMATS = ("auto",) + tuple(layout.name for layout in LAYOUTS) + (OTHER_CSV,)
# The header is looked for in the first this many characters (HEADER_SEARCH records at most).
_HEAD_CHARS = 1 << 20
LAYOUTS_BY_NAME = {layout.name: layout for layout in LAYOUTS}


def recognised(text: CsvText) -> Layout | None:
    """The vendor's layout whose header row is among the file's first records; None for any
    other CSV."""
    head = CsvText(text.text[:_HEAD_CHARS], text.encoding, text.delimiter)
    for _, fields in islice(records(head), HEADER_SEARCH):
        if fields is None:
            continue
        header = Header(fields)
        for layout in LAYOUTS:
            if layout.looks_like(header):
                return layout
    return None


def format_of(text: CsvText) -> str:
    """'libreview', 'dexcom', 'omron', ... or 'csv' for any other text file; 'nightscout' also for
    Nightscout's entries.json (sources/nightscout_json.py), which is no table."""
    if nightscout.looks_like_json(text.text[:_HEAD_CHARS]):   # no table: read beside the CSV steps
        return nightscout.NAME
    layout = recognised(text)
    return OTHER_CSV if layout is None else layout.name


def layout_for(text: CsvText, format: str = "auto", measure: str | None = None, mapping: Mapping | None = None,
               catalogue: dict[str, Measure] | None = None, method: str = "") -> Layout:
    """The layout to read the file with: the one recognised ('auto') or the one asked for. A CSV
    of another kind needs a mapping, or a measure key when it has the columns time and value; its
    readings get `method`. ValueError for the arguments: an unknown format, measure or method, a
    CSV without measure or mapping, a method for a vendor's file (which says it per reading)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    chosen = recognised(text) if format == "auto" else LAYOUTS_BY_NAME.get(format)
    if chosen is not None:
        if method:
            raise ValueError(f"{method_not_for(chosen)} A method is only given for another CSV file.")
        return chosen
    if mapping is not None:
        return mapped_layout(mapping, catalogue, method)
    if measure:
        return plain_layout(measure, catalogue, method)
    described = describe(text)
    if described.endswith(_NOT_A_TABLE):
        raise ValueError(described)
    raise ValueError(f"{described} Read it as another CSV file: with a measure (--measure KEY) when it has "
                     "the columns time and value, or with a mapping of its columns (in the app).")


# How a file that is no known layout is described: its encoding and delimiter in words.
_ENCODINGS = {"utf-8": "UTF-8 text", "utf-8-sig": "UTF-8 text", "utf-16": "UTF-16 text",
              "windows-1252": "Windows-1252 text"}
_DELIMITERS = {",": "comma-separated", ";": "semicolon-separated", "\t": "tab-separated"}
_SHOWN_HEADERS = 8
_NOT_A_TABLE = "not a table."


def describe(text: CsvText) -> str:
    """What a file that is none of the known layouts looks like, for the person to recognise it:
    'This is not a file of a kind Regie recognises (...). It is UTF-16 text, tab-separated, and its
    header row seems to be “Index”, “Date”, ... (17 columns).'"""
    known = ", ".join(layout.what.removeprefix("a ").removeprefix("an ") for layout in LAYOUTS)
    start = f"This is not a file of a kind Regie recognises ({known})."
    encoding = _ENCODINGS.get(text.encoding, text.encoding)
    head = text.text[:_HEAD_CHARS].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return f"{start} It is {encoding} that looks like XML, {_NOT_A_TABLE}"
    if head.startswith(("{", "[")):
        return f"{start} It is {encoding} that looks like JSON, {_NOT_A_TABLE}"
    header = _widest_record(text)
    if len(header) < 2:
        return f"{start} It is {encoding} without columns."
    names = ", ".join(f"“{name.strip()}”" for name in header[:_SHOWN_HEADERS])
    more = ", ..." if len(header) > _SHOWN_HEADERS else ""
    return (f"{start} It is {encoding}, {_DELIMITERS.get(text.delimiter, 'separated')}, and its header row "
            f"seems to be {names}{more} ({len(header)} columns).")


def _widest_record(text: CsvText) -> list[str]:
    """The first of the first records with the most filled fields: the header row, most likely."""
    head = CsvText(text.text[:_HEAD_CHARS], text.encoding, text.delimiter)
    widest: list[str] = []
    for _, fields in islice(records(head), HEADER_SEARCH):
        filled = [field for field in fields or [] if field.strip()]
        if len(filled) > len(widest):
            widest = filled
    return widest


def method_not_for(layout: Layout) -> str:
    """Why a vendor's file takes no method from the person."""
    return says_itself(layout.what)


def says_itself(what: str) -> str:
    """Why a file of this kind ('a LibreView export', 'an Apple Health export') takes no method."""
    return f"This is {what}: it says itself how each reading was taken."


def explained(error: NotThisFormat, text: CsvText, expected: Layout) -> NotThisFormat:
    """The error a layout raised on this file, with what the file looks like when that is
    another vendor's layout."""
    actual = recognised(text)
    if actual is None or actual.name == expected.name:
        return error
    return NotThisFormat(f"{error} It looks like {actual.what}.")
