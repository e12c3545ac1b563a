"""The shared device exports (tests/data/samples, copies of ../shared/samples) give exactly the
number of readings in their EXPECTED.json, and what they hold is read right."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from locations import DATA

from phr.imports.devices.pipeline import detect, read_file
from phr.monitoring.measures import GLUCOSE_MG_PER_MMOL

SAMPLES = DATA / "samples"
EXPECTED = json.loads((SAMPLES / "EXPECTED.json").read_text(encoding="utf-8"))
COUNTS = EXPECTED["glucose or blood-pressure readings per file"]
FORMATS = {"libreview_nl_mmol.csv": "libreview", "libreview_en_mgdl.csv": "libreview",
           "dexcom_clarity_mmol.csv": "dexcom", "omron_connect_bp.csv": "omron"}


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def test_every_sample_file_has_an_expected_count():
    files = sorted(p.name for p in SAMPLES.glob("*") if p.name != "EXPECTED.json")
    assert files == sorted(Path(key).name for key in COUNTS)


@pytest.mark.parametrize("key, count", sorted(COUNTS.items()))
def test_sample_gives_the_expected_number_of_readings(key, count):
    name = Path(key).name
    result = read_file(sample(name), "auto", name=name)
    assert result.format == FORMATS[name] == detect(sample(name), name)
    assert len(result.readings) == count
    # Nothing was dropped: every data row is a reading, a note or a skipped row with a reason.
    data_rows = len(sample(name).decode("utf-8").splitlines()) - (2 if result.format == "libreview" else 1)
    assert len(result.readings) + len(result.notes) + len(result.skipped) == data_rows
    assert {row.reason for row in result.skipped} <= {"not_a_reading"}


@pytest.mark.parametrize("name", ["libreview_nl_mmol.csv", "libreview_en_mgdl.csv"])
def test_libreview_samples_read_types_notes_and_times(name):
    result = read_file(sample(name), "libreview")
    assert [r.method for r in result.readings].count("sensor") == 1344
    assert [r.method for r in result.readings].count("scan") == 56
    assert len(result.notes) == 14 and all(n.value is None and n.note for n in result.notes)
    first = result.readings[0]
    assert first.taken_at == datetime(2026, 9, 1, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    assert first.line == 3 and first.measure == "glucose"


def test_libreview_dutch_notes_keep_their_text():
    notes = read_file(sample("libreview_nl_mmol.csv"), "libreview").notes
    assert notes[0].note == "ontbijt, daarna fietsen naar school"
    assert notes[0].taken_at.replace(tzinfo=None) == datetime(2026, 9, 1, 8, 7)


def test_libreview_us_sample_reads_am_pm_and_converts_mg_dl_without_rounding():
    result = read_file(sample("libreview_en_mgdl.csv"), "libreview")
    first, one_pm = result.readings[0], next(r for r in result.readings if r.line == 58)
    assert first.value == 108 / GLUCOSE_MG_PER_MMOL            # 5.994671..., not 6.0
    assert first.taken_at.replace(tzinfo=None) == datetime(2026, 9, 1, 0, 0)   # 12:00 AM
    assert one_pm.taken_at.replace(tzinfo=None) == datetime(2026, 9, 1, 13, 4)  # 01:04 PM, a scan
    assert one_pm.method == "scan" and one_pm.value == 178 / GLUCOSE_MG_PER_MMOL


def test_dexcom_sample_keeps_low_and_high_as_flags_without_a_number():
    result = read_file(sample("dexcom_clarity_mmol.csv"), "dexcom")
    flagged = [r for r in result.readings if r.flag]
    assert {r.flag for r in flagged} == {"below_range", "above_range"}
    assert all(r.value is None for r in flagged)
    assert all(r.value is not None for r in result.readings if not r.flag)
    assert [row.line for row in result.skipped] == [2, 3, 4, 5, 6]   # the metadata rows
    assert all(r.method == "sensor" for r in result.readings)


def test_omron_sample_gives_systolic_diastolic_and_pulse():
    first = read_file(sample("omron_connect_bp.csv"), "omron").readings[0]
    assert (first.measure, first.value, first.value2, first.value3) == ("bp", 130, 92, 69)
    assert first.taken_at.replace(tzinfo=None) == datetime(2026, 9, 1, 7, 5)
    assert first.note == ""


# --- a generated year of readings: the fast way through a file gives the right instants ---------

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LIBRE_HEAD = SAMPLES / "libreview_nl_mmol.csv"


def generated_libreview(count: int, newest_first: bool) -> tuple[bytes, list[tuple], list[tuple], list[int]]:
    """A LibreView file of `count` rows, one every 20 minutes from 1 March 2026 (UTC), so through
    the spring and the autumn clock change; now and then a scan, a quoted note or an insulin row.
    Returns the file and the readings, notes and skipped lines it should give."""
    head = LIBRE_HEAD.read_text(encoding="utf-8").splitlines()[:2]
    rows, readings, notes, skipped = [], [], [], []
    moments = [datetime(2026, 3, 1, tzinfo=timezone.utc) + timedelta(minutes=20 * i) for i in range(count)]
    for i, moment in enumerate(moments[::-1] if newest_first else moments):
        line, wall = i + 3, moment.astimezone(AMSTERDAM)
        expected = (int(moment.timestamp()), wall.utcoffset() // timedelta(minutes=1))
        value = f"{4 + i % 80 / 10:.1f}"
        kind, historic, scan, note = "0", value, "", ""
        if i % 400 == 13:
            kind, historic, note = "6", "", f'"eten, {i}"'
            notes.append((*expected, None, f"eten, {i}", line))
        elif i % 300 == 5:
            kind, historic = "5", ""
            skipped.append(line)
        else:
            if i % 50 == 7:
                kind, historic, scan = "1", "", value
            readings.append((*expected, float(value), "scan" if kind == "1" else "sensor", line))
        rows.append(f"FreeStyle LibreLink,abc,{wall:%d-%m-%Y %H:%M},{kind},{historic},{scan},,,,,,,,{note},,,,,")
    return "\r\n".join(head + rows + [""]).encode(), readings, notes, skipped


@pytest.mark.parametrize("newest_first", [False, True])
def test_generated_20000_rows_give_the_right_instants_through_both_clock_changes(newest_first):
    data, readings, notes, skipped = generated_libreview(20_000, newest_first)
    result = read_file(data, "auto")
    assert [(r.epoch, r.offset, r.value, r.method, r.line) for r in result.readings] == readings
    assert [(n.epoch, n.offset, n.value, n.note, n.line) for n in result.notes] == notes
    assert [(s.line, s.reason) for s in result.skipped] == [(line, "not_a_reading") for line in skipped]
    # Winter, summer (29 March to 25 October), winter; in the repeated hour both passes, an hour apart.
    offsets = [r.offset for r in result.readings]
    assert [b for a, b in zip(offsets, offsets[1:]) if a != b] == [120, 60] and offsets[0] == 60
    repeated = sorted((r.taken_at.astimezone(timezone.utc), r.offset) for r in result.readings
                      if r.taken_at.replace(tzinfo=None).strftime("%d-%m %H") == "25-10 02")
    assert [offset for _, offset in repeated] == [120, 120, 120, 60, 60, 60]
    assert repeated[3][0] - repeated[0][0] == timedelta(hours=1)


def test_generated_dexcom_with_seconds_through_the_autumn_change():
    header = ("Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,"
              "Source Device ID,Glucose Value (mmol/L),Insulin Value (u),Carb Value (grams),Duration (hh:mm:ss),"
              "Glucose Rate of Change (mmol/L/min),Transmitter Time (Long Integer),Transmitter ID")
    moments = [datetime(2026, 10, 20, tzinfo=timezone.utc) + timedelta(seconds=299 * i + i % 7) for i in range(5000)]
    rows = [f"{i + 2},{m.astimezone(AMSTERDAM):%Y-%m-%dT%H:%M:%S},EGV,,,,iOS G7,{5 + i % 50 / 10:.1f},,,,,,"
            for i, m in enumerate(moments)]
    result = read_file(("\n".join([header] + rows) + "\n").encode(), "auto")
    assert [r.epoch for r in result.readings] == [int(m.timestamp()) for m in moments]
    assert [r.offset for r in result.readings] == [m.astimezone(AMSTERDAM).utcoffset() // timedelta(minutes=1)
                                                   for m in moments]
