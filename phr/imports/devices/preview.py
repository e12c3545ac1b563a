"""A device file's first rows, for the import wizard's mapping step (steps 1 and 3 only: nothing is read as
readings).

The header is (about) the widest of the first records (recognise's guess for a file of no known kind), not
the first one: many exports start with lines before their columns (a title; LibreView's metadata line; a
Medtronic iPro2 export's eleven lines about the patient and the device). The rows shown are the ones
after it, so the columns offered are the ones a mapping saved from them finds again: the mapped layout
looks for its columns among the same first records (table.open_table).

A text that is no table (XML, JSON) is said to be one, so the wizard offers no mapping for it.
"""

from dataclasses import dataclass
from itertools import islice

from phr.imports.devices.decode import decode_file
from phr.imports.devices.model import CsvText, NotThisFormat
from phr.imports.devices.recognise import _widest_record
from phr.imports.devices.records import HEADER_SEARCH, records

# Preview.shape: what the text looks like.
TABLE, XML, JSON = "table", "xml", "json"


@dataclass(frozen=True)
class Preview:
    headers: list[str]         # the header row, every field (an empty one too, so the rows line up)
    rows: list[list[str]]      # the first rows after it, as text, for the mapping step
    delimiter: str
    encoding: str              # as CsvText.encoding: 'utf-8', 'utf-8-sig', 'utf-16' or 'windows-1252'
    header_line: int = 1       # the header's line number (1: the file starts with it)
    shape: str = TABLE         # TABLE, or XML or JSON: a text that is no table (no headers nor rows then)


def preview(data: bytes, rows: int = 10, name: str = "") -> Preview:
    """The header row and the first `rows` rows after it; NotThisFormat when the file is not text or
    holds no rows."""
    text = decode_file(data, name)
    shape = shape_of(text)
    if shape != TABLE:
        return Preview([], [], text.delimiter, text.encoding, 0, shape)
    # As wide as the widest record (recognise's guess at the header), but one name may be empty: an
    # unnamed first column (as pandas writes its index) must not make the first data row the header.
    widest = len(_widest_record(text))
    found = records(text)
    for line, fields in islice(found, HEADER_SEARCH if widest else 0):
        if fields is not None and len(fields) >= widest and _filled(fields) >= max(1, widest - 1):
            after = [fields for _, fields in islice(found, rows) if fields is not None]
            return Preview(fields, after, text.delimiter, text.encoding, line)
    raise NotThisFormat("The file holds no rows.")


def _filled(fields: list[str]) -> int:
    return sum(1 for field in fields if field.strip())


def shape_of(text: CsvText) -> str:
    """XML or JSON when the text starts like one (after a byte order mark and white space), else TABLE."""
    start = text.text[:256].lstrip("\ufeff \t\r\n")[:1]
    return XML if start == "<" else JSON if start in ("{", "[") else TABLE
