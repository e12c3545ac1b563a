"""Restore a backup… (start window, no record open): check a backup, see what is in it, then put it in place.

Two steps, as phr.backup.backups has them. "Check the backup" unpacks it beside the target folder,
opens it with the secret typed and counts what it holds (on a pool thread: the key derivation
takes a second); nothing outside a hidden folder has changed yet. "Restore" then puts it in
place. When the target holds a record, the dialog says plainly that it is replaced and that a
backup of it is made first, and a tick box must be ticked. Whatever fails, nothing changed.
"""

from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from phr.backup import backups
from phr.core import errors
from phr.core.vocabulary import Section
from phr.storage.errors import BackupDamaged
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.text.formatting import definition_table, escape, fill, moment
from phr.ui.text.messages import error_message
from phr.ui.text.vocabulary import label

translate = QCoreApplication.translate
# backups.prepare_restore: (backup, target folder, secret kind, secret, replace) -> the restore, checked
PrepareRestore = Callable[[Path, Path, str, str, bool], backups.PendingRestore]


# The counts a backup holds (as `phr check` names them) that are a section of the record on their own.
COUNTED_SECTIONS = {"diagnoses": Section.DIAGNOSES, "contacts": Section.CARE_TEAM, "medications": Section.MEDICATIONS,
                    "appointments": Section.APPOINTMENTS, "questions": Section.QUESTIONS,
                    "documents": Section.DOCUMENTS, "readings": Section.MONITORING}


def section_label(name: str) -> str:
    """What a count of the backup is of: a section by its name, or a part of one."""
    return label(COUNTED_SECTIONS[name]) if name in COUNTED_SECTIONS else {
        "allergies": translate("RestoreDialog", "Allergies"),
        "goals": translate("RestoreDialog", "Goals"),
        "evaluations": translate("RestoreDialog", "Evaluations of goals"),
        "diary": translate("RestoreDialog", "Diary and notes"),
    }.get(name, name)


def restore_error_text(error: Exception, confirming: bool) -> str:
    """Why the backup could not be checked or restored; every text says that nothing changed."""
    if isinstance(error, errors.WrongSecret) and confirming:
        return translate("RestoreDialog", "The record in this folder does not open with the same passphrase or "
                                          "code, so Regie cannot make a backup of it first. Nothing was changed. "
                                          "Restore into a new folder instead.")
    if isinstance(error, errors.WrongSecret):
        return translate("RestoreDialog", "This passphrase or recovery code does not open this backup. Check "
                                          "Caps Lock and try again. Nothing was changed.")
    if isinstance(error, errors.RecordFromNewerVersion):
        return translate("RestoreDialog", "This backup was made with a newer version of Regie. Update Regie to "
                                          "restore it. Nothing was changed.")
    if isinstance(error, BackupDamaged):
        return translate("RestoreDialog", "This file is not a Regie backup, or it is damaged. Nothing was changed. "
                                          "Try another backup.")
    if isinstance(error, errors.RecordExists):
        return translate("RestoreDialog", "This folder holds other files. Choose a new, empty folder, or the "
                                          "folder of a record to replace. Nothing was changed.")
    return error_message(error)


def _default_target() -> Path:
    base = Path(platformdirs.user_documents_dir()) / "Regie"
    return base / (translate("RestoreDialog", "restored record") + ".regie")


class RestoreDialog(QDialog):
    restored = Signal(object)  # the Path of the restored record folder

    def __init__(self, parent: QWidget | None = None, target: Path | None = None,
                 prepare: PrepareRestore = backups.prepare_restore) -> None:
        super().__init__(parent)
        self._prepare = prepare
        self.pending: backups.PendingRestore | None = None
        self.restored_folder: Path | None = None
        self._tasks: list[BackgroundTask] = []
        self.setWindowTitle(translate("RestoreDialog", "Restore a backup"))
        self._build(target or _default_target())
        self._show_kind()
        self._show_preview(None)
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())

    # --- building ---------------------------------------------------------------------------------

    def _build(self, target: Path) -> None:
        intro = QLabel(translate("RestoreDialog", "Choose a backup file and the folder where the record should go. "
                                                  "Regie first checks the backup and shows what is in it; nothing "
                                                  "changes before you choose Restore."))
        intro.setWordWrap(True)
        self.backup_edit, backup_row = self._path_row("", self.choose_backup)
        self.target_edit, target_row = self._path_row(str(target), self.choose_target)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.returnPressed.connect(self.check)
        self.secret_label = QLabel()
        self.secret_label.setBuddy(self.secret)
        form = QFormLayout()
        form.addRow(self._buddy(translate("RestoreDialog", "&Backup file:"), self.backup_edit), backup_row)
        form.addRow(self._buddy(translate("RestoreDialog", "Restore &to folder:"), self.target_edit), target_row)
        form.addRow(translate("RestoreDialog", "Open it with:"), self._kind_row())
        form.addRow(self.secret_label, self.secret)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        for widget in self._result_widgets():
            layout.addWidget(widget)
        layout.addStretch()
        layout.addWidget(self._buttons())
        for edit in (self.backup_edit, self.target_edit, self.secret):
            edit.textChanged.connect(lambda _text: self._drop_pending())

    def _path_row(self, text: str, choose: Callable[[], None]) -> tuple[QLineEdit, QHBoxLayout]:
        edit = QLineEdit(text)
        button = QPushButton(translate("RestoreDialog", "Choose…"))
        button.clicked.connect(lambda _checked: choose())
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        edit.setProperty("chooser", button)
        return edit, row

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _kind_row(self) -> QHBoxLayout:
        self.use_passphrase = QRadioButton(translate("RestoreDialog", "&Passphrase (yours or a carer's)"))
        self.use_code = QRadioButton(translate("RestoreDialog", "Recovery &code"))
        self.use_passphrase.setChecked(True)
        self.kinds = QButtonGroup(self)
        row = QHBoxLayout()
        for button in (self.use_passphrase, self.use_code):
            self.kinds.addButton(button)
            row.addWidget(button)
        row.addStretch()
        self.kinds.buttonToggled.connect(self._on_kind_toggled)
        return row

    def _on_kind_toggled(self, *_: object) -> None:
        self._show_kind()
        self._drop_pending()

    def _result_widgets(self) -> tuple[QWidget, ...]:
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # unlocking and checking: no steps to count
        self.busy.setAccessibleName(translate("RestoreDialog", "Busy"))
        self.busy.hide()
        self.preview = QLabel()
        self.warning = QLabel()
        self.message = QLabel()
        for shown in (self.preview, self.warning, self.message):
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(translate("RestoreDialog", "Message"))
        self.replace_box = QCheckBox(translate("RestoreDialog", "&Yes, replace the record in this folder"))
        self.replace_box.toggled.connect(lambda _on: self._update_buttons())
        return self.busy, self.preview, self.warning, self.replace_box, self.message

    def _buttons(self) -> QDialogButtonBox:
        self.check_button = QPushButton(translate("RestoreDialog", "C&heck the backup"))
        self.check_button.clicked.connect(lambda _checked: self.check())
        self.restore_button = QPushButton(translate("RestoreDialog", "&Restore"))
        self.restore_button.clicked.connect(lambda _checked: self.restore())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # --- choosing ---------------------------------------------------------------------------------

    def secret_kind(self) -> str:
        return "recovery_code" if self.use_code.isChecked() else "passphrase"

    def _show_kind(self) -> None:
        code = self.use_code.isChecked()
        self.secret_label.setText(translate("RestoreDialog", "Recovery co&de:") if code
                                  else translate("RestoreDialog", "Pa&ssphrase:"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if code else QLineEdit.EchoMode.Password)

    def backup_path(self) -> Path:
        return Path(self.backup_edit.text().strip()).expanduser()

    def target(self) -> Path:
        return Path(self.target_edit.text().strip()).expanduser().absolute()

    def choose_backup(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("RestoreDialog", "Choose the backup"), self.backup_edit.text(),
            translate("RestoreDialog", "Regie backups (*.regiebackup)"))
        if chosen:
            self.backup_edit.setText(chosen)

    def choose_target(self) -> None:
        """A record folder (to replace) or an empty folder is the target; in any other, a new folder."""
        chosen = QFileDialog.getExistingDirectory(self, translate("RestoreDialog", "Where should the record go?"))
        if chosen:
            folder = Path(chosen)
            empty = folder.is_dir() and not any(folder.iterdir())
            self.target_edit.setText(str(folder if empty or backups.holds_record(folder)
                                         else folder / self.target().name))

    # --- checking ---------------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def problem(self) -> str | None:
        """What stops the check, in words; None when it can start."""
        if not self.backup_edit.text().strip():
            return translate("RestoreDialog", "Choose the backup file first.")
        if not self.backup_path().is_file():
            return translate("RestoreDialog", "There is no file with this name. Choose the backup file again.")
        if not self.target_edit.text().strip():
            return translate("RestoreDialog", "Choose the folder where the record should go.")
        target = self.target()
        if target.exists() and not target.is_dir() or \
                target.is_dir() and any(target.iterdir()) and not backups.holds_record(target):
            return translate("RestoreDialog", "This folder holds other files. Choose a new, empty folder, or the "
                                              "folder of a record to replace.")
        if not self.secret.text().strip():
            return translate("RestoreDialog", "Type the passphrase or the recovery code first.")
        return None

    def check(self) -> None:
        if self.is_busy:
            return
        self._drop_pending()
        found = self.problem()
        if found:
            self._say(found)
            return
        backup, target, kind, secret = self.backup_path(), self.target(), self.secret_kind(), self.secret.text()
        prepare, replace = self._prepare, backups.holds_record(target)
        self._set_busy(True, translate("RestoreDialog", "Checking the backup…"))
        run_in_background(lambda: prepare(backup, target, kind, secret, replace), self._on_checked,
                          lambda error: self._on_failed(error, False), self._tasks,
                          discard=lambda pending: pending.cancel())

    def _on_checked(self, pending: backups.PendingRestore) -> None:
        self._set_busy(False)
        self.pending = pending
        self._show_preview(pending.preview)
        self.restore_button.setFocus()

    def _show_preview(self, preview: backups.RestorePreview | None) -> None:
        self.preview.setVisible(preview is not None)
        replaces = preview is not None and preview.replaces_existing
        self.warning.setVisible(replaces)
        self.replace_box.setVisible(replaces)
        self.replace_box.setChecked(False)
        if preview is not None:
            rows = [(section_label(name), str(count)) for name, count in preview.counts.items()]
            head = fill(translate("RestoreDialog", "The backup of %1 is whole and opens with what you typed. "
                                                   "It holds:"), moment(preview.created_at))
            self.preview.setText("<p>" + escape(head) + "</p>" + definition_table(rows))
        if replaces:
            self.warning.setText("<b>" + escape(fill(translate(
                "RestoreDialog", "The folder %1 already holds a record. Restoring replaces that record with this "
                                 "backup. Regie first makes a backup of the current record, beside the folder."),
                self.target())) + "</b>")
        self._update_buttons()
        self._fit_height()

    # --- restoring --------------------------------------------------------------------------------

    def restore(self) -> None:
        pending = self.pending
        if self.is_busy or pending is None:
            return
        if pending.preview.replaces_existing and not self.replace_box.isChecked():
            self._say(translate("RestoreDialog", "Tick the box first to say that the current record may be "
                                                 "replaced."))
            return
        self._set_busy(True, translate("RestoreDialog", "Restoring the record…"))
        run_in_background(pending.confirm, self._on_restored, lambda error: self._on_failed(error, True),
                          self._tasks)

    def _on_restored(self, done: backups.Restored) -> None:
        self.pending = None
        self._set_busy(False)
        self.restored_folder = done.folder
        text = fill(translate("RestoreDialog", "The record is restored in the folder %1. Unlock it with the "
                                               "passphrase or the recovery code of the backup."), done.folder)
        if done.previous_record_backup is not None:
            text += " " + fill(translate("RestoreDialog", "The record that was there is kept as the backup %1."),
                               done.previous_record_backup)
        self.secret.clear()  # not kept in a widget longer than needed
        self.warning.hide()
        self.replace_box.hide()
        for widget in self._inputs():
            widget.setEnabled(False)
        self._say(text, bold=False)
        self._fit_height()
        self._update_buttons()
        for button in (self.check_button, self.restore_button):
            button.hide()
        close = self._cancel_button()
        close.setText(translate("RestoreDialog", "Close"))
        close.setDefault(True)
        close.setFocus()
        self.restored.emit(done.folder)

    def _on_failed(self, error: Exception, confirming: bool) -> None:
        self._set_busy(False)
        if confirming:
            self._drop_pending()  # a failed confirm changed nothing; check again for a new try
        self._say(restore_error_text(error, confirming))

    # --- state ------------------------------------------------------------------------------------

    def _drop_pending(self) -> None:
        if self.pending is not None and not self.is_busy:
            self.pending.cancel()  # removes the unpacked copy beside the target
            self.pending = None
            self._show_preview(None)
        self.message.clear()

    def _say(self, text: str, bold: bool = True) -> None:
        self.message.setText("<b>" + escape(text) + "</b>" if bold else escape(text))  # bold, not red

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy.setVisible(busy)
        for widget in self._inputs():
            widget.setEnabled(not busy)
        self.message.setText(escape(text))
        self._update_buttons()

    def _cancel_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None  # the box is made with it
        return button

    def _inputs(self) -> tuple[QWidget, ...]:
        return (self.backup_edit, self.target_edit, self.secret, self.use_passphrase, self.use_code,
                self.backup_edit.property("chooser"), self.target_edit.property("chooser"))

    def _fit_height(self) -> None:
        """Grow to the rows now shown (wrapped labels need their height for this width)."""
        layout = self.layout()
        if layout is None:
            return  # still being built
        layout.activate()
        self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _update_buttons(self) -> None:
        done, busy = self.restored_folder is not None, self.is_busy
        ready = self.pending is not None and (not self.pending.preview.replaces_existing
                                              or self.replace_box.isChecked())
        self.check_button.setEnabled(not busy and not done)
        self.restore_button.setEnabled(ready and not busy and not done)
        self.restore_button.setDefault(ready and not done)
        self.check_button.setDefault(not ready and not done)
        self._cancel_button().setEnabled(not busy or self.pending is None)

    def reject(self) -> None:
        if self.is_busy and self.pending is not None:
            return  # the record is being put in place: that cannot be stopped half-way
        super().reject()

    def done(self, result: int) -> None:
        abandon_all(self._tasks)  # a check still running: its unpacked copy is removed when it ends
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None
        self.secret.clear()
        super().done(result)


def open_restore_dialog(parent: QWidget | None) -> Path | None:
    """Start window → Restore a backup…: the folder of the restored record (to add to the list), or None."""
    dialog = RestoreDialog(parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.restored_folder
