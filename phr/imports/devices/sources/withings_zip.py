"""Withings Health Mate's data export in one go: the zip the account's "Download my data" sends, of
CSV files (bp.csv, weight.csv, and activities.csv, sleep.csv, height.csv, aggregates_*.csv,
raw_*.csv, ...), in any folder of the zip.

bp.csv and weight.csv are read as they are on their own, through the CSV pipeline with the
Withings layout (layouts/withings.py); their readings are joined, and their skipped rows name
their member (SkippedRow.member: the line is that member's). Every other member is left out (counted: its
rows, per member name). Recognised by its members' names, never by the zip's own name: a bp.csv or
weight.csv, or the raw_ and aggregates_ files beside activities.csv or sleep.csv. A bp.csv or
weight.csv that is not Withings' refuses the whole zip (NotThisFormat naming it): nothing is added.

The members read are small (a reading a day, say); they are read whole, one at a time, from the
zip's path (the zip itself, with years of raw tracker data, can be large: it is never read whole).
Progress is the part of the members' bytes done; cancelling raises ParseCancelled.
"""

from contextvars import Context
from functools import partial
from zipfile import ZipFile, ZipInfo
from zoneinfo import ZoneInfo

from phr.imports.devices import pipeline
from phr.imports.devices.model import DeviceReadings, NotThisFormat, ParsedReading, Progress, SkippedRow
from phr.imports.devices.records import report
from phr.imports.devices.sources import FileInput, Source, archive

FORMAT = "withings"
READ = ("bp.csv", "weight.csv")
_BESIDE = ("activities.csv", "sleep.csv", "height.csv", "signal.csv")
_RAW = ("raw_", "aggregates_")
_CHUNK = 1 << 20


def looks_like(head: bytes) -> bool:
    names = archive.names_in(head)
    if names is None:
        return False
    bases = {archive.base_name(name) for name in names}
    raw = any(base.startswith(_RAW) and base.endswith(".csv") for base in bases)
    return bool(bases & set(READ)) or (raw and bool(bases & set(_BESIDE)))


def read(file: FileInput, name: str, zone: ZoneInfo, progress: Progress | None = None) -> DeviceReadings:
    """The readings of the zip's bp.csv and weight.csv, the other members counted as left out."""
    found = DeviceReadings(FORMAT)
    readings: list[ParsedReading] = []
    with archive.opened(file) as zipped:
        members = [member for member in zipped.infolist() if not member.is_dir()]
        total, done = max(1, sum(member.file_size for member in members)), 0
        for member in members:
            if archive.base_name(member.filename) in READ:
                readings += _read_member(zipped, member, found, zone, _part(progress, done, member.file_size, total))
            else:
                found.leave_out(member.filename, _rows(zipped, member))
            done += member.file_size
            if progress is not None:
                report(progress, done, total)
    found.readings = iter(readings)     # the store consumes it as a streamed source's
    return found


SOURCE = Source(FORMAT, "a Withings Health Mate export (zip)", looks_like, read, streamed=True)


def _read_member(zipped: ZipFile, member: ZipInfo, found: DeviceReadings, zone: ZoneInfo,
                 progress: Progress | None) -> list[ParsedReading]:
    data = archive.member_bytes(zipped, member)
    read = partial(pipeline.read_file, data, FORMAT, progress=progress, name=member.filename, zone=zone)
    try:
        # In a context of its own: the import's intake (readings.intake) would otherwise hand this member's
        # readings to the store while it is read, and again later from the list returned here.
        part = Context().run(read)
    except NotThisFormat as error:
        raise NotThisFormat(f"{member.filename} in this zip is not a Withings Health Mate file: {error}") from None
    for row in part.skipped:
        found.skip(SkippedRow(row.line, row.reason, member.filename))
    for reason, count in part.skipped_beyond.items():
        found.skipped_beyond[reason] = found.skipped_beyond.get(reason, 0) + count
    found.notes += part.notes
    return list(part.readings)


def _part(progress: Progress | None, start: int, size: int, total: int) -> Progress | None:
    """A member's own progress (lines of it) as progress of the whole zip (bytes)."""
    if progress is None:
        return None

    def member_progress(done: int, lines: int) -> object:
        return progress(start + size * done // max(1, lines), total)

    return member_progress


def _rows(zipped: ZipFile, member: ZipInfo) -> int:
    """The member's rows after its header (its lines, counted without keeping them)."""
    lines, last = 0, b"\n"
    with archive.member_stream(zipped, member) as stream:
        try:
            while chunk := stream.read(_CHUNK):
                lines, last = lines + chunk.count(b"\n"), chunk[-1:]
        except archive.ZIP_ERRORS:
            raise archive.damaged() from None
    return max(0, lines + (last != b"\n") - 1)
