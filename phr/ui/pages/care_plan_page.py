"""The care plan: personal goals, the agreements behind them, and how each went over time."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from phr.core.entries import Change
from phr.core.session import Session
from phr.core.vocabulary import GoalStatus, Section
from phr.monitoring.measures import CATALOGUE
from phr.monitoring.target_words import goal_target
from phr.record.care_plan import CarePlanService, Evaluation, Goal
from phr.ui.app.events import RecordEvents
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.fields import (
    FormField,
    choice_field,
    date_field,
    link_field,
    long_text_field,
    number_field,
    text_field,
)
from phr.ui.pages.goal_evaluations import EvaluationsPanel, evaluation_fields, one_line
from phr.ui.pages.section_page import SectionPage
from phr.ui.text import link_labels as links
from phr.ui.text.formatting import definition_table, escape, fill, partial
from phr.ui.text.language import app_language, app_words
from phr.ui.text.vocabulary import choices, label, label_of
from phr.ui.widgets.entry_table import Column

translate = QCoreApplication.translate


def measure_label(key: str) -> str:
    """A measure of the catalogue by its name; anything else is the person's own words for what is measured."""
    measure = CATALOGUE.get(key)
    return measure.name(app_language()) if measure else key


def measure_field(name: str, label: str) -> FormField:
    """A measure from the catalogue, chosen by its name, or what the person measures in their own words."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    edit = combo.lineEdit()
    assert edit is not None  # an editable combo box has one
    edit.setPlaceholderText(translate("CarePlan", "Choose a measurement, or type your own words"))
    combo.addItem("", "")
    for key in CATALOGUE:
        combo.addItem(measure_label(key), key)

    def get() -> str:
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)  # any case: 'weight' is Weight
        return str(combo.itemData(index)) if index > 0 else text

    def set_value(value: str) -> None:
        index = combo.findData(value or "")
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(value)

    return FormField(name, label, combo, get, set_value, combo.currentTextChanged)


def target_text(goal: Goal) -> str:
    """'Glucose: 4.0 to 10.0 mmol/L', 'Weight: at most 80 kg', or the measure alone."""
    return goal_target(app_words(), goal.target_low, goal.target_high, goal.target_unit,
                       measure_label(goal.target_measure))


class _RestoreEvaluation:
    """Puts a deleted evaluation on the page's one undo history, which undoes by the goal's id."""

    def __init__(self, service: CarePlanService, evaluation_id: int) -> None:
        self._service = service
        self._evaluation_id = evaluation_id

    def undo_delete(self, _goal_id: int) -> Change:
        return self._service.undo_delete_evaluation(self._evaluation_id)


class CarePlanPage(SectionPage[Goal]):
    sections_shown = (Section.CARE_PLAN,)
    service: CarePlanService

    def __init__(self, service: CarePlanService, session: Session, events: RecordEvents,
                 parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        self.title = label(Section.CARE_PLAN)
        self._session = session
        self._today = today
        self._active_only = True  # set before the base class first fetches the list
        self.evaluations: EvaluationsPanel | None = None  # made once the goals list is there
        super().__init__(service, events, parent)
        self.evaluations = EvaluationsPanel(service)
        self.body.addWidget(self.evaluations)  # its own height; the goals and their details get the rest
        self.list_parts.append(self.evaluations)  # no evaluations without a goal
        self.show_empty_state()
        self.evaluations.add_button.clicked.connect(self.add_evaluation)
        self.evaluations.edit_button.clicked.connect(self.edit_evaluation)
        self.evaluations.delete_button.clicked.connect(self.delete_evaluation)
        self.evaluations.table.activated.connect(lambda _index: self.edit_evaluation())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_evaluations())
        self._show_evaluations()

    # --- the goals list ------------------------------------------------------------------------

    def empty_state_texts(self) -> tuple[str, str]:
        return (translate("CarePlan", "Here you keep the goals and the agreements made with the care team, and later "
                                      "how they went."),
                translate("CarePlan", "&Add a goal…"))

    def columns(self) -> list[Column[Goal]]:
        return [
            Column(translate("CarePlan", "Goal"), lambda g: one_line(g.description)),
            Column(translate("CarePlan", "Status"), lambda g: label_of(GoalStatus, g.status)),
            Column(translate("CarePlan", "Review date"), self._review_text),
        ]

    def _review_text(self, goal: Goal) -> str:
        if self.service.is_overdue(goal, self._today()):  # said in words and with a sign, not by colour
            return fill(translate("CarePlan", "⚠ Review overdue: %1"), partial(goal.review_date))
        return partial(goal.review_date)

    def extra_buttons(self) -> list[QWidget]:
        self.show_all = QCheckBox(translate("CarePlan", "Also &show achieved and stopped goals"))
        self.show_all.toggled.connect(self._on_filter)
        return [self.show_all]

    def _on_filter(self, show_all: bool) -> None:
        self._active_only = not show_all
        self.reload()

    def fetch(self, offset: int, limit: int) -> list[Goal]:
        if self._active_only:
            return self.service.active_page(offset, limit)
        return self.service.page(offset, limit)

    def reload(self, select_id: int | None = None) -> None:
        if select_id is not None and self._active_only:
            goal = self.service.get(select_id)
            if goal is not None and goal.status != "active":  # keep showing what was just saved or asked for
                with QSignalBlocker(self.show_all):
                    self.show_all.setChecked(True)
                self._active_only = False
        super().reload(select_id)
        self._show_evaluations()

    def describe(self, goal: Goal) -> str:
        text = one_line(goal.description)
        return text if len(text) <= 60 else text[:59] + "…"

    # --- adding and changing a goal -----------------------------------------------------------

    def blank(self) -> Goal:
        return Goal(start_date=self._today().isoformat())

    def editor(self, goal: Goal) -> EntryDialog[Goal]:
        title = translate("CarePlan", "New goal") if goal.id is None else translate("CarePlan", "Change goal")
        save = self.service.add if goal.id is None else self.service.update
        return EntryDialog(title, self._fields(), goal, self.service.validate, save, self)

    def _fields(self) -> list[FormField]:
        none = translate("CarePlan", "(none)")
        visits = links.choices(self._session, "appointments")
        return [
            long_text_field("description", translate("CarePlan", "&Goal, in your own words:"),
                            translate("CarePlan", "e.g. I want to walk to the shop by myself again")),
            choice_field("status", translate("CarePlan", "S&tatus:"), choices(GoalStatus)),
            link_field("diagnosis_id", translate("CarePlan", "&For diagnosis:"),
                       links.choices(self._session, "diagnoses"), none),
            link_field("agreed_with", translate("CarePlan", "Agreed &with:"),
                       links.choices(self._session, "contacts"), none),
            long_text_field("patient_action", translate("CarePlan", "What &I do:")),
            long_text_field("provider_action", translate("CarePlan", "What the care &provider does:")),
            measure_field("target_measure", translate("CarePlan", "Target &measure:")),
            number_field("target_low", translate("CarePlan", "&Lower limit:")),
            number_field("target_high", translate("CarePlan", "&Upper limit:")),
            text_field("target_unit", translate("CarePlan", "U&nit:"), translate("CarePlan", "e.g. mmol/L, kg")),
            date_field("start_date", translate("CarePlan", "Sta&rt date:")),
            date_field("review_date", translate("CarePlan", "Re&view date:")),
            link_field("appointment_id", translate("CarePlan", "Agreed &during visit:"), visits, none),
        ]

    # --- details --------------------------------------------------------------------------------

    def details_html(self, goal: Goal) -> str:
        html = f"<h3>{escape(goal.description).replace(chr(10), '<br>')}</h3>"
        if self.service.is_overdue(goal, self._today()):
            html += "<p><b>" + escape(translate("CarePlan", "⚠ Review overdue: the review date has passed. "
                                                 "Add an evaluation or agree on a new review date.")) + "</b></p>"
        return html + definition_table(self._detail_rows(goal))

    def _detail_rows(self, goal: Goal) -> list[tuple[str, str]]:
        return [
            (translate("CarePlan", "Status"), label_of(GoalStatus, goal.status)),
            (translate("CarePlan", "Diagnosis"), links.label(self._session, "diagnoses", goal.diagnosis_id)),
            (translate("CarePlan", "Agreed with"), links.label(self._session, "contacts", goal.agreed_with)),
            (translate("CarePlan", "What I do"), goal.patient_action),
            (translate("CarePlan", "What the care provider does"), goal.provider_action),
            (translate("CarePlan", "Target"), target_text(goal)),
            (translate("CarePlan", "Start date"), partial(goal.start_date)),
            (translate("CarePlan", "Review date"), partial(goal.review_date)),
            (translate("CarePlan", "Agreed during visit"),
             links.label(self._session, "appointments", goal.appointment_id)),
        ]

    # --- evaluations ----------------------------------------------------------------------------

    def _show_evaluations(self, select_id: int | None = None) -> None:
        if self.evaluations is not None:
            self.evaluations.show_goal(self.selected(), select_id)

    def add_evaluation(self) -> None:
        goal = self.selected()
        if goal is not None:
            self._open_evaluation(goal, Evaluation(goal_id=goal.id, evaluated_on=self._today().isoformat()))

    def edit_evaluation(self) -> None:
        if self.evaluations is None:
            return
        goal, evaluation = self.selected(), self.evaluations.selected()
        if goal is not None and evaluation is not None:
            self._open_evaluation(goal, evaluation)

    def _open_evaluation(self, goal: Goal, evaluation: Evaluation) -> None:
        new = evaluation.id is None
        title = translate("CarePlan", "New evaluation: %1") if new else translate("CarePlan", "Change evaluation: %1")
        save = self.service.add_evaluation if new else self.service.update_evaluation
        dialog = EntryDialog(fill(title, self.describe(goal)), evaluation_fields(), evaluation,
                             self.service.validate_evaluation, save, self)
        if dialog.exec() and dialog.saved_change is not None:
            self.events.announce(dialog.saved_change)
            self.reload(select_id=goal.id)
            self._show_evaluations(None if new else evaluation.id)

    def delete_selected(self) -> None:
        """The Delete key deletes what has the focus: an evaluation in its list, else the goal."""
        if self.evaluations is not None and self.evaluations.table.hasFocus():
            self.delete_evaluation()
        else:
            super().delete_selected()

    def delete_evaluation(self) -> None:
        if self.evaluations is None:
            return
        goal, evaluation = self.selected(), self.evaluations.selected()
        if goal is None or evaluation is None or evaluation.id is None:
            return
        change = self.service.delete_evaluation(evaluation.id)
        # One undo history for goals and evaluations, so Undo (and Ctrl+Z) brings back the latest deletion.
        self._deleted.append((_RestoreEvaluation(self.service, evaluation.id), goal))
        message = fill(translate("CarePlan", "Evaluation of “%1” deleted."), self.describe(goal))
        self.undo_text.setText(escape(message))
        self.undo_bar.show()
        self.events.announce(change)

    def release(self) -> None:
        super().release()
        if self.evaluations is not None:
            self.evaluations.clear()
