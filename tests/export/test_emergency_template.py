"""Acceptance of issue 14: the emergency card and letter carry the eleven items of the rare-disease template
(the French "carte de soins et d'urgence", Orphanet's emergency guidelines), in Dutch and in English; an
English export holds no Dutch the app wrote; an item not filled in says so; the card's QR code holds the
link to the emergency guideline.

The sample record (phr.demo) is exported and read back with pypdf.
"""

import re
from dataclasses import fields, replace

import pytest
from emergency_reading import CARD_W, NOW, card_outline, card_text, emergency_pdf, flat, letter_text, rectangles
from export_names import diagnosis_name, medicine_name
from reportlab.graphics.barcode.qr import QrCodeWidget

from phr.export.pdf.emergency import card
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis, orphanet_page
from phr.words.catalogue import DUTCH, Words
from phr.words.dose import dose_text

LANGUAGES = ("nl", "en")


@pytest.fixture(scope="module")
def sample_pdfs(sample_services):
    return {language: emergency_pdf(sample_services, language) for language in LANGUAGES}


def _main(services):
    return next(d for d in services.diagnoses.current() if d.orpha_code == 90794)


def template_items(services, language: str) -> dict[str, tuple[list[str], list[str]]]:
    """Per item of the template: (texts the card must hold, texts the letter must hold)."""
    w = Words(language)
    person, cah = services.person.get(), _main(services)
    name = flat(diagnosis_name(cah, language))
    centre = services.care_team.get(cah.expertise_centre)
    doctor = services.care_team.get(cah.treating_physician)
    kin = services.care_team.next_of_kin()[0]
    medicines = services.medications.current(NOW.date())
    doses = [flat(f"{medicine_name(m, language)} {m.strength}: {dose_text(w, m.dose_amount, m.dose_unit) or m.dose}")
             for m in medicines]
    allergies = [a.substance for a in services.allergies.all()]
    protocol, avoid = cah.emergency_protocol.splitlines(), cah.emergency_avoid.splitlines()
    issued = w("Issued {date}", date=w.date(NOW.date()))
    return {
        "1 diagnosis with ORPHAcode": ([name, "ORPHA:90794"], [name, "ORPHA:90794"]),
        "2 expertise centre, 24/7": ([f"{centre.name}: {centre.acute_phone}"], [centre.name, centre.acute_phone]),
        "3 treating physician": ([w("Treating physician"), f"{doctor.name}: {doctor.phone}"],
                                 [w("Treating physician"), doctor.name, doctor.phone]),
        "4 treatment with doses": (doses, [flat(f"{medicine_name(m, language)} {m.strength}") for m in medicines]),
        "5 allergies": (allergies, allergies),
        "6 what to do": ([flat(protocol[0])], [w("For doctors and nurses: what to do"), *map(flat, protocol)]),
        "7 what to avoid": ([w("What to avoid"), flat(avoid[0])[:40]], [w("What to avoid"), *map(flat, avoid)]),
        "8 next of kin": ([kin.name, kin.acute_phone], [w("Next of kin"), kin.name, kin.acute_phone,
                                                       flat(kin.contact_for)]),
        "9 where to find more": ([], [w("Where to find more"), cah.emergency_guideline, orphanet_page(90794, language),
                                      *cah.website_list()]),
        "10 date of issue": ([issued], [issued]),
        "11 identity": ([person.name, w.date(person.birth_date)], [person.name, w.date(person.birth_date)]),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_card_and_letter_carry_the_eleven_items(sample_services, sample_pdfs, language):
    reader = sample_pdfs[language]
    on_card, in_letter = card_text(reader), flat(letter_text(reader))
    missing = [(item, text, where) for item, (card_texts, letter_texts) in
               template_items(sample_services, language).items()
               for where, texts, found in (("card", card_texts, on_card), ("letter", letter_texts, in_letter))
               for text in texts if flat(text) not in found]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_issue_date_is_on_the_card_itself(sample_pdfs, language):
    w = Words(language)
    assert w("Issued {date}", date=w.date(NOW.date())) in card_text(sample_pdfs[language], 0)


def test_the_professional_protocol_stands_apart_from_the_patients_own_words(sample_services, sample_pdfs):
    text = flat(letter_text(sample_pdfs["en"]))
    cah, notes = _main(sample_services), sample_services.person.get().emergency_notes
    protocol_at, own_at = text.index("For doctors and nurses: what to do"), text.index("In my own words")
    avoid_at = text.index("What to avoid")
    assert protocol_at < text.index(flat(cah.emergency_protocol.splitlines()[1])) < avoid_at < own_at
    assert own_at < text.index(flat(notes.splitlines()[0]))
    # The typed protocol is marked with its language, not as the patient's own words (often the care team's).
    assert "What to do: (in Dutch, as written in the record)" in text


# --- no Dutch from the app in an English export --------------------------------------------------------------

def dutch_only_texts() -> list[str]:
    """Every Dutch text of the exports and vocabularies that is not English as well ('tablet', 'Status')."""
    english = {key.casefold() for key in DUTCH}
    return sorted({dutch for key, dutch in DUTCH.items()
                   if dutch.casefold() not in english and dutch != key and re.search(r"[^\W\d]", dutch)})


def pattern(text: str) -> re.Pattern[str]:
    """A Dutch text as found in a PDF: its {fields} anything, its words whole, wrapped anywhere."""
    parts = re.split(r"\{\w+\}", flat(text))
    body = r".{1,80}?".join(r"\s+".join(map(re.escape, part.split())) for part in parts)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def record_words(services) -> list[str]:
    """Every text the record holds, line by line, longest first: what the person typed may be in any language."""
    entries = [services.person.get(), *services.diagnoses.all(), *services.medications.all(),
               *services.care_team.all(), *services.allergies.all(), *services.procedures.all()]
    entries += [change for medicine in services.medications.all() for change in services.medications.changes(medicine.id)]
    texts = {line.strip() for entry in entries for field in fields(entry)
             if isinstance(value := getattr(entry, field.name), str) for line in value.splitlines() if line.strip()}
    return sorted(texts, key=len, reverse=True)


def test_the_english_export_holds_no_dutch_the_app_wrote(sample_services, sample_pdfs):
    reader = sample_pdfs["en"]
    text = flat(card_text(reader) + " " + letter_text(reader, first=0))
    # A line may end inside a word the person typed: as printed, joined at a hyphen, and joined at a syllable.
    for joined in ("- ", "-", ""):
        text = text.replace("- ", joined)
        for typed in record_words(sample_services):
            text = text.replace(flat(typed), " ")
    dutch = dutch_only_texts()
    assert len(dutch) > 300
    found = [word for word in dutch if pattern(word).search(text)]
    assert found == []


def test_the_dutch_export_is_dutch(sample_pdfs):
    """The check above can fail: the Dutch export is full of the words it looks for."""
    text = flat(letter_text(sample_pdfs["nl"], first=0))
    assert sum(bool(pattern(word).search(text)) for word in dutch_only_texts()) > 30


# --- a record with nothing filled in ----------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_not_filled_in_says_so(services, language):
    w = Words(language)
    reader = emergency_pdf(services, language)
    not_filled = w("Not filled in")
    front, back, letter = card_text(reader, 0), card_text(reader, 1), flat(letter_text(reader))
    # front: diagnosis, what to do, what to avoid, where to find more; back: numbers, physician, next of kin,
    # allergies ("not filled in: it is not known ..."), medicines
    assert front.count(not_filled) == 4 and back.count(not_filled) == 5
    # the letter: date of birth, diagnoses, what to do, what to avoid, own words, allergies, medicines, earlier
    # operations, expertise centre, treating physician, next of kin, where to find more
    assert letter.count(not_filled) == 12
    assert w("Issued {date}", date=w.date(NOW.date())) in front and w("Issued {date}", date=w.date(NOW.date())) in letter
    assert "Zoë Ünal" in front and "Zoë Ünal" in letter


# --- the QR code -----------------------------------------------------------------------------------------------

def drawn_modules(reader, left: float, bottom: float, size: float) -> set[tuple[int, int]]:
    """The dark modules of a QR code drawn in the square at (left, bottom), as (row, column) from the top left."""
    inside = [r for r in rectangles(reader, reader.pages[0], filled_only=True)
              if left - 0.01 <= r[0] and r[0] + r[2] <= left + size + 0.01
              and bottom - 0.01 <= r[1] and r[1] + r[3] <= bottom + size + 0.01 and r[3] < size / 10]
    module = min(r[3] for r in inside)
    top = max(r[1] + r[3] for r in inside)
    first = min(r[0] for r in inside)
    return {(round((top - (r[1] + r[3])) / module), round((r[0] - first) / module) + step)
            for r in inside for step in range(round(r[2] / module))}


def encoded_modules(link: str) -> set[tuple[int, int]]:
    widget = QrCodeWidget(link, barLevel="M")
    widget.qr.make()
    return {(row, column) for row, cells in enumerate(widget.qr.modules) for column, dark in enumerate(cells) if dark}


def test_the_card_has_a_qr_code_with_the_guideline_link(sample_services, sample_pdfs):
    """No QR decoder is installed (none is a dependency): the code drawn is compared, module for module, with
    the encoding of the expected link, and the link is printed in words under the letter's code."""
    cah = _main(sample_services)
    reader = sample_pdfs["en"]
    x0, y0, _, _ = card_outline(reader)
    left, bottom = x0 + CARD_W - card.PADDING - card.QR_SIZE, y0 + card.PADDING * 0.8 + card.QR_CAPTION
    drawn = drawn_modules(reader, left, bottom, card.QR_SIZE)
    assert drawn == encoded_modules(cah.emergency_guideline)  # the very code of that link, module for module
    assert "Emergency guideline" in card_text(reader, 0)
    assert cah.emergency_guideline in flat(letter_text(reader)).replace(" ", "")  # printed under the letter's code


def test_without_a_guideline_the_code_links_to_the_expertise_centre_then_orphanet(services):
    services.diagnoses.add(Diagnosis(name="Ziekte van Addison", orpha_code=85138))
    assert encoded_modules(orphanet_page(85138, "en")) == \
        drawn_modules(*_qr_square(emergency_pdf(services, "en")))
    centre = services.care_team.add(Contact(name="Centrum", role="expertise_centre", website="www.centrum.example")).item_id
    diagnosis = services.diagnoses.current()[0]
    services.diagnoses.update(replace(diagnosis, expertise_centre=centre))
    assert encoded_modules("www.centrum.example") == drawn_modules(*_qr_square(emergency_pdf(services, "en")))


def _qr_square(reader):
    x0, y0, _, _ = card_outline(reader)
    return reader, x0 + CARD_W - card.PADDING - card.QR_SIZE, y0 + card.PADDING * 0.8 + card.QR_CAPTION, card.QR_SIZE


def test_where_to_find_more_names_the_orphanet_page_once(sample_services, sample_pdfs):
    """The sample's guideline link is the Orphanet page of its ORPHAcode: one row says it, not two."""
    text = flat(letter_text(sample_pdfs["en"]))
    main = _main(sample_services)
    assert main.emergency_guideline == orphanet_page(main.orpha_code, "en")
    assert f"Emergency guideline {main.emergency_guideline}" in text
    assert f"Orphanet page {orphanet_page(main.orpha_code, 'en')}" not in text
    assert f"Orphanet page {orphanet_page(586, 'en')}" in text  # the carrier status has no guideline
