"""Reading a device's CSV file robustly: bytes to text, the delimiter, records with line numbers,
columns by header name and numbers with a decimal comma or point.

Rules (the same for every device format):
- Encoding: UTF-8 with or without a byte order mark, UTF-16 with a byte order mark (Excel's
  "Unicode text"), otherwise Windows-1252. Binary files (a photo renamed to .csv, an Excel
  workbook) are refused with NotThisFormat.
- Delimiter: comma, semicolon or tab, whichever occurs most (outside quotes) in the first line
  that has any; a tie goes to the comma. The first line is a header or LibreView's metadata line,
  which hold no decimal commas, so a semicolon file with "5,4" values is not mistaken for commas.
- Records: CRLF, LF or CR line ends; quoted fields may hold the delimiter, quotes and line breaks.
  A quote that is never closed costs one line (reported as 'bad_row'), not the rest of the file.
  Rows with no text at all are not rows. Speed: a line without a quote is split with str.split
  (what csv would make of it, at twice csv's speed); a record with a quote is read by csv; a text
  that mixes line ends is read by csv alone.
- Numbers: one decimal mark per column (decimal_mark: "5,4" or "5.4"), never a thousands
  separator. A value that would need a guess ("1.234" in a column with decimal commas) is
  skipped as 'bad_value' rather than read as 1234 or 1.234.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass
from itertools import chain, islice
from typing import Callable, Iterator

from phr.imports.devices.model import NotThisFormat

# The reasons a row can be skipped for (SkippedRow.reason); the import summary translates them.
REASONS = (
    "bad_row",           # the line cannot be split into fields (a quote never closed, shifted columns)
    "no_time",           # the time cell is empty
    "bad_time",          # the time cannot be read
    "nonexistent_time",  # a wall-clock time skipped by the spring-forward change (02:00-02:59 in March)
    "no_value",          # the value cell is empty
    "bad_value",         # the value is not a number (or has a thousands separator)
    "bad_unit",          # the row's unit cannot be converted to the measure's unit
    "implausible",       # outside the measure's plausible bounds (phr.monitoring.measures)
    "not_a_reading",     # a row of another kind: metadata, insulin, food, alerts, ...
)

# A file's progress is reported every this many records.
PROGRESS_STEP = 4096
# A quoted field longer than this many lines is a quote that was never closed, not a long note.
MAX_RECORD_LINES = 25
_SNIFF_BYTES = 8192
# Lines are split from the text in blocks of about this many characters.
_BLOCK_CHARS = 1 << 14
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or an Excel workbook"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file"), (b"SQLite format 3", "a database"),
)
_NUMBER = re.compile(r"\s*[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\s*")

Progress = Callable[[int, int], object]


class ParseCancelled(Exception):
    """The progress callback returned False: parsing stopped and nothing was returned."""


@dataclass(frozen=True)
class CsvText:
    text: str
    encoding: str     # 'utf-8', 'utf-8-sig' (with a byte order mark), 'utf-16' or 'windows-1252'
    delimiter: str    # ',', ';' or '\t'

    @property
    def line_count(self) -> int:
        newline = "\n" if "\n" in self.text else "\r"
        return self.text.count(newline) + (0 if self.text.endswith(newline) else 1)


def read_csv_text(data: bytes, name: str = "") -> CsvText:
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
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise NotThisFormat(f"{what} is not a text (CSV) file.")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data, "utf-8-sig", what), "utf-8-sig"
    try:
        return _checked(data, "utf-8", what), "utf-8"
    except UnicodeDecodeError:
        # Not UTF-8: Excel on Windows writes Windows-1252 ("café" as one byte 0xE9).
        return _checked(data, "windows-1252", what), "windows-1252"


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


def records(table: CsvText, progress: Progress | None = None) -> Iterator[tuple[int, list[str] | None]]:
    """(first line number, fields) per record; fields None for a line that cannot be split.

    progress(lines done, lines in all) is called now and then; when it returns False,
    ParseCancelled is raised."""
    total = table.line_count if progress is not None else 0
    end = _line_end(table.text)
    if end is None:
        return _csv_records(table, total, progress)
    return _split_records(table, end, total, progress)


def _line_end(text: str) -> str | None:
    """The one line end a text uses throughout, or None when it mixes them (then csv reads it all)."""
    if "\r" not in text:
        return "\n"
    if "\n" not in text:
        return "\r"
    crlf = text.count("\r\n")
    return "\r\n" if crlf == text.count("\r") == text.count("\n") else None


def _csv_records(table: CsvText, total: int, progress: Progress | None):
    start = 0
    while start is not None:
        start = yield from _records_from(table, start, total, progress)
    if progress is not None:
        report(progress, total, total)


def _records_from(table: CsvText, skip: int, total: int, progress: Progress | None):
    """Records after the first `skip` lines. A quote that is never closed makes csv read on until
    the field is too long, or gives a record of many lines: then that record's first line is
    reported broken (fields None) and the number of the line to go on from is returned."""
    source = io.StringIO(table.text, newline="")
    for _ in islice(source, skip):
        pass
    reader = csv.reader(source, delimiter=table.delimiter)
    done, next_report = 0, PROGRESS_STEP
    try:
        for fields in reader:
            if reader.line_num - done > MAX_RECORD_LINES:
                break
            if any(fields):
                yield skip + done + 1, fields
            done = reader.line_num
            if progress is not None and done >= next_report:
                next_report = done + PROGRESS_STEP
                report(progress, skip + done, total)
        else:
            return None
    except csv.Error:
        pass
    yield skip + done + 1, None
    return skip + done + 1


def _split_records(table: CsvText, end: str, total: int, progress: Progress | None):
    """Records of a text with one kind of line end (see the rules above). One generator without
    layers: this is the loop every row of a large file passes through."""
    lines = _lines(table.text, end, total, progress)
    delimiter, last_line = table.delimiter, None if table.text.endswith(end) else table.line_count
    source, pending, done = lines, [], 0    # pending: lines read ahead for a broken record
    while True:
        started, again = done, None
        for text in source:
            done += 1
            if '"' in text:
                fields, after = _quoted_record(text, source, delimiter, end, done, last_line)
                if fields is None:
                    again = after
                    break
                if any(fields):
                    yield done, fields
                done += len(after)
                continue
            fields = text.split(delimiter)
            if fields[0] or any(fields):
                yield done, fields
        if again is None:
            break
        yield done, None
        # The broken record's first line is done; the lines after it are read again.
        pending = again + pending[done - started + len(again):]
        source = chain(pending, lines)
    if progress is not None:
        report(progress, total, total)


def _lines(text: str, end: str, total: int, progress: Progress | None) -> Iterator[str]:
    """The text's lines without their ends, cut in blocks so that no list of all lines is made.
    Progress is reported between blocks."""
    size = len(text) - (len(end) if text.endswith(end) else 0)

    def blocks():
        start, done, next_report = 0, 0, PROGRESS_STEP
        while start < size:
            if progress is not None and done >= next_report:
                next_report = done + PROGRESS_STEP
                report(progress, done, total)
            cut = text.find(end, start + _BLOCK_CHARS)
            cut = size if cut < 0 or cut > size else cut
            block = text[start:cut].split(end)
            done += len(block)
            yield block
            start = cut + len(end)
        if start == size and size:
            yield [""]           # the text ends in an empty line: "...\n\n"

    return chain.from_iterable(blocks())


def _quoted_record(first: str, lines: Iterator[str], delimiter: str, end: str, line: int,
                   last_line: int | None) -> tuple[list[str] | None, list[str]]:
    """(fields, the lines after `first` that the record took) of the record that starts on line
    `line`, read by csv; fields None when it cannot be split: a quote that is not closed within
    MAX_RECORD_LINES lines, or a field that is too long. last_line: the number of the text's last
    line when that has no line end, else None."""
    after: list[str] = []

    def ended(text: str, number: int) -> str:
        # csv needs the line ends: a quoted field keeps them.
        return text if number == last_line else text + end

    def feed():
        yield ended(first, line)
        for text in islice(lines, MAX_RECORD_LINES):
            after.append(text)
            yield ended(text, line + len(after))

    reader = csv.reader(feed(), delimiter=delimiter)
    try:
        fields = next(reader)
    except csv.Error:
        return None, after
    return (None if reader.line_num > MAX_RECORD_LINES else fields), after


def report(progress: Progress, done: int, total: int) -> None:
    if progress(done, total) is False:
        raise ParseCancelled


def normalise(name: str) -> str:
    """A header name as compared: no byte order mark, no spaces at all, case folded."""
    return "".join(name.replace("\ufeff", "").split()).casefold()


class Header:
    """A header row; columns are found by name (case and spaces ignored), never by position."""

    def __init__(self, names: list[str]):
        self.names = list(names)
        self.keys = [normalise(n) for n in names]

    def find(self, *names: str) -> int | None:
        """The index of the first column called one of `names`, or None."""
        for name in names:
            key = normalise(name)
            if key in self.keys:
                return self.keys.index(key)
        return None

    def find_prefix(self, *prefixes: str) -> tuple[int, str] | None:
        """(index, rest of the name) of the first column whose name starts with one of `prefixes`;
        the rest is typically a unit: 'Historic Glucose mg/dL' -> 'mg/dl'."""
        for prefix in prefixes:
            key = normalise(prefix)
            for index, name in enumerate(self.keys):
                if name.startswith(key):
                    return index, name[len(key):].strip("()[]")
        return None


def cell(fields: list[str], index: int | None) -> str:
    """The stripped text of a column; '' when the row is too short or the column absent."""
    if index is None or index >= len(fields):
        return ""
    return fields[index].strip()


def even(fields: list[str] | None, width: int) -> list[str] | None:
    """The row with exactly `width` fields (missing ones empty), or None when it cannot be trusted:
    it could not be split, or it has more filled fields than the header has columns, so its
    columns moved (for example an unquoted decimal comma in a comma file)."""
    if fields is None:
        return None
    if len(fields) < width:
        return fields + [""] * (width - len(fields))
    if any(f.strip() for f in fields[width:]):
        return None
    return fields[:width]


def decimal_mark(values) -> str:
    """The decimal mark of a column, from a sample of its values.

    A value with one mark followed by one, two or four or more digits ("5,4", "72.15") shows the
    mark; the majority of those decides (a tie: '.'). A mark followed by exactly three digits
    ("1.234") could be a thousands separator, so such values only decide when nothing else does.
    In a column with decimal commas "1.234" is then refused by parse_number, never read as 1.234."""
    clear = {",": 0, ".": 0}
    unsure = {",": 0, ".": 0}
    for value in values:
        comma, point = "," in value, "." in value
        if comma == point:
            continue
        mark = "," if comma else "."
        decimals = len(value.strip()) - value.strip().index(mark) - 1
        (unsure if decimals == 3 else clear)[mark] += 1
    votes = clear if any(clear.values()) else unsure
    return "," if votes[","] > votes["."] else "."


def parse_number(text: str, mark: str | None = None) -> float:
    """A number written with digits and at most one decimal mark.

    mark None: '.' or ',' is the decimal mark ("5,4" and "5.4" are 5.4). mark '.' or ',' (the
    column's, see decimal_mark): only that mark; a value with the other one is refused. Thousands
    separators ("1.234,5", "1,234.5", "1 234") are never accepted: no reading in the catalogue
    needs them, and refusing a value is better than reading 1234 as 1.234. Exponents, 'nan' and
    'inf' are refused too.
    Raises ValueError."""
    value = text
    if not _NUMBER.fullmatch(value):
        raise ValueError(f"not a number: {text!r}")
    if "," in value:
        if mark == ".":
            raise ValueError(f"decimal comma where a point is used: {text!r}")
        value = value.replace(",", ".")
    elif mark == "," and "." in value:
        raise ValueError(f"decimal point where a comma is used: {text!r}")
    return float(value)


class Numbers:
    """parse_number with a memory: a device file repeats the same few hundred values."""

    MEMORY = 100_000

    def __init__(self, mark: str | None = None):
        self.mark = mark
        self.known: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        value = self.known.get(text)
        if value is None:
            value = parse_number(text, self.mark)
            if len(self.known) < self.MEMORY:
                self.known[text] = value
        return value
