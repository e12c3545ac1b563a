"""The chart source over an open record: readings, the target in force and the record's events.

Readings come through phr.monitoring.chart_folding: one point per pixel column (its extremes, how
many readings it holds, the sensor's Low and High in it), or reading by reading when they are few,
folded in memory from what was read of the view and its neighbours, so a pan reads nothing new
until it leaves them; what was read is forgotten when the record changes.

Events (medicines started, stopped or changed; appointments; admissions from the diary) are read
once per source and kept: the chart asks for them on every redraw. The page makes a new source when
the record changes. Dates without a time ('2019', '2019-05', '2019-05-14') are placed on their
first day at noon; local times are Europe/Amsterdam wall-clock times, as the record stores them.
"""

import math
from datetime import datetime, time
from zoneinfo import ZoneInfo

from phr.core import partial_date
from phr.monitoring.chart_folding import ChartFolding
from phr.record.services import RecordServices
from phr.ui.charts.source import ChartEvent, Envelope, TargetBand

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
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
        self._folding = ChartFolding(services.session, measure_key)
        self._events: list[ChartEvent] | None = None

    def span(self) -> tuple[float, float] | None:
        span = self._folding.span()
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
        folded = self._folding.envelope(first, last, columns, component)
        return Envelope(folded.times, folded.lows, folded.highs, folded.exact, folded.flags, folded.counts)

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
