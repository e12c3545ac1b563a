"""The export dialog (Record → Export…, Ctrl+E): a PDF for the specialist or the emergency, the FHIR
patient summary, or the readings as CSV.

The export is made on a pool thread over its own connection to the record (a connection
belongs to the thread that opened it), behind a busy dialog with Cancel. A PDF stays in
memory until the user saves it: the preview shows it from a buffer and no temp file is
written. Saved files are written atomically and readable only by the user; the dialog says
plainly when a file is not encrypted.
"""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from phr.export.options import KINDS as PDF_KINDS
from phr.export.options import ExportOptions
from phr.export.pdf import documents as export_pdf
from phr.record.services import RecordServices
from phr.ui.app.background import BackgroundTask, abandon_all, run_in_background
from phr.ui.app.record_actions import record_session
from phr.ui.export import parts as parts
from phr.ui.export.preview import BusyDialog, ExportPreview, fitted_size
from phr.ui.text.formatting import escape, fill
from phr.ui.text.messages import error_message

translate = QCoreApplication.translate
PERIOD_KINDS = ("overview", "visit", "csv")  # a patient summary and an emergency card are about now, in full
LANGUAGE_NAMES = (("nl", "Nederlands"), ("en", "English"))  # each in its own language, as language menus do


class ExportDialog(QDialog):
    previewed = Signal()      # the preview of a built PDF is open
    saved = Signal(object)    # the Path an export was written to
    failed = Signal(str)      # the message shown when an export could not be made

    def __init__(self, services: RecordServices, language: str, parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.now = now or datetime.now().replace(microsecond=0)
        self._tasks: list[BackgroundTask] = []
        self.busy: BusyDialog | None = None
        self.preview: ExportPreview | None = None
        self.saved_path: Path | None = None
        self._folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or \
            str(Path.home())
        self.setWindowTitle(translate("ExportDialog", "Export"))
        self._build(language)
        self._kind_changed()
        self.format.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.password.enabled.toggled.connect(self._on_password_toggled)
        for edit in (self.password.password, self.password.repeat):
            edit.textChanged.connect(lambda _text: self._show_password_problem())
        self._fit_width()
        self._fit_height()

    def _on_password_toggled(self, _on: bool) -> None:
        self._show_note()
        self._show_password_problem()
        self._fit_height()

    # --- building ---------------------------------------------------------------------------------

    def _build(self, language: str) -> None:
        self.format = QComboBox()
        for key in parts.FORMATS:
            self.format.addItem(parts.format_label(key), key)
        # The longest kind's words made the dialog scroll sideways at 200 % text; the open list shows them whole.
        self.format.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.format.setMinimumContentsLength(24)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.appointment = QComboBox()
        self.appointment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.appointment.setMinimumContentsLength(24)  # a long purpose must not make the dialog screen-wide
        parts.fill_appointments(self.appointment, parts.appointment_choices(self.services, self.now))
        self.period = parts.PeriodRow(self.now.date())
        self.sections = parts.SectionBoxes()
        self.password = parts.PasswordBox()
        self.note, self.problem, self.status = QLabel(), QLabel(), QLabel()
        for label in (self.note, self.problem, self.status):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a field under its label when narrow
        for text, widget in ((translate("ExportDialog", "&What to export:"), self.format),
                             (translate("ExportDialog", "&Language of the export:"), self.language),
                             (translate("ExportDialog", "For the &appointment:"), self.appointment)):
            self.form.addRow(parts.buddy(text, widget), widget)
        # The choices scroll when the screen is too low for them (large text, a small screen); the buttons stay.
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        for part in (self.period, self.sections, self.password, self.problem, self.note):
            column.addWidget(part)  # not as form rows: QFormLayout squeezes spanning rows with wrapped text
        column.addStretch()
        self.choices_area = QScrollArea()
        self.choices_area.setWidget(self.content)
        self.choices_area.setWidgetResizable(True)
        self.choices_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.choices_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: it shows nothing to act on
        layout = QVBoxLayout(self)
        layout.addWidget(self.choices_area, 1)
        layout.addWidget(self.status)
        layout.addWidget(self._buttons())

    def _buttons(self) -> QDialogButtonBox:
        self.preview_button = QPushButton(translate("ExportDialog", "&Preview…"))
        self.save_button = QPushButton(translate("ExportDialog", "&Save…"))
        self.preview_button.clicked.connect(lambda _checked: self.show_preview())
        self.save_button.clicked.connect(lambda _checked: self.save())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)  # saving keeps it open
        buttons.rejected.connect(self.reject)
        self.save_button.setDefault(True)
        return buttons

    # --- what is chosen ---------------------------------------------------------------------------

    def kind(self) -> str:
        return self.format.currentData()

    def is_pdf(self) -> bool:
        return self.kind() in PDF_KINDS

    def options(self) -> ExportOptions:
        """What the PDF holds. Only for the PDF kinds; FHIR and CSV take the services (and CSV the period)."""
        since, until = self.period.period() if self.kind() in PERIOD_KINDS else (None, None)
        return ExportOptions(kind=self.kind(), language=self.language.currentData(), since=since, until=until,
                             sections=self.sections.chosen(), now=self.now,
                             appointment_id=self.appointment.currentData() if self.kind() == "visit" else None)

    def _kind_changed(self) -> None:
        kind, pdf = self.kind(), self.is_pdf()
        self.form.setRowVisible(self.language, pdf)  # FHIR and CSV carry codes and numbers, not prose
        self.form.setRowVisible(self.appointment, kind == "visit")
        self.period.setVisible(kind in PERIOD_KINDS)
        self.sections.setVisible(pdf)
        self.password.setVisible(pdf)
        self.preview_button.setVisible(pdf)
        if pdf:
            self.sections.show_sections(kind, export_pdf.sections_of(kind))
        self._say_problem(None)
        self._show_note()
        self._fit_width()  # another kind has other parts: the visit brief's are longer
        self._fit_height()

    def _fit_width(self) -> None:
        """As wide as the choices want (at least 640 pixels), as far as the screen allows."""
        bar = self.choices_area.verticalScrollBar().sizeHint().width()
        wanted = max(640, self.content.sizeHint().width() + bar + self._sides())
        self.resize(fitted_size(QSize(wanted, self.height()), self).width(), self.height())

    def _fit_height(self) -> None:
        """Grow or shrink to the rows now shown, up to the height of the screen (then the rows scroll). Wrapped
        labels need their height for this width, which a window's size hint does not ask for: without this
        the rows are squeezed together. Worked out from the layouts: before the dialog is first shown its
        widgets have no real sizes yet."""
        layout, column = self.layout(), self.content.layout()
        if layout is None or column is None:
            return
        column.activate()
        width = self.width() - self._sides()
        wanted = max(column.totalHeightForWidth(width), column.totalSizeHint().height())
        margins = layout.contentsMargins()
        others = [item for item in (layout.itemAt(i) for i in range(layout.count()))
                  if item is not None and item.widget() is not self.choices_area and not item.isEmpty()]
        around = (margins.top() + margins.bottom() + sum(item.sizeHint().height() for item in others)
                  + layout.spacing() * len(others))  # the status line and the buttons
        self.resize(self.width(), fitted_size(QSize(self.width(), wanted + around), self).height())

    def _sides(self) -> int:
        layout = self.layout()
        return 0 if layout is None else layout.contentsMargins().left() + layout.contentsMargins().right()

    def _show_note(self) -> None:
        """Say in words (not by colour) whether the file will be encrypted."""
        if self.is_pdf() and self.password.enabled.isChecked():
            head = translate("ExportDialog", "Locked with a password.")
            text = translate("ExportDialog", "The PDF can only be opened with this password. Regie does not keep "
                                             "it: if you forget it, make a new export.")
        else:
            head = translate("ExportDialog", "Not encrypted.")
            text = translate("ExportDialog", "This file will not be encrypted: anyone who has the file can read "
                                             "it. Keep it in a safe place.")
        self.note.setText("<b>" + escape(head) + "</b> " + escape(text))

    # --- checking ---------------------------------------------------------------------------------

    def problem_text(self) -> tuple[str, QWidget] | None:
        """What stops this export, in words, and the field to fix; None when it can go ahead."""
        if self.kind() in PERIOD_KINDS and (unreadable := self.period.problem()):
            return unreadable
        since, until = self.period.period() if self.kind() in PERIOD_KINDS else (None, None)
        if since and until and since > until:
            return translate("ExportDialog", "The period ends before it starts. Check the dates."), self.period.since
        if self.is_pdf() and self.sections.chosen() == frozenset():
            return translate("ExportDialog", "Choose at least one section."), self.sections
        return self._password_problem() if self.is_pdf() else None

    def _password_problem(self) -> tuple[str, QWidget] | None:
        password = self.password.chosen()
        if password is None:
            return None
        if len(password) < export_pdf.MIN_PASSWORD_LENGTH:
            return fill(translate("ExportDialog", "The password is too short: use at least %1 characters."),
                        export_pdf.MIN_PASSWORD_LENGTH), self.password.password
        if password != self.password.repeat.text():
            return translate("ExportDialog", "The two passwords are not the same. Type the same password in "
                                             "both fields."), self.password.repeat
        return None

    def _show_password_problem(self) -> None:
        """While typing: a short password is said at once, a mismatch once the repeat is as long."""
        found = self._password_problem()
        typing_repeat = len(self.password.repeat.text()) < len(self.password.password.text())
        mismatch = found is not None and found[1] is self.password.repeat
        self._say_problem(None if found is None or (mismatch and typing_repeat) else found[0])

    def _say_problem(self, text: str | None) -> None:
        self.problem.setText("<b>" + escape(text) + "</b>" if text else "")  # bold, not red: seen without colour
        if self.problem.isVisibleTo(self) != bool(text):
            self.problem.setVisible(bool(text))
            self._fit_height()

    def _stopped_by_problem(self) -> bool:
        found = self.problem_text()
        self._say_problem(found[0] if found else None)
        if found:
            found[1].setFocus()
        return found is not None

    # --- preview and save -------------------------------------------------------------------------

    def show_preview(self) -> None:
        if self.is_pdf() and not self.is_busy and not self._stopped_by_problem():
            self._build_pdf(self._open_preview)

    def _open_preview(self, data: bytes) -> None:
        title = fill(translate("ExportDialog", "Preview – %1"), parts.format_label(self.kind()))
        self.preview = ExportPreview(title, data, self.note.text(), self)
        self.preview.save_requested.connect(self._save_from_preview)
        self.preview.destroyed.connect(lambda _object, shown=self.preview: self._forget_preview(shown))
        self.preview.open()
        self.previewed.emit()

    def _forget_preview(self, shown) -> None:
        if self.preview is shown:
            self.preview = None

    def _save_from_preview(self, data: bytes) -> None:
        path = self._ask_path(self.preview)
        if path is not None and self._write_pdf(path, data, self.preview) and self.preview is not None:
            self.preview.accept()

    def save(self) -> None:
        """Ask where, then make the export off the GUI thread and write it there."""
        if self.is_busy or self._stopped_by_problem():
            return
        path = self._ask_path(self)
        if path is None:
            return
        if self.is_pdf():
            self._build_pdf(lambda data: self._write_pdf(path, data, self))
        else:
            self._write_other(path)

    def _ask_path(self, parent) -> Path | None:
        kind = self.kind()
        name = parts.default_file_name(kind, self.language.currentData(), self.now.date())
        chosen, _filter = QFileDialog.getSaveFileName(parent, translate("ExportDialog", "Save the export"),
                                                      str(Path(self._folder) / name), parts.file_filter(kind))
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(Path(name).suffix)
        self._folder = str(path.parent)
        return path

    def _write_pdf(self, path: Path, data: bytes, parent) -> bool:
        """Lock with the password, if one was chosen, and write atomically with mode 0600."""
        password = self.password.chosen()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_pdf.save(path, export_pdf.protect(data, password) if password else data)
        except OSError as error:
            QMessageBox.warning(parent, translate("ExportDialog", "Export"), error_message(error))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._saved(path, parent)
        return True

    def _write_other(self, path: Path) -> None:
        kind, (since, until), language = self.kind(), self.period.period(), self.language.currentData()

        def work(services):
            if kind == "fhir":
                from phr.formats.fhir.write import bundle as fhir
                return fhir.write_export(services, path, language=language)
            from phr.export import csv_export
            return csv_export.write_export(services, path, since=since, until=until)

        # The file is written by the worker itself: that cannot be called back half-way, so no Cancel.
        self._run(translate("ExportDialog", "Writing the export…"), work, lambda _result: self._saved(path, self),
                  cancellable=False)

    def _saved(self, path: Path, parent) -> None:
        self.saved_path = path
        text = fill(translate("ExportDialog", "Saved in the folder %1 as %2."), path.parent, path.name)
        self.status.setText(text)
        QMessageBox.information(parent, translate("ExportDialog", "Export saved"), text)
        self.saved.emit(path)

    # --- background work --------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return any(not task.abandoned for task in self._tasks)

    def _build_pdf(self, then) -> None:
        options = self.options()
        self._run(translate("ExportDialog", "Making the PDF…"),
                  lambda services: export_pdf.build_pdf(services, options), then)

    def _run(self, text: str, work, done, cancellable: bool = True) -> None:
        """`work(services)` on a pool thread over a second connection; `done(result)` back on this thread."""
        session = record_session(self.services)
        busy = BusyDialog(text, self)
        if not cancellable:
            busy.setCancelButton(None)

        def job():
            second = session.second_session()
            try:
                return work(RecordServices(second))
            finally:
                second.lock()

        def finish(handler):
            def receive(value):
                busy.close_for_good()
                self.busy = None
                handler(value)
            return receive

        task = run_in_background(job, finish(done), finish(self._failed), self._tasks)
        busy.cancel_requested.connect(lambda: self._cancel(task, busy) if cancellable else None)
        self.busy = busy
        busy.show()

    def _cancel(self, task, busy: BusyDialog) -> None:
        task.abandon()  # it finishes on its thread; its PDF is dropped, nothing is shown or written
        busy.close_for_good()
        self.busy = None
        self.status.setText(translate("ExportDialog", "The export was cancelled. Nothing was saved."))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, OSError):
            message = error_message(error)
        else:
            message = translate("ExportDialog", "Regie could not make this export. Nothing was saved.")
        QMessageBox.warning(self, translate("ExportDialog", "Export"), message)
        self.failed.emit(message)

    def done(self, result: int) -> None:
        abandon_all(self._tasks)  # closed while working: whatever comes back is dropped
        if self.busy is not None:
            self.busy.close_for_good()
            self.busy = None
        super().done(result)


def open_export_dialog(parent: QWidget | None, services: RecordServices, language: str) -> ExportDialog:
    dialog = ExportDialog(services, language, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog
