"""The emergency PDF: a wallet card of real credit-card size on page 1, the emergency letter after it.

The PDFs are read back with pypdf. The card's text is told apart from the rest of the page
by where it stands: inside the cut rectangle, whose size is measured in the PDF itself.
"""


import re

import pytest
from emergency_reading import (
    CARD_H,
    CARD_W,
    NOW,
    card_outline,
    card_runs,
    card_text,
    emergency_pdf,
    flat,
    letter_text,
    rectangles,
)
from export_names import diagnosis_name, medicine_name
from reportlab.lib.units import mm

from phr.export.pdf.documents import sections_of
from phr.export.pdf.emergency import card as pdf_emergency_card
from phr.export.pdf.emergency import letter as pdf_emergency
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import Allergy, PersonDetails
from phr.words.catalogue import Words
from phr.words.dose import dose_text

# --- the sample record --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_pdfs(sample_services):
    return {language: emergency_pdf(sample_services, language) for language in ("nl", "en")}


def test_sections_are_offered_for_the_export_dialog():
    assert sections_of("emergency") == list(pdf_emergency.SECTIONS)
    assert set(pdf_emergency.section_titles(lambda text: text)) == set(pdf_emergency.SECTIONS)


def test_the_card_is_credit_card_size_with_front_and_back_and_a_fold_between(sample_pdfs):
    for reader in sample_pdfs.values():
        x0, y0, width, height = card_outline(reader)
        assert (width / mm, height / mm) == (pytest.approx(171.2, abs=0.01), pytest.approx(54, abs=0.01))
        # each face has its band the full card width: one at the left, one at the right of the fold
        bands = sorted(r[0] - x0 for r in rectangles(reader, reader.pages[0])
                       if r[2] == pytest.approx(CARD_W, abs=0.05) and r[3] < CARD_H)
        assert bands == [pytest.approx(0, abs=0.05), pytest.approx(CARD_W, abs=0.05)]


@pytest.mark.parametrize("language, born", [("nl", "12 april 1991"), ("en", "12 April 1991")])
def test_the_front_says_who_what_and_what_to_do_the_back_whom_to_call(sample_services, sample_pdfs, language, born):
    front, back = card_text(sample_pdfs[language], 0), card_text(sample_pdfs[language], 1)
    person = sample_services.person.get()
    cah = next(d for d in sample_services.diagnoses.current() if d.orpha_code == 90794)
    assert person.name in front and born in front
    assert flat(diagnosis_name(cah, language)) in front and "ORPHA:90794" in front
    assert flat(cah.emergency_protocol.splitlines()[0]) in front  # the protocol for professionals, first
    assert person.emergency_notes.splitlines()[0] not in front     # not the person's own words beside it
    assert all(allergy.substance in back for allergy in sample_services.allergies.all())
    assert back.index("088 000 1299") < back.index("088 000 3199")  # the expertise centre's number first
    assert {"nl": "Wat te doen", "en": "What to do"}[language] in front


def test_no_text_on_the_card_is_smaller_than_6_pt(sample_pdfs):
    for reader in sample_pdfs.values():
        sizes = [size for _, size in card_runs(reader)]
        assert sizes and min(sizes) >= 6


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_letter_holds_every_current_medicine_with_dose_and_schedule(sample_services, sample_pdfs, language):
    text = flat(letter_text(sample_pdfs[language]))
    current = sample_services.medications.current(NOW.date())
    assert len(current) == 5
    words = Words(language)
    for medicine in current:
        assert flat(f"{medicine_name(medicine, language)} {medicine.strength}") in text
        assert flat(dose_text(words, medicine.dose_amount, medicine.dose_unit) or medicine.dose) in text
    hydrocortisone = next(m for m in current if m.name == "Hydrocortison")
    assert flat(hydrocortisone.schedule) in text  # the split of the day's dose is only in the patient's words
    assert "Naproxen" not in text  # stopped: not something to tell an emergency doctor


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_letter_holds_diagnoses_allergies_and_contacts(sample_services, sample_pdfs, language):
    text = flat(letter_text(sample_pdfs[language]))
    for diagnosis in sample_services.diagnoses.current():
        assert flat(diagnosis_name(diagnosis, language)) in text
    assert "ORPHA:90794" in text and "ORPHA:586" in text
    for allergy in sample_services.allergies.all():
        assert flat(allergy.substance) in text and flat(allergy.reaction) in text
    providers = [c for c in sample_services.care_team.who_to_call() if c.role != "next_of_kin"]
    assert len(providers) == 2
    for contact in providers:
        assert contact.name in text and contact.acute_phone in text and flat(contact.contact_for) in text
    centre = {"nl": "Expertisecentrum Naam", "en": "Expertise centre Name"}[language]
    assert f"{centre} Expertisecentrum bijnierziekten" in text
    calls = text[text.index({"nl": "Wie u kunt bellen", "en": "Who to call"}[language]):
                 text.index({"nl": "Familie of partner", "en": "Next of kin"}[language])]
    assert "Dag en nacht" in calls or "Day and night" in calls
    assert "Mark de Vries" not in calls and "Mark de Vries" in text  # the partner is under next of kin only


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_letter_prints_the_emergency_notes_faithfully_line_by_line(sample_services, sample_pdfs, language):
    raw = letter_text(sample_pdfs[language])
    for line in sample_services.person.get().emergency_notes.splitlines():
        assert flat(line) in flat(raw)
        first_words = re.escape(" ".join(line.split()[:2]))
        assert re.search(rf"\n *{first_words}", raw)  # each line of the notes starts a line of its own
    title = {"nl": "In mijn eigen woorden", "en": "In my own words"}[language]
    mark = {"nl": "", "en": "(in the patient's words, in Dutch)"}[language]
    assert flat(f"{title} {mark}").strip() in flat(raw)  # said whose words they are, and in which language


def test_the_letter_speaks_to_the_emergency_worker_in_the_export_language(sample_pdfs):
    dutch, english = letter_text(sample_pdfs["nl"]), letter_text(sample_pdfs["en"])
    assert "Noodbrief" in dutch and "Dit is belangrijk als u mij met spoed behandelt." in flat(dutch)
    assert "Medicijnen die ik nu gebruik" in dutch and "Allergieën" in dutch
    assert "Emergency letter" in english and "Medicines I take now" in english
    assert "Allergieën" not in english
    assert "Issued 22 November 2026" in english and "Gemaakt op 22 november 2026" in dutch


def test_every_page_has_the_frame(sample_pdfs):
    reader = sample_pdfs["en"]
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Sanne de Vries" in text and "born 12 April 1991" in text and "22 November 2026" in text
        assert f"Page {number} of {total}" in text


# --- records made for a test ----------------------------------------------------------------------------

NOTES = ("Ik heb de ziekte van Addison: geen cortisol.\n"
         "Bij koorts of braken: extra hydrocortison, of een injectie Solu-Cortef 100 mg.\n"
         "Geen etomidaat gebruiken (remt de bijnier). Café-bezoek is prima; overleg bij twijfel.")


def fill(services) -> None:
    """An empty record named 'Zoë Ünal' with a little emergency data, full of Dutch characters."""
    services.person.update(PersonDetails(name="Zoë Ünal", birth_date="1984-02-29", sex="female",
                                         emergency_notes=NOTES))
    services.allergies.add(Allergy(substance="Penicilline", reaction="Zwelling van de keel; benauwdheid",
                                   severity="severe"))
    centre = services.care_team.add(Contact(
        name="Expertisecentrum Bijniërziekten", role="expertise_centre", kind="organisation",
        phone="088 000 1200", acute_phone="088 000 1299", contact_for="Bellen bij koorts of overgeven")).item_id
    services.diagnoses.add(Diagnosis(name="Ziekte van Addison (bijnierschorsinsufficiëntie)", orpha_code=85138,
                                     status="confirmed", expertise_centre=centre))
    services.medications.add(Medication(name="Hydrocortison", strength="10 mg", dose="20 mg per dag",
                                        schedule="’s ochtends 10, ’s middags 5, ’s avonds 5 mg"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_dutch_characters_come_through_on_card_and_letter(services, language):
    fill(services)
    reader = emergency_pdf(services, language)
    card, letter = card_text(reader), flat(letter_text(reader))
    addison = services.diagnoses.current()[0]
    for text in ("Zoë Ünal", flat(diagnosis_name(addison, language)), "ORPHA:85138", "Penicilline", "088 000 1299"):
        assert text in card
    for text in ("Zoë Ünal", flat(diagnosis_name(addison, language)), "Expertisecentrum Bijniërziekten",
                 "Café-bezoek", "’s ochtends 10, ’s middags 5, ’s avonds 5 mg", "Zwelling van de keel; benauwdheid"):
        assert text in letter
    assert all(flat(line) in letter for line in NOTES.splitlines())


def test_no_known_allergies_is_said_as_stated(services):
    services.person.state_no_known_allergies()
    reader = emergency_pdf(services, "en")
    assert "No known allergies." in card_text(reader) and "No known allergies." in letter_text(reader)


def test_what_does_not_fit_on_the_card_is_shortened_visibly_and_the_letter_has_it_all(services):
    fill(services)
    person = services.person.get()
    lines = [f"Regel {n}: bij koorts direct extra hydrocortison geven en het expertisecentrum bellen." for n in
             range(1, 13)]
    services.person.update(PersonDetails(name=person.name, birth_date=person.birth_date,
                                         emergency_notes="\n".join(lines)))
    for n in range(5):
        services.care_team.add(Contact(name=f"Dienstdoende arts {n}", acute_phone=f"088 000 30{n}0"))
    reader = emergency_pdf(services, "nl")
    card = card_text(reader)
    assert "Regel 1:" in card and "Regel 12:" not in card
    assert card.count("Meer: zie mijn noodbrief.") == 2  # the notes, and the numbers past the first three
    assert "088 000 1299" in card  # the expertise centre's number comes first
    assert min(size for _, size in card_runs(reader)) >= 6
    letter = flat(letter_text(reader))
    assert all(line in letter for line in lines)
    assert all(f"088 000 30{n}0" in letter for n in range(5))


def test_fitting_keeps_the_largest_size_that_holds_everything():
    short = pdf_emergency_card.CardFace("BAND", [pdf_emergency_card.CardBlock("Title", [
        pdf_emergency_card.CardLine("One short line.")])], notice="see the letter")
    face, size = pdf_emergency_card.fitted(short)
    assert size == pdf_emergency_card.SIZES[0] and face.blocks[0].cut is False
    long_line = pdf_emergency_card.CardLine("word " * 400, lead="Kept:")
    face, size = pdf_emergency_card.fitted(pdf_emergency_card.CardFace("BAND", [pdf_emergency_card.CardBlock(
        "Title", [long_line])], notice="see the letter"))
    shortened = face.blocks[0].lines[0]
    assert size == 6 and face.blocks[0].cut and shortened.shortened and shortened.lead == "Kept:"
    assert 2 < len(shortened.text.split()) < 400 and "…" in shortened.markup()


def test_the_section_choice_is_respected(services):
    fill(services)
    only_allergies = emergency_pdf(services, "en", sections=frozenset({"allergies"}))
    text = flat(letter_text(only_allergies, first=0))
    assert "Emergency card" not in text.replace("Emergency card and letter", "")
    assert "Penicilline" in text and "Hydrocortison" not in text and "088 000 1299" not in text
    card_and_notes = emergency_pdf(services, "en", sections=frozenset({"card", "emergency_notes"}))
    card = card_text(card_and_notes)
    assert "In an emergency" in card and "Penicilline" not in card and "088 000 1299" not in card
    assert "Penicilline" not in letter_text(card_and_notes)
