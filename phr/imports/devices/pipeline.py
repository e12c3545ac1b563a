"""A device file read, step by step, up to what is stored (the steps: see phr.imports).

read_file runs steps 1 to 5; device_import.import_file adds step 6, the store. detect runs
the first steps only, for the import wizard: which kind of file (its first rows: preview.py);
date_order_needed tells the wizard whether to ask for the order of day and month.

Times: the file's wall-clock times are in `zone` unless the file names its zone itself. The
wizard and the command line always pass the zone the person chose (by default the computer's,
zones.computer_zone); the default here, Europe/Amsterdam, is for tests and scripts only. Day
and month are in the order of `date_order` ('auto': the whole file decides, and DateOrderUnknown
when it cannot: the caller asks the person).
"""

from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo

from phr.imports.devices.decode import decode_file, decode_path
from phr.imports.devices.model import ColumnSample, CsvText, DeviceReadings, NotThisFormat, Progress
from phr.imports.devices.readings import readings_of
from phr.imports.devices.recognise import FORMATS, explained, format_of, layout_for
from phr.imports.devices.records import records
from phr.imports.devices.table import SAMPLE_ROWS, open_table
from phr.imports.devices.times import AMSTERDAM, DateOrderUnknown, file_order
from phr.monitoring.import_mappings import DATE_ORDERS as ORDERS
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.measures import Measure

# A file up to this size is read at once (faster); a larger one in blocks, in bounded memory.
IN_MEMORY_BYTES = 32 << 20


def read_file(data: bytes | Path, format: str = "auto", measure: str | None = None, mapping: Mapping | None = None,
              progress: Progress | None = None, catalogue: dict[str, Measure] | None = None,
              name: str = "", zone: ZoneInfo = AMSTERDAM, method: str = "",
              date_order: str = "auto") -> DeviceReadings:
    """The file's readings in `format` ('auto': recognised). A CSV of another kind needs a
    mapping, or a measure key when it has the columns time and value; `method` says how its
    readings were taken ('' not known; a vendor's file says it per reading and takes none).
    `data`: the file's bytes, or its path (a large file is then read in blocks: bounded memory).
    Inside readings.intake, the readings go to the store in parts while the file is read, and
    the result holds only the last ones.

    Raises NotThisFormat (the file), DateOrderUnknown (the file cannot tell day from month and
    `date_order` is 'auto'), ValueError (the arguments: unknown format, measure, method or date
    order, a CSV without measure or mapping, a method for a vendor's file) and ParseCancelled
    (the progress callback returned False)."""
    if format not in FORMATS:       # the arguments first, before the file is read
        raise ValueError(f"unknown format {format!r}")
    if date_order not in ORDERS:
        raise ValueError(f"unknown date order {date_order!r}")
    text = text_of(data, name)                                         # 1 bytes -> text
    layout = layout_for(text, format, measure, mapping, catalogue, method)  # 2 text -> layout
    try:
        table = open_table(text, layout, progress)                     # 3 -> header and rows
        # The person's order first, then a saved mapping's; else the whole file's (times.file_order).
        table.date_order = date_order if date_order != "auto" else mapping.date_order if mapping else "auto"
        rows = layout.read_rows(table, zone)                           # 4 -> rows read
    except NotThisFormat as error:
        raise explained(error, text, layout) from None
    found = readings_of(rows)                                          # 5 -> readings and notes
    found.encoding = text.encoding
    return found


def text_of(data: bytes | Path, name: str = "") -> CsvText:
    """Step 1: the file as text. A path to a file larger than IN_MEMORY_BYTES is read in blocks (the
    other steps read it through CsvText.blocks and records()); a smaller one at once, which is faster."""
    if isinstance(data, bytes):
        return decode_file(data, name)
    if data.stat().st_size > IN_MEMORY_BYTES:
        return decode_path(data, name)
    return decode_file(data.read_bytes(), name)


def detect(data: bytes | Path, name: str = "") -> str:
    """'libreview', 'dexcom', 'omron', or 'csv' for any other text file (NotThisFormat when the
    file is not text). Decided by the header row, never by the file name, which only appears in
    messages."""
    return format_of(text_of(data, name))


def date_order_needed(data: bytes | Path, name: str = "") -> bool:
    """True when the file has dates with day and month as numbers and none of them (in the whole
    file) has a day above 12: the person must say which comes first. False for a file that is not
    text (the import says so) or whose dates need no order (year first, month names)."""
    try:
        text = text_of(data, name)
    except NotThisFormat:
        return False
    found = [fields for _, fields in islice(records(text), 2 * SAMPLE_ROWS) if fields is not None]
    cells = [cell for fields in found[1:] for cell in fields if cell[:1].isdigit()]
    try:
        file_order(ColumnSample(cells, text.blocks))
    except DateOrderUnknown:
        return True
    return False
