"""The visit brief opens with the standing facts (the diagnoses, the rare one first with its ORPHAcode, the
medicines with dose and schedule, the allergies), then the patient's questions, then what changed; at most
two pages, and what did not fit is named."""

import io
import re
from datetime import datetime

import pytest
from export_names import diagnosis_name, medicine_name
from pypdf import PdfReader

from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf
from phr.export.pdf.facts import record_note
from phr.record.appointments import Appointment
from phr.record.care_plan import Evaluation, Goal
from phr.record.diagnoses import Diagnosis, orpha_display
from phr.record.diary import DiaryEntry
from phr.record.medications import Medication
from phr.record.person import Allergy
from phr.words.catalogue import Words
from phr.words.dose import dose_text, schedule_text

NOW = datetime(2026, 11, 22, 12, 0)
LANGUAGES = ("nl", "en")


def flat(text: str) -> str:
    """One space for every run of white space, and no hyphen inside a word: a long word may break between
    syllables at the end of a line (the same on both sides of a comparison)."""
    return re.sub(r"(?<=\w)-\s*(?=\w)", "", " ".join(text.split()))


def brief_pages(services, language: str) -> list[str]:
    pdf = build_pdf(services, ExportOptions(kind="visit", language=language, now=NOW))
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def in_order(text: str, parts: list[str]) -> bool:
    """Whether the parts are all there, each after the one before it."""
    at = 0
    for part in parts:
        at = text.find(flat(part), at)
        if at == -1:
            return False
        at += len(flat(part))
    return True


def standing_block(text: str, w: Words) -> str:
    return text[text.index(w("In short: diagnoses, medicines, allergies")):text.index(w("Questions for this visit"))]


# --- the sample record ----------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_page_one_opens_with_the_standing_facts_then_the_questions_then_what_changed(sample_services, language):
    w, services = Words(language), sample_services
    first = brief_pages(services, language)[0]
    coming = services.appointments.next_appointment(NOW)
    questions = [question.text for question in services.appointments.questions(coming.id)]
    assert in_order(first, [w("Visit on {date}", date=w.moment(coming.starts_at)), record_note(w),
                            w("In short: diagnoses, medicines, allergies"), w("Questions for this visit"),
                            *questions, w("Appointment")])
    text = " ".join(brief_pages(services, language))
    assert in_order(text, [w("Questions for this visit"), w("New or changed diagnoses"), w("Medication changes"),
                           w("Events"), w("Measurements against targets"), w("Goals to evaluate")])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_standing_facts_name_the_rare_diagnosis_first_the_medicines_and_the_allergies(sample_services,
                                                                                          language):
    w, services = Words(language), sample_services
    block = standing_block(brief_pages(services, language)[0], w)
    current = services.diagnoses.current()
    rare = [d for d in current if d.orpha_code is not None and d.status == "confirmed"]
    assert rare
    name = diagnosis_name(rare[0], language)
    assert in_order(block, [name, orpha_display(rare[0].orpha_code)])
    assert block.find(flat(name)) < min(block.find(flat(diagnosis_name(d, language))) for d in current if d not in rare)
    for medicine in services.medications.current(NOW.date()):  # the app's words first, then the patient's
        dose = dose_text(w, medicine.dose_amount, medicine.dose_unit) or medicine.dose
        assert in_order(block, [medicine_name(medicine, language), dose])
        assert schedule_text(w, medicine.times_per_day, medicine.food, medicine.as_needed) in block
        assert language == "en" or flat(medicine.schedule) in block  # what the patient typed is there too
    for allergy in services.allergies.all():
        assert flat(allergy.substance) in block


# --- records of other shapes --------------------------------------------------------------------------------

def test_a_rare_diagnosis_comes_before_a_common_one_entered_earlier(services):
    services.diagnoses.add(Diagnosis(name="Hoge bloeddruk", status="confirmed", icd10="I10", diagnosed_on="2015"))
    services.diagnoses.add(Diagnosis(name="Ziekte van Fabry", orpha_code=324, status="confirmed",
                                     diagnosed_on="2019"))
    block = standing_block(brief_pages(services, "en")[0], Words("en"))
    # in English by Orphanet's name; without an ORPHAcode by the patient's own, marked as theirs
    assert in_order(block, ["Fabry disease", "ORPHA:324", "Hoge bloeddruk (in the patient's words)", "ICD-10 I10"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_known_allergies_only_when_the_record_says_so(services, language):
    w = Words(language)
    assert w("Not filled in: it is not known whether there are allergies.") in \
        standing_block(brief_pages(services, language)[0], w)
    services.person.state_no_known_allergies()
    block = standing_block(brief_pages(services, language)[0], w)
    # Diagnoses and medicines have statements of their own now: nobody said "none", so they are not filled in.
    assert w("No known allergies.") in block
    assert w("Not filled in: it is not known whether there are diagnoses.") in block
    assert w("Not filled in: it is not known whether medicines are used.") in block
    services.person.state_no_known_problems()
    services.person.state_no_known_medications()
    block = standing_block(brief_pages(services, language)[0], w)
    assert w("No known diagnoses.") in block and w("No known medicines.") in block
    services.allergies.add(Allergy(substance="Penicilline", reaction="Netelroos", severity="severe"))
    block = standing_block(brief_pages(services, language)[0], w)
    assert "Penicilline – Netelroos" in block and w("No known allergies.") not in block


def test_only_medicines_in_use_are_standing_facts(services):
    services.medications.add(Medication(name="Naproxen", dose="250 mg", start_date="2025-01",
                                        stop_date="2026-02-08", stop_reason="Maagklachten"))
    services.medications.add(Medication(name="Metoprolol", dose="50 mg", schedule="1 keer per dag",
                                        start_date="2024-03"))
    block = standing_block(brief_pages(services, "nl")[0], Words("nl"))
    assert "Metoprolol 50 mg · 1 keer per dag" not in block  # the strength is empty: dose after the dash
    assert "Metoprolol – 50 mg · 1 keer per dag" in block and "Naproxen" not in block


# --- a record too full for two pages ------------------------------------------------------------------------

def heavy_record(services, questions: int = 12) -> dict[str, list[str]]:
    """Far more than two pages hold: 25 medicines, long questions, 15 goals overdue, 30 diary events."""
    visit = services.appointments.add(Appointment(starts_at="2026-11-30T10:00", purpose="Jaarcontrole")).item_id
    asked = [f"Vraag {n}: wat betekent de uitslag van het bloedonderzoek van oktober voor mijn dosis, en moet ik "
             f"iets anders doen als ik ziek ben of koorts heb?" for n in range(1, questions + 1)]
    for question in asked:
        services.appointments.add_question(visit, question)
    medicines = [f"Medicijn{n:02d}" for n in range(1, 26)]
    for name in medicines:
        services.medications.add(Medication(name=name, strength="10 mg", dose="1 tablet",
                                            schedule="2 keer per dag, bij het eten", start_date="2020-01"))
    for n in range(1, 16):
        goal = services.care_plan.add(Goal(description=f"Doel {n}: elke dag een half uur wandelen",
                                           start_date="2026-01-01", review_date="2026-10-01")).item_id
        services.care_plan.add_evaluation(Evaluation(goal, "2026-09-01", "Het lukt nog niet elke dag; als ik moe "
                                                     "ben sla ik het over. " * 3, 1, "Korter wandelen."))
    for day in range(1, 31):
        services.diary.add(DiaryEntry(f"2026-10-{day:02d}T20:00", "symptom", f"Klacht {day}: hoofdpijn."))
    return {"questions": asked, "medicines": medicines}


def left_out_note(text: str, w: Words) -> list[str] | None:
    """The titles of the sections the brief says it left out; None when it says nothing of the kind."""
    note = re.search(flat(w("Left out to keep this brief to two pages: {sections}. You find them in the overview.",
                            sections="(.+?)")), text)
    return note.group(1).split(", ") if note else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_heavy_record_is_cut_down_to_two_pages_with_every_list_saying_how_many_more(services, language):
    w, made = Words(language), heavy_record(services)
    pages = brief_pages(services, language)
    assert len(pages) <= 2
    text = " ".join(pages)
    # The standing facts and every question stay, in their order; the long lists say how many more there are.
    assert in_order(text, [w("In short: diagnoses, medicines, allergies"), *made["questions"]])
    block = standing_block(text, w)
    shown = [name for name in made["medicines"] if name in block]
    assert 0 < len(shown) < len(made["medicines"])
    assert w("And {count} more: see the overview.", count=len(made["medicines"]) - len(shown)) in block
    goals = text[text.index(w("Goals to evaluate")):]
    listed = len(re.findall(r"Doel \d+:", goals))
    assert 0 < listed < 15
    assert w("And {count} other goals to evaluate: see the overview.", count=15 - listed) in goals
    assert w("And {count} earlier events: see the overview.", count=30 - len(re.findall(r"Klacht \d+:", text))) in text
    assert left_out_note(text, w) is None  # every section is there, if shorter


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_record_too_heavy_even_then_leaves_whole_sections_out_and_says_which(services, language):
    w, made = Words(language), heavy_record(services, questions=18)
    pages = brief_pages(services, language)
    assert len(pages) <= 2
    text = " ".join(pages)
    assert in_order(text, [w("In short: diagnoses, medicines, allergies"), *made["questions"]])
    left_out = left_out_note(text, w)
    assert left_out is not None and w("Goals to evaluate") in left_out  # the least urgent goes first
    assert w("Medication changes") not in left_out  # what changed goes last (after goals, measures, events)
    assert "Doel 1:" not in text
    for title in left_out:
        assert text.count(title) == 1  # only in the note, not as a section


def test_a_brief_that_fits_says_nothing_was_left_out(sample_services):
    w = Words("en")
    text = " ".join(brief_pages(sample_services, "en"))
    assert left_out_note(text, w) is None and w("Goals to evaluate") in text
