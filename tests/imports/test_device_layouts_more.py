"""Medtronic CareLink (iPro2 and pump), the Libre Pro layout, LibreView's insulin, carbohydrates and ketones,
UTF-16 without a byte order mark, and no silent nothing: fixtures written by hand (tests/data/devices)."""

import codecs
from collections import Counter
from datetime import datetime, timezone

import pytest
from locations import DATA

from phr.imports import device_import
from phr.imports.device_import import NoReadings
from phr.imports.devices.decode import decode
from phr.imports.devices.pipeline import detect, read_file
from phr.imports.devices.records import HEADER_SEARCH
from phr.monitoring.measures import CATALOGUE, GLUCOSE_MG_PER_MMOL

DEVICES = DATA / "devices"
IPRO2 = DEVICES / "medtronic_ipro2_mmol_utf16.csv"
CARELINK = DEVICES / "medtronic_carelink_pump_mgdl_utf8.csv"
LIBRE_PRO = DEVICES / "libre_pro_mgdl_utf8.csv"
EXTRAS = DEVICES / "libreview_insulin_carbs_ketones_nl_utf8.csv"


def moments(readings) -> list[str]:
    return [reading.taken_at.isoformat() for reading in readings]


# --- decoding ------------------------------------------------------------------------------------

def test_utf16_with_and_without_byte_order_mark_decode_to_the_same_text():
    data = IPRO2.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    text, encoding = decode(data)
    bare_le, bare_be = data[2:], text.encode("utf-16-be")
    assert (decode(bare_le), decode(bare_be)) == ((text, "utf-16"), (text, "utf-16"))
    assert text.startswith("Medtronic Diabetes iPro Data Export File") and encoding == "utf-16"


def test_a_binary_file_with_zero_bytes_is_still_no_text():
    with pytest.raises(ValueError, match="not a text"):
        decode(bytes(range(256)) * 4)


# --- Medtronic iPro2 ---------------------------------------------------------------------------

def test_ipro2_header_after_eleven_lines_is_found_and_recognised():
    assert HEADER_SEARCH > 11
    assert detect(IPRO2.read_bytes()) == "medtronic"
    assert detect(IPRO2.read_bytes()[2:]) == "medtronic"      # the same file without its byte order mark


def test_ipro2_sensor_glucose_is_sensor_and_log_sheet_meter_values_fingerstick():
    found = read_file(IPRO2.read_bytes(), name=IPRO2.name)
    assert found.format == "medtronic"
    assert [(r.method, r.value) for r in found.readings] == [
        ("sensor", 5.4), ("sensor", 5.6), ("fingerstick", 4.8), ("sensor", 12.3), ("fingerstick", 7.5)]
    # 13/03/24: a two-digit year, day first (the 13th shows it), in Amsterdam winter time
    assert moments(found.readings)[0] == "2024-03-13T10:01:02+01:00"
    assert moments(found.readings)[-1] == "2024-03-15T16:59:00+01:00"
    # events, an ISIG without glucose, a meal marker and the device status are no readings
    assert Counter(row.reason for row in found.skipped) == {"not_a_reading": 4}


# --- Medtronic CareLink pump export ---------------------------------------------------------------

def test_carelink_pump_export_reads_sections_units_and_decimal_commas():
    found = read_file(CARELINK.read_bytes(), name=CARELINK.name)
    assert found.format == "medtronic"
    assert [(r.method, round(r.value * GLUCOSE_MG_PER_MMOL)) for r in found.readings] == [
        ("fingerstick", 126), ("sensor", 131), ("sensor", 135), ("sensor", 142), ("sensor", 38)]
    assert moments(found.readings) == ["2025-03-28T07:58:00+01:00", "2025-03-28T08:03:12+01:00",
                                       "2025-03-28T08:08:12+01:00", "2025-03-30T03:03:12+02:00",
                                       "2025-03-31T09:13:12+02:00"]
    by_line = {row.line: row.reason for row in found.skipped}
    # the calibration BG repeats the meter value; bolus, basal, the section line, the repeated header row and
    # the end-of-day marker are no readings; 02:03 on 30 March 2025 does not exist in Amsterdam
    assert Counter(by_line.values()) == {"not_a_reading": 6, "nonexistent_time": 1}
    assert by_line[16] == "nonexistent_time"


def test_carelink_glucose_in_another_unit_is_refused_with_the_unit_named():
    text = CARELINK.read_text(encoding="utf-8").replace("Sensor Glucose (mg/dL)", "Sensor Glucose (mmol/mol)")
    with pytest.raises(ValueError, match="mmol/mol"):
        read_file(text.encode(), name="pump.csv")


# --- Libre Pro / the FreeStyle Libre software's layout ----------------------------------------------

def test_libre_pro_layout_is_read_as_libreview_with_its_time_column():
    found = read_file(LIBRE_PRO.read_bytes(), name=LIBRE_PRO.name)
    assert found.format == "libreview"
    assert [(r.method, round(r.value * GLUCOSE_MG_PER_MMOL)) for r in found.readings] == [
        ("sensor", 110), ("sensor", 126), ("scan", 131), ("sensor", 95)]
    assert moments(found.readings)[0] == "2024-05-14T08:00:00+02:00"    # 05/14: month first
    assert moments(found.readings)[-1] == "2024-05-15T22:45:00+02:00"


def test_libreview_like_layout_with_a_timestamp_column():
    data = b"m,n\nx,,\nRecord Type,Timestamp,Historic Glucose (mmol/L)\n0,2024-06-02T03:04:05,5.5\n"
    found = read_file(data)
    assert found.format == "libreview" and [r.value for r in found.readings] == [5.5]
    assert moments(found.readings) == ["2024-06-02T03:04:05+02:00"]


# --- LibreView: insulin, carbohydrates, ketones --------------------------------------------------

def test_libreview_insulin_carbohydrates_and_ketones_are_readings_of_their_own_measures():
    found = read_file(EXTRAS.read_bytes(), name=EXTRAS.name)
    got = [(r.measure, r.method, r.value, r.note) for r in found.readings]
    assert got == [("glucose", "sensor", 6.1, ""), ("insulin_rapid", "", 4.5, ""), ("carbs", "", 45.0, ""),
                   ("insulin_long", "", 18.0, "voor het slapen"), ("glucose", "fingerstick", 15.2, ""),
                   ("ketones", "", 0.8, "")]
    assert moments(found.readings)[3] == "2026-06-14T22:00:00+02:00"
    assert [note.note for note in found.notes] == ["ziek, koorts"]
    # a food marker without an amount is no reading; 400 units of insulin cannot be right
    assert sorted(row.reason for row in found.skipped) == ["implausible", "not_a_reading"]


def test_the_new_measures_are_in_the_catalogue_with_loinc_and_ucum():
    assert (CATALOGUE["ketones"].loinc, CATALOGUE["ketones"].unit) == ("66441-7", "mmol/L")
    assert (CATALOGUE["carbs"].loinc, CATALOGUE["carbs"].unit) == ("9059-7", "g")
    assert {CATALOGUE[key].unit for key in ("insulin_rapid", "insulin_long")} == {"[IU]"}


def test_libreview_extras_are_stored_and_a_second_import_adds_nothing(services):
    first = device_import.import_file(services, EXTRAS.read_bytes(), EXTRAS.name)
    again = device_import.import_file(services, EXTRAS.read_bytes(), EXTRAS.name)
    assert (first.added, first.notes_added, again.added, again.already_present) == (6, 1, 0, 6)
    start, end = datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2027, 1, 1, tzinfo=timezone.utc)
    assert [row.value for row in services.readings.between("insulin_rapid", start, end)] == [4.5]
    assert [row.value for row in services.readings.between("carbs", start, end)] == [45.0]


# --- no silent nothing ---------------------------------------------------------------------------

def test_a_file_of_a_known_kind_without_readings_is_an_error_that_says_what_it_holds(services):
    data = b"\n".join(EXTRAS.read_bytes().splitlines()[:2] + [
        b"FreeStyle Libre 2,X,14-06-2026 12:30,5,,,,,1,,,,,,,,,,",
        b"FreeStyle Libre 2,X,14-06-2026 12:31,7,,,,,,,,,,,,,,,",
        b"FreeStyle Libre 2,X,yesterday,0,5.5,,,,,,,,,,,,,,"]) + b"\n"
    with pytest.raises(NoReadings) as raised:
        device_import.import_file(services, data, "food.csv")
    error = raised.value
    assert (error.format, error.rows, error.skipped) == ("libreview", 3, {"not_a_reading": 2, "bad_time": 1})
    assert "“food.csv” (a LibreView export) holds no readings. Of its 3 rows: 2 x not a reading" in str(error)
    assert services.readings.count() == 0


def test_a_file_with_only_a_header_is_an_error_too(services):
    with pytest.raises(NoReadings, match="no rows after its header"):
        device_import.import_file(services, b"\n".join(CARELINK.read_bytes().splitlines()[:7]) + b"\n", "p.csv")


def test_a_file_with_notes_only_is_no_error(services):
    data = b"\n".join(EXTRAS.read_bytes().splitlines()[:2] + [b"FreeStyle Libre 2,X,14-06-2026 12:30,6,,,,,,,,,,"
                                                                   b"een notitie,,,,,"]) + b"\n"
    assert device_import.import_file(services, data, "note.csv").notes_added == 1


def test_an_unknown_table_is_described_by_encoding_delimiter_and_headers():
    data = "Datum\tUur\tGewicht (kg)\n1-2-2026\t08:00\t70,1\n".encode("utf-16")
    with pytest.raises(ValueError) as raised:
        read_file(data, name="scale.txt")
    message = str(raised.value)
    assert "not a file of a kind Regie recognises" in message and "Medtronic CareLink export" in message
    assert "UTF-16 text, tab-separated" in message and "“Datum”, “Uur”, “Gewicht (kg)” (3 columns)" in message
    assert "with a measure (--measure KEY)" in message


@pytest.mark.parametrize("data, kind", [(b'<?xml version="1.0"?><HealthData/>', "XML"),
                                        (b'{"resourceType": "Bundle"}', "JSON")])
def test_xml_and_json_are_described_as_no_table(data, kind):
    with pytest.raises(ValueError, match=f"UTF-8 text that looks like {kind}, not a table.$"):
        read_file(data, name="export")
