"""The layout of the emergency letter, after the card page.

The letter speaks to whoever treats the person in an emergency: an ambulance crew, a
doctor at the emergency department, the out-of-hours GP. It says who the person is,
what they have, what to do and what to avoid (in the person's own words, printed as
written), which medicines they take, their allergies and who to call, day and night.
"""

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from phr.core.vocabulary import AllergyKind, DiagnosisStatus, Route, Severity, Sex
from phr.export.options import EmergencySection
from phr.export.pdf.base import CONTENT_WIDTH, RULE, SHADE, PdfContext
from phr.export.pdf.emergency.facts import CallFacts, EmergencyFacts, ExpertiseCentre
from phr.export.pdf.facts import AllergyFacts, PersonFacts
from phr.record.diagnoses import Diagnosis, orpha_display
from phr.record.medications import Medication
from phr.record.person import LISTED, NONE_KNOWN
from phr.words.catalogue import Words
from phr.words.vocabulary import label_of

SECTIONS: tuple[EmergencySection, ...] = tuple(EmergencySection)


def section_titles(w: Words) -> dict[str, str]:
    """The title of each section, in the export language."""
    return {
        "card": w("Emergency card"),
        "person": w("Who I am"),
        "diagnoses": w("My diagnoses"),
        "emergency_notes": w("What to do and what to avoid in an emergency"),
        "medications": w("Medicines I take now"),
        "allergies": w("Allergies"),
        "contacts": w("Who to call, day and night"),
    }


def severity_text(w: Words, severity: str) -> str:
    """'severe', as said of one allergy; nothing when it is not known."""
    return "" if severity == Severity.UNKNOWN else label_of(w, Severity, severity, in_sentence=True)


# --- the letter -------------------------------------------------------------------------------------

def letter(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w = context.words
    story = [context.para(w("Emergency letter"), "title"),
             context.para(w("This is important if you treat me in an emergency. It comes from my own health "
                            "record; check it with me or my family when you can."), "subtitle")]
    titles = section_titles(w)
    for key, body in _bodies(context, facts).items():
        if body is not None:
            story += context.section(titles[key], body)
    return story


def _bodies(context: PdfContext, facts: EmergencyFacts) -> dict[EmergencySection, list[Flowable] | None]:
    """Each part of the letter, in the order printed; None for a part left out."""
    return {
        EmergencySection.PERSON: _who_i_am(context, facts.person) if facts.who_i_am else None,
        EmergencySection.DIAGNOSES: None if facts.diagnoses is None else _diagnoses(context, facts.diagnoses),
        EmergencySection.EMERGENCY_NOTES:
            None if facts.emergency_notes is None else _emergency_notes(context, facts.emergency_notes),
        EmergencySection.MEDICATIONS: None if facts.medications is None else _medications(context, facts.medications),
        EmergencySection.ALLERGIES: None if facts.allergies is None else _allergies(context, facts.allergies),
        EmergencySection.CONTACTS: None if facts.contacts is None else _contacts(context, facts.contacts)}


def _who_i_am(context: PdfContext, facts: PersonFacts) -> list[Flowable]:
    w, person = context.words, facts.person
    born = w.date(person.birth_date) or w("date of birth not filled in")
    if facts.age is not None:
        born = w("{date} ({years} years old)", date=born, years=facts.age)
    rows = context.label_rows([(w("Name"), person.name), (w("Date of birth"), born),
                               (w("Sex"), label_of(w, Sex, person.sex, in_sentence=True)), (w("Language I speak"), person.language)])
    return [rows] if rows else []


def _diagnoses(context: PdfContext, diagnoses: Sequence[Diagnosis]) -> list[Flowable]:
    w = context.words
    if not diagnoses:
        return []
    rows = []
    for diagnosis in diagnoses:
        codes = "\n".join(code for code in (orpha_display(diagnosis.orpha_code),
                                            f"ICD-10 {diagnosis.icd10}" if diagnosis.icd10 else "") if code)
        rows.append([diagnosis.name, codes, label_of(w, DiagnosisStatus, diagnosis.status, in_sentence=True),
                     w.date(diagnosis.diagnosed_on)])
    header = [w("Diagnosis"), w("Code"), w("Status"), w("Since")]
    return [context.table(header, rows, [88 * mm, 30 * mm, 24 * mm, CONTENT_WIDTH - 142 * mm])]


def _emergency_notes(context: PdfContext, emergency_notes: str) -> list[Flowable]:
    """The person's own words, as written: every line break kept, nothing summarised.

    One paragraph on a shaded field rather than a table cell, so that long notes can run on
    to the next page (a table row cannot)."""
    notes = emergency_notes.strip()
    if not notes:
        return []
    style = ParagraphStyle("emergency", parent=context.styles["body"], fontSize=10.5, leading=14.5,
                           backColor=SHADE, borderColor=RULE, borderWidth=0.8, borderPadding=(2.5 * mm, 3 * mm),
                           leftIndent=3 * mm, rightIndent=3 * mm, spaceBefore=2.5 * mm, spaceAfter=5 * mm)
    return [Paragraph(context.esc(notes), style)]


def _medications(context: PdfContext, medications: Sequence[Medication]) -> list[Flowable]:
    w = context.words
    if not medications:
        return []
    rows = []
    for medicine in medications:
        what = " ".join(part for part in (medicine.name, medicine.strength) if part)
        route = "" if medicine.route == Route.OTHER else label_of(w, Route, medicine.route, in_sentence=True)
        rows.append([context.markup(f"<b>{context.esc(what)}</b>" + (f"<br/>{context.esc(route)}" if route else ""),
                                    "cell"), medicine.dose, medicine.schedule, medicine.notes])
    header = [w("Medicine"), w("Dose"), w("When"), w("Notes")]
    return [context.table(header, rows, [44 * mm, 28 * mm, 44 * mm, CONTENT_WIDTH - 116 * mm])]


def _allergies(context: PdfContext, facts: AllergyFacts) -> list[Flowable]:
    w = context.words
    if facts.statement == NONE_KNOWN:
        return [context.para(w("No known allergies."), "warning")]
    if facts.statement != LISTED:
        return [context.no_information(w("Not filled in: it is not known whether I have allergies."))]
    rows = [[context.markup(f"<b>{context.esc(a.substance)}</b>", "cell"),
             label_of(w, AllergyKind, a.kind, in_sentence=True),
             "\n".join(part for part in (a.reaction, a.notes) if part), severity_text(w, a.severity)]
            for a in facts.allergies]
    header = [w("Substance"), w("Kind"), w("Reaction"), w("Severity")]
    return [context.table(header, rows, [44 * mm, 26 * mm, CONTENT_WIDTH - 96 * mm, 26 * mm])]


def _contacts(context: PdfContext, facts: CallFacts) -> list[Flowable]:
    w = context.words
    story: list[Flowable] = []
    if facts.who_to_call:
        rows = [[context.markup(f"<b>{context.esc(c.name)}</b>" + (f"<br/>{context.esc(c.organisation)}"
                                                                    if c.organisation else ""), "cell"),
                 context.markup(f"<b>{context.esc(c.acute_phone)}</b>", "cell"), c.phone, c.contact_for]
                for c in facts.who_to_call]
        header = [w("Who"), w("Day and night"), w("Office hours"), w("Call for")]
        story.append(context.table(header, rows, [46 * mm, 29 * mm, 27 * mm, CONTENT_WIDTH - 102 * mm]))
    else:
        story.append(context.no_information(w("No out-of-hours numbers in my record.")))
    story += [context.heading(w("Expertise centre"), 2)]
    story += [_centre(context, centre) for centre in facts.expertise_centres] or [
        context.no_information(w("No expertise centre in my record."))]
    return story


def _centre(context: PdfContext, centre: ExpertiseCentre) -> Table | None:
    w, contact = context.words, centre.contact
    return context.label_rows([
        (w("Name"), contact.name), (w("For"), "; ".join(centre.diagnoses)), (w("Organisation"), contact.organisation),
        (w("Speciality"), contact.specialty), (w("Day and night"), contact.acute_phone),
        (w("Office hours"), contact.phone), (w("Address"), contact.address), (w("Website"), contact.website),
        (w("Call for"), contact.contact_for), (w("Notes"), contact.notes)])
