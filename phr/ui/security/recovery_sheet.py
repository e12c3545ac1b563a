"""The recovery sheet, offered where a recovery code is shown: preview from memory, then print or save.

The sheet holds the code that opens the record, so it is shown from memory (no temp file)
and a saved copy gets a plain warning: print it, and do not keep the file on this computer.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from phr.export.pdf import documents as export_pdf
from phr.export.pdf.recovery.sheet import build_recovery_sheet
from phr.ui.export.preview import ExportPreview
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate


def show_recovery_sheet(parent: QWidget | None, code: str, folder: Path, person_name: str,
                        language: str) -> ExportPreview:
    data = build_recovery_sheet(code, folder, person_name, language)
    note = translate("RecoverySheet", "Print this sheet and keep it on paper. If you save it as a file, do not keep "
                                      "that file on this computer: anyone who has it can open your record.")
    preview = ExportPreview(translate("RecoverySheet", "Recovery sheet"), data, note, parent)
    preview.save_requested.connect(lambda pdf: save_recovery_sheet(preview, pdf, folder))
    preview.show()
    return preview


def save_recovery_sheet(parent: QWidget | None, data: bytes, folder: Path) -> Path | None:
    proposed = str(Path.home() / translate("RecoverySheet", "recovery-sheet.pdf"))
    chosen, _filter = QFileDialog.getSaveFileName(parent, translate("RecoverySheet", "Save the recovery sheet"),
                                                  proposed, translate("RecoverySheet", "PDF files (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".pdf")
    if path.parent.resolve() == Path(folder).resolve():
        QMessageBox.warning(parent, translate("RecoverySheet", "Recovery sheet"), translate(
            "RecoverySheet", "Not next to the record: whoever finds the record would find its key too. "
                             "Choose another place, such as a USB stick you keep elsewhere."))
        return None
    try:
        export_pdf.save(path, data)
    except OSError as error:
        QMessageBox.warning(parent, translate("RecoverySheet", "Recovery sheet"), error_message(error))
        return None
    QMessageBox.information(parent, translate("RecoverySheet", "Recovery sheet"), fill(translate(
        "RecoverySheet", "Saved as %1. Print it, then keep the paper safe and the file away from this computer."),
        path))
    return path
