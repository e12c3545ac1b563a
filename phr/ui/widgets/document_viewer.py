"""Shows a document from the record inside the app, from memory only.

The bytes go from the record into a QBuffer; QtPdf and QImage read them there. Nothing
is written to a temporary file or anywhere else: a loose copy would not be encrypted.
"""

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from phr.ui.text.formatting import fill
from phr.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate

ZOOM_STEP, MIN_ZOOM, MAX_ZOOM = 1.25, 0.1, 8.0
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


def _button(text: str, slot: Callable[[], None], keys: QKeySequence.StandardKey | str | None = None) -> QPushButton:
    button = QPushButton(text)  # the & mnemonic stays; `keys` is a second way in
    button.clicked.connect(slot)
    if keys is not None:
        QShortcut(QKeySequence(keys), button).activated.connect(slot)
    return button


class PdfPane(QWidget):
    """A PDF with page navigation and zoom. `document` holds it, read from an in-memory buffer."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setAccessibleName(translate("DocumentViewer", "Document"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._navigation())
        layout.addWidget(self.problem)
        layout.addWidget(self.view, 1)
        self._load()

    def _navigation(self) -> FlowLayout:
        """Page buttons, the page number and zoom in one row that wraps (six buttons are wider than a 1024-pixel
        screen at 200 % text)."""
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName(translate("DocumentViewer", "Page number"))
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda number: self.go_to_page(number - 1))
        self.page_count_label = QLabel()
        page_label = QLabel(translate("DocumentViewer", "Pa&ge:"))
        page_label.setBuddy(self.page_box)
        page = QWidget()  # label, number and count stay together on one line
        line = QHBoxLayout(page)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (page_label, self.page_box, self.page_count_label):
            line.addWidget(widget)
        row = FlowLayout()
        row.addWidget(_button(translate("DocumentViewer", "P&revious page"),
                              lambda: self.go_to_page(self.current_page() - 1), "PgUp"))
        row.addWidget(page)
        row.addWidget(_button(translate("DocumentViewer", "&Next page"),
                              lambda: self.go_to_page(self.current_page() + 1), "PgDown"))
        for button in _zoom_buttons(self.zoom_by, self.fit_width):
            row.addWidget(button)
        return row

    def _load(self) -> None:
        self.document.load(self._buffer)
        while self.document.error() == QPdfDocument.Error.IncorrectPassword:
            password, ok = QInputDialog.getText(
                self, translate("DocumentViewer", "PDF with a password"),
                translate("DocumentViewer", "This PDF is locked with a password. Type the password to read it:"),
                QLineEdit.EchoMode.Password)
            if not ok:
                break
            self.document.close()
            self.document.setPassword(password)
            self._buffer.seek(0)
            self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.problem.setText(translate("DocumentViewer", "Regie cannot show this PDF. It may be damaged or "
                                                             "locked with a password."))
            self.problem.show()
            return
        self.view.setDocument(self.document)
        self.page_box.setRange(1, max(1, self.document.pageCount()))
        self.page_count_label.setText(fill(translate("DocumentViewer", "of %1"), self.document.pageCount()))
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.document.pageCount() and page != self.current_page():
            navigator = self.view.pageNavigator()
            navigator.jump(page, QPointF(), navigator.currentZoom())

    def _show_page_number(self, page: int) -> None:
        self.page_box.blockSignals(True)  # the page was reached already: no jump back
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def zoom(self) -> float:
        """The scale the pages are shown at (1.0: actual size), also while they fit the width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return self.view.zoomFactor()
        margins = self.view.documentMargins()  # QPdfView does not report the scale it chose to fit
        page_width = self.document.pagePointSize(self.current_page()).width() * self.view.logicalDpiX() / 72
        return (self.view.viewport().width() - margins.left() - margins.right()) / max(1.0, page_width)

    def zoom_by(self, factor: float) -> None:
        zoom = min(max(self.zoom() * factor, MIN_ZOOM), MAX_ZOOM)

        def apply() -> None:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(zoom)

        self._keeping_place(apply)

    def fit_width(self) -> None:
        self._keeping_place(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

    def _keeping_place(self, change: Callable[[], None]) -> None:
        """Zooming makes the pages longer or shorter; keep the same part of the document in view."""
        bar = self.view.verticalScrollBar()
        place = bar.value() / max(1, bar.maximum() + bar.pageStep())
        change()
        bar.setValue(round(place * (bar.maximum() + bar.pageStep())))

    def release(self) -> None:
        self.document.close()  # the view keeps pointing at it, now empty (setDocument(None) makes Qt warn)
        self._buffer.close()
        self._buffer.setData(QByteArray())


class ImagePane(QWidget):
    """A PNG or JPEG in a scrollable label, with zoom. `image` holds it, decoded from memory."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage.fromData(QByteArray(data))
        self.zoom = 1.0
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(translate("DocumentViewer", "Document"))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.picture)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch()
        for button in _zoom_buttons(self.zoom_by, self.fit_width):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.scroll_area, 1)
        self._fitted = False
        if self.image.isNull():
            self.picture.setText(translate("DocumentViewer", "Regie cannot show this picture. It may be damaged."))
        else:
            self._show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted and self.image.width() > self.scroll_area.viewport().width():
            self.fit_width()  # a large scan starts readable as a whole, not at its top-left corner
        self._fitted = True

    def _show(self) -> None:
        size = self.image.size() * self.zoom
        self.picture.setPixmap(QPixmap.fromImage(self.image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def zoom_by(self, factor: float) -> None:
        if not self.image.isNull():
            self.zoom = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
            self._show()

    def fit_width(self) -> None:
        if not self.image.isNull():
            available = self.scroll_area.viewport().width() - 4
            self.zoom = min(max(available / max(1, self.image.width()), MIN_ZOOM), MAX_ZOOM)
            self._show()

    def release(self) -> None:
        self.picture.clear()
        self.image = QImage()


def _zoom_buttons(zoom_by: Callable[[float], None], fit_width: Callable[[], None]) -> list[QPushButton]:
    return [_button(translate("DocumentViewer", "Zoom &out"), lambda: zoom_by(1 / ZOOM_STEP),
                    QKeySequence.StandardKey.ZoomOut),
            _button(translate("DocumentViewer", "Zoom &in"), lambda: zoom_by(ZOOM_STEP), QKeySequence.StandardKey.ZoomIn),
            _button(translate("DocumentViewer", "&Fit width"), fit_width)]


class DocumentViewer(QDialog):
    """A window showing one document. Closing it drops the bytes it held."""

    def __init__(self, title: str, mime_type: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pane = PdfPane(data, self) if mime_type == "application/pdf" else ImagePane(data, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        # The arrow keys scroll at once.
        (self.pane.view if isinstance(self.pane, PdfPane) else self.pane.scroll_area).setFocus()
        self.finished.connect(lambda _result: self.pane.release())  # closed in any way: let go of the bytes
        self.resize(fitted_size(PREFERRED, parent or self))  # Close stays on a 768-pixel screen
