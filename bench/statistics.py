"""Statistics of a year of glucose: the issue's target is at most 3x a bare numpy computation, and under 1 s.

Measured: every figure the app and the PDFs show for one measure over a year, through the code they use:
phr.monitoring.figures (summary, target share, time in ranges, mean, SD, CV, GMI, of the sensor readings and
of the others apart) and phr.monitoring.agp (sensor time, modal day, daily profiles), on 1 million readings
(a sensor every 5 minutes for a year, plus finger pricks), already read into columns.
Baseline: the same figures written as bare numpy on the bare arrays, in the same run: the least any
implementation on numpy has to do.
"""

from datetime import date, timedelta

import numpy as np

from bench.common import Result, median_seconds
from phr.monitoring.agp import agp
from phr.monitoring.figures import figures_of
from phr.monitoring.measures import CATALOGUE
from phr.monitoring.samples import SENSOR_CODE, Samples
from phr.monitoring.statistics import EDGES
from phr.monitoring.targets import Target

LIMIT = 3.0
TARGET_SECONDS = 1.0
READINGS = 1_000_000
START = date(2025, 1, 1)
END = START + timedelta(days=364)


def _columns() -> tuple[np.ndarray, ...]:
    chance = np.random.default_rng(5)
    first = int((START - date(1970, 1, 1)).days * 86_400) - 3600
    at = np.sort(chance.integers(first, first + 365 * 86_400, READINGS))
    values = np.round(chance.gamma(9.0, 0.8, READINGS), 1)
    method = np.where(chance.random(READINGS) < 0.9, SENSOR_CODE, 3).astype(np.int8)
    return at, np.full(READINGS, 60), values, method


def _bare(at: np.ndarray, values: np.ndarray, method: np.ndarray) -> tuple:
    """Every figure, with nothing but numpy on the arrays."""
    day = (at + 3600) // 86_400
    out: list[object] = []
    for part in (method == SENSOR_CODE, method != SENSOR_CODE):
        v = values[part]
        counts = np.bincount(np.searchsorted(EDGES, v, side="right"), minlength=5)
        mean = v.mean()
        sd = np.sqrt(np.sum((v - mean) ** 2) / (len(v) - 1))
        out.append((counts / len(v) * 100, mean, sd, sd / mean * 100, 3.31 + 0.02392 * mean * 18.016,
                    np.count_nonzero(np.bincount(day[part] - day.min()))))
    out.append((values.min(), values.max(), np.count_nonzero((values < 3.9) | (values > 10.0))))
    sensor, clock = values[method == SENSOR_CODE], ((at[method == SENSOR_CODE] + 3600) % 86_400) / 60
    order = np.argsort(clock, kind="stable")
    clock, sensor = clock[order], sensor[order]
    clock, sensor = np.concatenate([clock - 1440, clock, clock + 1440]), np.concatenate([sensor] * 3)
    points = np.arange(0, 1440, 15.0)
    lows, highs = np.searchsorted(clock, points - 30), np.searchsorted(clock, points + 30, side="right")
    out.append([np.percentile(sensor[a:b], (5, 25, 50, 75, 95)) for a, b in zip(lows, highs)])
    slots = np.count_nonzero(np.diff((at[method == SENSOR_CODE] + 3600) // 300)) + 1  # at is sorted
    sensor_days = day[method == SENSOR_CODE]
    order = np.argsort(sensor_days, kind="stable")
    bounds = np.flatnonzero(np.diff(sensor_days[order])) + 1
    out.append((slots, np.split(values[method == SENSOR_CODE][order], bounds)))
    return tuple(out)


def run() -> Result:
    at, offset, values, method = _columns()
    measure, target = CATALOGUE["glucose"], Target("glucose", 3.9, 10.0)

    def ours() -> None:
        samples = Samples(at, offset, np.column_stack([values, np.full(READINGS, np.nan), np.full(READINGS, np.nan)]),
                          np.zeros(READINGS), method)
        figures = figures_of(measure, samples, START, END, target)
        profile = agp(samples, START, END)
        assert figures.glucose is not None and profile is not None

    measured = median_seconds(ours, repeat=3)
    baseline = median_seconds(lambda: _bare(at, values, method), repeat=3)
    return Result("statistics, 1 million glucose readings, a year", measured, baseline, LIMIT,
                  [f"every figure of the app and the PDFs: {measured:.3f} s (target under {TARGET_SECONDS:.0f} s)"],
                  absolute_limit=TARGET_SECONDS)
