"""The documents page, driven like a user would: add, view from memory, copy on request, edit, delete, undo.

The viewer must never put a document on disk: while it is open and after, no new file
appears in the temp folder, and the canary text inside the test PDF is found in no file
under the test's folder (the encrypted record included).
"""

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from sample_files import CANARY, pdf_bytes

from phr.record.documents import MAX_BYTES, DocumentService
from phr.ui.pages.documents_page import DocumentsPage


@pytest.fixture
def service(session):
    return DocumentService(session)


@pytest.fixture
def page(qtbot, service, session, events):
    widget = DocumentsPage(service, session, events)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.release()


@pytest.fixture
def inbox(tmp_path_factory) -> Path:
    """Where the user's files come from: outside tmp_path, so tmp_path holds only what Regie wrote."""
    return tmp_path_factory.mktemp("inbox")


@pytest.fixture
def choose_file(monkeypatch):
    """Make the open-file dialog answer with a given path."""
    def choose(path: Path):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    return choose


@pytest.fixture
def warnings(monkeypatch):
    """Message boxes shown with QMessageBox.warning: their texts; the answer is Save."""
    shown = []

    def warn(_parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return shown


def fill(**values):
    def apply(dialog):
        for name, value in values.items():
            dialog.field(name).set(value)
    return apply


def image_bytes(width: int, height: int, fmt: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7ca5"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(buffer.data())


def files_containing(folder: Path, needle: str) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and needle.encode() in path.read_bytes()]


def shows_text(widget) -> bool:
    """Dark pixels on screen: the page's letters were drawn (the page itself is white, its edge grey)."""
    image = widget.viewport().grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride, width = bytes(image.constBits()), image.bytesPerLine(), image.width()
    return any(min(data[row * stride:row * stride + width]) < 60 for row in range(image.height()))


def all_files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


def add_through_page(page, inbox, choose_file, dialogs, name: str, data: bytes, **values) -> None:
    path = inbox / name
    path.write_bytes(data)
    choose_file(path)
    dialogs.append(fill(**values))
    page.add()


# --- adding -------------------------------------------------------------------------------------

def test_add_a_pdf(page, service, inbox, choose_file, dialogs):
    data = pdf_bytes(3)
    add_through_page(page, inbox, choose_file, dialogs, "brief internist.pdf", data,
                     title="Brief van de internist", kind="letter", document_date="12-3-2024")
    [saved] = service.all()
    assert (saved.title, saved.kind, saved.document_date, saved.file_name) == (
        "Brief van de internist", "letter", "2024-03-12", "brief internist.pdf")
    assert service.content(saved.id) == data
    assert page.model.rowCount() == 1
    assert "Brief van de internist" in page.details.toPlainText()
    assert "Entered by Zoë Ünal (owner)" in page.details.toPlainText()


def test_the_title_starts_as_the_file_name(page, service, inbox, choose_file, dialogs):
    add_through_page(page, inbox, choose_file, dialogs, "Uitslag bloed.png", image_bytes(8, 8, "PNG"))
    assert dialogs.last.field("title").widget.text() == "Uitslag bloed"
    assert [d.title for d in service.all()] == ["Uitslag bloed"]


def test_a_text_file_named_pdf_is_refused_with_a_clear_message(page, service, inbox, choose_file, dialogs,
                                                                 warnings):
    path = inbox / "uitslag.pdf"
    path.write_text("Dit is gewoon tekst.")
    choose_file(path)
    page.add()
    assert len(warnings) == 1 and "is not a PDF, PNG or JPEG file" in warnings[0]
    assert dialogs.last is None  # the details form did not even open
    assert service.count() == 0


def test_a_file_that_is_too_large_is_refused_with_a_clear_message(page, service, inbox, choose_file, dialogs,
                                                                   warnings):
    path = inbox / "scan.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_BYTES + 1)
    choose_file(path)
    page.add()
    assert len(warnings) == 1 and "is larger than 25.0 MB" in warnings[0]
    assert dialogs.last is None
    assert service.count() == 0


def test_bad_details_are_explained_and_keep_what_was_typed(page, service, inbox, choose_file, dialogs, qtbot):
    def type_badly(dialog):
        dialog.field("title").widget.clear()
        qtbot.keyClicks(dialog.field("document_date").widget, "31-2-2024")
        qtbot.keyClicks(dialog.field("notes").widget, "Van de huisarts")

    path = inbox / "brief.pdf"
    path.write_bytes(pdf_bytes())
    choose_file(path)
    dialogs.append(type_badly)
    page.add()
    dialog = dialogs.last
    assert not dialog.result()
    assert service.count() == 0
    assert dialog.field("document_date").widget.text() == "31-2-2024"
    assert dialog.field("notes").widget.toPlainText() == "Van de huisarts"
    assert "Please fill this in" in dialog._error_labels["title"].text()


@pytest.mark.parametrize("answer, count", [(QMessageBox.StandardButton.No, 1), (QMessageBox.StandardButton.Yes, 2)])
def test_the_same_file_twice_is_asked_about(page, service, inbox, choose_file, dialogs, monkeypatch, answer, count):
    data = pdf_bytes()
    service.add_file(data, "brief.pdf", "Brief van maart")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answer)
    add_through_page(page, inbox, choose_file, dialogs, "kopie.pdf", data)
    assert len(asked) == 1 and "Brief van maart" in asked[0]
    assert service.count() == count


def test_a_document_is_linked_to_a_diagnosis(page, service, session, inbox, choose_file, dialogs):
    diagnosis_id = session.db.execute(
        "INSERT INTO diagnoses (name, status, uid, entered_by, changed_by, created_at, changed_at) "
        "VALUES ('Ziekte van Addison', 'confirmed', 'd1', ?, ?, '2024-01-01', '2024-01-01')",
        (session.author.id, session.author.id))
    add_through_page(page, inbox, choose_file, dialogs, "brief.pdf", pdf_bytes(), diagnosis_id=diagnosis_id)
    [saved] = service.all()
    assert saved.diagnosis_id == diagnosis_id
    linked = page.model.index(0, 3).data()
    assert linked == "Ziekte van Addison"


def test_a_renamed_diagnosis_shows_in_the_list(page, service, session, events):
    from phr.core.entries import Change

    diagnosis_id = session.db.execute(
        "INSERT INTO diagnoses (name, status, uid, entered_by, changed_by, created_at, changed_at) "
        "VALUES ('Bijnierschorsinsufficiëntie', 'suspected', 'd1', ?, ?, '2024-01-01', '2024-01-01')",
        (session.author.id, session.author.id))
    first = service.add_file(pdf_bytes(), "a.pdf", "Eerste", diagnosis_id=diagnosis_id).item_id
    second = service.add_file(pdf_bytes(1), "b.pdf", "Tweede").item_id
    page.reload(select_id=second)
    session.db.execute("UPDATE diagnoses SET name = 'Ziekte van Addison' WHERE id = ?", (diagnosis_id,))
    events.changed.emit(Change("diagnoses", "updated", diagnosis_id))
    row = page.model.row_of(first)
    assert page.model.index(row, 3).data() == "Ziekte van Addison"
    assert diagnosis_id == first and page.selected().id == second  # a diagnosis id is no document id


# --- viewing from memory ---------------------------------------------------------------------------

def test_a_pdf_is_shown_from_memory_and_never_written_to_disk(page, service, inbox, choose_file, dialogs, qtbot,
                                                               tmp_path, private_tempdir):
    temp_before = all_files(private_tempdir)
    add_through_page(page, inbox, choose_file, dialogs, "uitslag.pdf", pdf_bytes(3), title="Uitslag")
    page.view_selected()
    [viewer] = page.viewers
    qtbot.waitExposed(viewer)
    pane = viewer.pane
    assert pane.document.pageCount() == 3
    assert pane.page_count_label.text() == "of 3"
    qtbot.waitUntil(lambda: shows_text(pane.view))  # pdfium has drawn the page, as on screen
    pane.go_to_page(2)
    assert pane.current_page() == 2 and pane.page_box.value() == 3
    fitted = pane.zoom()
    pane.zoom_by(2)
    assert pane.zoom() == pytest.approx(2 * fitted)
    assert pane.current_page() == 2  # still on the same page
    viewer.grab()
    assert all_files(private_tempdir) == temp_before  # while open: nothing in the temp folder
    assert files_containing(tmp_path, CANARY) == []
    viewer.close()
    assert page.viewers == []
    assert all_files(private_tempdir) == temp_before  # after closing too
    assert files_containing(tmp_path, CANARY) == [] and files_containing(private_tempdir, CANARY) == []
    assert any(tmp_path.rglob("record.db"))  # the scan did look at the record


def test_the_page_buttons_move_through_the_pdf(page, service, qtbot):
    service.add_file(pdf_bytes(4), "lang.pdf", "Lang verslag")
    page.reload()
    page.view_selected()
    pane = page.viewers[0].pane
    buttons = {b.text(): b for b in page.viewers[0].findChildren(type(page.add_button))}
    qtbot.mouseClick(buttons["&Next page"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["&Next page"], Qt.MouseButton.LeftButton)
    assert pane.current_page() == 2
    qtbot.mouseClick(buttons["P&revious page"], Qt.MouseButton.LeftButton)
    assert pane.current_page() == 1 and pane.page_box.value() == 2
    pane.page_box.setValue(4)
    assert pane.current_page() == 3


@pytest.mark.parametrize("fmt, name", [("PNG", "foto.png"), ("JPEG", "scan.jpg")])
def test_an_image_is_shown_from_memory(page, service, inbox, choose_file, dialogs, qtbot, private_tempdir, fmt,
                                       name):
    temp_before = all_files(private_tempdir)
    add_through_page(page, inbox, choose_file, dialogs, name, image_bytes(64, 48, fmt))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the selected document
    [viewer] = page.viewers
    assert viewer.pane.image.size() == QSize(64, 48)
    assert viewer.pane.picture.pixmap().size() == QSize(64, 48)
    viewer.pane.zoom_by(2)
    assert viewer.pane.picture.pixmap().size() == QSize(128, 96)
    assert all_files(private_tempdir) == temp_before
    viewer.close()
    assert page.viewers == []


def test_a_pdf_with_a_password_asks_for_it(page, service, monkeypatch):
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, encrypt="geheim")
    pdf.drawString(72, 720, "Vertrouwelijk")
    pdf.save()
    service.add_file(buffer.getvalue(), "beveiligd.pdf", "Beveiligd")
    page.reload()
    answers = [("fout", True), ("geheim", True)]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: answers.pop(0))
    page.view_selected()
    assert answers == [] and page.viewers[0].pane.document.pageCount() == 1
    page.viewers[0].close()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", False))
    page.view_selected()
    pane = page.viewers[0].pane
    assert pane.document.pageCount() == 0 and "cannot show this PDF" in pane.problem.text()


def test_locking_closes_the_viewers(page, service):
    service.add_file(pdf_bytes(), "brief.pdf", "Brief")
    page.reload()
    page.view_selected()
    viewer = page.viewers[0]
    page.release()
    assert page.viewers == [] and not viewer.isVisible()
    assert page.model.rowCount() == 0


# --- a copy on request -----------------------------------------------------------------------------

def test_save_a_copy_warns_then_writes_exactly_the_bytes(page, service, warnings, monkeypatch, tmp_path):
    data = pdf_bytes()
    service.add_file(data, "brief.pdf", "Brief")
    page.reload()
    target = tmp_path / "kopie.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    page.save_copy_selected()
    assert len(warnings) == 1 and "not" in warnings[0] and "anyone" in warnings[0]
    assert target.read_bytes() == data
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_no_copy_without_saying_yes_to_the_warning(page, service, monkeypatch, tmp_path):
    service.add_file(pdf_bytes(), "brief.pdf", "Brief")
    page.reload()
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Cancel)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: asked.append(1) or ("", ""))
    page.save_copy_selected()
    assert asked == []
    assert files_containing(tmp_path, CANARY) == []


# --- changing, deleting ------------------------------------------------------------------------------

def test_change_a_document(page, service, dialogs):
    data = pdf_bytes()
    service.add_file(data, "brief.pdf", "Brief")
    page.reload()
    dialogs.append(fill(title="Labuitslag schildklier", kind="lab_result", document_date="2024",
                        notes="TSH normaal"))
    page.edit_selected()
    [saved] = service.all()
    assert (saved.title, saved.kind, saved.document_date, saved.notes) == (
        "Labuitslag schildklier", "lab_result", "2024", "TSH normaal")
    assert service.content(saved.id) == data
    assert page.model.index(0, 1).data() == "Labuitslag schildklier"


def test_delete_and_undo(page, service):
    data = pdf_bytes()
    service.add_file(data, "brief.pdf", "Brief van de neuroloog")
    page.reload()
    page.delete_selected()
    assert service.all() == [] and page.model.rowCount() == 0
    assert page.undo_bar.isVisible() and "Brief van de neuroloog" in page.undo_text.text()
    page.undo_delete()
    [restored] = service.all()
    assert service.content(restored.id) == data
    assert page.model.rowCount() == 1 and not page.undo_bar.isVisible()
