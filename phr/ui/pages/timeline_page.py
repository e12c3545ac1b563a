"""The timeline: everything in the record that has a date, newest first, filtered by kind."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from phr.ui.text.formatting import heading, when
from phr.ui.widgets.entry_table import Column, EntryTableModel, entry_table_view

translate = QCoreApplication.translate

# Filter groups a person thinks in, and the event kinds in each.
GROUPS = {
    "diagnoses": ("diagnosis", "genetic_test", "allergy"),
    "care_plan": ("goal_start", "goal_review", "evaluation"),
    "medications": ("medication_start", "medication_stop", "medication_change"),
    "appointments": ("appointment",),
    "documents": ("document",),
}


def group_label(group: str) -> str:
    return {"diagnoses": translate("Timeline", "Diagnoses and allergies"),
            "care_plan": translate("Timeline", "Goals and evaluations"),
            "medications": translate("Timeline", "Medicines"),
            "appointments": translate("Timeline", "Appointments"),
            "documents": translate("Timeline", "Documents")}[group]


def kind_label(kind: str) -> str:
    return {
        "diagnosis": translate("Timeline", "Diagnosis"), "genetic_test": translate("Timeline", "Genetic test"),
        "allergy": translate("Timeline", "Allergy noted"), "goal_start": translate("Timeline", "Goal started"),
        "goal_review": translate("Timeline", "Goal review"), "evaluation": translate("Timeline", "Evaluation"),
        "medication_start": translate("Timeline", "Medicine started"),
        "medication_stop": translate("Timeline", "Medicine stopped"),
        "medication_change": translate("Timeline", "Medicine changed"),
        "appointment": translate("Timeline", "Appointment"), "document": translate("Timeline", "Document"),
    }.get(kind, kind)


class TimelinePage(QWidget):
    def __init__(self, service, events, parent=None):
        super().__init__(parent)
        self.service = service
        self.events = events
        self.filters: dict[str, QCheckBox] = {}
        columns = [Column(translate("Timeline", "Date"), lambda e: when(e.date)),
                   Column(translate("Timeline", "What"), lambda e: kind_label(e.kind)),
                   Column(translate("Timeline", "Entry"), lambda e: e.title)]
        self.model = EntryTableModel(columns, self._fetch, self)
        self._build()
        events.changed.connect(lambda _change: self.reload())
        self.reload()

    def _build(self) -> None:
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Timeline", "Show:")))
        for group in GROUPS:
            box = QCheckBox(group_label(group))
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.reload())
            self.filters[group] = box
            row.addWidget(box)
        row.addStretch()
        self.table = entry_table_view(self.model, translate("Timeline", "Timeline"))
        self.table.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(heading(translate("Timeline", "Timeline"))))
        layout.addLayout(row)
        layout.addWidget(QLabel(translate("Timeline", "Press Enter or double-click to open an entry.")))
        layout.addWidget(self.table, 1)

    def chosen_kinds(self) -> tuple[str, ...]:
        return tuple(kind for group, box in self.filters.items() if box.isChecked() for kind in GROUPS[group])

    def _fetch(self, offset: int, limit: int) -> list:
        return self.service.events(self.chosen_kinds(), offset, limit)

    def reload(self) -> None:
        self.model.reload()
        self.table.resizeColumnsToContents()

    def _open(self, index) -> None:
        event = self.model.item(index.row())
        if event is not None:
            self.events.show_item.emit(event.section, event.item_id)

    def release(self) -> None:
        self.model.clear()

