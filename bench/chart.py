"""Opening the chart of a measure with a million readings: under 300 ms to first paint.

Measured: a new RecordChartSource and MeasureChart over a record holding one million glucose
readings, set to show all of them (the worst case), shown, until its plot has painted once.
Baseline, in the same run: the raw way to chart the same readings — one SELECT of every time and
value, into numpy, into a pyqtgraph plot with its own peak downsampling and clipping — shown and
painted once. The ratio must stay well under 1 (summaries per hour and day, one point per pixel
column); the absolute target of the issue is checked as well.
"""

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.common import Result  # noqa: E402
from bench.device_import import libreview_file  # noqa: E402
from phr.access import records  # noqa: E402
from phr.imports import device_import  # noqa: E402
from phr.monitoring.measures import CATALOGUE  # noqa: E402
from phr.record.services import RecordServices  # noqa: E402
from phr.storage.keys import kdf  # noqa: E402
from phr.ui.app.qt_refcount_guard import protect_singletons  # noqa: E402
from phr.ui.charts.measure_chart import MeasureChart  # noqa: E402
from phr.ui.charts.record_source import RecordChartSource  # noqa: E402

LIMIT = 0.5
TARGET_SECONDS = 0.300
SIZE = (1100, 600)
REPEAT = 5


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


def regie_chart(services) -> float:
    started = time.perf_counter()
    chart = MeasureChart(RecordChartSource(services, "glucose"), CATALOGUE["glucose"], "en")
    chart.set_preset("all")
    _until_painted(chart, chart.plot.viewport())
    seconds = time.perf_counter() - started
    chart.close()
    chart.deleteLater()
    return seconds


def pan_redraw(services) -> float:
    """Median time to pan a tenth of a zoomed-in year and draw it again (dragging redraws this often)."""
    chart = MeasureChart(RecordChartSource(services, "glucose"), CATALOGUE["glucose"], "en")
    chart.set_preset("year")
    _until_painted(chart, chart.plot.viewport())
    times = []
    for _ in range(20):
        started = time.perf_counter()
        chart.pan(-0.1)
        chart.refresh_now()
        QApplication.processEvents()
        times.append(time.perf_counter() - started)
    chart.close()
    chart.deleteLater()
    return sorted(times)[len(times) // 2]


def raw_chart(session) -> float:
    started = time.perf_counter()
    rows = session.db.query("SELECT taken_at, value FROM readings WHERE measure = 'glucose' ORDER BY taken_at")
    data = np.array(rows, dtype=float)
    widget = pg.PlotWidget(background="w")
    item = widget.getPlotItem()
    item.setDownsampling(auto=True, mode="peak")
    item.setClipToView(True)
    item.plot(data[:, 0], data[:, 1], pen="b")
    _until_painted(widget, widget.viewport())
    seconds = time.perf_counter() - started
    widget.close()
    widget.deleteLater()
    return seconds


def _record_with_a_million_readings(folder: Path):
    created = records.create_record(folder / "record.regie", "Bench", "benchmark passphrase with words",
                                    argon2=kdf.MINIMUM)
    services = RecordServices(created.session)
    device_import.import_file(services, libreview_file(), "libreview-1m.csv")
    return created.session, services


def run() -> Result:
    app = QApplication.instance() or QApplication([])
    protect_singletons()
    with tempfile.TemporaryDirectory() as tmp:
        session, services = _record_with_a_million_readings(Path(tmp))
        try:
            count = services.readings.count("glucose")
            regie_chart(services), raw_chart(session)  # warm up: imports, fonts, the first page cache
            ours = sorted(regie_chart(services) for _ in range(REPEAT))[REPEAT // 2]
            raw = sorted(raw_chart(session) for _ in range(REPEAT))[REPEAT // 2]
            pan = pan_redraw(services)
        finally:
            session.lock()
    app.processEvents()
    verdict = "ok" if ours <= TARGET_SECONDS else "OVER TARGET"
    notes = [f"{count:,} glucose readings, all shown; median of {REPEAT} opens",
             f"first paint {ours * 1000:.0f} ms (target {TARGET_SECONDS * 1000:.0f} ms) {verdict}",
             f"pan a year's view by a tenth and redraw: {pan * 1000:.0f} ms (median of 20)"]
    return Result("chart open (1M readings)", ours, raw, LIMIT, notes, absolute_limit=TARGET_SECONDS)
