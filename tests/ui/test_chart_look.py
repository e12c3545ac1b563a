"""The measure chart in every theme and at every text size: the chosen period can be told by more than colour,
the chart keeps a readable height at 200 % (the page scrolls instead), numbers are written the app's way,
and a high-contrast theme gets its own palette's colours."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QScrollArea, QSplitter, QTabWidget

from phr.demo.sample_record import fill_sample_record
from phr.monitoring.measures import CATALOGUE
from phr.ui.app.desktop.text_size import apply_text_size
from phr.ui.charts.axis import LocalNumberAxis, chart_locale, tick_numbers
from phr.ui.charts.measure_chart import MeasureChart
from phr.ui.charts.ranges import DAY, Preset
from phr.ui.charts.room import PLOT_LINES
from phr.ui.charts.source import ChartEvent, MemorySource, TargetBand
from phr.ui.charts.style import chart_look
from phr.ui.monitoring.page import MonitoringPage
from phr.ui.widgets.contrast import checked_colours
from phr.ui.widgets.theme import THEMES, apply_theme, contrast, theme_palette

Role = QPalette.ColorRole
NOW = datetime(2026, 3, 31, 20, 0).timestamp()
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def themed(qapp):
    style, palette = qapp.style().name(), qapp.palette()

    def switch(name: str) -> QPalette:
        apply_theme(qapp, name)
        qapp.processEvents()
        return qapp.palette()
    yield switch
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def large_text(qapp):
    apply_text_size(qapp, 200)
    qapp.processEvents()
    yield
    apply_text_size(qapp, 100)


def weight_source() -> MemorySource:
    times = np.array([NOW - DAY * d for d in range(60)])
    return MemorySource(times, np.array([70.0 + (d % 5) * 0.3 for d in range(60)]),
                        events=[ChartEvent(NOW - 10 * DAY, "appointment", "Check-up")])


def bp_source() -> MemorySource:
    times = np.array([NOW - DAY * d for d in range(30)])
    return MemorySource(times, np.array([128.0 + d % 9 for d in range(30)]), np.array([82.0 + d % 5 for d in range(30)]),
                        target=TargetBand(None, 135.0, None, 85.0),
                        events=[ChartEvent(NOW - 10 * DAY, "appointment", "Botdichtheidsmeting (DEXA-scan)")])


def chart(qtbot, source: MemorySource, measure: str = "weight", language: str = "en",
          size: tuple[int, int] = (900, 600)) -> MeasureChart:
    made = MeasureChart(source, CATALOGUE[measure], language, now=lambda: NOW)
    qtbot.addWidget(made)
    made.resize(*size)
    made.show()
    qtbot.waitExposed(made)
    made.refresh_now()
    return made


# -- the chosen period ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", THEMES)
def test_the_chosen_period_is_bold_and_filled_and_nothing_moves(qtbot, themed, name):
    palette = themed(name)
    shown = chart(qtbot, weight_source())
    shown.set_preset(Preset.MONTH)
    QApplication.processEvents()
    chosen, other = shown.presets[Preset.MONTH], shown.presets[Preset.WEEK]
    assert chosen.isChecked() and chosen.font().bold() and not other.font().bold()  # not by colour alone
    fill = chosen.grab().toImage().pixelColor(4, chosen.height() // 2)
    plain = other.grab().toImage().pixelColor(4, other.height() // 2)
    assert fill == checked_colours(palette)[0]
    assert contrast(fill, palette.color(Role.Window)) >= 3.0 and contrast(fill, plain) >= 2.0, (fill.name(),
                                                                                               plain.name())
    widths = {key: button.width() for key, button in shown.presets.items()}
    shown.set_preset(Preset.WEEK)
    QApplication.processEvents()
    assert other.font().bold() and not chosen.font().bold()
    assert {key: button.width() for key, button in shown.presets.items()} == widths


# -- sizes ---------------------------------------------------------------------------------------------------

def test_at_200_percent_the_plot_keeps_its_height_and_the_words_their_room(qtbot, large_text):
    made = MeasureChart(bp_source(), CATALOGUE["bp"], "nl", now=lambda: NOW)
    tabs, splitter = QTabWidget(), QSplitter()  # as on the measurements page, in the main window's page area
    tabs.addTab(made, "Grafiek")
    splitter.addWidget(QListWidget())
    splitter.addWidget(tabs)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(splitter)
    area.resize(900, 500)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: made.summary.text() != "")
    QApplication.processEvents()
    line = made.fontMetrics().lineSpacing()
    assert made.plot.height() >= PLOT_LINES * line >= 16 * 28  # was squashed to about 40 pixels
    parts = [made.plot, made.legend, made.summary, made.help]
    for upper, lower in zip(parts, parts[1:]):
        assert upper.geometry().bottom() < lower.geometry().top(), (type(upper).__name__, type(lower).__name__)
    assert made.help.geometry().bottom() <= made.height()
    assert made.help.height() >= made.help.heightForWidth(made.help.width()) - 1, "the help is not cut off"
    assert area.verticalScrollBar().maximum() > 0, "the page scrolls instead"
    assert area.horizontalScrollBar().maximum() == 0
    assert made.legend.columns < 3


@pytest.fixture
def sample_page(qtbot, services, events):
    fill_sample_record(services, date(2026, 11, 22))
    page = MonitoringPage(services, events, "nl", now=lambda: datetime(2026, 11, 22, 12, tzinfo=AMSTERDAM))
    qtbot.addWidget(page)
    page.resize(880, 670)  # the page area of a 1024 x 768 screen
    page.show()
    qtbot.waitExposed(page)
    yield page
    if page.services is not None:
        page.release()


def test_at_the_usual_size_the_measurements_page_needs_no_scrolling(qtbot, sample_page):
    """Its toolbar wraps, so it has a height for each width: the least one, not the one the charts would like."""
    for key in ("glucose", "bp", "weight"):
        sample_page.select_measure(key)
        QApplication.processEvents()
        assert sample_page.hasHeightForWidth() and sample_page.heightForWidth(880) <= 670, key


def test_the_day_profile_names_fewer_hours_at_200_percent(qtbot, sample_page, qapp):
    sample_page.select_measure("glucose")
    sample_page.tabs.setCurrentWidget(sample_page.profile_tab)
    QApplication.processEvents()

    def hours() -> int:
        ticks = sample_page.profile_tab.plot.getPlotItem().getAxis("bottom")._tickLevels
        return len(ticks[0])
    assert hours() == 9  # every 3 hours, 00:00 to 24:00
    apply_text_size(qapp, 200)
    try:
        qtbot.waitUntil(lambda: hours() == 5)  # every 6: the larger words do not run into each other
        profile = sample_page.profile_tab
        assert profile.words.geometry().bottom() < profile.plot.geometry().top()
    finally:
        apply_text_size(qapp, 100)


def test_the_monitoring_page_stays_as_wide_as_the_tab_in_view(qtbot, sample_page, large_text):
    page = sample_page
    try:
        for index in range(page.tabs.count()):  # every tab filled once: a wide table stays in its own tab
            page.tabs.setCurrentIndex(index)
            QApplication.processEvents()
        page.tabs.setCurrentIndex(0)
        page.select_measure("bp")
        QApplication.processEvents()
        assert page.minimumSizeHint().width() <= 880
        # The tabs ask for the room of the chart in view, not of the widest table in another tab.
        assert page.tabs.minimumSizeHint().width() <= page.chart_tab.minimumSizeHint().width() + 10
    finally:
        page.release()


# -- words and numbers ---------------------------------------------------------------------------------------

def test_the_values_axis_writes_numbers_the_way_of_the_language(qtbot):
    dutch, english = chart_locale("nl"), chart_locale("en")
    assert tick_numbers(dutch, [70.0, 70.5, 71.0], 0.5) == ["70,0", "70,5", "71,0"]
    assert tick_numbers(english, [70.0, 70.5], 0.5) == ["70.0", "70.5"]
    assert tick_numbers(dutch, [1200.0, 1400.0], 200) == ["1200", "1400"]  # no '1.200' on an axis
    shown = chart(qtbot, weight_source(), language="nl")
    axis = shown.plot.getPlotItem().getAxis("left")
    assert isinstance(axis, LocalNumberAxis)
    assert axis.tickStrings([70.5], 1.0, 0.5) == ["70,5"]


@pytest.mark.parametrize("name", THEMES)
def test_the_words_beside_a_target_line_read_as_text(qtbot, themed, name):
    palette = themed(name)
    shown = chart(qtbot, bp_source(), measure="bp")
    labels = [item.label for item in shown.targets.items if getattr(item, "label", None) is not None]
    assert labels, "the one-sided target has its line and words"
    for label in labels:
        assert contrast(label.color, palette.color(Role.Base)) >= 4.5, (name, label.color.name())


def test_high_contrast_charts_take_the_palettes_own_colours(qapp):
    palette = theme_palette("high-contrast")
    look = chart_look(palette)
    assert [style.colour for style in look.series] == [palette.color(Role.Highlight), palette.color(Role.Text),
                                                       palette.color(Role.Link)]
    assert look.label_fill.alpha() == 255, "event labels on the background itself, not a grey box"
    assert all(contrast(style.above, look.background) >= 3.0 for style in look.series)
    ordinary = chart_look(theme_palette("dark"))
    assert ordinary.label_fill.alpha() < 255 and ordinary.series[0].colour != theme_palette("dark").color(
        Role.Highlight)


def test_the_legend_takes_fewer_columns_where_the_words_are_large(qtbot, qapp):
    shown = chart(qtbot, bp_source(), measure="bp", size=(620, 700))
    normal = shown.legend.fitting_columns(600)
    apply_text_size(qapp, 200)
    try:
        QApplication.processEvents()
        assert shown.legend.fitting_columns(600) < normal == 3
        assert shown.legend.minimumSizeHint().width() < 600
    finally:
        apply_text_size(qapp, 100)
    assert Qt.AlignmentFlag.AlignTop & next(iter(shown.legend.entries.values())).text.alignment()
