"""Make a new record: whose it is and where, a passphrase, then the recovery code (shown once)."""

from functools import partial
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget, QWizard

from phr.access.records import CreatedRecord
from phr.ui.app.background import BackgroundTask, run_in_background
from phr.ui.app.desktop.window_size import SHARE, available_geometry
from phr.ui.app.record_actions import CreateRecord
from phr.ui.security.dialog_size import fit_to_screen
from phr.ui.start.create_record_pages import PassphrasePage, PersonPage, RecoveryCodePage, content_height
from phr.ui.start.for_someone import create_for_someone
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate


def suggested_folder(base: Path | None = None) -> Path:
    """A new, numbered folder under Documents/Regie. Not the person's name: paths are not secret."""
    base = base or Path(platformdirs.user_documents_dir()) / "Regie"
    stem = translate("CreateRecordWizard", "record")
    number = 1
    while (base / f"{stem}-{number}.regie").exists():
        number += 1
    return base / f"{stem}-{number}.regie"


class CreateRecordWizard(QWizard):
    record_created = Signal(object)  # RecordSession, once the user confirmed the recovery code

    def __init__(self, create: CreateRecord, parent: QWidget | None = None,
                 default_folder: Path | None = None) -> None:
        super().__init__(parent)
        self._create = create
        self._tasks: list[BackgroundTask] = []
        self.created: CreatedRecord | None = None
        self.setWindowTitle(translate("CreateRecordWizard", "New record"))
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.person_page = PersonPage(default_folder or suggested_folder())
        self.passphrase_page = PassphrasePage(self.person_page.person_name, self._start_creating,
                                              self.person_page.carer_name)
        self.code_page = RecoveryCodePage()
        for page in (self.person_page, self.passphrase_page, self.code_page):
            self.addPage(page)
        fit_to_screen(self, QSize(620, 420))  # wider at large text, never past the screen
        self._fitted = False
        self.person_page.for_other.toggled.connect(lambda _on: self._fit_height())  # the carer's rows show

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self._fit_height()

    def _fit_height(self) -> None:
        """As high as the tallest page's wrapped words, never past the screen (the pages scroll then, and the
        buttons stay in view). Once shown: only then do the title and the buttons have their height."""
        page = self.currentPage()
        if page is None:
            return
        chrome = self.height() - page.height()
        needed = chrome + max(content_height(each, page.width()) for each in
                              (self.person_page, self.passphrase_page, self.code_page))
        room = int(available_geometry(self).height() * SHARE)
        self.resize(self.width(), max(self.height(), min(needed, room)))

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def _start_creating(self) -> None:
        folder, name, carer = self.person_page.folder(), self.person_page.person_name(), self.person_page.carer_name()
        secret = self.passphrase_page.passphrase()
        self.passphrase_page.set_busy(True)
        self._back_button().setEnabled(False)  # the folder is being used now
        # For someone they care for, the record is that person's and opens as the carer's (see for_someone).
        make = (partial(create_for_someone, self._create, folder, name, carer, secret) if carer
                else partial(self._create, folder, name, secret))
        run_in_background(make, self._on_created, self._on_failed, self._tasks)

    def _back_button(self) -> QAbstractButton:
        button = self.button(QWizard.WizardButton.BackButton)
        assert button is not None  # every wizard has one
        return button

    def _on_created(self, created: CreatedRecord) -> None:
        self.created = created
        self.passphrase_page.set_busy(False)
        self.passphrase_page.record_ready = True
        self.code_page.show_code(created.recovery_code, created.session.folder, self.person_page.person_name(),
                                 for_carer=bool(self.person_page.carer_name()))
        self.next()

    def _on_failed(self, error: Exception) -> None:
        self.passphrase_page.set_busy(False)
        self._back_button().setEnabled(True)
        self.passphrase_page.show_error(error_message(error))

    def accept(self) -> None:
        super().accept()
        if self.created is not None:  # Finish is only there once the record is made
            self.record_created.emit(self.created.session)

    def reject(self) -> None:
        if self.is_busy:
            return  # the record is being made; closing now would hide whether it exists
        if self.created is not None:
            QMessageBox.information(self, translate("CreateRecordWizard", "Recovery code"), translate(
                "CreateRecordWizard", "Your record has been made. Write down the recovery code, tick the box "
                                      "and choose Finish."))
            return
        super().reject()
