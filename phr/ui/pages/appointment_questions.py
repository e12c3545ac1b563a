"""The questions to ask at one appointment: an ordered list to add to, reorder, answer and trim.

Every change goes through the appointments service and is announced as a change to the
appointment, so the page refreshes the appointment and this list together.
"""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from phr.core.validation import required_id
from phr.record.appointments import AppointmentService, Question
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, check_field, long_text_field
from phr.ui.text.formatting import escape, fill, provenance_html
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view

translate = QCoreApplication.translate


def status_text(question: Question) -> str:
    # In words, not only a tick or a colour: screen readers and printouts need it too.
    return translate("AppointmentQuestions", "Answered") if question.answered else translate("AppointmentQuestions", "Open")


def shown_question_field(name: str, label: str) -> FormField:
    """The question itself, shown (not edited) above its answer."""
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab and the first focus go to the answer
    view.setMaximumHeight(70)
    return FormField(name, label, view, view.toPlainText, lambda v: view.setPlainText(v or ""), view.textChanged)


class QuestionsPanel(QWidget):
    deleted = Signal(object)  # the Question just deleted: the page offers Undo

    def __init__(self, service: AppointmentService, events: RecordEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.events = events
        self.appointment_id: int | None = None
        # (appointment, question, row) last selected: kept across reloads
        self._kept: tuple[int | None, int | None, int] = (None, None, 0)
        self._added_to: int | None = None  # appointment a question was just added to: select that one
        self.model = EntryTableModel(self._columns(), self._fetch, self)
        self._build()
        self._update_buttons()

    def _columns(self) -> list[Column[Question]]:
        return [
            Column(translate("AppointmentQuestions", "No."), lambda q: str(q.position)),
            Column(translate("AppointmentQuestions", "Question"), lambda q: q.text),
            Column(translate("AppointmentQuestions", "Status"), status_text),
            Column(translate("AppointmentQuestions", "Answer"), lambda q: q.answer),
        ]

    def _fetch(self, offset: int, limit: int) -> list[Question]:
        if self.appointment_id is None:
            return []
        return self.service.questions(self.appointment_id)[offset:offset + limit]

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.table = entry_table_view(self.model, translate("AppointmentQuestions", "Questions to ask"))
        self.table.setWordWrap(True)  # questions are sentences: show them whole
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())  # rewrap to the new width
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self._buttons())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.provenance)
        self._shortcuts()

    def _buttons(self) -> QVBoxLayout:
        self.add_button = QPushButton(translate("AppointmentQuestions", "Add &question…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(translate("AppointmentQuestions", "&Edit question…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.answer_button = QPushButton(translate("AppointmentQuestions", "Ans&wer…"))
        self.answer_button.clicked.connect(self.answer_selected)
        self.up_button = QPushButton(translate("AppointmentQuestions", "Move u&p"))
        self.up_button.setToolTip(translate("AppointmentQuestions", "Ask this question earlier (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_selected(up=True))
        self.down_button = QPushButton(translate("AppointmentQuestions", "Move dow&n"))
        self.down_button.setToolTip(translate("AppointmentQuestions", "Ask this question later (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_selected(up=False))
        self.delete_button = QPushButton(translate("AppointmentQuestions", "Delete quest&ion"))
        self.delete_button.clicked.connect(self.delete_selected)
        rows = QVBoxLayout()
        for buttons in ((self.add_button, self.edit_button, self.answer_button),
                        (self.up_button, self.down_button, self.delete_button)):
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch()
            rows.addLayout(row)
        return rows

    def _shortcuts(self) -> None:
        for keys, up in (("Alt+Up", True), ("Alt+Down", False)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda up=up: self.move_selected(up))

    # --- showing ----------------------------------------------------------------------------

    def show_appointment(self, appointment_id: int | None) -> None:
        """Show the questions of this appointment; keeps the selected question where it can."""
        kept_appointment, kept_question, kept_row = self._kept
        same = appointment_id is not None and appointment_id == kept_appointment
        self.appointment_id = appointment_id
        self.model.reload()
        self.table.resizeRowsToContents()
        if appointment_id is not None and appointment_id == self._added_to:
            row = self.model.rowCount() - 1  # a new question goes at the end
        elif same:  # the same question, wherever it moved; if it was deleted, the one now in its place
            row = self.model.row_of(kept_question) if kept_question is not None else -1
            row = kept_row if row < 0 else row
        else:
            row = 0
        self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self._show_heading()
        self._show_selected()

    def select_question(self, question_id: int) -> None:
        row = self.model.row_of(question_id)
        if row >= 0:
            self.table.selectRow(row)

    def _show_heading(self) -> None:
        if self.appointment_id is None:
            self.heading.setText("")
            return
        questions = self.model.rowCount()
        shown = (self.model.item(row) for row in range(questions))
        open_count = sum(1 for question in shown if question is not None and not question.answered)
        text = fill(translate("AppointmentQuestions", "Questions to ask (%1 of %2 open)"), open_count, questions)
        self.heading.setText(f"<h3>{escape(text)}</h3>")

    def _show_selected(self) -> None:
        question = self.selected()
        if question is not None:
            self._kept = (self.appointment_id, question.id, self.table.currentIndex().row())
        self.provenance.setText(provenance_html(question.provenance) if question else "")
        self._update_buttons()

    def selected(self) -> Question | None:
        return self.model.item(self.table.currentIndex().row())

    def _update_buttons(self) -> None:
        row, rows = self.table.currentIndex().row(), self.model.rowCount()
        has = self.selected() is not None
        self.add_button.setEnabled(self.appointment_id is not None)
        for button in (self.edit_button, self.answer_button, self.delete_button):
            button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < rows - 1)

    def release(self) -> None:
        self.appointment_id = None
        self._kept, self._added_to = (None, None, 0), None
        self.model.clear()
        self.provenance.clear()
        self.heading.clear()

    # --- changing ---------------------------------------------------------------------------

    def add(self) -> None:
        if self.appointment_id is None:
            return
        appointment_id = self.appointment_id
        dialog = EntryDialog(translate("AppointmentQuestions", "New question"),
                             [long_text_field("text", translate("AppointmentQuestions", "&Question:"),
                                              translate("AppointmentQuestions", "e.g. Can I keep working with this dose?"))],
                             Question(appointment_id=appointment_id), self.service.question_entries.validate,
                             lambda q: self.service.add_question(appointment_id, q.text), self)
        dialog.enter_saves("text")  # a question is one sentence: Enter saves it (Shift+Enter for a second line)
        self._added_to = appointment_id  # the refresh that saving sets off selects the new question
        self._run(dialog)
        self._added_to = None

    def edit_selected(self) -> None:
        question = self.selected()
        if question is None:
            return
        fields = [long_text_field("text", translate("AppointmentQuestions", "&Question:")),
                  check_field("answered", translate("AppointmentQuestions", "&Answered")),
                  long_text_field("answer", translate("AppointmentQuestions", "A&nswer:"))]
        self._run(EntryDialog(translate("AppointmentQuestions", "Change question"), fields, question,
                              self.service.question_entries.validate, self.service.update_question, self))

    def answer_selected(self) -> None:
        question = self.selected()
        if question is None:
            return
        fields = [shown_question_field("text", translate("AppointmentQuestions", "Question:")),
                  long_text_field("answer", translate("AppointmentQuestions", "&Answer:"),
                                  translate("AppointmentQuestions", "What was said; you may leave this empty."))]
        self._run(EntryDialog(translate("AppointmentQuestions", "Answer"), fields, question, lambda _q: [],
                              lambda q: self.service.answer_question(required_id(q.id), q.answer), self))

    def _run(self, dialog: EntryDialog[Question]) -> None:
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)

    def move_selected(self, up: bool) -> None:
        question = self.selected()
        if question is None or question.id is None:
            return
        self.events.announce(self.service.move_question(question.id, up))

    def delete_selected(self) -> None:
        question = self.selected()
        if question is None or question.id is None:
            return
        change = self.service.delete_question(question.id)
        self.deleted.emit(question)
        self.events.announce(change)
