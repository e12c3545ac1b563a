"""Printing a PDF Regie made (the emergency card and letter, a visit brief, the recovery sheet) through Qt's
print dialog.

The PDF is drawn page by page from memory (QtPdf, as the preview shows it): no temporary file, as with the
preview. Pages print at their true size, so the wallet card comes out wallet-sized; only a page larger than
the paper (A4 on Letter) is scaled down to fit.
"""

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from phr.ui.text.formatting import fill

translate = QCoreApplication.translate
RENDER_DPI = 300  # sharp on paper; a page at the printer's 1200 dpi would take 140 MB of memory


class PrintError(Exception):
    """The printer could not be started (no printer, a file that cannot be written)."""


class PdfPages:
    """A PDF held in memory, ready to be drawn page by page."""

    def __init__(self, data: bytes) -> None:
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise PrintError("not a readable PDF")

    @property
    def count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())  # the health data goes with it


def print_pages(pdf: PdfPages, printer: QPrinter, pages: Sequence[int] | None = None) -> int:
    """Draw `pages` (0-based; all when None) on `printer`; returns the number of pages printed."""
    chosen = list(range(pdf.count) if pages is None else pages)
    printer.setFullPage(True)  # the PDF has its own margins: draw on the whole sheet
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer could not be started")
    try:
        for number, index in enumerate(chosen):
            if number:
                printer.newPage()
            _draw_page(painter, printer, pdf.document, index)
    finally:
        painter.end()
    return len(chosen)


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int) -> None:
    paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
    points = document.pagePointSize(index)
    size = QSizeF(points.width() * printer.resolution() / 72, points.height() * printer.resolution() / 72)
    if size.width() > paper.width() or size.height() > paper.height():
        size = size.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(paper.x() + (paper.width() - size.width()) / 2, paper.y() + (paper.height() - size.height()) / 2,
                    size.width(), size.height())
    dpi = min(printer.resolution(), RENDER_DPI)
    image = document.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
    painter.drawImage(target, image)


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages the print dialog asked for (0-based), in the order it asked for them, with the copies
    a printer that cannot make copies itself needs."""
    pages = list(range(count))
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = list(range(printer.fromPage() - 1, min(printer.toPage(), count)))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def ask_and_print(parent: QWidget | None, data: bytes, title: str) -> int:
    """Qt's print dialog for this PDF, then print it; returns the pages printed (0 when cancelled).
    A failure is said in a message box."""
    try:
        pdf = PdfPages(data)
    except PrintError:
        _say_failed(parent)
        return 0
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setFromTo(1, pdf.count)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(fill(translate("Printing", "Print – %1"), title))
        dialog.setMinMax(1, pdf.count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return _print_now(parent, pdf, printer)
    finally:
        pdf.close()


def _print_now(parent: QWidget | None, pdf: PdfPages, printer: QPrinter) -> int:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return print_pages(pdf, printer, chosen_pages(printer, pdf.count))
    except PrintError:
        pass
    finally:
        QApplication.restoreOverrideCursor()
    _say_failed(parent)  # after the wait cursor is gone
    return 0


def _say_failed(parent: QWidget | None) -> None:
    QMessageBox.warning(parent, translate("Printing", "Print"), translate(
        "Printing", "Regie could not print. Check that the printer is on and connected, then try again."))
