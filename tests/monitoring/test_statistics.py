"""Statistics over readings, checked against values computed by hand (the arithmetic is in the comments)."""

import random
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phr.monitoring.statistics import (
    ABOVE_RANGE,
    BELOW_RANGE,
    HIGH,
    IN_RANGE,
    LOW,
    VERY_HIGH,
    VERY_LOW,
    AdherenceDay,
    DailyMean,
    Sample,
    adherence,
    daily_means,
    glucose,
    glucose_band,
    in_period,
    summary,
)
from phr.monitoring.statistics_bp import BloodPressureDay, BloodPressureSeries, blood_pressure


def local(moment: str, value=None, value2=None, value3=None, flag="", offset=60) -> Sample:
    """A sample taken at local wall-clock time `moment` where the clock is `offset` minutes east of UTC."""
    zone = timezone(timedelta(minutes=offset))
    at = int(datetime.fromisoformat(moment).replace(tzinfo=zone).timestamp())
    return Sample(at, offset, value, value2, value3, flag)


def utc(moment: str, offset: int, value=5.0, value2=None) -> Sample:
    """A sample taken at UTC time `moment` at a place `offset` minutes east of UTC."""
    at = int(datetime.fromisoformat(moment).replace(tzinfo=timezone.utc).timestamp())
    return Sample(at, offset, value, value2)


# --- local dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("moment, offset, day", [
    ("2024-03-04T23:30", 60, date(2024, 3, 5)),     # 23:30 UTC + 1 h = 00:30 on the 5th in Amsterdam
    ("2024-03-04T23:30", 0, date(2024, 3, 4)),      # the same moment in London is still the 4th
    ("2024-07-01T22:30", 120, date(2024, 7, 2)),    # summer time: 22:30 UTC + 2 h = 00:30 on the 2nd
    ("2024-07-01T21:59", 120, date(2024, 7, 1)),    # 23:59 local: still the 1st
    ("2024-03-05T03:00", -300, date(2024, 3, 4)),   # New York: 03:00 UTC - 5 h = 22:00 on the 4th
    ("1969-12-31T23:00", 0, date(1969, 12, 31)),    # before 1970 (negative epoch) floors correctly
])
def test_local_day_uses_the_offset_of_the_place_of_measuring(moment, offset, day):
    assert utc(moment, offset).local_day == day


def test_in_period_selects_by_local_date_inclusive():
    early = utc("2024-03-03T23:30", 60)             # local 4 March 00:30: inside
    before = utc("2024-03-03T22:30", 60)            # local 3 March 23:30: outside
    last = local("2024-03-10T23:59", 5.0)
    after = local("2024-03-11T00:00", 5.0)
    assert in_period([before, early, last, after], date(2024, 3, 4), date(2024, 3, 10)) == [early, last]


# --- summary -------------------------------------------------------------------------------------

def test_summary_of_4_6_8():
    result = summary([local("2024-03-04T08:00", v) for v in (4.0, 6.0, 8.0)])
    # mean (4 + 6 + 8) / 3 = 6; deviations -2, 0, 2; squares 4 + 0 + 4 = 8; 8 / (3 - 1) = 4; sqrt 4 = 2
    assert (result.count, result.mean, result.minimum, result.maximum, result.sd) == (3, 6.0, 4.0, 8.0, 2.0)
    assert (result.flagged_low, result.flagged_high) == (0, 0)


def test_summary_sd_is_the_sample_sd_not_the_population_sd():
    result = summary([local("2024-03-04T08:00", v) for v in (1.0, 2.0, 3.0, 4.0)])
    # mean 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3 = 1.6667 -> sd 1.29099
    # (the population sd would be sqrt(5 / 4) = 1.11803)
    assert result.sd == pytest.approx(1.2909944)


def test_summary_counts_flagged_readings_apart_and_leaves_them_out_of_the_numbers():
    samples = [local("2024-03-04T08:00", 5.0), local("2024-03-04T09:00", flag=BELOW_RANGE),
               local("2024-03-04T10:00", flag=ABOVE_RANGE), local("2024-03-04T11:00", flag=ABOVE_RANGE),
               local("2024-03-04T12:00", 7.0)]
    result = summary(samples)
    # numbers 5 and 7 only: mean 6; squares 1 + 1 = 2; 2 / 1 = 2; sd sqrt 2 = 1.41421
    assert (result.count, result.mean, result.minimum, result.maximum) == (2, 6.0, 5.0, 7.0)
    assert result.sd == pytest.approx(1.4142136)
    assert (result.flagged_low, result.flagged_high) == (1, 2)


def test_summary_of_one_reading_has_no_sd():
    result = summary([local("2024-03-04T08:00", 72.4)])
    assert (result.count, result.mean, result.minimum, result.maximum, result.sd) == (1, 72.4, 72.4, 72.4, None)


def test_summary_of_other_components():
    samples = [local("2024-03-04T08:00", 120, 80, 70), local("2024-03-04T08:05", 130, 90, None)]
    diastolic, pulse = summary(samples, component=2), summary(samples, component=3)
    assert (diastolic.count, diastolic.mean, diastolic.minimum, diastolic.maximum) == (2, 85.0, 80, 90)  # (80+90)/2
    assert (pulse.count, pulse.mean, pulse.sd) == (1, 70.0, None)       # the reading without pulse left out
    with pytest.raises(ValueError):
        summary(samples, component=4)


def test_summary_of_nothing():
    result = summary([])
    assert (result.count, result.mean, result.minimum, result.maximum, result.sd) == (0, None, None, None, None)
    assert (result.flagged_low, result.flagged_high) == (0, 0)


def test_summary_ignores_a_value_that_is_not_a_number():
    result = summary([local("2024-03-04T08:00", float("nan")), local("2024-03-04T09:00", 6.0)])
    assert (result.count, result.mean) == (1, 6.0)


# --- daily means ---------------------------------------------------------------------------------

def test_daily_means_per_local_day():
    samples = [local("2024-03-04T08:00", 4.0), local("2024-03-04T20:00", 8.0),
               utc("2024-03-04T23:30", 60, 9.0),     # local 5 March 00:30
               local("2024-03-05T12:00", 5.0), local("2024-03-06T12:00", flag=BELOW_RANGE)]
    assert daily_means(samples) == [
        DailyMean(date(2024, 3, 4), 2, 6.0, 4.0, 8.0),   # (4 + 8) / 2 = 6
        DailyMean(date(2024, 3, 5), 2, 7.0, 5.0, 9.0),   # (9 + 5) / 2 = 7; the 6th has no number
    ]
    assert daily_means([]) == []


# --- glucose -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, flag, band", [
    (2.9, "", VERY_LOW), (2.94, "", VERY_LOW),
    (2.95, "", LOW),                                          # shown as 3.0: low, not very low
    (2.997, "", LOW),                                         # 54 mg/dL: low, as in the mg/dL consensus
    (3.0, "", LOW), (3.8, "", LOW), (3.84, "", LOW),
    (3.85, "", IN_RANGE),                                     # shown as 3.9
    (3.885, "", IN_RANGE),                                    # 70 mg/dL: in range, as in the mg/dL consensus
    (3.9, "", IN_RANGE), (10.0, "", IN_RANGE), (10.04, "", IN_RANGE),
    (10.05, "", HIGH), (10.1, "", HIGH), (13.9, "", HIGH),    # 10.05 is shown as 10.1
    (13.94, "", HIGH), (13.95, "", VERY_HIGH), (14.0, "", VERY_HIGH),
    (None, BELOW_RANGE, VERY_LOW), (None, ABOVE_RANGE, VERY_HIGH), (None, "", None),
    (12.0, BELOW_RANGE, HIGH),                                # a number wins over a flag
])
def test_glucose_band_boundaries(value, flag, band):
    assert glucose_band(value, flag) == band


def test_glucose_time_in_ranges_with_boundary_values_and_flags():
    values = [2.9, 3.0, 3.8, 3.9, 10.0, 10.1, 13.9, 14.0] + [6.0] * 10
    samples = [local("2024-03-04T00:00", v) for v in values]
    samples += [local("2024-03-04T12:00", flag=BELOW_RANGE), local("2024-03-04T13:00", flag=ABOVE_RANGE)]
    result = glucose(samples)
    # 20 readings: very low 2.9 + Low = 2 -> 10 %; low 3.0, 3.8 -> 10 %; in range 3.9, 10.0 and ten
    # times 6.0 = 12 -> 60 %; high 10.1, 13.9 -> 10 %; very high 14.0 + High = 2 -> 10 %
    assert result.count == 20
    assert (result.very_low, result.low, result.in_range, result.high, result.very_high) == (10, 10, 60, 10, 10)
    assert (result.below, result.above) == (20, 20)


def test_glucose_bands_with_unequal_shares():
    values = [2.5, 3.5, 3.5, 3.5, 5.0, 5.0, 5.0, 5.0, 11.0]
    result = glucose([local("2024-03-04T08:00", v) for v in values] + [local("2024-03-04T09:00", flag=ABOVE_RANGE)])
    # 10 readings: very low 1 -> 10 %, low 3 -> 30 %, in range 4 -> 40 %, high 1 -> 10 %, very high 1 -> 10 %
    assert (result.very_low, result.low, result.in_range, result.high, result.very_high) == (10, 30, 40, 10, 10)


def test_glucose_mean_cv_and_gmi_from_a_known_mean():
    samples = [local("2024-03-04T08:00", 6.0), local("2024-03-04T23:30", 8.0), local("2024-03-05T08:00", 10.0),
               local("2024-03-05T09:00", flag=BELOW_RANGE), local("2024-03-05T10:00", flag=ABOVE_RANGE)]
    result = glucose(samples)
    # flagged readings left out of the numbers: mean (6 + 8 + 10) / 3 = 8.0 mmol/L; sd 2 (as 4, 6, 8)
    assert result.mean == 8.0
    assert result.sd == 2.0
    assert result.cv == pytest.approx(25.0)                   # 2 / 8 * 100
    # 8.0 mmol/L * 18.016 = 144.128 mg/dL; 3.31 + 0.02392 * 144.128 = 3.31 + 3.44754 = 6.75754 %
    assert result.gmi_percent == pytest.approx(6.75754, abs=1e-5)
    # 12.71 + 4.70587 * 8 = 12.71 + 37.64696 = 50.35696 mmol/mol
    assert result.gmi_mmol_mol == pytest.approx(50.35696, abs=1e-5)
    # 5 readings: Low -> very low 20 %, 6, 8, 10 in range 60 %, High -> very high 20 %
    assert (result.count, result.very_low, result.in_range, result.very_high) == (5, 20, 60, 20)
    assert (result.days, result.first_day, result.last_day) == (2, date(2024, 3, 4), date(2024, 3, 5))


def test_glucose_days_follow_the_local_date():
    samples = [utc("2024-03-04T23:30", 60, 6.0), utc("2024-03-05T08:00", 60, 6.0), utc("2024-03-07T08:00", 60, 6.0)]
    result = glucose(samples)
    # the first is 00:30 on the 5th in Amsterdam: local dates 5, 5 and 7 March -> 2 days
    assert (result.days, result.first_day, result.last_day) == (2, date(2024, 3, 5), date(2024, 3, 7))


def test_glucose_of_nothing():
    result = glucose([])
    assert result.count == 0 and result.days == 0
    assert all(getattr(result, name) is None for name in (
        "very_low", "low", "in_range", "high", "very_high", "below", "above", "mean", "sd", "cv",
        "gmi_percent", "gmi_mmol_mol", "first_day", "last_day"))


def test_glucose_only_flagged_readings_have_shares_but_no_mean():
    result = glucose([local("2024-03-04T08:00", flag=BELOW_RANGE), local("2024-03-04T09:00", flag=BELOW_RANGE)])
    assert (result.count, result.very_low, result.in_range) == (2, 100, 0)
    assert (result.mean, result.cv, result.gmi_percent, result.gmi_mmol_mol) == (None, None, None, None)


# --- blood pressure ------------------------------------------------------------------------------

def bp_week() -> list[Sample]:
    """A 7-day series 4–10 March 2024 (Dutch winter time, offset +60), two readings a day."""
    readings = [local("2024-03-04T08:00", 150, 95, 80), local("2024-03-04T20:00", 160, 105, 84)]  # day 1
    for day in (5, 6, 8, 9, 10):
        readings += [local(f"2024-03-{day:02}T08:00", 130, 80, 70), local(f"2024-03-{day:02}T20:00", 140, 90)]
    readings += [local("2024-03-07T08:00", 120, 70, 60), local("2024-03-07T20:00", 130, 80)]
    return readings


def test_blood_pressure_series_leaves_out_the_first_day():
    series, = blood_pressure(bp_week()).series
    # days 2-7: five days with 130 and 140 and one day (7 March) with 120 and 130; 12 readings
    # systolic (5 * (130 + 140) + 120 + 130) / 12 = (1350 + 250) / 12 = 133.333
    # diastolic (5 * (80 + 90) + 70 + 80) / 12 = (850 + 150) / 12 = 83.333
    # pulse only on the morning readings: (5 * 70 + 60) / 6 = 410 / 6 = 68.333
    # (with day 1: systolic (1600 + 150 + 160) / 14 = 136.43, so leaving it out matters)
    assert (series.first_day, series.last_day, series.day_count, series.count, series.used) == (
        date(2024, 3, 4), date(2024, 3, 10), 7, 14, 12)
    assert series.systolic == pytest.approx(133.3333333)
    assert series.diastolic == pytest.approx(83.3333333)
    assert series.pulse == pytest.approx(68.3333333)


def test_blood_pressure_day_means():
    days = blood_pressure(bp_week()).days
    assert len(days) == 7
    assert days[0] == BloodPressureDay(date(2024, 3, 4), 2, 155.0, 100.0, 82.0)  # (150+160)/2, (95+105)/2, (80+84)/2
    assert days[1] == BloodPressureDay(date(2024, 3, 5), 2, 135.0, 85.0, 70.0)   # pulse from one reading
    assert days[3] == BloodPressureDay(date(2024, 3, 7), 2, 125.0, 75.0, 60.0)   # (120+130)/2, (70+80)/2


def test_blood_pressure_second_series_after_a_gap_and_a_one_day_series():
    readings = bp_week() + [
        local("2024-03-13T08:00", 145, 92),             # 11 and 12 March empty: a new series starts
        local("2024-03-14T08:00", 138, 88, 66), local("2024-03-15T08:00", 134, 86, 64),
        local("2024-03-20T08:00", 150, 90, 70),         # alone after four empty days
    ]
    first, second, lone = blood_pressure(readings).series
    assert first.last_day == date(2024, 3, 10)
    # 13 March left out: systolic (138 + 134) / 2 = 136, diastolic (88 + 86) / 2 = 87, pulse (66 + 64) / 2 = 65
    assert second == BloodPressureSeries(date(2024, 3, 13), date(2024, 3, 15), 3, 3, 2, 136.0, 87.0, 65.0)
    assert lone == BloodPressureSeries(date(2024, 3, 20), date(2024, 3, 20), 1, 1, 0, None, None, None)


def test_blood_pressure_one_forgotten_day_keeps_the_series():
    readings = [local("2024-03-04T08:00", 150, 90), local("2024-03-06T08:00", 130, 80),
                local("2024-03-07T08:00", 134, 84)]
    series, = blood_pressure(readings).series       # 5 March empty: still one series
    assert (series.day_count, series.used, series.systolic, series.diastolic) == (3, 2, 132.0, 82.0)
    assert len(blood_pressure(readings, allowed_gap=0).series) == 2


def test_blood_pressure_uses_the_local_date_around_midnight():
    evening = local("2024-03-04T20:00", 160, 100)
    late = utc("2024-03-04T23:30", 60, 120, 80)               # 00:30 on 5 March in Amsterdam
    result = blood_pressure([evening, late])
    assert [day.day for day in result.days] == [date(2024, 3, 4), date(2024, 3, 5)]
    series, = result.series
    assert (series.used, series.systolic) == (1, 120.0)     # the late reading is day 2, so it counts


def test_blood_pressure_skips_incomplete_readings_and_empty_input():
    result = blood_pressure([local("2024-03-04T08:00", 130, None), local("2024-03-04T09:00", None, 80)])
    assert result.days == () and result.series == ()
    assert blood_pressure([]).days == () and blood_pressure([]).series == ()


# --- adherence -----------------------------------------------------------------------------------

def test_adherence_with_a_missed_and_an_over_achieved_day():
    samples = [local(f"2024-03-04T{hour:02}:00", 5.0) for hour in (7, 12, 17, 22)]          # 4 of 4
    samples += [local(f"2024-03-06T{hour:02}:00", 5.0) for hour in (7, 9, 12, 15, 17, 22)]  # 6 of 4
    samples += [local("2024-03-07T12:00", 5.0), utc("2024-03-06T23:15", 60)]               # 2 of 4 (00:15 local)
    samples += [local("2024-03-03T12:00", 5.0), local("2024-03-08T12:00", 5.0)]            # outside the period
    result = adherence(samples, 4, date(2024, 3, 4), date(2024, 3, 7))
    assert result.days == (
        AdherenceDay(date(2024, 3, 4), 4, 4, 100.0),
        AdherenceDay(date(2024, 3, 5), 4, 0, 0.0),      # missed
        AdherenceDay(date(2024, 3, 6), 4, 6, 100.0),    # 6 done, counted as 4
        AdherenceDay(date(2024, 3, 7), 4, 2, 50.0),     # 2 / 4
    )
    # planned 4 days * 4 = 16; done 4 + 0 + 6 + 2 = 12; counted 4 + 0 + 4 + 2 = 10; 10 / 16 = 62.5 %
    assert (result.planned, result.done, result.counted, result.percent) == (16, 12, 10, 62.5)


def test_adherence_counts_flagged_readings_as_done():
    result = adherence([local("2024-03-04T08:00", flag=BELOW_RANGE)], 2, date(2024, 3, 4), date(2024, 3, 4))
    assert (result.done, result.percent) == (1, 50.0)


def test_adherence_without_readings_or_without_a_plan():
    nothing = adherence([], 4, date(2024, 3, 4), date(2024, 3, 5))
    assert (nothing.planned, nothing.done, nothing.counted, nothing.percent) == (8, 0, 0, 0.0)
    no_plan = adherence([local("2024-03-04T08:00", 5.0)], 0, date(2024, 3, 4), date(2024, 3, 4))
    assert no_plan.days == (AdherenceDay(date(2024, 3, 4), 0, 1, None),) and no_plan.percent is None
    backwards = adherence([], 4, date(2024, 3, 5), date(2024, 3, 4))
    assert (backwards.days, backwards.planned, backwards.percent) == ((), 0, None)
    with pytest.raises(ValueError):
        adherence([], -1, date(2024, 3, 4), date(2024, 3, 4))


# --- properties ----------------------------------------------------------------------------------

values = st.floats(min_value=0.0, max_value=1000.0, allow_nan=False)
moments = st.integers(min_value=1_600_000_000, max_value=1_600_000_000 + 60 * 86_400)
offsets = st.sampled_from([-300, 0, 60, 120, 330])
glucose_samples = st.builds(
    Sample, moments, offsets, st.one_of(st.none(), st.floats(min_value=0.5, max_value=40.0)),
    flag=st.sampled_from(["", BELOW_RANGE, ABOVE_RANGE]))
bp_samples = st.builds(Sample, moments, offsets, st.integers(60, 250).map(float),
                       st.integers(40, 150).map(float), st.one_of(st.none(), st.integers(40, 150).map(float)))


@given(st.lists(values, max_size=60))
def test_summary_properties(numbers):
    result = summary([Sample(0, 0, number) for number in numbers])
    assert result.count == len(numbers)
    if numbers:
        assert result.minimum <= result.mean <= result.maximum
    if len(numbers) > 1:
        assert result.sd >= 0
    shuffled = random.Random(len(numbers)).sample(numbers, len(numbers))
    again = summary([Sample(0, 0, number) for number in shuffled])          # order does not matter (numpy
    assert (again.count, again.minimum, again.maximum) == (result.count, result.minimum, result.maximum)
    # adds pairwise, so a sum in another order may differ in the last bits: far below the one decimal shown)
    for figure, before in ((again.mean, result.mean), (again.sd, result.sd)):
        assert figure == (before if before is None else pytest.approx(before, rel=1e-12, abs=1e-12))


@given(st.lists(glucose_samples, max_size=60))
def test_glucose_properties(samples):
    result = glucose(samples)
    counted = [s for s in samples if s.value is not None or s.flag]
    assert result.count == len(counted)
    if result.count:
        shares = (result.very_low, result.low, result.in_range, result.high, result.very_high)
        assert sum(shares) == pytest.approx(100.0)
        assert all(0 <= share <= 100 for share in shares)
        assert result.days == len({s.local_day for s in counted})
    if result.mean is not None:                  # 3.31 + 0.02392 * 0.5 * 18.016 = 3.53546 at the least
        assert result.gmi_percent > 3.5 and result.gmi_mmol_mol > 12.71
        assert (result.cv is None) == (result.sd is None) and (result.cv is None or result.cv >= 0)


@given(st.lists(bp_samples, max_size=40), st.integers(0, 3))
def test_blood_pressure_properties(samples, gap):
    result = blood_pressure(samples, allowed_gap=gap)
    assert sum(day.count for day in result.days) == len(samples)
    assert sum(series.count for series in result.series) == len(samples)
    assert sum(series.day_count for series in result.series) == len(result.days)
    for before, after in zip(result.series, result.series[1:]):
        assert (after.first_day - before.last_day).days > gap + 1     # more than `gap` empty days between
    for series in result.series:
        assert (series.systolic is None) == (series.used == 0) == (series.day_count == 1)


@given(st.lists(glucose_samples, max_size=60), st.integers(0, 6), st.integers(0, 20))
def test_adherence_properties(samples, per_day, length):
    start = date(2020, 9, 13)
    result = adherence(samples, per_day, start, start + timedelta(days=length))
    assert result.counted <= min(result.planned, result.done)
    assert result.done == len(in_period(samples, start, start + timedelta(days=length)))
    if result.planned:
        assert 0 <= result.percent <= 100
