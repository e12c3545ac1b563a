"""Apple Health exports (export.zip or export.xml), made here: recognised by content, streamed from
the path; types, units, fractions, correlations and methods as readings; everything else counted per
type; times with their own offsets; a broken or cut-short file and a cancelled import change nothing;
no entity of the file's DTD is expanded beyond the parser's limits and nothing outside it is loaded."""

import io
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import PASSPHRASE

from phr.imports import device_import
from phr.imports.device_import import NotADeviceFile
from phr.imports.devices.sources import apple_health
from phr.imports.devices.sources.apple_health_types import glucose_method
from phr.monitoring.measures import GLUCOSE_MG_PER_MMOL
from phr.monitoring.readings import ImportCancelled

MEMBER = "apple_health_export/export.xml"
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
]>
<HealthData locale="nl_NL">
 <ExportDate value="2024-03-05 10:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-01-01"/>
"""
START = datetime(2024, 3, 1, 8, 0)
Q = "HKQuantityTypeIdentifier"


def _when(minutes: int, offset: str = "+0100") -> str:
    return f"{START + timedelta(minutes=minutes):%Y-%m-%d %H:%M:%S} {offset}"


def record(kind: str, value: str, unit: str, when: str, source: str = "iPhone", device: str = "",
           metadata: dict[str, str] | None = None) -> str:
    device_attribute = f' device="{device}"' if device else ""
    attributes = (f'type="{Q}{kind}" sourceName="{source}"{device_attribute} unit="{unit}" creationDate="{when}" '
                  f'startDate="{when}" endDate="{when}" value="{value}"')
    entries = "".join(f'  <MetadataEntry key="{key}" value="{text}"/>\n' for key, text in (metadata or {}).items())
    return f" <Record {attributes}>\n{entries} </Record>\n" if entries else f" <Record {attributes}/>\n"


def blood_pressure(systolic: str, diastolic: str, when: str, pulse: str | None = None) -> str:
    """A correlation as the Health app writes it, followed by the loose copies of its records."""
    parts = (record("BloodPressureDiastolic", diastolic, "mmHg", when, "OMRON connect")
             + record("BloodPressureSystolic", systolic, "mmHg", when, "OMRON connect")
             + (record("HeartRate", pulse, "count/min", when, "OMRON connect") if pulse else ""))
    return (f' <Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="OMRON connect" '
            f'startDate="{when}" endDate="{when}">\n{parts} </Correlation>\n{parts}')


def export(*elements: str) -> bytes:
    return (HEAD + "".join(elements) + "</HealthData>\n").encode()


def zipped(xml: bytes, member: str = MEMBER, others: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, xml)
        for name, data in (others or {"apple_health_export/export_cda.xml": b"<ClinicalDocument/>",
                                      "apple_health_export/workout-routes/route_1.gpx": b"<gpx/>"}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _file(tmp_path: Path, data: bytes, name: str = "export.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _stored(services, measure):
    found = sorted(services.readings.page(measure, 0, 10_000), key=lambda r: r.taken_at)
    return [(r.taken_at.isoformat(), r.value, r.value2, r.value3, r.method) for r in found]


# (type, unit, value) -> what it becomes: (measure, value in the measure's unit), a skip reason, or None (left out)
SAMPLES: list[tuple[str, str, str, tuple[str, float] | str | None]] = [
    ("HeartRate", "count/min", "72", ("heart_rate", 72.0)),
    ("HeartRate", "count/min", "400", "implausible"),
    ("BodyMass", "kg", "81.5", ("weight", 81.5)),
    ("BodyMass", "lb", "176.4", ("weight", 176.4 / 2.20462)),
    ("BodyMass", "st", "12.5", ("weight", 12.5 * 6.35029318)),
    ("OxygenSaturation", "%", "0.97", ("spo2", 97.0)),
    ("OxygenSaturation", "%", "97", "implausible"),          # not a fraction: 9700 %
    ("BodyTemperature", "degC", "36.8", ("temperature", 36.8)),
    ("BodyTemperature", "degF", "98.6", ("temperature", 37.0)),
    ("BloodGlucose", "mg/dL", "105", ("glucose", 105 / GLUCOSE_MG_PER_MMOL)),
    ("BloodGlucose", "mmol&lt;180.1558800000541&gt;/L", "5.8", ("glucose", 5.8)),
    ("BloodGlucose", "mg/dL", "abc", "bad_value"),
    ("BloodGlucose", "furlong", "5", "bad_unit"),
    ("BloodGlucose", "mg/dL", "", "no_value"),
    ("DietaryCarbohydrates", "g", "45", ("carbs", 45.0)),
    ("PeakExpiratoryFlowRate", "L/min", "420", ("peak_flow", 420.0)),
    ("ForcedExpiratoryVolume1", "L", "3.1", ("fev1", 3.1)),
    ("ForcedExpiratoryVolume1", "mL", "3100", ("fev1", 3.1)),
    ("StepCount", "count", "1200", None),
    ("ActiveEnergyBurned", "Cal", "3.2", None),
    ("BloodPressureSystolic", "mmHg", "120", None),           # loose: a correlation gives blood pressure
]


def _mixed_export(count: int) -> tuple[bytes, Counter, Counter, Counter]:
    """An export of `count` records cycling through SAMPLES, a minute apart, and what the test expects of it:
    readings per measure, skipped rows per reason, records left out per type."""
    elements: list[str] = [' <SomethingOld value="1"><Child/></SomethingOld>\n']   # a kind Regie does not know
    measures: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    for i in range(count):
        kind, unit, value, outcome = SAMPLES[i % len(SAMPLES)]
        elements.append(record(kind, value, unit, _when(i)))
        if outcome is None:
            left_out[Q + kind] += 1
        elif isinstance(outcome, str):
            reasons[outcome] += 1
        else:
            measures[outcome[0]] += 1
    elements.append(' <Workout workoutActivityType="HKWorkoutActivityTypeWalking" startDate="2024-03-01 07:00:00 '
                    '+0100" endDate="2024-03-01 07:30:00 +0100"><MetadataEntry key="k" value="v"/></Workout>\n'
                    ' <ActivitySummary dateComponents="2024-03-01" activeEnergyBurned="300"/>\n'
                    ' <SomethingNew value="1"/>\n')
    left_out.update({"Workout": 1, "ActivitySummary": 1, "SomethingNew": 1, "SomethingOld": 1})
    return export(*elements), measures, reasons, left_out


# --- recognised by content ---------------------------------------------------------------------

def test_an_export_is_recognised_by_its_content_zip_or_xml(tmp_path):
    xml = export(record("HeartRate", "70", "count/min", _when(0)))
    for data in (xml, zipped(xml), zipped(xml, "export.xml", {}), zipped(xml, "apple_health_export/导出.xml")):
        path = _file(tmp_path, data, "anything.bin")
        assert device_import.is_device_source(path) and device_import.is_streamed(path)
        assert device_import.is_device_source(data)
    other_zip = zipped(b"<x/>", "notes/readme.xml", {})
    assert not device_import.is_device_source(_file(tmp_path, other_zip, "export.zip"))
    assert not device_import.is_device_source(b'<?xml version="1.0"?><Bundle xmlns="http://hl7.org/fhir"/>')


# --- what the records become --------------------------------------------------------------------

def test_every_record_becomes_a_reading_a_skipped_row_or_a_count_of_its_type(services, tmp_path):
    xml, measures, reasons, left_out = _mixed_export(300)
    path = _file(tmp_path, zipped(xml))
    summary = device_import.import_file(services, path, path.name)
    assert (summary.format, summary.added, summary.already_present) == ("apple_health", sum(measures.values()), 0)
    assert summary.skipped_by_reason() == reasons
    assert services.readings.counts() == dict(measures)
    found = apple_health.read(path, path.name, ZoneInfo("UTC"))
    assert sum(1 for _ in found.readings) == sum(measures.values())
    assert found.left_out == left_out
    assert device_import.import_file(services, path, path.name).added == 0


def test_units_and_fractions_become_the_measures_units(services, tmp_path):
    elements = [record(kind, value, unit, _when(i)) for i, (kind, unit, value, outcome) in enumerate(SAMPLES)
                if isinstance(outcome, tuple)]
    device_import.import_file(services, _file(tmp_path, export(*elements), "export.xml"), "export.xml")
    for i, (kind, unit, value, outcome) in enumerate(SAMPLES):
        if isinstance(outcome, tuple):
            stored = {when: value for when, value, *_ in _stored(services, outcome[0])}
            taken = datetime.fromisoformat(_when(i).replace(" +", "+")).isoformat()
            assert stored[taken] == pytest.approx(outcome[1], abs=1e-9), (kind, unit)


def test_blood_pressure_comes_from_its_correlation_and_a_heart_rate_beside_it_is_not_its_pulse(services, tmp_path):
    data = export(blood_pressure("128", "82", _when(0)), record("HeartRate", "66", "count/min", _when(0)),
                  blood_pressure("135", "88", _when(60), pulse="71"), blood_pressure("300", "88", _when(120)))
    summary = device_import.import_file(services, _file(tmp_path, data, "export.xml"), "export.xml")
    assert _stored(services, "bp") == [("2024-03-01T08:00:00+01:00", 128, 82, None, ""),
                                       ("2024-03-01T09:00:00+01:00", 135, 88, 71, "")]
    assert [r.reason for r in summary.skipped] == ["implausible"]
    assert len(_stored(services, "heart_rate")) == 2        # the one beside and the loose copy of the pulse


def test_times_keep_their_own_offset_and_the_zone_is_only_for_a_time_without_one(services, tmp_path):
    data = export(record("HeartRate", "70", "count/min", "2024-07-01 08:00:00 -0400"),
                  record("HeartRate", "71", "count/min", "2024-07-01 08:00:00 +0530"),
                  record("HeartRate", "72", "count/min", "2024-07-02T09:15:00"))
    device_import.import_file(services, _file(tmp_path, data, "export.xml"), "export.xml", zone=ZoneInfo("Europe/Amsterdam"))
    assert [when for when, *_ in _stored(services, "heart_rate")] == [
        "2024-07-01T08:00:00+05:30", "2024-07-01T08:00:00-04:00", "2024-07-02T09:15:00+02:00"]


def test_glucose_method_from_the_app_that_wrote_it(services, tmp_path):
    data = export(
        record("BloodGlucose", "110", "mg/dL", _when(0), "Dexcom G7"),
        record("BloodGlucose", "111", "mg/dL", _when(5), "Loop", "&lt;&lt;HKDevice: 0x1&gt;, name:CGMBLEKit, "
                                                                   "manufacturer:Dexcom, model:G6&gt;"),
        record("BloodGlucose", "112", "mg/dL", _when(10), "FreeStyle LibreLink"),
        record("BloodGlucose", "113", "mg/dL", _when(15), "CONTOUR DIABETES"),
        record("BloodGlucose", "114", "mg/dL", _when(20), "Health", metadata={"HKWasUserEntered": "1"}),
        record("BloodGlucose", "115", "mg/dL", _when(25), "Dexcom G7", metadata={"HKWasUserEntered": "1"}),
        record("BloodGlucose", "116", "mg/dL", _when(30), "Patricia’s iPhone"))
    device_import.import_file(services, _file(tmp_path, zipped(data)), "export.zip")
    assert [method for *_, method in _stored(services, "glucose")] == [
        "sensor", "sensor", "sensor", "fingerstick", "typed", "typed", ""]
    assert glucose_method("Trio", "", False) == "sensor" and glucose_method("Patrio", "", False) == ""


def test_insulin_by_its_delivery_reason(services, tmp_path):
    data = export(record("InsulinDelivery", "6", "IU", _when(0), metadata={"HKInsulinDeliveryReason": "2"}),
                  record("InsulinDelivery", "0.8", "IU", _when(60), metadata={"HKInsulinDeliveryReason": "1"}),
                  record("InsulinDelivery", "3", "IU", _when(120)))
    summary = device_import.import_file(services, _file(tmp_path, data, "export.xml"), "export.xml")
    assert [value for _, value, *_ in _stored(services, "insulin_rapid")] == [6]
    assert [value for _, value, *_ in _stored(services, "insulin_long")] == [0.8]
    assert [r.reason for r in summary.skipped] == ["not_a_reading"]


def test_an_export_with_no_readings_is_refused(services, tmp_path):
    data = export(record("StepCount", "100", "count", _when(0)), record("StepCount", "80", "count", _when(5)))
    with pytest.raises(NotADeviceFile, match="no readings Regie keeps, only other data: 2 x "
                                             "HKQuantityTypeIdentifierStepCount"):
        device_import.import_file(services, _file(tmp_path, data, "export.xml"), "export.xml")
    assert services.readings.count() == 0


# --- broken, cancelled, hostile ------------------------------------------------------------------

@pytest.mark.parametrize("as_zip", [False, True])
def test_an_export_cut_short_changes_nothing(services, tmp_path, as_zip):
    xml, *_ = _mixed_export(3000)
    cut = xml[:int(len(xml) * 0.8)]
    with pytest.raises(NotADeviceFile, match="cut short"):
        device_import.import_file(services, _file(tmp_path, zipped(cut) if as_zip else cut), "export.zip")
    assert services.readings.count() == 0


def test_a_zip_cut_short_changes_nothing(services, tmp_path):
    xml, *_ = _mixed_export(3000)
    data = zipped(xml)
    with pytest.raises(NotADeviceFile, match="damaged or incomplete"):
        device_import.import_file(services, _file(tmp_path, data[:len(data) // 2]), "export.zip")
    assert services.readings.count() == 0


def test_a_zip_whose_export_is_damaged_changes_nothing(services, tmp_path):
    xml, *_ = _mixed_export(3000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(MEMBER, xml)
    data = out.getvalue().replace(b'value="72"', b'value="73"', 1)   # still XML, but its checksum is wrong
    with pytest.raises(NotADeviceFile, match="damaged or incomplete"):
        device_import.import_file(services, _file(tmp_path, data), "export.zip")
    assert services.readings.count() == 0


def test_a_cancelled_import_changes_nothing_and_progress_goes_up(services, tmp_path):
    xml, measures, *_ = _mixed_export(20_000)
    path = _file(tmp_path, zipped(xml))
    seen: list[float] = []
    with pytest.raises(ImportCancelled):
        device_import.import_file(services, path, path.name, progress=lambda f: seen.append(f) or f < 0.5)
    assert services.readings.count() == 0 and 0.5 <= seen[-1] < 0.7
    seen.clear()
    summary = device_import.import_file(services, path, path.name, progress=lambda f: seen.append(f) or True)
    assert summary.added == sum(measures.values())
    assert seen == sorted(seen) and len(seen) > 3 and seen[-1] == 1.0


def test_entities_are_not_expanded_and_nothing_outside_the_file_is_read(services, tmp_path):
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE HealthData [<!ENTITY l0 "lol">{laughs}]>'
            f'<HealthData>{record("HeartRate", "70", "count/min", _when(0))}'
            f'<Record type="&l9;" sourceName="x" startDate="{_when(1)}" value="1"/></HealthData>').encode()
    with pytest.raises(NotADeviceFile, match="not valid XML"):
        device_import.import_file(services, _file(tmp_path, data, "export.xml"), "export.xml")
    secret = tmp_path / "secret.txt"
    secret.write_text("71")
    data = (f'<?xml version="1.0"?><!DOCTYPE HealthData [<!ENTITY s SYSTEM "{secret.as_uri()}">]><HealthData>'
            f'{record("HeartRate", "70", "count/min", _when(0))}'
            f'<Record type="{Q}HeartRate" sourceName="x" unit="count/min" startDate="{_when(1)}" value="77">&s;</Record>'
            f'</HealthData>').encode()
    device_import.import_file(services, _file(tmp_path, data, "export.xml"), "export.xml")
    assert [value for _, value, *_ in _stored(services, "heart_rate")] == [70, 77]


# --- the command line ------------------------------------------------------------------------------

def test_phr_import_reads_an_export_zip_from_its_path(new_record, tmp_path):
    folder, _ = new_record
    xml, measures, *_ = _mixed_export(200)
    path = _file(tmp_path, zipped(xml))
    result = subprocess.run([sys.executable, "-m", "phr", "import", str(folder), str(path)], capture_output=True,
                            text=True, timeout=120, env={"PHR_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "format: apple_health" in result.stdout
    assert f"readings: {sum(measures.values())} added, 0 already present" in result.stdout
    _xml, _measures, _reasons, left_out = _mixed_export(200)
    assert f"left out (data that is no reading Regie keeps): {sum(left_out.values()):,} records" in result.stdout
    kind, count = left_out.most_common(1)[0]
    assert f"  {count:,} x {kind}" in result.stdout
