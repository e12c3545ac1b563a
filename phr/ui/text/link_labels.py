"""Labels of linked entries as the UI shows them: a visit's date and time in words, not ISO text."""

from phr.core import links
from phr.core.session import Session
from phr.ui.forms.date_time_field import in_words
from phr.ui.text.formatting import partial


def visit_label(label: str, short: bool = False) -> str:
    """'2024-03-14T10:30 – Check-up' -> 'donderdag 14 maart 2024 om 10:30 – Check-up' (short: 'do 14 mrt ...')."""
    when, dash, purpose = label.partition(" – ")
    readable = in_words(when, short=short) if "T" in when else partial(when)
    return readable + (dash + purpose if dash else "") if readable else label


def choices(session: Session, table_name: str) -> dict[int, str]:
    """For choice lists: visits in the short form."""
    found = links.choices(session, table_name)
    if table_name != "appointments":
        return found
    return {item_id: visit_label(text, short=True) for item_id, text in found.items()}


def label(session: Session, table_name: str, item_id: int | None) -> str:
    """For details: visits in full."""
    text = links.label(session, table_name, item_id)
    return visit_label(text) if table_name == "appointments" and text else text
