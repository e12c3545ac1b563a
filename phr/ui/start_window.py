"""The start window: the records this computer knows, create a new one, open and unlock one."""

from pathlib import Path

import platformdirs

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.ui.create_record_wizard import CreateRecordWizard
from phr.ui.record_actions import RecordActions
from phr.ui.settings import AppSettings
from phr.ui.unlock_panel import UnlockPanel

translate = QCoreApplication.translate


def _sample_folder() -> Path:
    base = Path(platformdirs.user_documents_dir()) / "Regie"
    return base / (translate("StartWindow", "sample") + ".regie")


class StartWindow(QMainWindow):
    record_opened = Signal(object)  # RecordSession

    def __init__(self, settings: AppSettings, actions: RecordActions, parent=None):
        super().__init__(parent)
        self._settings = settings
        self._actions = actions
        self.wizard: CreateRecordWizard | None = None
        self.setWindowTitle(translate("StartWindow", "Regie"))
        self.resize(820, 480)
        self.unlock_panel = UnlockPanel(actions.unlock, self)
        self.unlock_panel.unlocked.connect(self._on_unlocked)
        self.unlock_panel.busy_changed.connect(self._on_busy)
        self._build()
        self.refresh_records()

    def _build(self) -> None:
        title = QLabel(translate("StartWindow", "<h1>Regie</h1><p>Your own health record, safe on this computer.</p>"))
        self.records_label = QLabel(translate("StartWindow", "&Records on this computer"))
        self.record_list = QListWidget()
        self.record_list.setAccessibleName(translate("StartWindow", "Records on this computer"))
        self.records_label.setBuddy(self.record_list)
        self.record_list.currentItemChanged.connect(self._on_record_chosen)
        self.record_list.itemActivated.connect(lambda _item: self.unlock_panel.focus_passphrase())
        self.welcome = self._welcome()
        left = QVBoxLayout()
        for widget in (title, self.welcome, self.records_label, self.record_list):
            left.addWidget(widget)
        left.addLayout(self._buttons())
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.unlock_panel, 2)
        central = QWidget()
        central.setLayout(columns)
        self.setCentralWidget(central)

    def _welcome(self) -> QWidget:
        """On a first start, instead of an empty list: the two ways to begin, large and plain."""
        text = QLabel(translate(
            "StartWindow", "There is no record on this computer yet. How would you like to begin?"))
        text.setWordWrap(True)
        start_own = QPushButton(translate("StartWindow", "Make my own record…"))
        start_own.clicked.connect(lambda _checked: self.create_record())
        look_around = QPushButton(translate("StartWindow", "First look around in a sample record"))
        look_around.clicked.connect(lambda _checked: self.explore_sample())
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(text)
        for button in (start_own, look_around):
            button.setMinimumHeight(48)
            layout.addWidget(button)
        existing = QLabel(translate(
            "StartWindow", "Do you already have a record folder, for example on a USB stick? Choose Open record folder."))
        existing.setWordWrap(True)
        layout.addWidget(existing)
        layout.addStretch()
        self.welcome_buttons = (start_own, look_around)
        return panel

    def _buttons(self) -> QHBoxLayout:
        self.new_button = QPushButton(translate("StartWindow", "&New record…"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.clicked.connect(self.create_record)
        self.open_button = QPushButton(translate("StartWindow", "&Open record folder…"))
        self.open_button.setShortcut(QKeySequence.StandardKey.Open)
        self.open_button.clicked.connect(self.choose_folder)
        self.forget_button = QPushButton(translate("StartWindow", "&Remove from list"))
        self.forget_button.setToolTip(translate("StartWindow", "The record itself stays where it is."))
        self.forget_button.clicked.connect(self.forget_selected)
        self.sample_button = QPushButton(translate("StartWindow", "Explore the &sample record"))
        self.sample_button.setToolTip(translate(
            "StartWindow", "A record of an invented person, to look around in Regie without typing anything."))
        self.sample_button.clicked.connect(lambda _checked: self.explore_sample())
        row = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.forget_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.sample_button)
        return row

    def explore_sample(self, folder: Path | None = None) -> None:
        """Open the sample record, making it first (in Documents/Regie) when there is none yet."""
        existing = self._settings.sample_record()
        if existing and Path(existing).is_dir():
            self.add_known_record(Path(existing))
            return
        folder = folder or _sample_folder()
        self.unlock_panel.run_creation(lambda: self._actions.create_sample(folder), self._on_sample_created)

    def _on_sample_created(self, session) -> None:
        self._settings.set_sample_record(session.folder)
        self._on_created(session)

    def _on_busy(self, busy: bool) -> None:
        # While a record is being unlocked, the choice of record stays as it is.
        for widget in (self.record_list, self.new_button, self.open_button, self.forget_button, self.sample_button,
                       *self.welcome_buttons):
            widget.setEnabled(not busy)

    def closeEvent(self, event) -> None:
        self.unlock_panel.abandon()
        super().closeEvent(event)

    def refresh_records(self, select: str | None = None) -> None:
        self.record_list.clear()
        for path in self._settings.known_records():
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.record_list.addItem(item)
        has_records = self.record_list.count() > 0
        self.welcome.setVisible(not has_records)
        self.unlock_panel.setVisible(has_records)
        self.records_label.setVisible(has_records)
        self.record_list.setVisible(has_records)
        self.forget_button.setEnabled(has_records)
        if has_records:
            self.select_record(select or self._settings.known_records()[0])
        else:
            self.unlock_panel.set_folder(None)

    def select_record(self, path: str) -> None:
        for row in range(self.record_list.count()):
            if self.record_list.item(row).data(Qt.ItemDataRole.UserRole) == path:
                self.record_list.setCurrentRow(row)
                self.unlock_panel.focus_passphrase()
                return

    def _on_record_chosen(self, current, _previous) -> None:
        folder = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.unlock_panel.set_folder(Path(folder) if folder else None,
                                     sample=bool(folder) and folder == self._settings.sample_record())

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("StartWindow", "Open a record folder"))
        if folder:
            self.add_known_record(Path(folder))

    def add_known_record(self, folder: Path) -> None:
        self._settings.remember_record(folder)
        self.refresh_records(select=str(Path(folder).absolute()))

    def forget_selected(self) -> None:
        item = self.record_list.currentItem()
        if item is not None:
            self._settings.forget_record(item.data(Qt.ItemDataRole.UserRole))
            self.refresh_records()

    def create_record(self, default_folder: Path | None = None) -> None:
        self.wizard = CreateRecordWizard(self._actions.create, self, default_folder)
        self.wizard.record_created.connect(self._on_created)
        self.wizard.finished.connect(self._forget_wizard)
        self.wizard.open()

    def _forget_wizard(self) -> None:
        self.wizard.deleteLater()
        self.wizard = None

    def _on_created(self, session) -> None:
        self._settings.remember_record(session.folder)
        self.refresh_records(select=str(session.folder))
        self.record_opened.emit(session)

    def _on_unlocked(self, session) -> None:
        self._settings.remember_record(session.folder)
        self.record_opened.emit(session)
