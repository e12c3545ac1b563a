"""The layout of the emergency PDF's first page: the wallet card's two faces from the facts, and how to make it.

What does not fit on the card is shortened by phr.export.pdf.emergency.card, visibly; the
letter after this page has it all.
"""

from reportlab.platypus import Flowable

from phr.export.pdf.base import PdfContext
from phr.export.pdf.emergency import card
from phr.export.pdf.emergency.facts import EmergencyFacts
from phr.export.pdf.emergency.letter import severity_text
from phr.export.pdf.facts import AllergyFacts
from phr.record.diagnoses import orpha_display
from phr.record.person import LISTED, NONE_KNOWN
from phr.words.catalogue import Words

MAX_CARD_NUMBERS = 3  # more numbers make the card harder to use in a hurry


def card_page(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w = context.words
    wallet = card.WalletCard(card_front(w, facts), card_back(w, facts), w("Cut out along the dashed line"),
                             w("Fold"))
    how = w("Print this page at actual size (100%), not 'fit to page'. Cut the card out along the dashed line "
            "and fold it along the dotted line, with the printed sides outwards. Glue the halves together or "
            "laminate the card, and keep it in your wallet. Make a new card when something changes.")
    return [context.para(w("Emergency card"), "title"), context.space(4), wallet, context.space(6),
            context.para(how), context.space(2),
            context.para(w("The emergency letter on the next pages has the full details."), "small")]


def card_front(w: Words, facts: EmergencyFacts) -> card.CardFace:
    person = facts.person.person
    blocks = []
    if facts.diagnoses is not None:
        main = facts.main_diagnosis
        lines = [card.CardLine(main.name, tail=orpha_display(main.orpha_code))] if main else []
        blocks.append(card.CardBlock(w("Diagnosis"), lines or [_nothing(w)]))
    if facts.emergency_notes is not None:
        lines = [card.CardLine(line.strip()) for line in facts.emergency_notes.splitlines() if line.strip()]
        blocks.append(card.CardBlock(w("In an emergency"), lines or [_nothing(w)]))
    born = w("born {date}", date=w.date(person.birth_date)) if person.birth_date else w("date of birth not filled in")
    return card.CardFace(w("MEDICAL EMERGENCY CARD"), blocks, name=person.name or w("Name not filled in"),
                         born=born, notice=w("More: see my emergency letter."))


def card_back(w: Words, facts: EmergencyFacts) -> card.CardFace:
    blocks = []
    if facts.contacts is not None:
        who = facts.contacts.who_to_call
        lines = [card.CardLine(f"{contact.name}:", tail=contact.acute_phone) for contact in who[:MAX_CARD_NUMBERS]]
        blocks.append(card.CardBlock(w("Call day and night"), lines or [_nothing(w)],
                                     cut=len(who) > MAX_CARD_NUMBERS))
    if facts.allergies is not None:
        blocks.append(card.CardBlock(w("Allergies"), _card_allergies(w, facts.allergies)))
    if facts.medications is not None:
        names = ", ".join(medicine.name for medicine in facts.medications)
        blocks.append(card.CardBlock(w("Medicines"), [card.CardLine(names) if names else _nothing(w)]))
    person = facts.person.person
    # The back says whose card it is; the birth date only when it fits whole (the front has both in full).
    bands = [" · ".join(part for part in (person.name, w.date(person.birth_date)) if part), person.name]
    band = next((text for text in bands if text and card.fits_band(text)), person.name or w("MEDICAL EMERGENCY CARD"))
    return card.CardFace(band, blocks, notice=w("More: see my emergency letter."))


def _card_allergies(w: Words, facts: AllergyFacts) -> list[card.CardLine]:
    if facts.statement == NONE_KNOWN:
        return [card.CardLine(w("No known allergies."))]
    if facts.statement != LISTED:
        return [card.CardLine(w("Not filled in: it is not known whether I have allergies."))]
    # Substance and severity in bold and never shortened; the reaction may be, when space runs out.
    return [card.CardLine(allergy.reaction, lead=", ".join(part for part in (
        allergy.substance, severity_text(w, allergy.severity)) if part) + (":" if allergy.reaction else ""))
        for allergy in facts.allergies]


def _nothing(w: Words) -> card.CardLine:
    return card.CardLine(w("No information."))
