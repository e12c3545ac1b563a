"""The layout of the emergency letter, after the card page.

The letter speaks to whoever treats the person in an emergency: an ambulance crew, a doctor at the
emergency department, the out-of-hours GP. It carries the eleven items of the rare-disease template,
in the order such a reader needs them: the date of issue at the top; who the person is and what they
have; what to do (the protocol for professionals, boxed and apart from the person's own words) and what
to avoid; allergies and medicines with their doses; earlier operations (for an anaesthetist); who to call day and night (the expertise centre,
the treating physician); the next of kin; where to find more. An item not filled in says so.
"""

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from phr.export.options import EmergencySection
from phr.export.pdf.base import PdfContext
from phr.export.pdf.emergency import letter_care, letter_parts
from phr.export.pdf.emergency.facts import EmergencyFacts
from phr.words.catalogue import Words

SECTIONS: tuple[EmergencySection, ...] = tuple(EmergencySection)
Body = Callable[[PdfContext, EmergencyFacts], list[Flowable]]
# A title starts a page when less room than this is left; below it a box or table runs on over pages
# (keeping the title with a whole box or table would push it to the next page and leave a hole). Where to
# find more is one block beside its QR code, which cannot split: its title keeps with it.
ROOM = 45 * mm
WHOLE = (EmergencySection.WHERE_TO_FIND_MORE,)


def section_titles(w: Callable[[str], str]) -> dict[str, str]:
    """The title of each section, in the export language."""
    return {
        "card": w("Emergency card"),
        "person": w("Who I am"),
        "diagnoses": w("My diagnoses"),
        "what_to_do": w("For doctors and nurses: what to do"),
        "what_to_avoid": w("What to avoid"),
        "emergency_notes": w("In my own words"),
        "allergies": w("Allergies"),
        "medications": w("Medicines I take now"),
        "procedures": w("Earlier operations and procedures"),
        "contacts": w("Who to call, day and night"),
        "next_of_kin": w("Next of kin"),
        "where_to_find_more": w("Where to find more"),
    }


BODIES: dict[EmergencySection, Body] = {
    EmergencySection.PERSON: letter_parts.who_i_am,
    EmergencySection.DIAGNOSES: letter_parts.diagnoses,
    EmergencySection.WHAT_TO_DO: letter_care.what_to_do,
    EmergencySection.WHAT_TO_AVOID: letter_care.what_to_avoid,
    EmergencySection.EMERGENCY_NOTES: letter_care.own_words,
    EmergencySection.ALLERGIES: letter_parts.allergies,
    EmergencySection.MEDICATIONS: letter_parts.medications,
    EmergencySection.PROCEDURES: letter_parts.procedures,
    EmergencySection.CONTACTS: letter_care.contacts,
    EmergencySection.NEXT_OF_KIN: letter_care.next_of_kin,
    EmergencySection.WHERE_TO_FIND_MORE: letter_care.where_to_find_more,
}


def letter(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    w = context.words
    story = [context.para(w("Emergency letter"), "title"),
             context.para(w("This is important if you treat me in an emergency. It comes from my own health "
                            "record; check it with me or my family when you can."), "subtitle"),
             context.para(w("Issued {date}", date=w.date(facts.issued)), "warning")]
    if facts.own_words_mark:
        story.append(context.para(language_note(w, facts), "small"))
    titles = section_titles(w)
    for key, body in BODIES.items():
        if facts.shows(key):
            section = context.section(titles[key], body(context, facts), w("Not filled in."))
            if key not in WHOLE:
                section[0].keepWithNext = False
                section.insert(0, CondPageBreak(ROOM))
            story += section
    return story


def language_note(w: Words, facts: EmergencyFacts) -> str:
    """Said once at the top: what is marked as my own words is in the language I write my record in."""
    return w("What I typed myself is printed as I wrote it, and marked: {mark}.", mark=facts.own_words_mark)
