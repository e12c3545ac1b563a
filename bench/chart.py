"""The chart of a lifetime of sensor glucose: first paint, and pans of a month's and a year's view.

The record: the lifetime record of bench/lifetime_record.py (30 years of 5-minute glucose, about 3.2
million readings, cached under build/bench/); without that module, a record made here with a million
readings from a LibreView file, as this benchmark did before.

First paint (issue 17: under 300 ms, well under the raw way): a new RecordChartSource and MeasureChart,
set to show every reading (the worst case), shown, until its plot has painted once. Baseline: the raw
way to chart the same readings: one SELECT of every time and value, into numpy, into a pyqtgraph plot
with its own peak downsampling and clipping, shown and painted once.

Pans (issue 20, point 6: within 3x raw pyqtgraph on the same arrays): the chart at its month and its
year preset, moved back a tenth of its view (MeasureChart.pan, as the arrow keys and dragging do) and
drawn again, time until painted; a new chart each round, so what it reads as the view moves is in the
figure (the median hides a read every twenty pans; the mean beside it does not). Baseline: a pyqtgraph
plot of every time and value of the measure (read before timing), with its own peak downsampling and
clipping to the view, at the same window, moved back a tenth by setXRange and painted.

Ours and the baseline alternate, round by round (the machine is shared: medians of all rounds).
"""

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.common import Result  # noqa: E402
from phr.access import records  # noqa: E402
from phr.monitoring.measures import CATALOGUE  # noqa: E402
from phr.record.services import RecordServices  # noqa: E402
from phr.storage.keys import kdf  # noqa: E402
from phr.ui.app.qt_refcount_guard import protect_singletons  # noqa: E402
from phr.ui.charts.measure_chart import MeasureChart  # noqa: E402
from phr.ui.charts.ranges import Preset, preset_window  # noqa: E402
from phr.ui.charts.record_source import RecordChartSource  # noqa: E402

try:
    from bench import lifetime_record
except ImportError:  # pragma: no cover - before the lifetime record existed
    lifetime_record = None  # type: ignore[assignment]

LIMIT = 0.5
TARGET_SECONDS = 0.300
PAN_LIMIT = 3.0
SIZE = (1100, 600)
REPEAT = 5          # first paints, each side
ROUNDS = 3          # pan rounds, each side
PANS = 25           # pans per round: more than a view and a half, so a chart reads its neighbours once
PAN_STEP = -0.1
KEY = "glucose"
RAW_QUERY = ("SELECT taken_at, value FROM readings WHERE measure_id = (SELECT id FROM reading_measures "
             "WHERE key = ?) AND deleted_at IS NULL AND value IS NOT NULL ORDER BY taken_at")


class _FirstPaint(QObject):
    """Notes when a widget has received its first paint event."""

    def __init__(self, widget):
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _until_painted(widget, viewport) -> None:
    first_paint = _FirstPaint(viewport)
    widget.resize(*SIZE)
    widget.show()
    while not first_paint.painted:
        QApplication.processEvents()
    QApplication.processEvents()  # the paint event itself is handled inside this call


def _painted_after(widget, viewport, change: Callable[[], None]) -> float:
    """Seconds from a change of view until the plot has painted it."""
    paint = _FirstPaint(viewport)
    started = time.perf_counter()
    change()
    while not paint.painted and time.perf_counter() - started < 5.0:  # a view that did not move paints nothing
        QApplication.processEvents()
    seconds = time.perf_counter() - started
    viewport.removeEventFilter(paint)
    return seconds


def _chart(services, now: float) -> MeasureChart:
    return MeasureChart(RecordChartSource(services, KEY), CATALOGUE[KEY], "en", now=lambda: now)


def _close(widget) -> None:
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()


# -- first paint ------------------------------------------------------------------------------------------

def regie_chart(services, now: float) -> float:
    started = time.perf_counter()
    chart = _chart(services, now)
    chart.set_preset(Preset.ALL)
    _until_painted(chart, chart.plot.viewport())
    seconds = time.perf_counter() - started
    _close(chart)
    return seconds


def _raw_plot(times: np.ndarray, values: np.ndarray) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    item = widget.getPlotItem()
    item.setDownsampling(auto=True, mode="peak")
    item.setClipToView(True)
    item.plot(times, values, pen="b")
    return widget


def _raw_arrays(session) -> tuple[np.ndarray, np.ndarray]:
    data = np.array(session.db.query(RAW_QUERY, (KEY,)), dtype=float).reshape(-1, 2)
    return data[:, 0], data[:, 1]


def raw_chart(session) -> float:
    started = time.perf_counter()
    widget = _raw_plot(*_raw_arrays(session))
    _until_painted(widget, widget.viewport())
    seconds = time.perf_counter() - started
    _close(widget)
    return seconds


# -- pans -------------------------------------------------------------------------------------------------

def regie_pans(services, now: float, preset: Preset) -> list[float]:
    chart = _chart(services, now)
    chart.set_preset(preset)
    _until_painted(chart, chart.plot.viewport())

    def pan() -> None:
        chart.pan(PAN_STEP)
        chart.refresh_now()  # at once, as the throttle does while dragging

    times = [_painted_after(chart, chart.plot.viewport(), pan) for _ in range(PANS)]
    _close(chart)
    return times


def raw_pans(arrays: tuple[np.ndarray, np.ndarray], window: tuple[float, float]) -> list[float]:
    widget = _raw_plot(*arrays)
    item = widget.getPlotItem()
    item.setXRange(*window, padding=0)
    _until_painted(widget, widget.viewport())

    def pan() -> None:
        x0, x1 = item.getViewBox().viewRange()[0]
        shift = (x1 - x0) * PAN_STEP
        item.setXRange(x0 + shift, x1 + shift, padding=0)

    times = [_painted_after(widget, widget.viewport(), pan) for _ in range(PANS)]
    _close(widget)
    return times


def pan_results(services, session, now: float) -> list[Result]:
    """A month's and a year's view moved, ours against raw pyqtgraph on the same arrays, rounds alternating."""
    arrays = _raw_arrays(session)
    results = []
    for preset in (Preset.MONTH, Preset.YEAR):
        window = preset_window(preset, now, None)
        regie_pans(services, now, preset), raw_pans(arrays, window)  # warm up
        ours: list[float] = []
        raw: list[float] = []
        for _ in range(ROUNDS):
            ours += regie_pans(services, now, preset)
            raw += raw_pans(arrays, window)
        notes = [f"median of {len(ours)} pans by a tenth: {statistics.median(ours) * 1000:.1f} ms vs raw "
                 f"{statistics.median(raw) * 1000:.1f} ms; mean {statistics.mean(ours) * 1000:.1f} vs "
                 f"{statistics.mean(raw) * 1000:.1f} ms, slowest {max(ours) * 1000:.0f} vs {max(raw) * 1000:.0f} ms"]
        results.append(Result(f"chart pan, {preset} view", statistics.median(ours), statistics.median(raw),
                              PAN_LIMIT, notes))
    return results


# -- the record and the run ------------------------------------------------------------------------------

def _record_with_a_million_readings(folder: Path):
    from bench.device_import import libreview_file
    from phr.imports import device_import

    created = records.create_record(folder / "record.regie", "Bench", "benchmark passphrase with words",
                                    argon2=kdf.MINIMUM)
    services = RecordServices(created.session)
    device_import.import_file(services, libreview_file(), "libreview-1m.csv")
    return created.session


def _open_record(tmp: Path):
    if lifetime_record is None:
        return _record_with_a_million_readings(tmp)
    return records.unlock_with_passphrase(lifetime_record.lifetime_folder(), lifetime_record.PASSPHRASE)


def first_paint_result(services, session, now: float, count: int) -> Result:
    regie_chart(services, now), raw_chart(session)  # warm up: imports, fonts, the first page cache
    ours, raw = [], []
    for _ in range(REPEAT):
        ours.append(regie_chart(services, now))
        raw.append(raw_chart(session))
    median = statistics.median(ours)
    verdict = "ok" if median <= TARGET_SECONDS else "OVER TARGET"
    notes = [f"{count:,} glucose readings, all shown; median of {REPEAT} opens",
             f"first paint {median * 1000:.0f} ms (target {TARGET_SECONDS * 1000:.0f} ms) {verdict}"]
    return Result("chart first paint", median, statistics.median(raw), LIMIT, notes, absolute_limit=TARGET_SECONDS)


def _headline(results: list[Result]) -> Result:
    """One line for the runner: the figure nearest its limit (or furthest over); every figure in the notes;
    passed only when every figure is."""
    def pressure(result: Result) -> float:
        over_absolute = result.measured / result.absolute_limit if result.absolute_limit else 0.0
        return max(result.ratio / result.limit, over_absolute, 0.0 if result.passed else 1.0 + result.ratio)

    nearest = max(results, key=pressure)
    notes = [line for result in results for line in [
        f"{result.name}: {result.measured * 1000:.1f} ms vs baseline {result.baseline * 1000:.1f} ms -> ratio "
        f"{result.ratio:.2f} (limit {result.limit}){'' if result.passed else ' TOO SLOW'}"]
        + [f"  {note}" for note in result.notes]]
    return Result(f"chart (headline: {nearest.name})", nearest.measured, nearest.baseline, nearest.limit, notes,
                  absolute_limit=nearest.absolute_limit)


def run() -> Result:
    app = QApplication.instance() or QApplication([])
    protect_singletons()
    with tempfile.TemporaryDirectory() as tmp:
        session = _open_record(Path(tmp))
        try:
            services = RecordServices(session)
            count = services.readings.count(KEY)
            span = services.readings.span(KEY)
            now = float(span[1]) if span else time.time()  # the presets end at the last reading
            results = [first_paint_result(services, session, now, count), *pan_results(services, session, now)]
        finally:
            session.lock()
    app.processEvents()
    return _headline(results)
