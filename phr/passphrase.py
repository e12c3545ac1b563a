"""How hard a passphrase is to guess: a hint while typing, and a floor we enforce.

Deliberately simple and explainable. Long phrases of several words are the
advice we give; we refuse only what is clearly weak: short, common, repetitive,
or built from the person's own name.
"""

import unicodedata
from dataclasses import dataclass

MIN_LENGTH = 10
STRONG_LENGTH = 16
MIN_DISTINCT = 5
TOO_WEAK, FAIR, STRONG = "too_weak", "fair", "strong"

# The most used passwords and Dutch favourites, compared after removing digits and symbols.
COMMON = frozenset("""
password passwoord wachtwoord welkom welcome geheim secret qwerty azerty qwertz letmein iloveyou
admin administrator monkey dragon football voetbal sunshine princess zomer winter lente herfst
regie gezondheid dossier abc abcdef test testtest hallo hello liefde schatje ajax feyenoord psv
""".split())


@dataclass(frozen=True)
class Assessment:
    level: str
    problems: tuple[str, ...]  # too_short, common, repetitive, personal

    @property
    def acceptable(self) -> bool:
        return self.level != TOO_WEAK


def normalise(passphrase: str) -> bytes:
    """The bytes a passphrase stands for; NFC so 'ë' typed either way opens the record."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def assess(passphrase: str, personal_words: tuple[str, ...] = ()) -> Assessment:
    text = unicodedata.normalize("NFC", passphrase)
    problems = tuple(name for name, found in (
        ("too_short", len(text) < MIN_LENGTH),
        ("common", _letters(text) in COMMON or text.strip().isdigit()),
        ("repetitive", len(set(text.lower())) < MIN_DISTINCT or _effective_length(text) * 2 < len(text)),
        ("personal", _only_personal(text, personal_words)),
    ) if found)
    if problems:
        return Assessment(TOO_WEAK, problems)
    if len(text) >= STRONG_LENGTH and len(set(text.lower())) >= 8 or _word_count(text) >= 4:
        return Assessment(STRONG, ())
    return Assessment(FAIR, ())


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _effective_length(text: str) -> int:
    """Length without repeats and runs such as 'aaaa' or '1234' or 'abcd'."""
    count, previous = 0, None
    for ch in text.lower():
        if previous is None or abs(ord(ch) - ord(previous)) > 1:
            count += 1
        previous = ch
    return count


def _word_count(text: str) -> int:
    words = [w for w in text.replace("-", " ").replace("_", " ").split() if len(w) >= 3]
    return len(words) if sum(len(w) for w in words) >= 15 else 0


def _only_personal(text: str, personal_words: tuple[str, ...]) -> bool:
    letters = _letters(text)
    for word in personal_words:
        for part in _letters_words(word):
            if len(part) >= 3 and part in letters and len(letters) - len(part) < 6:
                return True
    return False


def _letters_words(name: str) -> list[str]:
    return [_letters(part) for part in name.split() if _letters(part)]
