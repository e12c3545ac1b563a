"""Step 1 of a device import: the file's bytes as text, with its delimiter.

- Encoding: UTF-8 with or without a byte order mark, UTF-16 with a byte order mark (Excel's
  "Unicode text", Medtronic's exports) or without one (recognised by its zero bytes: text in a
  Latin script has a zero in every other byte), otherwise Windows-1252 (CsvText.encoding says which).
  Binary files (a photo renamed to .csv, an Excel workbook) are refused with NotThisFormat.
- Windows-1252 only for a file that is not UTF-8 as a whole. A UTF-8 file with a damaged byte is
  refused, naming the line (DamagedText), rather than read as Windows-1252 with every accented
  letter garbled. Which it is, the characters beyond ASCII tell (_Census): in Windows-1252 text
  they almost never form a valid UTF-8 sequence, in damaged UTF-8 nearly all of them do. A file
  with a UTF-8 byte order mark says it is UTF-8: any byte that is not is damage.
- Delimiter: comma, semicolon or tab, whichever occurs most (outside quotes) in the first line
  that has any; a tie goes to the comma. The first line is a header or LibreView's metadata line,
  which hold no decimal commas, so a semicolon file with "5,4" values is not mistaken for commas.
- Line ends (CRLF, LF or CR) are left in the text: the table step reads any of them.
- A file too large to hold at once (decode_path) is decided from its first megabyte and read
  again in blocks by the table step.
"""

import codecs
import re
from pathlib import Path
from typing import TextIO

from phr.imports.devices.model import CsvText, NotThisFormat

# A file read from its path: its encoding and delimiter are decided from this many first bytes.
HEAD_BYTES = 1 << 20

_SNIFF_BYTES = 8192
_NOT_UTF8 = re.compile("[\udc80-\udcff]")   # a byte that is not UTF-8, as 'surrogateescape' decodes it
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or an Excel workbook"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file"), (b"SQLite format 3", "a database"),
)


def decode_file(data: bytes, name: str = "") -> CsvText:
    """The file's text and delimiter; NotThisFormat when it is not a text file."""
    text, encoding = decode(data, name)
    return CsvText(text, encoding, sniff_delimiter(text))


def decode_path(path: Path, name: str = "") -> CsvText:
    """A file too large to hold at once, read from its path: its start decoded as decode_file does
    (the encoding and delimiter decided from it; UTF-8 checked over the whole file, as Windows-1252
    otherwise), and CsvText.reopen to read all of it again, in blocks."""
    what = f"“{name}”" if name else "The file"
    with path.open("rb") as file:
        head = file.read(HEAD_BYTES)
    codec, encoding = _codec_of(head, what)
    cut = _whole_lines(head, codec)
    if codec.startswith("utf-8") and not _utf8_throughout(path):
        _refuse_damaged(_census_of(path, codec), codec, what)
        codec = encoding = "windows-1252"
    text = _checked(cut, codec, what)

    def reopen() -> TextIO:
        return path.open(encoding=codec, newline=None)    # universal newlines: every line end is '\n'

    return CsvText(text, encoding, sniff_delimiter(text), reopen, path.stat().st_size)


def decode(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding name). Refuses empty and binary files with a plain English message."""
    what = f"“{name}”" if name else "The file"
    codec, encoding = _codec_of(data, what)
    try:
        return _checked(data, codec, what), encoding
    except UnicodeDecodeError:
        census = _Census()
        census.add(data.decode(codec, "surrogateescape"))
        _refuse_damaged(census, codec, what)
        # Not UTF-8: Excel on Windows writes Windows-1252 ("café" as one byte 0xE9).
        return _checked(data, "windows-1252", what), "windows-1252"


class DamagedText(NotThisFormat):
    """A UTF-8 file with bytes that are not UTF-8: damaged, not another encoding. Nothing is read. `line` is the
    line of the first damaged byte (0: not known), `damaged` how many bytes are, for the app's own words."""

    def __init__(self, message: str, line: int, damaged: int) -> None:
        super().__init__(message)
        self.line, self.damaged = line, damaged


class _Census:
    """Text decoded with 'surrogateescape' (each byte that is not UTF-8 a lone surrogate), block by block: how
    many characters beyond ASCII are valid UTF-8, how many bytes are not, and the line of the first that is not."""

    def __init__(self) -> None:
        self.valid = self.invalid = 0
        self.line = 1                 # the line the next block starts on, until the first bad byte is found
        self.first_bad_line = 0
        self._after_cr = False        # the last block ended in CR: a LF starting this one ends no other line

    def add(self, block: str) -> None:
        bad = len(_NOT_UTF8.findall(block))
        self.invalid += bad
        self.valid += len(block) - len(block.encode("ascii", "ignore")) - bad
        if self.first_bad_line:
            return
        found = _NOT_UTF8.search(block)
        before = block[:found.start()] if found else block
        self.line += before.count("\n") + before.count("\r") - before.count("\r\n") \
            - (1 if self._after_cr and before.startswith("\n") else 0)
        self._after_cr = before.endswith("\r")
        if found:
            self.first_bad_line = self.line

    @property
    def damaged_utf8(self) -> bool:
        """Bytes that are not UTF-8 among more characters that are: UTF-8 with damage. A Windows-1252 file
        has (nearly) none of the latter: a file that is ASCII but for one 'é' stays Windows-1252."""
        return 0 < self.invalid < self.valid


def _refuse_damaged(census: _Census, codec: str, what: str) -> None:
    if codec == "utf-8-sig" or census.damaged_utf8:
        where = f"line {census.first_bad_line}" if census.first_bad_line else "a line"
        count = "one damaged byte" if census.invalid == 1 else f"{census.invalid} damaged bytes"
        raise DamagedText(f"{what} is UTF-8 text with {count}: {where} is not valid UTF-8. Nothing was read. "
                          "Repair that line, or save the file again as UTF-8.", census.first_bad_line, census.invalid)


def _census_of(path: Path, codec: str) -> _Census:
    census = _Census()
    decoder = codecs.getincrementaldecoder(codec)("surrogateescape")
    with path.open("rb") as file:
        while block := file.read(HEAD_BYTES):
            census.add(decoder.decode(block))
        census.add(decoder.decode(b"", final=True))
    return census


def _codec_of(data: bytes, what: str) -> tuple[str, str]:
    """(Python codec, encoding name) of a file from its bytes (or its first bytes); NotThisFormat for an
    empty or binary file. UTF-8 is only a guess: the caller falls back to Windows-1252."""
    if not data or data.isspace():     # not data.strip(): that copies a large file
        raise NotThisFormat(f"{what} is empty.")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotThisFormat(f"{what} is not a text (CSV) file: it looks like {kind}.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "utf-16"
    bare = _bare_utf16(data[:_SNIFF_BYTES])
    if bare:
        return bare, "utf-16"
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise NotThisFormat(f"{what} is not a text (CSV) file.")
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "utf-8-sig"
    return "utf-8", "utf-8"


def _whole_lines(head: bytes, codec: str) -> bytes:
    """The file's first bytes up to the end of their last whole line (no character cut in two)."""
    newline = {"utf-16": None, "utf-16-le": b"\n\x00", "utf-16-be": b"\x00\n"}.get(codec, b"\n")
    if newline is None:   # UTF-16 with a byte order mark: its order says which
        newline = b"\n\x00" if head.startswith(codecs.BOM_UTF16_LE) else b"\x00\n"
    end = head.rfind(newline)
    while end > 0 and codec.startswith("utf-16") and end % 2:   # a pair starts at an even byte
        end = head.rfind(newline, 0, end)
    if end > 0:
        return head[:end + len(newline)]
    if codec.startswith("utf-8"):   # one long line (a JSON file): up to its last whole character
        return head[:len(head) - _cut_character(head)]
    return head


def _cut_character(head: bytes) -> int:
    """How many bytes at the end of `head` are a UTF-8 character cut in two (0 to 3)."""
    for back in range(1, min(4, len(head)) + 1):
        byte = head[-back]
        if byte & 0xC0 != 0x80:   # not a continuation byte: a character's first byte, or ASCII
            width = 1 if byte < 0xC0 else 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back if width > back else 0
    return 0


def _utf8_throughout(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as file:
        try:
            while block := file.read(HEAD_BYTES):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


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
        if encoding.startswith("utf-8"):
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
