"""What a blood pressure monitor noticed, counted per flag over a period's readings (issue 16): checked against
counts made another way — plain Python over the readings made here, SQL over the record, and the csv module
over a real OMRON report."""

import csv
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from locations import REAL_WORLD
from pytest import mark

from phr.core.vocabulary import DeviceFlag
from phr.imports import device_import
from phr.monitoring.figures import measure_figures, with_whole_series
from phr.monitoring.measures import CATALOGUE
from phr.monitoring.readings import Reading
from phr.monitoring.samples import Sample, Samples, read_samples
from phr.monitoring.statistics_bp import device_flag_counts

BP, WEIGHT = CATALOGUE["bp"], CATALOGUE["weight"]
WINTER = timezone(timedelta(hours=1))
IRREGULAR, AFIB, MOVED, CUFF = (DeviceFlag.IRREGULAR_HEARTBEAT, DeviceFlag.POSSIBLE_AFIB, DeviceFlag.BODY_MOVEMENT,
                                DeviceFlag.CUFF_FIT)
OMRON_REPORT = "omron_connect_report_eu_bp_ui_2024-11_2025-05.csv"


def by_hand(bits: list[int]) -> dict[DeviceFlag, int]:
    """Per flag how many of the readings have it, one reading at a time."""
    found: Counter[DeviceFlag] = Counter()
    for one in bits:
        for flag in DeviceFlag:
            if one & flag:
                found[flag] += 1
    return dict(found)


def as_dict(counts) -> dict[DeviceFlag, int]:
    return {one.flag: one.count for one in counts.counts}


# --- the count itself ---------------------------------------------------------------------------------------

@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 40)), max_size=60))
def test_every_flag_is_counted_as_a_count_reading_by_reading_finds_it(readings):
    start = int(datetime(2025, 3, 1, tzinfo=timezone.utc).timestamp())
    samples = [Sample(start + day * 86_400, 60, 120.0, 80.0, device_flags=bits) for bits, day in readings]
    counts = device_flag_counts(samples)
    bits = [one for one, _ in readings]
    assert as_dict(counts) == by_hand(bits)
    assert (counts.readings, counts.flagged) == (len(readings), sum(1 for one in bits if one))
    for one in counts.counts:  # the latest day with the flag, found by hand
        assert one.last_day == max(sample.local_day for sample in samples if sample.device_flags & one.flag)
    assert [one.flag for one in counts.counts] == [flag for flag in DeviceFlag if flag in by_hand(bits)]


def test_a_reading_without_numbers_counts_too_and_none_flagged_says_so():
    assert device_flag_counts([Sample(0, 0, None, device_flags=int(AFIB))]).of(AFIB).count == 1
    nothing = device_flag_counts([Sample(0, 0, 120.0, 80.0), Sample(60, 0, 121.0, 81.0)])
    assert (nothing.readings, nothing.flagged, nothing.counts, nothing.of(CUFF)) == (2, 0, (), None)


def test_the_flags_stay_with_their_readings_through_columns_and_selections():
    rows = [(0, 60, 120.0, 80.0, 60.0, 0, 0, int(CUFF)), (86_400, 60, 130.0, 85.0, None, 0, 0, 0),
            (2 * 86_400, 60, 125.0, 82.0, 61.0, 0, 0, int(IRREGULAR | MOVED))]
    samples = Samples.from_coded(rows)
    assert samples.device.tolist() == [8, 0, 5]
    assert samples.where(samples.number(1) > 122).device.tolist() == [0, 5]
    assert Samples.from_coded([row[:7] for row in rows]).device.tolist() == [0, 0, 0]  # read without them: none
    assert Samples.from_coded([]).device.tolist() == []


# --- a record: what the figures say against SQL over the record -----------------------------------------------

def _flagged_record(services) -> None:
    """Readings on the local days 1..10 March 2025 (Dutch winter time), some flagged; one just before and one
    just after the period by local date, flagged, which the period must not count."""
    flags = {2: IRREGULAR, 3: IRREGULAR | AFIB, 5: CUFF, 6: CUFF | MOVED, 9: IRREGULAR}
    readings = [Reading("bp", datetime(2025, 3, day, 7, 30, tzinfo=WINTER), 120 + day, 80, 60,
                        device_flags=int(flags.get(day, 0))) for day in range(1, 11)]
    readings.append(Reading("bp", datetime(2025, 3, 10, 23, 50, tzinfo=WINTER), 131, 84, None,
                            device_flags=int(IRREGULAR)))  # 22:50 UTC: still 10 March where it was taken
    readings += [Reading("bp", datetime(2025, 2, 28, 23, 30, tzinfo=WINTER), 140, 90, 70, device_flags=int(AFIB)),
                 Reading("bp", datetime(2025, 3, 11, 0, 10, tzinfo=WINTER), 141, 91, 71, device_flags=int(CUFF))]
    readings.append(Reading("weight", datetime(2025, 3, 4, 8, 0, tzinfo=WINTER), 70.0))
    services.readings.add_batch(readings, "device_import", "flags.csv")


def _sql_counts(services, first: str, last: str) -> tuple[int, dict[DeviceFlag, int]]:
    """Straight from the readings table: the readings whose local date ('+offset minutes') is in first..last."""
    rows = services.session.db.query(
        "SELECT device_flags FROM readings r JOIN reading_measures m ON m.id = r.measure_id "
        "WHERE m.key = 'bp' AND deleted_at IS NULL "
        "AND date(taken_at + utc_offset * 60, 'unixepoch') BETWEEN ? AND ?", (first, last))
    return len(rows), by_hand([row[0] for row in rows])


def test_the_figures_count_what_the_record_holds_for_the_period(services):
    _flagged_record(services)
    figures = measure_figures(services, BP, date(2025, 3, 1), date(2025, 3, 10))
    counts = figures.device_flags
    assert counts is not None
    total, per_flag = _sql_counts(services, "2025-03-01", "2025-03-10")
    assert (counts.readings, figures.readings, as_dict(counts)) == (total, total, per_flag)
    assert per_flag == {IRREGULAR: 4, AFIB: 1, MOVED: 1, CUFF: 2}  # the neighbours' AFib and cuff are out
    assert counts.flagged == 6 and counts.of(IRREGULAR).last_day == date(2025, 3, 10)
    assert measure_figures(services, WEIGHT, date(2025, 3, 1), date(2025, 3, 10)).device_flags is None


def test_read_samples_give_each_reading_its_own_flags(services):
    _flagged_record(services)
    samples = read_samples(services, "bp", date(2025, 3, 1), date(2025, 3, 10))
    stored = {int(reading.taken_at.timestamp()): reading.device_flags
              for reading in services.readings.page("bp", 0, 100)}
    assert [stored[int(at)] for at in samples.at] == samples.device.tolist()
    whole = with_whole_series(services, "bp", samples)  # a series running into the period keeps its flags
    assert whole.device.tolist() == [int(AFIB), *samples.device.tolist()]


def test_a_period_without_flagged_readings_has_counts_of_none(services):
    services.readings.add_batch([Reading("bp", datetime(2025, 3, day, 7, 30, tzinfo=WINTER), 120, 80, 60)
                                 for day in (1, 2)], "typed", None)
    counts = measure_figures(services, BP, date(2025, 3, 1), date(2025, 3, 2)).device_flags
    assert counts is not None and (counts.readings, counts.flagged, counts.counts) == (2, 0, ())


# --- a real OMRON report ------------------------------------------------------------------------------------

# A cell that sets the flag, per column, as the report writes it (SOURCES.md; the values are read below).
OMRON_FLAG_COLUMNS = {"Irregular heartbeat detected": (IRREGULAR, "Detected"), "Possible AFib": (AFIB, "Detected"),
                      "Body Movement": (MOVED, "Detected"), "Cuff wrap guide": (CUFF, "Not OK")}
NOT_MEASURED = "-2147483648"


def omron_by_csv(since: date | None = None) -> tuple[int, dict[DeviceFlag, int]]:
    """The report's readings (rows with a blood pressure) and their flags, with the csv module."""
    with (REAL_WORLD / OMRON_REPORT).open(encoding="utf-8-sig", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["Systolic (mmHg)"].strip() not in ("", NOT_MEASURED)]
    if since is not None:
        rows = [row for row in rows if datetime.strptime(row["Date"], "%d %b %Y").date() >= since]
    found: Counter[DeviceFlag] = Counter()
    for row in rows:
        for column, (flag, said) in OMRON_FLAG_COLUMNS.items():
            found[flag] += row[column].strip() == said
    return len(rows), {flag: count for flag, count in found.items() if count}


@mark.skipif(not (REAL_WORLD / OMRON_REPORT).is_file(),
             reason=f"the real-world OMRON report is not there ({REAL_WORLD / OMRON_REPORT})")
def test_a_real_omron_report_s_flags_are_counted_as_the_file_has_them(services):
    device_import.import_file(services, (REAL_WORLD / OMRON_REPORT).read_bytes(), OMRON_REPORT)
    counts = measure_figures(services, BP, date(2024, 11, 1), date(2025, 5, 31)).device_flags
    assert counts is not None
    assert (counts.readings, as_dict(counts)) == omron_by_csv()
    assert (counts.readings, as_dict(counts)) == (371, {IRREGULAR: 15, MOVED: 1, CUFF: 24})  # read by hand, once
    # A part of the period: the file's wall-clock dates are the readings' local dates.
    april = measure_figures(services, BP, date(2025, 4, 1), date(2025, 5, 31)).device_flags
    assert april is not None and (april.readings, as_dict(april)) == omron_by_csv(date(2025, 4, 1))
    assert np.count_nonzero(read_samples(services, "bp", date(2024, 11, 1), date(2025, 5, 31)).device) == 40
