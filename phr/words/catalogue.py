"""The words of the exports, in English (the keys) and Dutch.

Why not Qt translation here: an export is made in a language chosen per export, not the
app's language, and `phr export` runs on the command line where no Qt is loaded (and
phr.export may not import Qt at all). So the export layer keeps its own small catalogue.
Each part of the exports brings its own `DUTCH` table, and phr.words.vocabulary the labels of every
fixed vocabulary (which the app shows too); tests/export/test_export_words.py checks that every literal
text passed to a `Words` object has its Dutch translation, and that the parts agree where they share one.

Call a Words object with the English text and, for texts with fields, keyword values:
    w("Page {page} of {pages}", page=1, pages=3)
"""

from datetime import date, datetime

from phr.words import (
    common as words_common,
)
from phr.words import (
    dose as words_dose,
)
from phr.words import (
    emergency as words_emergency,
)
from phr.words import (
    fhir as fhir_words,
)
from phr.words import (
    figures as words_figures,
)
from phr.words import (
    overview as words_overview,
)
from phr.words import (
    recovery as words_recovery,
)
from phr.words import (
    targets as words_targets,
)
from phr.words import (
    units as words_units,
)
from phr.words import (
    visit as words_visit,
)
from phr.words import (
    vocabulary as words_vocabulary,
)

DUTCH: dict[str, str] = {}
for _part in (words_common, words_vocabulary, words_targets, words_overview, words_visit, words_emergency,
              fhir_words, words_recovery, words_figures, words_dose, words_units):
    DUTCH.update(_part.DUTCH)

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


class Words:
    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, english: str, **fields: object) -> str:
        # An untranslated text shows in English rather than breaking the export; the test keeps this from happening.
        text = DUTCH.get(english, english) if self.language == "nl" else english
        return text.format(**fields) if fields else text

    def date(self, value: date | datetime | str | None) -> str:
        """A (possibly partial) date in words: '14 mei 2019', 'mei 2019', '2019'; '' stays ''."""
        if not value:
            return ""
        text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
        parts = text[:10].split("-")
        year = parts[0]
        if len(parts) == 1:
            return year
        month = MONTHS[self.language][int(parts[1]) - 1]
        if len(parts) == 2:
            return f"{month} {year}"
        return f"{int(parts[2])} {month} {year}"

    def moment(self, value: datetime | str | None) -> str:
        """A date with its time of day, when it has one: '14 mei 2019, 10:30'."""
        if not value:
            return ""
        text = value.isoformat() if isinstance(value, datetime) else str(value)
        day = self.date(text[:10])
        return f"{day}, {text[11:16]}" if len(text) >= 16 else day

    def number(self, value: float | int | None, decimals: int = 1) -> str:
        """A number with the export language's decimal sign: '5,4' in Dutch, '5.4' in English."""
        if value is None:
            return "–"
        text = f"{value:,.{decimals}f}"
        if self.language == "nl":
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text
