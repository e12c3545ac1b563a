"""Colours from the palette: every role keeps its WCAG contrast in the light, dark and high-contrast themes,
charts are drawn on the theme's base colour, and what the app colours follows a change of theme."""

from datetime import datetime

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from phr.monitoring.measures import CATALOGUE
from phr.ui.charts.measure_chart import MeasureChart
from phr.ui.charts.source import ChartEvent, MemorySource, TargetBand
from phr.ui.charts.style import BLUE, GREEN, chart_look
from phr.ui.charts.time_in_range_bar import TimeInRangeBar
from phr.ui.export.preview import ExportPreview
from phr.ui.history.results_chart import ResultsChart
from phr.ui.monitoring.day_profile import profile_colours
from phr.ui.widgets.theme import (
    THEMES,
    apply_theme,
    contrast,
    error_text,
    luminance,
    mark_error,
    mark_muted,
    muted_text,
    readable,
    theme_palette,
)

Role = QPalette.ColorRole
NOW = datetime(2026, 3, 31, 20, 0).timestamp()
DAY = 86400.0


@pytest.fixture
def themed(qapp):
    """Switch the whole application to a theme; the test run's own style and palette come back afterwards."""
    style, palette = qapp.style().name(), qapp.palette()

    def switch(name: str) -> QPalette:
        apply_theme(qapp, name)
        qapp.processEvents()
        return qapp.palette()
    yield switch
    qapp.setStyle(style)
    qapp.setPalette(palette)


def worst(colour: QColor, *backgrounds: QColor) -> float:
    return min(contrast(colour, background) for background in backgrounds)


# -- the formula -------------------------------------------------------------------------------------------

def test_the_contrast_ratio_follows_the_wcag_formula():
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)  # WCAG's own example grey
    assert contrast(QColor("white"), QColor("#0072B2")) == contrast(QColor("#0072B2"), QColor("white"))


def test_readable_keeps_a_colour_that_already_reads_and_shades_one_that_does_not():
    assert readable(QColor("#0072B2"), [QColor("white")], 4.5) == QColor("#0072B2")
    lighter = readable(QColor("#0072B2"), [QColor("#101010")], 4.5)
    darker = readable(QColor("#E69F00"), [QColor("white")], 3.0)
    assert contrast(lighter, QColor("#101010")) >= 4.5 and luminance(lighter) > luminance(QColor("#0072B2"))
    assert contrast(darker, QColor("white")) >= 3.0 and luminance(darker) < luminance(QColor("#E69F00"))
    assert abs(lighter.hslHueF() - QColor("#0072B2").hslHueF()) < 0.02, "a shade of the same hue"


# -- every role in every theme -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", THEMES)
def test_text_the_app_colours_has_4_5_to_1_on_window_and_base(qapp, name):
    palette = theme_palette(name)
    window, base = palette.color(Role.Window), palette.color(Role.Base)
    assert worst(muted_text(palette), window, base) >= 4.5
    assert worst(error_text(palette), window, base) >= 4.5
    # Muted is muted: less contrast than the theme's own text.
    assert contrast(muted_text(palette), window) < contrast(palette.color(Role.Text), window)


@pytest.mark.parametrize("name", THEMES)
def test_chart_ink_has_4_5_to_1_and_every_line_and_symbol_3_to_1(qapp, name):
    look = chart_look(theme_palette(name))
    assert contrast(look.ink, look.background) >= 4.5
    assert contrast(look.neutral, look.background) >= 3.0  # event lines
    for style in look.series:
        for colour in (style.colour, style.above, style.below):
            assert contrast(colour, look.background) >= 3.0, (name, colour.name())


@pytest.mark.parametrize("name", THEMES)
def test_the_day_profile_median_stands_out_from_the_background_and_the_band_it_runs_through(qapp, name):
    palette = theme_palette(name)
    outer, inner, median, target = profile_colours(palette)
    background = palette.color(Role.Base)
    assert worst(median, background, inner) >= 3.0
    assert contrast(target, background) >= 3.0
    # The 90 % band lies nearest the background, the median furthest: as on paper, in every theme.
    assert contrast(outer, background) < contrast(inner, background) < contrast(median, background)


def test_dark_themes_get_a_lighter_red_and_light_keeps_the_okabe_ito_colours(qapp):
    light, dark = theme_palette("light"), theme_palette("dark")
    assert luminance(error_text(dark)) > luminance(error_text(light))
    assert error_text(light) == QColor("#a40000")
    look = chart_look(light)
    assert look.series[0].colour == QColor(BLUE) and look.series[1].colour == QColor(GREEN)
    assert look.background == QColor("white") and chart_look(dark).background == dark.color(Role.Base)


# -- widgets -------------------------------------------------------------------------------------------------

def chart_with_readings(qtbot) -> MeasureChart:
    times = [NOW - DAY * d for d in range(30)]
    source = MemorySource(times, [6.0 + (d % 7) for d in range(30)], target=TargetBand(3.9, 10.0),
                          events=[ChartEvent(NOW - 10 * DAY, "appointment", "Check-up")])
    chart = MeasureChart(source, CATALOGUE["glucose"], "en", now=lambda: NOW)
    qtbot.addWidget(chart)
    chart.resize(900, 560)
    chart.show()
    qtbot.waitExposed(chart)
    chart.refresh_now()
    return chart


def plot_corner(chart) -> QColor:
    """A pixel of the plot's own background: just inside its top right corner, where no reading is drawn."""
    image = chart.plot.grab().toImage()
    return image.pixelColor(image.width() - 4, 4)


def test_a_chart_in_a_dark_palette_has_a_dark_background_and_light_ink(qtbot, themed):
    palette = themed("dark")
    chart = chart_with_readings(qtbot)
    assert luminance(plot_corner(chart)) < 0.05
    assert plot_corner(chart) == palette.color(Role.Base)
    assert chart.plot.getPlotItem().getAxis("left").textPen().color() == palette.color(Role.Text)
    assert chart.markers.lines, "the event is drawn"
    event = next(iter(chart.markers.lines.values()))
    assert contrast(event.pen.color(), palette.color(Role.Base)) >= 3.0


def test_a_chart_follows_a_change_of_theme(qtbot, themed):
    chart = chart_with_readings(qtbot)
    assert luminance(plot_corner(chart)) > 0.9  # light: the test run's own palette
    dark = themed("high-contrast")
    qtbot.waitUntil(lambda: luminance(plot_corner(chart)) < 0.01)
    expected = chart_look(dark)
    assert chart.layers[0].line.opts["pen"].color() == expected.series[0].colour
    assert chart.plot.getPlotItem().getAxis("bottom").pen().color() == expected.ink
    assert all(entry.icon.pixmap() is not None for entry in chart.legend.entries.values())
    assert chart.legend.shown(), "the legend is filled again in the new colours"


def test_the_results_chart_and_the_time_in_range_bar_follow_the_theme(qtbot, themed):
    results = ResultsChart("en")
    bar = TimeInRangeBar()
    bar.show_bands([("Very high: 1%", 1.0), ("High: 9%", 9.0), ("In range: 80%", 80.0), ("Low: 8%", 8.0),
                    ("Very low: 2%", 2.0)])
    for widget in (results, bar):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    palette = themed("dark")
    assert results.plot.backgroundBrush().color() == palette.color(Role.Base)
    image = bar.grab().toImage()
    assert image.pixelColor(12, 12 + 110) == palette.color(Role.WindowText)  # the bar's left edge, half way down


def test_muted_and_error_labels_follow_a_change_of_theme(qtbot, themed):
    hint, problem = QLabel("Enter saves."), QLabel("Not a number.")
    for label in (hint, problem):
        qtbot.addWidget(label)
    mark_muted(hint)
    mark_error(problem)
    light = themed("light")
    assert problem.palette().color(Role.WindowText) == error_text(light)
    dark = themed("dark")
    assert problem.palette().color(Role.WindowText) == error_text(dark)
    assert hint.palette().color(Role.WindowText) == muted_text(dark)
    assert hint.palette().color(Role.Window) == dark.color(Role.Window), "only the text colour is the label's own"


def test_an_error_look_can_be_taken_off_again(qtbot, themed):
    dark = themed("dark")
    echo = QLabel("Tuesday 15 January 2027")
    qtbot.addWidget(echo)
    mark_error(echo)
    mark_error(echo)  # twice: still one colour keeper
    assert echo.palette().color(Role.WindowText) == error_text(dark)
    mark_error(echo, on=False)
    assert echo.palette().color(Role.WindowText) == dark.color(Role.WindowText)
    light = themed("light")
    assert echo.palette().color(Role.WindowText) == light.color(Role.WindowText), "and it follows the theme again"


def test_the_export_preview_fits_the_screen_with_its_buttons(qtbot, qapp):
    room = qapp.primaryScreen().availableGeometry()
    preview = ExportPreview("Preview", b"", "Not encrypted.")
    qtbot.addWidget(preview)
    assert preview.height() <= room.height() and preview.width() <= room.width()
    assert room.height() >= 900 or preview.height() < 900, "smaller than it would like on a low screen"
