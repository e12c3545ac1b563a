"""The list of measures on the monitoring page: yours first, each with its latest reading in words.

'Yours' are the measures with a plan or a target agreed with the care team (first), then those
with readings and your own measures. The diary follows; "Show all measures" adds the rest of the
catalogue, so a first reading of a new measure is one choice away.
"""

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from phr.monitoring.measures import Measure
from phr.record.services import RecordServices
from phr.ui.monitoring.measure_words import latest_text
from phr.ui.text.formatting import fill

translate = QCoreApplication.translate
DIARY = "#diary"   # a measure key is made of a-z, 0-9 and _, so this never is one
KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class MeasureEntry:
    key: str
    title: str
    latest: str


def measure_entries(services: RecordServices, language: str, today: date, show_all: bool,
                    keep: str | None = None) -> list[MeasureEntry]:
    """Measures with a plan or agreed target, then with readings or made by you; then (show_all) the rest.

    `keep` (the measure in view) stays among yours: deleting its last reading must not take it, and
    the Undo of that delete, away."""
    counts = services.readings.counts()
    planned = {plan.measure for plan in services.plans.all()} | {target.measure for target in services.targets.all()}
    own = {custom.key for custom in services.measures.all()}
    measures = services.measures.self_measured()
    first = [m for m in measures if m.key in planned]
    kept = None if show_all else keep  # with all measures shown it is in the list anyway, in its place
    then = [m for m in measures if m.key not in planned and (counts.get(m.key) or m.key in own or m.key == kept)]
    rest = [m for m in measures if m not in first and m not in then] if show_all else []

    def entry(measure: Measure) -> MeasureEntry:
        latest = services.readings.latest(measure.key) if counts.get(measure.key) else None
        return MeasureEntry(measure.key, measure.name(language), latest_text(measure, latest, today))
    return [entry(m) for m in first + then] + [MeasureEntry(DIARY, "", "")] + [entry(m) for m in rest]


def diary_text(count: int) -> str:
    if count == 0:
        return translate("Monitoring", "Diary\nNothing written yet")
    return fill(translate("Monitoring", "Diary\nEntries: %1"), count)


class MeasureList(QListWidget):
    """Two lines per measure: its name, and its latest reading ('128/82 mmHg, pulse 66 — today 08:00')."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Monitoring", "Measures"))
        self.setSpacing(2)
        self.setWordWrap(True)

    def show_entries(self, entries: list[MeasureEntry], diary_count: int) -> None:
        keep = self.current_key()
        self.blockSignals(True)
        self.clear()
        for entry in entries:
            text = diary_text(diary_count) if entry.key == DIARY else f"{entry.title}\n{entry.latest}"
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, entry.key)
            self.addItem(item)
        self.select(keep)  # quietly: the page shows the chosen measure itself, once
        self.blockSignals(False)

    def current_key(self) -> str | None:
        item = self.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else None

    def select(self, key: str | None) -> bool:
        """Make `key` current; False when it is not in the list."""
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.data(KEY_ROLE) == key:
                self.setCurrentRow(row)
                return True
        return False
