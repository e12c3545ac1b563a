"""The evaluations of one care-plan goal: how it went over time, with progress in words and who wrote it."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from phr.core.vocabulary import GoalProgress
from phr.record.care_plan import CarePlanService, Evaluation, Goal
from phr.ui.forms.fields import FormField, choice_field, date_field, long_text_field
from phr.ui.text.formatting import escape, fill, partial, provenance_html
from phr.ui.text.vocabulary import choices, label_of
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view
from phr.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate


def evaluation_fields() -> list[FormField]:
    return [
        date_field("evaluated_on", translate("CarePlan", "&Date:")),
        choice_field("progress", translate("CarePlan", "&Progress:"), choices(GoalProgress)),
        long_text_field("how_it_went", translate("CarePlan", "&How did it go?"),
                        translate("CarePlan", "In your own words")),
        long_text_field("next_step", translate("CarePlan", "&Next step:")),
    ]


def one_line(text: str) -> str:
    return " ".join((text or "").split())


class EvaluationsPanel(QWidget):
    """A list of the shown goal's evaluations, newest first, with buttons the page connects to its actions."""

    def __init__(self, service: CarePlanService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.goal: Goal | None = None
        self.model = EntryTableModel(self._columns(), self._fetch, self)
        self.heading = QLabel()
        self.add_button = QPushButton(translate("CarePlan", "Add &evaluation…"))
        self.edit_button = QPushButton(translate("CarePlan", "Change eval&uation…"))
        self.delete_button = QPushButton(translate("CarePlan", "Delete evaluati&on"))
        self.table = self._table()
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        self.provenance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = FlowLayout()  # the heading and buttons wrap at large text instead of widening the page
        row.addWidget(self.heading)
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.provenance)

    def _columns(self) -> list[Column[Evaluation]]:
        return [
            Column(translate("CarePlan", "Date"), lambda e: partial(e.evaluated_on)),
            Column(translate("CarePlan", "Progress"), lambda e: label_of(GoalProgress, e.progress)),
            Column(translate("CarePlan", "How it went"), lambda e: one_line(e.how_it_went)),
            Column(translate("CarePlan", "Next step"), lambda e: one_line(e.next_step)),
        ]

    def _table(self) -> QTableView:
        table = entry_table_view(self.model, translate("CarePlan", "Evaluations"))
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        return table

    def _fetch(self, offset: int, limit: int) -> list[Evaluation]:
        if self.goal is None or self.goal.id is None:
            return []
        return self.service.evaluations(self.goal.id)[offset:offset + limit]

    def show_goal(self, goal: Goal | None, select_id: int | None = None) -> None:
        """Show the evaluations of `goal` (None: no goal), keeping the selected one when it is still there."""
        same_goal = self.goal is not None and goal is not None and goal.id == self.goal.id
        keep = select_id
        if keep is None and same_goal:
            keep = getattr(self.selected(), "id", None)
        self.goal = goal
        self.model.reload()
        self._fit_columns()
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(row if row >= 0 else 0)
        heading = fill(translate("CarePlan", "Evaluations of this goal (%1)"), self.model.rowCount())
        self.heading.setText(f"<b>{escape(heading)}</b>")
        self._show_selected()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))

    def selected(self) -> Evaluation | None:
        return self.model.item(self.table.currentIndex().row())

    def _show_selected(self) -> None:
        evaluation = self.selected()
        self.add_button.setEnabled(self.goal is not None)
        self.edit_button.setEnabled(evaluation is not None)
        self.delete_button.setEnabled(evaluation is not None)
        self.provenance.setText(self._selected_html(evaluation) if evaluation else self._empty_text())

    @staticmethod
    def _selected_html(evaluation: Evaluation) -> str:
        """The whole evaluation (the table cuts long text) and where it came from."""
        words = fill(translate("CarePlan", "%1 – %2: %3"), partial(evaluation.evaluated_on),
                     label_of(GoalProgress, evaluation.progress), evaluation.how_it_went)
        text = escape(words).replace("\n", "<br>")
        if evaluation.next_step:
            step = fill(translate("CarePlan", "Next step: %1"), evaluation.next_step)
            text += "<br>" + escape(step).replace("\n", "<br>")
        return text + provenance_html(evaluation.provenance)

    def _empty_text(self) -> str:
        if self.goal is None:
            return ""
        return escape(translate("CarePlan", "No evaluations yet. Looking back now and then helps to see what works."))

    def clear(self) -> None:
        """Forget everything shown (the record is locking)."""
        self.goal = None
        self.model.clear()
        self.provenance.clear()
