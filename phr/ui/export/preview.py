"""The preview of an export PDF, from memory, and the busy dialog shown while an export is made.

The preview reuses the document viewer's PdfPane: the bytes go into a QBuffer and nowhere
else, so no unencrypted copy lands in a temporary file before the user decides to save.
"""

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressDialog, QPushButton, QVBoxLayout, QWidget

from phr.ui.widgets.document_viewer import PdfPane

translate = QCoreApplication.translate
PREFERRED = QSize(820, 900)  # a page and a half of A4 at a readable size
SCREEN_SHARE = 0.9           # of the free screen: room for the window's frame and title bar, and the taskbar


def fitted_size(preferred: QSize, widget: QWidget) -> QSize:
    """`preferred`, made smaller where the screen the widget is on (or will open on) has less room."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return preferred
    room = screen.availableGeometry().size()
    return QSize(min(preferred.width(), int(room.width() * SCREEN_SHARE)),
                 min(preferred.height(), int(room.height() * SCREEN_SHARE)))


class ExportPreview(QDialog):
    """Shows a built PDF; "Save…" hands the same bytes back to the export dialog to be written."""

    save_requested = Signal(bytes)

    def __init__(self, title: str, data: bytes, note: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data = data
        self.pane = PdfPane(data, self)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.save_button = QPushButton(translate("ExportDialog", "&Save…"))
        self.save_button.clicked.connect(lambda _checked: self.save_requested.emit(self.data))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.pane.view.setFocus()  # the arrow keys scroll the pages at once
        self.finished.connect(lambda _result: self._let_go())  # closed in any way: drop the bytes
        self.resize(fitted_size(PREFERRED, parent or self))  # Save and Close stay on a 768-pixel screen

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
