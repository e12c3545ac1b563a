"""`phr import --method`: how the readings of a plain CSV were taken, as scripts give it."""

from datetime import datetime, timezone

import pytest
from conftest import PASSPHRASE
from locations import DATA

from phr.access import records
from phr.cli import main as cli
from phr.record.services import RecordServices

SAMPLES = DATA / "samples"
GLUCOSE = "time,value\n2026-01-01T08:00:00+01:00,5.1\n2026-01-01T08:05:00+01:00,2.9\n"
EVER = (datetime(2000, 1, 1, tzinfo=timezone.utc), datetime(2100, 1, 1, tzinfo=timezone.utc))


@pytest.fixture
def record(new_record, monkeypatch):
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    return new_record[0]


def phr_import(record, file, *options) -> int:
    return cli.main(["import", str(record), str(file), *options])


def stored_methods(record, measure: str = "glucose") -> list[str]:
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        return [row.method for row in RecordServices(session).readings.between(measure, *EVER)]
    finally:
        session.lock()


@pytest.fixture
def glucose_csv(tmp_path):
    path = tmp_path / "glucose.csv"
    path.write_text(GLUCOSE)
    return path


@pytest.mark.parametrize("given, stored", [("sensor", "sensor"), ("meter", "fingerstick"), ("lab", "lab"),
                                           ("typed", "typed")])
def test_each_method_is_stored_with_every_reading(record, glucose_csv, capsys, given, stored):
    assert phr_import(record, glucose_csv, "--format", "csv", "--measure", "glucose", "--method", given) == 0
    out = capsys.readouterr().out
    assert "readings: 2 added, 0 already present" in out and f"method: {given}\n" in out
    assert stored_methods(record) == [stored, stored]


def test_without_a_method_glucose_readings_are_not_sensor_time_and_the_import_says_so(record, glucose_csv, tmp_path,
                                                                                     capsys):
    assert phr_import(record, glucose_csv, "--format", "csv", "--measure", "glucose") == 0
    said = [line for line in capsys.readouterr().out.splitlines() if line.startswith("method:")]
    assert said == ["method: not given (--method sensor|meter|lab|typed), so the reports count these glucose "
                    "readings as other readings, not as sensor time"]
    assert stored_methods(record) == ["", ""]
    weight = tmp_path / "weight.csv"
    weight.write_text("time,value\n2026-01-01T08:00:00+01:00,71.5\n")
    assert phr_import(record, weight, "--format", "csv", "--measure", "weight") == 0
    assert "method:" not in capsys.readouterr().out  # only glucose has sensor time to miscount


def test_an_unknown_method_is_a_usage_error_that_names_the_choices(record, glucose_csv, capsys):
    with pytest.raises(SystemExit) as stopped:
        phr_import(record, glucose_csv, "--format", "csv", "--measure", "glucose", "--method", "scan")
    assert stopped.value.code == 2
    assert "argument --method: invalid choice: 'scan' (choose from 'sensor', 'meter', 'lab', 'typed')" in \
        capsys.readouterr().err
    assert stored_methods(record) == []


@pytest.mark.parametrize("file, format, says", [
    ("libreview_nl_mmol.csv", "auto", "This is a LibreView export: it says itself how each reading was taken."),
    ("libreview_nl_mmol.csv", "libreview", "This is a LibreView export"),
    ("dexcom_clarity_mmol.csv", "auto", "This is a Dexcom Clarity export"),
    ("omron_connect_bp.csv", "omron", "This is an OMRON connect blood pressure export"),
])
def test_a_method_for_a_device_file_is_a_usage_error_and_changes_nothing(record, capsys, file, format, says):
    assert phr_import(record, SAMPLES / file, "--format", format, "--method", "sensor") == 2
    err = capsys.readouterr().err
    assert err.startswith("phr: --method is only for another CSV file (--format csv). ") and says in err
    assert err.count("\n") == 1
    assert stored_methods(record) == [] and stored_methods(record, "bp") == []


def test_a_method_for_a_regie_or_fhir_file_is_a_usage_error(record, tmp_path, capsys):
    bundle = tmp_path / "summary.json"
    bundle.write_text('{"resourceType": "Bundle", "type": "document", "entry": []}')
    for format in ("auto", "fhir", "json"):
        assert phr_import(record, bundle, "--format", format, "--method", "lab") == 2
        assert "A Regie or FHIR file says itself how each reading was taken." in capsys.readouterr().err


def test_the_help_says_what_each_method_means(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for meaning in ("sensor = a continuous glucose monitor", "meter = a finger-prick meter", "lab = lab results",
                    "typed = typed in by hand", "Without it the method is not known"):
        assert meaning in help_text


def test_a_file_read_as_windows_1252_says_so_and_a_utf8_file_does_not(record, tmp_path, capsys):
    path = tmp_path / "weight.csv"
    path.write_bytes("time,value,note\n2026-01-01T08:00:00+01:00,71.2,café\n".encode("windows-1252"))
    assert phr_import(record, path, "--measure", "weight", "--method", "typed") == 0
    assert "encoding: Windows-1252" in capsys.readouterr().out
    path.write_bytes("time,value,note\n2026-01-02T08:00:00+01:00,71.0,café\n".encode("utf-8"))
    assert phr_import(record, path, "--measure", "weight", "--method", "typed") == 0
    assert "encoding" not in capsys.readouterr().out
