"""Documents: letters, lab results and scans kept inside the encrypted record, and read inside the app.

A document is opened from memory in the viewer. It leaves the record only when the
user asks for a copy, after a warning that the copy is not encrypted.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from phr.core.entries import Change, EntryInvalid
from phr.core.errors import VaultError
from phr.core.session import Session
from phr.core.validation import required_id
from phr.core.vocabulary import DocumentKind, Section
from phr.record.documents import MAX_BYTES, Document, DocumentService
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, choice_field, date_field, link_field, long_text_field, text_field
from phr.ui.pages.section_page import SectionPage
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import definition_table, escape, fill, partial
from phr.ui.text.messages import error_message
from phr.ui.text.vocabulary import choices, label, label_of
from phr.ui.widgets.document_viewer import DocumentViewer
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate

LINKED_SECTIONS = ("diagnoses", "appointments")  # their names show in the list, so their changes refresh it
PATTERNS = {"application/pdf": "*.pdf", "image/png": "*.png", "image/jpeg": "*.jpg *.jpeg"}


def type_label(mime_type: str) -> str:
    return {
        "application/pdf": translate("Documents", "PDF"),
        "image/png": translate("Documents", "PNG picture"),
        "image/jpeg": translate("Documents", "JPEG picture"),
    }.get(mime_type, mime_type)


def size_text(size: int) -> str:
    """'340 KB', '2.4 MB' (with the app's decimal sign)."""
    if size < 1024 * 1024:
        return fill(translate("Documents", "%1 KB"), max(1, round(size / 1024)))
    return fill(translate("Documents", "%1 MB"), QLocale().toString(size / (1024 * 1024), "f", 1))


class DocumentsPage(SectionPage[Document]):
    sections_shown = (Section.DOCUMENTS,)
    service: DocumentService

    def __init__(self, service: DocumentService, session: Session, events: RecordEvents,
                 parent: QWidget | None = None) -> None:
        self.title = label(Section.DOCUMENTS)
        self.session = session
        self.viewers: list[DocumentViewer] = []  # open viewers; closed when the record locks
        self._labels: dict[str, dict[int, str]] = {name: {} for name in LINKED_SECTIONS}
        super().__init__(service, events, parent)
        self.add_button.setText(translate("Documents", "&Add document…"))
        self.table.activated.disconnect()  # Enter or a double click opens the document, not the form
        self.table.activated.connect(lambda _index: self.view_selected())

    # --- the list ---------------------------------------------------------------------------

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("Documents", "Here you keep letters, lab results and scans, safe inside the encrypted "
                                       "record."),
                translate("Documents", "&Add a document…"))

    def columns(self) -> list[Column[Document]]:
        return [
            Column(translate("Documents", "Date"), lambda d: partial(d.document_date)),
            Column(translate("Documents", "Title"), lambda d: d.title),
            Column(translate("Documents", "Kind"), lambda d: label_of(DocumentKind, d.kind)),
            Column(translate("Documents", "Linked to"), self._linked_to),
            Column(translate("Documents", "Size"), lambda d: size_text(d.size)),
        ]

    def _linked_to(self, document: Document) -> str:
        names = [self._label("diagnoses", document.diagnosis_id), self._label("appointments", document.appointment_id)]
        return "; ".join(name for name in names if name)

    def _label(self, section: str, item_id: int | None) -> str:
        return self._labels[section].get(item_id, "") if item_id is not None else ""

    def reload(self, select_id: int | None = None) -> None:
        self._labels = {name: links.choices(self.session, name) for name in LINKED_SECTIONS}
        super().reload(select_id)

    def _on_changed(self, change: Change) -> None:
        if change.section in LINKED_SECTIONS:
            self.reload()  # a renamed or deleted diagnosis shows here; keep the selected document
        else:
            super()._on_changed(change)

    def extra_buttons(self) -> list[QWidget]:
        self.view_button = QPushButton(translate("Documents", "&Open"))
        self.view_button.clicked.connect(self.view_selected)
        self.save_copy_button = QPushButton(translate("Documents", "&Save a copy…"))
        self.save_copy_button.clicked.connect(self.save_copy_selected)
        return [self.view_button, self.save_copy_button]

    def update_buttons(self) -> None:
        super().update_buttons()
        has = self.selected() is not None
        self.view_button.setEnabled(has)
        self.save_copy_button.setEnabled(has)

    def describe(self, document: Document) -> str:
        return document.title

    def details_html(self, d: Document) -> str:
        rows = [
            (translate("Documents", "Kind"), label_of(DocumentKind, d.kind)),
            (translate("Documents", "Date"), partial(d.document_date)),
            (translate("Documents", "Diagnosis"), self._label("diagnoses", d.diagnosis_id)),
            (translate("Documents", "Appointment"), self._label("appointments", d.appointment_id)),
            (translate("Documents", "File"), d.file_name),
            (translate("Documents", "Type"), type_label(d.mime_type)),
            (translate("Documents", "Size"), size_text(d.size)),
            (translate("Documents", "Notes"), d.notes),
        ]
        same = [other.title for other in self.service.duplicates_of(d.sha256) if other.id != d.id]
        if same:
            rows.append((translate("Documents", "Same file as"), "\n".join(same)))
        return f"<h3>{escape(d.title)}</h3>" + definition_table(rows)

    # --- adding and changing --------------------------------------------------------------------

    def add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Documents", "Add a document"), _home(),
            translate("Documents", "PDF and pictures (*.pdf *.png *.jpg *.jpeg);;All files (*)"))
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        """Check the file, ask for its details, then store it in the record."""
        try:
            data = self.service.read_file(path)
        except EntryInvalid:
            self._refuse_file("too_large", path.name)
            return
        except (OSError, VaultError) as error:
            QMessageBox.warning(self, translate("Documents", "Document not added"), error_message(error))
            return
        draft = self.service.draft(data, path.name)
        problems = [e.problem for e in self.service.validate(draft) if e.field == "file"]
        if problems:
            self._refuse_file(problems[0], path.name)
        elif self._add_anyway(draft):
            self._run_editor(self._editor_for_new(draft, data))

    def _refuse_file(self, problem: str, file_name: str) -> None:
        if problem == "too_large":
            text = fill(translate("Documents", "“%1” is larger than %2, the most Regie keeps per document. "
                                               "Scan it at a lower resolution or split it, and try again."),
                        file_name, size_text(MAX_BYTES))
        else:
            text = fill(translate("Documents", "“%1” is not a PDF, PNG or JPEG file. Regie looks at what is "
                                               "inside the file, not at its name. Save it as a PDF first, "
                                               "for example with “Print to PDF”."), file_name)
        QMessageBox.warning(self, translate("Documents", "Document not added"), text)

    def _add_anyway(self, draft: Document) -> bool:
        """The same file is in the record already: ask before keeping it twice."""
        same = self.service.duplicates_of(draft.sha256)
        if not same:
            return True
        answer = QMessageBox.question(
            self, translate("Documents", "Already in the record"),
            fill(translate("Documents", "This file is already in the record as “%1”. Add it again?"), same[0].title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _editor_for_new(self, draft: Document, data: bytes) -> EntryDialog[Document]:
        def save(d: Document) -> Change:
            return self.service.add_file(data, d.file_name, d.title, d.kind, d.document_date, d.diagnosis_id,
                                         d.appointment_id, d.notes)

        title = fill(translate("Documents", "New document: %1"), draft.file_name)
        return EntryDialog(title, self._fields(), draft, self.service.validate, save, self)

    def editor(self, document: Document) -> EntryDialog[Document]:
        return EntryDialog(translate("Documents", "Change document"), self._fields(), document,
                           self.service.validate, self.service.update, self)

    def _run_editor(self, dialog: EntryDialog[Document]) -> None:
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)
            self.reload(select_id=dialog.saved_change.item_id)

    def _fields(self) -> list[FormField]:
        none = translate("Documents", "(none)")
        self._labels = {name: links.choices(self.session, name) for name in LINKED_SECTIONS}  # choices as of now
        return [
            text_field("title", translate("Documents", "&Title:"),
                       translate("Documents", "e.g. Letter from the internist after the check-up")),
            choice_field("kind", translate("Documents", "&Kind:"), choices(DocumentKind)),
            date_field("document_date", translate("Documents", "&Date on the document:")),
            link_field("diagnosis_id", translate("Documents", "Dia&gnosis:"), self._labels["diagnoses"], none),
            link_field("appointment_id", translate("Documents", "A&ppointment:"), self._labels["appointments"],
                       none),
            long_text_field("notes", translate("Documents", "N&otes:")),
        ]

    # --- viewing and copying ----------------------------------------------------------------------

    def view_selected(self) -> None:
        """Open the selected document in a viewer window, from memory."""
        document = self.selected()
        if document is None:
            return
        try:
            data = self.service.content(required_id(document.id))
        except VaultError as error:
            QMessageBox.warning(self, translate("Documents", "Document not shown"), error_message(error))
            return
        viewer = DocumentViewer(document.title, document.mime_type, data, self)
        viewer.finished.connect(lambda _result: self._forget_viewer(viewer))
        self.viewers.append(viewer)
        viewer.show()

    def _forget_viewer(self, viewer: DocumentViewer) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)

    def save_copy_selected(self) -> None:
        """Write the selected document to a file of the user's choice, after saying it will not be encrypted."""
        document = self.selected()
        if document is None or not self._copy_anyway():
            return
        target, _ = QFileDialog.getSaveFileName(
            self, translate("Documents", "Save a copy"), str(Path(_home()) / document.file_name),
            f"{type_label(document.mime_type)} ({PATTERNS.get(document.mime_type, '*')})")
        if not target:
            return
        try:
            self.service.save_copy(required_id(document.id), Path(target))
        except (OSError, VaultError) as error:
            QMessageBox.warning(self, translate("Documents", "No copy saved"), error_message(error))

    def _copy_anyway(self) -> bool:
        answer = QMessageBox.warning(
            self, translate("Documents", "The copy is not encrypted"),
            translate("Documents", "Inside Regie this document is encrypted. The copy you save is not: anyone who "
                                   "can open the folder where you put it can read it. Save a copy anyway?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    def release(self) -> None:
        for viewer in list(self.viewers):
            viewer.close()
        self.viewers.clear()
        super().release()


def _home() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
