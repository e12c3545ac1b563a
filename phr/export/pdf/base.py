"""What every exported PDF shares: embedded fonts, styles, the page frame and section helpers.

Every page carries the person's name and birth date, the export date and "page X of Y",
so a loose page is never anonymous. A section without content says so in words: a
specialist must be able to tell "nothing known" from "left out".
"""

import io
import os
from dataclasses import dataclass
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle

from phr.export.options import ExportOptions
from phr.words.catalogue import Words

FONT, BOLD, ITALIC = "RegieSans", "RegieSans-Bold", "RegieSans-Italic"
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#b0b0b0")
SHADE = colors.HexColor("#eef2f5")
MARGIN = 18 * mm


def register_fonts() -> None:
    """Bitstream Vera ships inside reportlab: a TrueType font (embedded as a subset) with all Dutch letters."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in ((FONT, "Vera.ttf"), (BOLD, "VeraBd.ttf"), (ITALIC, "VeraIt.ttf"), (FONT + "-BoldItalic", "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=FONT + "-BoldItalic")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=body, textColor=MUTED, spaceAfter=4 * mm),
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=5 * mm,
                             spaceAfter=1.5 * mm, keepWithNext=True),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=2.5 * mm,
                             spaceAfter=1 * mm, keepWithNext=True),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cellhead": ParagraphStyle("cellhead", parent=body, fontName=BOLD, fontSize=8.5, leading=10.5),
        "none": ParagraphStyle("none", parent=body, textColor=MUTED, fontName=ITALIC),
        "warning": ParagraphStyle("warning", parent=body, fontName=BOLD),
    }


class SplittingTable(Table):
    """A table that keeps each row whole where it can, as reportlab does, but splits a row taller
    than the whole frame inside it (a long note), so that it runs on to the next page instead of
    stopping the export with a LayoutError. A row made `attached` (a note under its row) never
    starts a page on its own."""

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        self.splitInRow = 0
        if self._overtall_row_at(availHeight):
            self.splitInRow = 1  # the tables the split makes inherit it; their own split resets it
            try:
                parts = self._splitRows(availHeight, doInRowSplit=1)
            finally:
                self.splitInRow = 0
            if parts:
                return parts
        return super().split(availWidth, availHeight)

    def _overtall_row_at(self, available: float) -> bool:
        """Whether the first row that does not fit here would not fit on an empty page either."""
        frame = getattr(self, "_frame", None)
        room = frame._height - frame._topPadding - frame._bottomPadding if frame is not None else FRAME_HEIGHT
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        heights, used = self._rowHeights, 0.0
        for index, height in enumerate(heights):
            if used + height > available:
                return index >= repeat and sum(heights[:repeat]) + height > room
            used += height
        return False

    def _getFirstPossibleSplitRowPosition(self, availHeight, ignoreSpans=0):
        split_at = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        if not ignoreSpans:  # between rows: an attached row goes to the next page with the row above it
            while 0 < split_at < len(self._cellvalues) and getattr(self._cellvalues[split_at][0], "attached", False):
                split_at -= 1
        return split_at


@dataclass
class PdfContext:
    """What a PDF builder needs: the record's services, the options and the words in the export language."""
    services: object
    options: ExportOptions
    words: Words
    styles: dict

    @classmethod
    def create(cls, services, options: ExportOptions) -> "PdfContext":
        register_fonts()
        return cls(services, options, Words(options.language), _styles())

    # Small helpers so builders read like the document they make.
    def para(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of plain text: the record's text is escaped, never read as markup."""
        return Paragraph(escape(text or "").replace("\n", "<br/>"), self.styles[style])

    def markup(self, markup: str, style: str = "body") -> Paragraph:
        """A paragraph whose markup the builder made (escape record text with `esc` first)."""
        return Paragraph(markup, self.styles[style])

    @staticmethod
    def esc(text) -> str:
        return escape(str(text or "")).replace("\n", "<br/>")

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.para(text, "h1" if level == 1 else "h2")

    def no_information(self, text: str | None = None) -> Paragraph:
        return self.para(text or self.words("No information."), "none")

    def section(self, title: str, body: list, empty_text: str | None = None) -> list:
        """A titled section; an empty body becomes a plain "no information" line, never a blank."""
        return [self.heading(title), *(body or [self.no_information(empty_text)])]

    def table(self, header: list[str] | None, rows: list[list], widths: list[float],
              below: dict[int, object] | None = None) -> Table:
        """A table of plain-text (or Paragraph) cells that wraps long text and repeats its header.

        `below` maps a row's index to a long text (or Paragraph) printed under that row across the
        whole width, as part of it: a long note reads better there than in a narrow column."""
        def cell(value, style):
            return value if hasattr(value, "wrap") else self.para(str(value if value is not None else ""), style)
        below = below or {}
        data = [[cell(h, "cellhead") for h in header]] if header else []
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                 ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        for index, row in enumerate(rows):
            data.append([cell(v, "cell") for v in row])
            if index in below:
                style += [("BOTTOMPADDING", (0, len(data) - 1), (-1, len(data) - 1), 0)]
                note = cell(below[index], "cell")
                note.attached = True
                data.append([note] + [""] * (len(widths) - 1))
                style += [("SPAN", (0, len(data) - 1), (-1, len(data) - 1)),
                          ("TOPPADDING", (0, len(data) - 1), (-1, len(data) - 1), 0)]
            style.append(("LINEBELOW", (0, len(data) - 1), (-1, len(data) - 1), 0.3, RULE))
        table = SplittingTable(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED)]
        table.setStyle(TableStyle(style))
        return table

    def label_rows(self, pairs: list[tuple[str, str]], label_width: float = 45 * mm) -> Table | None:
        """Label: value lines for details; pairs without a value are left out. None when nothing is left."""
        rows = [[self.para(label, "cellhead"), self.para(value, "cell")] for label, value in pairs if value]
        if not rows:
            return None
        table = SplittingTable(rows, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return table

    def keep(self, flowables: list) -> KeepTogether:
        return KeepTogether(flowables)

    def space(self, height_mm: float = 3) -> Spacer:
        return Spacer(1, height_mm * mm)


CONTENT_WIDTH = A4[0] - 2 * MARGIN
FRAME_HEIGHT = A4[1] - 2 * MARGIN  # the height of the body frame on an A4 page


class _NumberedCanvas(canvas.Canvas):
    """Draws the page frame after all pages are known, so every page can say 'page X of Y'."""

    def __init__(self, *args, frame_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []
        self._frame_text = frame_text

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._frame_text(self, number, len(self._pages))
            super().showPage()
        super().save()


def frame_lines(context: PdfContext, title: str, person=None) -> tuple[str, str, str]:
    """Who this is about, what it is, and when it was made: on every page."""
    w = context.words
    person = person or context.services.person.get()
    who = person.name or w("Name not filled in")
    made = w("Made with Regie on {date}", date=w.date(context.options.today))
    if person.birth_date is None:  # a sheet about the record itself (the recovery sheet), not about health
        return who, title, made
    born = w("born {date}", date=w.date(person.birth_date)) if person.birth_date else w("date of birth not filled in")
    return f"{who} · {born}", title, made


def render(context: PdfContext, story: list, title: str, pagesize=A4, margins: float = MARGIN,
           person=None) -> bytes:
    """Lay out the story on pages with the shared frame; returns the PDF bytes (nothing touches the disk).

    `person` (name, birth_date) stands in for the record's own details where no services are at hand.
    """
    who, what, made = frame_lines(context, title, person)
    w = context.words

    def draw_frame(pdf, number, total):
        width, height = pagesize
        top, bottom = height - margins + 6 * mm, margins - 9 * mm
        pdf.saveState()
        pdf.setFont(BOLD, 8.5)
        pdf.setFillColor(INK)
        pdf.drawString(margins, top, who)
        pdf.setFont(FONT, 8)
        pdf.setFillColor(MUTED)
        room = width - 2 * margins - pdfmetrics.stringWidth(who, BOLD, 8.5) - 6 * mm
        if pdfmetrics.stringWidth(what, FONT, 8) <= room:  # a long name wins: the title is on page 1 anyway
            pdf.drawRightString(width - margins, top, what)
        pdf.setStrokeColor(RULE)
        pdf.line(margins, top - 1.5 * mm, width - margins, top - 1.5 * mm)
        page = w("Page {page} of {pages}", page=number, pages=total)
        footer = f"{who} · {made}"
        if pdfmetrics.stringWidth(footer + page, FONT, 8) > width - 2 * margins - 6 * mm:
            footer = made  # the name is in the header already
        pdf.drawString(margins, bottom, footer)
        pdf.drawRightString(width - margins, bottom, page)
        pdf.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=pagesize, leftMargin=margins, rightMargin=margins, topMargin=margins,
                          bottomMargin=margins, title=title, author="Regie", creator="Regie", subject=title,
                          lang=context.options.language, initialFontName=FONT)
    frame = Frame(margins, margins, pagesize[0] - 2 * margins, pagesize[1] - 2 * margins, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, frame_text=draw_frame, **k))
    return buffer.getvalue()
