"""Every previewed export prints (Print…, Ctrl+P) through Qt's print dialog, the recovery sheet included."""

import io
import re
from datetime import datetime

import pytest
from conftest import SAMPLE_TODAY
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel

from phr.export.options import ExportOptions
from phr.export.pdf import documents as export_pdf
from phr.ui.app.i18n import install_translators
from phr.ui.export.preview import ExportPreview
from phr.ui.security.recovery_sheet import show_recovery_sheet

NOW = datetime.combine(SAMPLE_TODAY, datetime.min.time()).replace(hour=10)
CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345"
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


@pytest.fixture(scope="module")
def emergency_pdf(sample_services):
    return export_pdf.build_pdf(sample_services, ExportOptions(kind="emergency", language="en", now=NOW))


@pytest.fixture
def print_to_file(monkeypatch, tmp_path):
    """Qt's print dialog, answered as 'Print to file' would be; what it was asked is kept."""
    asked = []

    def accept(dialog):
        asked.append((dialog.windowTitle(), dialog.printer().docName()))
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return asked, tmp_path / "printed.pdf"


def opened(qtbot, preview: ExportPreview) -> ExportPreview:
    qtbot.addWidget(preview)
    with qtbot.waitActive(preview):  # a shortcut works in the active window
        preview.show()
        preview.activateWindow()
    return preview


def test_print_prints_every_page_of_the_preview(qtbot, emergency_pdf, print_to_file):
    asked, printed = print_to_file
    preview = opened(qtbot, ExportPreview("Preview – Emergency card", emergency_pdf, "", printed_as="Emergency card"))
    preview.print_button.click()
    assert asked == [("Print – Emergency card", "Emergency card")]
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(emergency_pdf)).pages) >= 3


def test_ctrl_p_prints_too_and_the_title_names_it_when_no_name_is_given(qtbot, emergency_pdf, print_to_file):
    asked, printed = print_to_file
    preview = opened(qtbot, ExportPreview("Preview – Emergency card", emergency_pdf, ""))
    qtbot.keyClick(preview.pane.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("Print – Preview – Emergency card", "Preview – Emergency card")]
    assert printed.exists()


def test_a_closed_preview_prints_nothing(qtbot, emergency_pdf, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: pytest.fail("asked to print"))
    preview = opened(qtbot, ExportPreview("Preview", emergency_pdf, ""))
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # kept to be asked once more
    preview.close()
    assert preview.data == b"" and preview.print_pdf() == 0


def test_the_recovery_sheet_prints_from_its_preview(qtbot, session, print_to_file):
    asked, printed = print_to_file
    preview = opened(qtbot, show_recovery_sheet(None, CODE, session.folder, "Joke Bakker", "en"))
    qtbot.keyClick(preview.pane.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("Print – Recovery sheet", "Recovery sheet")]
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(preview.data)).pages) >= 1


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_alt_letter_of_the_preview_is_used_once(qtbot, qapp, emergency_pdf, language):
    before = QLocale()
    translators = install_translators(qapp, language)
    try:
        preview = opened(qtbot, ExportPreview("Preview", emergency_pdf, ""))
        texts = [w.text() for w in preview.findChildren(QAbstractButton) if w.isVisible()]
        texts += [w.text() for w in preview.findChildren(QLabel) if w.buddy() is not None]
        letters = [m.group(1).lower() for text in texts if (m := MNEMONIC.search(text))]
        assert len(letters) == len(set(letters)) >= 7, texts
        assert preview.print_button.text() == {"en": "&Print…", "nl": "Af&drukken…"}[language]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
        QApplication.processEvents()
