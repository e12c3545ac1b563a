"""Vaccinations, operations and procedures, and lab results in the PDFs: read back from the PDF text and compared
with what the test put in the record, the position against the lab's range worked out here on its own."""

import io
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from phr.core.entries import import_stamp
from phr.core.vocabulary import ResultPosition
from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf
from phr.export.pdf.overview import document as pdf_overview
from phr.export.pdf.overview.history import position_markup
from phr.export.pdf.visit.period import visit_period
from phr.export.pdf.visit.trend_facts import trends
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.record.codings import Coding
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination
from phr.record.person import PersonDetails
from phr.words.catalogue import Words
from phr.words.vocabulary import label

NOW = datetime(2026, 11, 22, 12, 0)
CET = timezone(timedelta(hours=1))
LANGUAGES = ("nl", "en")
SNOMED = "http://snomed.info/sct"
# (LOINC, unit, name, [(days before NOW, value, low, high)]), the newest last
LABS = [("2160-0", "umol/L", "Kreatinine", [(400, 88.0, 60, 110), (120, 105.0, 60, 110), (10, 120.0, 60, 110)]),
        ("2951-2", "mmol/L", "Natrium", [(10, 132.0, 135, 145)]),
        ("2823-3", "mmol/L", "Kalium", [(10, 4.4, 3.5, 5.0)]),
        ("1751-7", "g/L", "Albumine", [(30, 41.0, 35, None)])]


def pdf_text(services, kind: str, language: str, **choices) -> str:
    data = build_pdf(services, ExportOptions(kind=kind, language=language, now=NOW, **choices))
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """Without white space (a cell wraps anywhere) and without a hyphen inside a word (a syllable break)."""
    return re.sub(r"(?<=\w)-(?=\w)", "", "".join(text.split()))


def holds(text: str, expected: str) -> bool:
    return flat(expected) in flat(text)


def taken(days: int) -> datetime:
    return datetime(2026, 11, 22, 8, 30, tzinfo=CET) - timedelta(days=days)


def add_labs(session, services) -> None:
    stamp = import_stamp(session, "fhir_import", "lab.json")
    with session.db.transaction():
        for loinc, unit, name, results in LABS:
            measure = services.lab_results.lab_measure(loinc, unit, name, 1, stamp)
            services.lab_results.add_results(
                [LabResult(measure.key, taken(days), value, ReferenceRange(low, high)) for days, value, low, high
                 in results], "fhir_import", "lab.json")


# --- worked out here, not by the export ---------------------------------------------------------------------

def expected_position(w: Words, value: float, low: float | None, high: float | None) -> str:
    if low is not None and value < low:
        return label(w, ResultPosition.BELOW, in_sentence=True)
    if high is not None and value > high:
        return label(w, ResultPosition.ABOVE, in_sentence=True)
    return label(w, ResultPosition.WITHIN, in_sentence=True)


def number(language: str, value: float, decimals: int | None = None) -> str:
    """As given ('4.4', '120'); both ends of a range with as many decimals as the finer one ('3.5–5.0')."""
    text = f"{value:g}" if decimals is None else f"{value:.{decimals}f}"
    return text.replace(".", ",") if language == "nl" else text


def range_text(language: str, low: float, high: float | None, unit: str) -> str:
    if high is None:
        return f"≥ {number(language, low)} {unit}"
    decimals = max(len(f"{end:g}".partition(".")[2]) for end in (low, high))
    return f"{number(language, low, decimals)}–{number(language, high, decimals)} {unit}"


# --- the overview -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overview_lists_the_latest_lab_result_per_test_against_the_labs_range(session, services, language):
    add_labs(session, services)
    w, text = Words(language), pdf_text(services, "overview", language)
    for loinc, unit, name, results in LABS:
        _, value, low, high = results[-1]
        # one row: the test and its code, the latest value, its day, the lab's range and where the value lies
        row = (f"{name} LOINC {loinc} {number(language, value)} {unit} {w.date(taken(results[-1][0]).date())} "
               f"{range_text(language, low, high, unit)} {expected_position(w, value, low, high)}")
        assert holds(text, row), row
        earlier = results[:-1]
        if earlier:
            before = w("last: {value} on {date}", value=f"{number(language, earlier[-1][1])} {unit}",
                       date=w.date(taken(earlier[-1][0]).date()))
            assert holds(text, f"{expected_position(w, value, low, high)} {len(earlier)} {before}")
    outside = sum(expected_position(w, r[-1][1], r[-1][2], r[-1][3]) != expected_position(w, 1, None, None) for *_, r in LABS)
    assert holds(text, w("{count} of {total} latest results lie outside the lab's range (in bold).",
                         count=outside, total=len(LABS)))


def test_a_result_outside_the_range_is_bold_and_one_inside_is_not(session, services):
    """Bold carries it on a black-and-white printer, beside the words."""
    from phr.export.pdf.base import PdfContext
    from phr.export.pdf.lab_results import latest_results

    add_labs(session, services)
    context = PdfContext.create(ExportOptions(kind="overview", language="en", now=NOW))
    marked = {line.measure.name_nl: position_markup(context, line)
              for line in latest_results(services, lambda day: True)}
    assert marked["Kreatinine"] == "<b>above the range</b>" and marked["Natrium"] == "<b>below the range</b>"
    assert marked["Kalium"] == "within the range" and marked["Albumine"] == "within the range"


def test_the_period_limits_the_lab_results_and_their_count(session, services):
    add_labs(session, services)
    w = Words("en")
    text = pdf_text(services, "overview", "en", since=date(2026, 6, 1), until=NOW.date())
    # Kreatinine: the result of 400 days ago is outside the period: one earlier result, not two
    above = label(w, ResultPosition.ABOVE, in_sentence=True)
    assert holds(text, f"{above} 1 ") and not holds(text, f"{above} 2 ")
    # a period before any result: none
    early = pdf_text(services, "overview", "en", since=date(2020, 1, 1), until=date(2020, 12, 31))
    assert w("No lab results in the record.") in early


def test_lab_measures_leave_the_measurements_and_the_visit_trends(session, services):
    """Their own section holds them with the lab's range: not a chart without a target as well."""
    add_labs(session, services)
    text = pdf_text(services, "overview", "en")
    titles = pdf_overview.section_titles(Words("en"))
    measurements = text[text.index(f"\n{titles['monitoring']}\n"):]
    assert "Kreatinine" not in measurements
    period = visit_period(services, ExportOptions(kind="visit", language="en", now=NOW))
    assert services.readings.counts() and not [t for t in trends(services, period) if t.measure.is_lab]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overview_lists_vaccinations_and_procedures_with_their_codes(services, language):
    w = Words(language)
    services.vaccinations.add(Vaccination("BMR", "2001-05-14", 2, "Bof, mazelen, rodehond", "GGD Utrecht", "X123"))
    services.vaccinations.add(Vaccination("Griepprik", "2025-10-20", None, "Griep", "Huisarts"))
    services.procedures.add(Procedure("Blindedarmoperatie", "2012-06-02", "UMC Utrecht", "buik",
                                      "Narcose ging goed.", codes=(Coding(SNOMED, "80146002"),)))
    text = pdf_text(services, "overview", language)
    # the newest first: the flu shot before the MMR
    assert holds(text, f"Griepprik {w('entered by the patient')} Griep {w.date('2025-10-20')} Huisarts")
    assert holds(text, f"BMR {w('Batch {number}', number='X123')}")
    assert holds(text, f"Bof, mazelen, rodehond {w('dose {number}', number=2)} {w.date('2001-05-14')} GGD Utrecht")
    assert text.index("Griepprik") < text.index("BMR")
    assert holds(text, "Blindedarmoperatie Narcose ging goed. SNOMED CT 80146002")
    assert holds(text, f"buik UMC Utrecht {w.date('2012-06-02')}")
    # after the medicines, before the measurements (the IPS order)
    titles = pdf_overview.section_titles(w)
    places = [text.index(f"\n{titles[key]}\n") for key in ("medications", "vaccinations", "procedures",
                                                            "lab_results", "monitoring")]
    assert places == sorted(places)


def test_left_out_history_sections_are_not_printed(services):
    services.vaccinations.add(Vaccination("Griepprik", "2025-10-20"))
    titles = pdf_overview.section_titles(Words("en"))
    text = pdf_text(services, "overview", "en", sections=frozenset({"procedures"}))
    assert f"\n{titles['procedures']}\n" in text and "Griepprik" not in text
    assert f"\n{titles['vaccinations']}\n" not in text and f"\n{titles['lab_results']}\n" not in text


# --- the visit brief ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_visit_brief_lists_the_lab_results_of_its_period(session, services, language):
    add_labs(session, services)
    w = Words(language)
    text = pdf_text(services, "visit", language)  # no visit in the record: the last six months
    start = NOW.date() - timedelta(days=183)
    shown = 0
    for loinc, unit, name, results in LABS:
        for days, value, low, high in results:
            row = (f"{w.date(taken(days).date())} {name} LOINC {loinc} {number(language, value)} {unit} "
                   f"{range_text(language, low, high, unit)} {expected_position(w, value, low, high)}")
            assert holds(text, row) == (taken(days).date() >= start), row
            shown += taken(days).date() >= start
    assert shown == 5  # the creatinine of 400 days ago is before the period
    assert holds(text, w("{count} of {total} results lie outside the lab's range (in bold).", count=2, total=5))


def test_when_no_result_lies_outside_its_range_the_overview_says_so(session, services):
    stamp = import_stamp(session, "fhir_import", "lab.json")
    with session.db.transaction():
        measure = services.lab_results.lab_measure("2823-3", "mmol/L", "Kalium", 1, stamp)
        services.lab_results.add_results([LabResult(measure.key, taken(3), 4.4, ReferenceRange(3.5, 5.0))],
                                         "fhir_import", "lab.json")
    w = Words("nl")
    text = pdf_text(services, "overview", "nl")
    assert holds(text, w("No result lies outside the lab's range."))
    assert holds(text, label(w, ResultPosition.WITHIN, in_sentence=True))


def test_a_visit_brief_without_lab_results_says_so(services):
    assert Words("nl")("No lab results in this period.") in pdf_text(services, "visit", "nl")


# --- the emergency letter -----------------------------------------------------------------------------------

def test_the_emergency_letter_lists_earlier_operations_with_my_words_marked(services):
    services.person.update(PersonDetails(name="Zoë Ünal", text_language="nl"))
    services.procedures.add(Procedure("Blindedarmoperatie", "2012-06-02", "UMC Utrecht", "buik",
                                      "Narcose ging goed; wel misselijk."))
    services.procedures.add(Procedure("Knie-artroscopie", "2019", "Diakonessenhuis"))
    w = Words("en")
    text = pdf_text(services, "emergency", "en")
    letter = text[text.index(w("Earlier operations and procedures")):]
    mark = "(in the patient's words, in Dutch)"
    assert holds(letter, f"Knie-artroscopie {mark} 2019 Diakonessenhuis")
    assert holds(letter, f"Blindedarmoperatie {mark} buik {w.date('2012-06-02')} UMC Utrecht "
                         f"Narcose ging goed; wel misselijk. {mark}")
    assert letter.index("Knie") < letter.index("Blindedarm")  # the newest first
