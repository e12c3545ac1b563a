"""Help → About Regie: the version, what Regie is, where the record lives, and every library it is built on
with its version and licence (read from the installed metadata), with the licence texts the libraries ship."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import phr
from phr.ui.app.desktop.icon import app_icon
from phr.ui.app.desktop.licences import Library, bundled_libraries
from phr.ui.app.desktop.window_size import available_geometry
from phr.ui.text.formatting import escape, fill

translate = QCoreApplication.translate


def about_text(record_folder: Path | None, settings_file: Path | None) -> str:
    parts = [
        f"<h2>Regie {escape(phr.__version__)}</h2>",
        "<p>" + escape(translate(
            "About", "Regie is your own health record: your diagnoses, care plan, care team, medicines, "
                     "appointments and measurements, kept encrypted on your own computer and taken to your "
                     "care providers as clear PDFs.")) + "</p>",
    ]
    if record_folder is not None:
        parts.append("<p>" + escape(fill(translate(
            "About", "This record is kept, encrypted, in the folder %1. Regie sends nothing over the internet."),
            record_folder)) + "</p>")
    if settings_file is not None:
        parts.append("<p>" + escape(fill(translate(
            "About", "The settings of this computer (no health data) are in %1."), settings_file)) + "</p>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, record_folder: Path | None = None, settings_file: Path | None = None,
                 parent: QWidget | None = None, libraries: list[Library] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("About", "About Regie"))
        self.libraries = bundled_libraries() if libraries is None else libraries
        layout = QVBoxLayout(self)
        layout.addLayout(self._header(record_folder, settings_file))
        self.list_label = QLabel(translate(
            "About", "Regie is built on these &libraries. Each keeps its own licence; choose one to read it:"))
        self.list_label.setWordWrap(True)
        layout.addWidget(self.list_label)
        self.qt_note = QLabel(translate(
            "About", "Regie uses Qt and PySide6 under the GNU Lesser General Public License, version 3 (LGPL-3.0)."))
        self.qt_note.setWordWrap(True)
        layout.addWidget(self.qt_note)
        layout.addWidget(self._library_list(), 2)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)  # Tab leaves the text, as everywhere else
        self.text.setAccessibleName(translate("About", "Licence text"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.text, 3)
        layout.addWidget(self._buttons())
        first = self.library_list.topLevelItem(0)
        if first is not None:
            self.library_list.setCurrentItem(first)
        self._fit()
        self.library_list.setFocus()

    def _header(self, record_folder: Path | None, settings_file: Path | None) -> QHBoxLayout:
        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.about = QLabel(about_text(record_folder, settings_file))
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(picture)
        row.addWidget(self.about, 1)
        return row

    def _library_list(self) -> QTreeWidget:
        self.library_list = QTreeWidget()
        self.library_list.setRootIsDecorated(False)
        self.library_list.setAccessibleName(translate("About", "Libraries"))
        self.library_list.setHeaderLabels([translate("About", "Library"), translate("About", "Version"),
                                           translate("About", "Licence")])
        for library in self.libraries:
            item = QTreeWidgetItem([library.name, library.version, licence_words(library)])
            item.setToolTip(2, licence_words(library))
            self.library_list.addTopLevelItem(item)
        for column in (0, 1):
            self.library_list.resizeColumnToContents(column)
        self.list_label.setBuddy(self.library_list)
        self.library_list.currentItemChanged.connect(lambda _current, _previous: self._show_texts())
        return self.library_list

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.about_qt_button = QPushButton(translate("About", "About &Qt"))
        self.about_qt_button.clicked.connect(lambda _checked: QMessageBox.aboutQt(self))
        buttons.addButton(self.about_qt_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        return buttons

    def _show_texts(self) -> None:
        current = self.library_list.currentItem()
        row = self.library_list.indexOfTopLevelItem(current) if current is not None else -1
        if not 0 <= row < len(self.libraries):
            self.text.clear()
            return
        library = self.libraries[row]
        if not library.texts:
            self.text.setPlainText(fill(translate(
                "About", "%1 %2 ships no licence text. Its licence, as it states it: %3."),
                library.name, library.version, library.licence or translate("About", "not stated")))
            return
        self.text.setPlainText("\n\n".join(f"——— {name} ———\n\n{text.strip()}" for name, text in library.texts))

    def _fit(self) -> None:
        room = available_geometry(self)
        self.resize(min(780, int(room.width() * 0.9)), min(680, int(room.height() * 0.9)))


def licence_words(library: Library) -> str:
    """The licence as the library states it, with the libraries built into it."""
    stated = library.licence or translate("About", "see the licence text")
    if library.built_in:
        return fill(translate("About", "%1; contains %2"), stated, library.built_in)
    return stated


def open_about_dialog(parent: QWidget | None, record_folder: Path | None = None,
                      settings_file: Path | None = None) -> AboutDialog:
    dialog = AboutDialog(record_folder, settings_file, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog
