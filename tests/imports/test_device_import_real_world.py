"""Device exports written by others (../shared/real-world, see SOURCES.md): each reading carries the method its
row says, checked row by row against the file as the csv module reads it. Read in place, never copied."""

import csv
import io
from collections import Counter
from datetime import datetime, timezone

import pytest
from locations import REAL_WORLD

from phr.imports import device_import
from phr.imports.devices.pipeline import read_file

pytestmark = pytest.mark.skipif(not REAL_WORLD.is_dir(),
                                reason=f"the real-world device files are not there ({REAL_WORLD})")

# LibreView's record type -> the method of its glucose reading (type 5 is carbohydrates, 6 a note).
LIBREVIEW_METHODS = {"0": "sensor", "1": "scan", "2": "fingerstick"}
LIBREVIEW_FILES = {  # name -> readings per method, counted by hand from the file (SOURCES.md)
    "libreview_en_mmol_glyco_sample_glucose.csv": {"sensor": 8372, "scan": 1962},
    "libreview_us_mgdl_psi_Firstname1Lastname1_glucose.csv": {"sensor": 3562, "scan": 317},
    # 16,985 type-0 rows: 4 fall in the Dutch spring-forward hour (a US file read as Amsterdam time)
    "libreview_us_mgdl_sprague_2018-2020.csv": {"sensor": 16981, "scan": 3028, "fingerstick": 107},
}
DEXCOM_FILES = {"dexcom_g6_mgdl_cgmquantify_test_file.csv": 2148, "dexcom_g6_mmol_GLU_CLARITY_Export_111111.csv": 299}


def rows_by_line(name: str) -> dict[int, dict[str, str]]:
    """Each record of the file by its first line number, as a dict of the header row's names (the header is
    the first row with at least `min_columns` names)."""
    text = (REAL_WORLD / name).read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    found, header, line = {}, None, 0
    for fields in reader:
        first, line = line + 1, reader.line_num
        if header is None and ("Record Type" in fields or "Event Type" in fields):
            header = fields
        elif header is not None:
            found[first] = dict(zip(header, fields))
    return found


@pytest.mark.parametrize("name", sorted(LIBREVIEW_FILES))
def test_libreview_readings_take_their_method_from_the_record_type(name):
    result = read_file((REAL_WORLD / name).read_bytes(), "auto", name=name)
    rows = rows_by_line(name)
    glucose = [reading for reading in result.readings if reading.measure == "glucose"]  # type 5: carbohydrates
    assert result.format == "libreview"
    assert all(reading.method == LIBREVIEW_METHODS[rows[reading.line]["Record Type"]] for reading in glucose)
    assert Counter(reading.method for reading in glucose) == LIBREVIEW_FILES[name]


@pytest.mark.parametrize("name, count", sorted(DEXCOM_FILES.items()))
def test_dexcom_sensor_values_are_sensor_readings(name, count):
    result = read_file((REAL_WORLD / name).read_bytes(), "auto", name=name)
    rows = rows_by_line(name)
    assert result.format == "dexcom"
    assert {rows[reading.line]["Event Type"] for reading in result.readings} == {"EGV"}
    assert Counter(reading.method for reading in result.readings) == {"sensor": count}


def test_omron_blood_pressure_has_no_method():
    name = "omron_connect_app_vpnry_example.csv"
    result = read_file((REAL_WORLD / name).read_bytes(), "auto", name=name)
    assert result.format == "omron" and len(result.readings) == 29
    assert {(reading.measure, reading.method) for reading in result.readings} == {("bp", "")}


def test_the_record_keeps_each_reading_s_method(services):
    name = "libreview_us_mgdl_psi_Firstname1Lastname1_glucose.csv"
    summary = device_import.import_file(services, (REAL_WORLD / name).read_bytes(), name)
    assert summary.added == 3879
    stored = services.readings.between("glucose", datetime(2000, 1, 1, tzinfo=timezone.utc),
                                       datetime(2100, 1, 1, tzinfo=timezone.utc))
    assert Counter(row.method for row in stored) == {"sensor": 3562, "scan": 317}
