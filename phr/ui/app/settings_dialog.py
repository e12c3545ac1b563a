"""Settings of this computer: language, text size, auto-lock, automatic backups; and, with a record open, its
security.

OK saves all at once (after checking the backup folder); Cancel changes nothing. The language is
used from the next start: the windows build their texts once; a new text size is used at once. Only paths and
choices are stored (phr.ui.app.settings), never anything from a record.
"""

import os
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from phr.record.services import RecordServices
from phr.storage.keys.kdf import Argon2Params
from phr.ui.app.desktop.text_size import NORMAL, apply_text_size
from phr.ui.app.desktop.window_size import available_geometry
from phr.ui.app.record_actions import record_session
from phr.ui.app.settings import AUTO_LOCK_CHOICES, MIN_BACKUPS_KEPT, TEXT_SIZES, AppSettings
from phr.ui.security.settings_security import SecurityBox
from phr.ui.text.formatting import fill
from phr.ui.text.language import app_language

translate = QCoreApplication.translate
MAX_BACKUPS_KEPT = 100  # as AppSettings.set_backups_kept allows


def language_choices() -> list[tuple[str, str]]:
    return [("system", translate("SettingsDialog", "The language of this computer")),
            ("nl", translate("SettingsDialog", "Nederlands")),
            ("en", translate("SettingsDialog", "English"))]


def text_size_text(percent: int) -> str:
    if percent == NORMAL:
        return fill(translate("SettingsDialog", "%1% (normal)"), percent)
    return f"{percent}%"


def auto_lock_text(minutes: int) -> str:
    if minutes == 0:
        return translate("SettingsDialog", "Never")
    if minutes == 1:
        return translate("SettingsDialog", "1 minute without use")
    return fill(translate("SettingsDialog", "%1 minutes without use"), minutes)


def inside(folder: Path, parent: Path) -> bool:
    try:
        folder.resolve().relative_to(parent.resolve())
    except (ValueError, OSError):
        return False
    return True


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, services: RecordServices | None = None, language: str = "en",
                 argon2: Argon2Params | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        content = QWidget()
        boxes = QVBoxLayout(content)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self._general_box())
        boxes.addWidget(self._backup_box())
        self.security: SecurityBox | None = None
        if services is not None:
            self.security = SecurityBox(record_session(services), language, argon2, self)
            boxes.addWidget(self.security)
        boxes.addStretch()
        # The boxes scroll when the screen is too low for them (large text, a small screen); the message and
        # OK and Cancel stay in view under them.
        self.area = QScrollArea()
        self.area.setWidget(content)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problem = _text("")
        self.problem.setAccessibleName(translate("SettingsDialog", "Message"))
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._load()
        self._fit(content)
        self.language.setFocus()

    def _fit(self, content: QWidget) -> None:
        """As wide as before and as high as the boxes need, but never beyond 90 % of the screen."""
        room = available_geometry(self)
        width = min(max(580, content.sizeHint().width() + 40), int(room.width() * 0.9))
        needed = content.heightForWidth(width - 24) if content.hasHeightForWidth() else -1
        height = max(needed, content.sizeHint().height()) + self.buttons.sizeHint().height() + 40
        self.resize(width, min(height, int(room.height() * 0.9)))

    # --- building ---------------------------------------------------------------------------------

    def _general_box(self) -> QGroupBox:
        box = QGroupBox(translate("SettingsDialog", "General"))
        self.language = QComboBox()
        for value, text in language_choices():
            self.language.addItem(text, value)
        self.language_note = _text(translate("SettingsDialog", "A new language is used after you restart Regie."))
        self.text_size = QComboBox()
        for percent in TEXT_SIZES:
            self.text_size.addItem(text_size_text(percent), percent)
        self.text_size_note = _text(translate(
            "SettingsDialog", "In the window of a record: Ctrl++ for larger text, Ctrl+- for smaller (View menu)."))
        self.auto_lock = QComboBox()
        for minutes in AUTO_LOCK_CHOICES:
            self.auto_lock.addItem(auto_lock_text(minutes), minutes)
        self.auto_lock_note = _text(translate(
            "SettingsDialog", "The open record locks itself after this time without use, so nobody else can read "
                              "it at an unattended computer. What you were typing is kept."))
        form = QFormLayout(box)
        form.addRow(_label(translate("SettingsDialog", "&Language:"), self.language), self.language)
        form.addRow("", self.language_note)
        form.addRow(_label(translate("SettingsDialog", "&Text size:"), self.text_size), self.text_size)
        form.addRow("", self.text_size_note)
        form.addRow(_label(translate("SettingsDialog", "Lock the record &after:"), self.auto_lock), self.auto_lock)
        form.addRow("", self.auto_lock_note)
        return box

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(translate("SettingsDialog", "Automatic backups"))
        self.backups_on = QCheckBox(translate("SettingsDialog", "Make automatic &backups"))
        self.backups_on.toggled.connect(self._update_backups)
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton(translate("SettingsDialog", "&Choose…"))
        self.choose_button.setAccessibleName(translate("SettingsDialog", "Choose the backup folder"))
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(self.choose_button)
        self.keep = QSpinBox()
        self.keep.setRange(MIN_BACKUPS_KEPT, MAX_BACKUPS_KEPT)
        self.keep.valueChanged.connect(self._update_backups)
        self.where = _text("")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(box)
        form.addRow("", self.backups_on)
        self.folder_label = _label(translate("SettingsDialog", "&Folder:"), self.folder)
        form.addRow(self.folder_label, folder_row)
        self.keep_label = _label(translate("SettingsDialog", "Number to &keep:"), self.keep)
        form.addRow(self.keep_label, self.keep)
        form.addRow(self.where)
        return box

    def _load(self) -> None:
        s = self._settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.language())))
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(s.text_size())))
        self.auto_lock.setCurrentIndex(max(0, self.auto_lock.findData(s.auto_lock_minutes())))
        self.folder.setText(str(s.backup_folder()))
        self.keep.setValue(s.backups_kept())
        self.backups_on.setChecked(s.auto_backup_enabled())
        self._update_backups()

    # --- the backup folder ------------------------------------------------------------------------

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, translate("SettingsDialog", "Where should backups go?"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(str(Path(chosen)))
            self.problem.hide()
            self._update_backups()

    def _update_backups(self, *_args: object) -> None:
        on = self.backups_on.isChecked()
        for widget in (self.folder, self.choose_button, self.keep, self.folder_label, self.keep_label):
            widget.setEnabled(on)
        if on:
            self.where.setText(fill(translate(
                "SettingsDialog",
                "Backups go to %1, one file per backup (regie-….regiebackup); the newest %2 of every record are "
                "kept. A backup opens only with a passphrase or the recovery code of its record. Best is a USB "
                "stick or a synchronised folder: a backup on the same disk is lost with that disk."),
                self.folder.text(), self.keep.value()))
        else:
            self.where.setText(translate(
                "SettingsDialog", "No automatic backups are made. If this computer breaks or is lost, the record "
                                  "can be lost with it."))

    def _folder_problem(self) -> str | None:
        folder = Path(self.folder.text())
        if any(inside(folder, Path(record)) for record in self._settings.known_records()):
            return translate("SettingsDialog", "Backups cannot go inside a record folder. Choose another folder, "
                                               "such as a USB stick.")
        if folder.exists() and not (folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)):
            return translate("SettingsDialog", "Regie may not write in this folder. Choose another folder.")
        return None

    # --- saving -----------------------------------------------------------------------------------

    def accept(self) -> None:
        problem = self._folder_problem() if self.backups_on.isChecked() else None
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            self.choose_button.setFocus()
            return
        self._save()
        super().accept()

    def _save(self) -> None:
        s = self._settings
        s.set_language(self.language.currentData())
        if int(self.text_size.currentData()) != s.text_size():
            s.set_text_size(int(self.text_size.currentData()))
            apply_text_size(cast(QApplication, QApplication.instance()), s.text_size())
        s.set_auto_lock_minutes(int(self.auto_lock.currentData()))
        s.set_auto_backup_enabled(self.backups_on.isChecked())
        if Path(self.folder.text()) != s.backup_folder():  # an unchosen default keeps following the system
            s.set_backup_folder(Path(self.folder.text()))
        s.set_backups_kept(self.keep.value())

    def done(self, result: int) -> None:
        if self.security is not None:
            self.security.abandon()
        super().done(result)


def open_settings_dialog(parent: QWidget | None, settings: AppSettings, services: RecordServices | None = None,
                         language: str | None = None, argon2: Argon2Params | None = None) -> bool:
    """Show the Settings dialog (the Security part only with a record open); True when saved with OK."""
    if language is None:
        language = app_language()
    dialog = SettingsDialog(settings, services, language, argon2, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
