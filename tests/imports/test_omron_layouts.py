"""OMRON connect: the report ('Date', 'Time', 'Systolic (mmHg)', month names, -2147483648 for 'not
measured') and the older app export (a 'Timezone' column), with every flag kept as DeviceFlag bits and
'Not Detected' / 'No' / '0' / 'OK' read as not set. Fixtures written by hand (tests/data/devices), and the
real files of ../shared/real-world (counts, times and flags derived from them with the csv module)."""

from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from locations import DATA, REAL_WORLD

from phr.core.vocabulary import DeviceFlag
from phr.imports.devices.layouts.omron import is_set
from phr.imports.devices.pipeline import detect, read_file

DEVICES = DATA / "devices"
IHB, AFIB, MOVED, CUFF = (DeviceFlag.IRREGULAR_HEARTBEAT, DeviceFlag.POSSIBLE_AFIB, DeviceFlag.BODY_MOVEMENT,
                          DeviceFlag.CUFF_FIT)


def read(path, zone: str = "Europe/Amsterdam"):
    return read_file(path.read_bytes(), "auto", name=path.name, zone=ZoneInfo(zone))


def rows(found) -> list[tuple]:
    return [(r.measure, r.taken_at.isoformat(), r.value, r.value2, r.value3, r.note, r.device_flags)
            for r in found.readings]


def flag_counts(found) -> dict[DeviceFlag, int]:
    return dict(Counter(flag for r in found.readings for flag in DeviceFlag if r.device_flags & flag))


@pytest.mark.parametrize("text", ["Detected", " detected ", "Yes", "Not OK", "not  ok", "2", "1"])
def test_words_that_set_a_flag(text):
    assert is_set(text)


@pytest.mark.parametrize("text", ["", " ", "-", "Not Detected", "No", "0", "OK", "false", "-2147483648", "seen?"])
def test_words_that_leave_a_flag_unset(text):
    assert not is_set(text)


def test_report_with_a_title_line_month_names_flags_and_not_measured():
    path = DEVICES / "omron_report_eu_flags.csv"
    assert detect(path.read_bytes()) == "omron"
    found = read(path)
    assert rows(found) == [
        ("bp", "2025-03-31T07:10:00+02:00", 128, 84, 66, "after coffee", IHB | AFIB),
        ("bp", "2025-03-29T21:33:00+01:00", 126, 85, None, "", MOVED | CUFF),   # pulse -2147483648: not measured
        ("bp", "2025-03-02T06:39:00+01:00", 116, 80, 57, "", 0)]               # Not Detected, No, OK, 0
    # 02:30 on 30 March does not exist in Amsterdam; a failed measurement (all -2147483648) has no value.
    assert [(s.line, s.reason) for s in found.skipped] == [(4, "nonexistent_time"), (6, "no_value")]


def test_the_same_report_in_new_york_keeps_the_hour_amsterdam_skips():
    found = read(DEVICES / "omron_report_eu_flags.csv", "America/New_York")
    assert [r.taken_at.isoformat() for r in found.readings][:2] == ["2025-03-31T07:10:00-04:00",
                                                                     "2025-03-30T02:30:00-04:00"]


def test_app_export_timezone_column_wins_over_the_chosen_zone():
    found = read(DEVICES / "omron_app_timezone.csv")
    assert rows(found) == [
        ("bp", "2024-11-21T11:40:00+07:00", 105, 73, 73, "", 0),
        ("bp", "2024-11-21T23:10:00+07:00", 107, 80, 64, "", IHB | MOVED | CUFF),
        # New York's repeated hour: the file is oldest first, so the second 01:30 is the second pass.
        ("bp", "2024-11-03T01:30:00-04:00", 110, 70, 61, "", 0),
        ("bp", "2024-11-03T01:30:00-05:00", 112, 72, 62, "", 0),
        ("bp", "2024-11-22T05:50:00+01:00", 106, 75, 64, "", 0)]   # no zone in the row: the chosen one
    assert [(s.line, s.reason) for s in found.skipped] == [(7, "bad_time")]   # a zone that does not exist


def test_us_report_with_spo2_gives_oxygen_readings_and_an_oximeters_pulse():
    found = read(DEVICES / "omron_report_us_spo2.csv", "America/New_York")
    assert [(r.measure, r.taken_at.isoformat(), r.value) for r in found.readings] == [
        ("bp", "2025-01-12T08:12:00-05:00", 114), ("spo2", "2025-01-12T08:12:00-05:00", 97),
        ("bp", "2025-01-10T07:49:00-05:00", 116),                  # SpO2 -2147483648: not measured
        ("spo2", "2025-01-06T08:46:00-05:00", 95), ("heart_rate", "2025-01-06T08:46:00-05:00", 52)]
    assert found.skipped == []


def test_german_report_headers_are_recognised():
    text = ("Datum,Zeit,Systolisch (mmHg),Diastolisch (mmHg),Puls (bpm),Notizen\n"
            "13 juli 2025,07:05,131,85,70,-\n")
    found = read_file(text.encode(), "auto")
    assert found.format == "omron" and rows(found) == [("bp", "2025-07-13T07:05:00+02:00", 131, 85, 70, "", 0)]


# --- the real files --------------------------------------------------------------------------------

real = pytest.mark.skipif(not REAL_WORLD.is_dir(), reason=f"the real-world device files are not there ({REAL_WORLD})")


def real_file(name: str, zone: str = "Europe/Amsterdam"):
    return read(REAL_WORLD / name, zone)


def span(found) -> tuple[str, str]:
    ordered = sorted(found.readings, key=lambda reading: reading.epoch)
    return ordered[0].taken_at.isoformat(), ordered[-1].taken_at.isoformat()


@real
def test_real_app_export_in_bangkok_time_with_no_flags_set():
    found = real_file("omron_connect_app_vpnry_example.csv")
    assert found.format == "omron" and len(found.readings) == 29 and found.skipped == []
    assert span(found) == ("2024-11-21T11:40:00+07:00", "2024-11-26T06:11:00+07:00")
    assert flag_counts(found) == {}    # every row says 'Not Detected' and 'OK'


@real
def test_real_eu_report_2023():
    found = real_file("omron_connect_report_eu_bp_ui_2023-06_2023-12.csv")
    assert found.format == "omron" and len(found.readings) == 269 and found.skipped == []
    assert span(found) == ("2023-06-29T06:46:00+02:00", "2023-12-31T05:28:00+01:00")
    assert flag_counts(found) == {IHB: 19, MOVED: 12}


@real
def test_real_eu_report_2024_with_failed_measurements_and_cuff_warnings():
    found = real_file("omron_connect_report_eu_bp_ui_2024-11_2025-05.csv")
    assert found.format == "omron" and len(found.readings) == 371
    assert Counter(s.reason for s in found.skipped) == {"no_value": 12}   # -2147483648 with an error number
    assert span(found) == ("2024-11-27T18:48:00+01:00", "2025-05-21T13:54:00+02:00")
    assert flag_counts(found) == {IHB: 15, CUFF: 24, MOVED: 1}


@real
def test_real_us_report_in_new_york():
    found = real_file("omron_connect_report_us_bpo2g_2025-01.csv", "America/New_York")
    assert [(r.taken_at.isoformat(), r.value, r.value2, r.value3) for r in found.readings] == [
        ("2025-01-12T08:12:00-05:00", 114, 74, 47), ("2025-01-10T07:49:00-05:00", 116, 71, 49),
        ("2025-01-06T08:46:00-05:00", 117, 76, 50)]
