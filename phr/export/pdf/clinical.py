"""Clinical content in the export language, and the patient's own words marked as such, for every PDF.

What the app knows is written in the export's language: a diagnosis in an English export by its English
name (the one the patient gave, `name_en`, else Orphanet's for its ORPHAcode), a medicine by its English
name when it has one, a dose and schedule from the structured fields (phr.words.dose). What the patient
typed (notes, the emergency notes, a protocol, a dose written by hand, a name without an English one) is
printed as typed and, when the record is written in another language than the export
(PersonDetails.text_language), marked with that language: "in the patient's words, in Dutch". A text
marked so is the patient's, never the app's: an English export holds no Dutch the app wrote.

This module decides it once for all kinds; it reads no record and draws nothing (PdfContext.said draws a
`Said` with its mark).
"""

import re
from dataclasses import dataclass

from phr.core.entries import Provenance
from phr.core.vocabulary import Source, TextLanguage
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.reference import orphanet
from phr.words.catalogue import Words
from phr.words.dose import dose_text, schedule_text
from phr.words.vocabulary import label_of

ENGLISH = TextLanguage.ENGLISH
HPO_ID = re.compile(r"\bHP:\d{7}\b")


@dataclass(frozen=True)
class Said:
    """A text and how it is marked: '' for the app's words, or for the patient's in the export language."""
    text: str
    mark: str = ""

    def plain(self) -> str:
        """The text with its mark in brackets, for a place without type styles (the card's lines)."""
        return f"{self.text} ({self.mark})" if self.text and self.mark else self.text


@dataclass(frozen=True)
class DoseWords:
    """How much and when: the app's words from the structured dose where it has them, else the patient's."""
    dose: Said
    schedule: Said
    typed: Said   # the patient's own words too, when the two above are the app's and they wrote more

    def line(self) -> str:
        """'17.5 mg, 4 times a day', without marks (the card marks its block once)."""
        schedule = self.schedule.text
        if self.dose.text and schedule and not self.schedule.mark:
            schedule = schedule[:1].lower() + schedule[1:]  # the app's 'Once a day', after a dose
        return ", ".join(part for part in (self.dose.text, schedule) if part)

    def said(self) -> Said:
        """The line, marked when a part of it is the patient's words in another language."""
        return Said(self.line(), self.dose.mark or self.schedule.mark)


@dataclass(frozen=True)
class Clinical:
    words: Words
    written_in: str = ""   # PersonDetails.text_language: 'nl', 'en', '' when not said

    @property
    def foreign(self) -> bool:
        """Whether the patient's words are known to be in another language than the export's."""
        return self.written_in not in ("", self.words.language)

    def own_words_mark(self) -> str:
        """'in the patient's words, in Dutch' when the record is written in another language; else ''."""
        if not self.foreign:
            return ""
        return self.words("in the patient's words, in {language}",
                          language=label_of(self.words, TextLanguage, self.written_in))

    def record_mark(self) -> str:
        """'in Dutch, as written in the record' for a text written for professionals (a protocol, what to avoid):
        typed by the patient, but often the care team's words, so not marked as the patient's own."""
        if not self.foreign:
            return ""
        return self.words("in {language}, as written in the record",
                          language=label_of(self.words, TextLanguage, self.written_in))

    def typed(self, text: str) -> Said:
        """Text the patient typed, as typed, with the mark its language needs."""
        text = (text or "").strip()
        return Said(text, self.own_words_mark() if text else "")

    def diagnosis_name(self, diagnosis: Diagnosis) -> Said:
        """In English the English name; without one, the patient's name for it, marked as theirs."""
        if self.words.language != ENGLISH:
            return self.typed(diagnosis.name)
        english = diagnosis.name_en.strip() or orphanet_english_name(diagnosis.orpha_code)
        if english:
            return Said(english)
        if self.written_in == ENGLISH:
            return Said(diagnosis.name.strip())
        return Said(diagnosis.name.strip(), self.own_words_mark() or self.words("in the patient's words"))

    def crisis_sign(self, sign: str) -> Said:
        """A sign of a crisis; in English, one with an HPO id is said by the HPO's own name ('Vomiting
        (HP:0002013)' for 'Braken (HP:0002013)')."""
        found = HPO_ID.search(sign) if self.words.language == ENGLISH else None
        name = hpo_english_name(found.group()) if found else ""
        return Said(f"{name} ({found.group()})") if found and name else self.typed(sign)

    def medicine_name(self, medicine: Medication) -> str:
        """A medicine's English name in an English export when the patient gave one (brand names mostly
        need none)."""
        if self.words.language == ENGLISH and medicine.name_en.strip():
            return medicine.name_en.strip()
        return medicine.name

    def written(self, text: str, provenance: Provenance | None) -> Said:
        """As `typed`, for a text that may have come from another system: one read in from a FHIR file is not the
        patient's words (and may be in English in a Dutch record), so it is marked as the file's."""
        text = (text or "").strip()
        if text and provenance is not None and provenance.source == Source.FHIR_IMPORT:
            return Said(text, self.words("as in the FHIR file it came from"))
        return self.typed(text)

    def dose_words(self, medicine: Medication) -> DoseWords:
        w = self.words
        structured_dose = dose_text(w, medicine.dose_amount, medicine.dose_unit)
        structured_when = schedule_text(w, medicine.times_per_day, medicine.food, medicine.as_needed)
        dose = Said(structured_dose) if structured_dose else self.written(medicine.dose, medicine.provenance)
        schedule = Said(structured_when) if structured_when else self.written(medicine.schedule, medicine.provenance)
        # What the app says in their place: the split of a day's dose ('7,5 - 5 - 2,5 mg') is often only there.
        said_before = self._structured_in_own_language(medicine)
        replaced = [typed.strip() for app, typed in ((structured_dose, medicine.dose), (structured_when, medicine.schedule))
                    if app and typed.strip() and typed.strip().casefold() not in said_before]
        mark = self.written(" · ".join(replaced), medicine.provenance).mark or w("in the patient's words")
        typed = Said(" · ".join(replaced), mark) if replaced else Said("")
        return DoseWords(dose, schedule, typed)

    def _structured_in_own_language(self, medicine: Medication) -> set[str]:
        """The structured dose and schedule as the app says them in the language the patient writes in (both
        when not said): typed words that say just that add nothing."""
        said = set()
        for language in [self.written_in] if self.written_in else list(TextLanguage):
            own = Words(language)
            said |= {dose_text(own, medicine.dose_amount, medicine.dose_unit).casefold(),
                     schedule_text(own, medicine.times_per_day, medicine.food, medicine.as_needed).casefold()}
        return said - {""}


def orphanet_english_name(code: int | None) -> str:
    """Orphanet's English name for an ORPHAcode, from the offline reference ('' when it has none, or when the
    reference cannot be read here: the patient's own name is printed then, marked as theirs)."""
    if code is None:
        return ""
    try:
        orphanet.load(apart=True)  # the first time: in a process of its own, so an app's window never waits on it
        return orphanet.english_name(code) or ""
    except (ImportError, OSError):
        return ""


def hpo_english_name(term_id: str) -> str:
    """The HPO's English name of a term id ('HP:0002013' -> 'Vomiting'); '' when unknown."""
    try:
        orphanet.load(apart=True)
        found = orphanet.search_phenotypes(term_id, 1)
    except (ImportError, OSError):
        return ""
    return found[0].name if found and found[0].id == term_id else ""
