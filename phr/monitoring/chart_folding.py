"""A measure chart's pixel columns, folded with numpy from what was read of the view and its neighbours.

Panning asks for nearly the same stretch again and again. Reading it anew each time (grouped by
column in SQL, then folded row by row in Python) cost a month's view 48 ms and a year's 73 ms on a
lifetime of sensor readings. Here the rows of a stretch three times as wide as asked (the stretch
and as much again on either side) are read once, as numpy columns, and every view inside it is
folded in memory: a pan reads nothing until it leaves that stretch.

The result is the one the record gave before, number for number (tests/monitoring/test_chart_folding.py
holds the two side by side):
- a view whose hours hold at most max(EXACT_LIMIT, 2 * columns) readings comes reading by reading;
- otherwise one point per non-empty pixel column: its lowest and highest value, from the day
  summaries when a column is at least a day wide, from the hour summaries when at least an hour,
  else from the readings (pulse, which the summaries leave out, always from the readings); how
  many readings it holds (from the same summaries, or the readings); and the sensor's Low and High
  readings in it (component 0 only). A column with only those gets NaN extremes.
Reading t (a summary: its middle, bucket * size + size // 2) falls in column
min(columns - 1, max(0, int((t - first) * columns / max(1, last - first)))), as
phr.storage.repos.reading_columns.column_of says, drawn at its centre.

What was read is forgotten when the record changes (phr.storage.reading_envelope.change_stamp:
this session's writes and other programs' commits), so a pan after an import shows the new readings.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from phr.storage import reading_envelope
from phr.storage.repos.reading_rows import DAY, FLAGS, HOUR
from phr.storage.repos.readings import EXACT_LIMIT

BELOW, ABOVE = FLAGS[1], FLAGS[2]  # 'below_range', 'above_range'
# A column's flags as one text, by the codes' bits (1 below, 2 above), as the chart's contract spells them.
FLAG_TEXTS = ("", BELOW, ABOVE, f"{BELOW} {ABOVE}")
# The summaries' columns per component: (low, high) of value and value2; pulse has none.
SUMMARY_COLUMNS = {0: ("vmin", "vmax"), 1: ("v2min", "v2max")}
READING_COLUMNS = ("value", "value2", "value3")


@dataclass(frozen=True)
class Folded:
    """Points of one component, as phr.ui.charts.source.Envelope holds them (counts None: one reading each)."""

    times: list[float]
    lows: list[float]
    highs: list[float]
    exact: bool
    flags: list[str]
    counts: list[int] | None = None


EMPTY = Folded([], [], [], True, [])


class Stretch:
    """Rows read for keys lo..hi (bucket numbers or seconds), as numpy columns; `keys` ascending."""

    def __init__(self, lo: int, hi: int, keys: np.ndarray, columns: dict[str, np.ndarray]) -> None:
        self.lo, self.hi, self.keys, self.columns = lo, hi, keys, columns

    def window(self, lo: int, hi: int) -> slice:
        """The rows with lo <= key <= hi."""
        return slice(int(np.searchsorted(self.keys, lo, "left")), int(np.searchsorted(self.keys, hi, "right")))

    def within(self, lo: int, hi: int) -> "Stretch":
        keep = self.window(lo, hi)
        return Stretch(max(lo, self.lo), min(hi, self.hi), self.keys[keep],
                       {name: column[keep] for name, column in self.columns.items()})


def joined(parts: list[Stretch]) -> Stretch:
    """Stretches that follow each other without a gap, as one."""
    return Stretch(parts[0].lo, parts[-1].hi, np.concatenate([part.keys for part in parts]),
                   {name: np.concatenate([part.columns[name] for part in parts]) for name in parts[0].columns})


class Cached:
    """One kind of rows (hour summaries, day summaries or readings) of the stretch read last.

    A view that leaves it gets a stretch three times its own width (the neighbours: as much again on
    either side, so pans read nothing for a while); what of that was held already is kept, and only
    the rest is read: a pan that runs on reads a third.
    """

    def __init__(self, read: Callable[[int, int], Stretch]) -> None:
        self._read = read
        self._stretch: Stretch | None = None

    def covering(self, lo: int, hi: int) -> Stretch:
        held = self._stretch
        if held is not None and held.lo <= lo and hi <= held.hi:
            return held
        wide = hi - lo + 1
        lo, hi = lo - wide, hi + wide
        if held is None or hi < held.lo or lo > held.hi:
            self._stretch = self._read(lo, hi)
        else:
            before = [self._read(lo, held.lo - 1)] if lo < held.lo else []
            after = [self._read(held.hi + 1, hi)] if hi > held.hi else []
            self._stretch = joined([*before, held.within(lo, hi), *after])
        return self._stretch


def _summaries(rows: list, lo: int, hi: int) -> Stretch:
    table = np.array(rows, dtype=np.float64).reshape(-1, 6)  # NULL extremes become NaN
    names = ("n", "vmin", "vmax", "v2min", "v2max")
    keys = table[:, 0].astype(np.int64)  # bucket numbers: exact in a float
    return Stretch(lo, hi, keys, {name: table[:, i + 1] for i, name in enumerate(names)})


def _readings(rows: list, lo: int, hi: int) -> Stretch:
    table = np.array(rows, dtype=np.float64).reshape(-1, 6)
    keys = table[:, 0].astype(np.int64)  # epoch seconds: exact in a float
    if len(keys) > 1 and not (np.diff(keys) > 0).all():  # readings at one moment: in id order, as stored
        order = np.lexsort((table[:, 5], keys))
        table, keys = table[order], keys[order]
    flags = table[:, 4].astype(np.int8)
    return Stretch(lo, hi, keys, {"value": table[:, 1], "value2": table[:, 2], "value3": table[:, 3], "flag": flags})


def columns_of(at: np.ndarray, first: int, last: int, columns: int) -> np.ndarray:
    """Each moment's pixel column (int() truncates toward zero, as astype does; the quotient rounds alike)."""
    return np.clip(((at - first) * columns / max(1, last - first)).astype(np.int64), 0, columns - 1)


class ChartFolding:
    """The envelope of one measure over a record session, folded in memory (see the module's text)."""

    def __init__(self, session, measure: str) -> None:
        self._db, self._measure = session.db, measure
        self._stamp: tuple[int, int] | None = None
        self._forget()

    def _forget(self) -> None:
        db, measure = self._db, self._measure
        self._hours = Cached(lambda lo, hi: _summaries(reading_envelope.buckets(db, measure, HOUR, lo, hi), lo, hi))
        self._days = Cached(lambda lo, hi: _summaries(reading_envelope.buckets(db, measure, DAY, lo, hi), lo, hi))
        self._readings = Cached(lambda lo, hi: _readings(reading_envelope.readings(db, measure, lo, hi), lo, hi))
        self._flagged: tuple[list[int], np.ndarray] | None = None

    def _follow_changes(self) -> None:
        stamp = reading_envelope.change_stamp(self._db)
        if stamp != self._stamp:
            self._forget()
            self._stamp = stamp

    def span(self) -> tuple[int, int] | None:
        """(first, last) epoch of the readings not deleted."""
        return reading_envelope.span(self._db, self._measure)

    def envelope(self, first: int, last: int, columns: int, component: int = 0) -> Folded:
        """Readings with first <= taken_at <= last (epoch seconds), one by one or per pixel column."""
        self._follow_changes()
        columns = max(1, columns)
        if last < first:
            return EMPTY
        width = (last - first) / columns
        if self._few(first, last, width, max(EXACT_LIMIT, 2 * columns)):
            return self._exact(first, last, component)
        size = DAY if width >= DAY else HOUR if width >= HOUR else None
        value_size = size if component in SUMMARY_COLUMNS else None
        times, lows, highs = self._extremes(first, last, columns, component, value_size)
        counts = self._counts(first, last, columns, size)
        return self._with_flags(first, last, columns, component, (times, lows, highs), counts)

    # -- how many ------------------------------------------------------------------------------------

    def _few(self, first: int, last: int, width: float, most: int) -> bool:
        """Whether the hours from first's to last's hold at most `most` readings (hour summaries' n)."""
        lo, hi = first // HOUR, last // HOUR
        if width < DAY:  # a narrow view: the hour summaries of its stretch are few
            return self._n(self._hours.covering(lo, hi), lo, hi) <= most
        days = self._days.covering(first // DAY, last // DAY)
        if self._n(days, first // DAY, last // DAY) <= most:  # every day it touches: no fewer
            return True
        inside = (lo + 23) // 24, (hi + 1) // 24 - 1  # the days whose hours all count
        if inside[0] <= inside[1] and self._n(days, *inside) > most:
            return False
        edges = reading_envelope.buckets(self._db, self._measure, HOUR, lo, hi)  # in between: count the hours
        return sum(row[1] for row in edges) <= most

    @staticmethod
    def _n(stretch: Stretch, lo: int, hi: int) -> int:
        return int(stretch.columns["n"][stretch.window(lo, hi)].sum())

    def _counts(self, first: int, last: int, columns: int, size: int | None) -> np.ndarray:
        """Readings per column (flagged ones too), from the summaries of that size or the readings."""
        if size is None:
            held = self._readings.covering(first, last)
            keep = held.window(first, last)
            at, numbers = held.keys[keep], None
        else:
            held = self._summary(size).covering(first // size, last // size)
            keep = held.window(first // size, last // size)
            at, numbers = held.keys[keep] * size + size // 2, held.columns["n"][keep]
        return np.bincount(columns_of(at, first, last, columns), weights=numbers, minlength=columns)

    def _summary(self, size: int) -> Cached:
        return self._days if size == DAY else self._hours

    # -- which values ---------------------------------------------------------------------------------

    def _exact(self, first: int, last: int, component: int) -> Folded:
        held = self._readings.covering(first, last)
        keep = held.window(first, last)
        values, flags = held.columns[READING_COLUMNS[component]][keep], held.columns["flag"][keep]
        shown = ~np.isnan(values) | (flags > 0)
        lows = values[shown].tolist()
        return Folded(held.keys[keep][shown].astype(np.float64).tolist(), lows, list(lows), True,
                      [FLAGS[code] for code in flags[shown].tolist()])

    def _extremes(self, first: int, last: int, columns: int, component: int,
                  size: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(column, lowest, highest) of every column that holds a value of this component."""
        if size is None:
            held = self._readings.covering(first, last)
            keep = held.window(first, last)
            at = held.keys[keep]
            lows = highs = held.columns[READING_COLUMNS[component]][keep]
        else:
            held = self._summary(size).covering(first // size, last // size)
            keep = held.window(first // size, last // size)
            at = held.keys[keep] * size + size // 2
            low, high = SUMMARY_COLUMNS[component]
            lows, highs = held.columns[low][keep], held.columns[high][keep]
        numbers = ~np.isnan(lows)
        found = columns_of(at[numbers], first, last, columns)
        if not len(found):
            return found, found.astype(np.float64), found.astype(np.float64)
        starts = np.flatnonzero(np.concatenate(([True], found[1:] != found[:-1])))
        return (found[starts], np.minimum.reduceat(lows[numbers], starts),
                np.maximum.reduceat(highs[numbers], starts))

    # -- the sensor's Low and High --------------------------------------------------------------------

    def _flag_bits(self, first: int, last: int, columns: int) -> np.ndarray:
        """Per column 1 (a Low), 2 (a High), 3 (both) or 0."""
        if self._flagged is None:
            rows = reading_envelope.flagged(self._db, self._measure)
            self._flagged = ([at for at, _ in rows], np.array([code for _, code in rows], dtype=np.int64))
        times, codes = self._flagged
        start, end = bisect_left(times, first), bisect_right(times, last)
        found = columns_of(np.array(times[start:end], dtype=np.int64), first, last, columns)
        bits = np.zeros(columns, dtype=np.int64)
        np.bitwise_or.at(bits, found, codes[start:end])
        return bits

    def _with_flags(self, first: int, last: int, columns: int, component: int,
                    extremes: tuple[np.ndarray, np.ndarray, np.ndarray], counts: np.ndarray) -> Folded:
        found, lows, highs = extremes
        span = max(1, last - first)
        times = first + (found + 0.5) * span / columns
        # A sensor's Low or High is about its one value: never about blood pressure's second or third.
        bits = self._flag_bits(first, last, columns) if component == 0 else np.zeros(columns, dtype=np.int64)
        only = np.setdiff1d(np.flatnonzero(bits), found)
        if len(only):  # columns with only a Low or High: drawn where the column is, without a value
            found = np.concatenate((found, only))
            order = np.argsort(found, kind="stable")
            found = found[order]
            times = np.concatenate((times, first + (only + 0.5) * ((last - first) / columns)))[order]
            lows = np.concatenate((lows, np.full(len(only), np.nan)))[order]
            highs = np.concatenate((highs, np.full(len(only), np.nan)))[order]
        return Folded(times.tolist(), lows.tolist(), highs.tolist(), False,
                      [FLAG_TEXTS[bit] for bit in bits[found].tolist()],
                      np.maximum(counts[found], 1).astype(np.int64).tolist())
