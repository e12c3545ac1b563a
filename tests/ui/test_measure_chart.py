"""The measure chart: the data contract (downsampling keeps min and max), presets, zoom and pan,
target bands, shapes for readings outside the target, events, a million readings, release()."""

import math
import time
from datetime import datetime, timezone

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from phr.monitoring.measures import CATALOGUE
from phr.ui.charts.axis import MONTH_DAY_SPACING, LocalDateAxis, chart_locale, days_of_month
from phr.ui.charts.measure_chart import MeasureChart
from phr.ui.charts.ranges import DAY, months_back
from phr.ui.charts.source import ChartEvent, MemorySource, TargetBand
from phr.ui.charts.style import ABOVE, BELOW, SENSOR_HIGH, SENSOR_LOW, SYMBOLS, WITHIN

NOW = datetime(2026, 3, 31, 20, 0).timestamp()
GLUCOSE, BP = CATALOGUE["glucose"], CATALOGUE["bp"]
GLUCOSE_TARGET = TargetBand(3.9, 10.0)


class Recording:
    """A source that notes what the chart asks, to check the columns and the window."""

    def __init__(self, inner):
        self.inner, self.asked = inner, []

    def span(self):
        return self.inner.span()

    def target(self):
        return self.inner.target()

    def events(self, t0, t1):
        return self.inner.events(t0, t1)

    def envelope(self, t0, t1, columns, component=0):
        self.asked.append((t0, t1, columns, component))
        return self.inner.envelope(t0, t1, columns, component)


@pytest.fixture
def open_chart(qtbot):
    def make(source, measure=GLUCOSE, language="en", size=(900, 560)):
        chart = MeasureChart(source, measure, language, now=lambda: NOW)
        qtbot.addWidget(chart)
        chart.resize(*size)
        chart.show()
        qtbot.waitExposed(chart)
        chart.refresh_now()
        return chart
    return make


def every_day(days: int, per_day: int = 4, values=None):
    times = np.array([NOW - days * DAY + d * DAY + h * 3600 for d in range(days) for h in (8, 12, 18, 22)[:per_day]])
    return times, np.full(len(times), 6.0) if values is None else values


def points(chart, status, layer=0):
    x, y = chart.layers[layer].points[status].getData()
    return list(x), list(y)


# -- the data contract ---------------------------------------------------------------------------------

def test_few_readings_come_back_one_by_one_with_their_flags():
    source = MemorySource([30.0, 10.0, 20.0], [3.0, 1.0, 99.0], flags=["", "", "above_range"])
    envelope = source.envelope(0, 100, 10)
    assert envelope.exact and envelope.times == [10.0, 20.0, 30.0]
    assert envelope.lows[0] == 1.0 and envelope.lows[2] == 3.0
    assert math.isnan(envelope.lows[1]), "a flagged reading never becomes a number"
    assert envelope.flags == ["", "above_range", ""]
    assert envelope.reading_count() == 3
    assert source.envelope(31, 100, 10).times == [] and source.span() == (10.0, 30.0)


def test_columns_follow_the_binning_rule_and_count_their_readings():
    # t0=0, t1=10, 2 columns: [0, 5) is column 0, [5, 10] column 1 (t1 itself falls in the last one).
    source = MemorySource([0, 1, 4.9, 5, 6, 10], [5, 1, 7, 2, 9, 3])
    envelope = source.envelope(0, 10, 2)
    assert not envelope.exact
    assert envelope.times == [2.5, 7.5]
    assert (envelope.lows, envelope.highs, envelope.counts) == ([1, 2], [7, 9], [3, 3])
    gap = MemorySource([0, 1, 9, 10], [1, 2, 3, 4]).envelope(0, 10, 3)
    assert gap.counts == [2, 2] and gap.times == pytest.approx([10 / 6, 50 / 6]), "empty columns are left out"


def test_column_flags_keep_both_kinds_and_never_move_low_or_high():
    source = MemorySource([0, 1, 2, 6, 7, 8], [5, 0, 0, 6, 0, 7], flags=["", "below_range", "above_range", "", "", ""])
    envelope = source.envelope(0, 9, 2)
    assert envelope.flags == ["below_range above_range", ""]
    assert (envelope.lows[0], envelope.highs[0]) == (5, 5)
    only_flagged = MemorySource([0, 1, 8, 9], [0, 0, 5, 6], flags=["below_range"] * 2 + [""] * 2).envelope(0, 9, 2)
    assert math.isnan(only_flagged.lows[0]) and only_flagged.flags[0] == "below_range"


@pytest.mark.parametrize("columns", [50, 400, 1600])
@pytest.mark.parametrize("window_days", [3650, 365, 30, 2])
def test_a_single_spike_and_dip_survive_every_zoom_level(columns, window_days):
    times = np.linspace(NOW - 3650 * DAY, NOW, 200_000)
    values = np.full(len(times), 6.0)
    values[123_457], values[123_470] = 27.5, 1.2
    source = MemorySource(times, values)
    middle = times[123_460]
    envelope = source.envelope(middle - window_days * DAY / 2, middle + window_days * DAY / 2, columns)
    assert max(envelope.highs) == 27.5 and min(envelope.lows) == 1.2
    assert len(envelope.times) <= columns


# -- presets, zoom and pan --------------------------------------------------------------------------------

def test_month_by_default_and_presets_change_the_visible_range(open_chart, qtbot):
    chart = open_chart(MemorySource(*every_day(200), target=GLUCOSE_TARGET))
    assert chart.current_preset == "month" and chart.presets["month"].isChecked()
    assert chart.visible_range() == pytest.approx((months_back(NOW, 1), NOW))
    qtbot.mouseClick(chart.presets["week"], Qt.MouseButton.LeftButton)
    assert chart.visible_range() == pytest.approx((NOW - 7 * DAY, NOW))
    assert chart.presets["week"].isChecked() and not chart.presets["month"].isChecked()
    qtbot.mouseClick(chart.presets["year"], Qt.MouseButton.LeftButton)
    assert chart.visible_range() == pytest.approx((months_back(NOW, 12), NOW))
    qtbot.mouseClick(chart.presets["all"], Qt.MouseButton.LeftButton)
    first, last = chart.visible_range()
    assert first < NOW - 199 * DAY < NOW - 100 * DAY and last >= NOW - 2 * 3600


def test_everything_by_default_when_there_is_less_than_a_month(open_chart):
    chart = open_chart(MemorySource(*every_day(10)))
    assert chart.current_preset == "all"
    first, last = chart.visible_range()
    assert NOW - 10 * DAY < first < NOW - 9 * DAY and last < NOW + DAY


@pytest.mark.parametrize("every_days, preset", [(1, "month"), (7, "quarter"), (30, "year"), (200, "all")])
def test_a_sparse_measure_opens_on_a_longer_preset(open_chart, every_days, preset):
    # A reading every so many days over three years: the first preset that holds ten readings or more.
    times = np.arange(NOW - 3 * 365 * DAY, NOW, every_days * DAY)
    chart = open_chart(MemorySource(times, np.full(len(times), 71.0)))
    assert chart.current_preset == preset


def test_keyboard_zooms_and_pans_and_leaves_the_preset(open_chart, qtbot):
    chart = open_chart(MemorySource(*every_day(200)))
    x0, x1 = chart.visible_range()
    qtbot.keyClick(chart.plot, Qt.Key.Key_Plus)
    z0, z1 = chart.visible_range()
    assert z1 - z0 == pytest.approx((x1 - x0) / 2) and (z0 + z1) / 2 == pytest.approx((x0 + x1) / 2)
    assert chart.current_preset is None and not any(b.isChecked() for b in chart.presets.values())
    qtbot.keyClick(chart.plot, Qt.Key.Key_Left)
    p0, p1 = chart.visible_range()
    assert p0 == pytest.approx(z0 - (z1 - z0) / 4) and p1 - p0 == pytest.approx(z1 - z0)
    qtbot.keyClick(chart.plot, Qt.Key.Key_Minus)
    assert chart.visible_range()[1] - chart.visible_range()[0] == pytest.approx(2 * (p1 - p0))
    qtbot.keyClick(chart.plot, Qt.Key.Key_Home)
    assert chart.current_preset == "all"


def test_the_mouse_wheel_zooms_time_only_and_the_values_follow_the_data(open_chart, qtbot):
    times, _ = every_day(200)
    values = np.where(times < NOW - 15 * DAY, 6.0, 15.0)  # the last two weeks run high
    chart = open_chart(MemorySource(times, values))
    assert chart.plot.getViewBox().state["mouseEnabled"] == [True, False]
    x0, x1 = chart.visible_range()
    (_, top_before) = chart.plot.getViewBox().viewRange()[1]
    viewport = chart.plot.viewport()
    chart.grab()  # as on a screen, the view has painted before the wheel turns (pyqtgraph maps it by the paint)
    centre = QPointF(viewport.width() * 0.95, viewport.height() / 2)
    wheel = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    z0, z1 = chart.visible_range()
    assert z1 - z0 < x1 - x0 and chart.current_preset is None
    chart.pan(-1.5)  # back to weeks of 6.0 only
    chart.refresh_now()
    (bottom, top) = chart.plot.getViewBox().viewRange()[1]
    assert top_before > 15 and bottom < 6 < top < 10, "the values axis follows the readings in view"


def test_a_pan_redraws_once_after_a_short_wait_and_asks_for_the_plot_width(open_chart, qtbot):
    source = Recording(MemorySource(*every_day(200)))
    chart = open_chart(source)
    source.asked.clear()
    with qtbot.waitSignal(chart.redrawn, timeout=1000):
        chart.pan(0.1)
        chart.pan(0.1)
        chart.pan(0.1)
    assert len(source.asked) == 1, "three quick pans, one redraw (throttled)"
    t0, t1, columns, _ = source.asked[0]
    width = int(chart.plot.getViewBox().width())
    x0, x1 = chart.visible_range()
    assert columns == width + 2 * (width // 2)
    assert (t1 - t0) / columns == pytest.approx((x1 - x0) / width), "one column per pixel"


# -- a million readings ------------------------------------------------------------------------------------

def test_a_million_readings_open_and_pan_quickly(qtbot):
    times = np.linspace(NOW - 3650 * DAY, NOW, 1_000_000)
    values = 7 + 2 * np.sin(times / DAY * 2 * np.pi)
    values[500_000] = 30.0
    source = MemorySource(times, values, target=GLUCOSE_TARGET)
    started = time.perf_counter()
    chart = MeasureChart(source, GLUCOSE, "en", now=lambda: NOW)
    qtbot.addWidget(chart)
    chart.resize(900, 560)
    chart.show()
    chart.grab()
    first_paint = time.perf_counter() - started
    chart.set_preset("all")
    started = time.perf_counter()
    chart.pan(0.25)
    chart.refresh_now()
    chart.grab()
    pan = time.perf_counter() - started
    print(f"\n1,000,000 readings: first paint {first_paint * 1000:.0f} ms, pan over all of them {pan * 1000:.0f} ms")
    assert first_paint < 2.0 and pan < 1.0  # sanity bounds; the 300 ms target is measured in bench/
    chart.set_preset("all")
    band_x, band_y = chart.layers[0].bands[ABOVE].getData()
    assert max(band_y) == 30.0, "the one spike among a million readings is drawn"
    assert len(band_x) <= 2 * 2 * chart.plot.getViewBox().width()
    assert "1,000,000" in chart.summary.text()


# -- what is drawn ------------------------------------------------------------------------------------------

def test_readings_outside_the_target_get_their_own_shapes(open_chart):
    times = [NOW - 5 * DAY, NOW - 4 * DAY, NOW - 3 * DAY, NOW - 2 * DAY]
    chart = open_chart(MemorySource(times, [12.5, 6.0, 3.1, 10.0], target=GLUCOSE_TARGET))
    assert points(chart, ABOVE) == ([times[0]], [12.5])
    assert points(chart, BELOW) == ([times[2]], [3.1])
    assert points(chart, WITHIN) == ([times[1], times[3]], [6.0, 10.0]), "the limit itself is within"
    assert (SYMBOLS[ABOVE], SYMBOLS[BELOW], SYMBOLS[WITHIN]) == ("t1", "t", "o")
    assert chart.layers[0].points[ABOVE].opts["symbol"] == "t1"
    assert chart.layers[0].points[BELOW].opts["symbol"] == "t"
    assert "outside the target: 1 above, 1 below" in chart.summary.text()
    assert {"within", "above", "below", "target0"} <= set(chart.legend.shown())
    assert len(chart.targets.items) == 1


def test_many_readings_become_a_band_coloured_where_it_leaves_the_target(open_chart):
    times = np.arange(NOW - 20 * DAY, NOW, 60.0)
    values = 7 + 5 * np.sin(times / DAY * 2 * np.pi)  # 2 to 12 mmol/L every day
    chart = open_chart(MemorySource(times, values, target=GLUCOSE_TARGET))
    layer = chart.layers[0]
    assert layer.line.getData()[0] is None or len(layer.line.getData()[0]) == 0
    above_y, below_y = layer.bands[ABOVE].getData()[1], layer.bands[BELOW].getData()[1]
    (y0, y1) = chart.plot.getViewBox().viewRange()[1]
    pixel = (y1 - y0) / chart.plot.getViewBox().height()  # a band is at least a pixel tall: half of it each side
    assert min(above_y) >= 10.0 and max(above_y) == pytest.approx(12.0, abs=pixel / 2)
    assert max(below_y) <= 3.9 and min(below_y) == pytest.approx(2.0, abs=pixel / 2)
    assert "Too many to show one by one" in chart.summary.text()


def test_a_band_marks_its_columns_outside_the_target_by_shape_too(open_chart):
    times = np.arange(NOW - 20 * DAY, NOW, 60.0)
    values = 7 + 5 * np.sin(times / DAY * 2 * np.pi)  # 2 to 12 mmol/L every day
    chart = open_chart(MemorySource(times, values, target=GLUCOSE_TARGET))
    assert "Too many to show one by one" in chart.summary.text()
    above_x, above_y = points(chart, ABOVE)
    below_x, below_y = points(chart, BELOW)
    assert above_x and below_x, "colour alone never tells a column left the target"
    assert min(above_y) > 10.0 and max(above_y) == pytest.approx(12.0, abs=0.01)
    assert max(below_y) < 3.9 and min(below_y) == pytest.approx(2.0, abs=0.01)
    assert points(chart, WITHIN) == ([], [])
    shown = set(chart.legend.shown())
    assert {"above", "below"} <= shown and "within" not in shown, "the legend shows only symbols on the chart"


def test_the_line_stops_at_a_gap_in_the_measuring_and_not_between_sparse_readings(open_chart):
    quarter_hours = np.arange(0, 2 * DAY, 900.0)
    times = np.concatenate((NOW - 25 * DAY + quarter_hours, NOW - 3 * DAY + quarter_hours))  # 20 days without
    chart = open_chart(MemorySource(times, np.full(len(times), 6.0), target=GLUCOSE_TARGET), size=(1800, 560))
    chart.set_preset("month")
    x, y = chart.layers[0].line.getData()
    assert len(x) == len(times) + 1 and np.isnan(y).sum() == 1, "one break, between the two sensor periods"
    assert NOW - 23 * DAY < x[np.isnan(y)][0] < NOW - 3 * DAY
    weights = [NOW - d * DAY for d in (300, 270, 240, 150, 120, 90, 60, 30)]  # monthly, once three months apart
    sparse = open_chart(MemorySource(weights, [70.0, 70.5, 71.0, 70.8, 70.2, 70.1, 69.9, 70.0]))
    sparse.set_preset("year")
    assert not np.isnan(sparse.layers[0].line.getData()[1]).any(), "a trend of sparse readings stays one line"
    series = [NOW - 7 * DAY + d * DAY + h * 3600 + m * 60 for d in range(7) for h in (8, 21) for m in (0, 1)]
    pressures = open_chart(MemorySource(series, np.full(len(series), 128.0), np.full(len(series), 82.0)), BP)
    assert not np.isnan(pressures.layers[0].line.getData()[1]).any(), "a night within a series is no gap"


def test_sensor_high_and_low_are_drawn_at_the_edges_with_their_own_symbols(open_chart):
    times = [NOW - 5 * DAY, NOW - 4 * DAY, NOW - 3 * DAY]
    source = MemorySource(times, [6.0, 0, 0], flags=["", "above_range", "below_range"], target=GLUCOSE_TARGET)
    chart = open_chart(source)
    (y0, y1) = chart.plot.getViewBox().viewRange()[1]
    high_x, high_y = points(chart, SENSOR_HIGH)
    low_x, low_y = points(chart, SENSOR_LOW)
    assert high_x == [times[1]] and low_x == [times[2]]
    assert y1 - (y1 - y0) * 0.1 < high_y[0] < y1 and y0 < low_y[0] < y0 + (y1 - y0) * 0.1
    assert SYMBOLS[SENSOR_HIGH] is not SYMBOLS[ABOVE] and SYMBOLS[SENSOR_LOW] is not SYMBOLS[BELOW]
    assert "Sensor High: 1. Sensor Low: 1." in chart.summary.text()
    assert {"sensor_high", "sensor_low"} <= set(chart.legend.shown())


def test_blood_pressure_draws_two_series_two_bands_and_pulse_on_request(open_chart):
    times, systolic = every_day(60, 2, np.tile([128.0, 142.0], 60))
    diastolic, pulse = systolic * 0.6, np.full(len(times), 70.0)
    source = MemorySource(times, systolic, diastolic, target=TargetBand(90, 135, 60, 85), values3=pulse)
    chart = open_chart(source, BP)
    assert len(chart.layers[0].line.getData()[0]) > 0 and len(chart.layers[1].line.getData()[0]) > 0
    assert chart.layers[2].line.getData()[0] is None or len(chart.layers[2].line.getData()[0]) == 0
    regions = [tuple(region.getRegion()) for region in chart.targets.items]
    assert regions == [(90, 135), (60, 85)]
    assert set(points(chart, ABOVE, 0)[1]) == {142.0} and set(points(chart, ABOVE, 1)[1]) == {142.0 * 0.6}
    chart.show_pulse.setChecked(True)
    assert set(chart.layers[2].line.getData()[1]) == {70.0}
    assert "Systolic: from 128 to 142 mmHg" in chart.summary.text()
    assert "Pulse: from 70 to 70/min" in chart.summary.text()


def test_a_one_sided_target_is_a_labelled_line(open_chart):
    times, systolic = every_day(40, 2, np.tile([128.0, 142.0], 40))
    chart = open_chart(MemorySource(times, systolic, systolic * 0.6, target=TargetBand(None, 135, None, 85)), BP)
    assert [line.value() for line in chart.targets.items] == [135, 85]
    assert [line.label.format for line in chart.targets.items] == ["at most 135", "at most 85"]


def test_events_are_markers_with_a_style_per_kind_and_can_be_switched_off(open_chart):
    events = [ChartEvent(NOW - 20 * DAY, "medication_started", "Metformin"),
              ChartEvent(NOW - 10 * DAY, "admission", "Hospital"),
              ChartEvent(NOW - 400 * DAY, "appointment", "GP")]
    chart = open_chart(MemorySource(*every_day(200), target=GLUCOSE_TARGET, events=events))
    lines = chart.markers.lines
    assert sorted(e.at for e in lines) == [NOW - 20 * DAY, NOW - 10 * DAY], "only the events in view"
    started, admission = lines[events[0]], lines[events[1]]
    assert started.label.toPlainText() == "Started: Metformin"
    assert admission.label.toPlainText() == "Admission: Hospital"
    assert (started.pen.style(), started.pen.width()) != (admission.pen.style(), admission.pen.width())
    assert {"medication_started", "admission"} <= set(chart.legend.shown())
    chart.show_events.setChecked(False)
    assert chart.markers.lines == {} and "admission" not in chart.legend.shown()


def test_a_redraw_leaves_nothing_of_the_view_before(open_chart):
    """Bands in a year's view, readings one by one in a week's, bands again: each view only its own items."""
    times = np.arange(NOW - 400 * DAY, NOW, 600.0)
    chart = open_chart(MemorySource(times, 7 + 5 * np.sin(times / 30000), target=GLUCOSE_TARGET))
    layer = chart.layers[0]
    items = {"line": layer.line, **{f"band {s}": item for s, item in layer.bands.items()},
             **{f"points {s}": item for s, item in layer.points.items()}}

    def filled():
        return {name for name, item in items.items() if item.getData()[0] is not None and len(item.getData()[0])}

    chart.set_preset("year")
    assert filled() == {f"band {WITHIN}", f"band {ABOVE}", f"band {BELOW}", f"points {ABOVE}", f"points {BELOW}"}
    chart.set_preset("week")
    assert filled() == {"line", f"points {ABOVE}", f"points {BELOW}"}  # close together: no symbol within
    chart.set_preset("year")
    assert filled() == {f"band {WITHIN}", f"band {ABOVE}", f"band {BELOW}", f"points {ABOVE}", f"points {BELOW}"}


def test_close_events_keep_their_line_and_only_those_with_room_get_a_label(open_chart):
    """Decades of appointments: every event in view is drawn, a label only where it fits."""
    events = [ChartEvent(NOW - d * DAY, "appointment", f"Visit {d}") for d in range(1, 301)]
    chart = open_chart(MemorySource(*every_day(400), target=GLUCOSE_TARGET, events=events))
    chart.set_preset("year")
    markers = chart.markers
    labelled = [marker for marker in markers.lines.values() if marker.label is not None]
    assert len(markers.lines) == 300 and "Events: 300." in chart.summary.text()
    assert 0 < len(labelled) <= chart.plot.getViewBox().width() / 18 + 1  # a label needs 18 pixels
    assert all(marker.label.toPlainText().startswith("Appointment: Visit") for marker in labelled)
    x, y = markers._kinds["appointment"].getData()
    assert len(x) == 2 * 300  # every line: one piece each, from the bottom of the view to its top
    assert set(y) == set(chart.plot.getViewBox().viewRange()[1])
    chart.set_preset("month")
    assert len(markers.lines) >= 28 and all(marker.label is not None for marker in markers.lines.values())


def test_the_chart_tells_in_words_what_it_shows(open_chart):
    times = [NOW - 5 * DAY, NOW - 4 * DAY]
    chart = open_chart(MemorySource(times, [5.5, 6.2]))
    assert chart.accessibleName() == "Chart of Glucose"
    assert all(button.text() for button in chart.presets.values())
    assert "Readings: 2. Glucose: from 5.5 to 6.2 mmol/L." in chart.summary.text()
    assert chart.summary.text() in chart.plot.accessibleDescription()
    assert "Left and Right arrow keys" in chart.plot.accessibleDescription()
    empty = open_chart(MemorySource([], []))
    assert "There are no readings yet." in empty.summary.text()


def test_release_leaves_nothing_of_the_record(open_chart, qtbot):
    events = [ChartEvent(NOW - 3 * DAY, "appointment", "GP")]
    chart = open_chart(MemorySource(*every_day(60), target=GLUCOSE_TARGET, events=events))
    chart.pan(0.1)  # a redraw is scheduled: after release it must not happen
    chart.release()
    assert chart._source is None
    assert [item for item in chart.plot.getPlotItem().items] == []
    assert chart.summary.text() == "" and chart.plot.accessibleDescription() == ""
    assert chart.legend.shown() == [] and chart.legend.entries == {} and chart.title.text() == ""
    chart.pan(0.1)
    qtbot.wait(60)
    assert chart.plot.getPlotItem().items == []


# -- the time axis -------------------------------------------------------------------------------------------

def test_the_time_axis_speaks_the_language_and_names_the_year_in_january():
    axis = LocalDateAxis(chart_locale("nl"))
    axis.zoomLevel = axis.zoomLevels[MONTH_DAY_SPACING]  # what a month or three across the screen uses
    month_spec = axis.zoomLevel.tickSpecs[0]
    march, january = datetime(2026, 3, 1).timestamp(), datetime(2026, 1, 1).timestamp()
    assert axis.tickStrings([march, january], 1, month_spec.spacing) == ["mrt", "jan 2026"]


def test_day_ticks_count_from_the_first_of_each_month():
    moment = datetime(2026, 1, 25, 12).timestamp()
    ticks, value = [], moment
    for _ in range(4):
        value = days_of_month(value, 10, first=not ticks)
        ticks.append(datetime.fromtimestamp(value, timezone.utc).day)
    assert ticks == [1, 11, 21, 1]


# -- the grid ---------------------------------------------------------------------------------------------

def grid_lines(chart):
    """(x, y) of every grid line piece, major level first: pairs of points."""
    return [tuple(np.asarray(a) for a in line.getData()) for line in chart.grid.lines]


def test_the_grid_has_a_line_at_every_tick_the_axes_draw_and_moves_with_a_pan(open_chart):
    chart = open_chart(MemorySource(*every_day(200, values=np.linspace(3, 15, 800)), target=GLUCOSE_TARGET))
    chart.grab()  # painted: the axes have measured their labels
    chart.refresh_now()
    box = chart.plot.getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    bottom, left = chart.plot.getPlotItem().getAxis("bottom"), chart.plot.getPlotItem().getAxis("left")
    x_ticks = np.concatenate([np.asarray(t) for _s, t in bottom.tickValues(x0, x1, bottom.geometry().width())[:2]])
    y_ticks = np.concatenate([np.asarray(t) for _s, t in left.tickValues(y0, y1, left.geometry().height())[:2]])
    (mx, my), (nx, ny) = grid_lines(chart)
    xs, ys = np.concatenate([mx, nx]), np.concatenate([my, ny])
    vertical = xs[0::2] == xs[1::2]
    assert sorted(x for x in set(xs[0::2][vertical]) if x0 <= x <= x1) == sorted(x for x in set(x_ticks)
                                                                                 if x0 <= x <= x1)
    half = (x1 - x0) / 2
    assert min(xs[0::2][vertical]) < x0 and max(xs[0::2][vertical]) > x1, "lines beyond the view, for a drag"
    assert all(x0 - half <= x <= x1 + half for x in xs[0::2][vertical])
    assert sorted(set(ys[0::2][~vertical])) == sorted(y for y in set(y_ticks) if y0 <= y <= y1)
    assert len(x_ticks) >= 3 and len(y_ticks) >= 3
    # A vertical line runs the view's height; a horizontal one half a view beyond each side (as the readings).
    assert set(ys[0::2][vertical]) | set(ys[1::2][vertical]) == {y0, y1}
    assert set(xs[0::2][~vertical]) == {x0 - (x1 - x0) / 2} and set(xs[1::2][~vertical]) == {x1 + (x1 - x0) / 2}
    chart.pan(-0.1)
    chart.refresh_now()
    (p0, p1) = box.viewRange()[0]
    (mx, _my), (nx, _ny) = grid_lines(chart)
    moved = np.concatenate([mx, nx])
    shifted = (p1 - p0) / 2
    assert p0 < x0 and all(p0 - shifted <= x <= p1 + shifted for x in moved[0::2][moved[0::2] == moved[1::2]])


def test_the_grid_is_the_themes_ink_faintly_and_follows_a_new_palette(open_chart):
    from PySide6.QtGui import QColor, QPalette

    chart = open_chart(MemorySource(*every_day(60)))
    major, minor = (line.opts["pen"].color() for line in chart.grid.lines)
    assert major.rgb() == minor.rgb() == chart.look.ink.rgb() and 0 < minor.alpha() < major.alpha() < 64
    palette = QPalette(chart.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("black"))
    palette.setColor(QPalette.ColorRole.Text, QColor("white"))
    chart.setPalette(palette)
    assert chart.grid.lines[0].opts["pen"].color().rgb() == chart.look.ink.rgb() != major.rgb()


@pytest.mark.parametrize("low, high, snapped_to", [
    (0.87, 20.83, (0.0, 25.0)), (1.38, 19.2, (0.0, 20.0)), (5.38, 6.62, (5.0, 7.0)), (61.3, 158.0, (60.0, 160.0)),
    (120.2, 120.7, (120.2, 120.7)), (-3.1, 2.2, (-4.0, 3.0))])
def test_the_values_axis_ends_on_whole_steps_that_hold_the_range(low, high, snapped_to):
    from phr.ui.charts.ranges import snapped

    a, b = snapped(low, high)
    assert (a, b) == pytest.approx(snapped_to) and a <= low and b >= high
    step = next(s for s in (10.0 ** k * m for k in range(-3, 4) for m in (1, 2, 5)) if s >= (high - low) / 6 - 1e-12)
    assert (b - a) / step == pytest.approx(round((b - a) / step)), "whole steps of the size chosen for the range"


def test_there_is_room_above_the_plot_for_the_top_numbers_label_at_any_text_size(open_chart, qtbot):
    """The values axis ends on a round number, whose label sits on the plot's top edge: half a line above it."""
    chart = open_chart(MemorySource(*every_day(30)))
    top = chart.plot.getPlotItem().layout.getContentsMargins()[1]
    assert top == chart.fontMetrics().lineSpacing() // 2 > 0
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # 200 % text
    chart.setFont(font)
    assert chart.plot.getPlotItem().layout.getContentsMargins()[1] == chart.fontMetrics().lineSpacing() // 2 > top
