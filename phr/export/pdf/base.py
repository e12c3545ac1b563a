"""What every exported PDF's layout shares: embedded fonts, styles and the section helpers.

A section without content says so in words: a specialist must be able to tell "nothing
known" from "left out". The page frame (name, birth date, export date, page X of Y on every
page) and the rendering to bytes are in phr.export.pdf.pages.
"""

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from phr.export.options import ExportOptions
from phr.export.pdf import wrapping
from phr.export.pdf.clinical import Clinical, Said
from phr.words.catalogue import Words

FONT, BOLD, ITALIC, BOLD_ITALIC = "RegieSans", "RegieSans-Bold", "RegieSans-Italic", "RegieSans-BoldItalic"
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#b0b0b0")
SHADE = colors.HexColor("#eef2f5")
MARGIN = 18 * mm
OUTLINE_LEVELS = {"title": 0, "h1": 1, "h2": 2}  # styles whose paragraphs the PDF's outline lists


def register_fonts() -> None:
    """Bitstream Vera ships inside reportlab: a TrueType font (embedded as a subset) with all Dutch letters."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in ((FONT, "Vera.ttf"), (BOLD, "VeraBd.ttf"), (ITALIC, "VeraIt.ttf"), (BOLD_ITALIC, "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def _styles(language: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK, alignment=TA_LEFT,
                          **wrapping.style_options(language))
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=body, textColor=MUTED, spaceAfter=4 * mm),
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=5 * mm,
                             spaceAfter=1.5 * mm, keepWithNext=True),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=2.5 * mm,
                             spaceAfter=1 * mm, keepWithNext=True),
        "body": body,
        "small": small,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cellhead": ParagraphStyle("cellhead", parent=body, fontName=BOLD, fontSize=8.5, leading=10.5),
        "none": ParagraphStyle("none", parent=body, textColor=MUTED, fontName=ITALIC),
        "warning": ParagraphStyle("warning", parent=body, fontName=BOLD),
        # the visit brief's answers and evaluations under their item, and its items
        "small_indent": ParagraphStyle("small_indent", parent=small, leftIndent=4 * mm, spaceAfter=1.5 * mm),
        "item": ParagraphStyle("item", parent=body, spaceBefore=1.5 * mm),
    }


class SplittingTable(Table):
    """A table that keeps each row whole where it can, as reportlab does, but splits a row taller
    than the whole frame inside it (a long note), so that it runs on to the next page instead of
    stopping the export with a LayoutError. A row made `attached` (a note under its row) never
    starts a page on its own."""

    def split(self, availWidth: float, availHeight: float) -> list:
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

    def _getFirstPossibleSplitRowPosition(self, availHeight: float, ignoreSpans: int = 0) -> int:
        split_at = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        if not ignoreSpans:  # between rows: an attached row goes to the next page with the row above it
            while 0 < split_at < len(self._cellvalues) and getattr(self._cellvalues[split_at][0], "attached", False):
                split_at -= 1
        return split_at


@dataclass(frozen=True)
class PdfContext:
    """What a layout needs besides its facts: the options, the words in the export language and the styles.

    No services: a layout lays out the facts it is given and never reads the record itself. `written_in`
    is the language the person writes the record in (PersonDetails.text_language): their own words are
    marked with it in an export in another language (phr.export.pdf.clinical)."""
    options: ExportOptions
    words: Words
    styles: dict[str, ParagraphStyle]
    written_in: str = ""

    @classmethod
    def create(cls, options: ExportOptions, written_in: str = "") -> "PdfContext":
        register_fonts()
        return cls(options, Words(options.language), _styles(options.language), written_in)

    @property
    def clinical(self) -> Clinical:
        """Names, doses and the patient's own words in the export language."""
        return Clinical(self.words, self.written_in)

    @property
    def today(self) -> date:
        return self.options.today

    # Small helpers so builders read like the document they make.
    def para(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of plain text: the record's text is escaped, never read as markup.

        A title or heading is marked for the PDF's outline (phr.export.pdf.pages lists it there)."""
        paragraph = Paragraph(escape(text or "").replace("\n", "<br/>"), self.styles[style])
        if style in OUTLINE_LEVELS and text:
            paragraph.outline_level = OUTLINE_LEVELS[style]
            paragraph.outline_title = " ".join(text.split())
        return paragraph

    def markup(self, markup: str, style: str = "body") -> Paragraph:
        """A paragraph whose markup the builder made (escape record text with `esc` first)."""
        return Paragraph(markup, self.styles[style])

    @staticmethod
    def esc(text: object) -> str:
        return escape(str(text or "")).replace("\n", "<br/>")

    def said(self, said: Said, bold: bool = False) -> str:
        """Markup of a text with its mark after it, small and in italics ('in the patient's words, in Dutch')."""
        text = self.esc(said.text)
        if bold and text:
            text = f"<b>{text}</b>"
        if not said.mark or not said.text:
            return text
        return f"{text} <i><font size='7.5' color='#555555'>({self.esc(said.mark)})</font></i>"

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.para(text, "h1" if level == 1 else "h2")

    def no_information(self, text: str | None = None) -> Paragraph:
        return self.para(text or self.words("No information."), "none")

    def section(self, title: str, body: Sequence[Flowable], empty_text: str | None = None) -> list[Flowable]:
        """A titled section; an empty body becomes a plain "no information" line, never a blank."""
        return [self.heading(title), *(body or [self.no_information(empty_text)])]

    def table(self, header: Sequence[str] | None, rows: Sequence[Sequence[Any]], widths: Sequence[float],
              below: dict[int, Any] | None = None) -> Table:
        """A table of plain-text (or Paragraph) cells that wraps long text and repeats its header.

        `below` maps a row's index to a long text (or Paragraph) printed under that row across the
        whole width, as part of it: a long note reads better there than in a narrow column."""
        def cell(value: Any, style: str) -> Any:
            return value if hasattr(value, "wrap") else self.para(str(value if value is not None else ""), style)
        below = below or {}
        data = [[cell(h, "cellhead") for h in header]] if header else []
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
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

    def label_rows(self, pairs: list[tuple[str, str]], label_width: float = 45 * mm,
                   width: float | None = None) -> Table | None:
        """Label: value lines for details; pairs without a value are left out. None when nothing is left."""
        rows = [[self.para(label, "cellhead"), self.para(value, "cell")] for label, value in pairs if value]
        if not rows:
            return None
        width = CONTENT_WIDTH if width is None else width
        table = SplittingTable(rows, colWidths=[label_width, width - label_width], hAlign="LEFT")
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return table

    def keep(self, flowables: list[Flowable]) -> KeepTogether:
        return KeepTogether(flowables)

    def space(self, height_mm: float = 3) -> Spacer:
        return Spacer(1, height_mm * mm)


CONTENT_WIDTH = A4[0] - 2 * MARGIN
FRAME_HEIGHT = A4[1] - 2 * MARGIN  # the height of the body frame on an A4 page
