"""Choosing and showing links between entries (a diagnosis made by a contact, a goal for a diagnosis)."""

from phr.core.session import Session
from phr.storage.repos import links

LINKABLE = ("contacts", "diagnoses", "goals", "medications", "appointments")


def choices(session: Session, table_name: str) -> dict[int, str]:
    """id -> label of every entry of `table_name` that can be linked to."""
    if table_name not in LINKABLE:
        raise ValueError(table_name)
    return links.labels(session.db, table_name)


def label(session: Session, table_name: str, item_id: int | None) -> str:
    """The label of a linked entry; '' when there is no link or the entry was deleted."""
    if item_id is None:
        return ""
    return choices(session, table_name).get(item_id, "")
