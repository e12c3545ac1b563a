"""Links between entries: what points where (asked before deleting something that is linked)."""

from phr.storage.database import Database
from phr.storage.repos.tables import ALL


def count_references(db: Database, table_name: str, item_id: int) -> int:
    """Entries (not deleted) whose links point to `item_id` in `table_name`; child rows not counted."""
    total = 0
    for table in ALL:
        for column, target in table.references.items():
            if target == table_name and column != table.parent:
                total += db.integer(
                    f"SELECT count(*) FROM {table.name} WHERE {column} = ? AND deleted_at IS NULL", (item_id,))
    return total


# How an entry is named when another entry links to it (in a choice list or a details pane).
_LABELS = {
    "contacts": "name",
    "diagnoses": "name",
    "goals": "description",
    "medications": "name",
    "appointments": "starts_at || coalesce(' – ' || purpose, '')",
}


def labels(db: Database, table_name: str) -> dict[int, str]:
    """id -> label of every entry (not deleted) in `table_name` that others can link to."""
    label = _LABELS[table_name]
    rows = db.query(f"SELECT id, {label} FROM {table_name} WHERE deleted_at IS NULL ORDER BY id")
    return {item_id: text or "" for item_id, text in rows}
