"""Step 6 of a device import: the readings into the record, through the services, in ONE
transaction (cancellable: nothing changes), and the summary of what happened.

The transaction is opened before the file is read: `read(sink)` reads it inside readings.intake,
so the readings reach ReadingService's batch writer in parts while the file is read (a file of
any length is never held as readings at once), and what it returns (the last readings, or a
streamed source's iterator) follows. The writer adds only what is not there yet. The notes
(LibreView record type 6) go to the diary through DiaryService.add_imported, in the same
transaction, each once: a note's uid comes from its time and text. What anything raises on the
way (a broken file, cancel, a file without readings) rolls it all back.
"""

import hashlib
from typing import Callable

from phr.core.vocabulary import Source
from phr.imports.devices.model import DeviceImportSummary, DeviceReadings, ParsedReading, Sink
from phr.record.diary import TIME_FORMAT, DiaryEntry
from phr.record.services import RecordServices

SOURCE = Source.DEVICE_IMPORT
# refuse_empty(found): raises (and so rolls back) when the file held nothing to store.
EmptyCheck = Callable[[DeviceReadings], None]


def store(services: RecordServices, read: Callable[[Sink], DeviceReadings], file_name: str,
          progress: Callable[[int], bool] | None = None, refuse_empty: EmptyCheck | None = None) -> DeviceImportSummary:
    """progress(readings stored so far) may return False to cancel (ImportCancelled, nothing changed)."""
    with services.readings.writing(SOURCE, file_name, progress) as writer:
        found = read(writer.add)
        writer.add(found.readings)
        if refuse_empty is not None and not found.notes and not writer.total:
            refuse_empty(found)
        notes = services.diary.add_imported(map(_diary_entry, found.notes), SOURCE, file_name)
    return DeviceImportSummary(found.format, writer.added, writer.total - writer.added, found.skipped, notes,
                               found.left_out, found.skipped_beyond, found.encoding)


def _diary_entry(note: ParsedReading) -> DiaryEntry:
    uid = hashlib.sha256(f"device note|{note.epoch}|{note.note}".encode()).hexdigest()[:32]
    return DiaryEntry(note.taken_at.strftime(TIME_FORMAT), "note", note.note, uid=uid)
