"""The hour and day summaries (reading_buckets) after imports that mix kinds of readings: exactly what a
fresh count over the readings gives, whether they were added up while storing (plain readings of a
measure) or summarised again from the table (a measure with blood pressures, a reading already there),
and over spans longer than the month a refresh handles at a time."""

import math
from datetime import datetime, timezone

import pytest

from phr.imports.devices.model import ParsedReading
from phr.storage.repos.readings import ReadingRepository

START = int(datetime(2025, 1, 1, tzinfo=timezone.utc).timestamp())


def heart_rates(count: int, step: int = 300, first: int = START) -> list[ParsedReading]:
    return [ParsedReading("heart_rate", first + step * i, 60, 55.0 + i % 40) for i in range(count)]


def pressures(count: int, step: int = 86400) -> list[ParsedReading]:
    return [ParsedReading("bp", START + 3600 + step * i, 60, 120.0 + i % 20, 80.0 - i % 10, 66.0)
            for i in range(count)]


def fresh_count(db, measure: str, size: int) -> dict[int, tuple]:
    """Each bucket computed again, here, straight from the readings."""
    rows = db.query("SELECT taken_at / ?, value, value2 FROM readings r JOIN reading_measures m ON m.id = r.measure_id "
                    "WHERE m.key = ? AND deleted_at IS NULL", (size, measure))
    buckets: dict[int, list] = {}
    for bucket, value, value2 in rows:
        buckets.setdefault(bucket, []).append((value, value2))
    return {bucket: (len(v), min(x for x, _ in v), max(x for x, _ in v), math.fsum(x for x, _ in v),
                     math.fsum(x * x for x, _ in v)) for bucket, v in buckets.items()}


def stored(db, measure: str, size: int) -> dict[int, tuple]:
    rows = db.query("SELECT bucket, n, vmin, vmax, vsum, vsum2 FROM reading_buckets b JOIN reading_measures m "
                    "ON m.id = b.measure_id WHERE m.key = ? AND size = ?", (measure, size))
    return {bucket: (n, low, high, total, squares) for bucket, n, low, high, total, squares in rows}


def assert_right(db, measure: str) -> None:
    for size in (3600, 86400):
        expected, found = fresh_count(db, measure, size), stored(db, measure, size)
        assert found.keys() == expected.keys()
        for bucket, numbers in expected.items():
            assert found[bucket][:3] == numbers[:3]
            assert found[bucket][3:] == pytest.approx(numbers[3:], rel=1e-12)


def test_plain_readings_beside_blood_pressures_in_one_chunk(services):
    mixed = heart_rates(20000)
    for index, pressure in zip(range(100, 20000, 200), pressures(100)):
        mixed.insert(index, pressure)
    services.readings.add_batch(mixed, "device_import", "export.zip")
    db = services.session.db
    assert_right(db, "heart_rate")
    assert_right(db, "bp")


def test_again_with_readings_already_there_over_more_than_a_month_at_a_time(services):
    services.readings.add_batch(heart_rates(30000), "device_import", "first.csv")   # about 104 days
    services.readings.add_batch(heart_rates(30000, first=START + 150) + pressures(120), "device_import", "more.csv")
    services.readings.add_batch(heart_rates(40000), "device_import", "first-again.csv")  # 30000 already there
    db = services.session.db
    assert db.query_one("SELECT count(*) FROM readings r JOIN reading_measures m ON m.id = r.measure_id "
                        "WHERE m.key = 'heart_rate'")[0] == 70000
    assert_right(db, "heart_rate")
    assert_right(db, "bp")


def test_a_file_imported_again_leaves_the_summaries_as_they_are_without_summarising_again(services, monkeypatch):
    """Every reading already there: no chunk stored anything, so no span is summarised again from the table
    (at a lifetime's scale that was a pass over millions of readings for nothing)."""
    readings = heart_rates(12000) + pressures(30)
    services.readings.add_batch(readings, "device_import", "first.csv")
    db = services.session.db
    before = {size: stored(db, "heart_rate", size) for size in (3600, 86400)}
    summarised = []
    monkeypatch.setattr(ReadingRepository, "refresh_buckets", lambda *args: summarised.append(args[1:]))
    monkeypatch.setattr(ReadingRepository, "_days_from_hours", lambda *args: summarised.append(args[1:]))
    services.readings.add_batch(readings, "device_import", "first-again.csv")
    assert summarised == []
    assert {size: stored(db, "heart_rate", size) for size in (3600, 86400)} == before
    assert_right(db, "heart_rate")
    assert_right(db, "bp")
