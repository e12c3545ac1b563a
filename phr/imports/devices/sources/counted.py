"""What a source's file holds besides its readings, counted rather than kept row by row.

An Apple Health export of a few years holds millions of step counts, workouts and other records that
are no reading Regie keeps: one SkippedRow each would cost more memory than the readings. So a source
counts those per kind (`left_out`: Apple's type name, or a zip member's name, and how many records),
and keeps SkippedRows only for records of the measures it reads that it could not read (a bad value,
an implausible one), at most MAX_SKIPPED of them; the ones after that are counted per reason
(`skipped_beyond`). A zip's skipped rows name their member, whose line numbers they give.
"""

from dataclasses import dataclass, field

from phr.imports.devices.model import DeviceReadings, SkippedRow

# SkippedRows kept per import (about 10 MB); the rest are counted only.
MAX_SKIPPED = 100_000


@dataclass(frozen=True)
class MemberRow(SkippedRow):
    """A skipped row of one member of a zip: `line` is the line in that member."""

    member: str = ""


@dataclass
class CountedReadings(DeviceReadings):
    """DeviceReadings with what was left out, complete (as `skipped`) once `readings` is consumed."""

    left_out: dict[str, int] = field(default_factory=dict)          # kind -> records not read
    skipped_beyond: dict[str, int] = field(default_factory=dict)    # reason -> skipped after MAX_SKIPPED

    def skip(self, row: SkippedRow) -> None:
        if len(self.skipped) < MAX_SKIPPED:
            self.skipped.append(row)
        else:
            self.skipped_beyond[row.reason] = self.skipped_beyond.get(row.reason, 0) + 1

    def leave_out(self, kind: str, count: int = 1) -> None:
        self.left_out[kind] = self.left_out.get(kind, 0) + count
