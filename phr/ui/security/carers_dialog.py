"""Carers: who besides the owner can open this record, each with a passphrase of their own.

Adding a carer derives a key from their passphrase (a second or two) on the GUI thread with a
busy cursor. Removing one makes a backup, changes the record's key and re-encrypts the whole
record: seconds for a large record, so it runs on a worker thread (phr.access.carers.Removal) behind
a progress window that cannot be closed half-way; the window stays responsive. Afterwards the
backups on this computer that the carer's passphrase still opens are offered for clean-up
(phr.ui.security.old_backups_dialog).
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.access import carers, keys
from phr.access.session import RecordSession
from phr.core import errors
from phr.storage.keys.kdf import Argon2Params
from phr.ui.app.background import BackgroundTask, run_in_background
from phr.ui.backup.auto_backup_runner import BackupJob
from phr.ui.security.dialog_size import fit_to_screen
from phr.ui.security.new_passphrase import NewPassphraseFields
from phr.ui.security.old_backups_dialog import offer as offer_old_backups
from phr.ui.text.formatting import day, fill
from phr.ui.text.messages import error_message
from phr.ui.widgets.theme import mark_error

translate = QCoreApplication.translate
BeforeRekey = Callable[[RecordSession], BackupJob]  # on the GUI thread, before a key change


def carer_error_message(error: Exception) -> str:
    """The errors adding or removing a carer can meet, in plain words; others as everywhere."""
    if isinstance(error, keys.OwnerOnly):
        return translate("CarersDialog", "Only the owner of the record can add or remove carers. Nothing was changed.")
    if isinstance(error, errors.InvalidInput):
        return translate("CarersDialog", "Give the carer a name that no other carer has (at most 200 characters).")
    if isinstance(error, errors.WeakPassphrase):
        return translate("CarersDialog", "This passphrase is too easy to guess. Choose a longer one, "
                                         "for example four or more words.")
    return error_message(error)


class CarersDialog(QDialog):
    """The list of carers, with Add and Remove for the owner."""

    def __init__(self, session: RecordSession, parent: QWidget | None = None, argon2: Argon2Params | None = None,
                 before_rekey: BeforeRekey | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._argon2 = argon2  # None: timed on this machine, as for a new record
        # before_rekey(session), on the GUI thread, gives the backup job for the worker thread;
        # the job returns None, or the text saying why there is no backup (then nothing changes).
        self._before_rekey = before_rekey
        self._tasks: list[BackgroundTask] = []
        self.progress: RekeyProgress | None = None
        self.record_closed = False  # the record could not be opened again after a removal: lock the window
        self.new_recovery_code: str | None = None
        self.setWindowTitle(translate("CarersDialog", "Carers"))
        self._build()
        self.refresh()
        fit_to_screen(self, QSize(560, 420))

    def _build(self) -> None:
        intro = QLabel(translate(
            "CarersDialog", "Carers help you keep this record, for example a parent, partner or child. Each carer "
                            "opens the record with a passphrase of their own, and what they enter is marked with "
                            "their name."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("CarersDialog", "Carers of this record"))
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.owner_only = QLabel(translate("CarersDialog", "Only the owner of the record can add or remove carers."))
        self.owner_only.setWordWrap(True)
        self.add_button = QPushButton(translate("CarersDialog", "&Add a carer…"))
        self.add_button.clicked.connect(self.add_carer)
        self.remove_button = QPushButton(translate("CarersDialog", "&Remove carer…"))
        self.remove_button.clicked.connect(self.remove_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        for widget in (intro, self.list, self.owner_only):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    @property
    def _is_owner(self) -> bool:
        return self._session.vault.slot.kind != "carer"

    def refresh(self) -> None:
        self.list.clear()
        for carer in carers.carers(self._session):
            added = datetime.fromisoformat(carer.added_at).astimezone().date()
            item = QListWidgetItem(fill(translate("CarersDialog", "%1 — added on %2"), carer.name, day(added)))
            item.setData(Qt.ItemDataRole.UserRole, carer.slot_id)
            self.list.addItem(item)
        if self.list.count() == 0:
            placeholder = QListWidgetItem(translate("CarersDialog", "No carers yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self.owner_only.setVisible(not self._is_owner)
        self._update_buttons()

    def _selected_slot(self) -> str | None:
        item = self.list.currentItem()
        slot_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        return str(slot_id) if slot_id else None  # the "No carers yet." line has none

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._is_owner)
        self.remove_button.setEnabled(self._is_owner and bool(self._selected_slot()))

    # --- adding ---------------------------------------------------------------------------------

    def add_carer(self) -> None:
        form = AddCarerDialog(self._session, self, self._argon2)
        if form.exec() == QDialog.DialogCode.Accepted and form.added is not None:
            self.new_recovery_code = form.added.new_recovery_code
            self.refresh()
            if self.new_recovery_code:
                self._show_new_recovery_code(self.new_recovery_code)

    def _show_new_recovery_code(self, code: str) -> None:
        QMessageBox.information(self, translate("CarersDialog", "New recovery code"), fill(translate(
            "CarersDialog", "This record was made with an older version of Regie. To add carers it needed a new "
                            "recovery code; the old one no longer works.\n\nYour new recovery code:\n\n%1\n\n"
                            "Write it down on paper now and keep it somewhere safe. It is shown only this once."), code))

    # --- removing -------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        slot_id = self._selected_slot()
        if not slot_id:
            return
        name = next(c.name for c in carers.carers(self._session) if c.slot_id == slot_id)
        answer = QMessageBox.question(self, translate("CarersDialog", "Remove carer"), fill(translate(
            "CarersDialog", "Remove %1 as a carer?\n\nTheir passphrase will no longer open this record, not even with "
                            "an old copy of the key files. What they entered stays, with their name.\n\nBackups made "
                            "before now still open with their passphrase. Afterwards Regie shows the ones it finds on "
                            "this computer, so you can take their key out or delete them. Copies elsewhere (a USB "
                            "stick, a synced folder, a copy you sent) Regie cannot reach.\n\nRegie changes the key "
                            "of the record for this; that can take a moment."), name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            before = self._before_rekey(self._session) if self._before_rekey is not None else None
            removal = carers.start_removal(self._session, slot_id)
        except (errors.VaultError, OSError) as error:
            QMessageBox.warning(self, translate("CarersDialog", "Carer not removed"), carer_error_message(error))
            return
        self.progress = RekeyProgress(name, self)
        run_in_background(lambda: removal.run(before), lambda problem: self._removed(removal, problem),
                          lambda error: self._removed(removal, error=error), self._tasks)

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def _removed(self, removal: carers.Removal, problem: str | None = None, error: Exception | None = None) -> None:
        """Back on the GUI thread: the record gets its connection back, then the outcome is said."""
        if self.progress is not None:
            self.progress.done()
        result = None
        try:
            result = removal.finish()
        except RuntimeError:
            return  # the record was locked meanwhile (the app closed): the next unlock sees the outcome
        except carers.RecordClosed as closed:
            self._say_record_closed(closed.removed)
            return
        except (errors.VaultError, OSError) as failed:
            error = error or failed
        if error is not None:
            problem = carer_error_message(error)
        if problem is not None:
            QMessageBox.warning(self, translate("CarersDialog", "Carer not removed"), problem)
        self.refresh()
        if result is not None and problem is None:
            offer_old_backups(self, self._session, result.carer.name, self._tasks)

    def _say_record_closed(self, removed: bool) -> None:
        self.record_closed = True
        text = (translate("CarersDialog", "The carer was removed.") if removed
                else translate("CarersDialog", "The carer was not removed."))
        QMessageBox.warning(self, translate("CarersDialog", "Record locked"), text + " " + translate(
            "CarersDialog", "Regie could not open the record again afterwards (is the disk full, or the folder "
                            "gone?), so it was locked. Open it again from the start window."))
        super().reject()

    def reject(self) -> None:
        if self.is_busy:
            return  # the key change cannot be called back half-way
        super().reject()


class RekeyProgress(QProgressDialog):
    """A busy bar while a carer is removed; Escape and the close button do nothing until it is done."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        label = QLabel(fill(translate("CarersDialog", "Removing %1 and changing the key of the record. This can "
                                                      "take a minute for a large record; please wait."), name))
        label.setWordWrap(True)
        label.setFixedWidth(420)
        self.setLabel(label)
        self.setRange(0, 0)
        self.setWindowTitle(translate("CarersDialog", "Removing carer"))
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self._finished = False
        self.show()

    def done(self, result: int = 0) -> None:
        self._finished = True
        super().done(result)

    def reject(self) -> None:
        if self._finished:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            super().closeEvent(event)
        else:
            event.ignore()


class AddCarerDialog(QDialog):
    """The carer's name and their passphrase, typed twice (by the carer, ideally)."""

    def __init__(self, session: RecordSession, parent: QWidget | None = None,
                 argon2: Argon2Params | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._argon2 = argon2
        self.added: carers.CarerAdded | None = None
        self.setWindowTitle(translate("CarersDialog", "Add a carer"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.fields = NewPassphraseFields(lambda: (self._session.person_name(), self.name.text()), parent=self)
        self.name.textChanged.connect(self.fields.refresh)  # "not built from the name" follows the name
        self.first, self.second = self.fields.first, self.fields.second
        self.message = QLabel()
        self.message.setWordWrap(True)
        mark_error(self.message)
        hint = QLabel(translate("CarersDialog", "Let the carer type their own passphrase. They use it to open this "
                                                "record; you keep yours."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None  # asked for just above
        ok.setText(translate("CarersDialog", "Add carer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("CarersDialog", "Carer's &name:"), self.name)
        self.fields.add_rows(form, translate("CarersDialog", "Their &passphrase:"),
                             translate("CarersDialog", "Passphrase &again:"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(520, 0))

    def accept(self) -> None:
        if not self.name.text().strip():
            return self._refuse(translate("CarersDialog", "Type the carer's name."), self.name)
        if not self.fields.same_twice():
            return self._refuse(translate("CarersDialog", "The two passphrases are not the same. Type them again."),
                                self.second)
        try:
            with _busy():
                self.added = carers.add_carer(self._session, self.name.text(), self.first.text(), self._argon2)
        except (errors.VaultError, OSError) as error:
            return self._refuse(carer_error_message(error), self.first)
        super().accept()

    def _refuse(self, text: str, focus: QLineEdit) -> None:
        self.message.setText(text)
        focus.setFocus()
        focus.selectAll()


class _busy:
    """A wait cursor while the GUI thread does a few seconds of key work."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()

    def __exit__(self, *exc: object) -> None:
        QApplication.restoreOverrideCursor()
