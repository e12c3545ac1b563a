"""What a chart draws around the readings: the target band(s) and the record's events as vertical lines."""

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from phr.ui.charts.series import View
from phr.ui.charts.source import EVENT_KINDS, ChartEvent
from phr.ui.charts.style import ChartLook, event_pen
from phr.ui.charts.words import event_label
from phr.ui.widgets.theme import TEXT_CONTRAST, readable

# A label needs about a line of text height beside the previous one; closer events keep only their line.
LABEL_SPACING_PX = 18
LABEL_HEIGHT = 0.97  # an event's label ends this far up the view


@dataclass(frozen=True)
class Target:
    """One series' target as drawn: a band when both sides are set, else a line at the one limit."""

    low: float | None
    high: float | None
    colour: QColor   # the band's fill, translucent
    pen: QPen        # the line of a one-sided target
    label: str       # the target in words, for the legend
    mark: str        # the short text beside a one-sided target's line: 'at most 135'


class TargetBands:
    """Two-sided targets as translucent regions; a one-sided target as a dashed, labelled line.

    A region running on to the plausible bound would claim the whole lower half of a blood pressure
    chart for the systolic target, where the diastolic readings live: a line does not mislead.
    """

    def __init__(self, plot: pg.PlotItem, look: ChartLook) -> None:
        self._plot, self.look = plot, look
        self.items: list[pg.GraphicsObject] = []

    def show(self, targets: list[Target]) -> None:
        self.clear()
        for target in targets:
            if target.low is None and target.high is None:
                continue
            region = target.low is not None and target.high is not None
            item = self._region(target) if region else self._limit(target)
            # A band lies behind everything; a limit's line and its label ('at most 135') above the event lines,
            # whose labels would hide it, and below the readings' symbols.
            item.setZValue(-10 if region else 6)
            self._plot.addItem(item)
            self.items.append(item)

    def clear(self) -> None:
        for item in self.items:
            self._plot.removeItem(item)
        self.items = []

    @staticmethod
    def _region(target: Target) -> pg.LinearRegionItem:
        edge = QColor(target.colour)
        edge.setAlpha(160)
        return pg.LinearRegionItem(values=(target.low, target.high), orientation="horizontal", movable=False,
                                   brush=pg.mkBrush(target.colour),
                                   pen=pg.mkPen(edge, width=1, style=Qt.PenStyle.DashLine))

    def _limit(self, target: Target) -> pg.InfiniteLine:
        return pg.InfiniteLine(pos=target.high if target.high is not None else target.low, angle=0, movable=False,
                               pen=target.pen, label=target.mark,
                               # at the left end: the latest readings, at the right, would hide it
                               labelOpts={"position": 0.005, "anchors": [(0, 1), (0, 1)],
                                          "color": self._ink(target), "fill": self.look.label_fill})

    def _ink(self, target: Target) -> QColor:
        """The words beside a limit in the line's colour, as text: 4.5:1 on the chart (a line needs only 3:1)."""
        return readable(target.pen.color(), [self.look.background], TEXT_CONTRAST)


@dataclass
class EventMarker:
    """One event on the plot: its line is drawn with the other lines of its kind, as one item; an event
    with room for its label has the label too, along the line near its top, left of it."""

    pen: QPen
    label: pg.TextItem | None = None


class EventMarkers:
    """One vertical line per event, its kind told by the line style and by the words of its label.

    Decades of appointments are hundreds of events in the view of a whole record: a line object with a
    label for each took half a second to make, and pyqtgraph placed each line's label again at every
    pan. So the lines of a kind are one item of line pieces from the bottom to the top of the view, and
    the labels that have room are plain text items, placed by the redraw.
    """

    def __init__(self, plot: pg.PlotItem, look: ChartLook) -> None:
        self._plot, self.look = plot, look  # a new look applies to the lines made after it: clear() first
        self.lines: dict[ChartEvent, EventMarker] = {}
        self._kinds: dict[str, pg.PlotDataItem] = {}
        for kind in EVENT_KINDS:
            item = pg.PlotDataItem(connect="pairs", pen=event_pen(kind, look))
            # Line by line: hundreds of dotted lines as one path took Qt 0.4 s to stroke.
            item.curve.setSegmentedLineMode("on")
            item.setZValue(5)
            plot.addItem(item)
            self._kinds[kind] = item

    def show(self, events: list[ChartEvent], view: View) -> None:
        wanted = set(events)
        for gone in [e for e in self.lines if e not in wanted]:
            self._drop_label(self.lines.pop(gone))
        for event in events:
            if event not in self.lines:
                self.lines[event] = EventMarker(event_pen(event.kind, self.look))
        labelled = self._with_room(events, view)
        top = view.y0 + LABEL_HEIGHT * (view.y1 - view.y0)
        for event, marker in self.lines.items():
            if event not in labelled:
                self._drop_label(marker)
                continue
            if marker.label is None:
                marker.label = self._label(event)
            marker.label.setPos(event.at, top)
        self._draw_kinds(events, view)

    def clear(self) -> None:
        for marker in self.lines.values():
            self._drop_label(marker)
        self.lines = {}
        for kind, item in self._kinds.items():
            item.setPen(event_pen(kind, self.look))
            item.setData(x=[], y=[])

    def _drop_label(self, marker: EventMarker) -> None:
        if marker.label is not None:
            self._plot.removeItem(marker.label)
            marker.label = None

    def _label(self, event: ChartEvent) -> pg.TextItem:
        # Along the line (read from bottom to top), its end at the point, left of the line.
        label = pg.TextItem(event_label(event.kind, event.label), color=self.look.ink, fill=self.look.label_fill,
                            anchor=(1, 1), angle=90)
        label.setZValue(6)
        self._plot.addItem(label)
        return label

    def _draw_kinds(self, events: list[ChartEvent], view: View) -> None:
        """Per kind one item of pieces from the bottom of the view to its top."""
        for kind, item in self._kinds.items():
            at = np.array([e.at for e in events if e.kind == kind], dtype=float)
            item.setData(x=np.repeat(at, 2), y=np.tile([view.y0, view.y1], len(at)))

    @staticmethod
    def _with_room(events: list[ChartEvent], view: View) -> set[ChartEvent]:
        """The events whose label has room; the others keep their line."""
        labelled: set[ChartEvent] = set()
        last_labelled: float | None = None
        seconds_per_pixel = (view.x1 - view.x0) / max(view.width, 1)
        for event in sorted(events, key=lambda e: e.at):
            if (view.x0 <= event.at <= view.x1 and
                    (last_labelled is None or (event.at - last_labelled) / seconds_per_pixel >= LABEL_SPACING_PX)):
                labelled.add(event)
                last_labelled = event.at
        return labelled
