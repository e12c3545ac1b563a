"""The recovery sheet is offered on the wizard's recovery-code page: preview from memory, save with care."""

import io
import os
import stat

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard
from test_ui_shell import controller, create_through_wizard, settings_path  # noqa: F401 (fixtures)


def reach_code_page(qtbot, controller, folder):
    wizard = create_through_wizard(qtbot, controller, folder)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=10000)
    return wizard


def test_the_sheet_shows_the_code_and_is_saved_privately_but_not_beside_the_record(
        qtbot, controller, tmp_path, monkeypatch, private_tempdir):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(("info", args[2])))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(("warning", args[2])))
    folder = tmp_path / "anna.regie"
    wizard = reach_code_page(qtbot, controller, folder)
    page = wizard.code_page
    qtbot.mouseClick(page.sheet_button, Qt.MouseButton.LeftButton)
    sheet = page.sheet
    text = PdfReader(io.BytesIO(sheet.data)).pages[0].extract_text()
    unwrapped = "".join(text.split())  # a long folder path wraps onto a second line
    assert page.code.text() in text and str(folder) in unwrapped

    beside = folder / "herstelblad.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(beside), ""))
    qtbot.mouseClick(sheet.save_button, Qt.MouseButton.LeftButton)
    assert not beside.exists() and said[-1][0] == "warning"

    elsewhere = tmp_path / "usb" / "herstelblad"
    elsewhere.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(elsewhere), ""))
    qtbot.mouseClick(sheet.save_button, Qt.MouseButton.LeftButton)
    saved = elsewhere.with_suffix(".pdf")
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600 and said[-1][0] == "info"
    assert page.code.text() in PdfReader(saved).pages[0].extract_text()
    assert list(private_tempdir.iterdir()) == []  # never via a temp file
    sheet.close()
    page.confirm.setChecked(True)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.session is not None)
