"""Every dated event in the record, newest first, in one query over all sections."""

from phr.storage.database import Database

# kind -> (SELECT of item id, date, title, FROM ... WHERE ...). Deleted entries, and children of
# deleted entries, never appear.
_EVENTS = {
    "diagnosis": "SELECT id, diagnosed_on, name FROM diagnoses WHERE deleted_at IS NULL AND diagnosed_on IS NOT NULL",
    "genetic_test": "SELECT id, genetic_test_date, name FROM diagnoses "
                    "WHERE deleted_at IS NULL AND genetic_test_date IS NOT NULL",
    "allergy": "SELECT id, noted_on, substance FROM allergies WHERE deleted_at IS NULL AND noted_on IS NOT NULL",
    "goal_start": "SELECT id, start_date, description FROM goals WHERE deleted_at IS NULL AND start_date IS NOT NULL",
    "goal_review": "SELECT id, review_date, description FROM goals "
                   "WHERE deleted_at IS NULL AND review_date IS NOT NULL AND status = 'active'",
    "evaluation": "SELECT g.id, e.evaluated_on, g.description FROM goal_evaluations e JOIN goals g ON g.id = e.goal_id "
                  "WHERE e.deleted_at IS NULL AND g.deleted_at IS NULL",
    "medication_start": "SELECT id, start_date, name FROM medications "
                        "WHERE deleted_at IS NULL AND start_date IS NOT NULL",
    "medication_stop": "SELECT id, stop_date, name FROM medications WHERE deleted_at IS NULL AND stop_date IS NOT NULL",
    "medication_change": "SELECT m.id, c.changed_on, m.name FROM medication_changes c "
                         "JOIN medications m ON m.id = c.medication_id "
                         "WHERE c.deleted_at IS NULL AND m.deleted_at IS NULL",
    "appointment": "SELECT id, starts_at, coalesce(purpose, '') FROM appointments WHERE deleted_at IS NULL",
    "document": "SELECT id, document_date, title FROM documents "
                "WHERE deleted_at IS NULL AND document_date IS NOT NULL",
}
KINDS = tuple(_EVENTS)


def events(db: Database, kinds: tuple[str, ...] = KINDS, limit: int = 200, offset: int = 0) -> list[tuple]:
    """(kind, item id, date, title), newest first; dates may be partial ('2019') or carry a time."""
    chosen = [kind for kind in KINDS if kind in kinds]
    if not chosen:
        return []
    union = " UNION ALL ".join(f"SELECT '{kind}' AS kind, * FROM ({_EVENTS[kind]})" for kind in chosen)
    return db.query(f"SELECT * FROM ({union}) ORDER BY 3 DESC, 1, 2 LIMIT ? OFFSET ?", (int(limit), int(offset)))
