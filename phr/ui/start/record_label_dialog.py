"""Give a record folder a label of the user's own choosing, shown in the start window instead of its folder name.

The label is kept in the settings file of this computer, which is not encrypted: the dialog says so
under the field, so nobody types a diagnosis there.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from phr.ui.app.settings import MAX_LABEL_LENGTH
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate


class RecordLabelDialog(QDialog):
    def __init__(self, folder: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(translate("RecordLabelDialog", "Label for this record"))
        self._build(folder, label)

    def _build(self, folder: str, label: str) -> None:
        where = QLabel(fill(translate("RecordLabelDialog", "Record folder: %1"), folder))
        where.setWordWrap(True)
        self.edit = QLineEdit(label)
        self.edit.setMaxLength(MAX_LABEL_LENGTH)
        self.edit.setPlaceholderText(Path(folder).name)
        self.edit.setAccessibleName(translate("RecordLabelDialog", "Label"))
        self.warning = QLabel(translate(
            "RecordLabelDialog", "Only a label for this computer, e.g. 'Mum' — it is not encrypted, "
                                 "so do not type health details."))
        self.warning.setWordWrap(True)
        self.edit.setAccessibleDescription(self.warning.text())
        empty = QLabel(translate("RecordLabelDialog", "Leave it empty to show the folder name."))
        empty.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("RecordLabelDialog", "&Label:"), self.edit)
        form.addRow("", self.warning)
        form.addRow("", empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.edit.selectAll()

    def label(self) -> str:
        return self.edit.text()
