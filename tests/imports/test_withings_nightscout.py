"""Withings Health Mate and Nightscout files: recognised by content, times exact with their offsets,
units, methods; importing twice adds nothing; a damaged file changes nothing; the command line."""

import json
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import PASSPHRASE
from locations import DATA

from phr.imports import device_import
from phr.imports.device_import import NotADeviceFile
from phr.imports.devices import pipeline
from phr.monitoring.measures import GLUCOSE_MG_PER_MMOL
from phr.monitoring.readings import ImportCancelled

DEVICES = DATA / "devices"
NEW_YORK = ZoneInfo("America/New_York")


def _stored(services, measure):
    """(time with offset, value, flag, method), oldest first."""
    found = services.readings.page(measure, 0, 1000)
    return [(r.taken_at.isoformat(), r.value, r.flag, r.method) for r in sorted(found, key=lambda r: r.taken_at)]


def _mmol(mg):
    return pytest.approx(mg / GLUCOSE_MG_PER_MMOL)


# --- Nightscout entries.json -----------------------------------------------------------------------

def test_nightscout_json_is_recognised_by_its_content():
    data = (DEVICES / "nightscout_entries.json").read_bytes()
    assert pipeline.detect(data, "export.txt") == "nightscout"
    assert device_import.is_device_source(data)
    assert not device_import.is_device_source(b'[{"resourceType": "Patient", "id": "a"}]')
    assert not device_import.is_device_source(b'{"format": "regie-record", "entries": [{"date": 1, "sgv": 5}]}')


def test_nightscout_json_sgv_and_mbg_become_glucose_readings_at_their_exact_times(services):
    data = (DEVICES / "nightscout_entries.json").read_bytes()
    summary = device_import.import_file(services, data, "entries.json", zone=NEW_YORK)
    assert (summary.format, summary.added, summary.already_present) == ("nightscout", 5, 0)
    # The cal entry is no reading; the sgv of 5 is a Dexcom error code, not a glucose.
    assert [(row.line, row.reason) for row in summary.skipped] == [(4, "not_a_reading"), (5, "no_value")]
    assert _stored(services, "glucose") == [
        # dateString in UTC ('Z'): the chosen zone's offset at that instant (New York, winter -05:00)
        ("2023-01-02T09:00:00-05:00", _mmol(180), "", "sensor"),
        # an entry without a type but with an sgv, its dateString with its own offset
        ("2023-01-02T09:05:00-05:00", _mmol(95), "", "sensor"),
        ("2023-05-14T07:32:11+02:00", _mmol(112), "", "sensor"),      # its own offset wins over New York's
        ("2023-05-14T01:37:11-04:00", None, "below_range", "sensor"),   # 39: the receiver's LOW
        ("2023-05-14T01:40:00-04:00", _mmol(150), "", "fingerstick"),   # mbg: a finger prick
    ]
    stored = {datetime.fromisoformat(t).timestamp() for t, *_ in _stored(services, "glucose")}
    assert stored == {entry["date"] / 1000 for entry in json.loads(data)
                      if entry.get("type") in ("sgv", "mbg", None) and entry.get("sgv") != 5}


def test_nightscout_json_imported_twice_adds_nothing(services):
    data = (DEVICES / "nightscout_entries.json").read_bytes()
    device_import.import_file(services, data, "entries.json")
    again = device_import.import_file(services, data, "entries.json")
    assert (again.added, again.already_present) == (0, 5)
    assert services.readings.count() == 5


@pytest.mark.parametrize("cut", [0.5, 0.97])
def test_a_nightscout_json_cut_short_changes_nothing(services, cut):
    data = (DEVICES / "nightscout_entries.json").read_bytes()
    with pytest.raises(NotADeviceFile, match="not valid JSON at line .* cut short"):
        device_import.import_file(services, data[:int(len(data) * cut)], "entries.json", format="nightscout")
    assert services.readings.count() == 0


def test_a_nightscout_json_with_more_after_its_array_changes_nothing(services):
    data = (DEVICES / "nightscout_entries.json").read_bytes() + b'{"sgv": 100}'
    with pytest.raises(NotADeviceFile, match="not valid JSON"):
        device_import.import_file(services, data, "entries.json")
    assert services.readings.count() == 0


def test_a_large_nightscout_json_reports_progress_and_can_be_cancelled(services):
    start = 1_700_000_000_000
    entries = [{"type": "sgv", "sgv": 100 + i % 50, "date": start + i * 300_000,
                "dateString": "x", "device": "test"} for i in range(20_000)]
    data = json.dumps(entries).encode()
    seen: list[float] = []
    with pytest.raises(ImportCancelled):
        device_import.import_file(services, data, "entries.json",
                                  progress=lambda fraction: seen.append(fraction) or fraction < 0.3)
    assert services.readings.count() == 0 and 0 < seen[-1] < 0.6
    assert device_import.import_file(services, data, "entries.json").added == 20_000


def test_a_method_for_a_nightscout_json_is_refused(services):
    data = (DEVICES / "nightscout_entries.json").read_bytes()
    assert device_import.method_refused(data) is not None
    with pytest.raises(NotADeviceFile, match="says itself"):
        device_import.import_file(services, data, "entries.json", method="fingerstick")
    assert services.readings.count() == 0


# --- Nightscout text and CSV (the API's entries.tsv / entries.csv, no header) -----------------------

@pytest.mark.parametrize("name", ["nightscout_entries.tsv", "nightscout_entries_utf8.csv"])
def test_nightscout_text_form_without_header(services, name):
    data = (DEVICES / name).read_bytes()
    assert pipeline.detect(data, name) == "nightscout"
    summary = device_import.import_file(services, data, name, zone=NEW_YORK)
    assert (summary.added, [(row.line, row.reason) for row in summary.skipped]) == (4, [(4, "no_value")])
    assert _stored(services, "glucose") == [
        ("2023-01-02T09:00:00-05:00", _mmol(180), "", "sensor"),
        ("2023-01-02T09:10:00-05:00", None, "below_range", "sensor"),
        ("2023-05-14T07:32:11+02:00", _mmol(112), "", "sensor"),      # the first line is an entry too
        ("2023-05-14T07:37:11+02:00", _mmol(118), "", "sensor"),
    ]
    assert device_import.import_file(services, data, name).added == 0


def test_nightscout_csv_with_the_entries_field_names_as_header(services):
    data = (b"_id,type,sgv,mbg,date,dateString,direction\n"
            b"a1,sgv,120,,1684042331000,2023-05-14T07:32:11.000+02:00,Flat\n"
            b"a2,mbg,,99,1684042800000,2023-05-14T05:40:00.000Z,\n"
            b"a3,cal,,,1684042805000,2023-05-14T05:40:05.000Z,\n")
    summary = device_import.import_file(services, data, "entries.csv", zone=ZoneInfo("UTC"))
    assert (summary.format, summary.added, [row.reason for row in summary.skipped]) == \
        ("nightscout", 2, ["not_a_reading"])
    assert _stored(services, "glucose") == [("2023-05-14T07:32:11+02:00", _mmol(120), "", "sensor"),
                                            ("2023-05-14T05:40:00+00:00", _mmol(99), "", "fingerstick")]


# --- the command line --------------------------------------------------------------------------------

def _run(folder, *args):
    env = {"PHR_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "phr", "import", str(folder), *args], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name, count", [("nightscout_entries.json", 5), ("nightscout_entries.tsv", 4),
                                         ("withings_bp_utf8.csv", 3), ("withings_weight_utf8.csv", 2)])
def test_phr_import_reads_each_new_source(new_record, name, count):
    folder, _ = new_record
    result = _run(folder, str(DEVICES / name), "--timezone", "Europe/Amsterdam")
    assert result.returncode == 0, result.stderr
    assert f"readings: {count} added, 0 already present" in result.stdout
    assert f"format: {name.split('_')[0]}" in result.stdout
    again = _run(folder, str(DEVICES / name), "--timezone", "Europe/Amsterdam")
    assert f"readings: 0 added, {count} already present" in again.stdout


# --- Withings Health Mate ------------------------------------------------------------------------------

def test_withings_bp_csv_gives_blood_pressure_with_the_heart_rate_as_pulse(services):
    data = (DEVICES / "withings_bp_utf8.csv").read_bytes()
    assert pipeline.detect(data, "bp.csv") == "withings"
    summary = device_import.import_file(services, data, "bp.csv")   # Europe/Amsterdam
    assert (summary.format, summary.added) == ("withings", 3)
    # 26 March 2023 02:30 does not exist in Amsterdam; 'abc' is no systolic pressure.
    assert [(row.line, row.reason) for row in summary.skipped] == [(4, "nonexistent_time"), (6, "bad_value")]
    stored = sorted(services.readings.page("bp", 0, 10), key=lambda r: r.taken_at)
    assert [(r.taken_at.isoformat(), r.value, r.value2, r.value3, r.note) for r in stored] == [
        ("2023-01-02T08:00:00+01:00", 118, 79, None, ""),     # no heart rate: blood pressure all the same
        ("2023-05-13T21:05:40+02:00", 135, 88, 71, "after the walk"),
        ("2023-05-14T07:32:11+02:00", 128, 82, 64, ""),
    ]
    assert device_import.import_file(services, data, "bp.csv").added == 0


def test_withings_weight_csv_gives_weights_and_leaves_the_body_composition_out(services):
    data = (DEVICES / "withings_weight_utf8.csv").read_bytes()
    summary = device_import.import_file(services, data, "weight.csv", zone=NEW_YORK)
    assert (summary.format, summary.added, [(r.line, r.reason) for r in summary.skipped]) == \
        ("withings", 2, [(4, "no_value")])
    stored = sorted(services.readings.page("weight", 0, 10), key=lambda r: r.taken_at)
    assert [(r.taken_at.isoformat(), r.value, r.note) for r in stored] == [
        ("2023-05-12T07:30:45-04:00", 81.8, "new scale"), ("2023-05-14T07:35:02-04:00", 81.25, "")]
    assert services.readings.count() == 2      # no fat, bone or muscle mass among them
    assert device_import.import_file(services, data, "weight.csv", zone=NEW_YORK).added == 0


def test_withings_weight_in_pounds_is_converted(services):
    data = b'Date,"Weight (lb)","Fat mass (lb)",Comments\n"2023-05-14 07:35:02",180.0,40.1,\n'
    device_import.import_file(services, data, "weight.csv")
    assert services.readings.page("weight", 0, 1)[0].value == pytest.approx(180.0 / 2.20462)


def test_a_file_asked_for_as_withings_without_its_columns_changes_nothing(services):
    data = (DEVICES / "withings_bp_utf8.csv").read_bytes()
    with pytest.raises(NotADeviceFile, match="Withings"):
        device_import.import_file(services, data.replace(b"Systolic", b"Sys"), "bp.csv", format="withings")
    assert services.readings.count() == 0
