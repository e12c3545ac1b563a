"""An entry service whose entries keep the codes another system gave them (phr.record.codings)."""

from dataclasses import replace
from typing import Any, TypeVar

from phr.core.entries import Entry, EntryService
from phr.record import codings

T = TypeVar("T", bound=Entry)


class CodedEntryService(EntryService[T]):
    """Stores an entry's `codes` as JSON text and reads them back as codings."""

    def to_values(self, item: T) -> dict[str, Any]:
        values = super().to_values(item)
        values["codes"] = codings.to_text(getattr(item, "codes"))
        return values

    def from_row(self, row: dict[str, Any]) -> T:
        return replace(super().from_row(row), codes=codings.from_text(row["codes"]))
