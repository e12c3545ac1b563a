"""How hard a passphrase is to guess: a hint while typing, and a floor we enforce.

Deliberately simple and explainable. Long phrases of several words are the
advice we give; we refuse only what is clearly weak: short, common (also in
look-alike spelling such as 'P@ssw0rd'), a keyboard row, repetitive, or built
from the person's own name.
"""

import contextlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from phr.storage.keys.secret import wipe

MIN_LENGTH = 10
STRONG_LENGTH = 16
MIN_DISTINCT = 5
MIN_OWN_LETTERS = 6  # letters left after removing the name


class Strength(StrEnum):
    TOO_WEAK = "too_weak"
    FAIR = "fair"
    STRONG = "strong"


TOO_WEAK, FAIR, STRONG = Strength.TOO_WEAK, Strength.FAIR, Strength.STRONG

# The most used passwords and Dutch favourites, compared on letters only, after undoing
# look-alike spelling.
COMMON = frozenset("""
password passwoord wachtwoord welkom welcome geheim secret qwerty azerty qwertz letmein iloveyou
admin administrator monkey dragon football voetbal sunshine princess zomer winter lente herfst
regie gezondheid dossier abc abcdef test testtest hallo hello liefde schatje ajax feyenoord psv
""".split())
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop",
                 "yxcvbnm", "1234567890", "0987654321")
LOOK_ALIKES = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s",
                             "7": "t", "8": "b", "9": "g"})


@dataclass(frozen=True)
class Assessment:
    level: Strength
    problems: tuple[str, ...]  # too_short, common, repetitive, personal

    @property
    def acceptable(self) -> bool:
        return self.level != TOO_WEAK


def normalise(passphrase: str) -> bytearray:
    """The bytes a passphrase stands for; NFC so 'ë' typed either way opens the record.

    A bytearray, encoded straight into it, so it can be wiped after use (`secret_of`)."""
    return bytearray(unicodedata.normalize("NFC", passphrase), "utf-8")


@contextlib.contextmanager
def secret_of(passphrase: str) -> Iterator[bytearray]:
    """The passphrase's bytes for the key derivation inside the block, overwritten with zeros after it."""
    secret = normalise(passphrase)
    try:
        yield secret
    finally:
        wipe(secret)


def assess(passphrase: str, personal_words: tuple[str, ...] = ()) -> Assessment:
    text = unicodedata.normalize("NFC", passphrase)
    core = _repeating_unit(text)
    problems = tuple(name for name, found in (
        ("too_short", len(text) < MIN_LENGTH),
        ("common", _is_common(core)),
        ("repetitive", _is_repetitive(text, core)),
        ("personal", _only_personal(text, personal_words)),
    ) if found)
    if problems:
        return Assessment(TOO_WEAK, problems)
    if len(text) >= STRONG_LENGTH and len(set(text.lower())) >= 8 or _word_count(text) >= 4:
        return Assessment(STRONG, ())
    return Assessment(FAIR, ())


def _plain_letters(text: str) -> str:
    """Lower-case letters without accents: 'Zoë' and 'ZOE' both become 'zoe'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalpha() and not unicodedata.combining(ch))


def _is_common(text: str) -> bool:
    if text.strip().isdigit() or any(reading in COMMON for reading in _readings(text)):
        return True
    letters = _plain_letters(text)
    squashed = "".join(ch for ch in text.lower() if not ch.isspace())
    return len(squashed) >= 4 and any(squashed in row for row in KEYBOARD_ROWS) or (
        len(letters) >= 4 and any(letters in row for row in KEYBOARD_ROWS))


def _readings(text: str) -> set[str]:
    """The letters of `text` as written, in look-alike spelling undone, and without a tail of digits."""
    lowered = text.lower()
    bare = lowered.strip("0123456789!?@#$%^&*()-_=+.,~ ")
    return {_plain_letters(lowered), _plain_letters(lowered.translate(LOOK_ALIKES)),
            _plain_letters(bare.translate(LOOK_ALIKES))}


def _repeating_unit(text: str) -> str:
    """'abcabcabc' -> 'abc'; 'welkom welkom' -> 'welkom'; anything else stays as it is."""
    words = text.lower().split()
    if len(words) > 1 and len(set(words)) == 1:
        return words[0]
    for size in range(1, len(text) // 2 + 1):
        if len(text) % size == 0 and text[:size] * (len(text) // size) == text:
            return text[:size]
    return text


def _is_repetitive(text: str, core: str) -> bool:
    if core != text and len(core) < MIN_LENGTH:
        return True
    return len(set(text.lower())) < MIN_DISTINCT or _effective_length(text) * 2 < len(text)


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
    return len(set(words)) if sum(len(w) for w in words) >= 15 else 0


def _only_personal(text: str, personal_words: tuple[str, ...]) -> bool:
    """True when little is left once every part of the name is taken out."""
    parts = [_plain_letters(part) for word in personal_words for part in word.split()]
    parts = sorted((p for p in parts if len(p) >= 2), key=len, reverse=True)
    letters = _plain_letters(text.translate(LOOK_ALIKES))
    if not parts or not any(p in letters for p in parts):
        return False
    for part in parts:
        letters = letters.replace(part, "")
    return len(letters) < MIN_OWN_LETTERS
