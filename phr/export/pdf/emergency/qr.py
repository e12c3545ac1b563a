"""A QR code of one web address, black on white, as a reportlab drawing of a given size.

Error correction level M (15 % of the code may be lost): a card in a wallet gets scuffed.
"""

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

LEVEL = "M"


def qr_drawing(link: str, size: float, border: int = 4) -> Drawing:
    """The code of `link`, `size` points square; `border` modules of white around it (a scanner needs
    some quiet room: on the card the white of the card itself adds to it)."""
    widget = QrCodeWidget(link, barLevel=LEVEL, barBorder=border, barWidth=size, barHeight=size,
                          barFillColor=colors.black)
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing
