"""The visit brief: one or two pages that hold what the record holds for this visit, in Dutch and English."""

import io
import re
from datetime import date, datetime, time, timedelta, timezone

import pytest
from pypdf import PdfReader

from phr.core.errors import InvalidInput
from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf, sections_of
from phr.monitoring import statistics as stats
from phr.monitoring.custom_measures import CustomMeasure
from phr.record.appointments import Appointment
from phr.record.care_plan import Goal
from phr.record.care_team import Contact
from phr.record.diary import DiaryEntry
from phr.record.medications import Medication
from phr.words.catalogue import Words

NOW = datetime(2026, 11, 22, 12, 0)


def visit_pdf(services, language="nl", **options) -> bytes:
    return build_pdf(services, ExportOptions(kind="visit", language=language, now=NOW, **options))


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with every line break and run of spaces as one space: table cells and long lines wrap. A long word
    may break between syllables with a hyphen, so a hyphen inside a word goes too (the same on both sides of a
    comparison: 'DNA-onderzoek' and 'DNA- onderzoek' both read 'DNAonderzoek')."""
    return re.sub(r"(?<=\w)-\s*(?=\w)", "", " ".join(text.split()))


def brief_text(services, language="nl", **options) -> str:
    return flat(" ".join(pages(visit_pdf(services, language, **options))))


def in_order(text: str, parts: list[str]) -> bool:
    places = [text.find(flat(part)) for part in parts]
    return -1 not in places and places == sorted(places)


def next_and_previous(services):
    """The sample's next visit and the last visit before it with the same care provider."""
    coming = services.appointments.next_appointment(NOW)
    earlier = [visit for visit in services.appointments.past(NOW) if visit.contact_id == coming.contact_id]
    return coming, earlier[0]


def day_of(appointment) -> date:
    return date.fromisoformat(appointment.starts_at[:10])


@pytest.fixture(scope="module")
def sample_text(sample_services):
    return {language: brief_text(sample_services, language) for language in ("nl", "en")}


# --- the sample record -------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_sample_brief_is_at_most_two_a4_pages_with_the_frame_on_each(sample_services, language):
    pdf = visit_pdf(sample_services, language)
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    name, texts = sample_services.person.get().name, pages(pdf)
    for number, text in enumerate(texts, 1):
        assert name in text and Words(language)("Page {page} of {pages}", page=number, pages=len(texts)) in text


def test_the_header_names_the_visit_and_the_last_visit_with_this_care_provider(sample_services, sample_text):
    coming, previous = next_and_previous(sample_services)
    doctor = sample_services.care_team.get(coming.contact_id).name
    nl, en = Words("nl"), Words("en")
    text = sample_text["nl"]
    assert f"Afspraak op {nl.moment(coming.starts_at)}" in text
    assert coming.purpose in text and coming.location in text and doctor in text
    assert f"Sinds het vorige bezoek bij {doctor} op {nl.date(previous.starts_at)}" in text
    assert flat(previous.outcome) in text  # what was agreed last time
    assert f"Since the last visit with {doctor} on {en.date(previous.starts_at)}" in sample_text["en"]


def test_the_questions_are_there_in_their_order(sample_services, sample_text):
    coming, _ = next_and_previous(sample_services)
    questions = [question.text for question in sample_services.appointments.questions(coming.id)]
    assert len(questions) >= 3
    for language in ("nl", "en"):
        assert in_order(sample_text[language], questions)
    assert in_order(sample_text["nl"], ["Vragen voor deze afspraak", *questions])


def test_the_medication_changes_since_the_last_visit_with_this_provider(sample_services, sample_text):
    _, previous = next_and_previous(sample_services)
    since = sample_services.medications.changes_since(day_of(previous), NOW.date())
    assert since.changes and since.started
    text = sample_text["nl"]
    section = text[text.index("Veranderingen in medicijnen"):text.index("Gebeurtenissen")]
    for name, change in since.changes:
        assert name in section and flat(change.reason) in section
        assert flat(f"Was: {change.previous_dose} · {change.previous_schedule}") in section
        assert flat(f"Nu: {change.dose} · {change.schedule}") in section
    for medicine in since.started:
        assert medicine.name in section and "Gestart:" in section
    # Changes from before the last visit are not news: the levothyroxine change was 1.5 years ago.
    older = sample_services.medications.changes_since(date(2000, 1, 1), day_of(previous) - timedelta(days=1))
    for _, change in older.changes:
        assert flat(change.reason) not in text
    assert "Medication changes" in sample_text["en"] and "Now: " in sample_text["en"]


def test_the_goals_due_for_evaluation_and_no_others(sample_services, sample_text):
    plan, today = sample_services.care_plan, NOW.date()
    due = plan.overdue(today) + plan.due_for_review(30, today)
    assert len(due) >= 2
    text = sample_text["nl"]
    section = text[text.index("Doelen om te bespreken"):]  # the last section
    for goal in due:
        assert goal.description in section
        latest = plan.latest_evaluation(goal.id)
        assert flat(latest.how_it_went) in section
    assert "evaluatie te laat" in section
    for goal in plan.active_goals():
        if goal not in due:
            assert goal.description not in text
    assert "Goals to evaluate" in sample_text["en"] and "evaluation overdue" in sample_text["en"]


def test_a_diagnosis_made_since_the_last_visit_is_news_and_old_ones_only_standing_facts(sample_services,
                                                                                        sample_text):
    _, previous = next_and_previous(sample_services)
    start = previous.starts_at[:7]
    diagnoses = sample_services.diagnoses.all()
    new = [diagnosis for diagnosis in diagnoses if diagnosis.diagnosed_on[:7] >= start]
    old = [diagnosis for diagnosis in diagnoses if diagnosis.diagnosed_on[:4] < start[:4]]
    assert new and old
    text = sample_text["nl"]
    section = text[text.index("Nieuwe of veranderde diagnoses"):text.index("Veranderingen in medicijnen")]
    standing = text[:text.index("Vragen voor deze afspraak")]
    for diagnosis in new:
        assert flat(diagnosis.name) in section and "datum diagnose" in section
    for diagnosis in old:
        assert flat(diagnosis.name) not in section and flat(diagnosis.name) in standing


def test_events_since_the_last_visit(sample_services, sample_text):
    _, previous = next_and_previous(sample_services)
    start = day_of(previous).isoformat()
    visits = [visit for visit in sample_services.appointments.past(NOW) if visit.starts_at[:10] > start]
    symptoms = [entry for entry in sample_services.diary.all()
                if entry.kind == "symptom" and start <= entry.written_at[:10] <= NOW.date().isoformat()]
    assert visits and symptoms
    text = sample_text["nl"]
    section = text[text.index("Gebeurtenissen"):text.index("Metingen en streefwaarden")]
    for visit in visits:
        assert flat(visit.purpose) in section and flat(visit.outcome) in section
    for entry in symptoms:
        assert flat(entry.text) in section and "Klacht" in section


def sensor_glucose(services, start: date, end: date) -> list:
    first = datetime.combine(start - timedelta(days=1), time(0), timezone.utc)
    last = datetime.combine(end + timedelta(days=2), time(0), timezone.utc)
    samples = [stats.Sample(at, offset, value, value2, value3, flag)
               for at, offset, value, value2, value3, flag, method, _ in services.readings.between("glucose", first,
                                                                                                    last)
               if method == "sensor"]
    return [sample for sample in samples if start <= sample.local_day <= end]


def test_the_trends_hold_the_targets_and_the_statistics_of_the_period(sample_services, sample_text):
    _, previous = next_and_previous(sample_services)
    nl = Words("nl")
    in_range = stats.glucose(sensor_glucose(sample_services, day_of(previous), NOW.date())).in_range
    text = sample_text["nl"]
    section = text[text.index("Metingen en streefwaarden"):text.index("Doelen om te bespreken")]
    assert f"{nl.number(in_range, 0)}% in 3,9–10,0" in section and "tijd in het standaardgebied 3,9–10,0" in section
    target = sample_services.targets.current("bp")
    assert f"≤ {target.target_high:.0f}/{target.target_high2:.0f} mmHg" in section
    assert "Glucose" in section and "Bloeddruk" in section
    assert "de eerste dag van elke serie telt niet mee" in section
    english = sample_text["en"]
    assert "Measurements against targets" in english and "Blood pressure" in english and "% in range" in english


def test_dutch_characters_come_through_intact(sample_services, sample_text):
    goals = [goal.id for goal in sample_services.care_plan.overdue(NOW.date())
             + sample_services.care_plan.due_for_review(30, NOW.date())]
    accented = [evaluation.how_it_went for goal in goals
                for evaluation in [sample_services.care_plan.latest_evaluation(goal)]
                if any(letter in evaluation.how_it_went for letter in "éëïüö")]
    assert accented
    for words in accented:
        assert flat(words) in sample_text["nl"] and flat(words) in sample_text["en"]


def test_a_chosen_visit_gets_its_own_brief_within_two_pages(sample_services):
    later = sample_services.appointments.upcoming(NOW)[-1]
    assert later.id != sample_services.appointments.next_appointment(NOW).id
    pdf = visit_pdf(sample_services, appointment_id=later.id)
    assert len(pages(pdf)) <= 2
    text = flat(" ".join(pages(pdf)))
    nurse = sample_services.care_team.get(later.contact_id).name
    assert later.purpose in text and f"Sinds het vorige bezoek bij {nurse}" in text
    assert in_order(text, [question.text for question in sample_services.appointments.questions(later.id)])


def test_a_past_visit_shows_its_answered_questions_with_the_answers(sample_services):
    past = sample_services.appointments.past(NOW)[1]
    questions = sample_services.appointments.questions(past.id)
    assert questions and all(question.answered for question in questions)
    text = brief_text(sample_services, "en", appointment_id=past.id)
    assert "Already answered" in text
    assert in_order(text, [part for question in questions for part in (question.text, question.answer)])


def test_a_chosen_period_overrides_since_the_last_visit(sample_services):
    _, previous = next_and_previous(sample_services)
    since = day_of(previous) + timedelta(days=1)
    text = brief_text(sample_services, since=since)
    assert "(de periode die u koos)" in text
    assert "Geen veranderingen in medicijnen sindsdien." in text  # the changes were made at that visit


def test_only_the_chosen_sections(sample_services):
    assert sections_of("visit")[:2] == ["standing_facts", "questions"] and sections_of("visit")[-1] == "goals"
    text = brief_text(sample_services, "en", sections=frozenset({"questions"}))
    assert "Questions for this visit" in text
    assert "Medication changes" not in text and "Measurements against targets" not in text
    assert "In short: diagnoses, medicines, allergies" not in text


def test_an_appointment_that_is_not_in_the_record_is_refused(sample_services):
    with pytest.raises(InvalidInput):
        visit_pdf(sample_services, appointment_id=987654)


# --- records that hold little ------------------------------------------------------------------------

def test_a_record_without_any_appointment_still_gives_a_plain_brief(services):
    pdf = visit_pdf(services)
    assert len(pages(pdf)) == 1
    text = flat(pages(pdf)[0])
    assert "Zoë Ünal" in text
    assert "Er staat geen afspraak gepland in het dossier." in text
    assert "de laatste 6 maanden" in text
    for empty in ("Geen nieuwe of veranderde diagnoses sindsdien.", "Geen veranderingen in medicijnen sindsdien.",
                  "Geen metingen in deze periode.", "Er zijn geen doelen om nu te evalueren.",
                  "Geen afspraak, dus geen vragen."):
        assert empty in text
    english = brief_text(services, "en")
    assert "No medication changes since then." in english and "the last 6 months" in english


def test_without_an_earlier_visit_with_this_provider_the_last_visit_at_all_counts(services):
    doctor = services.care_team.add(Contact(name="dr. Jansen")).item_id
    gp = services.care_team.add(Contact(name="Huisarts Ödegaard")).item_id
    services.appointments.add(Appointment(starts_at="2026-10-05T09:00", contact_id=gp, purpose="Griepprik"))
    coming = services.appointments.add(Appointment(starts_at="2026-12-03T11:00", contact_id=doctor,
                                                   purpose="Eerste gesprek")).item_id
    for question in ("Eerste vraag", "Tweede vraag", "Derde vraag"):
        services.appointments.add_question(coming, question)
    second = services.appointments.questions(coming)[1]
    services.appointments.answer_question(second.id, "Al gevraagd aan de telefoon.")
    medicine = services.medications.add(Medication(name="Metoprolol", dose="50 mg", start_date="2026-01")).item_id
    services.medications.change_dose(medicine, "2026-10-20", "25 mg", reason="Te lage hartslag.")
    text = brief_text(services)
    assert "Sinds het vorige bezoek op 5 oktober 2026, bij Huisarts Ödegaard" in text
    assert "Metoprolol" in text and "Te lage hartslag." in text and "Was: 50 mg" in text
    assert "Griepprik" not in text.split("Gebeurtenissen")[1]  # the visit the period starts with is no event
    # Open questions first, in their order; the answered one after them, with its answer.
    assert in_order(text, ["1. Eerste vraag", "2. Derde vraag", "Al beantwoord", "Tweede vraag",
                           "Al gevraagd aan de telefoon."])


def test_a_long_period_is_cut_down_to_two_pages_and_says_what_was_left_out(services):
    services.appointments.add(Appointment(starts_at="2026-11-30T10:00", purpose="Controle"))
    for day in range(1, 29):
        services.diary.add(DiaryEntry(f"2026-10-{day:02d}T20:00", "symptom", f"Klacht nummer {day}: hoofdpijn en "
                                      "misselijk na het eten, 's nachts slecht geslapen."))
    medicine = services.medications.add(Medication(name="Prednison", dose="40 mg", start_date="2026-01-01")).item_id
    for day in range(1, 21):
        services.medications.change_dose(medicine, f"2026-09-{day:02d}", f"{40 - day} mg",
                                         reason=f"Afbouwen, stap {day}, in overleg met de longarts.")
    pdf = visit_pdf(services)
    assert len(pages(pdf)) <= 2
    text = flat(" ".join(pages(pdf)))
    assert "Klacht nummer 28:" in text and "stap 20," in text  # the newest are kept
    assert "Klacht nummer 1:" not in text and "stap 1," not in text
    assert "eerdere gebeurtenissen: zie het totaaloverzicht" in text
    assert "eerdere veranderingen: zie het totaaloverzicht" in text


def test_which_diagnoses_are_news_for_the_period():
    from phr.core.entries import Provenance
    from phr.export.pdf.visit.change_facts import news_of
    from phr.export.pdf.visit.period import PeriodBasis, VisitPeriod
    from phr.record.diagnoses import Diagnosis

    period = VisitPeriod(None, None, date(2026, 9, 23), date(2026, 11, 22), PeriodBasis.LAST_VISIT)

    def stamp(created: str, changed: str) -> Provenance:
        return Provenance("Sanne", "owner", "Sanne", "typed", "", created + "T10:00:00+00:00",
                          changed + "T10:00:00+00:00")

    typed_in_long_ago = stamp("2024-01-05", "2024-01-05")
    assert news_of(Diagnosis(name="a", diagnosed_on="2026-09", provenance=typed_in_long_ago),
                    period).why == "diagnosed"
    assert news_of(Diagnosis(name="b", diagnosed_on="2019", genetic_test_date="2026-10-02",
                              provenance=typed_in_long_ago), period).why == "genetic_test"
    assert news_of(Diagnosis(name="c", diagnosed_on="2019", provenance=stamp("2024-01-05", "2026-10-01")),
                    period).why == "changed"
    # An old diagnosis typed in during the period is no news; one without a date of its own is.
    assert news_of(Diagnosis(name="d", diagnosed_on="2019", provenance=stamp("2026-10-01", "2026-10-01")),
                    period) is None
    assert news_of(Diagnosis(name="e", provenance=stamp("2026-10-01", "2026-10-01")), period).why == "added"
    assert news_of(Diagnosis(name="f", diagnosed_on="2026-12", provenance=typed_in_long_ago), period) is None


def test_a_goal_on_a_custom_measure_is_named_by_the_measure_not_its_key(services):
    added = services.measures.add(CustomMeasure(name="Pijnscore knie", kind="score")).item_id
    key = services.measures.get(added).key
    assert key == "pijnscore_knie"
    services.care_plan.add(Goal(description="Minder pijn bij traplopen", target_measure=key, target_high=3,
                                start_date="2026-09-01", review_date="2026-12-01"))
    assert "Pijnscore knie: at most 3" in brief_text(services, "en")
    text = brief_text(services)
    assert "Pijnscore knie: hoogstens 3" in text and key not in text
