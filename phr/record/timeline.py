"""The timeline: every dated event of the care process, with filters by kind."""

from dataclasses import dataclass

from phr.storage.repos import timeline

KINDS = timeline.KINDS
# Which page shows the entry an event comes from.
SECTION_OF = {
    "diagnosis": "diagnoses", "genetic_test": "diagnoses", "allergy": "person", "goal_start": "care_plan",
    "goal_review": "care_plan", "evaluation": "care_plan", "medication_start": "medications",
    "medication_stop": "medications", "medication_change": "medications", "appointment": "appointments",
    "document": "documents", "vaccination": "vaccinations", "procedure": "procedures",
}


@dataclass(frozen=True)
class TimelineEvent:
    kind: str
    item_id: int
    date: str      # ISO; may be partial ('2019') or a date and time ('2026-11-30T10:30')
    title: str

    @property
    def section(self) -> str:
        return SECTION_OF[self.kind]


class TimelineService:
    def __init__(self, session):
        self._session = session

    def events(self, kinds: tuple[str, ...] = KINDS, offset: int = 0, limit: int = 200) -> list[TimelineEvent]:
        rows = timeline.events(self._session.db, kinds, limit, offset)
        return [TimelineEvent(*row) for row in rows]
