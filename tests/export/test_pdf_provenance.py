"""Source on paper: every item in the overview and the visit brief says where it came from, in a few words
next to it, and the first page says that the patient keeps this record, not a care provider."""

import io
import re
from datetime import date, datetime

import pytest
from export_names import diagnosis_name
from pypdf import PdfReader

from phr.core.entries import Provenance
from phr.core.session import Author
from phr.demo.files import letter_pdf
from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf
from phr.export.pdf.facts import record_note, source_words
from phr.record.appointments import Appointment
from phr.record.care_plan import Evaluation, Goal
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import Allergy
from phr.storage.repos.people import AuthorRepository
from phr.words.catalogue import Words

NOW = datetime(2026, 11, 22, 12, 0)
STAMP = "2026-01-05T10:00:00+00:00"


def provenance(source: str = "typed", role: str = "owner", detail: str = "", name: str = "Sanne") -> Provenance:
    return Provenance(name, role, name, source, detail, STAMP, STAMP)


# --- the words --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("stamp, dutch, english", [
    (provenance(), "zelf ingevoerd", "entered by the patient"),
    (provenance(role="carer", name="Kees Bakker"), "door Kees Bakker (mantelzorger)", "by Kees Bakker (carer)"),
    (provenance("letter", detail="brief van dr. Jansen, 3 maart 2026"),
     "uit een brief: brief van dr. Jansen, 3 maart 2026", "from a letter: brief van dr. Jansen, 3 maart 2026"),
    (provenance("letter"), "uit een brief", "from a letter"),
    (provenance("fhir_import", detail="/home/sanne/Downloads/summary.json"),
     "ingelezen uit FHIR-bestand summary.json", "read in from FHIR file summary.json"),
    (provenance("fhir_import", role="carer", detail="C:\\Users\\kees\\ips.xml", name="Kees Bakker"),
     "ingelezen uit FHIR-bestand ips.xml, door Kees Bakker (mantelzorger)",
     "read in from FHIR file ips.xml, by Kees Bakker (carer)"),
    (provenance("json_import", detail="sanne.json"), "ingelezen uit Regie-bestand sanne.json",
     "read in from Regie file sanne.json"),
    (provenance("device_import", detail="LibreView.csv"), "ingelezen uit bestand van meetapparaat LibreView.csv",
     "read in from device file LibreView.csv"),
    (provenance("fhir_import"), "ingelezen uit een FHIR-bestand", "read in from a FHIR file"),
])
def test_where_an_item_came_from_in_a_few_words(stamp, dutch, english):
    assert source_words(Words("nl"), stamp) == dutch
    assert source_words(Words("en"), stamp) == english


def test_an_item_without_provenance_says_nothing_about_it():
    assert source_words(Words("nl"), None) == ""


# --- a record with entries from every kind of source -------------------------------------------------------

@pytest.fixture
def mixed_record(services, monkeypatch):
    """Entries typed in by the owner, by a carer, taken from a letter and read in from a FHIR file."""
    cah = services.diagnoses.add(Diagnosis(name="Bijnierhyperplasie", orpha_code=90794, status="confirmed",
                                           diagnosed_on="1991-04")).item_id
    services.diagnoses.add(Diagnosis(name="Dragerschap cystic fibrosis", orpha_code=586, status="carrier",
                                     diagnosed_on="2022-12"), source="letter",
                           source_detail="Uitslag DNA-onderzoek (klinische genetica)")
    services.allergies.add(Allergy(substance="Penicilline", reaction="Netelroos"), source="fhir_import",
                           source_detail="/tmp/downloads/summary.json")
    doctor = services.care_team.add(Contact(name="dr. Eva Hoekstra", role="specialist"), source="fhir_import",
                                    source_detail="summary.json").item_id
    services.documents.add_file(letter_pdf("UMC", date(2026, 9, 12), "Controle", ("Alles goed.",), "dr. Hoekstra"),
                                "brief.pdf", "Brief na controle", kind="letter", document_date="2026-09-12")
    visit = services.appointments.add(Appointment(starts_at="2026-12-03T10:30", contact_id=doctor,
                                                  purpose="Jaarcontrole")).item_id
    services.appointments.add_question(visit, "Mag de dosis omlaag?")
    carer = AuthorRepository(services.session.db).carer_named("Kees Bakker", STAMP)
    with monkeypatch.context() as as_carer:  # what a carer's own passphrase opens: the same record, their name
        as_carer.setattr(services.session, "_author", Author(carer, "carer", "Kees Bakker"))
        services.medications.add(Medication(name="Hydrocortison", strength="10 mg", dose="17,5 mg per dag",
                                            schedule="3 keer per dag", start_date="2026-10-01", reason_id=cah))
        goal = services.care_plan.add(Goal(description="Minder moe", start_date="2026-06-01",
                                           review_date="2026-11-01")).item_id
    services.care_plan.add_evaluation(Evaluation(goal, "2026-10-15", "Het gaat beter.", 2))
    return services


def named(services, typed: str, language: str) -> str:
    """A diagnosis as the export names it (Orphanet's English name in English)."""
    return diagnosis_name(next(d for d in services.diagnoses.all() if d.name == typed), language)


def bare(text: str) -> str:
    """Without any white space: a narrow cell may wrap a line anywhere, a file name at its dot; and without a
    hyphen inside a word, where a long word may break between syllables (the same on both sides)."""
    return re.sub(r"(?<=\w)-(?=\w)", "", "".join(text.split()))


def texts(services, kind: str, language: str) -> str:
    pdf = build_pdf(services, ExportOptions(kind=kind, language=language, now=NOW))
    return bare(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def near(text: str, item: str, words: str, reach: int = 130) -> bool:
    """Whether `words` follow `item` closely (white space aside): next to it, or under it in the same cell."""
    item, words = bare(item), bare(words)
    start = text.index(item)
    return words in text[start:start + len(item) + reach]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_overview_item_says_where_it_came_from(mixed_record, language):
    w, text = Words(language), texts(mixed_record, "overview", language)
    carer = w("by {name} (carer)", name="Kees Bakker")
    assert near(text, named(mixed_record, "Bijnierhyperplasie", language), w("entered by the patient"))
    assert near(text, named(mixed_record, "Dragerschap cystic fibrosis", language),
                w("from a letter: {detail}", detail="Uitslag DNA-onderzoek (klinische genetica)"))
    assert near(text, "Penicilline", w("read in from FHIR file {file}", file="summary.json"))
    assert "/tmp/downloads" not in text  # the file's name, not the folders it was in
    assert near(text, "Hydrocortison", carer)
    assert near(text, "Minder moe", w("{goal} (evaluation: {evaluation})", goal=carer,
                                      evaluation=w("entered by the patient")))
    assert near(text, "dr. Eva Hoekstra", w("read in from FHIR file {file}", file="summary.json"))
    assert near(text, "Jaarcontrole", w("entered by the patient"))
    assert near(text, "Brief na controle", w("entered by the patient"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_visit_brief_says_where_its_standing_facts_and_changes_came_from(mixed_record, language):
    w, text = Words(language), texts(mixed_record, "visit", language)
    carer = w("by {name} (carer)", name="Kees Bakker")
    standing = text[:text.index(bare(w("Questions for this visit")))]
    assert near(standing, named(mixed_record, "Bijnierhyperplasie", language), w("entered by the patient"))
    assert near(standing, "Hydrocortison", carer)
    assert near(standing, "Penicilline", w("read in from FHIR file {file}", file="summary.json"))
    changes = text[text.index(bare(w("Medication changes"))):]
    assert near(changes, "Hydrocortison", carer, reach=200)  # started since the last visit: by the carer
    assert near(text[text.index(bare(w("Events"))):], "Brief na controle", w("entered by the patient"))


@pytest.mark.parametrize("kind", ["overview", "visit"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_first_page_says_the_patient_keeps_this_record_not_a_care_provider(services, kind, language):
    pdf = build_pdf(services, ExportOptions(kind=kind, language=language, now=NOW))
    assert bare(record_note(Words(language))) in bare(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
