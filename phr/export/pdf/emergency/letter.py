"""The emergency PDF: a wallet card to cut out and fold (page 1) and an A4 emergency letter.

The letter speaks to whoever treats the person in an emergency: an ambulance crew, a
doctor at the emergency department, the out-of-hours GP. It says who the person is,
what they have, what to do and what to avoid (in the person's own words, printed as
written), which medicines they take, their allergies and who to call, day and night.
The emergency is now, so the export period does not apply: everything current is printed.
"""

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Table

from phr.export.pdf.base import CONTENT_WIDTH, RULE, SHADE, render
from phr.export.pdf.emergency import card as card
from phr.record import overview
from phr.record.diagnoses import orpha_display
from phr.record.person import LISTED, NONE_KNOWN

SECTIONS: tuple[str, ...] = ("card", "person", "diagnoses", "emergency_notes", "medications", "allergies",
                             "contacts")
MAX_CARD_NUMBERS = 3  # more numbers make the card harder to use in a hurry


def section_titles(w) -> dict[str, str]:
    """The title of each section, in the export language (also for the export dialog)."""
    return {
        "card": w("Emergency card"),
        "person": w("Who I am"),
        "diagnoses": w("My diagnoses"),
        "emergency_notes": w("What to do and what to avoid in an emergency"),
        "medications": w("Medicines I take now"),
        "allergies": w("Allergies"),
        "contacts": w("Who to call, day and night"),
    }


@dataclass(frozen=True)
class EmergencyFacts:
    """What the card and the letter print, read once from the record."""
    person: object                  # PersonDetails
    diagnoses: list                 # current ones, the main diagnosis first
    medications: list               # in use today
    allergy_statement: str          # unknown | none_known | listed
    allergies: list
    who_to_call: list               # contacts with an acute number, expertise centres first
    expertise_centres: list         # (contact, [diagnosis names it is the centre for])

    @property
    def main_diagnosis(self):
        return self.diagnoses[0] if self.diagnoses else None


def gather(services, today) -> EmergencyFacts:
    diagnoses = services.diagnoses.current()
    # The rare condition comes first: confirmed before suspected or carrier, with an ORPHAcode before without.
    diagnoses.sort(key=lambda d: (d.status != "confirmed", d.orpha_code is None))
    centres = _expertise_centres(services.care_team.all(), diagnoses)
    centre_ids = {contact.id for contact, _ in centres}
    who = sorted(services.care_team.who_to_call(), key=lambda contact: contact.id not in centre_ids)
    return EmergencyFacts(services.person.get(), diagnoses, services.medications.current(today),
                          services.person.allergy_statement(), services.allergies.all(), who, centres)


def _expertise_centres(contacts: list, diagnoses: list) -> list:
    """A contact is an expertise centre by its role, or because a current diagnosis links to it as one."""
    linked = {}
    for diagnosis in diagnoses:
        if diagnosis.expertise_centre is not None:
            linked.setdefault(diagnosis.expertise_centre, []).append(diagnosis.name)
    centres = [(c, linked.get(c.id, [])) for c in contacts if c.role == "expertise_centre" or c.id in linked]
    return sorted(centres, key=lambda pair: not pair[1])  # the ones for a current diagnosis first


def build(context) -> bytes:
    w = context.words
    facts = gather(context.services, context.options.today)
    story = []
    if context.options.wants("card"):
        story += _card_page(context, facts) + [PageBreak()]
    story += _letter(context, facts)
    return render(context, story, w("Emergency card and letter"))


# --- the card ---------------------------------------------------------------------------------------

def _card_page(context, facts: EmergencyFacts) -> list:
    w = context.words
    wallet = card.WalletCard(_card_front(context, facts), _card_back(context, facts),
                             w("Cut out along the dashed line"), w("Fold"))
    how = w("Print this page at actual size (100%), not 'fit to page'. Cut the card out along the dashed line "
            "and fold it along the dotted line, with the printed sides outwards. Glue the halves together or "
            "laminate the card, and keep it in your wallet. Make a new card when something changes.")
    return [context.para(w("Emergency card"), "title"), context.space(4), wallet, context.space(6),
            context.para(how), context.space(2),
            context.para(w("The emergency letter on the next pages has the full details."), "small")]


def _card_front(context, facts: EmergencyFacts) -> card.CardFace:
    w, options = context.words, context.options
    person = facts.person
    blocks = []
    if options.wants("diagnoses"):
        main = facts.main_diagnosis
        lines = [card.CardLine(main.name, tail=orpha_display(main.orpha_code))] if main else []
        blocks.append(card.CardBlock(w("Diagnosis"), lines or [_nothing(w)]))
    if options.wants("emergency_notes"):
        lines = [card.CardLine(line.strip()) for line in person.emergency_notes.splitlines() if line.strip()]
        blocks.append(card.CardBlock(w("In an emergency"), lines or [_nothing(w)]))
    born = w("born {date}", date=w.date(person.birth_date)) if person.birth_date else w("date of birth not filled in")
    return card.CardFace(w("MEDICAL EMERGENCY CARD"), blocks, name=person.name or w("Name not filled in"),
                         born=born, notice=w("More: see my emergency letter."))


def _card_back(context, facts: EmergencyFacts) -> card.CardFace:
    w, options = context.words, context.options
    blocks = []
    if options.wants("contacts"):
        lines = [card.CardLine(f"{contact.name}:", tail=contact.acute_phone)
                 for contact in facts.who_to_call[:MAX_CARD_NUMBERS]]
        blocks.append(card.CardBlock(w("Call day and night"), lines or [_nothing(w)],
                                     cut=len(facts.who_to_call) > MAX_CARD_NUMBERS))
    if options.wants("allergies"):
        blocks.append(card.CardBlock(w("Allergies"), _card_allergies(context, facts)))
    if options.wants("medications"):
        names = ", ".join(medicine.name for medicine in facts.medications)
        blocks.append(card.CardBlock(w("Medicines"), [card.CardLine(names) if names else _nothing(w)]))
    person = facts.person
    # The back says whose card it is; the birth date only when it fits whole (the front has both in full).
    bands = [" · ".join(part for part in (person.name, w.date(person.birth_date)) if part), person.name]
    band = next((text for text in bands if text and card.fits_band(text)), person.name or w("MEDICAL EMERGENCY CARD"))
    return card.CardFace(band, blocks, notice=w("More: see my emergency letter."))


def _card_allergies(context, facts: EmergencyFacts) -> list:
    w = context.words
    if facts.allergy_statement == NONE_KNOWN:
        return [card.CardLine(w("No known allergies."))]
    if facts.allergy_statement != LISTED:
        return [card.CardLine(w("Not filled in: it is not known whether I have allergies."))]
    severities = _severities(w)
    # Substance and severity in bold and never shortened; the reaction may be, when space runs out.
    return [card.CardLine(allergy.reaction, lead=", ".join(part for part in (
        allergy.substance, severities.get(allergy.severity, "")) if part) + (":" if allergy.reaction else ""))
        for allergy in facts.allergies]


def _nothing(w) -> card.CardLine:
    return card.CardLine(w("No information."))


# --- the letter -------------------------------------------------------------------------------------

def _letter(context, facts: EmergencyFacts) -> list:
    w, options = context.words, context.options
    story = [context.para(w("Emergency letter"), "title"),
             context.para(w("This is important if you treat me in an emergency. It comes from my own health "
                            "record; check it with me or my family when you can."), "subtitle")]
    parts = {"person": _who_i_am, "diagnoses": _diagnoses, "emergency_notes": _emergency_notes,
             "medications": _medications, "allergies": _allergies, "contacts": _contacts}
    titles = section_titles(w)
    for key, part in parts.items():
        if options.wants(key):
            story += context.section(titles[key], part(context, facts))
    return story


def _who_i_am(context, facts: EmergencyFacts) -> list:
    w = context.words
    person = facts.person
    born = w.date(person.birth_date) or w("date of birth not filled in")
    years = overview.age(person.birth_date, context.options.today)
    if born and years is not None:
        born = w("{date} ({years} years old)", date=born, years=years)
    sexes = {"female": w("female"), "male": w("male"), "other": w("other"), "unknown": w("unknown")}
    rows = context.label_rows([(w("Name"), person.name), (w("Date of birth"), born),
                               (w("Sex"), sexes.get(person.sex, "")), (w("Language I speak"), person.language)])
    return [rows] if rows else []


def _diagnoses(context, facts: EmergencyFacts) -> list:
    w = context.words
    if not facts.diagnoses:
        return []
    statuses = {"confirmed": w("confirmed"), "suspected": w("suspected"), "carrier": w("carrier")}
    rows = []
    for diagnosis in facts.diagnoses:
        codes = "\n".join(code for code in (orpha_display(diagnosis.orpha_code),
                                            f"ICD-10 {diagnosis.icd10}" if diagnosis.icd10 else "") if code)
        rows.append([diagnosis.name, codes, statuses.get(diagnosis.status, diagnosis.status),
                     w.date(diagnosis.diagnosed_on)])
    header = [w("Diagnosis"), w("Code"), w("Status"), w("Since")]
    return [context.table(header, rows, [88 * mm, 30 * mm, 24 * mm, CONTENT_WIDTH - 142 * mm])]


def _emergency_notes(context, facts: EmergencyFacts) -> list:
    """The person's own words, as written: every line break kept, nothing summarised.

    One paragraph on a shaded field rather than a table cell, so that long notes can run on
    to the next page (a table row cannot)."""
    notes = facts.person.emergency_notes.strip()
    if not notes:
        return []
    style = ParagraphStyle("emergency", parent=context.styles["body"], fontSize=10.5, leading=14.5,
                           backColor=SHADE, borderColor=RULE, borderWidth=0.8, borderPadding=(2.5 * mm, 3 * mm),
                           leftIndent=3 * mm, rightIndent=3 * mm, spaceBefore=2.5 * mm, spaceAfter=5 * mm)
    return [Paragraph(context.esc(notes), style)]


def _medications(context, facts: EmergencyFacts) -> list:
    w = context.words
    if not facts.medications:
        return []
    routes = {"oral": w("by mouth"), "subcutaneous": w("injection under the skin"),
              "intramuscular": w("injection into a muscle"), "inhaled": w("inhaled"), "topical": w("on the skin"),
              "other": ""}
    rows = []
    for medicine in facts.medications:
        what = " ".join(part for part in (medicine.name, medicine.strength) if part)
        route = routes.get(medicine.route, "")
        rows.append([context.markup(f"<b>{context.esc(what)}</b>" + (f"<br/>{context.esc(route)}" if route else ""),
                                    "cell"), medicine.dose, medicine.schedule, medicine.notes])
    header = [w("Medicine"), w("Dose"), w("When"), w("Notes")]
    return [context.table(header, rows, [44 * mm, 28 * mm, 44 * mm, CONTENT_WIDTH - 116 * mm])]


def _allergies(context, facts: EmergencyFacts) -> list:
    w = context.words
    if facts.allergy_statement == NONE_KNOWN:
        return [context.para(w("No known allergies."), "warning")]
    if facts.allergy_statement != LISTED:
        return [context.no_information(w("Not filled in: it is not known whether I have allergies."))]
    kinds = {"allergy": w("allergy"), "intolerance": w("intolerance")}
    severities = _severities(w)
    rows = [[context.markup(f"<b>{context.esc(a.substance)}</b>", "cell"), kinds.get(a.kind, ""),
             "\n".join(part for part in (a.reaction, a.notes) if part), severities.get(a.severity, "")]
            for a in facts.allergies]
    header = [w("Substance"), w("Kind"), w("Reaction"), w("Severity")]
    return [context.table(header, rows, [44 * mm, 26 * mm, CONTENT_WIDTH - 96 * mm, 26 * mm])]


def _severities(w) -> dict[str, str]:
    return {"mild": w("mild"), "moderate": w("moderate"), "severe": w("severe"), "unknown": ""}


def _contacts(context, facts: EmergencyFacts) -> list:
    w = context.words
    story = []
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
    story += [_centre(context, contact, names) for contact, names in facts.expertise_centres] or [
        context.no_information(w("No expertise centre in my record."))]
    return story


def _centre(context, contact, diagnoses: list[str]) -> Table:
    w = context.words
    return context.label_rows([
        (w("Name"), contact.name), (w("For"), "; ".join(diagnoses)), (w("Organisation"), contact.organisation),
        (w("Speciality"), contact.specialty), (w("Day and night"), contact.acute_phone),
        (w("Office hours"), contact.phone), (w("Address"), contact.address), (w("Website"), contact.website),
        (w("Call for"), contact.contact_for), (w("Notes"), contact.notes)])
