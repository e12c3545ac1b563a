"""Importing Regie's own JSON file in the app (issue 20): a record exported elsewhere, or a lifetime of entries.

The same reader as `phr import FILE` (phr.formats.native.read), on a pool thread with its own connection, in one
transaction: a file that cannot be read, or an import stopped with Cancel, changes nothing. A file of 100,000
entries, or a lifetime's readings, takes tens of seconds or minutes, so a progress bar says how far it is (the
reader tells it between its batches of entries and of reading rows, while it checks them and while it writes them).
The file is read from its path, in passes: a lifetime's readings are never held at once. Afterwards a message says
how many entries were added and how many the record held already.
"""

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from phr.core.entries import Change
from phr.core.vocabulary import ChangeKind, Section
from phr.record.services import RecordServices
from phr.ui.app.background import BackgroundTask, run_in_background
from phr.ui.app.record_actions import record_session
from phr.ui.text.formatting import fill
from phr.ui.text.messages import error_message

if TYPE_CHECKING:
    from phr.formats.native.read import ImportSummary

translate = QCoreApplication.translate
STEPS = 1000  # the progress bar's range: the share of the file's entries written, in thousandths


class ImportStopped(Exception):
    """Cancel was pressed: raised inside the import's transaction, which rolls back."""


class _Progress:
    """What the worker has done, read by the GUI's timer; `cancelled` is set by the GUI and read by the worker."""

    def __init__(self) -> None:
        self.fraction = 0.0
        self._cancelled = threading.Event()

    def tell(self, done: int, total: int) -> None:
        """The reader's progress callback, on the worker thread."""
        if self._cancelled.is_set():
            raise ImportStopped()
        self.fraction = done / total if total else 1.0

    def cancel(self) -> None:
        self._cancelled.set()


class _ImportProgress(QProgressDialog):
    """The progress bar; Cancel asks the worker to stop, and the dialog stays until it has rolled back."""

    def __init__(self, progress: _Progress, parent: QWidget) -> None:
        super().__init__(translate("NativeImport", "Importing the Regie file…"), translate("NativeImport", "Cancel"),
                         0, STEPS, parent)
        self.setWindowTitle(translate("NativeImport", "Import a Regie file"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._progress = progress
        self.canceled.disconnect()
        self.canceled.connect(self._ask_to_stop)
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self.setValue(int(progress.fraction * STEPS)))
        self._timer.start(100)

    def _ask_to_stop(self) -> None:
        self._progress.cancel()
        self.setLabelText(translate("NativeImport", "Stopping; nothing will be added…"))

    def reject(self) -> None:
        self._ask_to_stop()  # Escape too; the dialog stays until the worker has rolled back

    def closeEvent(self, event) -> None:
        event.ignore()
        self._ask_to_stop()

    def close_for_good(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


def summary_text(summary: "ImportSummary", file_name: str) -> str:
    added, present = sum(summary.added.values()), sum(summary.already_present.values())
    return "\n".join([fill(translate("NativeImport", "From %1:"), file_name),
                      translate("NativeImport", "%Ln entries added.", "", added),
                      translate("NativeImport", "%Ln entries were already in your record.", "", present)])


class NativeImport:
    """One import, from choosing the file to the summary. Keeps the pool task alive while it runs."""

    def __init__(self, parent: QWidget, services: RecordServices, announce: Callable[[Change], None]) -> None:
        self._parent = parent
        self._services = services
        self._announce = announce
        self._tasks: list[BackgroundTask] = []
        self._busy: _ImportProgress | None = None
        self.summary: "ImportSummary | None" = None

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, translate("NativeImport", "Import a Regie file"), "",
            translate("NativeImport", "Regie files (*.json);;All files (*)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        from phr.formats.native.read_limits import MAX_FILE_BYTES

        try:
            if not path.is_file():  # a device such as /dev/zero has size 0 and never ends; a pipe neither
                self._tell(translate("NativeImport", "This is not a file Regie can read (it is a device, a pipe or "
                                                     "a folder). Nothing was added."))
                return
            if path.stat().st_size > MAX_FILE_BYTES:
                self._tell(translate("NativeImport", "This file is too large to be a Regie file. Nothing was added."))
                return
            with path.open("rb") as file:  # readable: the import reads it from its path, in passes (any size)
                file.read(1)
        except OSError:
            self._tell(translate("NativeImport", "Regie could not read this file. Nothing was added."))
            return
        self.start(path, path.name)

    def start(self, data: bytes | Path, file_name: str) -> None:
        """`data`: the file's path (read in passes, in bounded memory) or its bytes."""
        session = record_session(self._services)
        progress = _Progress()

        def work() -> "ImportSummary":
            from phr.formats.native.read import import_record

            second = session.second_session()  # the pages keep reading the record meanwhile
            try:
                return import_record(second, data, progress.tell)
            finally:
                second.lock()

        self._busy = _ImportProgress(progress, self._parent)
        self._busy.show()
        run_in_background(work, lambda summary: self._imported(summary, file_name), self._failed, self._tasks)

    @property
    def is_busy(self) -> bool:
        return bool(self._tasks)

    def _hide_busy(self) -> None:
        if self._busy is not None:
            self._busy.close_for_good()
            self._busy = None

    def _imported(self, summary: "ImportSummary", file_name: str) -> None:
        self._hide_busy()
        self.summary = summary
        for section in Section:
            self._announce(Change(section, ChangeKind.ADDED, 0))
        QMessageBox.information(self._parent, translate("NativeImport", "Regie file imported"),
                                summary_text(summary, file_name))

    def _failed(self, error: Exception) -> None:
        from phr.formats.native.read import InvalidImport

        self._hide_busy()
        if isinstance(error, ImportStopped):
            return  # the person asked for it; nothing was added, as the dialog said
        if isinstance(error, InvalidImport):
            box = QMessageBox(QMessageBox.Icon.Warning, translate("NativeImport", "Import a Regie file"),
                              translate("NativeImport", "Regie cannot import this file. Nothing was added."),
                              QMessageBox.StandardButton.Ok, self._parent)
            box.setDetailedText(str(error))
            box.exec()
            box.deleteLater()
            return
        self._tell(error_message(error))

    def _tell(self, message: str) -> None:
        QMessageBox.warning(self._parent, translate("NativeImport", "Import a Regie file"), message)


def open_native_import(parent: QWidget, services: RecordServices,
                       announce: Callable[[Change], None]) -> NativeImport:
    """Ask for a file and import it; the returned object lives while the import runs (the caller keeps it)."""
    importer = NativeImport(parent, services, announce)
    importer.choose_and_import()
    return importer
