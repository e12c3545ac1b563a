"""What every part of the FHIR export shares: the record, the words, today, and the references."""

from dataclasses import dataclass, field
from datetime import date, datetime

from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.narrative import FhirWords
from phr.record.services import RecordServices


@dataclass
class Section:
    """One Composition section: its key in fhir_codes.SECTIONS, title, narrative and resources."""

    key: str
    title: str
    text: dict
    entries: list[tuple[str, dict]] = field(default_factory=list)  # (fullUrl, resource)


@dataclass
class FhirContext:
    services: RecordServices
    words: FhirWords
    now: datetime
    patient_url: str
    # (table, id) -> fullUrl, so a medicine can point at the diagnosis it is for.
    urls: dict[tuple[str, int], str] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def subject(self) -> dict:
        return {"reference": self.patient_url}

    def url_of(self, table: str, item) -> str:
        url = codes.full_url(table, item.uid)
        self.urls[(table, item.id)] = url
        return url

    def reference(self, table: str, item_id: int | None) -> dict | None:
        url = self.urls.get((table, item_id)) if item_id is not None else None
        return {"reference": url} if url else None


def identifier(uid: str | None) -> list[dict]:
    return [{"system": codes.ENTRY_UID, "value": uid}] if uid else []


def without_empty(resource: dict) -> dict:
    """FHIR forbids empty strings, lists and objects: leave out what the record does not hold."""
    cleaned = {}
    for name, value in resource.items():
        if isinstance(value, dict):
            value = without_empty(value)
        elif isinstance(value, list):
            value = [without_empty(v) if isinstance(v, dict) else v for v in value]
            value = [v for v in value if v not in ("", None, {}, [])]
        if value not in ("", None, {}, []):
            cleaned[name] = value
    return cleaned
