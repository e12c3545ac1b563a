"""The recovery sheet: the recovery code on paper, with where the record is and what to do.

Made in memory when the record is created (or gets a new code) and meant to be printed: the
code opens the record, so the sheet says plainly not to keep the file on the computer.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from phr.export.options import ExportOptions
from phr.export.pdf.base import BOLD, CONTENT_WIDTH, RULE, SHADE, PdfContext, render


@dataclass(frozen=True)
class SheetPerson:
    name: str
    birth_date: None = None  # the sheet is about the record, not a health summary: no birth date in its frame


def build_recovery_sheet(code: str, folder: Path, person_name: str, language: str,
                         now: datetime | None = None) -> bytes:
    options = ExportOptions(kind="overview", language=language, now=now or datetime.now().replace(microsecond=0))
    context = PdfContext.create(None, options)
    w = context.words
    story = [context.para(w("Recovery sheet"), "title"),
             context.para(w("Keep this sheet on paper, in a safe place (for example with your passport). "
                            "Do not keep it on this computer and not next to the record."), "subtitle"),
             _code_box(context, code),
             context.space(3),
             context.label_rows([(w("Record of"), person_name), (w("Record folder"), str(folder)),
                                 (w("Code made on"), w.date(options.today))]),
             *_steps(context)]
    return render(context, story, w("Recovery sheet"), person=SheetPerson(person_name))


def _code_box(context: PdfContext, code: str) -> Table:
    style = ParagraphStyle("code", fontName=BOLD, fontSize=19, leading=24, alignment=1)
    box = Table([[Paragraph(context.esc(code), style)]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, RULE), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("TOPPADDING", (0, 0), (-1, -1), 6 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm)]))
    return box


def _steps(context: PdfContext) -> list:
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
