"""Step 1 of a device import: the file's bytes as text, with its delimiter.

- Encoding: UTF-8 with or without a byte order mark, UTF-16 with a byte order mark (Excel's
  "Unicode text", Medtronic's exports) or without one (recognised by its zero bytes: text in a
  Latin script has a zero in every other byte), otherwise Windows-1252. Binary files (a photo renamed to .csv, an Excel
  workbook) are refused with NotThisFormat.
- Delimiter: comma, semicolon or tab, whichever occurs most (outside quotes) in the first line
  that has any; a tie goes to the comma. The first line is a header or LibreView's metadata line,
  which hold no decimal commas, so a semicolon file with "5,4" values is not mistaken for commas.
- Line ends (CRLF, LF or CR) are left in the text: the table step reads any of them.
"""

import codecs

from phr.imports.devices.model import CsvText, NotThisFormat

_SNIFF_BYTES = 8192
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or an Excel workbook"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file"), (b"SQLite format 3", "a database"),
)


def decode_file(data: bytes, name: str = "") -> CsvText:
    """The file's text and delimiter; NotThisFormat when it is not a text file."""
    text, encoding = decode(data, name)
    return CsvText(text, encoding, sniff_delimiter(text))


def decode(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding name). Refuses empty and binary files with a plain English message."""
    what = f"“{name}”" if name else "The file"
    if not data or data.isspace():     # not data.strip(): that copies a large file
        raise NotThisFormat(f"{what} is empty.")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotThisFormat(f"{what} is not a text (CSV) file: it looks like {kind}.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data, "utf-16", what), "utf-16"
    bare = _bare_utf16(data[:_SNIFF_BYTES])
    if bare:
        return _checked(data, bare, what), "utf-16"
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise NotThisFormat(f"{what} is not a text (CSV) file.")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data, "utf-8-sig", what), "utf-8-sig"
    try:
        return _checked(data, "utf-8", what), "utf-8"
    except UnicodeDecodeError:
        # Not UTF-8: Excel on Windows writes Windows-1252 ("café" as one byte 0xE9).
        return _checked(data, "windows-1252", what), "windows-1252"


def _bare_utf16(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without a byte order mark, else None: most of
    the bytes on one side of each pair are zero and (almost) none on the other."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
    if odd >= pairs * 0.6 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.6 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def _checked(data: bytes, encoding: str, what: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "utf-8":
            raise
        raise NotThisFormat(f"{what} is not a text (CSV) file: its characters cannot be read.") from None
    head = text[:_SNIFF_BYTES]
    controls = sum(1 for c in head if c < " " and c not in "\t\r\n\f")
    if controls > 1 + len(head) // 100 or "\x00" in text:
        raise NotThisFormat(f"{what} is not a text (CSV) file.")
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter that occurs most, outside quotes, in the first line that has one."""
    for line in text[:_SNIFF_BYTES * 8].splitlines()[:10]:
        counts = _unquoted_counts(line)
        best = max(counts.values())
        if best:
            return next(d for d in (",", ";", "\t") if counts[d] == best)
    return ","


def _unquoted_counts(line: str) -> dict[str, int]:
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return counts
