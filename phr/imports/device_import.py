"""Importing a device file into the record: read it (steps 1-5), store it (step 6), report.
One transaction, cancellable.

The summary says what was added, what was already there (importing a file twice adds nothing
the second time) and which rows were skipped, with the reason and the line number. LibreView
notes become diary entries, once.
"""

from typing import Callable
from zoneinfo import ZoneInfo

from phr.core.errors import InvalidInput
from phr.imports.devices.model import DeviceImportSummary, DeviceReadings, NotThisFormat, ParseCancelled
from phr.imports.devices.pipeline import detect, read_file
from phr.imports.devices.recognise import FORMATS as LAYOUT_FORMATS
from phr.imports.devices.recognise import LAYOUTS_BY_NAME, method_not_for
from phr.imports.devices.sources import FileInput, Source, bytes_of
from phr.imports.devices.sources.registry import SOURCES, source_of, streamed
from phr.imports.devices.store import store
from phr.imports.devices.times import AMSTERDAM, DateOrderUnknown
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.readings import ImportCancelled
from phr.record.services import RecordServices

_SOURCES = {source.format: source for source in SOURCES}
# Every --format: the layouts' ('auto' first), then the sources' that are no layout's.
FORMATS = LAYOUT_FORMATS + tuple(name for name in _SOURCES if name not in LAYOUT_FORMATS)
__all__ = ["FORMATS", "REASON_TEXT", "DateOrderUnknown", "DeviceImportSummary", "NoReadings", "NotADeviceFile",
           "import_file", "is_device_source", "is_streamed", "method_refused"]

# Reading takes most of the time of a large import; storing the rest.
PARSE_SHARE = 0.6

# Words for the command line; the app translates the codes itself.
REASON_TEXT = {
    "bad_row": "the line cannot be read (a quote not closed, or columns shifted)",
    "no_time": "no time", "bad_time": "the time cannot be read",
    "nonexistent_time": "a time that does not exist (the clock jumped forward)",
    "no_value": "no value", "bad_value": "the value is not a number",
    "bad_unit": "a unit that cannot be converted", "implausible": "a value that cannot be right",
    "not_a_reading": "not a reading (other data in the file)",
}


class NotADeviceFile(InvalidInput):
    """The file is not what it claims to be, or not a file Regie can read. Nothing was changed."""


class NoReadings(NotADeviceFile):
    """A file of a known kind that holds no reading and no note: an error, never a silent nothing.
    `rows` counts the rows after the header; `skipped` says, per reason, why none was a reading."""

    def __init__(self, file_name: str, format: str, rows: int, skipped: dict[str, int]):
        self.file_name, self.format, self.rows, self.skipped = file_name, format, rows, skipped
        layout = LAYOUTS_BY_NAME.get(format)
        what = layout.what if layout is not None else "a CSV file"
        if not rows:
            super().__init__(f"“{file_name}” ({what}) holds no rows after its header. Nothing was added.")
            return
        reasons = "; ".join(f"{count:,} x {REASON_TEXT.get(reason, reason)}" for reason, count in skipped.items())
        rows_word = "row" if rows == 1 else "rows"
        super().__init__(f"“{file_name}” ({what}) holds no readings. Of its {rows:,} {rows_word}: {reasons}. "
                         "Nothing was added.")


def import_file(services: RecordServices, data: FileInput, file_name: str, format: str = "auto",
                measure: str | None = None, mapping: Mapping | None = None,
                progress: Callable[[float], bool] | None = None, method: str = "", zone: ZoneInfo = AMSTERDAM,
                date_order: str = "auto") -> DeviceImportSummary:
    """`data`: the file's bytes, or its path (a streamed source, such as an Apple Health export, is then
    read in bounded memory; the caller need not read it). `progress(fraction)` may return False to cancel
    (ImportCancelled, nothing changed). `method`: how the readings of another CSV file were taken ('' not
    known; NotADeviceFile for a vendor's file). `zone`: where the file's wall-clock times are, unless it
    says so itself; `date_order`: 'dmy' or 'mdy' when the person said, 'auto' to decide from the file
    (DateOrderUnknown, nothing changed, when it cannot)."""
    found = _read(services, data, file_name, format, measure, mapping, progress, method, zone, date_order)
    if isinstance(found.readings, list):
        _refuse_empty(found, file_name)
        stored = _store_progress(progress, len(found.readings))
    else:  # streamed: reading and storing go together; the source reports progress (and so cancels)
        stored = None
    try:
        return store(services, found, file_name, stored, lambda found: _refuse_empty(found, file_name))
    except ParseCancelled:
        raise ImportCancelled() from None
    except NotThisFormat as error:  # a streamed file found broken part-way: nothing was added
        raise NotADeviceFile(str(error)) from None


def _refuse_empty(found: DeviceReadings, file_name: str) -> None:
    if not found.readings and not found.notes:
        raise NoReadings(file_name, found.format, len({row.line for row in found.skipped}), _by_reason(found))


def _store_progress(progress: Callable[[float], bool] | None, total: int) -> Callable[[int], bool]:
    def stored(done: int) -> bool:
        return progress is None or progress(PARSE_SHARE + (1 - PARSE_SHARE) * done / max(1, total)) is not False

    return stored


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
        return f"This is {source.what}: it says itself how each reading was taken."
    chosen = format
    if format == "auto":
        try:
            chosen = detect(bytes_of(data), file_name)
        except NotThisFormat:
            return None
    layout = LAYOUTS_BY_NAME.get(chosen)
    return None if layout is None else method_not_for(layout)


def _by_reason(found: DeviceReadings) -> dict[str, int]:
    """Skipped rows per reason, the most common first."""
    counts: dict[str, int] = {}
    for row in found.skipped:
        counts[row.reason] = counts.get(row.reason, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _read(services: RecordServices, data: FileInput, file_name: str, format: str, measure: str | None,
          mapping: Mapping | None, progress: Callable[[float], bool] | None, method: str, zone: ZoneInfo,
          date_order: str) -> DeviceReadings:
    """Steps 1-5, with their errors as the import's (a streamed source's come later, from the store)."""
    catalogue = {m.key: m for m in services.measures.measures()}
    try:
        source = source_of(data) if format == "auto" or format in _SOURCES else None
        if source is not None and format in ("auto", source.format):  # no table: beside the CSV steps
            return _read_source(source, data, file_name, progress, method, zone)
        if format in _SOURCES and format not in LAYOUTS_BY_NAME:
            raise NotThisFormat(f"This is not {_SOURCES[format].what}.")
        return read_file(bytes_of(data), format, measure, mapping, _parse_progress(progress, PARSE_SHARE), catalogue,
                         file_name, zone, method, date_order)
    except DateOrderUnknown:
        raise                  # the person can answer it: the caller asks (a ValueError, not the arguments')
    except NotThisFormat as error:
        raise NotADeviceFile(str(error)) from None
    except ParseCancelled:
        raise ImportCancelled() from None
    except ValueError as error:  # an unknown measure or method, a CSV without measure or mapping, ...
        raise NotADeviceFile(str(error)) from None


def _read_source(source: Source, data: FileInput, file_name: str, progress: Callable[[float], bool] | None,
                 method: str, zone: ZoneInfo) -> DeviceReadings:
    if method:
        raise ValueError(method_refused(data, source.format))
    share = 1.0 if source.streamed else PARSE_SHARE   # streamed: reading is the whole import's progress
    return source.read(data if source.streamed else bytes_of(data), file_name, zone, _parse_progress(progress, share))


def _parse_progress(progress: Callable[[float], bool] | None, share: float) -> Callable[[int, int], bool]:
    def parsed(done: int, total: int) -> bool:
        return progress is None or progress(share * done / max(1, total)) is not False

    return parsed
