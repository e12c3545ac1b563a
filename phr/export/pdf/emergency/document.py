"""The emergency PDF: a wallet card to cut out and fold (page 1) and an A4 emergency letter.

record -> facts (phr.export.pdf.emergency.facts) -> flowables (card_page, letter) -> bytes.
"""

from reportlab.platypus import Flowable, PageBreak

from phr.export.options import ExportOptions
from phr.export.pdf.base import PdfContext
from phr.export.pdf.emergency.card_page import card_page
from phr.export.pdf.emergency.facts import EmergencyFacts, gather
from phr.export.pdf.emergency.letter import letter
from phr.export.pdf.pages import render
from phr.record.services import RecordServices


def build(services: RecordServices, options: ExportOptions) -> bytes:
    facts = gather(services, options)
    context = PdfContext.create(options, facts.person.person.text_language)
    return render(context, story(context, facts), context.words("Emergency card and letter"), facts.subject)


def story(context: PdfContext, facts: EmergencyFacts) -> list[Flowable]:
    card: list[Flowable] = [*card_page(context, facts), PageBreak()] if facts.card else []
    return card + letter(context, facts)
