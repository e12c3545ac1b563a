"""The chart's columns folded in memory (phr.monitoring.chart_folding) are the record's own, number for number.

The reference is how the chart read them before: the repository's envelope (grouped in SQL, folded
in Python), the counts per column and the sensor's Low and High placed in columns one by one.
Random readings with gaps, Lows and Highs, deleted readings, two readings at one moment, and blood
pressure (value2, and a pulse that is sometimes missing), in random windows at every column width:
reading by reading, from the readings, from the hour summaries and from the day summaries.
"""

import math
import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from phr.monitoring.chart_folding import Cached, ChartFolding, Folded, Stretch
from phr.monitoring.reading_columns import ChartColumns, column_of
from phr.monitoring.readings import Reading
from phr.storage.database import Database
from phr.storage.open_vault import RECORD_FILE
from phr.storage.repos.readings import ReadingRepository
from phr.ui.charts.record_source import RecordChartSource

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 1, 1, tzinfo=AMSTERDAM)
NAN = float("nan")
DAY = 86400
# Column counts that give every way of folding on about five weeks of readings: day columns (3, 7),
# hour columns (40, 150), columns of readings (900, 1500); narrow windows come reading by reading.
COLUMNS = (1, 3, 7, 40, 150, 900, 1500)


def recorded(services, key: str, first: int, last: int, columns: int, component: int) -> Folded:
    """The envelope as the chart source made it before it folded in memory."""
    rows = services.readings.envelope(key, first, last, columns, component)
    if rows.exact:
        lows = [NAN if v is None else float(v) for v in rows.lows]
        return Folded(list(rows.times), lows, list(lows), True, list(rows.flags))
    extras = ChartColumns(services.session)
    counts = extras.counts(key, first, last, columns)
    flags: dict[int, set[str]] = {}
    if component == 0:
        for at, flag in extras.flagged(key):
            if first <= at <= last:
                flags.setdefault(column_of(at, first, last, columns), set()).add(flag)
    points = {column_of(at, first, last, columns): (at, low, high)
              for at, low, high in zip(rows.times, rows.lows, rows.highs)}
    width = (last - first) / columns
    for column in flags.keys() - points.keys():
        points[column] = (first + (column + 0.5) * width, NAN, NAN)
    order = sorted(points)
    return Folded([points[c][0] for c in order], [points[c][1] for c in order], [points[c][2] for c in order],
                  False, [" ".join(sorted(flags.get(c, ()), reverse=True)) for c in order],
                  [max(1, counts.get(c, 1)) for c in order])


def same(one: Folded, other: Folded) -> bool:
    """Equal, NaN equal to NaN (a column of only Lows and Highs, a flagged reading)."""
    def numbers(values: list[float]) -> list[object]:
        return ["nan" if isinstance(v, float) and math.isnan(v) else v for v in values]
    return (one.exact, one.times, numbers(one.lows), numbers(one.highs), one.flags, one.counts) == \
        (other.exact, other.times, numbers(other.lows), numbers(other.highs), other.flags, other.counts)


def sensor(randomness: random.Random) -> list[Reading]:
    """Five weeks of 5-minute glucose with days missing, a few Lows and Highs, and a scan at a sensor's moment."""
    readings = []
    for step in range(35 * 288):
        if (step // 288) % 9 == 4 or (step // 12) % 31 == 7:  # a day, and hours, without a sensor
            continue
        at = START + timedelta(minutes=5 * step)
        draw = randomness.random()
        if draw < 0.004:
            readings.append(Reading("glucose", at, None, flag="below_range", method="sensor"))
        elif draw < 0.008:
            readings.append(Reading("glucose", at, None, flag="above_range", method="sensor"))
        else:
            readings.append(Reading("glucose", at, round(randomness.uniform(2.5, 19.0), 1), method="sensor"))
        if draw > 0.995:
            readings.append(Reading("glucose", at, round(randomness.uniform(2.5, 19.0), 1), method="scan"))
    return readings


def pressures(randomness: random.Random) -> list[Reading]:
    """A blood pressure every 8 minutes for five weeks (enough to fold), its pulse sometimes missing."""
    return [Reading("bp", START + timedelta(minutes=8 * step + randomness.randrange(7)),
                    randomness.randrange(95, 190), randomness.randrange(55, 110),
                    None if randomness.random() < 0.2 else randomness.randrange(45, 130), method="typed")
            for step in range(35 * 180) if (step // 180) % 11 != 6]


@pytest.fixture
def sensor_record(services):
    """Finger pricks first, then the sensor: at a moment they share, the sensor's reading is stored later but
    comes first in the index (its method's code is lower); reading by reading they come in the order stored."""
    randomness = random.Random(19)
    pricks = [Reading("glucose", START + timedelta(minutes=5 * step), round(randomness.uniform(3, 12), 1),
                      method="fingerstick") for step in range(3, 35 * 288, 97)]
    services.readings.add_batch(pricks, "typed", None)
    services.readings.add_batch(sensor(randomness), "device_import", "sensor.csv")
    return services


@pytest.fixture
def lifetime(sensor_record):
    """The readings above, stored, and some of them deleted again (deleted readings must not show)."""
    services, randomness = sensor_record, random.Random(20)
    services.readings.add_batch(pressures(randomness), "typed", None)
    for key in ("glucose", "bp"):
        for reading in randomness.sample(services.readings.page(key, 0, 20_000), 8):
            services.readings.delete(reading.id)
    return services


def windows(randomness: random.Random, span: tuple[int, int], count: int):
    first, last = span
    for _ in range(count):
        length = int((last - first) * randomness.choice((0.002, 0.03, 0.2, 0.6, 1.2, 1.2)))
        start = randomness.randint(first - length // 2, last - length // 2)
        yield start, start + length


@pytest.mark.parametrize("key, components, count", [("glucose", (0,), 20), ("bp", (0, 1, 2), 8)])
def test_the_columns_folded_in_memory_are_the_records_own(lifetime, key, components, count):
    randomness = random.Random(key)
    folding = ChartFolding(lifetime.session, key)  # one for all windows: what it read is used again
    kinds = set()
    for first, last in windows(randomness, lifetime.readings.span(key), count):
        for columns in COLUMNS:
            for component in components:
                ours = folding.envelope(first, last, columns, component)
                theirs = recorded(lifetime, key, first, last, columns, component)
                assert same(ours, theirs), (first, last, columns, component)
                width = (last - first) / columns
                kinds.add("exact" if ours.exact else "readings" if width < 3600 or component == 2  # pulse: no sums
                          else "days" if width >= 86400 else "hours")
    assert kinds == {"exact", "days", "hours", "readings"}


def test_a_pan_after_new_readings_shows_them(sensor_record):
    lifetime = sensor_record
    source = RecordChartSource(lifetime, "glucose")
    first, last = lifetime.readings.span("glucose")
    middle = (first + last) // 2
    before = source.envelope(middle - 12 * DAY, middle + 12 * DAY, 600)  # per column, from the readings
    assert not before.exact and max(before.highs) < 25
    lifetime.readings.add(Reading("glucose", datetime.fromtimestamp(middle + 13 * DAY, AMSTERDAM), 27.5,
                                  method="fingerstick"))
    after = source.envelope(middle - 11 * DAY, middle + 13 * DAY + 600, 600)  # a pan within what was read
    assert max(after.highs) == 27.5
    theirs = recorded(lifetime, "glucose", middle - 11 * DAY, middle + 13 * DAY + 600, 600, 0)
    assert same(Folded(after.times, after.lows, after.highs, after.exact, after.flags, after.counts), theirs)


def test_a_pan_after_a_deletion_leaves_the_reading_out(sensor_record):
    lifetime = sensor_record
    source = RecordChartSource(lifetime, "glucose")
    first, last = lifetime.readings.span("glucose")
    before = source.envelope(first, last, 50)
    highest = max(before.highs)
    reading = next(r for r in lifetime.readings.page("glucose", 0, 20_000) if r.value == highest)
    lifetime.readings.delete(reading.id)
    after = source.envelope(first + 1, last, 50)
    assert after.reading_count() < before.reading_count()
    assert not same(Folded(after.times, after.lows, after.highs, after.exact, after.flags, after.counts),
                    Folded(before.times, before.lows, before.highs, before.exact, before.flags, before.counts))
    theirs = recorded(lifetime, "glucose", first + 1, last, 50, 0)
    assert same(Folded(after.times, after.lows, after.highs, after.exact, after.flags, after.counts), theirs)


def test_a_change_by_another_program_is_seen_too(sensor_record, new_record, template_record):
    """Another connection to the record (another Regie, a `phr` command) deletes a reading: the next pan leaves
    it out (SQLite's data_version tells this connection that the file changed)."""
    source = RecordChartSource(sensor_record, "glucose")
    first, last = sensor_record.readings.span("glucose")
    before = source.envelope(first, last, 50)
    reading = sensor_record.readings.page("glucose", 100, 1)[0]
    other = Database.open(new_record[0] / RECORD_FILE, template_record.owner_keys.data_key)
    try:
        with other.transaction():
            ReadingRepository(other).set_deleted(reading.id, "2026-12-06T12:00:00Z")
            ReadingRepository(other).refresh_buckets("glucose", first, last)
    finally:
        other.close()
    after = source.envelope(first + 1, last, 50)
    assert after.reading_count() == before.reading_count() - 1


def test_a_pan_reads_only_what_it_did_not_hold():
    """A view that leaves what was read gets three times its width; the part held already is not read again."""
    reads = []

    def read(lo: int, hi: int) -> Stretch:
        reads.append((lo, hi))
        keys = np.array([k for k in range(lo, hi + 1) if k % 7 == 0], dtype=np.int64)
        return Stretch(lo, hi, keys, {"value": keys * 0.5})

    cached = Cached(read)
    assert cached.covering(100, 199).lo == 0 and reads == [(0, 299)]
    cached.covering(150, 299)
    assert reads == [(0, 299)]  # inside: nothing read
    held = cached.covering(250, 349)  # 100 wide: 150..449, of which 150..299 is held
    assert reads == [(0, 299), (300, 449)]
    assert (held.lo, held.hi) == (150, 449) and held.keys.tolist() == [k for k in range(150, 450) if k % 7 == 0]
    assert held.columns["value"].tolist() == [k * 0.5 for k in held.keys.tolist()]
    cached.covering(5000, 5099)  # far away: read anew
    assert reads[-1] == (4900, 5199)
