"""The content of documents (PDFs, images), kept in its own table.

Listing documents reads only the `documents` table; the bytes are read here, one
document at a time, when someone opens or saves that document.
"""

from phr.storage.database import Database


def store_content(db: Database, document_id: int, content: bytes) -> None:
    """Keep the bytes of a new document (the caller holds the transaction that added its row)."""
    db.execute("INSERT INTO document_content (document_id, content) VALUES (?, ?)", (document_id, content))


def read_content(db: Database, document_id: int) -> bytes | None:
    """The bytes of a document that is not deleted; None if there is no such document."""
    row = db.query_one(
        "SELECT c.content FROM document_content c JOIN documents d ON d.id = c.document_id "
        "WHERE c.document_id = ? AND d.deleted_at IS NULL", (document_id,))
    return bytes(row[0]) if row else None


def content_count(db: Database) -> int:
    """How many documents have content stored, deleted ones included (for integrity checks)."""
    return db.integer("SELECT count(*) FROM document_content")
