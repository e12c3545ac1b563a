"""Printing the PDFs Regie makes through Qt's print dialog: each page drawn at its true size, from memory."""

import io
from datetime import datetime

import pytest
from conftest import SAMPLE_TODAY
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from phr.export.options import ExportOptions
from phr.export.pdf import documents as export_pdf
from phr.ui.app.desktop import print_dialog, printing
from phr.ui.app.desktop.printing import PdfPages, PrintError, ask_and_print, chosen_pages, print_pages

NOW = datetime.combine(SAMPLE_TODAY, datetime.min.time()).replace(hour=10)


@pytest.fixture(scope="module")
def emergency_pdf(sample_services):
    return export_pdf.build_pdf(sample_services, ExportOptions(kind="emergency", language="en", now=NOW))


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_every_page_is_printed_at_its_true_size(qapp, emergency_pdf, tmp_path):
    pdf = PdfPages(emergency_pdf)
    expected = len(PdfReader(io.BytesIO(emergency_pdf)).pages)
    assert pdf.count == expected >= 3  # the card, then the letter
    assert print_pages(pdf, pdf_printer(tmp_path / "printed.pdf")) == expected
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == expected
    width, height = float(printed.pages[0].mediabox.width), float(printed.pages[0].mediabox.height)
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4 on A4: not scaled, the card stays wallet-sized
    pdf.close()


def test_only_the_chosen_pages_in_the_chosen_order(qapp, emergency_pdf, tmp_path):
    printer = pdf_printer(tmp_path / "two.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert chosen_pages(printer, 5) == [1, 2]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert chosen_pages(printer, 5) == [2, 1]
    pdf = PdfPages(emergency_pdf)
    assert print_pages(pdf, printer, chosen_pages(printer, pdf.count)) == 2
    assert len(PdfReader(tmp_path / "two.pdf").pages) == 2


def test_copies_a_printer_cannot_make_itself_are_printed_as_pages(qapp, tmp_path):
    printer = pdf_printer(tmp_path / "x.pdf")
    printer.setCopyCount(2)
    if printer.supportsMultipleCopies():
        assert chosen_pages(printer, 3) == [0, 1, 2]
    else:
        printer.setCollateCopies(True)
        assert chosen_pages(printer, 3) == [0, 1, 2, 0, 1, 2]
        printer.setCollateCopies(False)
        assert chosen_pages(printer, 3) == [0, 0, 1, 1, 2, 2]


def test_not_a_pdf_is_refused():
    with pytest.raises(PrintError):
        PdfPages(b"not a pdf")


def test_the_print_dialog_prints_what_it_was_given(qapp, emergency_pdf, tmp_path, monkeypatch):
    seen = []

    def accept(dialog):
        seen.append((dialog.windowTitle(), dialog.printer().docName(), dialog.printer().toPage()))
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # as "Print to file" would
        dialog.printer().setOutputFileName(str(tmp_path / "chosen.pdf"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    count = len(PdfReader(io.BytesIO(emergency_pdf)).pages)
    assert ask_and_print(None, emergency_pdf, "Emergency card") == count
    assert seen == [("Print – Emergency card", "Emergency card", count)]
    assert len(PdfReader(tmp_path / "chosen.pdf").pages) == count


def test_cancelling_the_print_dialog_prints_nothing(qapp, emergency_pdf, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(printing, "print_pages", lambda *args: pytest.fail("printed"))
    assert ask_and_print(None, emergency_pdf, "Emergency card") == 0


def test_ctrl_p_makes_the_chosen_document_and_prints_it(qtbot, sample_services, monkeypatch):
    from phr.ui.app.main_window import MainWindow

    printed = []
    monkeypatch.setattr(print_dialog, "ask_and_print", lambda parent, data, title: printed.append((data, title)) or 2)
    opened = []
    window = MainWindow(sample_services)
    qtbot.addWidget(window)

    def choose(dialog):
        opened.append(dialog)
        assert dialog.appointment.isHidden()  # only the visit brief is for an appointment
        dialog.kind.setCurrentIndex(dialog.kind.findData("visit"))
        assert not dialog.appointment.isHidden() and dialog.appointment.currentData() is not None
        with qtbot.waitSignal(dialog.built, timeout=20000):
            dialog.print_button.click()
        return dialog.result()

    monkeypatch.setattr(print_dialog.PrintChoiceDialog, "exec", choose)
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    window.print_action.trigger()
    [(data, title)] = printed
    assert data.startswith(b"%PDF") and title == "Brief for a visit, with your questions"
    assert opened[0].result() == QDialog.DialogCode.Accepted  # printed: the choice closes
    assert opened[0].options().appointment_id == opened[0].appointment.currentData()
    window.close_for_lock()
