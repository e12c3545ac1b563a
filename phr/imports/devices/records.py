"""A text's records with their line numbers: what the table step splits a decoded file into.

A shared helper of the recognise and table steps (it imports neither).
- Records: CRLF, LF or CR line ends; quoted fields may hold the delimiter, quotes and line breaks.
  A quote that is never closed costs one line (reported as fields None: 'bad_row'), not the rest
  of the file. Rows with no text at all are not rows.
- Speed: a line without a quote is split with str.split (what csv would make of it, at twice
  csv's speed); a record with a quote is read by csv; a text that mixes line ends is read by csv
  alone. Records are made as they are read, never kept all at once.
"""

import csv
import io
from itertools import chain, islice
from typing import Generator, Iterator

from phr.imports.devices.model import CsvText, ParseCancelled, Progress, Records

# The header is looked for in this many first records (LibreView has one metadata line first, a
# Medtronic iPro2 export eleven lines of patient and device information).
HEADER_SEARCH = 30
# A file's progress is reported every this many records.
PROGRESS_STEP = 4096
# A quoted field longer than this many lines is a quote that was never closed, not a long note.
MAX_RECORD_LINES = 25
# Lines are split from the text in blocks of about this many characters.
_BLOCK_CHARS = 1 << 14
# A file read from its path is read in blocks of this many characters (progress after each).
_STREAM_BLOCK_CHARS = 1 << 18


def records(table: CsvText, progress: Progress | None = None) -> Records:
    """(first line number, fields) per record; fields None for a line that cannot be split.

    progress(lines done, lines in all) is called now and then; when it returns False,
    ParseCancelled is raised."""
    if table.reopen is not None:    # a file read from its path, its line ends made '\n' as it is read
        return _split_records(table, "\n", _streamed_lines(table, progress), None, table.size, progress)
    total = table.line_count if progress is not None else 0
    end = _line_end(table.text)
    if end is None:
        return _csv_records(table, total, progress)
    last_line = None if table.text.endswith(end) else table.line_count
    return _split_records(table, end, _lines(table.text, end, total, progress), last_line, total, progress)


def _line_end(text: str) -> str | None:
    """The one line end a text uses throughout, or None when it mixes them (then csv reads it all)."""
    if "\r" not in text:
        return "\n"
    if "\n" not in text:
        return "\r"
    crlf = text.count("\r\n")
    return "\r\n" if crlf == text.count("\r") == text.count("\n") else None


def _csv_records(table: CsvText, total: int, progress: Progress | None) -> Records:
    start: int | None = 0
    while start is not None:
        start = yield from _records_from(table, start, total, progress)
    if progress is not None:
        report(progress, total, total)


def _records_from(table: CsvText, skip: int, total: int,
                  progress: Progress | None) -> Generator[tuple[int, list[str] | None], None, int | None]:
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


def _split_records(table: CsvText, end: str, lines: Iterator[str], last_line: int | None, total: int,
                   progress: Progress | None) -> Records:
    """Records of the lines of a text with one kind of line end (see the rules above); last_line: the
    number of the text's last line when that has no line end. One generator without layers: this is
    the loop every row of a large file passes through."""
    delimiter = table.delimiter
    source, done = lines, 0
    pending: list[str] = []    # lines read ahead for a broken record
    again: list[str] | None
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

    def blocks() -> Iterator[list[str]]:
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


def _streamed_lines(table: CsvText, progress: Progress | None) -> Iterator[str]:
    """The lines of a file read from its path, without their ends; progress by the file's bytes."""
    rest, done = "", 0
    per_char = 2 if table.encoding == "utf-16" else 1     # about: a progress bar, not a count
    for block in table.blocks(_STREAM_BLOCK_CHARS):
        lines = (rest + block).split("\n")
        rest = lines.pop()
        done += len(block) * per_char
        if progress is not None:
            report(progress, min(done, table.size), table.size)
        yield from lines
    if rest:
        yield rest


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

    def feed() -> Iterator[str]:
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
