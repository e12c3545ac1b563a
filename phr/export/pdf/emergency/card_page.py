"""The layout of the emergency PDF's first page: the wallet card's two faces from the facts, and how to make it.

The front says who this is, what they have and what to do and avoid, with the date of issue and a QR
code to the emergency guideline; the back says whom to call (the expertise centre day and night first,
the treating physician, the next of kin), the allergies and the medicines with their doses. An item of
the template that is not filled in says so. What does not fit on the card is shortened by
phr.export.pdf.emergency.card, visibly; the letter after this page has it all.
"""

from reportlab.platypus import Flowable

from phr.core.vocabulary import Criticality
from phr.export.options import EmergencySection
from phr.export.pdf.base import PdfContext
from phr.export.pdf.clinical import Clinical
from phr.export.pdf.emergency import card
from phr.export.pdf.emergency.facts import Condition, EmergencyFacts
from phr.export.pdf.emergency.letter_parts import severity_text
from phr.export.pdf.facts import AllergyFacts
from phr.record.care_team import Contact
from phr.record.diagnoses import orpha_display
from phr.record.person import LISTED, NONE_KNOWN
from phr.words.catalogue import Words

MAX_CARD_NUMBERS = 3  # more numbers make the card harder to use in a hurry


def card_page(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w = context.words
    wallet = card.WalletCard(card_front(context, facts), card_back(context, facts),
                             w("Cut out along the dashed line"), w("Fold"))
    how = w("Print this page at actual size (100%), not 'fit to page'. Cut the card out along the dashed line "
            "and fold it along the dotted line, with the printed sides outwards. Glue the halves together or "
            "laminate the card, and keep it in your wallet. Make a new card when something changes.")
    return [context.para(w("Emergency card"), "title"), context.space(4), wallet, context.space(6),
            context.para(how), context.space(2),
            context.para(w("The emergency letter on the next pages has the full details."), "small")]


def qr_caption(w: Words, kind: str) -> str:
    """What the card's QR code links to, in a few words under it."""
    return {"guideline": w("Emergency guideline"), "centre": w("Expertise centre"),
            "orphanet": w("Orphanet page")}.get(kind, "")


def card_front(context: PdfContext, facts: EmergencyFacts) -> card.CardFace:
    w, person = context.words, facts.person.person
    main = facts.conditions[0] if facts.conditions else None
    blocks = []
    if facts.shows(EmergencySection.DIAGNOSES):
        lines = [card.CardLine(main.name.text, tail=orpha_display(main.diagnosis.orpha_code))] if main else []
        none = [card.CardLine(w("No known diagnoses."))] if facts.problem_statement == NONE_KNOWN else []
        blocks.append(card.CardBlock(w("Diagnosis"), lines or none or [_not_filled_in(w)],
                                     note=main.name.mark if main else ""))
    if facts.shows(EmergencySection.WHAT_TO_DO) or facts.shows(EmergencySection.EMERGENCY_NOTES):
        blocks.append(_what_to_do(w, facts))
    if facts.shows(EmergencySection.WHAT_TO_AVOID):
        avoid = next((c for c in facts.conditions if c.avoid.text), None)
        blocks.append(card.CardBlock(w("What to avoid"), _lines(avoid.avoid.text if avoid else "") or
                                     [_not_filled_in(w)], note=avoid.avoid.mark if avoid else ""))
    born = w("born {date}", date=w.date(person.birth_date)) if person.birth_date else w("date of birth not filled in")
    kind, link = facts.link if facts.shows(EmergencySection.WHERE_TO_FIND_MORE) else ("", "")
    if facts.shows(EmergencySection.WHERE_TO_FIND_MORE) and not link:  # the QR code's place says it
        blocks.append(card.CardBlock(w("Where to find more"), [_not_filled_in(w)]))
    return card.CardFace(w("MEDICAL EMERGENCY CARD"), blocks, name=person.name or w("Name not filled in"),
                         born=born, notice=w("More: see my emergency letter."),
                         footer=w("Issued {date}", date=w.date(facts.issued)), qr=link, qr_caption=qr_caption(w, kind),
                         language=w.language)


def _what_to_do(w: Words, facts: EmergencyFacts) -> card.CardBlock:
    """The professional protocol of the first condition that has one; without one, the person's own words
    (when they are chosen for the export), titled as such."""
    protocol: Condition | None = next((c for c in facts.conditions if c.protocol.text), None)
    if protocol is not None and facts.shows(EmergencySection.WHAT_TO_DO):
        return card.CardBlock(w("What to do"), _lines(protocol.protocol.text), note=protocol.protocol.mark)
    if facts.emergency_notes.text and facts.shows(EmergencySection.EMERGENCY_NOTES):
        return card.CardBlock(w("In an emergency"), _lines(facts.emergency_notes.text),
                              note=facts.emergency_notes.mark or w("in my own words"))
    return card.CardBlock(w("What to do"), [_not_filled_in(w)])


def card_back(context: PdfContext, facts: EmergencyFacts) -> card.CardFace:
    w = context.words
    blocks = []
    if facts.contacts is not None:
        who = facts.contacts.who_to_call
        lines = [card.CardLine(f"{contact.name}:", tail=contact.acute_phone) for contact in who[:MAX_CARD_NUMBERS]]
        blocks.append(card.CardBlock(w("Call day and night"), lines or [_not_filled_in(w)],
                                     cut=len(who) > MAX_CARD_NUMBERS))
        doctors = [card.CardLine(f"{p.contact.name}:", tail=_phone(w, p.contact)) for p in facts.contacts.physicians]
        blocks.append(card.CardBlock(w("Treating physician"), doctors or [_not_filled_in(w)]))
    if facts.next_of_kin is not None:
        blocks.append(_next_of_kin(context, facts.next_of_kin))
    if facts.allergies is not None:
        blocks.append(card.CardBlock(w("Allergies"), _card_allergies(w, facts.allergies),
                                     note=facts.own_words_mark if facts.allergies.allergies else ""))
    if facts.medications is not None:
        blocks.append(_medicines(context.clinical, facts))
    person = facts.person.person
    # The back says whose card it is; the birth date only when it fits whole (the front has both in full).
    bands = [" · ".join(part for part in (person.name, w.date(person.birth_date)) if part), person.name]
    band = next((text for text in bands if text and card.fits_band(text)), person.name or w("MEDICAL EMERGENCY CARD"))
    return card.CardFace(band, blocks, notice=w("More: see my emergency letter."), language=w.language)


def _phone(w: Words, contact: Contact) -> str:
    return contact.acute_phone or contact.phone or w("no phone number")


def _next_of_kin(context: PdfContext, people: tuple[Contact, ...]) -> card.CardBlock:
    """'Mark de Vries (partner): 06 1234 5678 – can give the emergency injection'."""
    w = context.words
    lines = [card.CardLine(f"– {person.contact_for}" if person.contact_for else "",
                           lead=(f"{person.name} ({person.relationship}):" if person.relationship else f"{person.name}:")
                           + f" {_phone(w, person)}") for person in people]
    typed = any(person.contact_for or person.relationship for person in people)
    return card.CardBlock(w("Next of kin"), lines or [_not_filled_in(w)],
                          note=context.clinical.own_words_mark() if typed else "")


def _medicines(clinical: Clinical, facts: EmergencyFacts) -> card.CardBlock:
    """One line a medicine: its name and strength in bold, then how much and when."""
    w, lines, marks = clinical.words, [], set()
    for medicine in facts.medications or ():
        dose = clinical.dose_words(medicine)
        name = " ".join(part for part in (clinical.medicine_name(medicine), medicine.strength) if part)
        said = dose.said()
        lines.append(card.CardLine(said.text, lead=name + (":" if said.text else "")))
        marks |= {said.mark} - {""}
    none = [card.CardLine(w("No known medicines."))] if facts.medication_statement == NONE_KNOWN else []
    return card.CardBlock(w("Medicines"), lines or none or [_not_filled_in(w)], note=next(iter(marks), ""))


def _card_allergies(w: Words, facts: AllergyFacts) -> list[card.CardLine]:
    if facts.statement == NONE_KNOWN:
        return [card.CardLine(w("No known allergies."))]
    if facts.statement != LISTED:
        return [card.CardLine(w("Not filled in: it is not known whether I have allergies."))]
    # Substance and severity in bold and never shortened; the reaction may be, when space runs out.
    return [card.CardLine(allergy.reaction, lead=", ".join(part for part in (
        allergy.substance, severity_text(w, allergy.severity),
        w("high risk") if allergy.criticality == Criticality.HIGH else "") if part)
        + (":" if allergy.reaction else "")) for allergy in facts.allergies]


def _lines(text: str) -> list[card.CardLine]:
    return [card.CardLine(line.strip()) for line in text.splitlines() if line.strip()]


def _not_filled_in(w: Words) -> card.CardLine:
    return card.CardLine(w("Not filled in"), whole=True)
