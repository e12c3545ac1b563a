"""What the recovery sheet says: the code, whose record it opens, where the record is and when the code was made.

The sheet is about the record, not a health summary: its frame names the person without a birth date.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from phr.export.pdf.facts import Subject


@dataclass(frozen=True)
class RecoveryFacts:
    code: str
    person_name: str
    folder: str
    made_on: date

    @property
    def subject(self) -> Subject:
        return Subject(self.person_name, None)


def recovery_facts(code: str, folder: Path, person_name: str, made_on: date) -> RecoveryFacts:
    return RecoveryFacts(code, person_name, str(folder), made_on)
