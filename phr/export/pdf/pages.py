"""The page frame of every exported PDF, and the layout of a story into PDF bytes.

Every page carries the person's name and birth date, the export date and "page X of Y",
so a loose page is never anonymous.
"""

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from phr.export.pdf import wrapping
from phr.export.pdf.base import BOLD, BOLD_ITALIC, FONT, INK, ITALIC, MARGIN, MUTED, RULE, PdfContext
from phr.export.pdf.facts import Subject

FrameDrawer = Callable[[canvas.Canvas, int, int], None]


# The standard-14 names reportlab falls back on (a Table cell's default font, a Drawing's String): a
# reader would substitute a font of its own for them, without our Dutch letters' metrics. Every
# export draws them in the embedded face of the same weight and slant instead.
_EMBEDDED_FOR = {"Helvetica": FONT, "Helvetica-Bold": BOLD, "Helvetica-Oblique": ITALIC,
                 "Helvetica-BoldOblique": BOLD_ITALIC, "Times-Roman": FONT, "Times-Bold": BOLD,
                 "Times-Italic": ITALIC, "Times-BoldItalic": BOLD_ITALIC, "Courier": FONT, "Courier-Bold": BOLD,
                 "Courier-Oblique": ITALIC, "Courier-BoldOblique": BOLD_ITALIC}


class _NumberedCanvas(canvas.Canvas):
    """Draws the page frame after all pages are known, so every page can say 'page X of Y'.

    Pages are held back until then, so an outline entry's destination is bound when its page is
    really written (reportlab binds a bookmark to the page being written, which would otherwise
    be the first page for them all)."""

    def __init__(self, *args: Any, frame_text: FrameDrawer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._frame_text = frame_text
        self._marks: list[tuple[str, float]] = []  # (key, height) of this page's outline destinations
        self._entries = 0

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
        super().setFont(_EMBEDDED_FOR.get(psfontname, psfontname), size, leading)

    def outline_entry(self, title: str, level: int, height: float) -> None:
        """An outline entry for a heading drawn at `height` on the current page."""
        self._entries += 1
        key = f"section{self._entries}"
        self._marks.append((key, height))
        self.addOutlineEntry(title, key, level)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._marks = []
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._frame_text(self, number, len(self._pages))
            for key, height in self._marks:
                self.bookmarkHorizontalAbsolute(key, height)
            super().showPage()
        if self._entries:
            self.showOutline()  # the reader opens with the sections listed beside the page
        super().save()


class _Document(BaseDocTemplate):
    """Puts every heading the layout marked (see PdfContext.para) in the PDF's outline."""

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is None or not isinstance(self.canv, _NumberedCanvas):
            return
        level = min(level, self._outline_depth + 1)  # an outline may not skip a level
        self._outline_depth = level
        top = self.frame._y + flowable.getSpaceAfter() + flowable.height
        self.canv.outline_entry(flowable.outline_title, level, top)

    _outline_depth = -1


def frame_lines(context: PdfContext, title: str, subject: Subject) -> tuple[str, str, str]:
    """Who this is about, what it is, and when it was made: on every page."""
    w = context.words
    who = subject.name or w("Name not filled in")
    made = w("Made with Regie on {date}", date=w.date(context.today))
    if subject.birth_date is None:  # a sheet about the record itself (the recovery sheet), not about health
        return who, title, made
    born = w("born {date}", date=w.date(subject.birth_date)) if subject.birth_date else \
        w("date of birth not filled in")
    return f"{who} · {born}", title, made


def _frame_drawer(context: PdfContext, title: str, subject: Subject, pagesize: tuple[float, float],
                  margins: float) -> FrameDrawer:
    who, what, made = frame_lines(context, title, subject)
    w = context.words

    def draw_frame(pdf: canvas.Canvas, number: int, total: int) -> None:
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
    return draw_frame


def document_title(title: str, subject: Subject) -> str:
    """The PDF's title, as a reader's window and file list show it: the kind of document and whose it is."""
    return f"{title} — {subject.name}" if subject.name else title


def render(context: PdfContext, story: list[Flowable], title: str, subject: Subject,
           pagesize: tuple[float, float] = A4, margins: float = MARGIN) -> bytes:
    """Lay out the story on pages with the shared frame; returns the PDF bytes (nothing touches the disk)."""
    draw_frame = _frame_drawer(context, title, subject, pagesize, margins)
    buffer = io.BytesIO()
    doc = _Document(buffer, pagesize=pagesize, leftMargin=margins, rightMargin=margins, topMargin=margins,
                    bottomMargin=margins, title=document_title(title, subject), author="Regie", creator="Regie",
                    subject=title, lang=context.options.language, initialFontName=FONT)
    frame = Frame(margins, margins, pagesize[0] - 2 * margins, pagesize[1] - 2 * margins, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    with wrapping.laid_out_in(context.options.language):
        doc.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, frame_text=draw_frame, **k))
    return buffer.getvalue()
