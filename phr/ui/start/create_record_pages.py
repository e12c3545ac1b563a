"""The pages of the new-record wizard."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from phr.ui.app.settings import MAX_LABEL_LENGTH
from phr.ui.export.preview import ExportPreview
from phr.ui.security.dialog_size import scrolling
from phr.ui.security.new_passphrase import NewPassphraseFields
from phr.ui.text.formatting import fill
from phr.ui.text.language import app_language
from phr.ui.widgets.type_scale import TITLE, font_at
from phr.ui.widgets.whose import given_name

translate = QCoreApplication.translate


def scrolled(page: QWizardPage) -> QWidget:
    """The widget to lay a page out on: it scrolls when the screen is too low for it (200 % text), and the
    wizard's buttons stay in view."""
    content = QWidget()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scrolling(content))
    return content


def content_height(page: QWizardPage, width: int) -> int:
    """How high a page made with `scrolled` would like to be at `width`, its words wrapped."""
    area = page.findChild(QScrollArea)
    content = area.widget() if area is not None else None
    if content is None or content.layout() is None:
        return page.sizeHint().height()
    return content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()


def explanation(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class PersonPage(QWizardPage):
    """Whose record it is (the person's own, or of someone they care for), the names, the label in the start
    window's list, and the folder."""

    def __init__(self, default_folder: Path) -> None:
        super().__init__()
        self.setTitle(translate("CreateRecordWizard", "Whose record is this?"))
        self.for_self = QRadioButton(translate("CreateRecordWizard", "For m&yself"))
        self.for_other = QRadioButton(translate("CreateRecordWizard", "For &someone I care for"))
        self.for_self.setChecked(True)
        self.for_other.toggled.connect(self._on_whose)
        self.name_edit = QLineEdit()
        self.name_edit.textChanged.connect(self._on_name)
        self.carer_edit = QLineEdit()
        self.carer_edit.textChanged.connect(self.completeChanged)
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(MAX_LABEL_LENGTH)
        self.label_edit.textEdited.connect(self._on_label_typed)
        self._label_follows_name = True  # until the person types a label of their own
        self.folder_edit = QLineEdit(str(default_folder))
        self.folder_edit.textChanged.connect(self.completeChanged)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self._layout()
        self._on_whose()

    def _layout(self) -> None:
        intro = explanation(translate("CreateRecordWizard",
                                      "The name is stored inside the encrypted record. The folder is where the record "
                                      "is kept; you can copy that folder as a whole."))
        whose = QVBoxLayout()
        whose.addWidget(self.for_self)
        whose.addWidget(self.for_other)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.carer_label = QLabel(translate("CreateRecordWizard", "Your o&wn name:"))
        self.carer_label.setBuddy(self.carer_edit)
        self.carer_note = explanation(translate(
            "CreateRecordWizard", "You work in the record as a carer, under your own name: what you enter shows "
                                  "that you entered it."))
        label_label = QLabel(translate("CreateRecordWizard", "Name in the &list:"))
        label_label.setBuddy(self.label_edit)
        label_note = explanation(translate(
            "CreateRecordWizard", "Shown in the list of records on this computer, also while the record is locked, "
                                  "so it is not encrypted. You may change it, e.g. to 'Mum', or leave it empty: then "
                                  "the list shows the folder's name."))
        self.label_edit.setAccessibleDescription(label_note.text())
        form = QFormLayout(scrolled(self))
        form.addRow(intro)
        form.addRow(whose)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.carer_label, self.carer_edit)
        form.addRow(self.carer_note)  # the whole width: a narrow column of words would leave gaps beside the form
        form.addRow(label_label, self.label_edit)
        form.addRow(label_note)
        form.addRow(self._folder_label(), self._folder_row())
        form.addRow(self.problem)
        self.form = form

    def _folder_label(self) -> QLabel:
        folder_label = QLabel(translate("CreateRecordWizard", "&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        return folder_label

    def _folder_row(self) -> QHBoxLayout:
        browse = QPushButton(translate("CreateRecordWizard", "&Choose…"))
        browse.setAccessibleName(translate("CreateRecordWizard", "Choose a folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit)
        folder_row.addWidget(browse)
        return folder_row

    def _on_whose(self) -> None:
        carer = self.for_other.isChecked()
        self.name_label.setText(translate("CreateRecordWizard", "Their na&me:") if carer
                                else translate("CreateRecordWizard", "Na&me:"))
        for widget in (self.carer_label, self.carer_edit, self.carer_note):
            widget.setVisible(carer)
        self.completeChanged.emit()

    def _on_name(self, name: str) -> None:
        if self._label_follows_name:
            self.label_edit.setText(given_name(name) if name.strip() else "")
        self.completeChanged.emit()

    def _on_label_typed(self, _text: str) -> None:
        self._label_follows_name = False

    def person_name(self) -> str:
        return self.name_edit.text().strip()

    def carer_name(self) -> str:
        """The maker's own name when the record is for someone they care for; '' when it is their own."""
        return " ".join(self.carer_edit.text().split()) if self.for_other.isChecked() else ""

    def label(self) -> str:
        return self.label_edit.text().strip()

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def isComplete(self) -> bool:
        carer_named = bool(self.carer_name()) or not self.for_other.isChecked()
        return bool(self.person_name()) and carer_named and bool(self.folder_edit.text().strip())

    def validatePage(self) -> bool:
        if getattr(self.wizard(), "created", None) is not None:
            return True  # the record now fills this folder: it is ours
        if self.carer_name() and self.carer_name().casefold() == " ".join(self.person_name().split()).casefold():
            self.problem.setText(translate("CreateRecordWizard", "Your own name and the name of the person you "
                                                                 "care for are the same. Give each their own name."))
            return False
        folder = self.folder()
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            self.problem.setText(translate("CreateRecordWizard",
                                           "This folder is not empty. Choose a new, empty folder for the record."))
            return False
        self.problem.clear()
        return True

    def _browse(self) -> None:
        parent = QFileDialog.getExistingDirectory(self, translate("CreateRecordWizard", "Where should the record go?"))
        if parent:
            self.folder_edit.setText(str(Path(parent) / self.folder().name))


class PassphrasePage(QWizardPage):
    def __init__(self, person_name: Callable[[], str], start_creating: Callable[[], None],
                 carer_name: Callable[[], str] = str) -> None:
        super().__init__()
        self._person_name, self._carer_name = person_name, carer_name
        self._start_creating = start_creating
        self._busy = False
        self.record_ready = False
        self.setTitle(translate("CreateRecordWizard", "Choose a passphrase"))
        self.intro = explanation(self._intro_text())
        self.fields = NewPassphraseFields(lambda: (self._person_name(), self._carer_name()), parent=self)
        self.fields.changed.connect(self.completeChanged)
        self.first, self.second = self.fields.first, self.fields.second
        self.show_box, self.meter, self.strength = self.fields.show_box, self.fields.meter, self.fields.strength
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(translate("CreateRecordWizard", "Making the record"))
        self.busy.hide()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout()
        self.fields.add_rows(form, translate("CreateRecordWizard", "&Passphrase:"))
        layout = QVBoxLayout(scrolled(self))
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.problem)

    def _intro_text(self) -> str:
        text = translate("CreateRecordWizard",
                         "A passphrase is a sentence only you know, for example four or more words. Nobody can reset "
                         "it for you: the recovery code on the next page is your way back if you forget it.")
        if self._carer_name():
            text = fill(translate("CreateRecordWizard", "This is your own passphrase as a carer: with it you open "
                                                        "the record of %1."), self._person_name()) + " " + text
        return text

    def initializePage(self) -> None:
        self.intro.setText(self._intro_text())  # whose record it is was chosen on the page before

    def passphrase(self) -> str:
        return self.first.text()

    def isComplete(self) -> bool:
        return not self._busy and self.fields.acceptable()

    def validatePage(self) -> bool:
        # Making the record takes a second or two (key derivation); the wizard moves on when it is done.
        if self.record_ready:
            return True
        self.problem.clear()
        self._start_creating()
        return False

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.fields.set_enabled(not busy)
        self.problem.setText(translate("CreateRecordWizard", "Making your record…") if busy else "")
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        self.problem.setText(text)


class RecoveryCodePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("CreateRecordWizard", "Your recovery code"))
        self.intro = explanation(translate(
            "CreateRecordWizard",
            "Write this code down on paper now and keep it in a safe place. It is shown only this once. "
            "If you forget your passphrase, this code is the only way back into your record."))
        self.code = QLabel()
        # Fixed width, so 0 and O look different; at the title step of the scale, so it grows with the text.
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code.setFont(font_at(TITLE, bold=True, base=fixed))
        self.code.setAccessibleName(translate("CreateRecordWizard", "Recovery code"))
        self.sheet_button = QPushButton(translate("CreateRecordWizard", "&Print or save the recovery sheet…"))
        self.sheet_button.clicked.connect(self._show_sheet)
        self.sheet: ExportPreview | None = None  # the open preview, if any
        self._folder, self._person_name = Path(), ""
        self.confirm = QCheckBox(translate("CreateRecordWizard", "I have &written the code down and keep it safe"))
        self.confirm.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(scrolled(self))
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.code)
        layout.addSpacing(12)
        layout.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.confirm)
        layout.addStretch()

    def show_code(self, code: str, folder: Path | None = None, person_name: str = "", for_carer: bool = False) -> None:
        self.code.setText(code)
        self._folder, self._person_name = Path(folder or ""), person_name
        if for_carer:  # the record was made by a carer: the code is the owner's key
            self.intro.setText(fill(translate(
                "CreateRecordWizard", "Write this code down on paper now and keep it in a safe place. It is shown "
                                      "only this once. The code opens the record of %1 as its owner: to add or remove "
                                      "carers, to give %1 a passphrase of their own, or to get back in if you forget "
                                      "your passphrase."), person_name))

    def _show_sheet(self) -> None:
        from phr.ui.security.recovery_sheet import show_recovery_sheet

        self.sheet = show_recovery_sheet(self, self.code.text(), self._folder, self._person_name, app_language())

    def isComplete(self) -> bool:
        return self.confirm.isChecked()
