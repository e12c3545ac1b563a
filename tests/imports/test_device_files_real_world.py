"""Every device file in ../shared/real-world (SOURCES.md) imported into a fresh record as its user would, in the
zone they would choose, and checked against what the file itself says (issue 16's first acceptance point).

The expected readings are derived here from each file, independently of phr's parsers: the csv module splits
it, the time texts are read with datetime.strptime in the format seen in the file (FILES), zoneinfo gives the
offsets, and this module decides itself what each row is (a reading of which measure and method, a note, or a
row skipped for which reason). The record must then hold exactly those readings (time with offset, values,
method and the device's flags), the summary must skip exactly those lines, and a second import must add
nothing. KEY_FIGURES repeats the main figures, counted by hand (how: in its comments), so that a mistake this
module's reading shares with phr's cannot pass unseen.

Zones: a file without its own zone is read in the zone its user would choose: a US file (mg/dL, AM/PM or
month-first dates, a US project) America/New_York; a UK one (SOURCES.md: MRC IEU, Bristol) Europe/London;
another European one Europe/Amsterdam. OMRON's app export names its zone per row (Asia/Bangkok), which wins.

Read in place, never copied; skipped with a clear message when the folder is missing.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest
from conftest import PASSPHRASE
from locations import REAL_WORLD

from phr.access import records
from phr.cli import main as cli
from phr.core.vocabulary import DeviceFlag
from phr.imports import device_import
from phr.imports.devices.times import DateOrderUnknown
from phr.record.services import RecordServices

pytestmark = pytest.mark.skipif(not REAL_WORLD.is_dir(), reason=(
    f"the real-world device files are not there ({REAL_WORLD}): put the folder of SOURCES.md beside the "
    "project to run these tests"))

MG_PER_MMOL = 18.016   # glucose mg/dL per mmol/L, as DESIGN.md states it
NOT_MEASURED = "-2147483648"
NY, LONDON, AMSTERDAM = "America/New_York", "Europe/London", "Europe/Amsterdam"


@dataclass(frozen=True)
class Source:
    kind: str          # how this module reads the file: libreview, dexcom, medtronic or omron
    zone: str          # the zone its user would choose (OMRON's app export: a zone of its own per row)
    times: str         # the strptime format of its time texts, as they stand in the file
    order: str = "auto"  # the date order the user answers when the file cannot tell ('auto': it can)


FILES = {
    "dexcom_g6_mgdl_cgmquantify_test_file.csv": Source("dexcom", NY, "%Y-%m-%dT%H:%M:%S"),
    "dexcom_g6_mmol_GLU_CLARITY_Export_111111.csv": Source("dexcom", LONDON, "%Y-%m-%dT%H:%M:%S"),
    "libre_fake_iglu_read_raw_data_libre.csv": Source("libreview", AMSTERDAM, "%Y-%m-%dT%H:%M:%S"),  # mmol/L
    # '01/02/2024': no day above 12, mg/dL and a US tool (iglu): its user answers month first
    "librepro_fake_iglu_read_raw_data_librepro.csv": Source("libreview", NY, "%m/%d/%Y %H:%M", "mdy"),
    "libreview_en_mmol_glyco_sample_glucose.csv": Source("libreview", AMSTERDAM, "%d-%m-%Y %H:%M"),
    # four rows, all on 05-12-2019: the user answers day first (the rest of glyco's files are day first)
    "libreview_en_mmol_glyco_tiny_sample_delimiter_semicolon_derived.csv": Source(
        "libreview", AMSTERDAM, "%d-%m-%Y %H:%M", "dmy"),
    "libreview_en_mmol_glyco_tiny_sample_type6.csv": Source("libreview", AMSTERDAM, "%d-%m-%Y %H:%M"),
    "libreview_us_mgdl_psi_Firstname1Lastname1_glucose.csv": Source("libreview", NY, "%m-%d-%Y %I:%M %p"),
    "libreview_us_mgdl_psi_SamplePerson_excel_dates.csv": Source("libreview", NY, "%m/%d/%y %H:%M"),
    "libreview_us_mgdl_sprague_2018-2020.csv": Source("libreview", NY, "%m-%d-%Y %I:%M %p"),
    "medtronic_ipro2_mmol_GLU_data_export-999999.csv": Source("medtronic", LONDON, "%d/%m/%y %H:%M:%S"),
    # the zone given is not the file's: its Timezone column must win
    "omron_connect_app_vpnry_example.csv": Source("omron", AMSTERDAM, "%Y/%m/%d %H:%M"),
    "omron_connect_report_eu_bp_ui_2023-06_2023-12.csv": Source("omron", AMSTERDAM, "%d %b %Y %H:%M"),
    "omron_connect_report_eu_bp_ui_2024-11_2025-05.csv": Source("omron", AMSTERDAM, "%d %b %Y %H:%M"),
    "omron_connect_report_us_bpo2g_2025-01.csv": Source("omron", NY, "%b %d %Y %H:%M"),
}
DEVICE_PREFIXES = ("dexcom_", "libre", "medtronic_", "omron_")


class KeyFigures(NamedTuple):
    added: int
    first: str
    last: str
    per_measure: dict[tuple[str, str], int]   # (measure, method) -> readings added
    flags: dict[str, int]                     # DeviceFlag name -> readings with it
    skipped: dict[str, int]                   # reason -> rows
    notes: int = 0


# Counted by hand with grep, awk and sort on the files (commands in the comments), the times read by eye and
# given their offset from the zone's rules (US: EDT until the first Sunday of November; EU: CEST from the last
# Sunday of March to the last of October; the UK: GMT in winter).
KEY_FIGURES = {
    # grep -c ',EGV,' -> 2148; the other 11 rows (names, device, alerts) have no timestamp; EGV timestamps sorted
    "dexcom_g6_mgdl_cgmquantify_test_file.csv": KeyFigures(
        2148, "2016-10-24T11:24:17-04:00", "2016-11-01T09:19:02-04:00", {("glucose", "sensor"): 2148}, {},
        {"not_a_reading": 11}),
    # grep -c ',EGV,' -> 299, 10 other rows; March 2019 in London is GMT
    "dexcom_g6_mmol_GLU_CLARITY_Export_111111.csv": KeyFigures(
        299, "2019-03-14T16:16:28+00:00", "2019-03-15T17:06:27+00:00", {("glucose", "sensor"): 299}, {},
        {"not_a_reading": 10}),
    "libre_fake_iglu_read_raw_data_libre.csv": KeyFigures(
        2, "2024-01-02T03:04:05+01:00", "2024-01-02T03:09:05+01:00", {("glucose", "sensor"): 2}, {}, {}),
    "librepro_fake_iglu_read_raw_data_librepro.csv": KeyFigures(
        2, "2024-01-02T03:04:00-05:00", "2024-01-02T03:19:00-05:00", {("glucose", "sensor"): 2}, {}, {}),
    # awk -F, 'NR>2{print $4}' | sort | uniq -c: 8372 type 0, 1962 type 1, 16 type 5, 749 type 6. `sort -u` on
    # (time, type, values) leaves 8372 and 1923 (39 scans twice); 2 type-5 rows have carbohydrates (2 and 6 g),
    # 14 only 'Non-numeric Food'; 166 type-6 rows have a note (165 distinct), 583 none.
    "libreview_en_mmol_glyco_sample_glucose.csv": KeyFigures(
        10297, "2019-12-05T16:25:00+01:00", "2020-11-28T23:34:00+01:00",
        {("glucose", "sensor"): 8372, ("glucose", "scan"): 1923, ("carbs", ""): 2}, {},
        {"no_value": 583, "not_a_reading": 14}, 165),
    "libreview_en_mmol_glyco_tiny_sample_delimiter_semicolon_derived.csv": KeyFigures(
        4, "2019-12-05T16:56:00+01:00", "2019-12-05T17:41:00+01:00", {("glucose", "sensor"): 4}, {}, {}),
    # 345 type-6 rows: 144 with a note (one, 17-11-2020 20:47 'Exercise', twice), 201 without
    "libreview_en_mmol_glyco_tiny_sample_type6.csv": KeyFigures(0, "", "", {}, {}, {"no_value": 201}, 143),
    # 3562 type 0, 317 type 1, 3 type 5 ('Non-numeric Food' only), 102 type 6 of which 3 with a note
    "libreview_us_mgdl_psi_Firstname1Lastname1_glucose.csv": KeyFigures(
        3879, "2021-05-30T16:58:00-04:00", "2021-07-20T07:59:00-04:00",
        {("glucose", "sensor"): 3562, ("glucose", "scan"): 317}, {}, {"no_value": 99, "not_a_reading": 3}, 3),
    # 14 rows: 6 type 0, 4 type 1, 4 type 6 (2 with a note); '5/30/21 16:58' is the first reading
    "libreview_us_mgdl_psi_SamplePerson_excel_dates.csv": KeyFigures(
        10, "2021-05-30T16:58:00-04:00", "2021-06-07T17:20:00-04:00",
        {("glucose", "sensor"): 6, ("glucose", "scan"): 4}, {}, {"no_value": 2}, 2),
    # 16,985 type 0, 3028 type 1, 107 type 2, 194 type 5 (38 with carbohydrates), 844 type 6 (311 with a note,
    # three of them over two lines). `sort -u` on (time, type, values) leaves 16,981 type 0, 3019 type 1 and 107
    # type 2; one more type 0: '11-03-2019 01:06 AM,0,75' twice is both passes of New York's repeated hour.
    # The first reading '11-29-2018 11:28 AM' is a scan (line 16988), the last '01-31-2020 08:20 AM' too.
    "libreview_us_mgdl_sprague_2018-2020.csv": KeyFigures(
        20146, "2018-11-29T11:28:00-05:00", "2020-01-31T08:20:00-05:00",
        {("glucose", "sensor"): 16982, ("glucose", "scan"): 3019, ("glucose", "fingerstick"): 107,
         ("carbs", ""): 38}, {}, {"no_value": 533, "not_a_reading": 156}, 311),
    # iconv -f utf-16 | awk -F'\t': 1170 rows with a Sensor Glucose, 16 with a BG Reading (Log sheet), 97 others
    "medtronic_ipro2_mmol_GLU_data_export-999999.csv": KeyFigures(
        1186, "2016-02-08T14:01:02+00:00", "2016-02-12T15:28:00+00:00",
        {("glucose", "sensor"): 1170, ("glucose", "fingerstick"): 16}, {}, {"not_a_reading": 97}),
    # 29 rows, Timezone 'Asia/Bangkok' in each, 'Not Detected' and 'OK' in each: no flag
    "omron_connect_app_vpnry_example.csv": KeyFigures(
        29, "2024-11-21T11:40:00+07:00", "2024-11-26T06:11:00+07:00", {("bp", ""): 29}, {}, {}),
    # 269 rows (and an empty last line); grep -c Detected: 19 in 'Irregular heartbeat detected', 12 in 'Body Movement'
    "omron_connect_report_eu_bp_ui_2023-06_2023-12.csv": KeyFigures(
        269, "2023-06-29T06:46:00+02:00", "2023-12-31T05:28:00+01:00", {("bp", ""): 269},
        {"IRREGULAR_HEARTBEAT": 19, "BODY_MOVEMENT": 12}, {}),
    # 383 rows: 12 with an 'Error No.' and -2147483648 for every value; 15 IHB 'Detected', 24 'Not OK' cuff, 1 movement
    "omron_connect_report_eu_bp_ui_2024-11_2025-05.csv": KeyFigures(
        371, "2024-11-27T18:48:00+01:00", "2025-05-21T13:54:00+02:00", {("bp", ""): 371},
        {"IRREGULAR_HEARTBEAT": 15, "CUFF_FIT": 24, "BODY_MOVEMENT": 1}, {"no_value": 12}),
    "omron_connect_report_us_bpo2g_2025-01.csv": KeyFigures(
        3, "2025-01-06T08:46:00-05:00", "2025-01-12T08:12:00-05:00", {("bp", ""): 3}, {}, {}),
}


# --- reading a file, this module's way ------------------------------------------------------------------------

class Row(NamedTuple):
    """A reading as the file says it: its wall-clock time, the zone of that clock, values in the canonical
    unit (glucose mmol/L), the DeviceFlag names the row sets."""

    line: int
    measure: str
    method: str
    wall: datetime
    zone: str
    values: tuple[float | None, float | None, float | None]
    flags: frozenset[str] = frozenset()


@dataclass
class Found:
    rows: list[Row] = field(default_factory=list)
    notes: list[tuple[int, datetime, str]] = field(default_factory=list)   # (line, wall-clock time, text)
    skipped: list[tuple[int, str]] = field(default_factory=list)           # (line, reason)


def records_of(path: Path, delimiter: str = ",", encoding: str = "utf-8-sig") -> list[tuple[int, list[str]]]:
    """(first line number, fields) of each record of the file, blank lines left out."""
    reader = csv.reader(io.StringIO(path.read_text(encoding=encoding), newline=""), delimiter=delimiter)
    found, line = [], 0
    for fields in reader:
        first, line = line + 1, reader.line_num
        if fields:
            found.append((first, fields))
    return found


def after_header(path: Path, marker: str, **options) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The columns of the first row that has a column `marker` (name -> index), and the rows after it."""
    found = records_of(path, **options)
    at = next(i for i, (_, fields) in enumerate(found) if marker in fields)
    return {name: index for index, name in enumerate(found[at][1])}, found[at + 1:]


def glucose_column(columns: dict[str, int], prefix: str) -> tuple[int, float] | None:
    """(index, divisor to mmol/L) of the column whose name starts with `prefix`, its unit in the rest."""
    for name, index in columns.items():
        if name.startswith(prefix):
            unit = name[len(prefix):].strip(" ()").lower()
            return index, {"mmol/l": 1.0, "mg/dl": MG_PER_MMOL}[unit]
    return None


def read_libreview(path: Path, source: Source) -> Found:
    """Record type 0/1/2: glucose by sensor, scan, strip; 6: a note; any other row: its ketones,
    carbohydrates or insulin, else no reading."""
    first_line = path.read_text(encoding="utf-8-sig").partition("\n")[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    columns, rows = after_header(path, "Record Type", delimiter=delimiter)
    time = next(columns[name] for name in ("Device Timestamp", "Time", "Timestamp") if name in columns)
    glucose = {kind: glucose_column(columns, prefix) for kind, prefix in
               (("0", "Historic Glucose"), ("1", "Scan Glucose"), ("2", "Strip Glucose"))}
    methods = {"0": "sensor", "1": "scan", "2": "fingerstick"}
    extras = {measure: columns[name] for measure, name in (
        ("ketones", "Ketone mmol/L"), ("carbs", "Carbohydrates (grams)"),
        ("insulin_rapid", "Rapid-Acting Insulin (units)"), ("insulin_long", "Long-Acting Insulin (units)"),
        ("insulin_long", "Long-Acting Insulin Value (units)")) if name in columns}
    notes = columns.get("Notes")
    found = Found()
    for line, fields in rows:
        kind, wall = fields[columns["Record Type"]], datetime.strptime(fields[time], source.times)
        note = fields[notes].strip() if notes is not None else ""
        place = glucose.get(kind)
        if place is not None:
            index, divisor = place
            if not fields[index].strip():
                found.skipped.append((line, "no_value"))
                continue
            value = float(fields[index]) / divisor
            found.rows.append(Row(line, "glucose", methods[kind], wall, source.zone, (value, None, None)))
        elif kind == "6":
            if note:
                found.notes.append((line, wall, note))
            else:
                found.skipped.append((line, "no_value"))
        else:
            amounts = [(measure, fields[index]) for measure, index in extras.items() if fields[index].strip()]
            if not amounts:
                found.skipped.append((line, "not_a_reading"))
            for measure, text in amounts:
                found.rows.append(Row(line, measure, "", wall, source.zone, (float(text), None, None)))
    return found


def read_dexcom(path: Path, source: Source) -> Found:
    """EGV rows: the sensor's glucose; every other row (names, device, alerts) no reading."""
    columns, rows = after_header(path, "Event Type")
    time = next(index for name, index in columns.items() if name.startswith("Timestamp"))
    index, divisor = glucose_column(columns, "Glucose Value") or (0, 0.0)
    found = Found()
    for line, fields in rows:
        if fields[columns["Event Type"]] != "EGV":
            found.skipped.append((line, "not_a_reading"))
            continue
        wall = datetime.strptime(fields[time], source.times)
        found.rows.append(Row(line, "glucose", "sensor", wall, source.zone,
                              (float(fields[index]) / divisor, None, None)))
    return found


def read_medtronic(path: Path, source: Source) -> Found:
    """UTF-16, tabs: a Sensor Glucose is the sensor's, a BG Reading the meter's (the iPro2 log sheet)."""
    columns, rows = after_header(path, "Index", delimiter="\t", encoding="utf-16")
    sensor, meter = glucose_column(columns, "Sensor Glucose"), glucose_column(columns, "BG Reading")
    found = Found()
    for line, fields in rows:
        taken = [(method, place) for method, place in (("fingerstick", meter), ("sensor", sensor))
                 if place and fields[place[0]].strip()]
        if not taken:
            found.skipped.append((line, "not_a_reading"))
        wall = datetime.strptime(f"{fields[columns['Date']]} {fields[columns['Time']]}", source.times)
        for method, (index, divisor) in taken:
            found.rows.append(Row(line, "glucose", method, wall, source.zone,
                                  (float(fields[index]) / divisor, None, None)))
    return found


# OMRON's flag columns, and the words seen in them (grep of the four files): which set the flag.
OMRON_FLAGS = {"Irregular heartbeat detected": "IRREGULAR_HEARTBEAT", "IHB detection counts(times)":
               "IRREGULAR_HEARTBEAT", "Possible AFib": "POSSIBLE_AFIB", "Body Movement": "BODY_MOVEMENT",
               "Cuff wrap guide": "CUFF_FIT"}
OMRON_SET, OMRON_UNSET = {"Detected", "Not OK"}, {"", "Not Detected", "OK"}


def read_omron(path: Path, source: Source) -> Found:
    """A row: systolic, diastolic, pulse (-2147483648: not measured); a row without the pressures no value."""
    found = Found()
    columns, rows = after_header(path, next(name for name in ("Date", "Measurement Date")
                                            if name in records_of(path)[0][1]))
    pressure = [next(index for name, index in columns.items() if name.startswith(prefix))
                for prefix in ("Systolic (mmHg)", "Diastolic (mmHg)", "Pulse (bpm)", "SYS(", "DIA(", "Pulse(")
                if any(name.startswith(prefix) for name in columns)]
    for line, fields in rows:
        texts = [fields[index] for index in pressure]
        if NOT_MEASURED in texts[:2]:
            found.skipped.append((line, "no_value"))
            continue
        if "Measurement Date" in columns:
            moment, zone = fields[columns["Measurement Date"]], fields[columns["Timezone"]]
        else:
            moment, zone = f"{fields[columns['Date']]} {fields[columns['Time']]}", source.zone
        systolic, diastolic, pulse = (None if text == NOT_MEASURED else float(text) for text in texts)
        found.rows.append(Row(line, "bp", "", datetime.strptime(moment, source.times), zone,
                              (systolic, diastolic, pulse), omron_flags(columns, fields)))
    return found


def omron_flags(columns: dict[str, int], fields: list[str]) -> frozenset[str]:
    flags = set()
    for name, flag in OMRON_FLAGS.items():
        text = fields[columns[name]].strip() if name in columns else ""
        assert text in OMRON_SET | OMRON_UNSET or text.isdigit(), f"a flag word this test does not know: {text!r}"
        if text in OMRON_SET or (text.isdigit() and int(text) > 0):
            flags.add(flag)
    return frozenset(flags)


READERS = {"libreview": read_libreview, "dexcom": read_dexcom, "medtronic": read_medtronic, "omron": read_omron}


# --- from wall-clock times to instants ------------------------------------------------------------------------

class Expected(NamedTuple):
    readings: set[tuple]                 # as stored() gives them, one per distinct reading
    in_file_twice: int                   # rows that repeat a reading of the same file (kept once)
    skipped: list[tuple[int, str]]       # (line, reason), in line order
    notes: set[tuple[str, str]]          # (local time 'YYYY-MM-DDTHH:MM', text)


def expected(name: str) -> Expected:
    source = FILES[name]
    found = READERS[source.kind](REAL_WORLD / name, source)
    instants = aware(found.rows)
    readings: dict[tuple, tuple] = {}
    skipped = list(found.skipped)
    for row, moment in zip(found.rows, instants):
        if moment is None:
            skipped.append((row.line, "nonexistent_time"))
            continue
        values = tuple(None if v is None else round(v, 2) for v in row.values)
        bits = sum(int(DeviceFlag[flag]) for flag in row.flags)
        # One reading per measure, method, instant and values, as the record keeps them (the first one's flags)
        readings.setdefault((row.measure, row.method, moment.timestamp(), values),
                            (row.measure, row.method, moment.isoformat(), values, bits))
    notes = {(wall.strftime("%Y-%m-%dT%H:%M"), text) for _, wall, text in found.notes}
    return Expected(set(readings.values()), len(found.rows) - len(readings) - sum(m is None for m in instants),
                    sorted(skipped), notes)


def aware(rows: list[Row]) -> list[datetime | None]:
    """Each row's time in its zone; None for a time the clock skipped (spring). In the hour the clock repeats
    (autumn), the first reading of a wall-clock time (and kind) in time order is the first pass and a second one
    of the same time the second pass (fold=1), whether the file is in the order of time or sorted by its texts."""
    oldest_first = not rows or rows[0].wall <= rows[-1].wall
    seen: Counter = Counter()
    moments: list[datetime | None] = [None] * len(rows)
    for index in range(len(rows)) if oldest_first else range(len(rows) - 1, -1, -1):
        row = rows[index]
        zone = ZoneInfo(row.zone)
        first = row.wall.replace(tzinfo=zone)
        if first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != row.wall:
            continue   # in the spring gap: no such time
        if first.utcoffset() != first.replace(fold=1).utcoffset():   # the repeated hour
            key = (row.wall, row.zone, row.measure, row.method)
            first = first.replace(fold=min(seen[key], 1))
            seen[key] += 1
        moments[index] = first.astimezone(timezone(first.utcoffset() or timedelta(0)))
    return moments


# --- the record -----------------------------------------------------------------------------------------------

def stored(services: RecordServices) -> set[tuple]:
    """Every reading of the record as (measure, method, time with offset, values to a hundredth, flag bits)."""
    found = set()
    for measure, count in services.readings.counts().items():
        for reading in services.readings.page(measure, 0, count + 1):
            values = tuple(None if v is None else round(v, 2) for v in (reading.value, reading.value2, reading.value3))
            found.add((measure, reading.method, reading.taken_at.isoformat(), values, reading.device_flags))
    return found


def import_(services: RecordServices, name: str):
    source = FILES[name]
    return device_import.import_file(services, (REAL_WORLD / name).read_bytes(), name, zone=ZoneInfo(source.zone),
                                     date_order=source.order)


def figures(readings: set[tuple]) -> tuple[str, str, dict, dict]:
    """First and last time with offset, readings per (measure, method), readings per flag."""
    by_time = sorted(readings, key=lambda r: datetime.fromisoformat(r[2]))
    flags = Counter(flag.name for r in readings for flag in DeviceFlag if r[4] & flag)
    return (by_time[0][2] if by_time else "", by_time[-1][2] if by_time else "",
            dict(Counter((r[0], r[1]) for r in readings)), dict(flags))


# --- the tests ------------------------------------------------------------------------------------------------

def test_every_device_file_of_the_folder_is_checked():
    on_disk = {path.name for path in REAL_WORLD.iterdir() if path.name.startswith(DEVICE_PREFIXES)}
    assert on_disk == set(FILES) == set(KEY_FIGURES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_derivation_agrees_with_the_figures_counted_by_hand(name):
    want, key = expected(name), KEY_FIGURES[name]
    assert (len(want.readings), *figures(want.readings)) == (key.added, key.first, key.last, key.per_measure,
                                                             key.flags)
    assert dict(Counter(reason for _, reason in want.skipped)) == key.skipped
    assert len(want.notes) == key.notes


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_file_imports_as_it_says_and_a_second_time_adds_nothing(services, name):
    want = expected(name)
    summary = import_(services, name)
    assert summary.format == FILES[name].kind
    assert (summary.added, summary.already_present) == (len(want.readings), want.in_file_twice)
    assert sorted((row.line, row.reason) for row in summary.skipped) == want.skipped
    assert stored(services) == want.readings
    key = KEY_FIGURES[name]
    assert (summary.added, *figures(stored(services))) == (key.added, key.first, key.last, key.per_measure,
                                                           key.flags)
    assert summary.skipped_by_reason() == key.skipped
    assert summary.notes_added == len(want.notes)
    assert {(entry.written_at, entry.text) for entry in services.diary.all()} == want.notes
    again = import_(services, name)
    assert (again.added, again.notes_added) == (0, 0)
    assert again.already_present == len(want.readings) + want.in_file_twice
    assert stored(services) == want.readings


@pytest.mark.parametrize("name", sorted(name for name, source in FILES.items() if source.order != "auto"))
def test_a_file_that_cannot_tell_day_from_month_is_asked_not_guessed(services, name):
    with pytest.raises(DateOrderUnknown):
        device_import.import_file(services, (REAL_WORLD / name).read_bytes(), name, zone=ZoneInfo(FILES[name].zone))
    assert services.readings.counts() == {}


def test_a_us_libreview_export_keeps_both_passes_of_the_autumn_hour(services):
    """Sprague's export is sorted by its time texts: 11-03-2019 01:06 AM twice, 01:21 AM twice, ... (New York
    repeated 01:00-01:59 that night). Each time is once in EDT (-04:00) and once in EST (-05:00)."""
    name = "libreview_us_mgdl_sprague_2018-2020.csv"
    import_(services, name)
    for readings in (expected(name).readings, stored(services)):
        night = Counter(r[2][-6:] for r in readings if r[2].startswith("2019-11-03T01:"))
        assert night == {"-04:00": 4, "-05:00": 4}


@pytest.fixture
def record(new_record, monkeypatch):
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    return new_record[0]


@pytest.mark.parametrize("name, options", [
    ("omron_connect_report_eu_bp_ui_2024-11_2025-05.csv", ("--timezone", AMSTERDAM)),
    ("librepro_fake_iglu_read_raw_data_librepro.csv", ("--timezone", NY, "--date-order", "mdy"))])
def test_phr_import_gives_the_same_readings(record, name, options, capsys):
    assert cli.main(["import", str(record), str(REAL_WORLD / name), *options]) == 0
    assert f"time zone: {options[1]}" in capsys.readouterr().out
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        assert stored(RecordServices(session)) == expected(name).readings
    finally:
        session.lock()
