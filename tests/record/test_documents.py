"""Documents in the record: type from the content, size limit, content kept with the entry, copies on request."""

import hashlib
import os
import stat

import pytest
from sample_files import JPEG_START, pdf_bytes, png_bytes

from phr.core.entries import EntryInvalid
from phr.record import documents
from phr.record.documents import MAX_BYTES, Document, DocumentMissing, DocumentService, detect_type


@pytest.fixture
def service(session):
    return DocumentService(session)


def stored_contents(session) -> int:
    return session.db.query_one("SELECT count(*) FROM document_content")[0]


def problems(raised) -> list[tuple[str, str]]:
    return [(e.field, e.problem) for e in raised.value.errors]


# --- what a file is ---------------------------------------------------------------------------

def test_the_type_comes_from_the_content():
    assert detect_type(pdf_bytes()) == "application/pdf"
    assert detect_type(png_bytes()) == "image/png"
    assert detect_type(JPEG_START + b"rest of the picture") == "image/jpeg"
    assert detect_type(b"Just a letter typed as text.") is None
    assert detect_type(b"") is None
    assert detect_type(b"\xff\xd8") is None  # too short to be a JPEG


@pytest.mark.parametrize("make, name, mime_type", [
    (pdf_bytes, "brief.pdf", "application/pdf"),
    (png_bytes, "foto.png", "image/png"),
    (lambda: JPEG_START + b"\x00" * 100, "scan.jpg", "image/jpeg"),
])
def test_pdf_png_and_jpeg_are_kept_with_their_type(service, make, name, mime_type):
    change = service.add_file(make(), name, "Een document")
    assert service.get(change.item_id).mime_type == mime_type


def test_a_name_does_not_make_a_pdf(service, session):
    with pytest.raises(EntryInvalid) as raised:
        service.add_file(b"This is plain text, not a PDF at all.\n", "uitslag.pdf", "Uitslag")
    assert problems(raised) == [("file", "unsupported_file")]
    assert service.count() == 0 and stored_contents(session) == 0


def test_a_pdf_with_another_name_is_still_a_pdf(service):
    change = service.add_file(pdf_bytes(), "scan.jpeg", "Brief")
    assert service.get(change.item_id).mime_type == "application/pdf"


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(service, session):
    too_big = b"%PDF-1.4\n" + b"\x00" * (MAX_BYTES - 8)
    assert len(too_big) == MAX_BYTES + 1
    with pytest.raises(EntryInvalid) as raised:
        service.add_file(too_big, "groot.pdf", "Groot")
    assert problems(raised) == [("file", "too_large")]
    assert service.count() == 0 and stored_contents(session) == 0


def test_a_file_of_exactly_the_limit_is_accepted(service):
    data = b"%PDF-1.4\n" + b"\x00" * (MAX_BYTES - 9)
    change = service.add_file(data, "precies.pdf", "Precies")
    assert service.get(change.item_id).size == MAX_BYTES


# --- what is stored ---------------------------------------------------------------------------

def test_size_sha256_and_details_are_stored(service, session):
    data = pdf_bytes()
    change = service.add_file(data, "/home/zoe/Downloads/brief-internist.pdf", "Brief van de internist",
                              kind="letter", document_date="2024-03", notes="Na de controle")
    saved = service.get(change.item_id)
    assert (saved.title, saved.kind, saved.document_date, saved.notes) == (
        "Brief van de internist", "letter", "2024-03", "Na de controle")
    assert saved.file_name == "brief-internist.pdf"  # the folder it came from is not kept
    assert saved.size == len(data)
    assert saved.sha256 == hashlib.sha256(data).hexdigest()
    assert saved.provenance.entered_by == "Zoë Ünal" and saved.provenance.source == "typed"
    assert stored_contents(session) == 1


def test_the_content_comes_back_exactly(service):
    data = png_bytes(5, 4)
    change = service.add_file(data, "foto.png", "Foto van de uitslag")
    assert service.content(change.item_id) == data


def test_bad_details_are_refused_and_nothing_is_stored(service, session):
    with pytest.raises(EntryInvalid) as raised:
        service.add_file(pdf_bytes(), "brief.pdf", "  ", kind="recipe", document_date="31-02-2024")
    assert problems(raised) == [("title", "required"), ("kind", "invalid_choice"),
                                ("document_date", "invalid_date")]
    assert service.count() == 0 and stored_contents(session) == 0


def test_links_to_a_diagnosis_and_an_appointment(service, session):
    diagnosis = session.db.execute(
        "INSERT INTO diagnoses (name, status, uid, entered_by, changed_by, created_at, changed_at) "
        "VALUES ('Addison', 'confirmed', 'd1', ?, ?, '2024-01-01', '2024-01-01')",
        (session.author.id, session.author.id))
    appointment = session.db.execute(
        "INSERT INTO appointments (starts_at, uid, entered_by, changed_by, created_at, changed_at) "
        "VALUES ('2024-05-01T10:00', 'a1', ?, ?, '2024-01-01', '2024-01-01')",
        (session.author.id, session.author.id))
    linked = service.add_file(pdf_bytes(), "a.pdf", "Bij de diagnose", diagnosis_id=diagnosis).item_id
    visit = service.add_file(png_bytes(), "b.png", "Bij de afspraak", appointment_id=appointment).item_id
    service.add_file(pdf_bytes(1), "c.pdf", "Los")
    assert [d.id for d in service.for_diagnosis(diagnosis)] == [linked]
    assert [d.id for d in service.for_appointment(appointment)] == [visit]


def test_the_same_file_twice_is_recognised(service):
    data = pdf_bytes()
    first = service.add_file(data, "brief.pdf", "Brief").item_id
    second = service.add_file(data, "brief (1).pdf", "Brief nog eens").item_id
    service.add_file(pdf_bytes(1), "ander.pdf", "Ander")
    found = service.duplicates_of(hashlib.sha256(data).hexdigest())
    assert sorted(d.id for d in found) == [first, second]
    assert service.duplicates_of("0" * 64) == []


def test_a_document_cannot_be_added_without_its_content(service):
    with pytest.raises(EntryInvalid) as raised:
        service.add(Document(title="Zonder inhoud"))
    assert problems(raised) == [("file", "required")]
    assert service.count() == 0


# --- changing, deleting -----------------------------------------------------------------------

def test_a_metadata_change_keeps_the_file(service):
    data = pdf_bytes()
    saved = service.get(service.add_file(data, "brief.pdf", "Brief").item_id)
    edited = Document(**{**saved.__dict__, "title": "Brief van de endocrinoloog", "kind": "letter",
                         "document_date": "2024", "notes": "Belangrijk", "size": 1, "sha256": "x",
                         "file_name": "other.png", "mime_type": "image/png"})
    service.update(edited)
    now = service.get(saved.id)
    assert (now.title, now.kind, now.document_date, now.notes) == ("Brief van de endocrinoloog", "letter", "2024",
                                                                   "Belangrijk")
    assert (now.file_name, now.mime_type, now.size, now.sha256) == (saved.file_name, saved.mime_type, saved.size,
                                                                    saved.sha256)
    assert service.content(saved.id) == data


def test_a_bad_metadata_change_changes_nothing(service):
    saved = service.get(service.add_file(pdf_bytes(), "brief.pdf", "Brief").item_id)
    with pytest.raises(EntryInvalid):
        service.update(Document(**{**saved.__dict__, "title": "", "document_date": "morgen"}))
    assert service.get(saved.id).title == "Brief"


def test_delete_and_undo_keep_the_content(service):
    data = pdf_bytes()
    item_id = service.add_file(data, "brief.pdf", "Brief").item_id
    service.delete(item_id)
    assert service.all() == []
    with pytest.raises(DocumentMissing):
        service.content(item_id)  # a deleted document is not shown
    service.undo_delete(item_id)
    assert service.content(item_id) == data


def test_a_deleted_document_and_its_content_are_gone_after_locking(new_record):
    from conftest import PASSPHRASE

    from phr.access import records

    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    service = DocumentService(session)
    service.delete(service.add_file(pdf_bytes(), "brief.pdf", "Brief").item_id)
    session.lock()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert DocumentService(session).count() == 0
        assert stored_contents(session) == 0  # purged with its entry, not left behind
    finally:
        session.lock()


# --- files on disk ----------------------------------------------------------------------------

def test_import_path_reads_the_file(service, tmp_path):
    data = png_bytes()
    path = tmp_path / "Bloeduitslag maart.png"
    path.write_bytes(data)
    change = service.import_path(path, kind="lab_result", document_date="2024-03-12")
    saved = service.get(change.item_id)
    assert (saved.title, saved.file_name, saved.kind, saved.document_date) == (
        "Bloeduitslag maart", "Bloeduitslag maart.png", "lab_result", "2024-03-12")
    assert service.content(saved.id) == data


def test_import_path_checks_the_size_before_reading(service, session, tmp_path, monkeypatch):
    path = tmp_path / "enorm.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_BYTES + 1)  # sparse: no 25 MiB written for the test

    def no_reading(*_args, **_kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(documents, "open", no_reading, raising=False)
    with pytest.raises(EntryInvalid) as raised:
        service.import_path(path, title="Enorm")
    assert problems(raised) == [("file", "too_large")]
    assert service.count() == 0 and stored_contents(session) == 0


def test_save_copy_writes_exactly_the_bytes_for_the_user_only(service, tmp_path):
    data = pdf_bytes()
    item_id = service.add_file(data, "brief.pdf", "Brief").item_id
    target = tmp_path / "kopie" / "brief.pdf"
    target.parent.mkdir()
    assert service.save_copy(item_id, target) == target
    assert target.read_bytes() == data
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["brief.pdf"]  # no temp file left


def test_save_copy_of_a_deleted_document_writes_nothing(service, tmp_path):
    item_id = service.add_file(pdf_bytes(), "brief.pdf", "Brief").item_id
    service.delete(item_id)
    with pytest.raises(DocumentMissing):
        service.save_copy(item_id, tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()


def test_listing_documents_does_not_read_their_content(service, session, monkeypatch):
    service.add_file(pdf_bytes(), "brief.pdf", "Brief")
    seen = []
    query = session.db.query
    monkeypatch.setattr(session.db, "query", lambda sql, params=(): seen.append(sql) or query(sql, params))
    assert [d.title for d in service.all()] == ["Brief"]
    assert [d.title for d in service.page(0, 10)] == ["Brief"]
    assert seen and not any("document_content" in sql for sql in seen)
