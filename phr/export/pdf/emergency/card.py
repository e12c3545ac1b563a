"""The wallet card: credit-card size (ID-1, 85.6 × 54 mm), front and back side by side on the page.

The user cuts the pair out along the dashed line and folds it along the dotted line in the
middle, printed sides outwards: the back then reads upright when the card is turned over.
Text on the card never goes below 6 pt. What does not fit is shortened visibly, and the
card then says so ("see the emergency letter") instead of losing lines without a word.
"""

from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from phr.export.pdf.base import BOLD, FONT, INK, ITALIC, MUTED

CARD_WIDTH, CARD_HEIGHT = 85.6 * mm, 54 * mm
SIZES = (7.5, 7.0, 6.5, 6.0)  # tried from large to small; 6 pt is the smallest we print
MIN_SIZE = SIZES[-1]
PADDING = 2.5 * mm
BAND = 6.5 * mm
LABELS = 4 * mm  # room above the card for the words "cut" and "fold"
# A dark red reads as "emergency" and still prints as a dark band on a black-and-white printer.
EMERGENCY_RED = colors.HexColor("#a4161a")


@dataclass
class CardLine:
    """One line of the card: `lead` and `tail` are printed in bold and never shortened; `text` may be."""
    text: str = ""
    lead: str = ""
    tail: str = ""
    shortened: bool = False

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


@dataclass
class CardFace:
    band: str                                        # white words on the red band at the top
    blocks: list[CardBlock]
    name: str = ""                                   # front only: the person, in large type
    born: str = ""
    notice: str = ""                                 # "see the emergency letter", after a cut block


def _styles(size: float) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("card", fontName=FONT, fontSize=size, leading=size * 1.2, textColor=INK)
    return {
        "body": body,
        "title": ParagraphStyle("cardtitle", parent=body, fontName=BOLD, textColor=EMERGENCY_RED, spaceBefore=1.2),
        "name": ParagraphStyle("cardname", parent=body, fontName=BOLD, fontSize=size + 2.5,
                               leading=(size + 2.5) * 1.15),
        "notice": ParagraphStyle("cardnotice", parent=body, fontName=ITALIC, textColor=MUTED),
    }


def _story(face: CardFace, size: float) -> list[Flowable]:
    """The face's paragraphs at one type size."""
    styles = _styles(size)
    story = []
    if face.name:
        story.append(Paragraph(escape(face.name), styles["name"]))
    if face.born:
        story += [Paragraph(escape(face.born), styles["body"]), Spacer(1, 0.6 * mm)]
    for block in face.blocks:
        story.append(Paragraph(escape(block.title), styles["title"]))
        story += [Paragraph(line.markup(), styles["body"]) for line in block.lines]
        if block.cut:
            story.append(Paragraph(escape(face.notice), styles["notice"]))
    return story


def _height(story: list[Flowable], width: float) -> float:
    return sum(item.wrap(width, CARD_HEIGHT)[1] + item.getSpaceBefore() for item in story)


def _inner() -> tuple[float, float]:
    return CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - BAND - 1.6 * PADDING


def fitted(face: CardFace) -> tuple[CardFace, float]:
    """The face as it fits on the card, and its type size: the largest size that holds everything,
    else the smallest size with the longest blocks shortened (and marked as cut)."""
    width, height = _inner()
    for size in SIZES:
        if _height(_story(face, size), width) <= height:
            return face, size
    return _shortened(face, width, height), MIN_SIZE


def _shortened(face: CardFace, width: float, height: float) -> CardFace:
    face = replace(face, blocks=[replace(b, lines=[replace(line) for line in b.lines]) for b in face.blocks])
    while _height(_story(face, MIN_SIZE), width) > height:
        candidates = [b for b in face.blocks if _can_shorten(b)]
        if not candidates:
            break  # only the name and birth date are left; drawing stops at the card's edge
        longest = max(candidates, key=lambda b: _height(_story(CardFace("", [b]), MIN_SIZE), width))
        _shorten(longest)
    return face


def _can_shorten(block: CardBlock) -> bool:
    return len(block.lines) > 1 or (len(block.lines) == 1 and len(block.lines[0].text.split()) > 2)


def _shorten(block: CardBlock) -> None:
    """Leave out the last line; a single line loses its last words instead (a fifth at a time)."""
    block.cut = True
    if len(block.lines) > 1:
        block.lines.pop()
        return
    line = block.lines[0]
    words = line.text.split()
    line.text = " ".join(words[: len(words) - max(1, len(words) // 5)])
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
    width, height = _inner()
    top = CARD_HEIGHT - BAND - 0.8 * PADDING
    bottom = top - height
    for item in _story(face, size):
        top -= item.getSpaceBefore()
        _, needed = item.wrap(width, CARD_HEIGHT)
        if top - needed < bottom - 0.5:
            break  # never draw past the card's edge (only an absurdly long name gets here)
        item.drawOn(pdf, PADDING, top - needed)
        top -= needed


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
