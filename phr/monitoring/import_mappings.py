"""CSV mappings saved for next time, inside the encrypted record (they name measures and columns)."""

import json
from dataclasses import dataclass, field

from phr.core import validation
from phr.core.entries import EntryService, FieldError, Provenance
from phr.imports.devices.generic import Mapping
from phr.storage.repos import tables


@dataclass(frozen=True)
class SavedMapping:
    name: str = ""
    mapping: str = ""             # JSON of a phr.imports.devices.generic.Mapping
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)

    def as_mapping(self) -> Mapping:
        return Mapping.from_dict(json.loads(self.mapping))


class MappingService(EntryService[SavedMapping]):
    section = "monitoring"
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

    def save(self, name: str, mapping: Mapping):
        """Saves under `name`, replacing a mapping of the same name."""
        same = next((m for m in self.all() if m.name.casefold() == name.strip().casefold()), None)
        saved = SavedMapping(name, json.dumps(mapping.to_dict(), sort_keys=True))
        if same is None:
            return self.add(saved)
        return self.update(SavedMapping(same.name, saved.mapping, same.id, same.uid))
