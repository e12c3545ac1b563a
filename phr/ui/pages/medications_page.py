"""Medicines: what the person uses now and used before, and every change of dose with its reason.

Above the list, what is known about the medicines in use as a whole: "No known medicines" is a statement
the person makes (a button), not an empty list; until it is made or a medicine is in use, the page says
it is not filled in yet (phr.record.person).
"""

from collections.abc import Callable
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QUrl
from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QRadioButton, QWidget

from phr.core.entries import Change
from phr.core.session import Session
from phr.core.vocabulary import Route, Section
from phr.record.medications import Medication, MedicationChange, MedicationService, is_current
from phr.record.person import NONE_KNOWN, UNKNOWN, PersonService
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.pages.diagnosis_details import codes_row, doctor_part
from phr.ui.pages.medication_dialogs import (
    change_dose_dialog,
    correct_change_dialog,
    medication_dialog,
    stop_dialog,
)
from phr.ui.pages.section_page import SectionPage
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import definition_table, escape, fill, heading, partial, provenance_html
from phr.ui.text.language import app_words
from phr.ui.text.vocabulary import label, label_of
from phr.ui.widgets.entry_table import Column
from phr.ui.widgets.flow_layout import FlowLayout
from phr.ui.widgets.statement_bar import StatementBar
from phr.ui.widgets.whose import given_name, is_carer
from phr.words.dose import dose_text, schedule_text

translate = QCoreApplication.translate


class Shown(StrEnum):
    """Which medicines the list shows."""

    CURRENT = "current"
    PAST = "past"
    ALL = "all"


CURRENT, PAST, ALL = Shown.CURRENT, Shown.PAST, Shown.ALL
LINKED_SECTIONS = (Section.DIAGNOSES, Section.CARE_TEAM)  # their names show here, so their changes refresh the page


def _joined(separator: str, *parts: str) -> str:
    return separator.join(part for part in parts if part)


def _small_first(text: str) -> str:
    return text[:1].lower() + text[1:]  # the app's schedule starts a sentence only on its own


def structured_dose(m: Medication) -> str:
    """'1 tablet, 3 times a day, with food': what the structured fields say, in the app's words ('' for nothing)."""
    words = app_words()
    dose = dose_text(words, m.dose_amount, m.dose_unit)
    schedule = schedule_text(words, m.times_per_day, m.food, m.as_needed)
    return _joined(", ", dose, _small_first(schedule) if dose else schedule)


def dose_and_schedule(m: Medication) -> str:
    """For a list: the structured dose when it has an amount, else the words as typed. A structured schedule
    alone ('4 times a day') would hide what the person wrote, such as '7,5 - 5 - 2,5 - 2,5 mg'."""
    if m.dose_amount is None:
        return _joined(", ", m.dose, m.schedule)
    words = app_words()
    schedule = schedule_text(words, m.times_per_day, m.food, m.as_needed)
    return _joined(", ", dose_text(words, m.dose_amount, m.dose_unit), _small_first(schedule) or m.schedule)


def _dose_rows(m: Medication) -> list[tuple[str, str]]:
    """The person's own words, then what the exports say (each left out when empty)."""
    return [(translate("Medications", "Dose, in your words"), m.dose),
            (translate("Medications", "Schedule, in your words"), m.schedule),
            (translate("Medications", "Dose, for the exports"), structured_dose(m))]


class _RestoreChange:
    """Puts a deleted history entry on the page's one undo history, which undoes by the medicine's id."""

    def __init__(self, service: MedicationService, change_id: int) -> None:
        self._service = service
        self._change_id = change_id

    def undo_delete(self, _medication_id: int) -> Change:
        return self._service.undo_delete_change(self._change_id)


class MedicationsPage(SectionPage[Medication]):
    sections_shown = (Section.MEDICATIONS,)
    service: MedicationService

    def __init__(self, service: MedicationService, session: Session, events: RecordEvents,
                 parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        self.title = label(Section.MEDICATIONS)
        self._session = session
        self._today = today
        self._shown = CURRENT  # set before the base class first fetches the list
        self._reasons: dict[int, str] = {}
        self.person = PersonService(session)
        self._carer_of = given_name(session.person_name()) if is_carer(session.author) else ""  # whose words
        super().__init__(service, events, parent)
        self.body.insertWidget(1, self._statement_bar())
        self.filter_bar = self._filter_bar()
        self.body.insertWidget(2, self.filter_bar)
        self.list_parts.append(self.filter_bar)  # nothing to filter while there are no medicines at all
        self.show_empty_state()
        self._show_statement()
        self.details.setOpenLinks(False)  # links in the history are actions, handled here
        self.details.anchorClicked.connect(self._on_history_link)

    # --- the list -------------------------------------------------------------------------------

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("Medications", "Here you keep the medicines in use, with how much and when."),
                translate("Medications", "&Add a medicine…"))

    def columns(self) -> list[Column[Medication]]:
        return [
            Column(translate("Medications", "Medicine"), lambda m: _joined(" ", m.name, m.strength)),
            Column(translate("Medications", "Dose and schedule"), dose_and_schedule),
            Column(translate("Medications", "Reason"), self._reason),
            Column(translate("Medications", "Since"), lambda m: partial(m.start_date)),
            Column(translate("Medications", "Until"), lambda m: partial(m.stop_date) or (
                translate("Medications", "date not known") if m.ended else "")),
        ]

    def _reason(self, medication: Medication) -> str:
        return self._reasons.get(medication.reason_id, "") if medication.reason_id is not None else ""

    def fetch(self, offset: int, limit: int) -> list[Medication]:
        if offset == 0:  # the diagnosis names as of now, read once per list instead of once per cell
            self._reasons = links.choices(self._session, "diagnoses")
        if self._shown == CURRENT:
            return self.service.current(self._today(), offset, limit)
        if self._shown == PAST:
            return self.service.past(self._today(), offset, limit)
        return self.service.page(offset, limit)

    def _filter_bar(self) -> QWidget:
        bar = QWidget()
        bar.setAccessibleName(translate("Medications", "Which medicines to show"))
        row = FlowLayout(bar)   # the choices wrap at large text instead of widening the page
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(translate("Medications", "Show:")))
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[Shown, QRadioButton] = {}
        for key, text in ((CURRENT, translate("Medications", "C&urrent medicines")),
                          (PAST, translate("Medications", "Pas&t medicines")),
                          (ALL, translate("Medications", "A&ll medicines"))):
            button = QRadioButton(text)
            button.setChecked(key == self._shown)
            button.toggled.connect(lambda checked, key=key: self._show_list(key) if checked else None)
            self.filter_group.addButton(button)
            self.filter_buttons[key] = button
            row.addWidget(button)
        return bar

    def _statement_bar(self) -> QWidget:
        """What is known about the list as a whole, and the button to say there is nothing on it."""
        if self._carer_of:  # a carer states it of the person whose record it is
            button = fill(translate("Medications", "%1 uses &no medicines"), self._carer_of)
            tip = fill(translate("Medications", "Say that %1 uses no medicines now: the exports then print “No known "
                                                "medicines” instead of “not filled in”."), self._carer_of)
        else:
            button = translate("Medications", "I use &no medicines")
            tip = translate("Medications", "Say that you use no medicines now: the "
                            "exports then print “No known medicines” instead of “not filled in”.")
        self.statement_bar = StatementBar(button, tip, self.state_no_known_medicines)
        self.statement, self.none_known_button = self.statement_bar.label, self.statement_bar.button
        return self.statement_bar

    def _show_statement(self) -> None:
        if not hasattr(self, "statement_bar"):
            return  # the base class reloads once before the bar is made
        statement = self.person.medication_statement(self._today())
        texts: dict[str, str] = {
            NONE_KNOWN: translate("Medications", "Medicines: no known medicines (stated by you)."),
            UNKNOWN: fill(translate("Medications", "Medicines in use: not filled in yet. Add them, or say that %1 "
                                                   "uses none."), self._carer_of) if self._carer_of else
            translate("Medications", "Medicines in use: not filled in yet. Add them, or say that you use none."),
        }
        self.statement_bar.say(texts.get(statement, ""), statement == UNKNOWN)

    def state_no_known_medicines(self) -> None:
        self.events.announce(self.person.state_no_known_medications(self._today()))

    def show_list(self, key: Shown) -> None:
        """Show the current, past or all medicines (as if the user chose it)."""
        self.filter_buttons[key].setChecked(True)

    def _show_list(self, key: Shown) -> None:
        self._shown = key
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        if select_id is not None and self._shown != ALL:
            self._switch_to_list_holding(select_id)
        super().reload(select_id)
        self._show_statement()  # a medicine added, stopped or deleted changes what the list says

    def _switch_to_list_holding(self, medication_id: int) -> None:
        """Keep showing what was just saved or asked for: a medicine just stopped shows among the past ones."""
        medication = self.service.get(medication_id)
        if medication is None:
            return
        holder = CURRENT if is_current(medication, self._today()) else PAST
        if holder != self._shown:
            self._shown = holder
            with QSignalBlocker(self.filter_buttons[holder]):  # the list reloads once, just below
                self.filter_buttons[holder].setChecked(True)

    def describe(self, medication: Medication) -> str:
        return medication.name

    def extra_buttons(self) -> list[QWidget]:
        self.change_dose_button = QPushButton(translate("Medications", "Change d&ose…"))
        self.change_dose_button.clicked.connect(self.change_dose_selected)
        self.stop_button = QPushButton(translate("Medications", "&Stop…"))
        self.stop_button.clicked.connect(self.stop_selected)
        return [self.change_dose_button, self.stop_button]

    def update_buttons(self) -> None:
        super().update_buttons()
        medication = self.selected()
        self.change_dose_button.setEnabled(medication is not None)
        self.stop_button.setEnabled(medication is not None and is_current(medication, self._today()))

    def _on_changed(self, change: Change) -> None:
        if change.section == Section.PERSON:
            self._show_statement()  # the statement is the person's
        elif change.section in LINKED_SECTIONS:
            self.reload()  # a renamed diagnosis or contact: keep the selection, show the new name
        else:
            super()._on_changed(change)

    # --- dialogs --------------------------------------------------------------------------------

    def editor(self, medication: Medication) -> EntryDialog[Medication]:
        return medication_dialog(self.service, self._session, medication, self)

    def change_dose_selected(self) -> None:
        medication = self.selected()
        if medication is not None:
            self._run(change_dose_dialog(self.service, medication, self._today(), self))

    def stop_selected(self) -> None:
        medication = self.selected()
        if medication is not None:
            self._run(stop_dialog(self.service, medication, self._today(), self))

    def _run(self, dialog: EntryDialog[Medication] | EntryDialog[MedicationChange]) -> None:
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)
            self.reload(select_id=dialog.saved_change.item_id)

    # --- details, with the history of changes ---------------------------------------------------

    def details_html(self, m: Medication) -> str:
        current = is_current(m, self._today())
        stopped = translate("Medications", "Stopped, on a date that is not known") if m.ended and not m.stop_date \
            else translate("Medications", "Stopped")
        rows = [
            (translate("Medications", "Status"), translate("Medications", "In use") if current else stopped),
            (translate("Medications", "Name in English"), m.name_en),
            (translate("Medications", "Strength"), m.strength),
            *_dose_rows(m),
            (translate("Medications", "Route"), label_of(Route, m.route)),
            (translate("Medications", "Reason"), links.label(self._session, "diagnoses", m.reason_id)),
            (translate("Medications", "Prescribed by"), links.label(self._session, "contacts", m.prescriber_id)),
            (translate("Medications", "Started on"), partial(m.start_date)),
            (translate("Medications", "Stops on") if current else translate("Medications", "Stopped on"),
             partial(m.stop_date)),
            (translate("Medications", "Reason for stopping"), m.stop_reason),
            (translate("Medications", "Notes"), m.notes),
        ]
        return (f"<h3>{escape(_joined(' ', m.name, m.strength))}</h3>" + definition_table(rows)
                + doctor_part([("", [codes_row(m.codes)])], self.doctor_part_open))

    def extra_details_html(self, medication: Medication) -> str:
        # The history comes after the medicine's own provenance, so each "Entered by" line
        # stands under what it is about.
        changes = self.service.changes(medication.id) if medication.id is not None else []
        html = heading(translate("Medications", "Dose changes"), 4)
        if not changes:
            return html + "<p>" + escape(translate("Medications", "No changes recorded yet.")) + "</p>"
        return html + "<hr>".join(self._change_html(change) for change in changes)

    @staticmethod
    def _change_html(change: MedicationChange) -> str:
        rows = [
            (translate("Medications", "New dose"), change.dose),
            (translate("Medications", "New schedule"), change.schedule),
            (translate("Medications", "Reason"), change.reason),
        ]
        correct, delete = escape(translate("Medications", "Correct…")), escape(translate("Medications", "Delete"))
        actions = f"<a href='change:{change.id}'>{correct}</a> &nbsp; <a href='delete:{change.id}'>{delete}</a>"
        return (f"<p><b>{escape(partial(change.changed_on))}</b></p>" + definition_table(rows)
                + provenance_html(change.provenance) + f"<p>{actions}</p>")

    def _on_history_link(self, url: QUrl) -> None:
        action, _, change_id = url.toString().partition(":")
        change = self.service.get_change(int(change_id)) if change_id.isdigit() else None
        if change is None:
            return
        if action == "change":
            self.correct_change(change)
        elif action == "delete":
            self.delete_change(change)

    def correct_change(self, change: MedicationChange) -> None:
        medication = self.service.get(change.medication_id) if change.medication_id is not None else None
        self._run(correct_change_dialog(self.service, change, medication.name if medication else "", self))

    def delete_change(self, change: MedicationChange) -> None:
        medication = self.service.get(change.medication_id) if change.medication_id is not None else None
        if medication is None or change.id is None:
            return
        event = self.service.delete_change(change.id)
        # One undo history for medicines and their changes, so Undo (and Ctrl+Z) brings back the latest.
        self._deleted.append((_RestoreChange(self.service, change.id), medication))
        self.undo_text.setText(escape(fill(translate("Medications", "Change of “%1” on %2 deleted."),
                                           medication.name, partial(change.changed_on))))
        self.undo_bar.show()
        self.events.announce(event)

    def release(self) -> None:
        super().release()
        self._reasons = {}  # diagnosis names are part of the record too
