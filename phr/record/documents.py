"""Documents kept inside the encrypted record: letters, lab results and scans (PDF, PNG, JPEG).

The content lives in the record, never in a loose file: it is read into memory to be
shown, and written to a file only when the user asks for a copy. The type comes from
the content itself, not from the file name, so a renamed file cannot pass as a PDF.
"""

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from phr.core import validation
from phr.core.entries import ADDED, Change, EntryInvalid, EntryService, FieldError, Provenance
from phr.core.errors import VaultError
from phr.core.vocabulary import DocumentKind, Section
from phr.storage.atomic import write_atomic
from phr.storage.repos import documents as document_store
from phr.storage.repos import tables

KINDS = tuple(DocumentKind)
MAX_BYTES = 25 * 1024 * 1024  # a scanned letter is a few MB; this leaves room without bloating backups
PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
MIME_TYPES = (PDF, PNG, JPEG)
EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg"}
# What each kind of file starts with (its "magic bytes").
_SIGNATURES = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
# What belongs to the file itself; a metadata edit cannot change it.
FILE_FACTS = ("file_name", "mime_type", "size", "sha256")


@dataclass(frozen=True)
class Document:
    title: str = ""
    kind: str = "other"
    document_date: str = ""     # partial date: the date on the letter or of the lab result
    file_name: str = ""         # the name the file had when it was added
    mime_type: str = ""         # detected from the content
    size: int = 0               # bytes
    sha256: str = ""            # recognises the same file added twice
    diagnosis_id: int | None = None
    appointment_id: int | None = None
    notes: str = ""
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


class DocumentMissing(VaultError):
    """The document is not in the record (any more): it was deleted, or never there."""


def detect_type(data: bytes) -> str | None:
    """The MIME type the content shows it has; None for anything but PDF, PNG and JPEG."""
    for signature, mime_type in _SIGNATURES:
        if data.startswith(signature):
            return mime_type
    return None


def file_errors(size: int, mime_type: str) -> list[FieldError]:
    if size > MAX_BYTES:
        return [FieldError("file", "too_large")]
    if mime_type not in MIME_TYPES:
        return [FieldError("file", "unsupported_file")]
    return []


class DocumentService(EntryService[Document]):
    section = Section.DOCUMENTS
    table = tables.DOCUMENTS
    item_type = Document

    def validate(self, document: Document) -> list[FieldError]:
        checks = validation.Checks()
        for error in file_errors(document.size, document.mime_type):
            checks.add(error.field, error.problem)
        checks.required("title", document.title)
        checks.choice("kind", document.kind, KINDS)
        checks.date("document_date", document.document_date)
        return checks.errors

    # --- adding a file ------------------------------------------------------------------------

    def draft(self, data: bytes, file_name: str, title: str = "", kind: str = "other") -> Document:
        """A document for `data` with the file's facts filled in, not stored yet.

        The title defaults to the file name without its extension. `validate` says whether it can be stored.
        """
        mime_type = detect_type(data) or ""
        name = Path(file_name or "").name.strip() or "document" + EXTENSIONS.get(mime_type, "")
        return Document(title=title or Path(name).stem, kind=kind, file_name=name, mime_type=mime_type,
                        size=len(data), sha256=hashlib.sha256(data).hexdigest())

    def add_file(self, data: bytes, file_name: str, title: str, kind: str = "other", document_date: str = "",
                 diagnosis_id: int | None = None, appointment_id: int | None = None, notes: str = "",
                 source: str = "typed", source_detail: str | None = None) -> Change:
        """Store a document and its content together. EntryInvalid if the file or the details are not right."""
        if len(data) > MAX_BYTES:  # refused before hashing 25 MiB or more for nothing
            raise EntryInvalid([FieldError("file", "too_large")])
        document = dataclasses.replace(
            self.draft(data, file_name, title, kind), title=title, document_date=document_date,
            diagnosis_id=diagnosis_id, appointment_id=appointment_id, notes=notes)
        self._refuse_invalid(document)
        with self._session.db.transaction():
            item_id = self._repo.insert(self.to_values(document), self._stamp(source, source_detail))
            document_store.store_content(self._session.db, item_id, data)
        return Change(self.section, ADDED, item_id)

    def read_file(self, path: Path) -> bytes:
        """The bytes of a file to add; a file over the limit is refused before it is read."""
        path = Path(path)
        if path.stat().st_size > MAX_BYTES:
            raise EntryInvalid([FieldError("file", "too_large")])
        with open(path, "rb") as reader:
            data = reader.read(MAX_BYTES + 1)  # + 1: a file that grew meanwhile is still caught
        if len(data) > MAX_BYTES:
            raise EntryInvalid([FieldError("file", "too_large")])
        return data

    def import_path(self, path: Path, title: str | None = None, **details) -> Change:
        """Add the file at `path`; the title defaults to its name. `details` as for `add_file`."""
        path = Path(path)
        return self.add_file(self.read_file(path), path.name, title or path.stem, **details)

    def add(self, item: Document, source: str = "typed", source_detail: str | None = None) -> Change:
        """A document cannot exist without its content: use `add_file`."""
        raise EntryInvalid([FieldError("file", "required")])

    def update(self, document: Document) -> Change:
        """Change the details (title, kind, date, links, notes); the file itself stays as it was."""
        stored = self.get(document.id) if document.id is not None else None
        if stored is None:
            raise DocumentMissing("This document is not in the record.")
        return super().update(dataclasses.replace(document, **{name: getattr(stored, name) for name in FILE_FACTS}))

    # --- the content ----------------------------------------------------------------------------

    def content(self, document_id: int) -> bytes:
        """The document's bytes, into memory only. DocumentMissing if it is not in the record."""
        data = document_store.read_content(self._session.db, document_id)
        if data is None:
            raise DocumentMissing("This document is not in the record.")
        return data

    def save_copy(self, document_id: int, target_path: Path) -> Path:
        """Write the document to a file the user chose. That copy is NOT encrypted: the UI warns first.

        Written atomically and readable only by the user (0600).
        """
        target = Path(target_path)
        write_atomic(target, self.content(document_id))
        return target

    # --- queries --------------------------------------------------------------------------------

    def duplicates_of(self, sha256: str) -> list[Document]:
        """Documents (not deleted) with exactly this content."""
        return [self.from_row(row) for row in self._repo.rows({"sha256": sha256})]

    def for_diagnosis(self, diagnosis_id: int) -> list[Document]:
        return [self.from_row(row) for row in self._repo.rows({"diagnosis_id": diagnosis_id})]

    def for_appointment(self, appointment_id: int) -> list[Document]:
        return [self.from_row(row) for row in self._repo.rows({"appointment_id": appointment_id})]
