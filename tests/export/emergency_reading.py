"""Reading an emergency PDF back (pypdf): the card's text told apart from the rest of page 1 by where it stands,
inside the cut rectangle, whose size is measured in the PDF itself; the letter's text; the rectangles drawn."""

import io
from datetime import datetime

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm

from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf

NOW = datetime(2026, 11, 22, 12, 0)
CARD_W, CARD_H = 85.6 * mm, 54 * mm
Rect = tuple[float, float, float, float]


def emergency_pdf(services, language="nl", **options) -> PdfReader:
    data = build_pdf(services, ExportOptions(kind="emergency", language=language, now=NOW, **options))
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Whitespace as one space: a table cell or paragraph wraps where the layout wants."""
    return " ".join(text.split())


def letter_text(reader: PdfReader, first: int = 1) -> str:
    return "\n".join(page.extract_text() for page in reader.pages[first:])


def rectangles(reader: PdfReader, page, filled_only: bool = False) -> list[Rect]:
    """Every rectangle drawn on the page as (x, y, width, height) in page points, following q/Q/cm; with
    `filled_only`, those a fill operator paints (a QR code's modules)."""
    ctm, stack, found, pending = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), [], [], []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(value) for value in operands)
            ctm = (a * ctm[0], 0.0, 0.0, d * ctm[3], e * ctm[0] + ctm[4], f * ctm[3] + ctm[5])
        elif operator == b"re":
            x, y, width, height = (float(value) for value in operands)
            pending.append((ctm[4] + x * ctm[0], ctm[5] + y * ctm[3], width * ctm[0], height * ctm[3]))
        elif operator in (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s", b"n"):
            if not filled_only or operator not in (b"S", b"s", b"n"):
                found += pending
            pending = []
    return found + ([] if filled_only else pending)


def card_outline(reader: PdfReader) -> Rect:
    """The cut line around front and back: the one rectangle of two card widths by one card height."""
    outlines = [r for r in rectangles(reader, reader.pages[0])
                if r[2] == pytest.approx(2 * CARD_W, abs=0.05) and r[3] == pytest.approx(CARD_H, abs=0.05)]
    assert len(outlines) == 1
    return outlines[0]


def card_runs(reader: PdfReader, face: int | None = None) -> list[tuple[str, float]]:
    """(text, font size) of every piece of text printed inside the card (or one face of it: 0 front, 1 back)."""
    x0, y0, width, height = card_outline(reader)
    if face is not None:
        x0, width = x0 + face * CARD_W, CARD_W
    runs = []

    def visit(text, cm, tm, font, size):
        x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
        if text.strip() and x0 <= x <= x0 + width and y0 <= y <= y0 + height:
            runs.append((text, size * tm[0] * cm[0]))

    reader.pages[0].extract_text(visitor_text=visit)
    return runs


def card_text(reader: PdfReader, face: int | None = None) -> str:
    return flat(" ".join(text for text, _ in card_runs(reader, face)))
