"""Step 5 of a device import: a layout's rows as the readings to store, with the diary notes.

What is left once every row has been read: a device writes both passes through the repeated
autumn hour with the same wall-clock times, and which readings are the second pass shows only
in the order of the whole run (see times.second_pass); those move to the second pass's offset.
Skipped rows are put in line order.
"""

from bisect import bisect_left
from operator import attrgetter
from zoneinfo import ZoneInfo

from phr.imports.devices.model import DeviceReadings, ParsedReading, ParsedRows
from phr.imports.devices.times import second_pass, second_pass_offset


def readings_of(rows: ParsedRows) -> DeviceReadings:
    """The readings, notes and skipped rows of a file, times final."""
    if rows.repeated_lines:
        for found in (rows.readings, rows.notes):
            _second_passes(found, rows.repeated_lines, rows.zone, rows.line_zones)
    rows.skipped.sort(key=attrgetter("line"))
    return DeviceReadings(rows.format, rows.readings, rows.skipped, rows.notes)


def _second_passes(found: list[ParsedReading], repeated_lines: list[int], zone: ZoneInfo,
                   line_zones: dict[int, ZoneInfo]) -> None:
    """Moves the readings (in file order) that are the second pass through a repeated hour to
    that pass's offset (one hour later); a row with a zone of its own (a file's zone column) uses that zone."""
    lines = list(map(attrgetter("line"), found))   # increasing: readings are in file order
    indexes = []
    for line in sorted(set(repeated_lines)):
        index = bisect_left(lines, line)
        if index < len(lines) and lines[index] == line:
            indexes.append(index)
    oldest_first = bool(found) and _wall(found[0]) <= _wall(found[-1])
    for run in _consecutive(indexes):
        before = _wall(found[run[0] - 1]) if run[0] > 0 else None
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
