"""What the user asked for in one export: kind, language, period and sections.

The export language is chosen separately from the app's language: a Dutch patient may
take an English summary to a specialist abroad.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

KINDS = ("overview", "visit", "emergency")
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class ExportOptions:
    kind: str = "overview"
    language: str = "nl"
    since: date | None = None          # only what happened from this day on (dated entries)
    until: date | None = None          # ... up to and including this day
    sections: frozenset | None = None  # section keys to include; None means all of the kind's sections
    appointment_id: int | None = None  # visit brief: the consultation it prepares (default: the next one)
    now: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown export kind: {self.kind}")
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown export language: {self.language}")
        if self.since and self.until and self.since > self.until:
            raise ValueError("the period ends before it starts")

    @property
    def today(self) -> date:
        return self.now.date()

    def wants(self, section: str) -> bool:
        return self.sections is None or section in self.sections

    def in_period(self, day: date | str | None) -> bool:
        """Whether a (possibly partial ISO) date falls in the chosen period; undated entries always do."""
        if not day:
            return True
        text = day.isoformat() if isinstance(day, date) else str(day)
        if self.since and text[: len(self.since.isoformat())] < self.since.isoformat()[: len(text)]:
            return False
        if self.until and text[:10] > self.until.isoformat()[: len(text[:10])]:
            return False
        return True
