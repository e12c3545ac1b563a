"""The words of the fixed vocabularies (statuses, roles, kinds, sections...) in the app's language.

Why not Qt translation here: the exports need the same words without Qt, in a language chosen per
export, so each value's words live once in phr.words.vocabulary and the app reads them from there.
The app's own sentences and widget texts stay Qt-translated.
"""

from enum import Enum

from phr.ui.text.language import app_words
from phr.words import vocabulary


def label(value: Enum, *, in_sentence: bool = False) -> str:
    """'Confirmed' / 'Vastgesteld'; `in_sentence` starts it with a small letter."""
    return vocabulary.label(app_words(), value, in_sentence=in_sentence)


def label_of(kind: type[Enum], stored: object, *, in_sentence: bool = False) -> str:
    """The label of a value as the record stores it ('' and a value outside the vocabulary show as they are)."""
    return vocabulary.label_of(app_words(), kind, stored, in_sentence=in_sentence)


def choices(kind: type[Enum]) -> list[tuple[object, str]]:
    """(stored value, label) of every value, in the vocabulary's order: for a choice field."""
    return [(member.value, label(member)) for member in kind]
