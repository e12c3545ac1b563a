"""Real device exports written by others (../shared/real-world, SOURCES.md), read in place, never copied:
Medtronic iPro2, the Libre and Libre Pro layouts of other tools, LibreView's carbohydrates and notes-only
files, Dexcom Clarity. Counts, first and last times (Europe/Amsterdam) and methods were derived from the
files with the csv module, separately from the import."""

from collections import Counter

import pytest
from locations import REAL_WORLD

from phr.imports import device_import
from phr.imports.devices.pipeline import detect, read_file
from phr.monitoring.measures import GLUCOSE_MG_PER_MMOL

pytestmark = pytest.mark.skipif(not REAL_WORLD.is_dir(),
                                reason=f"the real-world device files are not there ({REAL_WORLD})")


def read(name: str):
    return read_file((REAL_WORLD / name).read_bytes(), "auto", name=name)


def span(readings) -> tuple[str, str]:
    ordered = sorted(readings, key=lambda reading: reading.epoch)
    return ordered[0].taken_at.isoformat(), ordered[-1].taken_at.isoformat()


def test_medtronic_ipro2_utf16_export():
    found = read("medtronic_ipro2_mmol_GLU_data_export-999999.csv")
    assert found.format == "medtronic"
    # 1,170 rows with a sensor glucose, 16 log-sheet rows with a meter value (BG Reading); 97 others
    assert Counter((r.measure, r.method) for r in found.readings) == {("glucose", "sensor"): 1170,
                                                                      ("glucose", "fingerstick"): 16}
    assert span(found.readings) == ("2016-02-08T14:01:02+01:00", "2016-02-12T15:28:00+01:00")
    assert (min(r.value for r in found.readings), max(r.value for r in found.readings)) == (3.8, 8.1)
    assert Counter(row.reason for row in found.skipped) == {"not_a_reading": 97}


def test_medtronic_ipro2_imports_into_a_record(services):
    name = "medtronic_ipro2_mmol_GLU_data_export-999999.csv"
    summary = device_import.import_file(services, (REAL_WORLD / name).read_bytes(), name)
    assert (summary.format, summary.added, summary.already_present) == ("medtronic", 1186, 0)


def test_iglu_libre_layout_is_read_as_libreview():
    found = read("libre_fake_iglu_read_raw_data_libre.csv")
    assert found.format == "libreview"
    assert [(r.method, r.value) for r in found.readings] == [("sensor", 5.5), ("sensor", 6.25)]
    assert span(found.readings) == ("2024-01-02T03:04:05+01:00", "2024-01-02T03:09:05+01:00")


def test_iglu_libre_pro_layout_is_recognised_and_its_ambiguous_dates_are_never_guessed_silently():
    name = "librepro_fake_iglu_read_raw_data_librepro.csv"
    assert detect((REAL_WORLD / name).read_bytes()) == "libreview"
    try:
        found = read(name)
    except ValueError as error:  # '01/02/2024' is 1 February or 2 January: the file cannot tell
        assert "month" in str(error)
        return
    assert [round(r.value * GLUCOSE_MG_PER_MMOL) for r in found.readings] == [111, 121]
    assert [r.taken_at.strftime("%H:%M") for r in found.readings] == ["03:04", "03:19"]
    assert {r.taken_at.strftime("%m-%d") for r in found.readings} <= {"01-02", "02-01"}


@pytest.mark.parametrize("name, carbs, glucose", [
    ("libreview_en_mmol_glyco_sample_glucose.csv", [2.0, 6.0], 10334),
    ("libreview_us_mgdl_sprague_2018-2020.csv", None, 20116)])
def test_libreview_carbohydrates_become_readings(name, carbs, glucose):
    found = read(name)
    amounts = [r.value for r in found.readings if r.measure == "carbs"]
    # type-5 rows with 'Carbohydrates (grams)' filled: 2 in glyco's file, 38 in Sprague's
    assert len(amounts) == (len(carbs) if carbs else 38)
    if carbs:
        assert amounts == carbs
    assert sum(r.measure == "glucose" for r in found.readings) == glucose
    # the other type-5 rows (a food marker without an amount) are no readings
    assert all(r.method == "" and r.measure == "carbs" for r in found.readings if r.measure != "glucose")


def test_libreview_notes_only_file_is_no_error(services):
    name = "libreview_en_mmol_glyco_tiny_sample_type6.csv"
    summary = device_import.import_file(services, (REAL_WORLD / name).read_bytes(), name)
    assert (summary.added, summary.notes_added) == (0, 143)   # 144 notes with text; one (17-11-2020 20:47 Exercise) twice


@pytest.mark.parametrize("name, count, first, last", [
    ("dexcom_g6_mgdl_cgmquantify_test_file.csv", 2148, "2016-10-24T11:24:17+02:00", "2016-11-01T09:19:02+01:00"),
    ("dexcom_g6_mmol_GLU_CLARITY_Export_111111.csv", 299, "2019-03-14T16:16:28+01:00", "2019-03-15T17:06:27+01:00")])
def test_dexcom_clarity_still_imports_right(name, count, first, last):
    found = read(name)
    assert found.format == "dexcom" and len(found.readings) == count
    assert {(r.measure, r.method) for r in found.readings} == {("glucose", "sensor")}
    assert span(found.readings) == (first, last)
