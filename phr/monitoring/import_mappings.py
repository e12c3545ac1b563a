"""CSV mappings saved for next time, inside the encrypted record (they name measures and columns).

A Mapping says how to read a CSV file Regie does not know: which column holds the time, the
value and the note, which measure and unit the values are. It is plain data (saved as JSON), the
vocabulary both the record and the device import (phr.imports) speak; the import reads files with it.
"""

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from phr.core import validation
from phr.core.entries import Change, EntryService, FieldError, Provenance
from phr.core.vocabulary import Section
from phr.storage.repos import tables

DATE_ORDERS = ("auto", "dmy", "mdy", "ymd")


@dataclass
class Mapping:
    """How to read a CSV; plain data, so it can be saved (as JSON) for the next file."""

    time_column: str
    value_column: str
    measure: str                  # a measure key: 'weight', 'bp', or a custom measure's key
    unit: str                     # the values' unit; '' for the measure's own unit
    note_column: str = ""
    date_order: str = "auto"      # one of DATE_ORDERS

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mapping":
        """A saved mapping; keys it does not know are ignored. ValueError when one is missing."""
        known = {f.name for f in fields(cls)}
        try:
            return cls(**{key: str(value) for key, value in data.items() if key in known})
        except TypeError as error:
            raise ValueError(f"not a saved mapping: {error}") from None


@dataclass(frozen=True)
class SavedMapping:
    name: str = ""
    mapping: str = ""             # JSON of a Mapping
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)

    def as_mapping(self) -> Mapping:
        return Mapping.from_dict(json.loads(self.mapping))


class MappingService(EntryService[SavedMapping]):
    section = Section.MONITORING
    table = tables.IMPORT_MAPPINGS
    item_type = SavedMapping

    def validate(self, saved: SavedMapping) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", saved.name)
        try:
            saved.as_mapping()
        except (ValueError, TypeError):
            checks.add("mapping", "invalid_choice")
        return checks.errors

    def save(self, name: str, mapping: Mapping) -> Change:
        """Saves under `name`, replacing a mapping of the same name."""
        same = next((m for m in self.all() if m.name.casefold() == name.strip().casefold()), None)
        saved = SavedMapping(name, json.dumps(mapping.to_dict(), sort_keys=True))
        if same is None:
            return self.add(saved)
        return self.update(SavedMapping(same.name, saved.mapping, same.id, same.uid))
