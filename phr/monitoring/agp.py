"""The ambulatory glucose profile (AGP): what a diabetes or endocrine clinic reads of sensor glucose.

After the international consensus on CGM reporting (Battelino et al., Diabetes Care 2019): 14
days of sensor readings, the share of time the sensor was active, the time in ranges, mean, GMI
and CV, the "modal day" (all days laid over one 24-hour clock: median, 25–75 % and 5–95 % of the
readings at each time of day) and each day's own profile.

The modal day is computed per 15 minutes of the clock from the readings within half an hour of
it on any day (a one-hour window, wrapping round midnight): with one reading per 5 or 15 minutes
that is 56 to 168 readings per point over 14 days, enough for a 5th percentile, and a smooth line
without a smoothing formula. Percentiles interpolate linearly between readings (numpy's default,
Python's statistics.quantiles 'inclusive'). A sensor Low or High without a number is not in the
percentiles (it has none), but it is in the time in ranges.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from phr.monitoring.figures import GlucoseFigures, glucose_figures
from phr.monitoring.samples import Samples, day_number, day_of, distinct

AGP_DAYS = 14
PERCENTILES = (5, 25, 50, 75, 95)
STEP_MINUTES = 15                   # one point of the modal day every 15 minutes
HALF_WINDOW_MINUTES = 30            # readings within half an hour of a point count for it
MINUTES_PER_DAY = 1440
ACTIVE_GOAL = 70.0                  # % of the time the sensor should have read for the figures to hold


@dataclass(frozen=True)
class ModalDay:
    minutes: np.ndarray                       # the points, minutes after midnight (0, 15, ... 1425)
    percentiles: dict[int, np.ndarray]        # per percentile (5 .. 95) a value per point; NaN without readings


@dataclass(frozen=True)
class DayProfile:
    day: date
    minutes: np.ndarray                       # local time of day of each reading, in minutes
    values: np.ndarray                        # mmol/L


@dataclass(frozen=True)
class Agp:
    start: date
    end: date
    interval: int                             # the sensor's usual minutes between readings
    active: float                             # % of the period's time the sensor read (0..100)
    figures: GlucoseFigures                   # time in ranges, mean, CV, GMI of the sensor readings
    modal: ModalDay
    days: tuple[DayProfile, ...]              # every day of the period, oldest first, also days without readings

    @property
    def readings(self) -> int:
        return self.figures.readings


def agp_period(today: date, since: date | None = None, until: date | None = None) -> tuple[date, date]:
    """The 14 whole days before `today` (the export day), or the chosen days when there are any."""
    if since or until:
        end = until or today
        return since or end - timedelta(days=AGP_DAYS - 1), end
    end = today - timedelta(days=1)
    return end - timedelta(days=AGP_DAYS - 1), end


def agp(samples: Samples, start: date, end: date) -> Agp | None:
    """The profile of the SENSOR readings among `samples` in start..end; None when there are none."""
    sensor = samples.in_days(start, end)
    sensor = sensor.where(sensor.sensor)
    if not len(sensor):
        return None
    interval = sensor_interval(sensor)
    days = (end - start).days + 1
    return Agp(start, end, interval, active_share(sensor, interval, days), glucose_figures(sensor),
               modal_day(sensor), day_profiles(sensor, start, end))


def sensor_interval(sensor: Samples) -> int:
    """The sensor's usual minutes between readings (5 for Dexcom, 15 for Libre): the commonest gap."""
    gaps = np.diff(distinct(sensor.at)) // 60
    gaps = gaps[(gaps >= 1) & (gaps <= 60)]
    if not len(gaps):
        return STEP_MINUTES
    return int(np.bincount(gaps).argmax())


def active_share(sensor: Samples, interval: int, days: int) -> float:
    """% of the period's time slots of `interval` minutes that hold at least one sensor reading."""
    slots = len(distinct(sensor.local_seconds // (interval * 60)))
    return min(100.0, slots / (days * MINUTES_PER_DAY / interval) * 100)


def minute_of_day(samples: Samples) -> np.ndarray:
    """Local clock time of each reading, in minutes after midnight (with seconds as a fraction)."""
    return (samples.local_seconds % 86_400) / 60


def modal_day(samples: Samples) -> ModalDay:
    """Percentiles per 15 minutes of the clock, from the readings within half an hour of each point."""
    values = samples.number()
    known = ~np.isnan(values)
    order = np.argsort(minute_of_day(samples)[known], kind="stable")
    clock, values = minute_of_day(samples)[known][order], values[known][order]
    # The evening before and the morning after the clock too, so a window over midnight is one slice.
    clock = np.concatenate([clock - MINUTES_PER_DAY, clock, clock + MINUTES_PER_DAY])
    values = np.concatenate([values, values, values])
    points = np.arange(0, MINUTES_PER_DAY, STEP_MINUTES, dtype=np.float64)
    firsts = np.searchsorted(clock, points - HALF_WINDOW_MINUTES, side="left")
    lasts = np.searchsorted(clock, points + HALF_WINDOW_MINUTES, side="right")
    table = np.full((len(PERCENTILES), len(points)), np.nan)
    for index, (first, last) in enumerate(zip(firsts, lasts)):
        if last > first:
            table[:, index] = np.percentile(values[first:last], PERCENTILES)
    return ModalDay(points, {p: table[row] for row, p in enumerate(PERCENTILES)})


def day_profiles(samples: Samples, start: date, end: date) -> tuple[DayProfile, ...]:
    values = samples.number()
    known = ~np.isnan(values)
    order = np.argsort(samples.day[known], kind="stable")
    days, clock, values = samples.day[known][order], minute_of_day(samples)[known][order], values[known][order]
    numbers = np.arange(day_number(start), day_number(end) + 1)
    bounds = np.searchsorted(days, numbers, side="left"), np.searchsorted(days, numbers, side="right")
    return tuple(DayProfile(day_of(int(number)), clock[first:last], values[first:last])
                 for number, first, last in zip(numbers, *bounds))
