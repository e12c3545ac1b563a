"""Home blood pressure: means per day and per measuring series, the first day of a series left out.

The Dutch GP guideline (NHG-Standaard Cardiovasculair risicomanagement) has a patient measure at
home for up to 7 days in a row, morning and evening, and leaves out the first day, whose readings
tend to run higher (the European ESH protocol does the same). Its result is the mean of the
remaining readings. We do the same for every measuring series found in the readings:

- A series is a run of local dates with readings. One day without readings (a forgotten day) does
  not break it; a longer gap starts a new series (`allowed_gap`, in days without readings).
- The series mean is the mean of all READINGS from the second day on, not the mean of the day
  means, as the protocol prescribes; a day with more readings weighs more.
- A series of one day has no mean (None): after leaving out its first day nothing is left, and
  the protocol gives no result for it. Its day mean is still in `days`.

What the monitor noticed (irregular heartbeat, possible AFib, movement, cuff fit: DeviceFlag bits per
reading) is counted per flag over the period's readings (`device_flag_counts`). Flagged readings stay in
the means: the monitor's symbols say a reading may be less reliable, not that it is wrong.

Pure functions on numpy columns; grouping by local date as in `phr.monitoring.statistics`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from phr.core.vocabulary import DeviceFlag
from phr.monitoring.samples import Sample, Samples, day_of
from phr.monitoring.statistics import mean_and_sd, mean_of


@dataclass(frozen=True)
class BloodPressureDay:
    day: date                       # local date
    count: int                      # readings with systolic and diastolic
    systolic: float                 # mean, mmHg
    diastolic: float
    pulse: float | None             # mean over the readings that have a pulse; None if none has


@dataclass(frozen=True)
class BloodPressureSeries:
    first_day: date                 # the day that is left out of the mean
    last_day: date
    day_count: int                  # days with readings, the first day included
    count: int                      # all readings in the series
    used: int                       # readings in the mean: those after the first day
    systolic: float | None          # mean from the second day on; None for a one-day series
    diastolic: float | None
    pulse: float | None


@dataclass(frozen=True)
class BloodPressureStats:
    days: tuple[BloodPressureDay, ...]        # oldest first
    series: tuple[BloodPressureSeries, ...]   # oldest first


@dataclass(frozen=True)
class FlagCount:
    flag: DeviceFlag
    count: int                                # readings with this flag
    last_day: date                            # the local date of the latest of them


@dataclass(frozen=True)
class DeviceFlagCounts:
    """How many of the readings the monitor flagged, per flag; a reading may have more than one."""

    readings: int                             # all readings counted
    flagged: int                              # readings with at least one flag
    counts: tuple[FlagCount, ...]             # per flag seen, in the vocabulary's order; flags not seen left out

    def of(self, flag: DeviceFlag) -> FlagCount | None:
        return next((one for one in self.counts if one.flag == flag), None)


SERIES_GAP_DAYS = 1  # a series goes on over one day without readings; two such days end it


def blood_pressure(samples: Iterable[Sample] | Samples, allowed_gap: int = SERIES_GAP_DAYS) -> BloodPressureStats:
    """Means per local day and per measuring series (value systolic, value2 diastolic, value3 pulse).

    A reading without systolic or diastolic is left out; one without pulse counts for the pressures.
    """
    columns = Samples.of(samples)
    pairs = columns.where(~np.isnan(columns.number(1)) & ~np.isnan(columns.number(2)))
    per_day = {int(day): pairs.values[pairs.day == day] for day in np.unique(pairs.day)}
    days = sorted(per_day)
    return BloodPressureStats(
        tuple(_day(day, per_day[day]) for day in days),
        tuple(_series(run, per_day) for run in _runs(days, allowed_gap)))


def _runs(days: list[int], allowed_gap: int) -> list[list[int]]:
    """Sorted day numbers split where more than `allowed_gap` days without readings lie between two."""
    runs: list[list[int]] = []
    for day in days:
        if runs and day - runs[-1][-1] - 1 <= allowed_gap:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _day(day: int, readings: np.ndarray) -> BloodPressureDay:
    """`readings` (rows of systolic, diastolic, pulse) all have a systolic and a diastolic number."""
    pulse = _known(readings[:, 2])
    return BloodPressureDay(day_of(day), len(readings), mean_of(readings[:, 0]), mean_of(readings[:, 1]),
                            mean_of(pulse) if len(pulse) else None)


def _series(run: list[int], per_day: dict[int, np.ndarray]) -> BloodPressureSeries:
    used = np.concatenate([per_day[day] for day in run[1:]]) if len(run) > 1 else np.empty((0, 3))
    systolic, diastolic, pulse = (mean_and_sd(_known(used[:, column]))[0] for column in range(3))
    count = sum(len(per_day[day]) for day in run)
    return BloodPressureSeries(day_of(run[0]), day_of(run[-1]), len(run), count, len(used), systolic, diastolic,
                               pulse)


def _known(numbers: np.ndarray) -> np.ndarray:
    return numbers[~np.isnan(numbers)]


def device_flag_counts(samples: Iterable[Sample] | Samples) -> DeviceFlagCounts:
    """Per DeviceFlag the readings that carry it, over every reading given (one without numbers too)."""
    columns = Samples.of(samples)
    device = columns.device
    counts = []
    for flag in DeviceFlag:
        has = (device & flag) != 0
        if has.any():
            counts.append(FlagCount(flag, int(np.count_nonzero(has)), day_of(int(columns.day[has].max()))))
    return DeviceFlagCounts(len(device), int(np.count_nonzero(device)), tuple(counts))
