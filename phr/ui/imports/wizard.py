"""The device import wizard: choose a file, map its columns when Regie does not know it, see the summary.

The import itself runs on a pool thread behind a progress dialog with Cancel; a cancelled or
failed import changes nothing (it is one transaction). The worker only writes a number and
reads a flag, so no widget is touched off the GUI thread.
"""

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWizard

from phr.core.entries import Change
from phr.core.vocabulary import ChangeKind, Section
from phr.imports.device_import import DateOrderUnknown, DeviceImportSummary, NoReadings, NotADeviceFile, import_file
from phr.monitoring.import_mappings import Mapping
from phr.monitoring.readings import ImportCancelled
from phr.record.services import RecordServices
from phr.ui.app.background import run_in_background
from phr.ui.imports.file_kind import damaged_utf8
from phr.ui.imports.pages import FilePage, MappingPage, SummaryPage, format_label, reason_label
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate
FILE, MAPPING, SUMMARY = range(3)


class _Progress:
    """Shared between the worker (writes `fraction`, reads `cancelled`) and the GUI thread."""

    def __init__(self):
        self.fraction = 0.0
        self.cancelled = False

    def report(self, fraction: float) -> bool:
        self.fraction = fraction
        return not self.cancelled


class ImportWizard(QWizard):
    imported = Signal(object)  # DeviceImportSummary, after readings were stored

    def __init__(self, services, language: str, parent=None):
        super().__init__(parent)
        self.services = services
        self._tasks: list = []
        self.summary: DeviceImportSummary | None = None
        self.setWindowTitle(translate("ImportWizard", "Import readings from a device"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setMinimumSize(680, 520)
        measures = services.measures.self_measured()
        self.file_page = FilePage(measures, language)
        self.mapping_page = MappingPage(measures, language, services.mappings.all())
        self.summary_page = SummaryPage()
        for number, page in ((FILE, self.file_page), (MAPPING, self.mapping_page), (SUMMARY, self.summary_page)):
            self.setPage(number, page)

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def nextId(self) -> int:
        if self.currentId() == FILE:
            return MAPPING if self.file_page.needs_mapping() else SUMMARY
        return SUMMARY if self.currentId() == MAPPING else -1

    def initializePage(self, number: int) -> None:
        found = self.file_page.file_preview()
        if number == MAPPING and found is not None:
            self.mapping_page.show_preview(found)
        super().initializePage(number)

    def validateCurrentPage(self) -> bool:
        """Leaving the file or mapping page starts the import; the summary page follows when it is done."""
        if self.is_busy:  # never a second import on the same record while one runs
            return False
        if self.nextId() != SUMMARY or self.summary is not None:
            return super().validateCurrentPage()
        self._start_import()
        return False

    def _start_import(self) -> None:
        page = self.file_page
        mapping = self.mapping_page.mapping() if self.currentId() == MAPPING else None
        measure = page.measure.currentData() if page.chosen_format() == "csv" and mapping is None else None
        data, name, format, method = page.data, page.file_name(), page.chosen_format(), page.chosen_method()
        zone, date_order = page.chosen_zone(), page.chosen_date_order()
        if data is None:  # cannot happen: Next is off until a file has been read
            return
        progress = _Progress()
        dialog = self._progress_dialog(progress)

        def work() -> DeviceImportSummary:
            # Its own connection: the pages keep reading the record meanwhile (a resize redraws the
            # chart) and see only what is committed, never half an import.
            second = self.services.session.second_session()
            try:
                return import_file(RecordServices(second), data, name, format, measure, mapping, progress.report,
                                   method=method, zone=zone, date_order=date_order)
            finally:
                second.lock()

        def finished(outcome, succeeded: bool) -> None:
            dialog.close_for_good()
            if succeeded:
                self._on_imported(outcome, mapping)
            else:
                self._on_failed(outcome, format)
        run_in_background(work, lambda summary: finished(summary, True), lambda error: finished(error, False),
                          self._tasks)

    def _progress_dialog(self, progress: _Progress) -> "_ImportProgress":
        dialog = _ImportProgress(progress, self)
        dialog.show()
        return dialog

    def _on_imported(self, summary: DeviceImportSummary, mapping: Mapping | None) -> None:
        name = self.mapping_page.save_as.text().strip()
        if mapping is not None and name:
            self.services.mappings.save(name, mapping)
        self.summary = summary
        self.summary_page.show_summary(summary, self.file_page.file_name())
        self.imported.emit(summary)
        self.next()

    def _on_failed(self, error: Exception, format: str) -> None:
        if isinstance(error, ImportCancelled):
            message = translate("ImportWizard", "The import was cancelled. Nothing was added to your record.")
        elif isinstance(error, DateOrderUnknown):
            self.file_page.ask_date_order(True)
            message = translate("ImportWizard", "No day in this file is above 12, so its dates can be read two ways. "
                                                "Choose on the first page whether the day or the month comes first. "
                                                "Nothing was added.")
        elif isinstance(error, NoReadings):
            message = no_readings_message(error)
        elif isinstance(error, NotADeviceFile) and error.damaged_line:
            message = damaged_utf8(error.damaged_line)
        elif isinstance(error, NotADeviceFile):
            message = fill(translate("ImportWizard", "Regie cannot read this file as “%1”. Check the kind of file, "
                                                     "or choose “Another CSV file”. Nothing was added."),
                           format_label(format))
        else:
            message = error_message(error)
        QMessageBox.warning(self, translate("ImportWizard", "Import readings"), message)

    def reject(self) -> None:
        if not self.is_busy:  # an import is running; its own Cancel stops it
            super().reject()


def no_readings_message(error: NoReadings) -> str:
    """A file of a known kind without a single reading: what it held instead, in the app's words."""
    if not error.rows:
        return fill(translate("ImportWizard", "“%1” (%2) holds no rows after its header. Nothing was added."),
                    error.file_name, format_label(error.format))
    reasons = "; ".join(f"{count} × {reason_label(reason)}" for reason, count in error.skipped.items())
    return fill(translate("ImportWizard", "“%1” (%2) holds no readings. Of its %n rows: %3. Nothing was added.", "",
                          error.rows), error.file_name, format_label(error.format), reasons)


class _ImportProgress(QProgressDialog):
    """Shows the worker's progress; Cancel asks the worker to stop (it rolls back)."""

    def __init__(self, progress: _Progress, parent):
        super().__init__(translate("ImportWizard", "Importing readings…"), translate("ImportWizard", "Cancel"),
                         0, 1000, parent)
        self.setWindowTitle(translate("ImportWizard", "Import readings"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._progress = progress
        self.canceled.disconnect()  # keep the dialog open until the worker has rolled back
        self.canceled.connect(self._ask_to_stop)
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self.setValue(int(progress.fraction * 1000)))
        self._timer.start(100)

    def _ask_to_stop(self) -> None:
        self._progress.cancelled = True
        self.setLabelText(translate("ImportWizard", "Stopping; nothing will be added…"))

    def reject(self) -> None:
        """Escape is Cancel too, and the dialog stays until the worker has rolled back (a hidden dialog
        would free the wizard behind it while the import still runs)."""
        self._ask_to_stop()

    def closeEvent(self, event) -> None:
        event.ignore()
        self._ask_to_stop()

    def close_for_good(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


def open_import_wizard(parent, services, language: str, events=None) -> "ImportWizard":
    """Open the wizard over `parent`; a finished import is announced on `events` so pages refresh."""
    wizard = ImportWizard(services, language, parent)
    if events is not None:
        wizard.imported.connect(lambda _summary: events.changed.emit(Change(Section.MONITORING, ChangeKind.ADDED, 0)))
    wizard.exec()
    wizard.deleteLater()
    return wizard
