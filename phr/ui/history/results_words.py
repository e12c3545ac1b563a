"""How a lab result reads in the app: its value with the unit, the lab's normal range, and where the value
lies against that range, in words and with the chart's own symbol (never colour alone).

Where a value lies is decided once, by LabResult.position (phr.monitoring.lab_results); this module only says it.
"""

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QGuiApplication, QPixmap

from phr.core.vocabulary import ResultPosition
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.monitoring.measures import Measure
from phr.ui.charts.style import chart_look, symbol_icon
from phr.ui.text.formatting import day, fill
from phr.ui.text.vocabulary import label_of

translate = QCoreApplication.translate

# The chart's symbols: a triangle up above the range, down below it, a dot within (phr.ui.charts.style).
SYMBOL_OF = {ResultPosition.BELOW: "below", ResultPosition.WITHIN: "within", ResultPosition.ABOVE: "above"}


def position_text(position: ResultPosition | str) -> str:
    """'Below the range', ...: the vocabulary's words, as the exports say them."""
    return label_of(ResultPosition, position)


def position_icon(position: ResultPosition | str, size: int = 16) -> QPixmap | None:
    symbol = SYMBOL_OF.get(ResultPosition(position))
    # In the theme's colours now: a table asks for its icons at every paint.
    return symbol_icon(symbol, chart_look(QGuiApplication.palette()).series[0], size) if symbol else None


def number(value: float, decimals: int) -> str:
    """With the app's decimal sign; no more decimals than the measure has."""
    return QLocale().toString(float(value), "f", max(0, decimals))


def value_text(result: LabResult, measure: Measure) -> str:
    shown = number(result.value, measure.decimals)
    return f"{shown} {measure.unit_text}".strip()


def range_text(reference: ReferenceRange | None, decimals: int) -> str:
    """'3,5 – 5,0', 'at most 5,0', 'at least 3,5', or the lab's own words; '' when the lab gave none."""
    if reference is None:
        return ""
    low, high = reference.low, reference.high
    if low is not None and high is not None:
        return f"{number(low, decimals)} – {number(high, decimals)}"
    if high is not None:
        return fill(translate("Results", "at most %1"), number(high, decimals))
    if low is not None:
        return fill(translate("Results", "at least %1"), number(low, decimals))
    return reference.text


def result_date(result: LabResult) -> str:
    return day(result.taken_at.astimezone().date())


def short_date(result: LabResult) -> str:
    """'10 nov. 2026': where a table shares its width with a chart."""
    local = result.taken_at.astimezone()
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMM yyyy")


def explanation() -> str:
    return translate("Results", "The normal range is what the lab gives as usual for most people. A value "
                                "outside it is not always a problem: ask your doctor what it means for you.")


def empty_text() -> str:
    return translate("Results", "Here you see lab results with the lab's normal range, read from a health summary "
                                "(FHIR file) from a hospital or GP.")


def source_text() -> str:
    return translate("Results", "Results come from a FHIR file that you import, for example from your hospital "
                                "or GP. Choose a line to see all its results.")
