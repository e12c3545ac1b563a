"""Importing device files into a record: counts, twice adds nothing, one transaction, clear refusals."""

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from locations import DATA

from phr.imports import device_import
from phr.imports.device_import import NotADeviceFile
from phr.monitoring.readings import ImportCancelled

SAMPLES = DATA / "samples"
EXPECTED = json.loads((SAMPLES / "EXPECTED.json").read_text())["glucose or blood-pressure readings per file"]


@pytest.mark.parametrize("key, count", sorted(EXPECTED.items()))
def test_each_sample_file_imports_its_expected_readings_once(services, key, count):
    path = SAMPLES / Path(key).name
    first = device_import.import_file(services, path.read_bytes(), path.name)
    again = device_import.import_file(services, path.read_bytes(), path.name)
    assert first.added == count and first.already_present == 0
    assert again.added == 0 and again.already_present == count
    assert services.readings.count() == count


def test_libreview_notes_go_to_the_diary_once(services):
    data = (SAMPLES / "libreview_nl_mmol.csv").read_bytes()
    first = device_import.import_file(services, data, "libreview_nl_mmol.csv")
    device_import.import_file(services, data, "libreview_nl_mmol.csv")
    assert first.notes_added > 0
    entries = services.diary.all()
    assert len(entries) == first.notes_added
    assert entries[0].provenance.source == "device_import"


def test_the_provenance_names_the_file(services):
    device_import.import_file(services, (SAMPLES / "omron_connect_bp.csv").read_bytes(), "omron_connect_bp.csv")
    latest = services.readings.latest("bp")
    assert (latest.provenance.source, latest.provenance.source_detail) == ("device_import", "omron_connect_bp.csv")
    assert latest.value2 is not None and latest.value3 is not None


def test_cancelling_changes_nothing(services):
    data = (SAMPLES / "dexcom_clarity_mmol.csv").read_bytes()
    with pytest.raises(ImportCancelled):
        device_import.import_file(services, data, "dexcom.csv", progress=lambda fraction: fraction < 0.7)
    assert services.readings.count() == 0 and services.diary.all() == []


@pytest.mark.parametrize("data, name, format, message", [
    ((SAMPLES.parent / "devices" / "photo.csv").read_bytes(), "photo.csv", "auto", "PNG"),
    ((SAMPLES / "libreview_nl_mmol.csv").read_bytes(), "x.csv", "omron", "not an OMRON"),
    (b"time,value\n2026-01-01T10:00:00+01:00,5.4\n", "plain.csv", "csv", "measure"),
])
def test_a_file_that_is_not_what_it_claims_changes_nothing(services, data, name, format, message):
    with pytest.raises(NotADeviceFile, match=message):
        device_import.import_file(services, data, name, format)
    assert services.readings.count() == 0


def test_a_plain_csv_with_a_measure(services):
    data = b"time,value,note\n2026-01-01T08:00:00+01:00,71.2,voor het ontbijt\n2026-02-01T08:00:00+01:00,70.8,\n"
    summary = device_import.import_file(services, data, "weight.csv", "csv", "weight")
    assert summary.added == 2
    assert services.readings.latest("weight").value == 70.8


def test_a_plain_csv_s_method_is_stored_with_each_reading(services):
    data = b"time,value\n2026-01-01T08:00:00+01:00,5.1\n2026-01-01T08:05:00+01:00,5.3\n"
    assert device_import.import_file(services, data, "cgm.csv", "csv", "glucose", method="sensor").added == 2
    assert {reading.method for reading in services.readings.page("glucose", 0, 10)} == {"sensor"}


def test_a_method_for_a_device_file_is_refused_and_changes_nothing(services):
    data = (SAMPLES / "dexcom_clarity_mmol.csv").read_bytes()
    with pytest.raises(NotADeviceFile, match="Dexcom Clarity export: it says itself how each reading was taken"):
        device_import.import_file(services, data, "dexcom.csv", method="fingerstick")
    assert services.readings.count() == 0


def test_skipped_rows_are_reported_with_their_line(services):
    data = b"time,value\n2026-01-01T08:00:00+01:00,71.2\nnot a time,70\n2026-01-03T08:00:00+01:00,abc\n"
    summary = device_import.import_file(services, data, "weight.csv", "csv", "weight")
    assert summary.added == 1
    assert [(row.line, row.reason) for row in summary.skipped] == [(3, "bad_time"), (4, "bad_value")]


def test_phr_import_on_the_command_line(new_record):
    folder, _ = new_record
    env = {"PHR_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "phr", "import", str(folder), *args],  # noqa: E731
                                       env=env, capture_output=True, text=True, timeout=120)
    result = run(str(SAMPLES / "omron_connect_bp.csv"))
    assert result.returncode == 0 and "readings: 28 added, 0 already present" in result.stdout
    assert "readings: 0 added, 28 already present" in run(str(SAMPLES / "omron_connect_bp.csv")).stdout
    refused = run(str(SAMPLES / "libreview_nl_mmol.csv"), "--format", "dexcom")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr


def test_a_deleted_or_corrected_reading_stays_so_when_the_file_is_imported_again(new_record):
    from phr.access import records
    from phr.record.services import RecordServices

    folder, _ = new_record
    data = (SAMPLES / "omron_connect_bp.csv").read_bytes()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    services = RecordServices(session)
    device_import.import_file(services, data, "omron.csv")
    wrong, mistyped = services.readings.page("bp", 0, 2)
    services.readings.delete(wrong.id)
    services.readings.update(replace(mistyped, value=mistyped.value + 10, note="corrected"))
    session.lock()  # the undo window of the deletion ends
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        services = RecordServices(session)
        again = device_import.import_file(services, data, "omron.csv")
        assert (again.added, again.already_present) == (0, 28)
        assert services.readings.count("bp") == 27 and services.readings.get(wrong.id) is None
        assert services.readings.get(mistyped.id).value == mistyped.value + 10
        assert [row[2] for row in services.readings.between("bp", mistyped.taken_at, mistyped.taken_at)] == \
            [mistyped.value + 10]  # one reading at that moment: the old value did not come back
    finally:
        session.lock()


def test_importing_a_file_again_with_its_method_gives_the_readings_that_method_not_a_second_copy(services):
    from datetime import datetime, timezone

    from phr.imports.device_import import import_file
    data = b"time,value\n2026-01-01T08:00:00+01:00,5.1\n2026-01-01T08:05:00+01:00,2.8\n"
    first = import_file(services, data, "meter.csv", "csv", "glucose")
    again = import_file(services, data, "meter.csv", "csv", "glucose", method="sensor")
    assert (first.added, again.added, services.readings.count("glucose")) == (2, 0, 2)
    rows = services.readings.between("glucose", datetime(2026, 1, 1, tzinfo=timezone.utc),
                                     datetime(2026, 1, 2, tzinfo=timezone.utc))
    assert [row.method for row in rows] == ["sensor", "sensor"]
    # A reading stored with another method keeps it: only readings without one adopt the file's.
    import_file(services, data, "meter.csv", "csv", "glucose", method="fingerstick")
    assert services.readings.count("glucose") == 4
