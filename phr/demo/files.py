"""The invented documents of the sample record, made in memory: letters and a lab result as PDF, a scan as PNG.

Nothing is written to disk: the bytes go straight into the encrypted record. Every file
says on its face that it is an example, so a printed copy cannot pass as a real letter.
The PNG writer is plain Python (zlib + struct): the domain layer does not use Qt.
"""

import io
import struct
import zlib
from datetime import date

EXAMPLE_MARK = "Voorbeeld \u2014 fictief"
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
_PAGE_WIDTH, _PAGE_HEIGHT = 595, 842  # A4 in points
_LEFT, _LINE = 72, 15


def dutch_date(day: date) -> str:
    """date(2025, 3, 12) -> '12 maart 2025', as a Dutch letter writes it."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# --- PDF ------------------------------------------------------------------------------------------

def letter_pdf(sender: str, day: date, subject: str, paragraphs: tuple[str, ...], signed_by: str) -> bytes:
    """A one-page letter to a colleague, clearly marked as an example."""
    from reportlab.lib.utils import simpleSplit

    pdf, buffer = _canvas(sender)
    y = _heading(pdf, sender, day)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(_LEFT, y, "Betreft: " + subject)
    y -= 2 * _LINE
    pdf.setFont("Helvetica", 11)
    for paragraph in ("Geachte collega,",) + paragraphs + ("Met vriendelijke groet,", signed_by):
        for line in simpleSplit(paragraph, "Helvetica", 11, _PAGE_WIDTH - 2 * _LEFT):
            pdf.drawString(_LEFT, y, line)
            y -= _LINE
        y -= _LINE / 2
    return _finished(pdf, buffer)


def lab_result_pdf(sender: str, day: date, patient: str, rows: tuple[tuple[str, str, str, str], ...]) -> bytes:
    """A lab result sheet: test, result, unit and reference range per row."""
    pdf, buffer = _canvas(sender)
    y = _heading(pdf, sender, day)
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(_LEFT, y, "Uitslag laboratoriumonderzoek")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(_LEFT, y - _LINE * 1.5, "Patiënt: " + patient)
    y -= 3 * _LINE
    columns = (_LEFT, _LEFT + 210, _LEFT + 290, _LEFT + 370)
    for index, row in enumerate((("Bepaling", "Uitslag", "Eenheid", "Referentie"),) + rows):
        pdf.setFont("Helvetica-Bold" if index == 0 else "Helvetica", 10)
        for x, cell in zip(columns, row):
            pdf.drawString(x, y, cell)
        y -= _LINE
    pdf.setFont("Helvetica-Oblique", 9)
    pdf.drawString(_LEFT, y - _LINE, "Afgenomen in de ochtend, voor inname van hydrocortison.")
    return _finished(pdf, buffer)


def _canvas(author: str):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    # invariant: no creation time or random id inside, so the same letter gives the same bytes.
    pdf = canvas.Canvas(buffer, pagesize=(_PAGE_WIDTH, _PAGE_HEIGHT), invariant=1)
    pdf.setTitle(EXAMPLE_MARK)
    pdf.setAuthor(author)
    return pdf, buffer


def _heading(pdf, sender: str, day: date) -> float:
    """The example mark, the sender and the date; returns where the text goes on."""
    pdf.setFillColorRGB(0.75, 0.1, 0.1)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(_LEFT, _PAGE_HEIGHT - 60, EXAMPLE_MARK.upper())
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(_LEFT, _PAGE_HEIGHT - 85, sender)
    pdf.drawString(_LEFT, _PAGE_HEIGHT - 100, "Zuiderhaven, " + dutch_date(day))
    return _PAGE_HEIGHT - 140


def _finished(pdf, buffer: io.BytesIO) -> bytes:
    pdf.setFont("Helvetica-Oblique", 8)
    pdf.drawString(_LEFT, 40, EXAMPLE_MARK + ": dit document hoort bij het voorbeelddossier van Regie.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- PNG ------------------------------------------------------------------------------------------

class _Picture:
    """An RGB picture to draw rectangles and discs on, written as PNG."""

    def __init__(self, width: int, height: int, background: tuple[int, int, int]):
        self.width, self.height = width, height
        self._rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def rectangle(self, left: int, top: int, width: int, height: int, colour: tuple[int, int, int]) -> None:
        for y in range(max(top, 0), min(top + height, self.height)):
            self._span(y, left, left + width, colour)

    def disc(self, centre_x: int, centre_y: int, radius: int, colour: tuple[int, int, int]) -> None:
        for y in range(max(centre_y - radius, 0), min(centre_y + radius + 1, self.height)):
            half = int((radius * radius - (y - centre_y) ** 2) ** 0.5)
            self._span(y, centre_x - half, centre_x + half + 1, colour)

    def _span(self, y: int, start: int, end: int, colour: tuple[int, int, int]) -> None:
        start, end = max(start, 0), min(end, self.width)
        if start < end:
            self._rows[y][3 * start:3 * end] = bytes(colour) * (end - start)

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self._rows)  # filter type 0 for every row
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)  # 8-bit RGB
        return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9))
                + _chunk(b"IEND", b""))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def emergency_card_png() -> bytes:
    """A 'scan' of an emergency card: a card on a grey scanner bed, a red band, lines of 'text'."""
    grey, white, red, dark = (205, 205, 200), (250, 250, 246), (190, 30, 35), (70, 70, 75)
    picture = _Picture(360, 240, grey)
    picture.rectangle(28, 28, 304, 184, dark)        # the card's edge
    picture.rectangle(30, 30, 300, 180, white)
    picture.rectangle(30, 30, 300, 38, red)          # the band with 'NOODKAART'
    for left, width in ((44, 120), (176, 60)):
        picture.rectangle(left, 44, width, 10, white)
    picture.disc(282, 120, 30, red)                  # the SOS sign
    picture.rectangle(266, 114, 32, 12, white)
    picture.rectangle(276, 104, 12, 32, white)
    for top, width in ((86, 190), (104, 160), (122, 175), (140, 120), (170, 200), (186, 140)):
        picture.rectangle(44, top, width, 7, dark)   # lines of text, too small to read
    return picture.png()
