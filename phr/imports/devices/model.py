"""The types handed from one step of a device import to the next (the order: see phr.imports).

    bytes -> decode -> CsvText -> recognise -> Layout -> table -> Table -> the layout's rows
    -> ParsedRows -> readings -> DeviceReadings -> store -> DeviceImportSummary

No step touches the record except the last: it stores the readings in one transaction, through
the services. Values are already in the measure's canonical unit (glucose mmol/L).
"""

from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable, Iterator, NamedTuple, TextIO, TypeVar
from zoneinfo import ZoneInfo

# progress(lines done, lines in all); returning False cancels (ParseCancelled).
Progress = Callable[[int, int], object]
# (first line number, fields) per record of a file; fields None for a line that cannot be split.
Records = Iterator[tuple[int, list[str] | None]]

T = TypeVar("T")

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


class NotThisFormat(ValueError):
    """The file is not (a readable) file of the kind asked for; the message says what it is not."""


class ParseCancelled(Exception):
    """The progress callback returned False: reading stopped and nothing was returned."""


# --- decode -> recognise, table ------------------------------------------------------------------

@dataclass(frozen=True)
class CsvText:
    """A device file as text: what the decode step makes of its bytes."""

    text: str
    encoding: str     # 'utf-8', 'utf-8-sig' (with a byte order mark), 'utf-16' or 'windows-1252'
    delimiter: str    # ',', ';' or '\t'
    # A file too large to hold, read from its path (decode.decode_path): `text` is only its start, and
    # reopen() gives all of its text again from the start, in universal-newline mode (line ends '\n').
    reopen: Callable[[], TextIO] | None = None
    size: int = 0     # that file's bytes, for progress

    def blocks(self, size: int = 1 << 20) -> Iterator[str]:
        """All of the text, in blocks of about `size` characters (a streamed file's line ends as '\n')."""
        if self.reopen is None:
            yield self.text
            return
        with self.reopen() as stream:
            while block := stream.read(size):
                yield block

    @property
    def line_count(self) -> int:
        newline = "\n" if "\n" in self.text else "\r"
        return self.text.count(newline) + (0 if self.text.endswith(newline) else 1)


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

    def column(self, *names: str) -> int:
        """Like find, for a column the layout's header test has required."""
        return _required(self.find(*names), names)

    def column_prefix(self, *prefixes: str) -> tuple[int, str]:
        """Like find_prefix, for a column the layout's header test has required."""
        return _required(self.find_prefix(*prefixes), prefixes)


def _required(found: T | None, names: tuple[str, ...]) -> T:
    if found is None:
        raise NotThisFormat(f"The column “{names[0]}” is missing.")
    return found


# --- recognise -> table -> rows ------------------------------------------------------------------

@dataclass
class Table:
    """The table step's output: the header row, and the rows after it, read once, in file order."""

    text: CsvText
    header: Header
    header_line: int
    before_header: list[list[str]]              # LibreView's metadata line
    head: list[tuple[int, list[str] | None]]    # the first rows (also in `rows`), for guessing
    rows: Records
    date_order: str = "auto"    # 'dmy', 'mdy' or 'ymd' when the person (or a mapping) said; 'auto' otherwise

    def sample(self, index: int | None) -> "ColumnSample":
        """The first rows' texts in one column, for guessing the date order or decimal mark."""
        if index is None:
            return self.column_sample([])
        return self.column_sample([f[index] for _, f in self.head
                                   if f is not None and index < len(f) and f[index].strip()])

    def column_sample(self, texts: list[str]) -> "ColumnSample":
        """Texts a layout made from the first rows (OMRON's date and time columns joined) as a sample
        that knows this file: for its time column's date order (times.guess_order, LocalClock)."""
        return ColumnSample(texts, self.text.blocks, self.date_order)


class ColumnSample(list[str]):
    """The first rows' texts of a time column (a list), with what decides its date order beyond
    them: the person's order (or a mapping's), else the whole file's text (times.file_order). A
    layout hands it to LocalClock, which then reads the dates in the order of the whole file."""

    def __init__(self, texts: list[str], whole_text: str | Callable[[], Iterator[str]], date_order: str = "auto"):
        super().__init__(texts)
        self.date_order = date_order
        # The whole file's text (a str), or its blocks (CsvText.blocks: a file read from its path).
        self.whole_text = whole_text
        self.decided: str | None = None    # times.file_order's answer, once: '' when the file cannot tell


class ParsedReading(NamedTuple):
    """One reading from a device file. A NamedTuple with the time as numbers, not a datetime:
    a million of these are made per large file, and the store needs only the numbers."""

    measure: str                  # catalogue key: 'glucose', 'bp', 'weight', ... or a custom measure key
    epoch: int                    # UTC, seconds since 1970 (the device's wall-clock time, zone attached)
    offset: int                   # minutes east of UTC at that moment (Europe/Amsterdam: 60 or 120)
    value: float | None           # canonical unit; None only with a flag (sensor 'Low'/'High')
    value2: float | None = None   # blood pressure: diastolic
    value3: float | None = None   # blood pressure: pulse
    flag: str = ""                # '' | 'below_range' | 'above_range' (the sensor could not measure it)
    method: str = ""              # glucose: 'sensor' | 'scan' | 'fingerstick'; '' otherwise
    note: str = ""
    line: int = 0                 # line number in the file (1-based), for messages
    # What the device noticed (phr.core.vocabulary.DeviceFlag bits: irregular heartbeat, ...); 0 for none.
    # Last, with a default; a layout's fast loop (rows.read_simple) builds the whole tuple, this field included.
    device_flags: int = 0

    @property
    def taken_at(self) -> datetime:
        """The time with its offset (for showing and checking; the store uses epoch and offset)."""
        return datetime.fromtimestamp(self.epoch, timezone(timedelta(minutes=self.offset)))


@dataclass(frozen=True, slots=True)  # slots: a file may have a million rows of other data
class SkippedRow:
    line: int
    reason: str                   # one of REASONS
    member: str = ""              # a zip's file the line is in ('' for the file itself)


@dataclass
class ParsedRows:
    """A layout's rows step output: every row of the file as a reading, a note or a skipped row."""

    format: str                   # the layout's name: 'libreview', 'dexcom', 'omron', 'csv'
    zone: ZoneInfo                # where the device's wall-clock times are
    readings: list[ParsedReading] = field(default_factory=list)
    notes: list[ParsedReading] = field(default_factory=list)   # value None, the text in `note`
    skipped: list[SkippedRow] = field(default_factory=list)
    repeated_lines: list[int] = field(default_factory=list)    # in an autumn hour that occurs twice
    # A file that names its zone per row (times.ZoneClocks): the repeated lines not in `zone`.
    line_zones: dict[int, ZoneInfo] = field(default_factory=dict)
    # Skipped rows after the first MAX_SKIPPED, counted per reason only: a file of millions of other rows (a
    # LibreView export of insulin and food) is never held as skipped rows.
    skipped_beyond: dict[str, int] = field(default_factory=dict)

    def skip(self, row: SkippedRow) -> None:
        """A row not read, kept up to MAX_SKIPPED, counted after that."""
        if len(self.skipped) < MAX_SKIPPED:
            self.skipped.append(row)
        else:
            self.skipped_beyond[row.reason] = self.skipped_beyond.get(row.reason, 0) + 1

    def __post_init__(self) -> None:
        collecting = COLLECTING.get()
        if collecting is not None:
            collecting.append(self)


# The ParsedRows a layout makes while pipeline.read_file reads a table register here, so that their
# readings can go to the store while the file is still read (readings.Handover), with no layout
# needing to know: a layout only appends to its ParsedRows, in file order.
COLLECTING: ContextVar[list[ParsedRows] | None] = ContextVar("collecting", default=None)
# Where readings go while the file is read: the store's batch writer (one transaction).
Sink = Callable[[list[ParsedReading]], None]


@dataclass(frozen=True)
class Layout:
    """One kind of file: how to recognise it by its header row and how to read its rows.

    A vendor's layout module defines one (LAYOUT) and phr.imports.devices.layouts lists it."""

    name: str                                          # its --format name, and the summary's
    what: str                                          # for messages: 'a LibreView export'
    looks_like: Callable[[Header], bool]               # the header row is this layout's
    # read_rows(table, zone): `zone` is where the wall-clock times are unless the file says so itself:
    # a layout that finds the zone in the file (one for the file, or a zone column: times.ZoneClocks)
    # uses that instead, and ParsedRows.zone (and line_zones) say what it used.
    read_rows: Callable[[Table, ZoneInfo], ParsedRows]


# --- readings -> store -> the caller -------------------------------------------------------------

# SkippedRows kept per import (about 10 MB); the ones after that are counted per reason only.
MAX_SKIPPED = 100_000


@dataclass
class DeviceReadings:
    """The readings step's output: what the file holds, times final, ready to be stored."""

    format: str
    # A list; or, from a streamed source (devices/sources), an iterator the store consumes once, after
    # which `skipped`, `notes`, `left_out` and `skipped_beyond` are complete.
    readings: Iterable[ParsedReading] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)     # in line order
    notes: list[ParsedReading] = field(default_factory=list)    # LibreView record type 6: for the diary
    # What the file holds besides readings, counted per kind rather than kept row by row (an Apple Health
    # export's millions of step counts; a Withings zip's other files): kind -> records.
    left_out: dict[str, int] = field(default_factory=dict)
    skipped_beyond: dict[str, int] = field(default_factory=dict)   # reason -> skipped rows after MAX_SKIPPED
    encoding: str = ""  # a text file's (CsvText.encoding); '' for a file that is no text (a zip, JSON, XML)

    def skip(self, row: SkippedRow) -> None:
        """A row not read, kept up to MAX_SKIPPED, counted after that."""
        if len(self.skipped) < MAX_SKIPPED:
            self.skipped.append(row)
        else:
            self.skipped_beyond[row.reason] = self.skipped_beyond.get(row.reason, 0) + 1

    def leave_out(self, kind: str, count: int = 1) -> None:
        self.left_out[kind] = self.left_out.get(kind, 0) + count


@dataclass
class DeviceImportSummary:
    format: str
    added: int = 0
    already_present: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    notes_added: int = 0
    left_out: dict[str, int] = field(default_factory=dict)          # kind -> records that are no reading
    skipped_beyond: dict[str, int] = field(default_factory=dict)    # reason -> skipped rows not listed
    encoding: str = ""  # the file's, when it was text (issue 19: say which encoding was used)

    @property
    def read_as_windows_1252(self) -> bool:
        """The file was not UTF-8 as a whole and was read as Windows-1252: worth saying, as accents may differ."""
        return self.encoding == "windows-1252"

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) + sum(self.skipped_beyond.values())

    def skipped_by_reason(self) -> dict[str, int]:
        counts = dict(self.skipped_beyond)
        for row in self.skipped:
            counts[row.reason] = counts.get(row.reason, 0) + 1
        return counts
