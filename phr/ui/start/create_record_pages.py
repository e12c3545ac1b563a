"""The pages of the new-record wizard."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from phr.ui.export.preview import ExportPreview
from phr.ui.security.new_passphrase import NewPassphraseFields
from phr.ui.text.language import app_language

translate = QCoreApplication.translate


def explanation(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class PersonPage(QWizardPage):
    def __init__(self, default_folder: Path) -> None:
        super().__init__()
        self.setTitle(translate("CreateRecordWizard", "Whose record is this?"))
        intro = explanation(translate("CreateRecordWizard",
                                      "The name is stored inside the encrypted record. The folder is where the record "
                                      "is kept; you can copy that folder as a whole."))
        self.name_edit = QLineEdit()
        self.name_edit.textChanged.connect(self.completeChanged)
        self.folder_edit = QLineEdit(str(default_folder))
        self.folder_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(translate("CreateRecordWizard", "&Choose…"))
        browse.setAccessibleName(translate("CreateRecordWizard", "Choose a folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit)
        folder_row.addWidget(browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(translate("CreateRecordWizard", "Na&me:"), self.name_edit)
        folder_label = QLabel(translate("CreateRecordWizard", "&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        form.addRow(self.problem)

    def person_name(self) -> str:
        return self.name_edit.text().strip()

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def isComplete(self) -> bool:
        return bool(self.person_name()) and bool(self.folder_edit.text().strip())

    def validatePage(self) -> bool:
        if getattr(self.wizard(), "created", None) is not None:
            return True  # the record now fills this folder: it is ours
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
    def __init__(self, person_name: Callable[[], str], start_creating: Callable[[], None]) -> None:
        super().__init__()
        self._person_name = person_name
        self._start_creating = start_creating
        self._busy = False
        self.record_ready = False
        self.setTitle(translate("CreateRecordWizard", "Choose a passphrase"))
        self.intro = explanation(translate(
            "CreateRecordWizard",
            "A passphrase is a sentence only you know, for example four or more words. Nobody can reset it "
            "for you: the recovery code on the next page is your way back if you forget it."))
        self.fields = NewPassphraseFields(lambda: (self._person_name(),), parent=self)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.problem)

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
        intro = explanation(translate(
            "CreateRecordWizard",
            "Write this code down on paper now and keep it in a safe place. It is shown only this once. "
            "If you forget your passphrase, this code is the only way back into your record."))
        self.code = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(font.pointSize() + 6)
        font.setWeight(QFont.Weight.Bold)
        self.code.setFont(font)
        self.code.setAccessibleName(translate("CreateRecordWizard", "Recovery code"))
        self.sheet_button = QPushButton(translate("CreateRecordWizard", "&Print or save the recovery sheet…"))
        self.sheet_button.clicked.connect(self._show_sheet)
        self.sheet: ExportPreview | None = None  # the open preview, if any
        self._folder, self._person_name = Path(), ""
        self.confirm = QCheckBox(translate("CreateRecordWizard", "I have &written the code down and keep it safe"))
        self.confirm.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.code)
        layout.addSpacing(12)
        layout.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.confirm)
        layout.addStretch()

    def show_code(self, code: str, folder: Path | None = None, person_name: str = "") -> None:
        self.code.setText(code)
        self._folder, self._person_name = Path(folder or ""), person_name

    def _show_sheet(self) -> None:
        from phr.ui.security.recovery_sheet import show_recovery_sheet

        self.sheet = show_recovery_sheet(self, self.code.text(), self._folder, self._person_name, app_language())

    def isComplete(self) -> bool:
        return self.confirm.isChecked()
