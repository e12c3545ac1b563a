"""The value axis of a PDF chart: every label reads exactly the value of its grid line, at any step.

The labels are read back from the drawing (its String objects) and the grid lines' heights; the
values a label should have are worked out from those heights alone, not from the chart's code.
"""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib.units import mm

from phr.export.pdf import chart as pdf_chart

START = date(2026, 1, 1)
WORDS = {language: pdf_chart.ChartWords("Target", "above", "below", language) for language in ("nl", "en")}
ROUND_MANTISSAS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))


def axis_labels(drawing: Drawing) -> list[tuple[float, str]]:
    """(height of the grid line, label) for each value-axis label, bottom to top."""
    left = pdf_chart.PLOT_LEFT - 1.5 * mm
    return sorted((s.y + 2.2, s.text) for s in drawing.contents
                  if isinstance(s, String) and s.textAnchor == "end" and abs(s.x - left) < 1e-6)


def grid_heights(drawing: Drawing) -> list[float]:
    width = drawing.width - pdf_chart.PLOT_RIGHT - pdf_chart.PLOT_LEFT
    return sorted(ln.y1 for ln in drawing.contents if isinstance(ln, Line) and ln.y1 == ln.y2
                  and abs(ln.x2 - ln.x1 - width) < 1e-6 and ln.strokeDashArray is None)


def parse(label: str, language: str) -> Decimal:
    thousands, point = (".", ",") if language == "nl" else (",", ".")
    assert re.fullmatch(rf"-?\d{{1,3}}(\{thousands}\d{{3}})*(\{point}\d+)?", label), label
    return Decimal(label.replace(thousands, "").replace(point, "."))


def chart_of(low: float, high: float, language: str, decimals: int = 1,
             target: tuple[float | None, float | None] = (None, None)) -> Drawing:
    base = pdf_chart.local_seconds(START)
    times = [base + n * 86_400 for n in range(20)]
    values = [low + (high - low) * n / 19 for n in range(20)]
    series = pdf_chart.ChartSeries("Measure", times, values, *target)
    return pdf_chart.measure_chart([series], START, START + timedelta(days=20), WORDS[language], decimals)


def check_axis(drawing: Drawing, language: str) -> list[Decimal]:
    """Asserts the labels are exact and returns their values."""
    labels = axis_labels(drawing)
    assert len(labels) >= 3
    assert [y for y, _ in labels] == pytest.approx(grid_heights(drawing))  # one label per grid line
    values = [parse(text, language) for _, text in labels]
    step = values[1] - values[0]
    assert step > 0 and step.scaleb(-step.adjusted()).normalize() in ROUND_MANTISSAS
    assert all(b - a == step for a, b in zip(values, values[1:]))  # exact, no 7.500000001 nor a rounded 8
    # Each label sits where its value belongs: heights are linear in the labels' values.
    (y0, _), (y1, _) = labels[0], labels[-1]
    per_unit = (y1 - y0) / float(values[-1] - values[0])
    for (y, _), value in zip(labels, values):
        assert y == pytest.approx(y0 + float(value - values[0]) * per_unit, abs=1e-6)
    # As many decimals as the step needs, no more: 2.5 shows one, 0.25 two, 5 none.
    shown = max(-value.as_tuple().exponent for value in values)
    assert shown == max(0, -step.normalize().as_tuple().exponent)
    return values


SPANS = [(0.0, 12.5), (2.2, 12.1), (3.0, 8.0), (60.0, 95.0), (0.1, 0.9), (0.02, 0.22), (35.5, 38.2),
         (1200.0, 9800.0), (-3.0, 4.0), (68.2, 71.4), (0.0, 1.0), (95.0, 100.0), (0.0, 25.0), (120.0, 180.0)]


@pytest.mark.parametrize("language", ("nl", "en"))
@pytest.mark.parametrize("low, high", SPANS)
def test_every_value_label_reads_its_grid_line(low, high, language):
    values = check_axis(chart_of(low, high, language, decimals=3), language)
    assert values[0] <= Decimal(repr(low)) and values[-1] >= Decimal(repr(high))


@pytest.mark.parametrize("language", ("nl", "en"))
def test_a_glucose_axis_in_steps_of_2_5_reads_2_5_and_7_5(language):
    drawing = chart_of(2.2, 12.1, language, target=(3.9, 10.0))
    labels = [text for _, text in axis_labels(drawing)]
    point = "," if language == "nl" else "."
    assert labels == [f"0{point}0", f"2{point}5", f"5{point}0", f"7{point}5", f"10{point}0", f"12{point}5"]
    check_axis(drawing, language)


def test_the_step_is_never_finer_than_the_measures_precision():
    drawing = chart_of(3.0, 5.0, "en", decimals=0)  # about 0.5 a tick, but the measure is kept in whole numbers
    values = check_axis(drawing, "en")
    assert values[1] - values[0] == 1


@pytest.mark.parametrize("span", [10 ** e * m for e in range(-3, 5) for m in (1.0, 1.3, 2.2, 3.7, 4.9, 6.1, 9.9)])
def test_nice_steps_are_round_and_exact(span):
    step = pdf_chart.nice_step(span)
    exact = Decimal(repr(step))
    assert exact.scaleb(-exact.adjusted()).normalize() in ROUND_MANTISSAS
    assert span / 5 <= step < span / 5 * 2.6
    for tick in pdf_chart.axis_ticks(-3 * step, 50 * step, step):
        index = Decimal(repr(tick)) / exact
        assert index == index.to_integral_value()  # each tick is a whole multiple, without float noise


@pytest.mark.parametrize("low, high", [(0.02, 0.22), (0.0, 0.4), (0.3, 0.9), (0.0, 0.0)])
def test_values_of_zero_and_up_get_no_negative_axis(low, high):
    values = check_axis(chart_of(low, high, "nl", decimals=2), "nl")
    assert values[0] == 0


@pytest.mark.parametrize("days", [1, 10, 40, 150, 201, 400, 401, 1200, 1201, 4383, 4384, 9837, 15_000])
def test_the_time_axis_labels_never_run_into_each_other(days):
    """Read back from the drawing: each date label's extent (centred on its tick) ends before the next begins."""
    drawing = pdf_chart.measure_chart([], START, START + timedelta(days=days - 1), WORDS["nl"])
    bottom = min(s.y for s in drawing.contents if isinstance(s, String) and s.textAnchor == "middle")
    labels = sorted((s.x, s.text) for s in drawing.contents
                    if isinstance(s, String) and s.textAnchor == "middle" and s.y == bottom)
    assert len(labels) >= 2 if days > 1 else labels
    extents = [(x - width / 2, x + width / 2) for x, text in labels
               for width in [pdf_chart.stringWidth(text, pdf_chart.FONT, 6.5)]]
    assert [(a, b) for a, b in zip(extents, extents[1:]) if a[1] + 1 > b[0]] == []
