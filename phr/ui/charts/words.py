"""Every text of the measure chart, and the chart described in words (for everyone, screen readers too)."""

from enum import Enum

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from phr.core.vocabulary import DiaryKind, TimelineKind
from phr.monitoring.measures import SCORE, Measure
from phr.monitoring.target_words import component_units, limits_text, target_phrase, with_unit
from phr.ui.charts.ranges import Preset
from phr.ui.charts.source import ABOVE, BELOW, Envelope, Limits
from phr.ui.text.formatting import fill
from phr.ui.text.vocabulary import label
from phr.words.catalogue import Words

translate = QCoreApplication.translate
DAY = 86400.0


def preset_labels() -> dict[Preset, str]:
    return {
        Preset.WEEK: translate("MeasureChart", "&Week"),
        Preset.MONTH: translate("MeasureChart", "&Month"),
        Preset.QUARTER: translate("MeasureChart", "&3 months"),
        Preset.YEAR: translate("MeasureChart", "&Year"),
        Preset.ALL: translate("MeasureChart", "&All"),
    }


# The chart's events are the timeline's and the diary's, and are called by their words.
EVENT_VOCABULARY: dict[str, Enum] = {
    "medication_started": TimelineKind.MEDICATION_START, "medication_stopped": TimelineKind.MEDICATION_STOP,
    "medication_changed": TimelineKind.MEDICATION_CHANGE, "appointment": TimelineKind.APPOINTMENT,
    "admission": DiaryKind.ADMISSION,
}


def event_kind_text(kind: str) -> str:
    return label(EVENT_VOCABULARY[kind]) if kind in EVENT_VOCABULARY else kind


def event_label(kind: str, label: str) -> str:
    template = {
        "medication_started": translate("MeasureChart", "Started: %1"),
        "medication_stopped": translate("MeasureChart", "Stopped: %1"),
        "medication_changed": translate("MeasureChart", "Changed: %1"),
        "appointment": translate("MeasureChart", "Appointment: %1"),
        "admission": translate("MeasureChart", "Admission: %1"),
    }.get(kind, "%1")
    return fill(template, label)


def status_texts() -> dict[str, str]:
    return {
        "within": translate("MeasureChart", "Within target"),
        "above": translate("MeasureChart", "Above target"),
        "below": translate("MeasureChart", "Below target"),
        "sensor_high": translate("MeasureChart", "Sensor High: above what the sensor can measure (at the top edge)"),
        "sensor_low": translate("MeasureChart", "Sensor Low: below what the sensor can measure (at the bottom edge)"),
    }


def keyboard_help() -> str:
    return translate("MeasureChart", "Zoom with the mouse wheel or the + and - keys. Move through time by dragging "
                                     "or with the Left and Right arrow keys. The Home key shows everything.")


def series_units(measure: Measure) -> list[str]:
    """A score (0–10) has no unit after its numbers; else each number's unit (blood pressure's pulse: /min)."""
    return [""] if measure.kind == SCORE else component_units(measure)


def number(locale: QLocale, value: float, decimals: int) -> str:
    return locale.toString(float(value), "f", decimals)


def target_label(w: Words, name: str, several: bool, low: float | None, high: float | None, decimals: int,
                 unit: str) -> str:
    """In the legend: 'Target 4.0 to 10.0 mmol/L'; of one of several series 'Systolic: target at most 135 mmHg'."""
    text = target_phrase(w, low, high, decimals, unit)
    return f"{name}: {text}" if several else text[:1].upper() + text[1:]


def limit_text(w: Words, low: float | None, high: float | None, decimals: int) -> str:
    """Beside a one-sided target's line: 'at most 135'."""
    return limits_text(w, None, high, decimals) if high is not None else limits_text(w, low, None, decimals)


def period(locale: QLocale, start: float, end: float) -> str:
    """'1 March – 31 March 2026'; with times when the period is shorter than two days."""
    first, last = QDateTime.fromSecsSinceEpoch(round(start)), QDateTime.fromSecsSinceEpoch(round(end))
    if end - start < 2 * DAY:
        return f"{locale.toString(first, 'd MMMM yyyy HH:mm')} – {locale.toString(last, 'd MMMM yyyy HH:mm')}"
    head = "d MMMM" if first.date().year() == last.date().year() else "d MMMM yyyy"
    return f"{locale.toString(first.date(), head)} – {locale.toString(last.date(), 'd MMMM yyyy')}"


def summary(locale: QLocale, measure: Measure, shown: list[tuple[str, Envelope, Limits, str]], start: float,
            end: float, has_data: bool) -> str:
    """The visible part of the chart in sentences. `shown`: (series name, visible envelope, target, unit)."""
    text = fill(translate("MeasureChart", "Showing %1."), period(locale, start, end))
    if not has_data:
        return text + " " + translate("MeasureChart", "There are no readings yet.")
    main = shown[0][1]
    if not main.times:
        return text + " " + translate("MeasureChart", "No readings in this period.")
    sentences = [text, _count_sentence(locale, main)]
    for name, envelope, pair, unit in shown:
        sentences.append(_range_sentence(locale, measure.decimals, name, envelope, unit))
        if envelope.exact and envelope.times:
            sentences.append(_target_sentence(name, envelope, pair))
    sentences.append(_flag_sentence(main))
    return " ".join(s for s in sentences if s)


def _count_sentence(locale: QLocale, envelope: Envelope) -> str:
    count = locale.toString(envelope.reading_count())
    if envelope.exact:
        return fill(translate("MeasureChart", "Readings: %1."), count)
    return fill(translate("MeasureChart", "Readings: %1. Too many to show one by one: each thin bar runs from "
                                          "the lowest to the highest reading at that moment."), count)


def _range_sentence(locale: QLocale, decimals: int, name: str, envelope: Envelope, unit: str) -> str:
    lows = [v for v in envelope.lows if v == v]  # NaN (a flagged reading) is not a number to report
    highs = [v for v in envelope.highs if v == v]
    if not lows:
        return ""
    return fill(translate("MeasureChart", "%1: from %2 to %3."), name, number(locale, min(lows), decimals),
                with_unit(number(locale, max(highs), decimals), unit))


def _target_sentence(name: str, envelope: Envelope, pair: Limits) -> str:
    low, high = pair
    above = sum(1 for v in envelope.highs if high is not None and v > high)
    below = sum(1 for v in envelope.lows if low is not None and v < low)
    if low is not None and high is not None:
        return fill(translate("MeasureChart", "%1 outside the target: %2 above, %3 below."), name, above, below)
    if high is not None:
        return fill(translate("MeasureChart", "%1 above the target: %2."), name, above)
    if low is not None:
        return fill(translate("MeasureChart", "%1 below the target: %2."), name, below)
    return ""


def _flag_sentence(envelope: Envelope) -> str:
    high = sum(1 for f in envelope.flags if ABOVE in f)
    low = sum(1 for f in envelope.flags if BELOW in f)
    if not (high or low):
        return ""
    if envelope.exact:
        return fill(translate("MeasureChart", "Sensor High: %1. Sensor Low: %2."), high, low)
    if high and low:
        return translate("MeasureChart", "Sensor High and Low readings are marked at the top and bottom edge.")
    if high:
        return translate("MeasureChart", "Sensor High readings are marked at the top edge.")
    return translate("MeasureChart", "Sensor Low readings are marked at the bottom edge.")
