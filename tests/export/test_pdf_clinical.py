"""Clinical content in the export language (phr/export/pdf/clinical.py): names, doses, and the patient's own words
marked with their language, the same in every PDF."""

from emergency_reading import card_text, emergency_pdf, flat, letter_text

from phr.export.pdf import wrapping
from phr.export.pdf.clinical import Clinical
from phr.export.pdf.emergency import card
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import PersonDetails
from phr.words.catalogue import Words

FABRY = Diagnosis(name="Ziekte van Fabry", orpha_code=324)
HIGH_PRESSURE = Diagnosis(name="Hoge bloeddruk")


def test_a_diagnosis_is_named_in_english_by_the_patients_english_name_then_orphanets_then_their_own():
    english = Clinical(Words("en"), "nl")
    assert english.diagnosis_name(Diagnosis(name="Ziekte van Fabry", name_en="Fabry's disease", orpha_code=324)).text \
        == "Fabry's disease"
    assert (english.diagnosis_name(FABRY).text, english.diagnosis_name(FABRY).mark) == ("Fabry disease", "")
    own = english.diagnosis_name(HIGH_PRESSURE)
    assert (own.text, own.mark) == ("Hoge bloeddruk", "in the patient's words, in Dutch")
    assert Clinical(Words("en"), "").diagnosis_name(HIGH_PRESSURE).mark == "in the patient's words"
    assert Clinical(Words("en"), "en").diagnosis_name(HIGH_PRESSURE).mark == ""  # written in English already


def test_a_dutch_export_keeps_the_patients_name_and_marks_it_only_when_the_record_is_in_another_language():
    assert Clinical(Words("nl"), "nl").diagnosis_name(FABRY).text == "Ziekte van Fabry"
    assert Clinical(Words("nl"), "").diagnosis_name(FABRY).mark == ""
    assert Clinical(Words("nl"), "en").typed("High blood pressure").mark == "in de woorden van de patiënt, in het Engels"


def test_a_structured_dose_is_said_in_the_export_language_and_the_typed_words_only_when_they_say_more():
    medicine = Medication(name="Hydrocortison", name_en="Hydrocortisone", dose="1 tablet",
                          schedule="3 keer per dag: 10 - 5 - 5 mg", dose_amount=1, dose_unit="tablet", times_per_day=3)
    english = Clinical(Words("en"), "nl")
    said = english.dose_words(medicine)
    assert english.medicine_name(medicine) == "Hydrocortisone"
    assert said.line() == "1 tablet, 3 times a day" and said.said().mark == ""
    # '1 tablet' is what the app says in Dutch too; the split of the doses is only in the patient's words
    assert (said.typed.text, said.typed.mark) == ("3 keer per dag: 10 - 5 - 5 mg", "in the patient's words, in Dutch")
    typed_only = english.dose_words(Medication(name="Hydrocortison", dose="20 mg per dag", schedule="'s ochtends"))
    assert typed_only.said().text == "20 mg per dag, 's ochtends"
    assert typed_only.said().mark == "in the patient's words, in Dutch" and typed_only.typed.text == ""
    dutch = Clinical(Words("nl"), "nl").dose_words(medicine)
    assert dutch.line() == "1 tablet, 3 keer per dag" and dutch.said().mark == ""


def test_the_cards_words_break_by_the_export_languages_hyphenation():
    for language in ("nl", "en"):
        style = card._styles(6, language)["body"]
        expected = wrapping.style_options(language)
        assert style.hyphenationMinWordLength == expected["hyphenationMinWordLength"]
        assert style.hyphenationLang("bijnierschorsinsufficiëntie") == \
            expected["hyphenationLang"]("bijnierschorsinsufficiëntie") != []


def test_a_protocol_typed_in_dutch_is_marked_on_card_and_letter_of_an_english_export(services):
    services.person.update(PersonDetails(name="Zoë Ünal", text_language="nl"))
    services.diagnoses.add(Diagnosis(name="Ziekte van Fabry", orpha_code=324,
                                     emergency_protocol="Bel het expertisecentrum.",
                                     crisis_signs="Braken (HP:0002013)\nPijn in handen en voeten"))
    reader = emergency_pdf(services, "en")
    front, letter = card_text(reader, 0), flat(letter_text(reader))
    assert "What to do (in Dutch, as written in the record) Bel het expertisecentrum." in front
    assert "Fabry disease" in front and "Ziekte van Fabry" not in front
    assert "What to do: (in Dutch, as written in the record) Bel het expertisecentrum." in letter
    # a sign with an HPO id is said by the HPO's name; one without stays the patient's, marked once
    assert "Vomiting (HP:0002013)" in letter and "Braken" not in letter
    assert "Signs of a crisis: (in the patient's words, in Dutch)" in letter and "Pijn in handen en voeten" in letter


def test_dose_words_read_in_from_a_fhir_file_are_marked_as_the_files_not_the_patients():
    from phr.core.entries import Provenance

    imported = Provenance("Zoë", "owner", "Zoë", "fhir_import", "summary.json", "2026-12-05", "2026-12-05")
    medicine = Medication(name="Methotrexaat", dose="15 mg", schedule="once a week, on Monday", provenance=imported)
    for clinical in (Clinical(Words("en"), "nl"), Clinical(Words("nl"), "nl")):
        said = clinical.dose_words(medicine)
        assert (said.dose.text, said.schedule.text) == ("15 mg", "once a week, on Monday")
        assert said.dose.mark == said.schedule.mark == clinical.words("as in the FHIR file it came from")
    typed = Medication(name="Methotrexaat", dose="15 mg", schedule="1 keer per week")
    assert Clinical(Words("en"), "nl").dose_words(typed).schedule.mark == "in the patient's words, in Dutch"
