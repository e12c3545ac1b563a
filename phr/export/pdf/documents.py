"""Make a PDF export: build it in memory, optionally lock it with a password, write it privately.

The bytes stay in memory until the user saves: the preview shows them from memory and no
temp file with health data is ever written.
"""

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from phr.export.options import ExportOptions
from phr.export.pdf.base import PdfContext
from phr.storage.atomic import write_atomic

MIN_PASSWORD_LENGTH = 6


def _builders():
    # Imported here so that one kind's module is loaded only when that kind is asked for.
    from phr.export.pdf.emergency import letter as pdf_emergency
    from phr.export.pdf.overview import document as pdf_overview
    from phr.export.pdf.visit import document as pdf_visit
    return {"overview": pdf_overview.build, "visit": pdf_visit.build, "emergency": pdf_emergency.build}


def sections_of(kind: str) -> list[str]:
    """The section keys a kind can include, in the order it prints them (for the export dialog)."""
    from phr.export.pdf.emergency import letter as pdf_emergency
    from phr.export.pdf.overview import document as pdf_overview
    from phr.export.pdf.visit import document as pdf_visit
    return list({"overview": pdf_overview, "visit": pdf_visit, "emergency": pdf_emergency}[kind].SECTIONS)


def build_pdf(services, options: ExportOptions) -> bytes:
    return _builders()[options.kind](PdfContext.create(services, options))


def protect(pdf: bytes, password: str) -> bytes:
    """The same PDF encrypted with AES-256: it cannot be opened, nor its text read, without the password."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError("password too short")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def save(path: Path, data: bytes) -> None:
    """Write an export atomically and readable only by the user (mode 0600)."""
    write_atomic(Path(path), data)
