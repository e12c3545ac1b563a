"""What a measure chart asks of the record: the data contract between the chart and the database.

The chart never holds all readings. For every view it asks for an *envelope*: at most one point per
pixel column, each the lowest and the highest reading in that column, so a spike in a million
readings still shows. When the view holds no more readings than columns, the readings come back
one by one (`exact`), with the sensor flags that a number cannot carry.

Binning rule (the database implementation must follow it, so tests on MemorySource hold for both):
readings with t0 <= t <= t1 are taken; reading t falls in column
    min(floor((t - t0) / (t1 - t0) * columns), columns - 1)
and a column's point is drawn at the column's centre, t0 + (column + 0.5) * (t1 - t0) / columns.
Empty columns are left out. A flagged reading has no number: it counts, and it sets the column's flag,
but it never moves the column's low or high.

Plain Python and numpy only (no Qt), so the record layer can implement it without the UI.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np

BELOW, ABOVE = "below_range", "above_range"
FLAG_CODES = {"": 0, BELOW: 1, ABOVE: 2}
Limits = tuple[float | None, float | None]  # a target's low and high; either may be open
EVENT_KINDS = ("medication_started", "medication_stopped", "medication_changed", "appointment", "admission")


@dataclass
class Envelope:
    """Points of one component over [t0, t1]; times in epoch seconds (UTC), ascending.

    exact:     each point is one reading, lows == highs; a flagged reading has NaN for its number.
    not exact: each point is one pixel column: the min and max of its readings (NaN when the column
               holds only flagged readings).
    flags:     per point '' | 'below_range' | 'above_range'; in a column that holds both kinds:
               'below_range above_range'.
    counts:    readings per point; None means one each (the exact case).
    """

    times: list[float]
    lows: list[float]
    highs: list[float]
    exact: bool
    flags: list[str]
    counts: list[int] | None = None

    def reading_count(self) -> int:
        return len(self.times) if self.counts is None else int(sum(self.counts))

    def between(self, t0: float, t1: float) -> "Envelope":
        """The points with t0 <= time <= t1 (the chart asks a little beyond the view; this is the view)."""
        keep = slice(bisect_left(self.times, t0), bisect_right(self.times, t1))
        return Envelope(self.times[keep], self.lows[keep], self.highs[keep], self.exact, self.flags[keep],
                        None if self.counts is None else self.counts[keep])


@dataclass(frozen=True)
class ChartEvent:
    at: float        # epoch seconds (UTC)
    kind: str        # one of EVENT_KINDS
    label: str       # e.g. the medicine's name, or where the appointment is


@dataclass(frozen=True)
class TargetBand:
    """The agreed target range; either side may be open. The second pair is blood pressure's diastolic."""

    low: float | None
    high: float | None
    low2: float | None = None
    high2: float | None = None


class ChartSource(Protocol):
    def span(self) -> tuple[float, float] | None:
        """The times of the first and the last reading, or None when there are none."""

    def envelope(self, t0: float, t1: float, columns: int, component: int = 0) -> Envelope:
        """Readings in [t0, t1], one by one or per column; component 1 = diastolic, 2 = pulse."""

    def target(self) -> TargetBand | None:
        """The target range in force, or None."""

    def events(self, t0: float, t1: float) -> list[ChartEvent]:
        """Record events with t0 <= at <= t1, in time order."""


class MemorySource:
    """The contract over arrays in memory: for tests, the benchmark and the sample charts.

    `values2` and `values3` are blood pressure's diastolic and pulse. `flags` holds '' or a flag per
    reading; a flagged reading's value is ignored.
    """

    def __init__(self, times: Sequence[float], values: Sequence[float], values2: Sequence[float] | None = None,
                 flags: Sequence[str] | None = None, target: TargetBand | None = None,
                 events: Sequence[ChartEvent] = (), values3: Sequence[float] | None = None) -> None:
        stamps = np.asarray(times, dtype=np.float64)
        order = np.argsort(stamps, kind="stable")
        codes = (np.zeros(len(stamps), dtype=np.int8) if flags is None
                 else np.array([FLAG_CODES[f or ""] for f in flags], dtype=np.int8))
        self._times, self._codes = stamps[order], codes[order]
        self._components = [None if v is None else self._values(v, order) for v in (values, values2, values3)]
        self._target = target
        self._events = sorted(events, key=lambda e: e.at)

    def _values(self, values: Sequence[float], order: np.ndarray) -> np.ndarray:
        array = np.asarray(values, dtype=np.float64)[order]
        array[self._codes != 0] = np.nan  # a flagged reading has no number
        return array

    def span(self) -> tuple[float, float] | None:
        return (float(self._times[0]), float(self._times[-1])) if len(self._times) else None

    def target(self) -> TargetBand | None:
        return self._target

    def events(self, t0: float, t1: float) -> list[ChartEvent]:
        return [e for e in self._events if t0 <= e.at <= t1]

    def envelope(self, t0: float, t1: float, columns: int, component: int = 0) -> Envelope:
        values = self._components[component] if 0 <= component < len(self._components) else None
        first = int(np.searchsorted(self._times, t0, side="left"))
        last = int(np.searchsorted(self._times, t1, side="right"))
        if values is None or last <= first:
            return Envelope([], [], [], True, [])
        window = slice(first, last)
        if last - first <= columns:
            return _exact(self._times[window], values[window], self._codes[window])
        return downsample(self._times[window], values[window], self._codes[window], t0, t1, columns)


def _exact(times: np.ndarray, values: np.ndarray, codes: np.ndarray) -> Envelope:
    names = ("", BELOW, ABOVE)
    as_list = values.tolist()
    return Envelope(times.tolist(), as_list, list(as_list), True, [names[c] for c in codes.tolist()])


def downsample(times: np.ndarray, values: np.ndarray, codes: np.ndarray,
               t0: float, t1: float, columns: int) -> Envelope:
    """One point per non-empty column: min and max (NaN-aware), flags and count (see the module's rule)."""
    edges = t0 + (t1 - t0) * np.arange(1, columns) / columns
    starts = np.concatenate(([0], np.searchsorted(times, edges, side="left")))
    ends = np.append(starts[1:], len(times))
    filled = np.flatnonzero(ends > starts)
    segments = starts[filled]
    # reduceat over the starts of non-empty columns only: each segment then ends where the next
    # non-empty column begins, which is exactly where its own column ends.
    with np.errstate(invalid="ignore"):
        lows = np.fmin.reduceat(values, segments)
        highs = np.fmax.reduceat(values, segments)
    centres = t0 + (filled + 0.5) * (t1 - t0) / columns
    return Envelope(centres.tolist(), lows.tolist(), highs.tolist(), False,
                    _column_flags(codes, segments), (ends[filled] - segments).tolist())


def _column_flags(codes: np.ndarray, segments: np.ndarray) -> list[str]:
    if not codes.any():
        return [""] * len(segments)
    below = np.logical_or.reduceat(codes == 1, segments)
    above = np.logical_or.reduceat(codes == 2, segments)
    names = ("", BELOW, ABOVE, BELOW + " " + ABOVE)
    return [names[i] for i in (below.astype(np.int8) + 2 * above.astype(np.int8)).tolist()]
