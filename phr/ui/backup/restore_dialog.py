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
from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, QTimer, Signal
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
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.backup.restore_words import restore_error_text, section_label
from phr.ui.security.dialog_size import WrappedText, fit_to_screen, grow_to_words, scrolling
from phr.ui.text.formatting import definition_table, escape, fill, moment
from phr.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate
# backups.prepare_restore: (backup, target folder, secret kind, secret, replace) -> the restore, checked
PrepareRestore = Callable[[Path, Path, str, str, bool], backups.PendingRestore]


def _default_target() -> Path:
    """Documents/Regie/restored record.regie, or the first free 'restored record 2.regie', ...: the proposed
    folder never holds a record already, so accepting it never replaces one."""
    base = Path(platformdirs.user_documents_dir()) / "Regie"
    name = translate("RestoreDialog", "restored record")
    candidates = (base / (f"{name} {number}.regie" if number > 1 else f"{name}.regie") for number in range(1, 1000))
    return next((folder for folder in candidates if not folder.exists()), base / f"{name}.regie")


class RestoreDialog(QDialog):
    restored = Signal(object)  # the Path of the restored record folder

    def __init__(self, parent: QWidget | None = None, target: Path | None = None,
                 prepare: PrepareRestore = backups.prepare_restore, backup: Path | None = None) -> None:
        """`backup`: the file Regie was started with (a double-click on it), filled in; the person still
        chooses the folder and types the secret, so the keyboard starts in the secret's field."""
        super().__init__(parent)
        self._prepare = prepare
        self.pending: backups.PendingRestore | None = None
        self.restored_folder: Path | None = None
        self._tasks: list[BackgroundTask] = []
        self.setWindowTitle(translate("RestoreDialog", "Restore a backup"))
        self._build(target or _default_target())
        self._show_kind()
        self._show_preview(None)
        if backup is not None:
            self.backup_edit.setText(str(backup))
            self.secret.setFocus()
        fit_to_screen(self, QSize(620, 0))

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
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # at large text: the label above its field
        form.addRow(self._buddy(translate("RestoreDialog", "&Backup file:"), self.backup_edit), backup_row)
        form.addRow(self._buddy(translate("RestoreDialog", "Restore &to folder:"), self.target_edit), target_row)
        form.addRow(translate("RestoreDialog", "Open it with:"), self._kind_row())
        form.addRow(self.secret_label, self.secret)
        content = QWidget()  # scrolls at large text on a low screen; the message and the buttons stay in view
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)
        column.addLayout(form)
        for widget in self._result_widgets():
            column.addWidget(widget)
        column.addStretch()
        self.area = scrolling(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
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

    def _kind_row(self) -> FlowLayout:
        self.use_passphrase = QRadioButton(translate("RestoreDialog", "&Passphrase (yours or a carer's)"))
        self.use_code = QRadioButton(translate("RestoreDialog", "Recovery &code"))
        self.use_passphrase.setChecked(True)
        self.kinds = QButtonGroup(self)
        row = FlowLayout()  # the second choice goes below the first where the screen is too narrow for both
        for button in (self.use_passphrase, self.use_code):
            self.kinds.addButton(button)
            row.addWidget(button)
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
        self.preview, self.warning, self.message = WrappedText(), WrappedText(), WrappedText()
        for shown in (self.preview, self.warning, self.message):
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(translate("RestoreDialog", "Message"))
        self.replace_box = QCheckBox(translate("RestoreDialog", "&Yes, replace the record in this folder"))
        self.replace_box.toggled.connect(lambda _on: self._update_buttons())
        return self.preview, self.warning, self.replace_box

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
            rows = [(section_label(name), QLocale().toString(count)) for name, count in preview.counts.items()]
            head = fill(translate("RestoreDialog", "The backup of %1 is whole and opens with what you typed. "
                                                   "It holds:"), moment(preview.created_at))
            self.preview.setText("<p>" + escape(head) + "</p>" + definition_table(rows))
        if replaces:
            self.warning.setText("<b>" + escape(fill(translate(
                "RestoreDialog", "The folder %1 already holds a record. Restoring replaces that record with this "
                                 "backup. Regie first makes a backup of the current record, beside the folder."),
                self.target())) + "</b>")
        self._update_buttons()
        grow_to_words(self)
        if replaces:  # the warning and its tick box in view, also when the area scrolls (once it is laid out)
            QTimer.singleShot(0, lambda: self.area.ensureWidgetVisible(self.replace_box))

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
        grow_to_words(self)
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


def open_restore_dialog(parent: QWidget | None, backup: Path | None = None) -> Path | None:
    """Start window → Restore a backup… (or Regie started with `backup`, filled in): the folder of the restored
    record (to add to the list), or None."""
    dialog = RestoreDialog(parent, backup=backup)
    dialog.exec()
    dialog.deleteLater()
    return dialog.restored_folder
