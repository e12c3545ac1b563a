"""Importing a device file into the record: read it (steps 1-5), store it (step 6), report.
One transaction, cancellable.

The summary says what was added, what was already there (importing a file twice adds nothing
the second time) and which rows were skipped, with the reason and the line number. LibreView
notes become diary entries, once.
"""

from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from phr.core.errors import InvalidInput
from phr.imports.devices.decode import DamagedText
from phr.imports.devices.model import DeviceImportSummary, DeviceReadings, NotThisFormat, ParseCancelled, Progress, Sink
from phr.imports.devices.pipeline import detect, read_file
from phr.imports.devices.readings import intake
from phr.imports.devices.recognise import FORMATS as LAYOUT_FORMATS
from phr.imports.devices.recognise import LAYOUTS_BY_NAME, method_not_for, says_itself
from phr.imports.devices.sources import FileInput, Source, bytes_of
from phr.imports.devices.sources.registry import SOURCES, source_of, streamed
from phr.imports.devices.store import store
from phr.imports.devices.times import AMSTERDAM, DateOrderUnknown
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.measures import Measure
from phr.monitoring.readings import ImportCancelled
from phr.record.services import RecordServices

_SOURCES = {source.format: source for source in SOURCES}
# Every --format: the layouts' ('auto' first), then the sources' that are no layout's.
FORMATS = LAYOUT_FORMATS + tuple(name for name in _SOURCES if name not in LAYOUT_FORMATS)
__all__ = ["FORMATS", "REASON_TEXT", "DateOrderUnknown", "DeviceImportSummary", "NoReadings", "NotADeviceFile",
           "import_file", "largest", "is_device_source", "is_streamed", "method_refused", "source_named"]


# Words for the command line; the app translates the codes itself.
REASON_TEXT = {
    "bad_row": "the line cannot be read (a quote not closed, or columns shifted)",
    "no_time": "no time", "bad_time": "the time cannot be read",
    "nonexistent_time": "a time that does not exist (the clock jumped forward)",
    "no_value": "no value", "bad_value": "the value is not a number",
    "bad_unit": "a unit that cannot be converted", "implausible": "a value that cannot be right",
    "not_a_reading": "not a reading (other data in the file)",
}


# A device file that is no table is read whole (a Nightscout entries.json); a table is read in blocks when large,
# and a streamed source (an Apple Health export) in bounded memory, whatever their size.
MAX_IN_MEMORY_BYTES = 256 * 1024 * 1024


class NotADeviceFile(InvalidInput):
    """The file is not what it claims to be, or not a file Regie can read. Nothing was changed. `damaged_line`:
    a UTF-8 file with a damaged byte on that line (0: not so), for the app's own words."""

    damaged_line = 0


class NoReadings(NotADeviceFile):
    """A file of a known kind that holds no reading and no note: an error, never a silent nothing.
    `rows` counts the rows after the header; `skipped` says, per reason, why none was a reading;
    `left_out` what else the file holds, per kind (an Apple Health export of step counts only)."""

    def __init__(self, file_name: str, format: str, rows: int, skipped: dict[str, int],
                 left_out: dict[str, int] | None = None):
        self.file_name, self.format, self.rows, self.skipped = file_name, format, rows, skipped
        self.left_out = left_out or {}
        layout = LAYOUTS_BY_NAME.get(format)
        what = layout.what if layout is not None else _SOURCES[format].what if format in _SOURCES else "a CSV file"
        if self.left_out:
            kinds = "; ".join(f"{count:,} x {kind}" for kind, count in largest(self.left_out, 5))
            more = f" and {len(self.left_out) - 5:,} other kinds" if len(self.left_out) > 5 else ""
            super().__init__(f"“{file_name}” ({what}) holds no readings Regie keeps, only other data: {kinds}{more}. "
                             "Nothing was added.")
        elif not rows:
            super().__init__(f"“{file_name}” ({what}) holds no rows after its header. Nothing was added.")
        else:
            reasons = "; ".join(f"{count:,} x {REASON_TEXT.get(reason, reason)}" for reason, count in skipped.items())
            rows_word = "row" if rows == 1 else "rows"
            super().__init__(f"“{file_name}” ({what}) holds no readings. Of its {rows:,} {rows_word}: {reasons}. "
                             "Nothing was added.")


def largest(counts: dict[str, int], how_many: int) -> list[tuple[str, int]]:
    """The `how_many` kinds with the most records, most first."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:how_many]


def import_file(services: RecordServices, data: FileInput, file_name: str, format: str = "auto",
                measure: str | None = None, mapping: Mapping | None = None,
                progress: Callable[[float], bool] | None = None, method: str = "", zone: ZoneInfo = AMSTERDAM,
                date_order: str = "auto") -> DeviceImportSummary:
    """`data`: the file's bytes, or its path (a streamed source, such as an Apple Health export, is then
    read in bounded memory; the caller need not read it). `progress(fraction)` may return False to cancel
    (ImportCancelled, nothing changed). `method`: how the readings of another CSV file were taken ('' not
    known; NotADeviceFile for a vendor's file). `zone`: where the file's wall-clock times are, unless it
    says so itself; `date_order`: 'dmy' or 'mdy' when the person said, 'auto' to decide from the file
    (DateOrderUnknown, nothing changed, when it cannot).

    Reading and storing go together, in one transaction (store.py): the progress is the reading's."""
    if isinstance(data, Path) and not data.is_file():  # a device such as /dev/zero never ends; a pipe has no size
        raise NotADeviceFile(f"“{file_name}” is not a regular file (it is a device, a pipe or a folder); Regie "
                             "imports only files. Nothing was added.")
    catalogue = {m.key: m for m in services.measures.measures()}
    seen = _Seen(progress)

    def read(sink: Sink) -> DeviceReadings:
        with intake(sink, seen.parsed) as handing:
            return _read(data, file_name, format, measure, mapping, handing, method, zone, date_order, catalogue)

    try:
        return store(services, read, file_name, seen.stored, lambda found: _refuse_empty(found, file_name))
    except DateOrderUnknown:
        raise                  # the person can answer it: the caller asks (a ValueError, not the arguments')
    except NotThisFormat as error:
        failure = NotADeviceFile(str(error))
        failure.damaged_line = error.line if isinstance(error, DamagedText) else 0
        raise failure from None
    except ParseCancelled:
        raise ImportCancelled() from None
    except ValueError as error:  # an unknown measure or method, a CSV without measure or mapping, ...
        raise NotADeviceFile(str(error)) from None


class _Seen:
    """The import's progress: how far the file has been read (the readings are stored as it is read)."""

    def __init__(self, progress: Callable[[float], bool] | None):
        self.progress, self.fraction = progress, 0.0

    def parsed(self, done: int, total: int) -> bool:
        self.fraction = min(1.0, done / max(1, total))
        return self.progress is None or self.progress(self.fraction) is not False

    def stored(self, _done: int) -> bool:
        return self.progress is None or self.progress(self.fraction) is not False


def _refuse_empty(found: DeviceReadings, file_name: str) -> None:
    rows = len({(row.member, row.line) for row in found.skipped}) + sum(found.skipped_beyond.values())
    raise NoReadings(file_name, found.format, rows, _by_reason(found), found.left_out)


def source_named(file: FileInput) -> Source | None:
    """The reader of a device file that is not a table (its format and what it is, for the wizard), or None."""
    return source_of(file)


def is_device_source(file: FileInput) -> bool:
    """True for a device file that is not a table (Nightscout's entries.json, an Apple Health export),
    which the caller must not take for a Regie or FHIR file; decided from the file's start."""
    return source_of(file) is not None


def is_streamed(file: FileInput) -> bool:
    """True for a file the import reads from its path in bounded memory: the caller passes the Path,
    never the bytes (an Apple Health export may be larger than the memory)."""
    return streamed(file)


def method_refused(data: FileInput, format: str = "auto", file_name: str = "") -> str | None:
    """Why the person may not say how this file's readings were taken (a vendor's file says it per
    reading), or None when they may: another CSV file, or a file that is not text (the import says so)."""
    source = source_of(data) if format in ("auto", *_SOURCES) else None
    if source is not None and format in ("auto", source.format):
        return says_itself(source.what)
    chosen = format
    if format == "auto":
        try:
            chosen = detect(data, file_name)
        except NotThisFormat:
            return None
    layout = LAYOUTS_BY_NAME.get(chosen)
    return None if layout is None else method_not_for(layout)


def _by_reason(found: DeviceReadings) -> dict[str, int]:
    """Skipped rows per reason, the most common first."""
    counts = dict(found.skipped_beyond)
    for row in found.skipped:
        counts[row.reason] = counts.get(row.reason, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _read(data: FileInput, file_name: str, format: str, measure: str | None, mapping: Mapping | None,
          progress: Progress, method: str, zone: ZoneInfo, date_order: str,
          catalogue: dict[str, Measure]) -> DeviceReadings:
    """Steps 1-5 (a streamed source's readings are read while they are stored)."""
    source = source_of(data) if format == "auto" or format in _SOURCES else None
    if source is not None and format in ("auto", source.format):  # no table: beside the CSV steps
        if method:
            raise ValueError(method_refused(data, source.format))
        if not source.streamed and isinstance(data, Path) and data.stat().st_size > MAX_IN_MEMORY_BYTES:
            raise NotThisFormat(f"“{file_name}” is larger than {MAX_IN_MEMORY_BYTES // (1024 * 1024)} MB, more "
                                f"than Regie reads of {source.what}. Nothing was added.")
        return source.read(data if source.streamed else bytes_of(data), file_name, zone, progress)
    if format in _SOURCES and format not in LAYOUTS_BY_NAME:
        raise NotThisFormat(f"This is not {_SOURCES[format].what}.")
    return read_file(data, format, measure, mapping, progress, catalogue, file_name, zone, method,
                     date_order)
