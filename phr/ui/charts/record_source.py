"""The chart source over an open record: readings, the target in force and the record's events.

Readings come through ReadingService.envelope (one point per pixel column, or reading by reading
when they are few). The storage layer gives a flagged exact reading the value None; the chart wants
NaN. For a downsampled view the storage gives only the extremes, so the readings per column and the
sensor flags per column are added here (phr.monitoring.reading_columns): a year of sensor readings then still
says how many readings it holds and where the sensor read Low or High; a column that holds only
flagged readings gets NaN extremes, as the contract in source.py asks. The Low and High readings
are few; they are read once per source (about 0.15 s for a million readings) and placed in columns
in memory at every redraw.

Events (medicines started, stopped or changed; appointments; admissions from the diary) are read
once per source and kept: the chart asks for them on every redraw. The page makes a new source when
the record changes. Dates without a time ('2019', '2019-05', '2019-05-14') are placed on their
first day at noon; local times are Europe/Amsterdam wall-clock times, as the record stores them.
"""

import math
from bisect import bisect_left, bisect_right
from datetime import datetime, time
from zoneinfo import ZoneInfo

from phr.core import partial_date
from phr.monitoring.reading_columns import ChartColumns, column_of
from phr.monitoring.readings import EnvelopeRows
from phr.record.services import RecordServices
from phr.ui.charts.source import ChartEvent, Envelope, TargetBand

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NAN = float("nan")
MEDICATION_KINDS = {"medication_start": "medication_started", "medication_stop": "medication_stopped",
                    "medication_change": "medication_changed"}
TIMELINE_PAGE = 500
LABEL_LENGTH = 40


def local_epoch(text: str) -> float | None:
    """'2026-03-05T14:30' (Amsterdam) or a partial date (its first day at noon) as epoch seconds."""
    try:
        if "T" in text:
            return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM).timestamp()
        first = partial_date.earliest(text)
    except (TypeError, ValueError):
        return None  # an odd stored value must never break a chart
    return None if first is None else datetime.combine(first, time(12), AMSTERDAM).timestamp()


def _short(text: str) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= LABEL_LENGTH else line[:LABEL_LENGTH - 1].rstrip() + "…"


class RecordChartSource:
    def __init__(self, services: RecordServices, measure_key: str) -> None:
        self._services, self._key = services, measure_key
        self._columns = ChartColumns(services.session)
        self._events: list[ChartEvent] | None = None
        self._flagged: tuple[list[int], list[str]] | None = None  # the sensor's Low/High readings, read once

    def span(self) -> tuple[float, float] | None:
        span = self._columns.span(self._key)
        return None if span is None else (float(span[0]), float(span[1]))

    def target(self) -> TargetBand | None:
        target = self._services.targets.current(self._key)
        if target is None:
            return None
        return TargetBand(target.target_low, target.target_high, target.target_low2, target.target_high2)

    def envelope(self, t0: float, t1: float, columns: int, component: int = 0) -> Envelope:
        first, last, columns = math.ceil(t0), math.floor(t1), max(1, int(columns))
        if last < first:
            return Envelope([], [], [], True, [])
        rows = self._services.readings.envelope(self._key, first, last, columns, component)
        if rows.exact:
            lows = [NAN if v is None else float(v) for v in rows.lows]
            return Envelope(list(rows.times), lows, list(lows), True, list(rows.flags))
        return self._with_extras(rows, first, last, columns, component)

    def _with_extras(self, rows: EnvelopeRows, first: int, last: int, columns: int, component: int) -> Envelope:
        """Add readings per column and flags per column; flag-only columns get NaN extremes."""
        counts = self._columns.counts(self._key, first, last, columns)
        # A sensor's Low or High is about its one value: never about blood pressure's second or third.
        flags = self._flags_per_column(first, last, columns) if component == 0 else {}
        points = {column_of(at, first, last, columns): (at, low, high)
                  for at, low, high in zip(rows.times, rows.lows, rows.highs)}
        width = (last - first) / columns
        for column in flags.keys() - points.keys():
            points[column] = (first + (column + 0.5) * width, NAN, NAN)
        order = sorted(points)
        return Envelope([points[c][0] for c in order], [points[c][1] for c in order], [points[c][2] for c in order],
                        False, [" ".join(sorted(flags.get(c, ()), reverse=True)) for c in order],
                        [max(1, counts.get(c, 1)) for c in order])

    def _flags_per_column(self, first: int, last: int, columns: int) -> dict[int, set[str]]:
        if self._flagged is None:
            rows = self._columns.flagged(self._key)
            self._flagged = ([at for at, _ in rows], [flag for _, flag in rows])
        times, names = self._flagged
        found: dict[int, set[str]] = {}
        for index in range(bisect_left(times, first), bisect_right(times, last)):
            found.setdefault(column_of(times[index], first, last, columns), set()).add(names[index])
        return found

    def events(self, t0: float, t1: float) -> list[ChartEvent]:
        if self._events is None:
            self._events = sorted(self._medication_events() + self._appointments() + self._admissions(),
                                  key=lambda e: e.at)
        return [event for event in self._events if t0 <= event.at <= t1]

    def _medication_events(self) -> list[ChartEvent]:
        found: list[ChartEvent] = []
        offset = 0
        while True:
            page = self._services.timeline.events(tuple(MEDICATION_KINDS), offset, TIMELINE_PAGE)
            found += [ChartEvent(at, MEDICATION_KINDS[e.kind], _short(e.title)) for e in page
                      if (at := local_epoch(e.date)) is not None]
            if len(page) < TIMELINE_PAGE:
                return found
            offset += TIMELINE_PAGE

    def _appointments(self) -> list[ChartEvent]:
        return [ChartEvent(at, "appointment", _short(visit.purpose or visit.location))
                for visit in self._services.appointments.all() if (at := local_epoch(visit.starts_at)) is not None]

    def _admissions(self) -> list[ChartEvent]:
        return [ChartEvent(at, "admission", _short(entry.text)) for entry in self._services.diary.admissions()
                if (at := local_epoch(entry.written_at)) is not None]
