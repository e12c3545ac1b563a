"""Importing a device file into the record: parse, store, report. One transaction, cancellable.

The summary says what was added, what was already there (importing a file twice adds nothing
the second time) and which rows were skipped, with the reason and the line number. LibreView
notes become diary entries, once.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Callable

from phr.core.errors import InvalidInput
from phr.imports.devices import detect
from phr.imports.devices.model import NotThisFormat, SkippedRow
from phr.imports.devices.text import ParseCancelled
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.readings import ImportCancelled
from phr.record.diary import TIME_FORMAT, DiaryEntry

FORMATS = ("auto", "libreview", "dexcom", "omron", "csv")
# Parsing takes most of the time of a large import; storing the rest.
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


@dataclass
class DeviceImportSummary:
    format: str
    added: int = 0
    already_present: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    notes_added: int = 0

    def skipped_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in self.skipped:
            counts[row.reason] = counts.get(row.reason, 0) + 1
        return counts


def import_file(services, data: bytes, file_name: str, format: str = "auto", measure: str | None = None,
                mapping: Mapping | None = None, progress: Callable[[float], bool] | None = None) -> DeviceImportSummary:
    """`progress(fraction)` may return False to cancel (ImportCancelled, nothing changed)."""
    result = _parse(services, data, file_name, format, measure, mapping, progress)
    summary = DeviceImportSummary(result.format, skipped=result.skipped)
    total = max(1, len(result.readings))

    def stored(done: int) -> bool:
        return progress is None or progress(PARSE_SHARE + (1 - PARSE_SHARE) * done / total) is not False

    batch = services.readings.add_batch(result.readings, "device_import", file_name, stored,
                                        also=lambda: _store_notes(services, result.notes, file_name, summary))
    summary.added, summary.already_present = batch.added, batch.already_present
    return summary


def _parse(services, data, file_name, format, measure, mapping, progress):
    catalogue = {m.key: m for m in services.measures.measures()}

    def parsed(done: int, total: int) -> bool:
        return progress is None or progress(PARSE_SHARE * done / max(1, total)) is not False

    try:
        return detect.parse(data, format, measure=measure, mapping=mapping, progress=parsed, catalogue=catalogue,
                            name=file_name)
    except NotThisFormat as error:
        raise NotADeviceFile(str(error)) from None
    except ParseCancelled:
        raise ImportCancelled() from None
    except ValueError as error:  # an unknown measure, or a CSV without measure or mapping
        raise NotADeviceFile(str(error)) from None


def _store_notes(services, notes, file_name: str, summary: DeviceImportSummary) -> None:
    """Inside the import's transaction: each note once (its uid comes from its time and text)."""
    entries = [DiaryEntry(note.taken_at.strftime(TIME_FORMAT), "note", note.note,
                          uid=hashlib.sha256(f"device note|{note.epoch}|{note.note}".encode()).hexdigest()[:32])
               for note in notes]
    summary.notes_added += services.diary.add_imported(entries, "device_import", file_name)
