"""Search across the whole record; a hit says which page and entry it leads to."""

from contextlib import AbstractContextManager
from dataclasses import dataclass

from phr.storage.repos import search
from phr.storage.repos.entries import search_text_at_end

HIT_START, HIT_END = search.HIT_START, search.HIT_END
MAX_WORDS = 12


@dataclass(frozen=True)
class SearchHit:
    section: str
    item_id: int
    title: str
    snippet: str  # matched words between HIT_START and HIT_END


class SearchService:
    def __init__(self, session):
        self._session = session

    def search(self, text: str, limit: int = 100) -> list[SearchHit]:
        printable = "".join(ch if ch.isprintable() else " " for ch in text)  # a pasted NUL or tab is no word
        words = printable.split()[:MAX_WORDS]
        return [SearchHit(*row) for row in search.search(self._session.db, words, limit)]

    def written_at_end(self) -> AbstractContextManager[None]:
        """Inside an import's transaction: its entries' search text written when the block ends, in bulk."""
        return search_text_at_end(self._session.db)
