"""What the PDFs say where no medicine or diagnosis is listed: 'No known medicines.' only when the person said so,
'not filled in' otherwise, never an empty table (issue 15); an allergy's criticality; an ICD-10 variant's name."""

import io
import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf
from phr.record.codings import ICD10_CM, Coding
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import Allergy
from phr.words.catalogue import Words

NOW = datetime(2026, 11, 22, 12, 0)
KINDS = ("overview", "visit", "emergency")


def text_of(services, kind: str, language: str) -> str:
    data = build_pdf(services, ExportOptions(kind=kind, language=language, now=NOW))
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def flat(text: str) -> str:
    return re.sub(r"(?<=\w)-(?=\w)", "", "".join(text.split()))


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_known_medicines_and_diagnoses_are_said_when_stated(services, kind, language):
    w = Words(language)
    services.person.state_no_known_medications()
    services.person.state_no_known_problems()
    text = text_of(services, kind, language)
    assert w("No known medicines.") in text and w("No known diagnoses.") in text
    for unknown in ("Not filled in: it is not known whether medicines are used.",
                    "Not filled in: it is not known whether I use medicines.",
                    "Not filled in: it is not known whether there are diagnoses.",
                    "Not filled in: it is not known whether I have diagnoses."):
        assert w(unknown) not in text


@pytest.mark.parametrize("kind, first_person", [("overview", False), ("visit", False), ("emergency", True)])
def test_nothing_said_is_not_filled_in_never_none(services, kind, first_person):
    w = Words("en")
    text = text_of(services, kind, "en")
    if first_person:
        assert w("Not filled in: it is not known whether I use medicines.") in text
        assert w("Not filled in: it is not known whether I have diagnoses.") in text
    else:
        assert w("Not filled in: it is not known whether medicines are used.") in text
        assert w("Not filled in: it is not known whether there are diagnoses.") in text
    assert w("No known medicines.") not in text and w("No known diagnoses.") not in text


def test_a_stopped_medicine_beside_the_statement_shows_both(services):
    services.medications.add(Medication(name="Amoxicilline", start_date="2019-06", ended=True))
    services.person.state_no_known_medications()
    text = text_of(services, "overview", "en")
    assert "No known medicines." in text and "Amoxicilline" in text and "June 2019 to ?" in text


def test_the_card_says_no_known_medicines_on_its_back(services):
    from emergency_reading import card_text, emergency_pdf
    services.person.state_no_known_medications()
    assert "No known medicines." in card_text(emergency_pdf(services, "en"))


@pytest.mark.parametrize("kind", KINDS)
def test_a_high_criticality_is_printed_in_words_not_only_in_bold(services, kind):
    services.allergies.add(Allergy(substance="Penicilline", severity="severe", criticality="high"))
    text = flat(text_of(services, kind, "nl")).lower()
    assert flat("een reactie kan levensgevaarlijk zijn") in text  # the letter, the overview, the brief
    if kind == "emergency":
        from emergency_reading import card_text, emergency_pdf
        assert "hoog risico" in card_text(emergency_pdf(services, "nl")).lower()  # the card's short word


def test_an_icd10_cm_code_is_named_so(services):
    services.diagnoses.add(Diagnosis(name="Diabetes", icd10="E11.9", codes=(Coding(ICD10_CM, "E11.9"),)))
    for kind in KINDS:
        assert "ICD-10-CM" in text_of(services, kind, "en"), kind
