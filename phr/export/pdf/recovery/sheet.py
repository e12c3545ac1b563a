"""The recovery sheet: the recovery code on paper, with where the record is and what to do.

Made in memory when the record is created (or gets a new code) and meant to be printed: the
code opens the record, so the sheet says plainly not to keep the file on the computer.
facts (phr.export.pdf.recovery.facts) -> flowables (this module) -> bytes.
"""

from datetime import datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from phr.export.options import ExportKind, ExportOptions
from phr.export.pdf.base import BOLD, CONTENT_WIDTH, RULE, SHADE, PdfContext
from phr.export.pdf.pages import render
from phr.export.pdf.recovery.facts import RecoveryFacts, recovery_facts


def build_recovery_sheet(code: str, folder: Path, person_name: str, language: str,
                         now: datetime | None = None) -> bytes:
    options = ExportOptions(kind=ExportKind.OVERVIEW, language=language,
                            now=now or datetime.now().replace(microsecond=0))
    context = PdfContext.create(options)
    facts = recovery_facts(code, folder, person_name, options.today)
    title = context.words("Recovery sheet")
    return render(context, story(context, facts), title, facts.subject)


def story(context: PdfContext, facts: RecoveryFacts) -> list[Flowable]:
    w = context.words
    details = context.label_rows([(w("Record of"), facts.person_name), (w("Record folder"), facts.folder),
                                  (w("Code made on"), w.date(facts.made_on))])
    return [context.para(w("Recovery sheet"), "title"),
            context.para(w("Keep this sheet on paper, in a safe place (for example with your passport). "
                           "Do not keep it on this computer and not next to the record."), "subtitle"),
            _code_box(context, facts.code),
            context.space(3),
            details,
            *_steps(context)]


def _code_box(context: PdfContext, code: str) -> Table:
    style = ParagraphStyle("code", fontName=BOLD, fontSize=19, leading=24, alignment=1)
    box = Table([[Paragraph(context.esc(code), style)]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, RULE), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("TOPPADDING", (0, 0), (-1, -1), 6 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm)]))
    return box


def _steps(context: PdfContext) -> list[Flowable]:
    w = context.words
    steps = [w("Start Regie and choose the record (or open its folder)."),
             w("Choose \u201cForgot your passphrase?\u201d and type this code. Capitals, spaces and dashes do not matter; "
               "a typing error is noticed."),
             w("Choose a new passphrase. This code keeps working."),
             w("Has someone else seen this sheet? Make a new recovery code in the settings: this one then stops "
               "working.")]
    body = [context.para(f"{number}. {text}") for number, text in enumerate(steps, start=1)]
    return context.section(w("If you forget your passphrase"), body) + [
        context.space(4), context.para(w("The code is shown and printed only when it is made. Regie does not keep "
                                         "it: without this sheet and without your passphrase, nobody can open the "
                                         "record, not even the makers of Regie."), "small")]
