"""CSV export of readings: one row per number, ISO 8601 times with the original offset, UCUM units."""

import csv
import io
import os
import stat
from datetime import date, datetime, timedelta, timezone

from phr.export import csv_export
from phr.monitoring.readings import Reading

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))


def parsed(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_blood_pressure_gives_three_rows_that_share_a_reading_number(services):
    services.readings.add(Reading("bp", datetime(2026, 3, 1, 8, 5, tzinfo=WINTER), 128, 82, 66, context="at_rest"))
    rows = parsed(csv_export.export_bytes(services))
    assert [(r["component"], r["loinc"], r["value"], r["unit"]) for r in rows] == [
        ("systolic", "8480-6", "128", "mm[Hg]"), ("diastolic", "8462-4", "82", "mm[Hg]"), ("pulse", "8867-4", "66", "/min")]
    assert {r["reading"] for r in rows} == {"1"}
    assert {r["time"] for r in rows} == {"2026-03-01T08:05:00+01:00"}
    assert {r["context"] for r in rows} == {"at_rest"}


def test_times_keep_their_offset_values_their_precision_and_notes_survive_csv_quoting(services):
    note = 'na het eten, "veel" suiker\nen een ë'
    services.readings.add(Reading("glucose", datetime(2026, 7, 1, 13, 0, tzinfo=SUMMER), 7.35, method="fingerstick",
                                  context="after_meal", note=note))
    services.readings.add(Reading("glucose", datetime(2026, 1, 2, 7, 0, tzinfo=WINTER), 5.4))
    rows = parsed(csv_export.export_bytes(services))
    assert [(r["time"], r["value"], r["unit"]) for r in rows] == [
        ("2026-01-02T07:00:00+01:00", "5.4", "mmol/L"), ("2026-07-01T13:00:00+02:00", "7.35", "mmol/L")]
    assert rows[1]["note"] == note and rows[1]["method"] == "fingerstick"


def test_a_sensor_low_keeps_its_row_without_a_number(services):
    at = datetime(2026, 2, 1, 3, 0, tzinfo=WINTER)
    services.readings.add_batch([Reading("glucose", at, None, flag="below_range", method="sensor")],
                                "device_import", "dexcom.csv")
    [row] = parsed(csv_export.export_bytes(services))
    assert (row["value"], row["flag"]) == ("", "below_range")
    assert row["loinc"] == "105272-9"  # a sensor measures interstitial glucose: its own LOINC code


def test_period_and_measure_choice(services):
    for day in (1, 10, 20):
        services.readings.add(Reading("weight", datetime(2026, 5, day, 8, 0, tzinfo=SUMMER), 70 + day / 10))
    services.readings.add(Reading("glucose", datetime(2026, 5, 10, 8, 0, tzinfo=SUMMER), 6.0))
    rows = parsed(csv_export.export_bytes(services, ["weight"], since=date(2026, 5, 10), until=date(2026, 5, 10)))
    assert [(r["measure"], r["value"]) for r in rows] == [("weight", "71")]


def test_many_readings_stream_in_time_order_across_chunks(services):
    start = datetime(2026, 1, 1, tzinfo=WINTER)
    services.readings.add_batch([Reading("glucose", start + timedelta(minutes=5 * i), 4 + (i % 50) / 10,
                                         method="sensor") for i in range(45_000)], "device_import", "libre.csv")
    rows = parsed(csv_export.export_bytes(services))
    assert len(rows) == 45_000
    assert [r["reading"] for r in rows[:3]] == ["1", "2", "3"]
    assert rows == sorted(rows, key=lambda r: r["time"])  # one offset throughout, so text order is time order


def test_the_file_is_written_whole_and_private(services, tmp_path):
    services.readings.add(Reading("weight", datetime(2026, 5, 1, 8, 0, tzinfo=SUMMER), 71.5))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "metingen.csv"
    csv_export.write_export(services, target)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_bytes().startswith(b"reading,measure,component,loinc,time,value,unit")
    assert [p.name for p in folder.iterdir()] == ["metingen.csv"]  # no temp file left behind


def test_each_glucose_reading_carries_the_loinc_of_how_it_was_taken(services):
    at = datetime(2026, 3, 1, 8, tzinfo=timezone.utc)
    methods = ("sensor", "scan", "fingerstick", "lab", "typed", "")
    services.readings.add_batch([Reading("glucose", at + timedelta(minutes=n), 6.0, method=method)
                                 for n, method in enumerate(methods)], "typed", None)
    rows = list(csv.DictReader(io.StringIO(csv_export.export_bytes(services).decode())))
    # Sensor and scan: interstitial fluid; lab: serum or plasma; the others: the finger prick's capillary blood.
    assert [(row["method"], row["loinc"]) for row in rows] == [
        ("sensor", "105272-9"), ("scan", "105272-9"), ("fingerstick", "14743-9"), ("lab", "14749-6"),
        ("typed", "14743-9"), ("", "14743-9")]


def test_what_an_omron_monitor_noticed_is_on_every_row_of_its_reading(services):
    from locations import DATA

    from phr.imports import device_import

    path = DATA / "devices" / "omron_report_eu_flags.csv"
    device_import.import_file(services, path.read_bytes(), path.name)
    rows = parsed(csv_export.export_bytes(services, ["bp"]))
    by_systolic = {r["reading"]: r["value"] for r in rows if r["component"] == "systolic"}
    noticed = {by_systolic[r["reading"]]: r["device_flags"] for r in rows}
    assert noticed == {"116": "", "126": "body_movement;cuff_fit", "128": "irregular_heartbeat;possible_afib"}
    assert len({(r["reading"], r["device_flags"]) for r in rows}) == 3   # the same on each row of a reading
