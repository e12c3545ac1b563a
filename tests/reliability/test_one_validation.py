"""One validation for every way a value comes in (issue 19, point 2): typed, a device file or CSV, Regie's own JSON
file and a FHIR file keep the same bounds (phr.monitoring.validity), finite numbers and valid times.

Regie's own file brought in what the other ways refuse: a weight of 1e300 (every PDF export then failed in the
statistics) or of -70, a created_at of "whenever" (the readings tab raised on every refresh), ±Infinity targets
and bounds (exported again as JSON's non-standard `Infinity`), a blood pressure without its diastolic pressure.
Now such a file imports nothing and names the entry; the writer never writes a number that is not finite.
"""

import json
import math
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from conftest import PASSPHRASE

from phr.core.entries import EntryInvalid
from phr.formats.fhir.read.bundle import import_bundle
from phr.formats.native import read as importer
from phr.formats.native import write as exporter
from phr.formats.native.read import InvalidImport
from phr.imports.device_import import import_file
from phr.monitoring import validity
from phr.monitoring.custom_measures import CustomMeasure
from phr.monitoring.measures import CATALOGUE, LARGEST
from phr.monitoring.readings import Reading
from phr.monitoring.targets import Target
from phr.record.services import RecordServices
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository, Stamp

WINTER = timezone(timedelta(hours=1))
MORNING = datetime(2026, 3, 2, 8, 0, tzinfo=WINTER)
WEIGHT = CATALOGUE["weight"]
# Values of a weight and what every way in makes of them: kept, or not (and then never stored).
NONSENSE = [1e300, 1e307, -70.0, math.inf, -math.inf, math.nan]
UNUSUAL = 450.0   # outside the usual range (1-400 kg), still possible: a person may keep it when typing


def fill(services) -> None:
    """A device batch (weights and glucose), a typed blood pressure, a measure of the person's own, a target."""
    services.readings.add_batch([Reading("weight", MORNING, 80.5), Reading("glucose", MORNING, 5.4, method="sensor")],
                                "device_import", "scale.csv")
    services.readings.add(Reading("bp", MORNING + timedelta(hours=1), 128, 82, 66))
    services.measures.add(CustomMeasure(name="Hoofdpijn", unit="uur", low_bound=0, high_bound=24, key="hoofdpijn"))
    services.readings.add(Reading("hoofdpijn", MORNING, 3))
    services.targets.add(Target("glucose", 4.0, 8.0, alert_low=3.0, alert_high=15.0))


@pytest.fixture
def second_record(tmp_path, create_fast):
    created = create_fast(tmp_path / "second.regie", "Zoë Ünal", PASSPHRASE)
    yield created.session
    created.session.lock()


def without_time(doc: dict) -> dict:
    return {key: value for key, value in doc.items() if key != "exported_at"}


def batch(doc: dict, source: str) -> dict:
    return next(b for b in doc["reading_batches"] if b["source"] == source)


def row(doc: dict, measure: str) -> list:
    return next(r for b in doc["reading_batches"] for r in b["readings"] if r[1] == measure)


def as_json(doc: dict) -> bytes:
    return json.dumps(doc).encode()   # Python's json writes NaN and Infinity as the tester's file had them


def set_weight(value):
    return lambda d: row(d, "weight").__setitem__(2, value)


# --- Regie's own JSON file -----------------------------------------------------------------------------------

@pytest.mark.parametrize("how, message", [
    (set_weight(1e300), "reading batch 1, reading 1: its value cannot be a measurement of weight"),
    (set_weight(1e307), "reading batch 1, reading 1: its value cannot be a measurement of weight"),
    (set_weight(-70), "reading batch 1, reading 1: its value cannot be a measurement of weight"),
    (set_weight(UNUSUAL), "reading batch 1, reading 1: its value lies outside the usual range of weight (1 to 400 kg)"),
    (set_weight(-math.inf), "reading batch 1, reading 1: a value is not a number"),
    (lambda d: row(d, "bp").__setitem__(2, -70), "reading batch 2, reading 1: its systolic value cannot be"),
    (lambda d: row(d, "bp").__setitem__(3, None), "reading batch 2, reading 1: a blood pressure needs both its "
                                                  "systolic and its diastolic pressure"),
    (lambda d: row(d, "bp").__setitem__(2, None), "a blood pressure needs both"),
    (lambda d: row(d, "hoofdpijn").__setitem__(2, 1e300), "reading batch 3, reading 1: its value cannot be a "
                                                          "measurement of its measure"),
    (lambda d: batch(d, "device_import").update(created_at="whenever"),
     "reading batch 1: the time it was written is not a time with its offset"),
    (lambda d: batch(d, "device_import").update(created_at="2026-03-02T08:00:00"), "not a time with its offset"),
    (lambda d: row(d, "glucose").__setitem__(slice(9, 11), ["whenever", "owner"]),
     "the time of the correction is not a time with its offset"),
    (lambda d: d["sections"]["measure_targets"][0]["provenance"].update(created_at="whenever"),
     "measure_targets entry 1 has no valid provenance"),
    (lambda d: d["sections"]["measure_targets"][0]["provenance"].update(changed_at="2026-03-02T08:00:00"),
     "measure_targets entry 1 has no valid provenance"),
    (lambda d: d["sections"]["measure_targets"][0].update(target_high=math.inf),
     "measure_targets entry 1: target_high is NaN, infinite or too large"),
    (lambda d: d["sections"]["measure_targets"][0].update(alert_low=-math.inf),
     "measure_targets entry 1: alert_low is NaN, infinite or too large"),
    (lambda d: d["sections"]["measure_targets"][0].update(alert_high=math.nan),
     "measure_targets entry 1: alert_high is NaN, infinite or too large"),
    (lambda d: d["sections"]["measures"][0].update(high_bound=math.inf),
     "measures entry 1: high_bound is NaN, infinite or too large"),
    (lambda d: d["sections"]["measures"][0].update(low_bound=-1e300), "measures entry 1: low_bound is NaN, infinite or too large"),
])
def test_a_file_with_one_bad_value_imports_nothing_and_names_the_entry(session, services, second_record, how,
                                                                        message):
    fill(services)
    doc = exporter.export_record(session)
    how(doc)
    before = exporter.export_record(second_record)
    with pytest.raises(InvalidImport) as refused:
        importer.import_record(second_record, as_json(doc))
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)
    assert without_time(exporter.export_record(second_record)) == without_time(before)


def test_a_value_a_person_kept_when_typing_survives_export_and_import(session, services, second_record):
    """Typed, an unusual value is asked about and kept when the person says it is right: Regie's own file keeps
    it (a typed batch), and a measure of the person's own keeps what its range allowed when it was read."""
    fill(services)
    services.readings.add(Reading("bp", MORNING + timedelta(days=1), 280, 82, 240))   # the person confirmed it
    services.readings.add(Reading("weight", MORNING + timedelta(days=1), UNUSUAL))
    importer.import_record(second_record, exporter.dumps(exporter.export_record(session)))
    assert without_time(exporter.export_record(second_record))["reading_batches"] == \
        without_time(exporter.export_record(session))["reading_batches"]


def test_the_command_line_says_one_line_and_changes_nothing(session, services, tmp_path, create_fast):
    fill(services)
    doc = exporter.export_record(session)
    set_weight(1e300)(doc)
    bad = tmp_path / "weight.json"
    bad.write_bytes(as_json(doc))
    target = tmp_path / "target.regie"
    create_fast(target, "Zoë Ünal", PASSPHRASE).session.lock()
    files = {p: p.read_bytes() for p in target.iterdir() if p.is_file() and p.suffix == ".db"}
    run = subprocess.run([sys.executable, "-m", "phr", "import", str(target), str(bad), "--format", "json"],
                         env={"PHR_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "reading batch 1, reading 1: its value cannot be a measurement of weight" in run.stderr
    assert all(path.read_bytes() == data for path, data in files.items())


def test_the_writer_never_writes_infinity_and_names_where_it_is(session, services, tmp_path):
    """A record may hold an Infinity from before the rules (the target service took one): the export says where,
    and writes nothing rather than a file other programs cannot read."""
    fill(services)
    with session.db.transaction():
        EntryRepository(session.db, tables.TARGETS).insert({"measure": "weight", "target_high": math.inf},
                                                          Stamp(session.author.id, "2026-03-02T08:00:00+00:00"))
    out = tmp_path / "export.json"
    with pytest.raises(exporter.NotFiniteNumber, match="measure_targets, entry 2, target_high"):
        exporter.write_export(session, out)
    assert not out.exists()
    assert b"Infinity" not in exporter.dumps({"value": 1e308})


# --- every way in, the same verdict ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", NONSENSE + [UNUSUAL])
def test_a_device_file_leaves_out_what_a_regie_file_refuses(services, value):
    data = f"time,value\n2026-03-01 08:00,80.5\n2026-03-02 08:00,{value}\n".encode()
    summary = import_file(services, data, "weight.csv", "csv", measure="weight")
    assert summary.added == 1
    assert [reading.value for reading in services.readings.page("weight", 0, 10)] == [80.5]


@pytest.mark.parametrize("value", NONSENSE + [UNUSUAL])
def test_a_fhir_file_leaves_out_what_a_regie_file_refuses(services, value):
    resource = {"resourceType": "Observation", "status": "final", "effectiveDateTime": "2024-05-09T08:30:00+02:00",
                "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                          "code": "vital-signs"}]}],
                "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
                "valueQuantity": {"value": value, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"}}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000002", "resource": resource}]}
    try:
        import_bundle(services, json.dumps(bundle).encode())
    except InvalidImport:
        pass    # NaN and Infinity are no JSON a FHIR reader takes: the whole file is refused
    assert services.readings.count("weight") == 0


def test_a_fhir_range_limit_no_measurement_reaches_is_left_out_so_the_record_exports_and_imports(
        session, services, second_record):
    resource = {"resourceType": "Observation", "status": "final", "effectiveDateTime": "2024-05-09T08:30:00+02:00",
                "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                          "code": "laboratory"}]}],
                "code": {"coding": [{"system": "http://loinc.org", "code": "2951-2", "display": "Sodium"}]},
                "valueQuantity": {"value": 140, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                                  "code": "mmol/L"},
                "referenceRange": [{"low": {"value": 135, "unit": "mmol/L"}, "high": {"value": 1e300, "unit": "mmol/L"}}]}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000002", "resource": resource}]}
    import_bundle(services, json.dumps(bundle).encode())
    [kept] = services.lab_results.every_range()
    assert (kept.reference.low, kept.reference.high) == (135, None)
    importer.import_record(second_record, exporter.dumps(exporter.export_record(session)))
    assert [r.reference for r in services.lab_results.every_range()] == \
        [r.reference for r in RecordServices(second_record).lab_results.every_range()]


@pytest.mark.parametrize("value", NONSENSE)
def test_the_rules_refuse_nonsense_whoever_confirms_it(value):
    reading = Reading("weight", MORNING, value)
    expected = "invalid_number" if not math.isfinite(value) else "impossible"
    assert [(p.field, p.problem) for p in validity.reading_problems(WEIGHT, reading, kept=True)] == \
        [("value", expected)]


def test_unusual_is_asked_nonsense_is_refused():
    assert validity.value_problem(WEIGHT, 80.5) == ""
    assert validity.value_problem(WEIGHT, UNUSUAL) == "implausible"
    assert validity.value_problem(WEIGHT, UNUSUAL, kept=True) == ""
    assert validity.value_problem(WEIGHT, 4000.0, kept=True) == ""          # ten times the usual highest
    assert validity.value_problem(WEIGHT, 4000.5, kept=True) == "impossible"
    assert validity.value_problem(WEIGHT, -0.1, kept=True) == "impossible"   # a weight is never below zero
    assert validity.value_problem(WEIGHT, True) == "invalid_number"
    assert validity.value_problem(WEIGHT, "80") == "invalid_number"
    temperature = CATALOGUE["temperature"]
    assert validity.value_problem(temperature, 430.0, kept=True) == ""
    lab = CATALOGUE["glucose"].__class__("lab_x", "", "", "", "", low_bound=-1e6, high_bound=1e9)
    assert validity.value_problem(lab, -5e9, kept=True) == ""               # a lab's range may go below zero
    assert validity.value_problem(lab, 2 * LARGEST, kept=True) == "impossible"


def test_a_blood_pressure_needs_both_pressures_and_times_their_offset():
    bp = CATALOGUE["bp"]
    assert [(p.field, p.problem) for p in validity.reading_problems(bp, Reading("bp", MORNING, 128, None, 66))] == \
        [("value2", "required")]
    assert validity.reading_problems(bp, Reading("bp", MORNING, 128, 82)) == []   # the pulse may be missing
    naive = Reading("weight", datetime(2026, 3, 2, 8, 0), 80.5)
    assert [p.field for p in validity.reading_problems(WEIGHT, naive)] == ["taken_at"]
    assert validity.reading_problems(CATALOGUE["glucose"], Reading("glucose", MORNING, None, flag="below_range")) == []
    assert not validity.is_time_stamp("whenever")
    assert not validity.is_time_stamp("2026-03-02T08:00:00")
    assert validity.is_time_stamp("2026-03-02T08:00:00+00:00")


@pytest.mark.parametrize("value", [1e300, 1e307, -70.0])
def test_typing_refuses_nonsense_even_when_confirmed(services, value):
    with pytest.raises(EntryInvalid):
        services.readings.add(Reading("weight", MORNING, value))
    assert services.readings.count("weight") == 0
