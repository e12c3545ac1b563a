"""Appointments: when, with whom, where and why; the questions to ask there; what came out of it."""

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QSplitter, QWidget

from phr.core.entries import Change
from phr.core.session import Session
from phr.core.vocabulary import Section
from phr.record.appointments import Appointment, AppointmentService, Question
from phr.record.care_plan import CarePlanService, Goal
from phr.ui.app.events import RecordEvents
from phr.ui.forms.date_time_field import date_time_field, in_words
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import FormField, date_field, link_field, long_text_field, text_field
from phr.ui.pages.appointment_questions import QuestionsPanel
from phr.ui.pages.section_page import SectionPage
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import definition_table, escape, fill
from phr.ui.text.vocabulary import label
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate



class Shown(StrEnum):
    """Which appointments the list shows."""

    UPCOMING = "upcoming"
    PAST = "past"
    ALL = "all"


FILTERS = tuple(Shown)


def filter_label(key: Shown) -> str:
    return {
        "upcoming": translate("Appointments", "Upcoming"),
        "past": translate("Appointments", "Past"),
        "all": translate("Appointments", "All"),
    }[key]


class AppointmentsPage(SectionPage[Appointment]):
    sections_shown = (Section.APPOINTMENTS, Section.CARE_TEAM)  # contact names show in the list
    service: AppointmentService

    def __init__(self, service: AppointmentService, session: Session, events: RecordEvents,
                 parent: QWidget | None = None, care_plan: CarePlanService | None = None) -> None:
        self.title = label(Section.APPOINTMENTS)
        self.session = session
        self.care_plan = care_plan  # agreements made during a visit become goals there
        self._contacts: dict[int, str] = {}     # id -> name, read once per reload
        self._open_counts: dict[int, int] = {}  # appointment id -> open questions, read per page of rows
        self.questions = QuestionsPanel(service, events)  # before the base builds and fills the page
        super().__init__(service, events, parent)
        self.questions.deleted.connect(self._question_deleted)

    # --- the list ---------------------------------------------------------------------------

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("Appointments", "Here you keep the appointments, with the questions to ask there."),
                translate("Appointments", "&Add an appointment…"))

    def columns(self) -> list[Column[Appointment]]:
        return [
            Column(translate("Appointments", "Date and time"), lambda a: in_words(a.starts_at, short=True)),
            Column(translate("Appointments", "With whom"), self._contact),
            Column(translate("Appointments", "Open questions"),
                   lambda a: str(self._open_counts.get(a.id, 0) if a.id is not None else 0)),
            Column(translate("Appointments", "Purpose"), lambda a: a.purpose),
        ]

    def _contact(self, appointment: Appointment) -> str:
        return self._contacts.get(appointment.contact_id, "") if appointment.contact_id is not None else ""

    def fetch(self, offset: int, limit: int) -> list[Appointment]:
        if offset == 0:
            self._contacts = links.choices(self.session, "contacts")
            self._open_counts = {}
        shown = self.filter_box.currentData()
        if shown == Shown.UPCOMING:
            items = self.service.upcoming(offset=offset, limit=limit)
        elif shown == Shown.PAST:
            items = self.service.past(offset=offset, limit=limit)
        else:
            items = self.service.page(offset, limit)
        self._open_counts.update(self.service.open_question_counts([a.id for a in items if a.id is not None]))
        return items

    def extra_buttons(self) -> list[QWidget]:
        self.filter_box = QComboBox()
        for key in FILTERS:
            self.filter_box.addItem(filter_label(key), key)
        self.filter_box.currentIndexChanged.connect(lambda _index: self.reload())
        label = QLabel(translate("Appointments", "&Show:"))
        label.setBuddy(self.filter_box)
        buttons: list[QWidget] = [label, self.filter_box]
        if self.care_plan is not None:
            self.goal_button = QPushButton(translate("Appointments", "Make a &goal from an agreement…"))
            self.goal_button.setToolTip(translate(
                "Appointments", "An agreement made during this visit becomes a goal in your care plan."))
            self.goal_button.clicked.connect(self.make_goal_from_agreement)
            buttons.append(self.goal_button)
        return buttons

    def make_goal_from_agreement(self) -> None:
        visit, care_plan = self.selected(), self.care_plan
        if visit is None or visit.id is None or care_plan is None:
            return
        visit_id = visit.id
        draft = Goal(agreed_with=visit.contact_id, appointment_id=visit_id)

        def save(goal: Goal) -> Change:
            return care_plan.goal_from_agreement(visit_id, goal.description, goal.agreed_with,
                                                 goal.patient_action, goal.provider_action, goal.review_date)

        dialog = EntryDialog(translate("Appointments", "Goal from an agreement"), self._goal_fields(), draft,
                             care_plan.validate, save, self)
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)

    def update_buttons(self) -> None:
        super().update_buttons()
        if getattr(self, "goal_button", None) is not None:
            self.goal_button.setEnabled(self.selected() is not None)

    def _goal_fields(self) -> list[FormField]:
        contacts = links.choices(self.session, "contacts")
        return [
            long_text_field("description", translate("Appointments", "The &agreement, as a goal in your words:")),
            link_field("agreed_with", translate("Appointments", "Agreed &with:"), contacts,
                       translate("Appointments", "(nobody in particular)")),
            long_text_field("patient_action", translate("Appointments", "What &I do:")),
            long_text_field("provider_action", translate("Appointments", "What the &care provider does:")),
            date_field("review_date", translate("Appointments", "&Review on:")),
        ]

    def show_filter(self, key: Shown) -> None:
        self.filter_box.setCurrentIndex(FILTERS.index(key))

    def reload(self, select_id: int | None = None) -> None:
        super().reload(select_id)
        if select_id is not None and self.model.row_of(select_id) < 0 and self.filter_box.currentData() != Shown.ALL:
            # The appointment asked for is not in this view (a past one added under "upcoming"): show all.
            self.filter_box.blockSignals(True)
            self.show_filter(Shown.ALL)
            self.filter_box.blockSignals(False)
            super().reload(select_id)

    # --- the details: the appointment and its questions -------------------------------------

    def _build(self) -> None:
        super()._build()
        splitter = self.details.parentWidget()
        assert isinstance(splitter, QSplitter)  # the base page puts the details in a splitter
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.details)  # moves it out of the base page's splitter, to above the questions
        right.addWidget(self.questions)
        right.setSizes([200, 500])
        splitter.addWidget(right)
        splitter.setSizes([560, 440])

    def _show_details(self) -> None:
        super()._show_details()
        item = self.selected()
        self.questions.show_appointment(item.id if item else None)

    def details_html(self, a: Appointment) -> str:
        rows = [
            (translate("Appointments", "With whom"), self._contact(a)),
            (translate("Appointments", "Where"), a.location),
            (translate("Appointments", "Purpose"), a.purpose),
            (translate("Appointments", "Notes"), a.notes),
            (translate("Appointments", "Outcome"), a.outcome),
        ]
        return f"<h3>{escape(in_words(a.starts_at))}</h3>" + definition_table(rows)

    def describe(self, a: Appointment) -> str:
        return " – ".join(part for part in (in_words(a.starts_at), a.purpose) if part)

    # --- the form ---------------------------------------------------------------------------

    def editor(self, a: Appointment) -> EntryDialog[Appointment]:
        save: Callable[[Appointment], Change]
        if a.id is None:
            title, save = translate("Appointments", "New appointment"), self.service.add
        else:
            title, save = translate("Appointments", "Change appointment"), self.service.update
        return EntryDialog(title, self._fields(), a, self.service.validate, save, self)

    def _fields(self) -> list[FormField]:
        return [
            date_time_field("starts_at", translate("Appointments", "&Date and time:")),
            link_field("contact_id", translate("Appointments", "&With whom:"),
                       links.choices(self.session, "contacts"), translate("Appointments", "(nobody chosen)")),
            text_field("location", translate("Appointments", "W&here:"),
                       translate("Appointments", "e.g. hospital, outpatient clinic, room")),
            text_field("purpose", translate("Appointments", "&Purpose:"),
                       translate("Appointments", "e.g. check-up, results of the blood test")),
            long_text_field("notes", translate("Appointments", "N&otes:"),
                            translate("Appointments", "e.g. bring the list of medicines, fast from midnight")),
            long_text_field("outcome", translate("Appointments", "O&utcome:"),
                            translate("Appointments", "What came out of it: results, agreements, next steps")),
        ]

    # --- keys and undo shared with the questions --------------------------------------------

    def _in_questions(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.questions.isAncestorOf(focus)

    def add(self) -> None:
        if self._in_questions():  # Ctrl+N in the question list adds a question
            self.questions.add()
        else:
            super().add()

    def delete_selected(self) -> None:
        if self._in_questions():  # Delete in the question list deletes the question, not the appointment
            self.questions.delete_selected()
        else:
            super().delete_selected()

    def _question_deleted(self, question: Question) -> None:
        self._deleted.append((self.service, question))
        self.undo_text.setText(escape(fill(translate("Appointments", "Question “%1” deleted."), question.text)))
        self.undo_bar.show()

    def undo_delete(self) -> None:
        if not self._deleted or not isinstance(self._deleted[-1][1], Question):
            super().undo_delete()
            return
        _service, question = self._deleted.pop()
        if question.id is None:
            return  # only stored questions were deleted: never so
        change = self.service.undo_delete_question(question.id)
        self.undo_bar.setVisible(bool(self._deleted))
        self.events.announce(change)
        self.reload(select_id=change.item_id)
        self.questions.select_question(question.id)

    def _on_changed(self, change: Change) -> None:
        if change.section == Section.CARE_TEAM:
            self.reload()  # a contact's name changed: keep the appointment selected
        else:
            super()._on_changed(change)

    def release(self) -> None:
        super().release()
        self.questions.release()
