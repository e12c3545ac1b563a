"""The start window: the records this computer knows, create a new one, open and unlock one.

Each known record shows the label the user gave it (kept in the plain settings file, so only a
label such as 'Mum') and its folder. A folder that is not there (a USB stick not plugged in) is
greyed, says "not found" and cannot be unlocked.

It is the first window of the app, shown before the record's code loads (issue 20): the record itself (phr.access,
the storage) and the dialogs behind its buttons are imported when first needed.
"""

from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from phr.ui.app.desktop.window_size import available_geometry, fitted_size
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.start.record_label_dialog import RecordLabelDialog
from phr.ui.start.unlock_panel import UnlockPanel
from phr.ui.text.formatting import fill
from phr.ui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from phr.access.session import RecordSession
    from phr.ui.start.create_record_wizard import CreateRecordWizard

translate = QCoreApplication.translate
FOLDER_ROLE = Qt.ItemDataRole.UserRole
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1
_MARGIN = 6
WANTED = QSize(820, 480)


def _sample_folder() -> Path:
    base = Path(platformdirs.user_documents_dir()) / "Regie"
    return base / (translate("StartWindow", "sample") + ".regie")


class StartWindow(QMainWindow):
    record_opened = Signal(object)  # RecordSession

    def __init__(self, settings: AppSettings, actions: RecordActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._actions = actions
        self.wizard: "CreateRecordWizard | None" = None
        self.label_dialog: RecordLabelDialog | None = None
        self.setWindowTitle(translate("StartWindow", "Regie"))
        self.unlock_panel = UnlockPanel(actions.unlock, self)
        self.unlock_panel.unlocked.connect(self._on_unlocked)
        self.unlock_panel.busy_changed.connect(self._on_busy)
        self._build()
        for button in self.findChildren(QPushButton):
            # Enter presses the focused button, as Space does: outside a dialog Qt's buttons take Space only, and
            # a tired user who Tabs to "Make a new record…" presses Enter (seen driving the app under Xvfb).
            button.setAutoDefault(True)
        self.refresh_records()
        self.resize(self._fitting_size())

    def _fitting_size(self) -> QSize:
        """Room for large text, but never larger than the screen: the buttons wrap, the list scrolls."""
        room = available_geometry(self).size()
        width = fitted_size(room, WANTED.expandedTo(self.sizeHint()), QSize(0, 0)).width()
        central = self.centralWidget()
        needed = central.heightForWidth(width) if central is not None else -1  # with the buttons wrapped
        return fitted_size(room, QSize(width, max(WANTED.height(), needed)), QSize(0, 0))

    def _build(self) -> None:
        title = QLabel(translate("StartWindow", "<h2>Regie</h2><p>Your own health record, safe on this computer.</p>"))
        title.setWordWrap(True)  # at large text the line would make the window wider than the screen
        self.records_label = QLabel(translate("StartWindow", "&Records on this computer"))
        self.record_list = QListWidget()
        self.record_list.setAccessibleName(translate("StartWindow", "Records on this computer"))
        self.record_list.setItemDelegate(RecordItemDelegate(self.record_list))
        self.record_list.setSpacing(2)
        # The delegate shortens long folders with '…': a sideways scroll bar would only take a line away.
        self.record_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.records_label.setBuddy(self.record_list)
        self.record_list.currentItemChanged.connect(self._on_record_chosen)
        self.record_list.itemActivated.connect(lambda _item: self.unlock_panel.focus_passphrase())
        self.record_list.itemClicked.connect(lambda _item: self.check_folders())  # plugged in meanwhile?
        self.welcome = self._welcome()
        left = QVBoxLayout()
        for widget in (title, self.welcome, self.records_label, self.record_list):
            left.addWidget(widget)
        left.addLayout(self._record_buttons())
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.unlock_panel, 2)
        window = QVBoxLayout()
        window.addLayout(columns, 1)
        window.addLayout(self._buttons())  # the whole width: one line where it fits
        central = QWidget()
        central.setLayout(window)
        self.setCentralWidget(central)

    def _welcome(self) -> QWidget:
        """On a first start, instead of an empty list: the two ways to begin, large and plain."""
        text = QLabel(translate(
            "StartWindow", "There is no record on this computer yet. How would you like to begin?"))
        text.setWordWrap(True)
        start_own = QPushButton(translate("StartWindow", "Make a new record…"))  # the wizard asks whose
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

    def _buttons(self) -> FlowLayout:
        self.new_button = QPushButton(translate("StartWindow", "&New record…"))
        self.new_button.clicked.connect(self.create_record)
        self.open_button = QPushButton(translate("StartWindow", "&Open record folder…"))
        self.open_button.clicked.connect(self.choose_folder)
        # Keys beside the buttons' Alt-letters: a button's setShortcut would replace its Alt-letter.
        _press_with(self, self.new_button, QKeySequence.StandardKey.New)
        _press_with(self, self.open_button, QKeySequence.StandardKey.Open)
        self.sample_button = QPushButton(translate("StartWindow", "Explore the &sample record"))
        self.sample_button.setToolTip(translate(
            "StartWindow", "A record of an invented person, to look around in Regie without typing anything."))
        self.sample_button.clicked.connect(lambda _checked: self.explore_sample())
        self.restore_button = QPushButton(translate("StartWindow", "Restore a &backup…"))
        self.restore_button.clicked.connect(lambda _checked: self.restore_backup())
        self.settings_button = QPushButton(translate("StartWindow", "Se&ttings…"))
        self.settings_button.clicked.connect(lambda _checked: self.open_settings())
        # They wrap onto a second line when they do not fit (200 % text on a 1024-pixel screen).
        row = FlowLayout()
        for button in (self.new_button, self.open_button, self.restore_button, self.sample_button,
                       self.settings_button):
            row.addWidget(button)
        return row

    def open_settings(self) -> None:
        from phr.ui.app.settings_dialog import open_settings_dialog

        open_settings_dialog(self, self._settings)

    def restore_backup(self, backup: Path | None = None) -> None:
        """`backup`: the file Regie was started with (`regie FILE.regiebackup`), filled in."""
        from phr.ui.backup.restore_dialog import open_restore_dialog

        folder = open_restore_dialog(self, backup)
        if folder:
            self.add_known_record(Path(folder))

    def _record_buttons(self) -> FlowLayout:
        """What can be done with the chosen record, right under the list."""
        self.rename_button = QPushButton(translate("StartWindow", "Rename &label…"))
        _press_with(self, self.rename_button, QKeySequence(Qt.Key.Key_F2))
        self.rename_button.setToolTip(translate(
            "StartWindow", "Give the chosen record a label of your own, e.g. 'Mum' (F2)."))
        self.rename_button.clicked.connect(self.rename_selected)
        self.forget_button = QPushButton(translate("StartWindow", "Re&move from list"))
        self.forget_button.setToolTip(translate("StartWindow", "The record itself stays where it is."))
        self.forget_button.clicked.connect(self.forget_selected)
        row = FlowLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.forget_button)
        return row

    def explore_sample(self, folder: Path | None = None) -> None:
        """Open the sample record, making it first (in Documents/Regie) when there is none yet."""
        existing = self._settings.sample_record()
        if existing and Path(existing).is_dir():
            self.add_known_record(Path(existing))
            return
        folder = folder or _sample_folder()
        self.unlock_panel.run_creation(lambda: self._actions.create_sample(folder), self._on_sample_created)

    def _on_sample_created(self, session: "RecordSession") -> None:
        self._settings.set_sample_record(session.folder)
        self._on_created(session)

    def _on_busy(self, busy: bool) -> None:
        # While a record is being unlocked, the choice of record stays as it is.
        for widget in (self.record_list, self.new_button, self.open_button, self.forget_button, self.rename_button,
                       self.sample_button, self.restore_button, self.settings_button, *self.welcome_buttons):
            widget.setEnabled(not busy)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.unlock_panel.abandon()
        self._close_label_dialog()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_folders()  # back in Regie, perhaps after plugging in the USB stick

    def refresh_records(self, select: str | None = None) -> None:
        self._close_label_dialog()
        self.record_list.clear()
        for path in self._settings.known_records():
            item = QListWidgetItem()
            item.setData(FOLDER_ROLE, path)
            self._describe(item, missing=not Path(path).is_dir())
            self.record_list.addItem(item)
        has_records = self.record_list.count() > 0
        self.welcome.setVisible(not has_records)
        self.unlock_panel.setVisible(has_records)
        self.records_label.setVisible(has_records)
        self.record_list.setVisible(has_records)
        for button in (self.forget_button, self.rename_button):  # of no use without a record: not shown greyed
            button.setEnabled(has_records)
            button.setVisible(has_records)
        if has_records:
            self.select_record(select or self._settings.known_records()[0])
        else:
            self.unlock_panel.set_folder(None)

    def select_record(self, path: str) -> None:
        for row in range(self.record_list.count()):
            item = self.record_list.item(row)
            if item is not None and item.data(FOLDER_ROLE) == path:
                self.record_list.setCurrentRow(row)
                self.unlock_panel.focus_passphrase()
                return

    def _describe(self, item: QListWidgetItem, missing: bool) -> None:
        """The label (or the folder name) and the folder; the delegate shows the first line in bold."""
        path = str(item.data(FOLDER_ROLE))
        label = self._settings.record_label(path) or Path(path).name
        where = fill(translate("StartWindow", "%1 — not found"), path) if missing else path
        item.setText(f"{label}\n{where}")
        item.setData(MISSING_ROLE, missing)
        item.setToolTip(_missing_text() if missing else path)

    def check_folders(self) -> None:
        """Look again which record folders are there; the chosen one is offered for unlocking only if it is."""
        for row in range(self.record_list.count()):
            item = self.record_list.item(row)
            if item is None:
                continue
            missing = not Path(item.data(FOLDER_ROLE)).is_dir()
            if missing != item.data(MISSING_ROLE):
                self._describe(item, missing)
                if item is self.record_list.currentItem():
                    self._on_record_chosen(item, None)

    def _on_record_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        folder = current.data(FOLDER_ROLE) if current else None
        self.unlock_panel.set_folder(Path(folder) if folder else None,
                                     sample=bool(folder) and folder == self._settings.sample_record())
        if current is not None and current.data(MISSING_ROLE) and not self.unlock_panel.is_busy:
            panel = self.unlock_panel
            for widget in (panel.passphrase, panel.unlock_button, panel.forgot_button):
                widget.setEnabled(False)
            panel.message.setText(_missing_text())

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
            folder = item.data(FOLDER_ROLE)
            self._settings.forget_record(folder)
            self._settings.set_record_label(folder, "")  # a label of a record no longer listed is of no use
            self.refresh_records()

    def rename_selected(self) -> None:
        """Ask for the chosen record's label (window-modal); saved when the user presses Save."""
        item = self.record_list.currentItem()
        if item is None or self.unlock_panel.is_busy or self.label_dialog is not None:
            return
        folder = item.data(FOLDER_ROLE)
        self.label_dialog = RecordLabelDialog(folder, self._settings.record_label(folder), self)
        self.label_dialog.finished.connect(self._on_label_dialog_finished)
        self.label_dialog.open()

    def _on_label_dialog_finished(self, result: int) -> None:
        if self.label_dialog is None:
            return
        folder, label = self.label_dialog.folder, self.label_dialog.label()
        self._close_label_dialog()
        if result == RecordLabelDialog.DialogCode.Accepted:
            self._settings.set_record_label(folder, label)
            self.refresh_records(select=folder)

    def _close_label_dialog(self) -> None:
        dialog, self.label_dialog = self.label_dialog, None
        if dialog is not None:
            dialog.finished.disconnect(self._on_label_dialog_finished)
            dialog.close()
            dialog.deleteLater()

    def create_record(self, default_folder: Path | None = None) -> None:
        from phr.ui.start.create_record_wizard import CreateRecordWizard

        self.wizard = CreateRecordWizard(self._actions.create, self, default_folder)
        wizard = self.wizard  # by the time it reports, Finish has closed it (and self.wizard is None)
        wizard.record_created.connect(lambda session: self._on_made_in_wizard(wizard, session))
        self.wizard.finished.connect(self._forget_wizard)
        self.wizard.open()

    def _forget_wizard(self) -> None:
        if self.wizard is not None:
            self.wizard.deleteLater()
        self.wizard = None

    def _on_made_in_wizard(self, wizard: "CreateRecordWizard", session: "RecordSession") -> None:
        """The label the person left in the wizard (the name, or one of their own) names it in the list."""
        self._settings.set_record_label(str(Path(session.folder).absolute()), wizard.person_page.label())
        self._on_created(session)

    def _on_created(self, session: "RecordSession") -> None:
        self._settings.remember_record(session.folder)
        self.refresh_records(select=str(session.folder))
        self.record_opened.emit(session)

    def _on_unlocked(self, session: "RecordSession") -> None:
        self._settings.remember_record(session.folder)
        self.record_opened.emit(session)


def _press_with(window: QWidget, button: QPushButton, keys: QKeySequence | QKeySequence.StandardKey) -> QShortcut:
    """`keys` press the button (only while it is shown and enabled), and its Alt-letter still does."""
    shortcut = QShortcut(keys, window)
    shortcut.activated.connect(lambda: button.animateClick() if button.isVisible() and button.isEnabled() else None)
    return shortcut


def _missing_text() -> str:
    return translate("StartWindow", "Regie cannot find this record folder. If it is on a USB stick or another "
                                    "disk, connect it and choose the record again.")


class RecordItemDelegate(QStyledItemDelegate):
    """Two lines per record: its label in bold, its folder below; greyed when the folder is not found."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # From the item itself: initStyleOption turns the new line into a line separator.
        title, _newline, where = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        group = QPalette.ColorGroup.Disabled if index.data(MISSING_ROLE) else QPalette.ColorGroup.Normal
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(_MARGIN, _MARGIN // 2, -_MARGIN, -_MARGIN // 2)
        painter.save()
        painter.setPen(opt.palette.color(group, role))
        bold = _bold(opt.font)
        top = QFontMetrics(bold).height()
        painter.setFont(bold)
        painter.drawText(rect.adjusted(0, 0, 0, top - rect.height()), Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(opt.font)
        painter.drawText(rect.adjusted(0, top, 0, 0), Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(opt.font).elidedText(where, Qt.TextElideMode.ElideMiddle, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        font = option.font
        height = QFontMetrics(_bold(font)).height() + QFontMetrics(font).height() + _MARGIN
        return QSize(super().sizeHint(option, index).width(), height)


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
