"""Readings, custom measures, targets, plans and the diary: what the record then holds."""

from datetime import date, datetime, timedelta, timezone

import pytest

from phr.core.entries import EntryInvalid
from phr.monitoring.custom_measures import CustomMeasure
from phr.monitoring.readings import ImportCancelled, Reading
from phr.monitoring.targets import Plan, Target
from phr.record.diary import DiaryEntry

AMSTERDAM_WINTER = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 22, 8, 0, tzinfo=AMSTERDAM_WINTER)


def sensor(n: int, start=datetime(2026, 1, 1, tzinfo=timezone.utc), value=lambda i: 5.0 + (i % 50) / 10):
    return [Reading("glucose", start + timedelta(minutes=5 * i), value(i), method="sensor") for i in range(n)]


def test_a_blood_pressure_is_one_reading_with_three_numbers(services):
    services.readings.add(Reading("bp", MORNING, 128, 82, 66, context="at_rest", note="na 5 minuten rust"))
    stored = services.readings.latest("bp")
    assert (stored.value, stored.value2, stored.value3, stored.context) == (128, 82, 66, "at_rest")
    assert stored.taken_at == MORNING and stored.taken_at.utcoffset() == timedelta(hours=1)
    assert stored.provenance.source == "typed" and stored.provenance.entered_by == "Zoë Ünal"
    assert services.session.check().counts["readings"] == 1


@pytest.mark.parametrize("reading, field", [
    (Reading("bp", MORNING, 128, None, 66), "value2"),
    (Reading("glucose", MORNING, None), "value"),
    (Reading("glucose", MORNING, "5,4"), "value"),
    (Reading("nonsense", MORNING, 1), "measure"),
    (Reading("glucose", datetime(2026, 1, 1), 5.0), "taken_at"),   # a time without its offset
    (Reading("glucose", MORNING, 5.0, context="after_dinner"), "context"),
])
def test_incomplete_readings_are_refused(services, reading, field):
    with pytest.raises(EntryInvalid) as refused:
        services.readings.add(reading)
    assert field in [e.field for e in refused.value.errors]
    assert services.readings.count() == 0


def test_implausible_values_are_named_for_questioning_not_refused(services):
    odd = Reading("bp", MORNING, 480, 82, 300)
    assert services.readings.implausible(odd) == ["value", "value3"]
    services.readings.add(odd)  # the person confirmed it
    assert services.readings.count("bp") == 1


def test_a_batch_adds_nothing_the_second_time(services):
    first = services.readings.add_batch(sensor(3000), "device_import", "libre.csv")
    again = services.readings.add_batch(sensor(3000), "device_import", "libre.csv")
    assert (first.added, first.already_present) == (3000, 0)
    assert (again.added, again.already_present) == (0, 3000)
    assert services.readings.count("glucose") == 3000
    assert services.readings.latest("glucose").provenance.source_detail == "libre.csv"


def test_low_and_high_without_a_number_are_kept_once(services):
    at = datetime(2026, 3, 1, 2, 0, tzinfo=timezone.utc)
    flagged = [Reading("glucose", at, None, flag="below_range", method="sensor"),
               Reading("glucose", at + timedelta(minutes=5), None, flag="above_range", method="sensor")]
    assert services.readings.add_batch(flagged, "device_import", "dexcom.csv").added == 2
    assert services.readings.add_batch(flagged, "device_import", "dexcom.csv").added == 0
    assert [r[5] for r in services.readings.between("glucose", at, at + timedelta(hours=1))] == [
        "below_range", "above_range"]


def test_two_readings_at_the_same_wall_clock_time_in_the_autumn_hour_both_stay(services):
    first = datetime(2026, 10, 25, 2, 30, tzinfo=timezone(timedelta(hours=2)))
    second = datetime(2026, 10, 25, 2, 30, tzinfo=timezone(timedelta(hours=1)))  # one hour later in UTC
    services.readings.add_batch([Reading("glucose", first, 5.5, method="sensor"),
                                 Reading("glucose", second, 5.5, method="sensor")], "device_import", "x")
    rows = services.readings.between("glucose", first, second)
    assert [(r[0], r[1]) for r in rows] == [(int(first.timestamp()), 120), (int(second.timestamp()), 60)]


def test_cancelling_an_import_leaves_nothing(services):
    with pytest.raises(ImportCancelled):
        services.readings.add_batch(sensor(12000), "device_import", "big.csv", progress=lambda done: done < 5000)
    assert services.readings.count() == 0
    assert services.session.db.query_one("SELECT count(*) FROM reading_batches")[0] == 0


def test_delete_and_undo_keep_the_summaries_right(services):
    services.readings.add_batch(sensor(24, value=lambda i: 5.0), "device_import", "x")
    spike = services.readings.add(Reading("glucose", datetime(2026, 1, 1, 0, 7, tzinfo=timezone.utc), 19.0))
    first, last = services.readings.span("glucose")
    assert max(services.readings.envelope("glucose", first, last, 1).highs) == 19.0
    services.readings.delete(spike.item_id)
    assert max(services.readings.envelope("glucose", first, last, 1).highs) == 5.0
    services.readings.undo_delete(spike.item_id)
    assert max(services.readings.envelope("glucose", first, last, 1).highs) == 19.0


def test_a_deleted_reading_is_gone_after_lock(new_record, create_fast):
    from conftest import PASSPHRASE

    from phr.access import records
    from phr.record.services import RecordServices

    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    change = RecordServices(session).readings.add(Reading("weight", MORNING, 71.4))
    RecordServices(session).readings.delete(change.item_id)
    session.lock()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert session.db.query_one("SELECT count(*) FROM readings")[0] == 0
        assert session.db.query_one("SELECT count(*) FROM reading_buckets")[0] == 0
    finally:
        session.lock()


def test_a_year_of_sensor_readings_is_drawn_as_an_envelope_that_keeps_every_spike(services):
    readings = sensor(105_120, value=lambda i: 21.0 if i == 50_000 else 6.0)  # one high spike in a year
    services.readings.add_batch(readings, "device_import", "year.csv")
    first, last = services.readings.span("glucose")
    overview = services.readings.envelope("glucose", first, last, 800)
    assert not overview.exact and len(overview.times) <= 800
    assert max(overview.highs) == 21.0 and min(overview.lows) == 6.0
    week = services.readings.envelope("glucose", first, first + 7 * 86400, 800)
    assert week.exact and len(week.times) == 7 * 288 + 1


def test_custom_measures_and_symptom_scores(services):
    services.measures.add(CustomMeasure(name="Buikomvang", unit="cm", low_bound=40, high_bound=200, decimals=0))
    services.measures.add(CustomMeasure(name="Vermoeidheid", kind="score"))
    keys = {m.key: m for m in services.measures.measures()}
    assert keys["buikomvang"].unit == "cm" and keys["vermoeidheid"].high_bound == 10
    services.readings.add(Reading("vermoeidheid", MORNING, 6))
    assert services.readings.implausible(Reading("vermoeidheid", MORNING, 11)) == ["value"]
    with pytest.raises(EntryInvalid):
        services.measures.add(CustomMeasure(name="Omvang", unit="cm", low_bound=10, high_bound=5))


def test_a_custom_measure_never_takes_a_catalogue_key(services):
    services.measures.add(CustomMeasure(name="Glucose", unit="mmol/L", low_bound=1, high_bound=30))
    assert "glucose_2" in {m.key for m in services.measures.measures()}


def test_targets_agreed_later_replace_earlier_ones_and_defaults_hold_until_then(services):
    assert services.targets.current("glucose").target_low == 3.9 and services.targets.current("glucose").id is None
    services.targets.add(Target("glucose", 4.0, 9.0, agreed_on="2025-03"))
    services.targets.add(Target("glucose", 4.0, 8.0, agreed_on="2026-06-01"))
    assert services.targets.current("glucose").target_high == 8.0
    assert [t.target_high for t in services.targets.history("glucose")] == [8.0, 9.0]
    with pytest.raises(EntryInvalid):
        services.targets.add(Target("glucose", 9.0, 4.0))


def test_a_target_written_down_without_a_date_counts_from_the_day_it_was_written(services):
    services.targets.add(Target("glucose", 4.0, 8.0, agreed_on="2020-06-01"))
    services.targets.add(Target("glucose", 4.5, 9.0))  # written down today, the date not known
    assert services.targets.current("glucose").target_low == 4.5
    assert [t.target_high for t in services.targets.history("glucose")] == [9.0, 8.0]


def test_plans_are_active_for_their_days(services):
    services.plans.add(Plan("bp", per_day=4, start_date="2026-11-20", days=7, schedule="2x ochtend, 2x avond"))
    services.plans.add(Plan("glucose", per_day=4, start_date="2026-01-01"))
    assert [p.measure for p in services.plans.active(date(2026, 11, 26))] == ["bp", "glucose"]
    assert [p.measure for p in services.plans.active(date(2026, 11, 27))] == ["glucose"]


def test_the_diary_is_searchable_and_counted(services):
    services.diary.add(DiaryEntry("2026-11-20T21:00", "admission", "Opgenomen met koorts en braken"))
    assert services.diary.admissions()[0].text.startswith("Opgenomen")
    assert [h.section for h in services.search.search("koorts")] == ["monitoring"]
    assert services.session.check().counts["diary"] == 1
    with pytest.raises(EntryInvalid):
        services.diary.add(DiaryEntry("gisteren", "note", "x"))


def test_summaries_made_during_an_import_equal_those_read_back_from_the_table(services):
    from phr.imports.devices.model import ParsedReading
    from phr.storage.repos.readings import ReadingRepository

    parsed = [ParsedReading("glucose", 1_767_222_000 + 300 * i, 60, 4.0 + (i * 37 % 90) / 10, method="sensor")
              for i in range(5000)]
    services.readings.add_batch(parsed[::-1], "device_import", "newest-first.csv")  # the fast path, reversed file
    db = services.session.db
    fast = db.query("SELECT size, bucket, n, vmin, vmax, vsum, vsum2 FROM reading_buckets ORDER BY size, bucket")
    with db.transaction():
        ReadingRepository(db).refresh_buckets("glucose", parsed[0].epoch, parsed[-1].epoch)
    slow = db.query("SELECT size, bucket, n, vmin, vmax, vsum, vsum2 FROM reading_buckets ORDER BY size, bucket")
    assert len(fast) == len(slow) > 0
    for a, b in zip(fast, slow):
        assert a[:5] == b[:5] and a[5:] == pytest.approx(b[5:], rel=1e-12)


def test_an_import_that_overlaps_what_is_there_still_summarises_right(services):
    first = sensor(300, value=lambda i: 5.0)
    services.readings.add_batch(first, "device_import", "a.csv")
    overlap = sensor(600, value=lambda i: 5.0 if i < 300 else 9.0)  # the first 300 are already there
    result = services.readings.add_batch(overlap, "device_import", "b.csv")
    assert (result.added, result.already_present) == (300, 300)
    day = services.session.db.query("SELECT sum(n), max(vmax) FROM reading_buckets WHERE size = 86400")[0]
    assert day == (600, 9.0)


def test_a_reading_typed_twice_is_refused_and_leaves_no_empty_batch(services):
    services.readings.add(Reading("weight", MORNING, 71.4))
    with pytest.raises(EntryInvalid) as refused:
        services.readings.add(Reading("weight", MORNING, 71.4))
    assert [e.problem for e in refused.value.errors] == ["duplicate_reading"]
    assert services.session.db.query_one("SELECT count(*) FROM reading_batches")[0] == 1


def test_correcting_a_reading_into_another_one_is_refused_as_a_duplicate(services):
    from dataclasses import replace

    services.readings.add(Reading("weight", MORNING, 71.4))
    later = services.readings.add(Reading("weight", MORNING + timedelta(days=1), 71.0))
    with pytest.raises(EntryInvalid) as refused:   # the quick entry shows this under the time
        services.readings.update(replace(services.readings.get(later.item_id), taken_at=MORNING, value=71.4))
    assert [(e.field, e.problem) for e in refused.value.errors] == [("taken_at", "duplicate_reading")]
    assert services.readings.get(later.item_id).value == 71.0


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_value_that_is_not_a_finite_number_is_refused(services, value):
    with pytest.raises(EntryInvalid) as refused:
        services.readings.add(Reading("weight", MORNING, value))
    assert [(e.field, e.problem) for e in refused.value.errors] == [("value", "invalid_number")]


def test_a_time_in_a_year_no_reading_can_have_is_refused(services):
    with pytest.raises(EntryInvalid) as refused:
        services.readings.add(Reading("weight", MORNING.replace(year=9999, month=12, day=31, hour=23), 71.4))
    assert [(e.field, e.problem) for e in refused.value.errors] == [("taken_at", "invalid_date_time")]
