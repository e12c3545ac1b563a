"""Record → Print… (Ctrl+P): choose the emergency card and letter, a visit brief or the overview, then Qt's
print dialog. The PDF is made off the GUI thread, as an export is, and printed from memory."""

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.export.options import ExportKind, ExportOptions
from phr.export.pdf import documents as export_pdf
from phr.record.services import RecordServices
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.app.desktop.printing import ask_and_print
from phr.ui.app.record_actions import record_session
from phr.ui.export import parts
from phr.ui.export.dialog import LANGUAGE_NAMES
from phr.ui.export.preview import BusyDialog
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate


def kind_labels() -> list[tuple[str, str]]:
    return [(ExportKind.EMERGENCY, translate("Printing", "Emergency card and emergency letter")),
            (ExportKind.VISIT, translate("Printing", "Brief for a visit, with your questions")),
            (ExportKind.OVERVIEW, translate("Printing", "Overview of your care"))]


class PrintChoiceDialog(QDialog):
    built = Signal(bytes)  # the PDF to print, made; tests listen here instead of printing

    def __init__(self, services: RecordServices, language: str, parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.now = now or datetime.now().replace(microsecond=0)
        self._tasks: list[BackgroundTask] = []
        self.busy: BusyDialog | None = None
        self.setWindowTitle(translate("Printing", "Print"))
        self._build(language)
        self.built.connect(self._print)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self._kind_changed()
        self.kind.setFocus()

    def _build(self, language: str) -> None:
        self.kind = QComboBox()
        for key, text in kind_labels():
            self.kind.addItem(text, str(key))
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.appointment = QComboBox()
        self.appointment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.appointment.setMinimumContentsLength(36)
        parts.fill_appointments(self.appointment, parts.appointment_choices(self.services, self.now))
        self.form = QFormLayout()
        for text, widget in ((translate("Printing", "&What to print:"), self.kind),
                             (translate("Printing", "&Language:"), self.language),
                             (translate("Printing", "For the &appointment:"), self.appointment)):
            self.form.addRow(parts.buddy(text, widget), widget)
        self.print_button = QPushButton(translate("Printing", "&Print…"))
        self.print_button.clicked.connect(lambda _checked: self.make())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)  # only once in the box: a default added makes the box Tab past Cancel
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        self.form.setRowVisible(self.appointment, self.kind.currentData() == ExportKind.VISIT)

    def options(self) -> ExportOptions:
        kind = self.kind.currentData()
        return ExportOptions(kind=kind, language=self.language.currentData(), now=self.now,
                             appointment_id=self.appointment.currentData() if kind == ExportKind.VISIT else None)

    def make(self) -> None:
        """Make the PDF on a pool thread (over its own connection), behind a busy dialog with Cancel."""
        if self._tasks:
            return
        options, session = self.options(), record_session(self.services)

        def work() -> bytes:
            second = session.second_session()
            try:
                return export_pdf.build_pdf(RecordServices(second), options)
            finally:
                second.lock()

        self.busy = BusyDialog(translate("Printing", "Making the pages…"), self)
        self.busy.cancel_requested.connect(self._cancel)
        run_in_background(work, self._made, self._failed, self._tasks)
        self.busy.show()

    def _done_waiting(self) -> None:
        if self.busy is not None:
            self.busy.close_for_good()
            self.busy = None

    def _made(self, data: bytes) -> None:
        self._done_waiting()
        self.built.emit(data)

    def _print(self, data: bytes) -> None:
        if ask_and_print(self, data, self.kind.currentText()):
            self.accept()

    def _failed(self, error: Exception) -> None:
        self._done_waiting()
        text = error_message(error) if isinstance(error, OSError) else translate(
            "Printing", "Regie could not make these pages. Nothing was printed.")
        QMessageBox.warning(self, translate("Printing", "Print"), text)

    def _cancel(self) -> None:
        abandon_all(self._tasks)  # the PDF is made to the end on its thread and then dropped
        self._tasks.clear()
        self._done_waiting()

    def done(self, result: int) -> None:
        self._cancel()
        super().done(result)


def open_print_dialog(parent: QWidget | None, services: RecordServices, language: str) -> PrintChoiceDialog:
    dialog = PrintChoiceDialog(services, language, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog
