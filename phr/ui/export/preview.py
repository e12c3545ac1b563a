"""The preview of an export PDF, from memory, and the busy dialog shown while an export is made.

The preview reuses the document viewer's PdfPane: the bytes go into a QBuffer and nowhere
else, so no unencrypted copy lands in a temporary file before the user decides to save.
Printing (Ctrl+P) draws the same bytes from memory too.
"""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressDialog, QPushButton, QVBoxLayout

from phr.ui.app.desktop.printing import ask_and_print
from phr.ui.widgets.document_viewer import PREFERRED, PdfPane, fitted_size

translate = QCoreApplication.translate
__all__ = ["BusyDialog", "ExportPreview", "fitted_size"]  # the export dialog sizes itself with fitted_size too


class ExportPreview(QDialog):
    """Shows a built PDF; "Save…" hands the same bytes back to the export dialog to be written, "Print…" (Ctrl+P)
    prints them through Qt's print dialog. `printed_as` names the document for the printer (the title if None)."""

    save_requested = Signal(bytes)

    def __init__(self, title: str, data: bytes, note: str, parent=None, printed_as: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data = data
        self.printed_as = printed_as
        self.pane = PdfPane(data, self)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.save_button = QPushButton(translate("ExportDialog", "&Save…"))
        self.save_button.clicked.connect(lambda _checked: self.save_requested.emit(self.data))
        self.print_button = QPushButton(translate("Printing", "&Print…"))
        self.print_button.clicked.connect(lambda _checked: self.print_pdf())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self).activated.connect(self.print_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.pane.view.setFocus()  # the arrow keys scroll the pages at once
        self.finished.connect(lambda _result: self._let_go())  # closed in any way: drop the bytes
        self.resize(fitted_size(PREFERRED, parent or self))  # Save and Close stay on a 768-pixel screen

    def print_pdf(self) -> int:
        """Qt's print dialog for the previewed PDF; returns the pages printed (0 when cancelled or failed)."""
        if not self.data:
            return 0  # closed already: the bytes are gone
        return ask_and_print(self, self.data, self.printed_as or self.windowTitle())

    def _let_go(self) -> None:
        self.pane.release()
        self.data = b""


class BusyDialog(QProgressDialog):
    """A moving bar while an export is made; Cancel (or Escape) gives up waiting for it.

    Making a PDF cannot be interrupted half-way, so cancelling abandons the work: it finishes on
    its own thread and its result is dropped, never shown or written.
    """

    cancel_requested = Signal()

    def __init__(self, text: str, parent):
        super().__init__(text, translate("ExportDialog", "Cancel"), 0, 0, parent)  # 0..0: busy, no percentage
        self.setWindowTitle(translate("ExportDialog", "Export"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.disconnect()  # we close it ourselves, once
        self.canceled.connect(self.cancel_requested.emit)
        self.setValue(0)

    def reject(self) -> None:
        self.cancel_requested.emit()  # Escape is Cancel; the export dialog closes this one

    def closeEvent(self, event) -> None:
        event.ignore()
        self.cancel_requested.emit()

    def close_for_good(self) -> None:
        self.hide()
        self.deleteLater()
