"""Readings go to the store in parts while a file is read (readings.intake), never all at the end.

The parts must not change what is stored: in particular a run of readings in the repeated autumn
hour that a part ends in the middle of keeps both its passes right. Checked against the true
moments the files are made from (UTC, independent of the import's clock), for files whose
repeated hour falls at many places relative to the parts, oldest first and newest first.
"""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from phr.imports.devices.pipeline import read_file
from phr.imports.devices.readings import intake

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CHANGE = datetime(2025, 10, 26, 1, 0, tzinfo=timezone.utc)  # 03:00 +02:00 becomes 02:00 +01:00
STEP = timedelta(minutes=5)


def sensor_file(before_change: int, after_change: int, newest_first: bool = False) -> tuple[bytes, list[int]]:
    """A time,value CSV in Amsterdam wall-clock time, one reading every 5 minutes, with `before_change`
    readings before the clock goes back; and the true UTC moments of its rows, in file order."""
    moments = [CHANGE - STEP * (before_change - i) for i in range(before_change + after_change)]
    if newest_first:
        moments.reverse()
    lines = ["time,value"] + [f"{m.astimezone(AMSTERDAM):%Y-%m-%d %H:%M},{5 + i % 40 / 10:.1f}"
                              for i, m in enumerate(moments)]
    return ("\n".join(lines) + "\n").encode(), [int(m.timestamp()) for m in moments]


def read_in_parts(data: bytes) -> tuple[list[list[int]], list[int]]:
    """(the moments of each part handed over, the moments of the rest returned at the end)."""
    parts: list[list[int]] = []
    with intake(lambda chunk: parts.append([r.epoch for r in chunk]), None) as handing:
        found = read_file(data, "csv", "glucose", progress=handing, zone=AMSTERDAM)
    return parts, [r.epoch for r in found.readings]


@pytest.mark.parametrize("newest_first", [False, True])
def test_parts_keep_every_moment_right_wherever_the_repeated_hour_falls(newest_first):
    held_back = 0
    for place in range(4640, 4740, 4):       # the repeated hour at many places around the first part's end
        data, truth = sensor_file(400, place, True) if newest_first else sensor_file(place, 400)
        parts, rest = read_in_parts(data)
        stored = [epoch for part in parts for epoch in part] + rest
        assert stored == truth
        assert len(parts) >= 2               # handed over while reading, not all at the end
        repeated = {epoch for epoch in truth if CHANGE - timedelta(hours=1) <= _utc(epoch) < CHANGE + timedelta(hours=1)}
        # A part that ends just before the repeated hour's run: the run was held back until it ended.
        following = dict(zip(truth, truth[1:]))
        held_back += any(part[-1] not in repeated and following.get(part[-1]) in repeated for part in parts)
    assert held_back, "no file had a part end at the repeated hour: the test did not test holding back"


def test_reading_in_parts_gives_what_reading_at_once_gives():
    data, _truth = sensor_file(20000, 20000)
    parts, rest = read_in_parts(data)
    at_once = read_file(data, "csv", "glucose", zone=AMSTERDAM).readings
    assert [epoch for part in parts for epoch in part] + rest == [r.epoch for r in at_once]
    assert max(len(part) for part in parts) < 10000  # small parts: the readings are never all held


def _utc(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc)
