"""The Apple Health path of the device import benchmark (bench/device_import.py runs it): a synthetic
export.zip as the Health app makes it, and the baseline for it.

The file: apple_health_export/export.xml (Apple's DTD inside it, then <Record>s a minute apart, each
with its offset) compressed in a zip, beside export_cda.xml. Its mix is a watch wearer's with a CGM:
60 % heart rates (each with its motion-context MetadataEntry, as the watch writes them), 30 % step
counts, 4 % sensor glucose (mmol<180.1558800000541>/L), 2 % blood pressure correlations (with the
loose copies of their Systolic and Diastolic Records that Apple writes beside each), 4 % active energy.

Baseline, in the same run: the same member read with the same parser (lxml.etree.iterparse over the
zip member, the same elements, each cleared and removed once read: the least any streamed reader of
an export does), its records of the same types (the ones Regie stores) inserted as they are (type,
start date, value, unit as text; a correlation's systolic and diastolic values) with executemany
INSERT OR IGNORE into a fresh SQLCipher table with a unique index on type, start date and value, in
one transaction.

Run alone (`python -m bench.apple_export RECORDS`) it measures a file of that many records, for a
look at memory on a larger export.
"""

import os
import sys
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Iterator

MEMBER = "apple_health_export/export.xml"
# The types the baseline stores: the ones Regie reads (apple_health_types.MEASURES; not imported here, so
# that the baseline's process loads nothing of Regie's but the database).
READ_TYPES = frozenset(f"HKQuantityTypeIdentifier{name}" for name in (
    "BloodGlucose", "HeartRate", "BodyMass", "OxygenSaturation", "BodyTemperature", "InsulinDelivery",
    "DietaryCarbohydrates", "PeakExpiratoryFlowRate", "ForcedExpiratoryVolume1"))
BLOOD_PRESSURE = "HKCorrelationTypeIdentifierBloodPressure"
_TOP = ("Record", "Correlation", "Workout", "ActivitySummary", "ExportDate", "Me", "ClinicalRecord", "Audiogram",
        "VisionPrescription")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT Correlation ((MetadataEntry|Record)*)>
<!ATTLIST Correlation
  type          CDATA #REQUIRED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
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
 <ExportDate value="2026-01-01 10:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-01-01" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
"""
WATCH = ('sourceName="Anna’s Apple Watch" sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x281d1acb0&gt;, '
         'name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.1&gt;"')
CGM = 'sourceName="Dexcom G7" sourceVersion="2.1.0"'
CUFF = 'sourceName="OMRON connect" sourceVersion="7.12.1"'
_MOTION = '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n'
_AMSTERDAM_WINTER = "+0100"


def _time(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} {_AMSTERDAM_WINTER}"


def _record(kind: str, unit: str, value: object, when: str, source: str = WATCH, body: str = "") -> str:
    attributes = (f'type="HKQuantityTypeIdentifier{kind}" {source} unit="{unit}" creationDate="{when}" '
                  f'startDate="{when}" endDate="{when}" value="{value}"')
    return f" <Record {attributes}>\n{body} </Record>\n" if body else f" <Record {attributes}/>\n"


def _element(i: int, moment: datetime) -> str:
    when, share = _time(moment), i % 100
    if share < 60:
        return _record("HeartRate", "count/min", 55 + i * 7 % 60, when, body=_MOTION)
    if share < 90:
        return _record("StepCount", "count", i * 13 % 400, when)
    if share < 94:
        return _record("BloodGlucose", "mmol&lt;180.1558800000541&gt;/L", f"{4 + i * 7 % 80 / 10:.1f}", when, CGM)
    if share < 96:
        parts = (_record("BloodPressureDiastolic", "mmHg", 70 + i % 20, when, CUFF)
                 + _record("BloodPressureSystolic", "mmHg", 115 + i % 30, when, CUFF))
        return (f' <Correlation type="{BLOOD_PRESSURE}" {CUFF} creationDate="{when}" startDate="{when}" '
                f'endDate="{when}">\n{parts} </Correlation>\n{parts}')
    return _record("ActiveEnergyBurned", "Cal", f"{i % 50 / 10:.1f}", when)


def write_export(path: Path, records: int) -> None:
    """The export zip, written as it is made (a 5-million-record XML is never in memory)."""
    start = datetime(2016, 1, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zipped:
        with zipped.open(MEMBER, "w", force_zip64=True) as member:
            member.write(HEAD.encode())
            block: list[str] = []
            for i in range(records):
                block.append(_element(i, start + timedelta(minutes=i)))
                if len(block) == 10_000:
                    member.write("".join(block).encode())
                    block.clear()
            member.write(("".join(block) + "</HealthData>\n").encode())
        zipped.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")


def _rows(stream: IO[bytes]) -> Iterator[tuple[str, str, str, str]]:
    """(type, start date, value, unit) of each record of a type read, as text; a correlation's (bp, start
    date, systolic, diastolic)."""
    from lxml import etree

    context = etree.iterparse(stream, events=("end",), tag=_TOP, resolve_entities=False, no_network=True,
                              load_dtd=False)
    for _, element in context:
        parent = element.getparent()
        if parent.tag != "HealthData":
            continue
        if element.tag == "Record":
            kind = element.get("type")
            if kind in READ_TYPES:
                yield kind, element.get("startDate"), element.get("value"), element.get("unit")
        elif element.tag == "Correlation" and element.get("type") == BLOOD_PRESSURE:
            parts = {record.get("type")[24:]: record.get("value") for record in element.iterchildren("Record")}
            yield "bp", element.get("startDate"), parts["BloodPressureSystolic"], parts["BloodPressureDiastolic"]
        element.clear()
        while element.getprevious() is not None:
            del parent[0]


def baseline(file: Path, folder: Path, peak_mb) -> tuple[float, float, float, int]:
    """(seconds, peak MB, MB before the work, rows stored) of the raw work, in this process."""
    from phr.storage.database import Database

    before = peak_mb()
    db = Database.open(folder / "baseline.db", os.urandom(32), create=True)
    try:
        started = time.perf_counter()
        db.execute("CREATE TABLE raw (c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT)")
        db.execute("CREATE UNIQUE INDEX raw_once ON raw (c0, c1, c2)")
        with zipfile.ZipFile(file) as zipped, zipped.open(MEMBER) as stream, db.transaction():
            added = db.executemany("INSERT OR IGNORE INTO raw VALUES (?, ?, ?, ?)", _rows(stream))
        return time.perf_counter() - started, peak_mb(), before, added
    finally:
        db.close()


if __name__ == "__main__":      # python -m bench.apple_export RECORDS: the Apple path alone, at that size
    from bench.device_import import measure_apple

    result = measure_apple(int(sys.argv[1]))
    print(f"{result.name}: {result.measured:.1f} s vs baseline {result.baseline:.1f} s -> ratio {result.ratio:.2f}")
    print("\n".join(f"  {note}" for note in result.notes))
