"""The wallet card: credit-card size (ID-1, 85.6 × 54 mm), front and back side by side on the page.

The user cuts the pair out along the dashed line and folds it along the dotted line in the
middle, printed sides outwards: the back then reads upright when the card is turned over.
Text on the card never goes below 6 pt. What does not fit is shortened visibly, and the
card then says so ("see the emergency letter") instead of losing lines without a word.
A face may carry a QR code in its bottom right corner (the text beside it runs narrower) and a
footer line at its bottom left (the date of issue). Black on white, with one dark red that prints
as a dark grey: the card must read as well from a black-and-white printer.
"""

from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from phr.export.pdf import wrapping
from phr.export.pdf.base import BOLD, FONT, INK, ITALIC, MUTED
from phr.export.pdf.emergency.qr import qr_drawing

CARD_WIDTH, CARD_HEIGHT = 85.6 * mm, 54 * mm
SIZES = (7.5, 7.0, 6.5, 6.0)  # tried from large to small; 6 pt is the smallest we print
MIN_SIZE = SIZES[-1]
PADDING = 2.5 * mm
BAND = 6.5 * mm
LABELS = 4 * mm  # room above the card for the words "cut" and "fold"
QR_SIZE = 15 * mm        # about 0.4 mm a module for a web address: a phone reads it from a print
QR_CAPTION = 2.6 * mm    # a 6 pt line under it that says what it links to
QR_GAP = 1.5 * mm        # between the text and the code
FOOTER_SIZE = 6.5
# A dark red reads as "emergency" and still prints as a dark band on a black-and-white printer.
EMERGENCY_RED = colors.HexColor("#a4161a")


@dataclass
class CardLine:
    """One line of the card: `lead` and `tail` are printed in bold and never shortened; `text` may be."""
    text: str = ""
    lead: str = ""
    tail: str = ""
    shortened: bool = False
    whole: bool = False   # never shortened ('Not filled in' cut to 'Not filled …' would say something else)

    def markup(self) -> str:
        parts = [f"<b>{escape(self.lead)}</b>" if self.lead else "",
                 escape(self.text) + (" …" if self.shortened else ""),
                 f"<b>{escape(self.tail)}</b>" if self.tail else ""]
        return " ".join(part for part in parts if part)


@dataclass
class CardBlock:
    """A titled part of one side; the first lines matter most, so shortening starts at the end."""
    title: str
    lines: list[CardLine]
    cut: bool = False   # lines were left out or shortened: the card must say so
    note: str = ""      # after the title, in italics: whose words these are ('in the patient's words, in Dutch')


@dataclass
class CardFace:
    band: str                                        # white words on the red band at the top
    blocks: list[CardBlock]
    name: str = ""                                   # front only: the person, in large type
    born: str = ""
    notice: str = ""                                 # "see the emergency letter", at the end when a block is cut
    footer: str = ""                                 # bottom left, never shortened: the date of issue
    qr: str = ""                                     # the link of the QR code in the bottom right corner
    qr_caption: str = ""                             # under the code: what it links to
    language: str = field(default="en", compare=False)  # for hyphenating long words


def _styles(size: float, language: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("card", fontName=FONT, fontSize=size, leading=size * 1.2, textColor=INK,
                          **wrapping.style_options(language))
    return {
        "body": body,
        "title": ParagraphStyle("cardtitle", parent=body, fontName=BOLD, textColor=EMERGENCY_RED, spaceBefore=1.2),
        "name": ParagraphStyle("cardname", parent=body, fontName=BOLD, fontSize=size + 2.5,
                               leading=(size + 2.5) * 1.15),
        "notice": ParagraphStyle("cardnotice", parent=body, fontName=ITALIC, textColor=MUTED),
    }


def _story(face: CardFace, size: float) -> list[Flowable]:
    """The face's paragraphs at one type size."""
    styles = _styles(size, face.language)
    story: list[Flowable] = []
    if face.name:
        story.append(Paragraph(escape(face.name), styles["name"]))
    if face.born:
        story += [Paragraph(escape(face.born), styles["body"]), Spacer(1, 0.6 * mm)]
    for block in face.blocks:
        note = f" <font name='{ITALIC}' color='#555555'>({escape(block.note)})</font>" if block.note else ""
        story.append(Paragraph(escape(block.title) + note, styles["title"]))
        story += [Paragraph(line.markup(), styles["body"]) for line in block.lines]
    if any(block.cut for block in face.blocks):  # once, at the end: a line per shortened block costs too much
        story.append(Paragraph(escape(face.notice), styles["notice"]))
    return story


Placed = tuple[Flowable, float, float]  # a paragraph, the width it is wrapped to, and where its bottom stands


def _layout(face: CardFace, size: float) -> tuple[list[Placed], bool]:
    """Where each paragraph of the face goes, top down, and whether all of them fit. A paragraph that
    would reach down beside the QR code is wrapped narrower, so it runs past the code, never over it."""
    width, top = CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - BAND - 0.8 * PADDING
    bottom = PADDING * 0.8 + (FOOTER_SIZE * 1.25 if face.footer else 0)
    corner = PADDING * 0.8 + QR_SIZE + QR_CAPTION if face.qr else 0.0
    placed: list[Placed] = []
    for item in _story(face, size):
        top -= item.getSpaceBefore()
        used = width
        _, needed = item.wrap(used, CARD_HEIGHT)
        if top - needed < corner:
            used = width - QR_SIZE - QR_GAP
            _, needed = item.wrap(used, CARD_HEIGHT)
        if top - needed < bottom - 0.5:
            return placed, False
        placed.append((item, used, top - needed))
        top -= needed
    return placed, True


def fitted(face: CardFace) -> tuple[CardFace, float]:
    """The face as it fits on the card, and its type size: the largest size that holds everything,
    else the smallest size with the longest blocks shortened (and marked as cut)."""
    for size in SIZES:
        if _layout(face, size)[1]:
            return face, size
    return _shortened(face), MIN_SIZE


def _shortened(face: CardFace) -> CardFace:
    """Shortened until it fits: first the words beside a bold lead that run over one line (an allergy's
    reaction, what a next of kin can do), so every medicine and number keeps its line; then the longest
    block loses lines from its end."""
    face = replace(face, blocks=[replace(b, lines=[replace(line) for line in b.lines]) for b in face.blocks])
    while not _layout(face, MIN_SIZE)[1]:
        if not (_trim_side_text(face) or _cut_longest(face)):
            break  # only the name and birth date are left; drawing stops at the card's edge
    return face


def _trim_side_text(face: CardFace) -> bool:
    style = _styles(MIN_SIZE, face.language)["body"]
    for block in face.blocks:
        for line in block.lines:
            if line.lead and line.text and \
                    Paragraph(line.markup(), style).wrap(CARD_WIDTH - 2 * PADDING, CARD_HEIGHT)[1] > style.leading * 1.5:
                block.cut = True
                _shorten_line(line)
                return True
    return False


def _cut_longest(face: CardFace) -> bool:
    candidates = [b for b in face.blocks if _can_shorten(b)]
    if not candidates:
        return False
    _shorten(max(candidates, key=lambda b: _block_height(face, b)))
    return True


def _block_height(face: CardFace, block: CardBlock) -> float:
    alone = replace(face, blocks=[block], name="", born="", footer="", qr="")
    return sum(item.wrap(CARD_WIDTH - 2 * PADDING, CARD_HEIGHT)[1] for item in _story(alone, MIN_SIZE))


def _can_shorten(block: CardBlock) -> bool:
    return len(block.lines) > 1 or (len(block.lines) == 1 and not block.lines[0].whole
                                    and len(block.lines[0].text.split()) > 2)


def _shorten(block: CardBlock) -> None:
    """Leave out the last line; a single line loses its last words instead."""
    block.cut = True
    if len(block.lines) > 1:
        block.lines.pop()
        block.lines[-1].shortened = True  # ends in '…': more follows in the letter
        return
    _shorten_line(block.lines[0])


def _shorten_line(line: CardLine) -> None:
    """A fifth of the words go at a time; two words or fewer go whole (the bold lead stays)."""
    words = line.text.split()
    line.text = " ".join(words[: len(words) - max(1, len(words) // 5)]) if len(words) > 2 else ""
    line.shortened = True


class WalletCard(Flowable):
    """Front (left) and back (right) of the card, drawn at their real size with cut and fold lines."""

    def __init__(self, front: CardFace, back: CardFace, cut_label: str, fold_label: str) -> None:
        super().__init__()
        self.faces = [fitted(front), fitted(back)]
        self.cut_label, self.fold_label = cut_label, fold_label
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 2 * CARD_WIDTH, CARD_HEIGHT + LABELS

    @property
    def sizes(self) -> list[float]:
        """The type size used on each face (for tests and for checking readability)."""
        return [size for _, size in self.faces]

    def draw(self) -> None:
        pdf = self.canv
        for index, (face, size) in enumerate(self.faces):
            pdf.saveState()
            pdf.translate(index * CARD_WIDTH, 0)
            _draw_face(pdf, face, size)
            pdf.restoreState()
        self._draw_guides()

    def _draw_guides(self) -> None:
        pdf = self.canv
        pdf.saveState()
        pdf.setStrokeColor(MUTED)
        pdf.setLineWidth(0.6)
        pdf.setDash(4, 2)
        pdf.rect(0, 0, 2 * CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)      # cut along here
        pdf.setDash(1, 2)
        pdf.line(CARD_WIDTH, -1.5 * mm, CARD_WIDTH, CARD_HEIGHT + 1.5 * mm)  # fold here
        pdf.setFont(FONT, 6.5)
        pdf.setFillColor(MUTED)
        pdf.drawString(0, CARD_HEIGHT + 1.3 * mm, self.cut_label)
        pdf.drawCentredString(CARD_WIDTH, CARD_HEIGHT + 2 * mm, self.fold_label)
        pdf.restoreState()


def _draw_face(pdf: Canvas, face: CardFace, size: float) -> None:
    pdf.setFillColor(EMERGENCY_RED)
    pdf.rect(0, CARD_HEIGHT - BAND, CARD_WIDTH, BAND, stroke=0, fill=1)
    pdf.setFillColor(colors.white)
    pdf.setFont(BAND_FONT, BAND_SIZE)
    pdf.drawString(PADDING, CARD_HEIGHT - BAND + 2.2 * mm, _clipped(face.band))
    for item, width, bottom in _layout(face, size)[0]:  # what does not fit was shortened; never past the edge
        item.wrap(width, CARD_HEIGHT)
        item.drawOn(pdf, PADDING, bottom)
    if face.footer:
        pdf.setFillColor(INK)
        pdf.setFont(BOLD, FOOTER_SIZE)
        pdf.drawString(PADDING, PADDING * 0.8 + 0.6, face.footer)
    if face.qr:
        _draw_qr(pdf, face)


def _draw_qr(pdf: Canvas, face: CardFace) -> None:
    left, low = CARD_WIDTH - PADDING - QR_SIZE, PADDING * 0.8 + QR_CAPTION
    renderPDF.draw(qr_drawing(face.qr, QR_SIZE, border=1), pdf, left, low)
    pdf.setFillColor(INK)
    pdf.setFont(FONT, MIN_SIZE)
    # Under the code, ending at its right edge: a caption wider than the code reaches left, past the footer.
    pdf.drawRightString(CARD_WIDTH - PADDING, low - QR_CAPTION + 0.9 * mm, face.qr_caption)


BAND_FONT, BAND_SIZE = BOLD, 8


def fits_band(text: str) -> bool:
    return stringWidth(text, BAND_FONT, BAND_SIZE) <= CARD_WIDTH - 2 * PADDING


def _clipped(text: str) -> str:
    """The band holds one line: a text too long for it visibly ends in '…' (the band is a title, not data)."""
    if fits_band(text):
        return text
    while text and not fits_band(text + "…"):
        text = text[:-1]
    return text.rstrip() + "…"
