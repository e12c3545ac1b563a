"""The timeline: everything in the record that has a date, newest first, filtered by kind."""

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from phr.core.vocabulary import Section, TimelineKind
from phr.record.timeline import TimelineEvent, TimelineService
from phr.ui.app.events import RecordEvents
from phr.ui.text.formatting import heading, when
from phr.ui.text.vocabulary import label, label_of
from phr.ui.widgets.empty_state import EmptyState
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view
from phr.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate


class Group(StrEnum):
    """The filter groups a person thinks in."""

    DIAGNOSES = "diagnoses"
    CARE_PLAN = "care_plan"
    MEDICATIONS = "medications"
    APPOINTMENTS = "appointments"
    DOCUMENTS = "documents"
    HISTORY = "history"


# The event kinds in each group.
GROUPS: dict[Group, tuple[str, ...]] = {
    Group.DIAGNOSES: ("diagnosis", "genetic_test", "allergy"),
    Group.CARE_PLAN: ("goal_start", "goal_review", "evaluation"),
    Group.MEDICATIONS: ("medication_start", "medication_stop", "medication_change"),
    Group.APPOINTMENTS: ("appointment",),
    Group.DOCUMENTS: ("document",),
    Group.HISTORY: ("vaccination", "procedure"),
}


def group_label(group: Group) -> str:
    """A group that is a section of the record by the section's name; the others name what they gather."""
    if group == Group.DIAGNOSES:
        return translate("Timeline", "Diagnoses and allergies")
    if group == Group.CARE_PLAN:
        return translate("Timeline", "Goals and evaluations")
    if group == Group.HISTORY:
        return translate("Timeline", "Vaccinations and operations")
    return label(Section(group))


class TimelinePage(QWidget):
    def __init__(self, service: TimelineService, events: RecordEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.events = events
        self.filters: dict[Group, QCheckBox] = {}
        columns: list[Column[TimelineEvent]] = [Column(translate("Timeline", "Date"), lambda e: when(e.date)),
                   Column(translate("Timeline", "What"), lambda e: label_of(TimelineKind, e.kind)),
                   Column(translate("Timeline", "Entry"), lambda e: e.title)]
        self.model = EntryTableModel(columns, self._fetch, self)
        self._build()
        events.changed.connect(lambda _change: self.reload())
        self.reload()

    def _build(self) -> None:
        row = FlowLayout()  # the filters wrap where the page is narrow (a small screen, large text)
        self.show_label = QLabel(translate("Timeline", "Show:"))
        row.addWidget(self.show_label)
        for group in GROUPS:
            box = QCheckBox(group_label(group))
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.reload())
            self.filters[group] = box
            row.addWidget(box)
        self.table = entry_table_view(self.model, translate("Timeline", "Timeline"))
        self.table.activated.connect(self._open)
        self.hint = QLabel(translate("Timeline", "Press Enter or double-click to open an entry."))
        self.hint.setWordWrap(True)
        self.empty_state = EmptyState(
            translate("Timeline", "Here everything in the record appears in order of date, once something is in it."),
            translate("Timeline", "&Go to the overview"), lambda: self.events.ask_to_show("overview", 0))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(heading(translate("Timeline", "Timeline"))))
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_state, 1)
        self.list_parts: list[QWidget] = [self.show_label, *self.filters.values(), self.hint, self.table]

    def chosen_kinds(self) -> tuple[str, ...]:
        return tuple(kind for group, box in self.filters.items() if box.isChecked() for kind in GROUPS[group])

    def _fetch(self, offset: int, limit: int) -> list[TimelineEvent]:
        return self.service.events(self.chosen_kinds(), offset, limit)

    def reload(self) -> None:
        self.model.reload()
        self.table.resizeColumnsToContents()
        # Nothing with a date in the record at all (not just nothing the filters let through): say what comes here.
        empty = not self.service.events(tuple(kind for kinds in GROUPS.values() for kind in kinds), 0, 1)
        for part in self.list_parts:
            part.setVisible(not empty)
        self.empty_state.setVisible(empty)

    def _open(self, index: QModelIndex) -> None:
        event = self.model.item(index.row())
        if event is not None:
            self.events.ask_to_show(event.section, event.item_id)

    def release(self) -> None:
        self.model.clear()

