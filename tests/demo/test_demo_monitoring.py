"""The sample record's readings: sensor times step in real time across the clock changes."""

import random
from datetime import date, timedelta, timezone
from types import SimpleNamespace

import pytest

from phr.demo import monitoring as demo_monitoring


class Collected:
    def __init__(self):
        self.readings = []

    def add_batch(self, readings, *_args, **_kwargs):
        self.readings.extend(readings)


# The last sensor period then holds 29 March (spring) or 25 October (autumn).
@pytest.mark.parametrize("today", [date(2026, 4, 10), date(2026, 11, 5)])
def test_sensor_readings_are_every_15_minutes_in_real_time_through_a_clock_change(today):
    services = SimpleNamespace(readings=Collected())
    demo_monitoring._glucose(services, today, random.Random(1))
    moments = [r.taken_at.astimezone(timezone.utc) for r in services.readings.readings]
    last_period = moments[-14 * 96:]
    assert all(b - a == timedelta(minutes=15) for a, b in zip(last_period, last_period[1:]))
    assert len(set(moments)) == len(moments)
    assert all(r.taken_at.utcoffset() == r.taken_at.astimezone(demo_monitoring.AMSTERDAM).utcoffset()
               for r in services.readings.readings)
