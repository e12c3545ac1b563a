"""ISO times with their own offset and a fraction of a second (milliseconds: a different text on nearly every row)
are read by the look-ups too (issue 20: such a file read every row the careful way, 5 times slower), and exactly as
the careful way reads each of them alone."""

import random
from datetime import datetime, timedelta, timezone

from phr.imports.devices.pipeline import read_file
from phr.imports.devices.times import without_fraction

OFFSETS = ["+02:00", "Z", "-05:30", "+0100", "+00:00"]


def times(count: int) -> list[str]:
    chance, start = random.Random(20), datetime(2024, 3, 30, 22, 0, tzinfo=timezone.utc)
    found = []
    for i in range(count):
        moment = start + timedelta(seconds=61 * i)
        digits = chance.choice([0, 1, 3, 6, 6, 7])
        fraction = "" if not digits else "." + "".join(chance.choice("0123456789") for _ in range(digits))
        offset = OFFSETS[i % len(OFFSETS)]
        found.append(f"{moment:%Y-%m-%dT%H:%M:%S}{fraction}{offset}")
    return found


def read(texts: list[str]) -> list[tuple[int, int] | None]:
    data = ("time,value\n" + "".join(f"{text},{5 + i % 9}\n" for i, text in enumerate(texts))).encode()
    found = read_file(data, "csv", "glucose")
    by_line = {reading.line: (reading.epoch, reading.offset) for reading in found.readings}
    return [by_line.get(line) for line in range(2, len(texts) + 2)]


def test_a_file_of_times_with_fractions_reads_as_each_time_alone():
    texts = times(400)
    together = read(texts)
    alone = [read([text])[0] for text in texts]      # a file of one row: read the careful way
    assert together == alone
    assert sum(found is not None for found in together) > 300


def test_the_fraction_goes_and_nothing_else():
    assert without_fraction("08:00:00.437+02:00") == "08:00:00+02:00"
    assert without_fraction("08:00:00.123456Z") == "08:00:00Z"
    assert without_fraction("08:00:00+02:00") == "08:00:00+02:00"
    assert without_fraction("08:00.5+02:00") == "08:00.5+02:00"
