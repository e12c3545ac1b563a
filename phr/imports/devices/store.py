"""Step 6 of a device import: the readings into the record, through the services, in ONE
transaction (cancellable: nothing changes), and the summary of what happened.

The readings go through ReadingService.add_batch, which adds only what is not there yet; the
notes (LibreView record type 6) go to the diary through DiaryService.add_imported, in the same
transaction, each once: a note's uid comes from its time and text. A streamed source's readings
are an iterator consumed here, chunk by chunk: its notes and skipped rows are complete only
after, so they are stored and counted after the readings, still inside the transaction.
"""

import hashlib
from typing import Callable

from phr.core.vocabulary import Source
from phr.imports.devices.model import DeviceImportSummary, DeviceReadings, ParsedReading
from phr.record.diary import TIME_FORMAT, DiaryEntry
from phr.record.services import RecordServices

SOURCE = Source.DEVICE_IMPORT
# refuse_empty(found): raises (and so rolls back) when the file held nothing to store.
EmptyCheck = Callable[[DeviceReadings], None]


def store(services: RecordServices, found: DeviceReadings, file_name: str,
          progress: Callable[[int], bool] | None = None, refuse_empty: EmptyCheck | None = None) -> DeviceImportSummary:
    """progress(readings done) may return False to cancel (ImportCancelled, nothing changed)."""
    summary = DeviceImportSummary(found.format)

    def after_readings() -> None:
        summary.skipped = found.skipped
        if refuse_empty is not None and not found.notes and not counted[0]:
            refuse_empty(found)
        summary.notes_added += services.diary.add_imported(map(_diary_entry, found.notes), SOURCE, file_name)

    counted = [0]

    def counting(done: int) -> bool:
        counted[0] = done
        return progress is None or progress(done)

    batch = services.readings.add_batch(found.readings, SOURCE, file_name, counting, also=after_readings)
    summary.added, summary.already_present = batch.added, batch.already_present
    return summary


def _diary_entry(note: ParsedReading) -> DiaryEntry:
    uid = hashlib.sha256(f"device note|{note.epoch}|{note.note}".encode()).hexdigest()[:32]
    return DiaryEntry(note.taken_at.strftime(TIME_FORMAT), "note", note.note, uid=uid)
