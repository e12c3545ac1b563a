"""The overview PDF holds what the record holds: read back from the PDF and compared with the services."""

import io
import re
import time
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from export_names import diagnosis_name, medicine_name
from pypdf import PdfReader

from phr.export.options import ExportOptions
from phr.export.pdf import chart as pdf_chart
from phr.export.pdf.base import PdfContext
from phr.export.pdf.documents import build_pdf, sections_of
from phr.export.pdf.overview import document as pdf_overview
from phr.export.pdf.overview import monitoring as pdf_monitoring
from phr.export.pdf.overview import monitoring_facts
from phr.monitoring import statistics as stats
from phr.monitoring.figures import with_whole_series
from phr.monitoring.readings import Reading
from phr.monitoring.samples import read_samples
from phr.record.appointments import Appointment
from phr.record.care_plan import CarePlanService
from phr.record.diagnoses import Diagnosis, orpha_display
from phr.record.medications import Medication
from phr.record.person import Allergy
from phr.words.catalogue import Words

NOW = datetime(2026, 11, 22, 12, 0)
LANGUAGES = ("nl", "en")


def overview(services, language: str = "nl", **choices) -> bytes:
    return build_pdf(services, ExportOptions(kind="overview", language=language, now=NOW, **choices))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Without any white space: a table cell may wrap a long name over lines anywhere. A long word may break
    between syllables with a hyphen, so a hyphen inside a word goes too (on both sides of a comparison)."""
    return re.sub(r"(?<=\w)-(?=\w)", "", "".join(text.split()))


def holds(text: str, expected: str) -> bool:
    return flat(expected) in flat(text)


@pytest.fixture(scope="module")
def sample_texts(sample_services) -> dict[str, list[str]]:
    """The sample overview's pages as text, per language (built once: the sample is read-only)."""
    return {language: page_texts(overview(sample_services, language)) for language in LANGUAGES}


def whole(texts: list[str]) -> str:
    return "\n".join(texts)


# --- every page and the order of the sections -----------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_names_the_person_and_the_export_date_and_counts_the_pages(sample_services, sample_texts,
                                                                              language):
    w, person = Words(language), sample_services.person.get()
    pages = sample_texts[language]
    assert 3 <= len(pages) <= 12
    for number, text in enumerate(pages, start=1):
        assert person.name in text and w.date(person.birth_date) in text
        assert w("Made with Regie on {date}", date=w.date(NOW.date())) in text
        assert w("Page {page} of {pages}", page=number, pages=len(pages)) in text
    assert pages[0].count(w("Overview of my care")) >= 2  # the title, and the frame


@pytest.mark.parametrize("language", LANGUAGES)
def test_sections_follow_the_patient_summary_order(sample_texts, language):
    titles = pdf_overview.section_titles(Words(language))
    text = whole(sample_texts[language])
    places = [text.index(f"\n{titles[key]}\n") for key in sections_of("overview")]  # a heading is a line
    assert places == sorted(places)
    # IPS 2.0: problems, allergies and intolerances, medicines, vaccinations, procedures, results (the lab's, then
    # the person's measurements), plan of care; then what the IPS has no section for.
    assert sections_of("overview") == ["person", "diagnoses", "allergies", "medications", "vaccinations",
                                       "procedures", "lab_results", "monitoring", "care_plan", "care_team",
                                       "appointments", "documents"]


# --- about me, diagnoses, medicines, allergies ---------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_person_and_emergency_notes(sample_services, sample_texts, language):
    person = sample_services.person.get()
    text = whole(sample_texts[language])
    assert holds(text, person.name) and holds(text, person.emergency_notes)
    assert Words(language)({"female": "Female", "male": "Male"}[person.sex]) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_diagnoses_with_codes_carrier_status_and_genetic_details(sample_services, sample_texts, language):
    w, text = Words(language), whole(sample_texts[language])
    diagnoses = sample_services.diagnoses.all()
    assert diagnoses
    for diagnosis in diagnoses:
        assert holds(text, diagnosis_name(diagnosis, language))
        for value in (diagnosis.icd10, diagnosis.gene, diagnosis.variant, w.date(diagnosis.genetic_test_date)):
            assert holds(text, value)
        if diagnosis.orpha_code:
            assert f"ORPHA:{diagnosis.orpha_code}" in text
    carriers = sample_services.diagnoses.carriers()
    assert carriers and w("Carrier") in text
    assert holds(text, w("Carries the variant; usually no symptoms. It can be passed on to children."))
    assert holds(text, w("Compound heterozygous – a different variant on each copy"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_current_and_past_medicines_with_dose_changes_and_stop_reasons(sample_services, sample_texts, language):
    text = whole(sample_texts[language])
    medicines = sample_services.medications
    current, past = medicines.current(NOW.date()), medicines.past(NOW.date())
    assert current and past
    for medicine in current + past:
        assert holds(text, medicine_name(medicine, language)) and holds(text, medicine.dose)
        for change in medicines.changes(medicine.id):
            assert holds(text, change.reason) and holds(text, change.dose)
    for medicine in past:
        assert holds(text, medicine.stop_reason)


def test_listed_allergies_are_printed(sample_services, sample_texts):
    text = whole(sample_texts["en"])
    assert sample_services.person.allergy_statement() == "listed"
    for allergy in sample_services.allergies.all():
        assert holds(text, allergy.substance) and holds(text, allergy.reaction)


def test_the_allergy_statement_is_said_in_words(services):
    assert "Not filled in: it is not known whether there are allergies." in whole(page_texts(overview(services, "en")))
    services.person.state_no_known_allergies()
    text = whole(page_texts(overview(services, "nl")))
    assert "Geen bekende allergieën." in text
    assert "Niet ingevuld: het is niet bekend of er allergieën zijn." not in text
    services.allergies.add(Allergy(substance="Penicilline", reaction="Huiduitslag"))
    text = whole(page_texts(overview(services, "nl")))
    assert "Penicilline" in text and "Geen bekende allergieën." not in text


# --- results: the monitoring summary -------------------------------------------------------------------------

def _period_samples(services, key: str):
    end = NOW.date()
    return read_samples(services, key, end - timedelta(days=monitoring_facts.DEFAULT_DAYS - 1), end)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_measure_with_readings_is_summarised_with_its_statistics(sample_services, sample_texts, language):
    w, text = Words(language), whole(sample_texts[language])
    summarised = 0
    for measure in sample_services.measures.measures():
        samples = _period_samples(sample_services, measure.key)
        if measure.is_lab:  # the lab's results: in their own section, against the lab's range (test_pdf_history)
            assert f"\n{measure.name(language)} (" not in text
            continue
        if not len(samples):
            assert f"\n{measure.name(language)} (" not in text
            continue
        summarised += 1
        summary = stats.summary(samples)  # the first row: count, mean, lowest, highest, SD
        spread = 1 if measure.kind == "score" else measure.decimals
        numbers = [w.number(summary.count, 0), w.number(summary.mean, spread),
                   w.number(summary.minimum, measure.decimals), w.number(summary.maximum, measure.decimals),
                   w.number(summary.sd, spread)]
        assert holds(text, measure.name(language))
        assert re.search(r"\s+".join(re.escape(number) for number in numbers), text), measure.key
    assert summarised >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_glucose_time_in_range_cv_and_gmi_and_the_agreed_target(sample_services, sample_texts, language):
    w, text = Words(language), whole(sample_texts[language])
    end = NOW.date()
    samples = read_samples(sample_services, "glucose", end - timedelta(days=89), end)
    sensor = samples.where(samples.sensor)
    glucose = stats.glucose(sensor)
    assert len(sensor)
    assert f"{w.number(glucose.in_range, 1)}%" in text and f"{w.number(glucose.cv, 1)}%" in text
    assert f"{w.number(glucose.gmi_percent, 1)}%" in text
    assert holds(text, w("Time in ranges, mean, CV and GMI from the {count} sensor readings: a sensor reads at even "
                         "times, so a share of its readings is a share of time.", count=w.number(len(sensor), 0)))
    target = sample_services.targets.current("glucose")
    assert holds(text, w("Target: {limits}.", limits=w("{low} to {high}", low=w.number(target.target_low, 1),
                                                      high=w.number(target.target_high, 1)) + " mmol/L"))


def test_blood_pressure_means_per_series_leave_the_first_day_out(sample_services, sample_texts):
    text = whole(sample_texts["en"])
    samples = with_whole_series(sample_services, "bp", _period_samples(sample_services, "bp"))
    series = stats_bp_series(samples)
    assert series
    w = Words("en")
    for one in series:
        assert holds(text, f"{w.date(one.first_day)} to {w.date(one.last_day)}")
        assert re.search(rf"{one.count}\s+{one.used}\s+{w.number(one.systolic, 0)}\s+{w.number(one.diastolic, 0)}",
                         text)


def stats_bp_series(samples):
    from phr.monitoring.statistics_bp import blood_pressure
    return [one for one in blood_pressure(samples).series if one.systolic is not None]


def test_thousands_of_readings_are_summarised_not_listed(sample_services):
    """All the sample's readings (about ten thousand) still make a short overview."""
    data = overview(sample_services, "en", since=date(2000, 1, 1))
    pages = page_texts(data)
    assert sum(sample_services.readings.counts().values()) > 9000
    assert len(pages) <= 12
    assert holds(whole(pages), f"{Words('en').number(sample_services.readings.count('glucose'), 0)}")


# --- care plan, care team, appointments, documents -------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_goals_with_their_latest_evaluation_and_overdue_in_words(sample_services, sample_texts, language):
    w, text = Words(language), whole(sample_texts[language])
    plan = sample_services.care_plan
    goals = plan.all()
    assert goals
    for goal in goals:
        assert holds(text, goal.description)
        latest = plan.latest_evaluation(goal.id)
        assert latest is None or holds(text, latest.how_it_went)
    overdue = plan.overdue(NOW.date())
    assert overdue
    for goal in overdue:
        assert holds(text, w("Review overdue: the review date ({date}) has passed.", date=w.date(goal.review_date)))
    assert all(not CarePlanService.is_overdue(goal, NOW.date()) for goal in goals if goal not in overdue)


@pytest.mark.parametrize("language", LANGUAGES)
def test_care_team_with_contact_for_and_out_of_hours_numbers(sample_services, sample_texts, language):
    text = whole(sample_texts[language])
    contacts = sample_services.care_team.all()
    assert any(contact.acute_phone for contact in contacts)
    for contact in contacts:
        for value in (contact.name, contact.phone, contact.acute_phone, contact.contact_for):
            assert holds(text, value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_upcoming_appointments_with_questions_and_past_ones_with_outcomes(sample_services, sample_texts, language):
    text = whole(sample_texts[language])
    appointments = sample_services.appointments
    upcoming, past = appointments.upcoming(NOW), appointments.past(NOW)
    assert upcoming and past
    for appointment in upcoming:
        assert holds(text, appointment.purpose)
        for question in appointments.open_questions(appointment.id):
            assert holds(text, question.text)
    for appointment in past:
        assert holds(text, appointment.purpose) and holds(text, appointment.outcome)


def test_documents_are_listed_by_title_kind_and_date_never_by_content(sample_services, sample_texts):
    w = Words("nl")
    text = whole(sample_texts["nl"])
    documents_only = whole(page_texts(overview(sample_services, "nl", sections=frozenset({"documents"}))))
    documents = sample_services.documents.all()
    assert documents
    for document in documents:
        assert holds(text, document.title) and holds(text, w.date(document.document_date))
        if document.mime_type == "application/pdf":
            content = whole(page_texts(sample_services.documents.content(document.id)))
            lines = [line for line in content.splitlines() if len(line.strip()) > 25]
            assert lines and not any(holds(documents_only, line) for line in lines)


# --- Dutch characters, an empty record, section choice, period ----------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_dutch_characters_stay_intact(services, language):
    """The fresh record's person is Zoë Ünal; the diagnosis has an ë of its own."""
    services.diagnoses.add(Diagnosis(name="Mitochondriële ziekte (MELAS)", orpha_code=550, status="confirmed",
                                     gene="MT-TL1", variant="NC_012920.1:m.3243A>G", zygosity="unknown"))
    pages = page_texts(overview(services, language))
    for text in pages:
        assert "Zoë Ünal" in text
    melas = services.diagnoses.all()[0]
    assert holds(whole(pages), diagnosis_name(melas, language)) and orpha_display(550) in whole(pages)
    assert language == "en" or "Mitochondriële ziekte (MELAS)" in whole(pages)


def long_texts(services) -> dict[str, str]:
    """Texts far longer than a page in a record: 70 lines of emergency notes, a 6,000-character
    diagnosis note (also on a medicine and the visit's own notes) and a 5,000-character question."""
    notes = "\n".join(f"NOOD-{n:02d}: bij koorts de dosis hydrocortison verdubbelen en 112 bellen." for n in range(70))
    note = "NOTITIE-BEGIN " + " ".join(f"woord{n}" for n in range(900)) + " NOTITIE-EIND"
    question = "VRAAG-BEGIN " + "Mag ik met deze ziekte nog sporten en werken? " * 110 + "VRAAG-EIND"
    assert len(note) >= 6000 and len(question) >= 5000
    services.person.update(replace(services.person.get(), emergency_notes=notes))
    services.diagnoses.add(Diagnosis(name="Ziekte van Addison", status="confirmed", diagnosed_on="2026-10-01",
                                     notes=note))
    services.medications.add(Medication(name="Hydrocortison", dose="10 mg", start_date="2020-01", notes=note))
    visit = services.appointments.add(Appointment(starts_at="2026-11-30T10:00", purpose="Controle",
                                                  notes=note)).item_id
    services.appointments.add_question(visit, question)
    return {"notes": notes, "note": note, "question": question}


@pytest.mark.parametrize("kind, holding", (("overview", ("notes", "note", "question")),
                                           ("visit", ("note", "question")), ("emergency", ("notes", "note"))))
def test_text_longer_than_a_page_runs_on_over_pages(services, kind, holding):
    """A table cell or a kept-together block taller than a page stopped the export (LayoutError)."""
    texts = long_texts(services)
    data = build_pdf(services, ExportOptions(kind=kind, language="nl", now=NOW))
    pages = page_texts(data)
    text = flat(whole(pages))
    for name in holding:
        first, last = texts[name].split()[0], texts[name].split()[-1]
        assert flat(first) in text and flat(last) in text, (kind, name)
    if kind == "overview":  # the notes start on the first page, under their title, not pushed to the next
        assert "NOOD-00" in pages[0] and "NOOD-69" not in pages[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_record_says_no_information_per_section(services, language):
    w = Words(language)
    text = whole(page_texts(overview(services, language)))
    titles = pdf_overview.section_titles(w)
    assert all(titles[key] in text for key in pdf_overview.SECTIONS)
    # About me holds the name and the allergies their statement; diagnoses and medicines say their statement is not
    # filled in; vaccinations, procedures and lab results say there are none in the record; every other section
    # says it has nothing.
    assert text.count(w("No information.")) == len(pdf_overview.SECTIONS) - 7
    for none in ("No vaccinations in the record.", "No operations or procedures in the record.",
                 "No lab results in the record."):
        assert w(none) in text


def test_left_out_sections_are_not_printed(sample_services):
    w = Words("en")
    chosen = frozenset({"medications", "allergies"})
    text = whole(page_texts(overview(sample_services, "en", sections=chosen)))
    titles = pdf_overview.section_titles(w)
    for key in pdf_overview.SECTIONS:
        assert (f"\n{titles[key]}\n" in text) == (key in chosen), key
    assert not any(holds(text, contact.contact_for) for contact in sample_services.care_team.all())
    assert not any(holds(text, document.title) for document in sample_services.documents.all())


def test_the_period_limits_the_history_and_the_measurements(sample_services):
    w = Words("en")
    since = NOW.date() - timedelta(days=62)  # the sample has documents and visits on both sides of this day
    options = ExportOptions(kind="overview", language="en", since=since, now=NOW)
    text = whole(page_texts(build_pdf(sample_services, options)))
    assert holds(text, w("Readings from {start} to {end}.", start=w.date(since), end=w.date(NOW.date())))
    documents = sample_services.documents.all()
    assert {options.in_period(d.document_date) for d in documents} == {True, False}
    for document in documents:
        assert holds(text, document.title) == options.in_period(document.document_date), document.title
    past = sample_services.appointments.past(NOW)
    assert {options.in_period(a.starts_at[:10]) for a in past} == {True, False}
    for appointment in past:
        assert holds(text, appointment.outcome) == options.in_period(appointment.starts_at[:10])
    for diagnosis in sample_services.diagnoses.current():  # what holds now is always printed
        assert holds(text, diagnosis_name(diagnosis, "en"))


def test_a_period_in_the_past_leaves_out_what_came_after_it(sample_services):
    w = Words("en")
    until = NOW.date() - timedelta(days=365)
    since = until - timedelta(days=180)
    options = ExportOptions(kind="overview", language="en", since=since, until=until, now=NOW)
    text = whole(page_texts(build_pdf(sample_services, options)))
    assert "No coming appointments." in text
    for appointment in sample_services.appointments.upcoming(NOW):
        for question in sample_services.appointments.questions(appointment.id):
            assert not holds(text, question.text)
    assert holds(text, w("Readings from {start} to {end}.", start=w.date(since), end=w.date(until)))


def test_the_sample_overview_builds_in_well_under_three_seconds(sample_services):
    overview(sample_services)  # fonts and imports loaded once, as in the running app
    started = time.perf_counter()
    overview(sample_services)
    assert time.perf_counter() - started < 3.0


# --- the chart ----------------------------------------------------------------------------------------------

def test_the_chart_envelope_keeps_each_columns_lowest_and_highest_reading():
    count, columns = 150_000, 300
    times = [float(n * 60) for n in range(count)]
    values = [5.0 + (n % 97) / 10 for n in range(count)]
    started = time.perf_counter()
    result = pdf_chart.envelope(times, values, 0.0, times[-1] + 1, columns)
    assert time.perf_counter() - started < 1.0
    assert len(result) == columns and sum(column.count for column in result) == count
    assert min(c.low for c in result) == min(values) and max(c.high for c in result) == max(values)


def _shapes(drawing, kind):
    return [shape for shape in drawing.contents if isinstance(shape, kind)]


@pytest.mark.parametrize("many", (False, True))
def test_readings_outside_the_target_are_marked_by_shape(many):
    from reportlab.graphics.shapes import Polygon
    start = date(2026, 1, 1)
    step = 300 if many else 86_400
    count = 40_000 if many else 30
    base = pdf_chart.local_seconds(start)
    words = pdf_chart.ChartWords("Target", "above", "below", "en")
    within = pdf_chart.ChartSeries("Glucose", [base + n * step for n in range(count)], [6.0] * count, 3.9, 10.0)
    drawing = pdf_chart.measure_chart([within], start, start + timedelta(days=140), words)
    assert not _shapes(drawing, Polygon)  # no marks, and no legend entry for them
    values = [6.0] * count
    values[count // 3], values[2 * count // 3] = 14.0, 2.5
    outside = pdf_chart.ChartSeries("Glucose", within.times, values, 3.9, 10.0)
    drawing = pdf_chart.measure_chart([outside], start, start + timedelta(days=140), words)
    triangles = _shapes(drawing, Polygon)
    tips_up = [t for t in triangles if t.points[5] > t.points[1]]
    tips_down = [t for t in triangles if t.points[5] < t.points[1]]
    assert len(tips_up) == 2 and len(tips_down) == 2  # one of each in the chart, one of each in the legend
    assert len(drawing.contents) < 1500


def test_sensor_high_and_low_readings_are_marked_on_the_chart_and_counted(services):
    """A sensor 'High' has no number: it was not drawn at all, and 'Readings' said 0 when all were flagged."""
    from zoneinfo import ZoneInfo

    from reportlab.graphics.shapes import Polygon
    day, zone = NOW.date() - timedelta(days=10), ZoneInfo("Europe/Amsterdam")
    flags = ["above_range"] * 3 + ["below_range"]
    services.readings.add_batch([Reading("glucose", datetime(day.year, day.month, day.day, 8 + n, tzinfo=zone),
                                         method="sensor", flag=flag) for n, flag in enumerate(flags)],
                                "device_import", "libre.csv")
    context = PdfContext.create(ExportOptions(kind="overview", language="en", now=NOW))
    start, end = monitoring_facts.monitoring_period(context.options)
    facts = monitoring_facts.measure_facts(services, "glucose", start, end, "en")
    drawing = pdf_monitoring.chart(context, facts, start, end)
    top = drawing.height - pdf_chart.LEGEND_HEIGHT  # the plot's top edge; the legend lies above it
    in_plot = [t for t in _shapes(drawing, Polygon) if max(t.points[1::2]) <= top]
    tips_up = [t for t in in_plot if t.points[5] > t.points[1]]
    tips_down = [t for t in in_plot if t.points[5] < t.points[1]]
    assert len(tips_up) == 3 and len(tips_down) == 1
    assert min(t.points[1] for t in tips_up) > top - pdf_chart.MARKER  # at the top edge
    text = whole(page_texts(overview(services, "en", sections=frozenset({"monitoring"}))))
    assert "Sensor Low: 1. Sensor High: 3." in text
    assert "\nGlucose\n4\n–\n–\n–\n–\n" in text  # all four are readings; none has a number for the mean
