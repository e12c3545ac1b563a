"""Small, real files for the document tests: PDFs made with reportlab, PNGs made by hand (no Qt needed)."""

import io
import struct
import zlib

# Put inside a test PDF's text: if these letters turn up in any file, the document leaked to disk.
CANARY = "KANARIE-7f3c9e-ZOE-UNAL"


def pdf_bytes(pages: int = 2, text: str = CANARY) -> bytes:
    """A PDF of `pages` pages whose text holds `text` as plain letters (page streams not compressed)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0)
    for number in range(1, pages + 1):
        pdf.drawString(72, 720, f"{text} page {number}")
        pdf.showPage()
    pdf.save()
    data = buffer.getvalue()
    assert text.encode() in data  # the leak checks look for these bytes
    return data


def png_bytes(width: int = 3, height: int = 2) -> bytes:
    """A valid grey PNG of the given size."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# The start of a JPEG (start of image + JFIF header): enough to be recognised by its content.
JPEG_START = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
