"""Step 5 of a device import: a layout's rows as the readings to store, with the diary notes.

What is left once every row has been read: a device writes both passes through the repeated
autumn hour with the same wall-clock times, and which readings are the second pass shows only
in the order of the run (see times.second_pass); those move to the second pass's offset.
Skipped rows are put in line order.

While a large file is read (inside `intake`), its readings go to the store in parts, every few
thousand rows, rather than all at the end, so that a file of any length never has to be held as
readings at once. No layout or source needs to know: the ParsedRows they make register with the
intake (model.COLLECTING), and the progress callback they already call hands the readings over.
What the autumn hour's second pass may still move is kept back until its run has ended.
"""

from bisect import bisect_left
from contextlib import contextmanager
from contextvars import ContextVar
from operator import attrgetter
from typing import Iterator
from zoneinfo import ZoneInfo

from phr.imports.devices.model import COLLECTING, DeviceReadings, ParsedReading, ParsedRows, Progress, Sink
from phr.imports.devices.times import second_pass, second_pass_offset


class Handover:
    """Moves a layout's readings to `sink` now and then while the file is read (hand(rows)), and the
    rest at the end (readings_of). Readings keep file order; a run of readings in a repeated autumn
    hour is held back, with the reading before it, until a reading after it shows where it ends."""

    def __init__(self, sink: Sink):
        self.sink = sink
        self.first_wall: int | None = None   # the file's first reading: whether it runs oldest first
        self.before: int | None = None       # the wall time of the last reading handed over
        self.handed = 0

    def hand(self, rows: ParsedRows) -> None:
        found = rows.readings
        if not found:
            return
        if self.first_wall is None:
            self.first_wall = _wall(found[0])
        ready = len(found) - _open_run(found, rows.repeated_lines)
        if not ready:
            return
        if rows.repeated_lines:
            _second_passes(found, rows.repeated_lines, rows.zone, rows.line_zones, self.before,
                           self.first_wall <= _wall(found[-1]), ready)
        self.before = _wall(found[ready - 1])
        self.sink(found[:ready])
        self.handed += ready
        del found[:ready]


_HANDOVER: ContextVar[Handover | None] = ContextVar("handover", default=None)


@contextmanager
def intake(sink: Sink, progress: Progress | None) -> Iterator[Progress]:
    """Within this block, the readings of the files read go to `sink` while they are read: pass the
    progress callback it gives to the reading (pipeline.read_file, a source), which calls it every few
    thousand rows. readings_of then returns the rest."""
    handover, collecting = Handover(sink), list[ParsedRows]()
    tokens = COLLECTING.set(collecting), _HANDOVER.set(handover)

    def handing(done: int, total: int) -> object:
        for rows in collecting:
            handover.hand(rows)
        return True if progress is None else progress(done, total)

    try:
        yield handing
    finally:
        COLLECTING.reset(tokens[0])
        _HANDOVER.reset(tokens[1])


def readings_of(rows: ParsedRows) -> DeviceReadings:
    """The readings, notes and skipped rows of a file, times final: inside `intake`, the readings
    not handed over yet (the last ones)."""
    handover, collecting = _HANDOVER.get(), COLLECTING.get() or []
    if handover is not None and handover.handed and not any(made is rows for made in collecting):
        raise RuntimeError("a layout returned other rows than the ones whose readings were handed over")
    found, notes = rows.readings, rows.notes
    if rows.repeated_lines and found:
        first = handover.first_wall if handover is not None and handover.first_wall is not None else _wall(found[0])
        before = handover.before if handover is not None else None
        _second_passes(found, rows.repeated_lines, rows.zone, rows.line_zones, before, first <= _wall(found[-1]),
                       len(found))
    if rows.repeated_lines and notes:   # the notes are all here: no handover
        _second_passes(notes, rows.repeated_lines, rows.zone, rows.line_zones, None,
                       _wall(notes[0]) <= _wall(notes[-1]), len(notes))
    rows.skipped.sort(key=attrgetter("line"))
    return DeviceReadings(rows.format, found, rows.skipped, rows.notes, skipped_beyond=dict(rows.skipped_beyond))


def _open_run(found: list[ParsedReading], repeated_lines: list[int]) -> int:
    """How many readings at the end of `found` a later reading may still show to be a second pass: the
    last run in a repeated hour when nothing follows it yet, or none."""
    if not repeated_lines or found[-1].line < repeated_lines[0]:
        return 0
    repeated = set(repeated_lines)
    count = 0
    for reading in reversed(found):
        if reading.line not in repeated:
            break
        count += 1
    return count


def _second_passes(found: list[ParsedReading], repeated_lines: list[int], zone: ZoneInfo,
                   line_zones: dict[int, ZoneInfo], before_first: int | None, oldest_first: bool,
                   ready: int) -> None:
    """Moves the readings (in file order) among found[:ready] that are the second pass through a
    repeated hour to that pass's offset (one hour later); a row with a zone of its own (a file's zone
    column) uses that zone. `before_first`: the wall time of the reading before found[0], if any."""
    lines = list(map(attrgetter("line"), found[:ready]))   # increasing: readings are in file order
    indexes = []
    for line in sorted(set(repeated_lines)):
        index = bisect_left(lines, line)
        if index < len(lines) and lines[index] == line:
            indexes.append(index)
    for run in _consecutive(indexes):
        before = _wall(found[run[0] - 1]) if run[0] > 0 else before_first
        after = _wall(found[run[-1] + 1]) if run[-1] + 1 < len(found) else None
        passes = second_pass([_wall(found[i]) for i in run], before, after, oldest_first,
                             [found[i].method for i in run])
        for index, second in zip(run, passes):
            if second:
                row_zone = line_zones.get(found[index].line, zone)
                epoch, offset = second_pass_offset(found[index].epoch, found[index].offset, row_zone)
                found[index] = found[index]._replace(epoch=epoch, offset=offset)


def _wall(reading: ParsedReading) -> int:
    """The reading's wall-clock time as seconds (comparable with other wall-clock times)."""
    return reading.epoch + reading.offset * 60


def _consecutive(indexes: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
