"""Importing a health summary in the app: a FHIR file from a hospital, a GP or a health app (issue 15).

The same reader as `phr import` (phr.formats.fhir.read.bundle), on a pool thread with its own connection,
in one transaction: a file that cannot be read changes nothing. A file about another person stops with a
question, as `--other-person` does on the command line; the default answer is No. Afterwards a summary
says per part of the record what was added and what the record held already; what was left out, and why,
is in the details (the reader's own words, in English).
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from phr.core.entries import Change
from phr.core.vocabulary import ChangeKind, Section
from phr.record.services import RecordServices
from phr.ui.app.background import BackgroundTask, run_in_background
from phr.ui.app.record_actions import record_session
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message
from phr.ui.text.vocabulary import label

if TYPE_CHECKING:  # the reader (fhir.resources, lxml: ~0.17 s) is loaded when an import starts, not with the window
    from phr.formats.fhir.read.bundle import FhirImportSummary

translate = QCoreApplication.translate
# A health summary is kilobytes to a few megabytes; a payer's $everything download can be tens of megabytes.
MAX_BYTES = 200 * 1024 * 1024
# Every part of the record a FHIR file can add to: their pages refresh after an import.
SECTIONS = (Section.PERSON, Section.CARE_TEAM, Section.DIAGNOSES, Section.CARE_PLAN, Section.MEDICATIONS,
            Section.VACCINATIONS, Section.PROCEDURES, Section.MONITORING)


def summary_sections() -> dict[str, str]:
    """The summary's part names (as the reader counts them) in the app's words."""
    return {"contacts": label(Section.CARE_TEAM), "diagnoses": label(Section.DIAGNOSES),
            "medications": label(Section.MEDICATIONS), "goals": label(Section.CARE_PLAN),
            "vaccinations": label(Section.VACCINATIONS), "procedures": label(Section.PROCEDURES),
            "allergies": translate("FhirImport", "Allergies"), "readings": label(Section.MONITORING),
            "results": translate("FhirImport", "Lab results"),
            "alerts": translate("FhirImport", "Warnings for emergencies"),
            "emergency_notes": translate("FhirImport", "Lines of the emergency notes")}


def summary_text(summary: "FhirImportSummary", file_name: str) -> str:
    """What the import added, per part of the record, in plain words."""
    names = summary_sections()
    lines = [fill(translate("FhirImport", "From %1:"), file_name)]
    for part in sorted(set(summary.added) | set(summary.already_present), key=lambda p: names.get(p, p)):
        already = summary.already_present.get(part, 0)
        lines.append(fill(translate("FhirImport", "%1: %2 added, %n already in your record", "", already),
                          names.get(part, part), str(summary.added.get(part, 0))))
    if summary.person_filled:
        lines.append(translate("FhirImport", "About me: details that were empty are filled in."))
    left_out = len(summary.skipped) + sum(summary.unsupported.values()) + sum(summary.left_out.values())
    if left_out:
        lines.append(fill(translate("FhirImport", "%1 parts of the file were not added. “Show Details” says which, "
                                                  "and why."), str(left_out)))
    return "\n".join(lines)


def details_text(summary: "FhirImportSummary") -> str:
    """Everything the import did and did not take, with why (the reader's words, as `phr import` prints them)."""
    from phr.formats.fhir.read.summary import summary_lines

    return "\n".join(([f"read: {summary.about}"] if summary.about else []) + summary_lines(summary))


class FhirImport:
    """One import, from choosing the file to the summary. Keeps the pool task alive while it runs."""

    def __init__(self, parent: QWidget, services: RecordServices, announce: Callable[[Change], None]) -> None:
        self._parent = parent
        self._services = services
        self._announce = announce
        self._tasks: list[BackgroundTask] = []
        self._busy: QProgressDialog | None = None
        self.summary: "FhirImportSummary | None" = None

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, translate("FhirImport", "Import a health summary (FHIR file)"), "",
            translate("FhirImport", "FHIR files (*.json *.xml *.ndjson);;All files (*)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        try:
            if not path.is_file():  # a device such as /dev/zero has size 0 and never ends; a pipe neither
                self._tell(translate("FhirImport", "This is not a file Regie can read (it is a device, a pipe or a "
                                                   "folder). Nothing was added."))
                return
            if path.stat().st_size > MAX_BYTES:
                self._tell(translate("FhirImport", "This file is too large to be a health summary. Nothing was added."))
                return
            data = path.read_bytes()
        except OSError:
            self._tell(translate("FhirImport", "Regie could not read this file. Nothing was added."))
            return
        self.start(data, path.name, other_person=False)

    def start(self, data: bytes, file_name: str, other_person: bool) -> None:
        session = record_session(self._services)

        def work() -> "FhirImportSummary":
            from phr.formats.fhir.read.bundle import import_bundle

            second = session.second_session()  # the pages keep reading the record meanwhile
            try:
                return import_bundle(RecordServices(second), data, file_name, other_person=other_person)
            finally:
                second.lock()

        self._show_busy()
        run_in_background(work, lambda summary: self._imported(summary, file_name),
                          lambda error: self._failed(error, data, file_name), self._tasks)

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def _show_busy(self) -> None:
        busy = QProgressDialog(translate("FhirImport", "Importing the health summary…"), "", 0, 0, self._parent)
        busy.setWindowTitle(translate("FhirImport", "Import a health summary"))
        busy.setCancelButton(None)  # one short transaction: it finishes or changes nothing
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()
        self._busy = busy

    def _hide_busy(self) -> None:
        if self._busy is not None:
            self._busy.hide()
            self._busy.deleteLater()
            self._busy = None

    def _imported(self, summary: "FhirImportSummary", file_name: str) -> None:
        self._hide_busy()
        self.summary = summary
        for section in SECTIONS:
            self._announce(Change(section, ChangeKind.ADDED, 0))
        box = QMessageBox(QMessageBox.Icon.Information, translate("FhirImport", "Health summary imported"),
                          summary_text(summary, file_name), QMessageBox.StandardButton.Ok, self._parent)
        details = details_text(summary)
        if details:
            box.setDetailedText(details)
        box.exec()
        box.deleteLater()

    def _failed(self, error: Exception, data: bytes, file_name: str) -> None:
        from phr.formats.fhir.read.bundle import InvalidFhirImport, OtherPersonFile

        self._hide_busy()
        if isinstance(error, OtherPersonFile):
            if self._ask_other_person():
                self.start(data, file_name, other_person=True)
            return
        if isinstance(error, InvalidFhirImport):
            box = QMessageBox(QMessageBox.Icon.Warning, translate("FhirImport", "Import a health summary"),
                              translate("FhirImport", "Regie cannot import this file. Nothing was added."),
                              QMessageBox.StandardButton.Ok, self._parent)
            box.setDetailedText(str(error))
            box.exec()
            box.deleteLater()
            return
        self._tell(error_message(error))

    def _ask_other_person(self) -> bool:
        answer = QMessageBox.question(
            self._parent, translate("FhirImport", "Is this your file?"),
            translate("FhirImport", "The name or birth date in this file is not the same as in this record. It may "
                                    "be about another person. Nothing was added.\n\nDo you want to add it to this "
                                    "record all the same?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _tell(self, message: str) -> None:
        QMessageBox.warning(self._parent, translate("FhirImport", "Import a health summary"), message)


def open_fhir_import(parent: QWidget, services: RecordServices, announce: Callable[[Change], None]) -> FhirImport:
    """Ask for a file and import it; the returned object lives while the import runs (the caller keeps it)."""
    importer = FhirImport(parent, services, announce)
    importer.choose_and_import()
    return importer
