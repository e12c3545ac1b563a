"""Full-text search over the record's search index (FTS5, inside the encrypted database)."""

from typing import NamedTuple

from phr.storage.database import Database

HIT_START, HIT_END = "\x02", "\x03"  # around matched words in snippets; the UI turns them into bold


def query_text(words: list[str]) -> str:
    """Each word as a quoted prefix term, all required: 'hydro cort' -> '"hydro"* "cort"*'."""
    return " ".join('"' + word.replace('"', "") + '"*' for word in words if word.replace('"', ""))


class SearchRow(NamedTuple):
    section: str   # the page a hit leads to
    item_id: int
    title: str
    snippet: str   # matched words between HIT_START and HIT_END


def search(db: Database, words: list[str], limit: int = 100) -> list[SearchRow]:
    """Hits, best first."""
    match = query_text(words)
    if not match:
        return []
    rows = db.query(
        "SELECT section, item_id, title, "
        f"snippet(search_index, 3, '{HIT_START}', '{HIT_END}', '…', 12) "
        "FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
        (match, int(limit)))
    return [SearchRow(*row) for row in rows]
