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
from phr.imports.devices.recognise import FORMATS, LAYOUTS_BY_NAME, method_not_for
from phr.imports.devices.sources import nightscout_json
from phr.imports.devices.store import store
from phr.imports.devices.times import AMSTERDAM, DateOrderUnknown
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.readings import ImportCancelled
from phr.record.services import RecordServices

__all__ = ["FORMATS", "REASON_TEXT", "DateOrderUnknown", "DeviceImportSummary", "NoReadings", "NotADeviceFile",
           "import_file", "is_device_json", "method_refused"]

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


def import_file(services: RecordServices, data: bytes, file_name: str, format: str = "auto",
                measure: str | None = None, mapping: Mapping | None = None,
                progress: Callable[[float], bool] | None = None, method: str = "", zone: ZoneInfo = AMSTERDAM,
                date_order: str = "auto") -> DeviceImportSummary:
    """`progress(fraction)` may return False to cancel (ImportCancelled, nothing changed). `method`: how
    the readings of another CSV file were taken ('' not known; NotADeviceFile for a vendor's file).
    `zone`: where the file's wall-clock times are, unless it says so itself; `date_order`: 'dmy' or
    'mdy' when the person said, 'auto' to decide from the file (DateOrderUnknown, nothing changed,
    when it cannot)."""
    found = _read(services, data, file_name, format, measure, mapping, progress, method, zone, date_order)
    if not found.readings and not found.notes:
        raise NoReadings(file_name, found.format, len({row.line for row in found.skipped}), _by_reason(found))
    total = max(1, len(found.readings))

    def stored(done: int) -> bool:
        return progress is None or progress(PARSE_SHARE + (1 - PARSE_SHARE) * done / total) is not False

    return store(services, found, file_name, stored)


def is_device_json(data: bytes) -> bool:
    """True for a device file in JSON (Nightscout's entries.json), which the caller must not take for a
    Regie or FHIR file; decided from the file's start."""
    return nightscout_json.looks_like(data)


def method_refused(data: bytes, format: str = "auto", file_name: str = "") -> str | None:
    """Why the person may not say how this file's readings were taken (a vendor's file says it per
    reading), or None when they may: another CSV file, or a file that is not text (the import says so)."""
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
    counts: dict[str, int] = {}
    for row in found.skipped:
        counts[row.reason] = counts.get(row.reason, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _read(services: RecordServices, data: bytes, file_name: str, format: str, measure: str | None,
          mapping: Mapping | None, progress: Callable[[float], bool] | None, method: str, zone: ZoneInfo,
          date_order: str) -> DeviceReadings:
    """Steps 1-5, with their errors as the import's."""
    catalogue = {m.key: m for m in services.measures.measures()}

    def parsed(done: int, total: int) -> bool:
        return progress is None or progress(PARSE_SHARE * done / max(1, total)) is not False

    try:
        if format in ("auto", "nightscout") and nightscout_json.looks_like(data):  # no table: beside the CSV steps
            if method:
                raise ValueError(method_not_for(LAYOUTS_BY_NAME["nightscout"]))
            return nightscout_json.read_file(data, file_name, zone, parsed)
        return read_file(data, format, measure, mapping, parsed, catalogue, file_name, zone, method, date_order)
    except DateOrderUnknown:
        raise                  # the person can answer it: the caller asks (a ValueError, not the arguments')
    except NotThisFormat as error:
        raise NotADeviceFile(str(error)) from None
    except ParseCancelled:
        raise ImportCancelled() from None
    except ValueError as error:  # an unknown measure or method, a CSV without measure or mapping, ...
        raise NotADeviceFile(str(error)) from None
