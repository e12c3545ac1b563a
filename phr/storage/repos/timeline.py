"""Every dated event in the record, newest first, in one query over all sections."""

from typing import NamedTuple

from phr.storage.database import Database
from phr.storage.vocabulary import TimelineKind as Kind

# kind -> (SELECT of item id, date, title, FROM ... WHERE ...). Deleted entries, and children of
# deleted entries, never appear.
_EVENTS = {
    Kind.DIAGNOSIS: "SELECT id, diagnosed_on, name FROM diagnoses "
                    "WHERE deleted_at IS NULL AND diagnosed_on IS NOT NULL",
    Kind.GENETIC_TEST: "SELECT id, genetic_test_date, name FROM diagnoses "
                       "WHERE deleted_at IS NULL AND genetic_test_date IS NOT NULL",
    Kind.ALLERGY: "SELECT id, noted_on, substance FROM allergies WHERE deleted_at IS NULL AND noted_on IS NOT NULL",
    Kind.GOAL_START: "SELECT id, start_date, description FROM goals "
                     "WHERE deleted_at IS NULL AND start_date IS NOT NULL",
    Kind.GOAL_REVIEW: "SELECT id, review_date, description FROM goals "
                      "WHERE deleted_at IS NULL AND review_date IS NOT NULL AND status = 'active'",
    Kind.EVALUATION: "SELECT g.id, e.evaluated_on, g.description FROM goal_evaluations e "
                     "JOIN goals g ON g.id = e.goal_id WHERE e.deleted_at IS NULL AND g.deleted_at IS NULL",
    Kind.MEDICATION_START: "SELECT id, start_date, name FROM medications "
                           "WHERE deleted_at IS NULL AND start_date IS NOT NULL",
    Kind.MEDICATION_STOP: "SELECT id, stop_date, name FROM medications "
                          "WHERE deleted_at IS NULL AND stop_date IS NOT NULL",
    Kind.MEDICATION_CHANGE: "SELECT m.id, c.changed_on, m.name FROM medication_changes c "
                            "JOIN medications m ON m.id = c.medication_id "
                            "WHERE c.deleted_at IS NULL AND m.deleted_at IS NULL",
    Kind.APPOINTMENT: "SELECT id, starts_at, coalesce(purpose, '') FROM appointments WHERE deleted_at IS NULL",
    Kind.DOCUMENT: "SELECT id, document_date, title FROM documents "
                   "WHERE deleted_at IS NULL AND document_date IS NOT NULL",
    Kind.VACCINATION: "SELECT id, given_on, vaccine FROM vaccinations "
                      "WHERE deleted_at IS NULL AND given_on IS NOT NULL",
    Kind.PROCEDURE: "SELECT id, performed_on, name FROM procedures "
                    "WHERE deleted_at IS NULL AND performed_on IS NOT NULL",
}
KINDS = tuple(_EVENTS)


class TimelineRow(NamedTuple):
    kind: str      # a TimelineKind
    item_id: int
    date: str      # ISO; may be partial ('2019') or carry a time
    title: str


def events(db: Database, kinds: tuple[str, ...] = KINDS, limit: int = 200, offset: int = 0) -> list[TimelineRow]:
    """Dated events of the given kinds, newest first."""
    chosen = [kind for kind in KINDS if kind in kinds]
    if not chosen:
        return []
    union = " UNION ALL ".join(f"SELECT '{kind}' AS kind, * FROM ({_EVENTS[kind]})" for kind in chosen)
    rows = db.query(f"SELECT * FROM ({union}) ORDER BY 3 DESC, 1, 2 LIMIT ? OFFSET ?", (int(limit), int(offset)))
    return [TimelineRow(*row) for row in rows]
