"""One source for every figure: a record with a glucose sensor AND a plain CSV of other glucose readings (with lows
below 3.0 only in the CSV). Every glucose figure the app's statistics, the overview PDF (its measurements and its
glucose profile page), the visit brief, the CSV export and the FHIR export give is checked against values this test
works out on its own, from the readings it made, with plain Python (Decimal rounding, the statistics module)."""

import csv
import io
import json
import random
import re
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale

from phr.export.csv_export import export_bytes
from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf
from phr.formats.fhir.write.bundle import build_bundle
from phr.imports.device_import import import_file
from phr.monitoring.readings import Reading
from phr.ui.monitoring.stats import StatisticsTab
from phr.words.catalogue import Words

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=AMSTERDAM)
TODAY = NOW.date()
WINTER = timezone(timedelta(hours=1))  # all readings lie in November: Amsterdam is UTC+1
BANDS = ("very_low", "low", "in_range", "high", "very_high")
w = Words("en")


@dataclass(frozen=True)
class Expected:
    """What the test works out itself for one set of readings."""
    count: int
    counts: dict[str, int]
    shares: dict[str, float]
    mean: float
    cv: float
    gmi: float


def band(value: float) -> str:
    """The consensus band of a value as shown to one decimal, rounded half up (written out, not imported)."""
    shown = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if shown < Decimal("3.0"):
        return "very_low"
    if shown < Decimal("3.9"):
        return "low"
    if shown <= Decimal("10.0"):
        return "in_range"
    return "high" if shown <= Decimal("13.9") else "very_high"


def expected(values: list[float]) -> Expected:
    counts = {name: sum(band(v) == name for v in values) for name in BANDS}
    mean = statistics.fmean(values)
    return Expected(len(values), counts, {name: counts[name] / len(values) * 100 for name in BANDS}, mean,
                    statistics.stdev(values) / mean * 100, 3.31 + 0.02392 * mean * 18.016)


def sensor_values() -> list[tuple[datetime, float]]:
    """14 whole days before today, every 15 minutes: 3.9 up to 16, no value below 3.9."""
    chance = random.Random(13)
    first = datetime.combine(TODAY - timedelta(days=14), datetime.min.time(), WINTER)
    return [(first + timedelta(minutes=15 * n), round(chance.uniform(3.9, 16.0), 1)) for n in range(14 * 96)]


def csv_values() -> list[tuple[datetime, float]]:
    """30 days of another meter's readings, 6 a day, some of them low and very low."""
    chance = random.Random(7)
    first = datetime.combine(TODAY - timedelta(days=30), datetime.min.time(), WINTER)
    return [(first + timedelta(days=day, hours=hour, minutes=2), round(chance.uniform(2.2, 12.0), 1))
            for day in range(30) for hour in (3, 7, 11, 14, 18, 22)]


@pytest.fixture
def mixed(services):
    sensor, other = sensor_values(), csv_values()
    services.readings.add_batch([Reading("glucose", at, value, method="sensor") for at, value in sensor],
                                "device_import", "libre.csv")
    data = "time,value\n" + "".join(f"{at.isoformat()},{value}\n" for at, value in other)
    summary = import_file(services, data.encode(), "meter.csv", "csv", "glucose")  # method not given
    assert summary.added == len(other)
    return services, [v for _, v in sensor], [v for _, v in other]


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def pct(value: float) -> str:
    return f"{w.number(value, 1)}%"


def test_the_app_statistics_show_the_sensor_figures_and_the_other_readings_beside_them(mixed, qtbot, events):
    services, sensor, other = mixed
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    tab = StatisticsTab(services, events, "en", now=lambda: NOW)
    qtbot.addWidget(tab)
    tab.set_measure(services.measures.find("glucose"))
    tab.refresh()
    text = tab.view.toPlainText()
    mine, theirs = expected(sensor), expected(other)
    labels = {"very_low": "Very low (below 3.0)", "low": "Low (3.0 to 3.8)", "in_range": "In range (3.9 to 10.0)",
              "high": "High (10.1 to 13.9)", "very_high": "Very high (above 13.9)"}
    assert theirs.counts["very_low"] > 5 and mine.counts["very_low"] == 0  # the lows are in the CSV only
    for name, label in labels.items():
        row = f"{label}\n{mine.counts[name]}\n{pct(mine.shares[name])}\n{pct(theirs.shares[name])}"
        assert row.replace(",", "") in text.replace(",", ""), row
    assert f"from the {mine.count:,} sensor readings" in text
    assert f"The {theirs.count} other readings (finger prick, lab, typed in or not known)" in text
    assert f"Mean glucose\n{w.number(mine.mean, 1)} mmol/L" in text
    assert f"Variation compared to the mean\n{pct(mine.cv)}" in text
    assert f"Estimated HbA1c (GMI)\n{pct(mine.gmi)}" in text
    assert f"Readings\n{len(sensor) + len(other):,}" in text


def test_the_overview_prints_the_same_figures_and_its_glucose_profile_page(mixed):
    services, sensor, other = mixed
    text = pdf_text(build_pdf(services, ExportOptions("overview", "en", now=NOW)))
    mine, theirs = expected(sensor), expected(other)
    for name in BANDS:
        assert f"{mine.counts[name]:,} {pct(mine.shares[name])} {pct(theirs.shares[name])}" in text, name
    assert f"Mean glucose {w.number(mine.mean, 1)} mmol/L" in text
    assert pct(mine.cv) in text and pct(mine.gmi) in text
    assert f"from the {mine.count:,} sensor readings" in text
    assert f"The {theirs.count} other readings" in text
    # The glucose profile page: the 14 days before the export day, which hold every sensor reading here.
    assert "Ambulatory glucose profile (AGP)" in text
    assert f"{mine.count:,} sensor readings, about one every 15 minutes. The sensor read 100.0% of the time" in text
    assert f"In range (3.9 to 10.0) {pct(mine.shares['in_range'])} (goal: more than 70%)" in text
    assert f"Below 3.9 in total {pct(mine.shares['very_low'] + mine.shares['low'])}" in text


def test_the_visit_brief_gives_the_sensor_bar_and_the_other_readings_lows(mixed):
    services, sensor, other = mixed
    text = pdf_text(build_pdf(services, ExportOptions("visit", "en", now=NOW)))
    mine, theirs = expected(sensor), expected(other)
    assert f"{w.number(mine.shares['in_range'], 0)}% in range" in text
    for name, words in (("very_low", "< 3.0"), ("low", "3.0–3.8"), ("in_range", "3.9–10.0"), ("high", "10.1–13.9"),
                        ("very_high", "> 13.9")):
        assert f"{words} {pct(mine.shares[name])}" in text, name
    below = theirs.shares["very_low"] + theirs.shares["low"]
    assert (f"The {theirs.count} other readings (finger prick, lab, typed in or not known): {pct(below)} below 3.9, "
            f"{pct(theirs.shares['very_low'])} below 3.0") in text


def test_the_csv_export_carries_what_every_figure_rests_on(mixed):
    services, sensor, other = mixed
    rows = list(csv.DictReader(io.StringIO(export_bytes(services, ["glucose"]).decode())))
    from_sensor = [float(row["value"]) for row in rows if row["method"] == "sensor"]
    others = [float(row["value"]) for row in rows if row["method"] != "sensor"]
    assert expected(from_sensor) == expected(sensor) and expected(others) == expected(other)
    assert {row["loinc"] for row in rows if row["method"] == "sensor"} == {"105272-9"}


def test_the_fhir_summary_carries_the_sensor_figures(mixed):
    services, sensor, _other = mixed
    bundle = build_bundle(services, "en", NOW)
    found = {entry["resource"]["code"]["coding"][0]["code"]: entry["resource"] for entry in bundle["entry"]
             if entry["resource"]["resourceType"] == "Observation"
             and "effectivePeriod" in entry["resource"]}
    mine = expected(sensor)
    shares = {part["code"]["coding"][0]["code"]: part["valueQuantity"]["value"]
              for part in found["106793-3"]["component"]}
    codes = {"very_low": "104642-4", "low": "104641-6", "in_range": "97510-2", "high": "104640-8",
             "very_high": "104639-0"}
    for name, code in codes.items():
        assert shares[code] == pytest.approx(mine.shares[name], abs=0.005)
    assert found["105273-7"]["valueQuantity"]["value"] == pytest.approx(mine.mean, abs=0.005)
    assert found["97506-0"]["valueQuantity"]["value"] == pytest.approx(mine.gmi, abs=0.005)
    assert found["104638-2"]["valueQuantity"]["value"] == pytest.approx(mine.cv, abs=0.005)
    assert found["104637-4"]["valueQuantity"]["value"] == 100.0
    assert found["106793-3"]["effectivePeriod"] == {"start": str(TODAY - timedelta(days=14)),
                                                    "end": str(TODAY - timedelta(days=1))}
    json.dumps(bundle)  # plain JSON, no NaN or Infinity


def test_expected_is_right_on_a_hand_example():
    """The test's own arithmetic, on numbers worked out by hand: 2.95 shows as 3.0 (low), 3.85 as 3.9 (in range)."""
    result = expected([2.94, 2.95, 3.85, 10.05, 14.0])
    assert result.counts == {"very_low": 1, "low": 1, "in_range": 1, "high": 1, "very_high": 1}
    assert result.mean == pytest.approx(6.758)  # 33.79 / 5
    assert date(2026, 11, 8) == TODAY - timedelta(days=14)
