"""Make a PDF export: build it in memory, optionally lock it with a password, write it privately.

Each kind is one straight line: record (the services) -> facts -> flowables -> bytes; its
`build(services, options)` runs that line. The bytes stay in memory until the user saves: the
preview shows them from memory and no temp file with health data is ever written.
"""

import io
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from phr.export.options import SECTIONS, ExportKind, ExportOptions
from phr.record.services import RecordServices
from phr.storage.atomic import write_atomic

MIN_PASSWORD_LENGTH = 6
Builder = Callable[[RecordServices, ExportOptions], bytes]


def _builder(kind: ExportKind) -> Builder:
    # Imported here so that one kind's modules are loaded only when that kind is asked for.
    if kind is ExportKind.VISIT:
        from phr.export.pdf.visit import document as visit
        return visit.build
    if kind is ExportKind.EMERGENCY:
        from phr.export.pdf.emergency import document as emergency
        return emergency.build
    from phr.export.pdf.overview import document as overview
    return overview.build


def sections_of(kind: str) -> list[str]:
    """The section keys a kind can include, in the order it prints them (for the export dialog)."""
    return list(SECTIONS[ExportKind(kind)])


def build_pdf(services: RecordServices, options: ExportOptions) -> bytes:
    return _builder(options.kind)(services, options)


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
