"""Step 3 of a device import: the decoded text as a table for the recognised layout — its header
row (found by the layout's header test among the first records) and the rows after it, with
their line numbers. The rows are read as the layout asks for them, once, never all kept."""

from itertools import chain, islice

from phr.imports.devices.model import CsvText, Header, Layout, NotThisFormat, Progress, Table
from phr.imports.devices.records import HEADER_SEARCH, records

# Date order and decimal mark are decided from this many first rows (Table.head).
SAMPLE_ROWS = 2000


def open_table(text: CsvText, layout: Layout, progress: Progress | None = None) -> Table:
    """The layout's header row (the first of HEADER_SEARCH records that layout.looks_like) and
    the rows after it. Raises NotThisFormat('This is not <what> ...') when there is none."""
    rows = records(text, progress)
    before: list[list[str]] = []
    for line, fields in islice(rows, HEADER_SEARCH):
        if fields is None:
            continue
        header = Header(fields)
        if layout.looks_like(header):
            head = list(islice(rows, SAMPLE_ROWS))
            return Table(text, header, line, before, head, chain(head, rows))
        before.append(fields)
    raise NotThisFormat(f"This is not {layout.what}: the columns it needs are missing.")
