"""The glucose profile (AGP): period, sensor time, modal-day percentiles and daily profiles, checked against values
worked out independently (Python's statistics.quantiles, 'inclusive' = linear interpolation between readings)."""

import random
import statistics
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from phr.monitoring.agp import AGP_DAYS, PERCENTILES, agp, agp_period, sensor_interval
from phr.monitoring.samples import Sample, Samples

WINTER = 60  # minutes east of UTC
START = date(2026, 11, 1)


def sensor(at: datetime, value: float | None, flag: str = "") -> Sample:
    return Sample(int(at.replace(tzinfo=timezone(timedelta(minutes=WINTER))).timestamp()), WINTER, value, flag=flag,
                  method="sensor")


def two_weeks(every: int = 5, seed: int = 3) -> list[Sample]:
    chance = random.Random(seed)
    first = datetime.combine(START, datetime.min.time())
    return [sensor(first + timedelta(minutes=every * n), round(chance.uniform(2.5, 18.0), 1))
            for n in range(AGP_DAYS * 1440 // every)]


def percentile_by_hand(values: list[float], p: int) -> float:
    """The p-th percentile with linear interpolation: statistics.quantiles gives the 1st..99th cut points."""
    if p in (0, 100):
        return min(values) if p == 0 else max(values)
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def local_minute(sample: Sample) -> float:
    return ((sample.at + sample.offset * 60) % 86_400) / 60


def test_the_period_is_the_14_whole_days_before_the_export_day():
    assert agp_period(date(2026, 12, 5)) == (date(2026, 11, 21), date(2026, 12, 4))
    assert agp_period(date(2026, 12, 5), since=date(2026, 10, 1), until=date(2026, 10, 31)) == \
        (date(2026, 10, 1), date(2026, 10, 31))
    assert agp_period(date(2026, 12, 5), until=date(2026, 10, 31)) == (date(2026, 10, 18), date(2026, 10, 31))


@pytest.mark.parametrize("point", [0, 15, 7 * 60 + 30, 12 * 60, 23 * 60 + 45])
def test_modal_day_percentiles_match_a_hand_computation(point):
    samples = two_weeks()
    profile = agp(Samples.of(samples), START, START + timedelta(days=AGP_DAYS - 1))
    index = list(profile.modal.minutes).index(point)
    # The readings within half an hour of the point on any day, round midnight too.
    near = [s.value for s in samples
            if min(abs(local_minute(s) - point), 1440 - abs(local_minute(s) - point)) <= 30]
    assert len(near) == AGP_DAYS * 13  # 13 five-minute readings in a closed hour window, each day
    for p in PERCENTILES:
        assert profile.modal.percentiles[p][index] == pytest.approx(percentile_by_hand(near, p), abs=1e-9), p


def test_sensor_time_interval_and_daily_profiles():
    samples = two_weeks(every=15)
    kept = [s for n, s in enumerate(samples) if not (96 * 3 <= n < 96 * 5)]  # two days without the sensor
    profile = agp(Samples.of(kept), START, START + timedelta(days=AGP_DAYS - 1))
    assert profile.interval == 15
    assert profile.active == pytest.approx(12 / 14 * 100)
    assert [len(day.values) for day in profile.days] == [96, 96, 96, 0, 0] + [96] * 9
    assert profile.days[0].day == START and profile.days[0].minutes[1] == 15
    # The figures are the sensor readings' own: time in range by the shown value, as the consensus bands it.
    values = [s.value for s in kept]
    in_range = sum(3.85 <= v < 10.05 for v in values) / len(values) * 100
    assert profile.figures.result.in_range == pytest.approx(in_range)


def test_only_sensor_readings_make_a_profile_and_flags_stay_out_of_the_percentiles():
    first = datetime.combine(START, datetime.min.time())
    finger = [Sample(sensor(first + timedelta(hours=n), 5.0).at, WINTER, 5.0, method="fingerstick") for n in range(9)]
    assert agp(Samples.of(finger), START, START) is None
    readings = [sensor(first + timedelta(minutes=5 * n), 6.0) for n in range(288)]
    readings[10] = sensor(first + timedelta(minutes=50), None, flag="below_range")
    profile = agp(Samples.of(readings + finger), START, START)
    assert profile.readings == 288 and profile.figures.result.very_low == pytest.approx(100 / 288)
    assert np.nanmin(profile.modal.percentiles[5]) == 6.0  # the Low has no number to rank


def test_the_interval_is_the_commonest_gap():
    first = datetime.combine(START, datetime.min.time())
    readings = [sensor(first + timedelta(minutes=5 * n), 6.0) for n in range(50)]
    readings += [sensor(first + timedelta(hours=10, minutes=15 * n), 6.0) for n in range(10)]
    assert sensor_interval(Samples.of(readings)) == 5
