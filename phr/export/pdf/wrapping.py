"""Where a word or a web address may break at the end of a line in an exported PDF.

A word that fits on a line moves to the next line whole: plain-language (B1) readers read whole
words more easily, and a name stays findable in the PDF's text. Only a word wider than its
column (a Dutch compound in a narrow table cell) breaks, between syllables and with a hyphen; a
web or e-mail address (a word with a slash, dot, question mark ... inside) breaks at those
separators, after a slash and before the others, with no hyphen, which would read as part of
the address, and only a part of it wider than the column breaks between syllables. Only what
has no such break at all is cut where the line ends, as reportlab does to any word that is too
wide (it made "www.bijniervereniging-nvacp.n" / "l" and "Hydrocortisonsubs" / "titutie").

Very long words (LONG_WORD letters and more) may also break at a line's end to fill it, by the
export language's rules: reportlab's hyphenation, which paragraphs with markup need too.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl_paragraph

DICTIONARIES = {"nl": "nl_NL", "en": "en_GB"}
LONG_WORD = 16              # letters: a word this long may be hyphenated to fill a line
ADDRESS = re.compile(r"\w[/.?=&#@]+\S")  # a separator inside a word: an address, or a part of one
BREAK_AFTER = "/"
BREAK_BEFORE = ".-?#&=_@~"

Hyphenator = Callable[[str], Iterable[tuple[str, str]]]
# The language of the document being laid out, for the breaks of a word wider than its column
# (reportlab's hook for those is not told the paragraph's style): see laid_out_in.
_LANGUAGE: ContextVar[str | None] = ContextVar("export_language", default=None)


@contextmanager
def laid_out_in(language: str) -> Iterator[None]:
    """While a document in `language` is laid out, a too-wide word may also break where only that
    language allows, before it would be cut anywhere."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


@cache
def syllables(language: str) -> pyphen.Pyphen:
    """The hyphenation dictionary of an export language (Dutch for any other)."""
    return pyphen.Pyphen(lang=DICTIONARIES.get(language, "nl_NL"))


def syllable_breaks(word: str, language: str | None = None) -> list[int]:
    """Where a word may break between syllables, last first: by one language's rules, or (None)
    only where Dutch and English agree."""
    languages = list(DICTIONARIES) if language is None else [language]
    positions = set(syllables(languages[0]).positions(word))
    for other in languages[1:]:
        positions &= set(syllables(other).positions(word))
    return sorted(positions, reverse=True)


def hyphenator(language: str) -> Hyphenator:
    """(head, tail) pairs of a word, longest head first, as reportlab's hyphenationLang takes them.

    An English export still holds the patient's own words, mostly Dutch ("noodinjectie" breaks as
    "noodin-jectie" by English rules): it breaks only where both languages agree."""
    rules = language if language == "nl" else None

    def pairs(word: str) -> list[tuple[str, str]]:
        return [(word[:at], word[at:]) for at in syllable_breaks(word, rules)]
    return pairs


def style_options(language: str) -> dict[str, Any]:
    """The ParagraphStyle settings for breaking words as described above."""
    install_breaks()
    # embeddedHyphenation 2: a word that cannot break to fit the rest of a line starts the next line
    # (where an address may break at a separator) instead of being cut to fill this one.
    return {"hyphenationLang": hyphenator(language), "hyphenationMinWordLength": LONG_WORD,
            "embeddedHyphenation": 2}


def address_breaks(text: str) -> list[int] | None:
    """Where an address may break at a separator, last first; None when `text` is not an address."""
    if not ADDRESS.search(text):
        return None
    return [index for index in range(len(text) - 1, 3, -1)  # no line ends in a bare "www"
            if (text[index - 1] in BREAK_AFTER and text[index] not in BREAK_AFTER)
            or (text[index] in BREAK_BEFORE and text[index - 1] not in BREAK_AFTER + BREAK_BEFORE)]


def address_pairs(text: str) -> list[tuple[str, str]] | None:
    """reportlab's hook for an address wider than its line, also in a paragraph with markup: the
    (head, tail) pairs at its separators, longest head first; None for a word that is no address."""
    breaks = address_breaks(text)
    return None if breaks is None else [(text[:at], text[at:]) for at in breaks]


def word_breaks(word: str) -> list[tuple[int, str]]:
    """(index, what the line gets at its end) for each break, the preferred ones first: an address's
    separators, else a word's own hyphens; then syllables both languages agree on; then those of
    the language being laid out. No hyphen is added inside an address: it would read as part of it."""
    separators = address_breaks(word)
    language = _LANGUAGE.get()
    agreed, own = [], []
    for match in re.finditer(r"[^\W\d_]+", word):
        both = syllable_breaks(match.group())
        agreed += [match.start() + at for at in both]
        if language is not None:
            own += [match.start() + at for at in syllable_breaks(match.group(), language) if at not in both]
    inside = sorted(agreed, reverse=True) + sorted(own, reverse=True)
    if separators is not None:
        return [(at, "") for at in separators] + [(at, "") for at in inside]
    hyphens = [(match.end(), "") for match in re.finditer(r"\w-(?=\w)", word)][::-1]
    return hyphens + [(at, "-") for at in inside]


def split_long_word(word: str, used: float, widths: list[float], line: int, font: str, size: float,
                    encoding: str = "utf8") -> list[str]:
    """reportlab's last resort for a word wider than a whole line (its `_splitWord`): each line
    ends at the longest head that fits, at a preferred break if one fits; reportlab cuts only what
    has no break that fits even a line of its own."""
    pieces: list[str] = []
    while stringWidth(word, font, size, encoding) > widths[min(line, len(widths) - 1)] - used:
        room = widths[min(line, len(widths) - 1)] - used
        breaks, separators = word_breaks(word), address_breaks(word)
        if used and separators:  # after other words, an address breaks at a separator or starts a new line
            breaks = [(at, end) for at, end in breaks if at in separators]
        fits = [(at, end) for at, end in breaks if stringWidth(word[:at] + end, font, size, encoding) <= room]
        if not fits and not used:
            return _one_per_line(pieces + _reportlab_split_word(word, used, widths, line, font, size, encoding))
        at, end = fits[0] if fits else (0, "")  # nothing fits after the words before it: the next line
        pieces.append(word[:at] + end)
        word, used, line = word[at:], 0.0, line + 1
    return _one_per_line(pieces + [rl_paragraph._SplitWordEnd(word)])


def _one_per_line(pieces: list[str]) -> list[str]:
    """reportlab ends the line after the first piece, and expects each further piece to fill its
    line; ours need not, so an empty piece (which reportlab reads as 'end this line') follows each."""
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index >= 2:
            out.append(rl_paragraph._SplitWord(""))
        out.append(piece if isinstance(piece, rl_paragraph._SplitWord) else rl_paragraph._SplitWord(piece))
    return out


_reportlab_split_word = rl_paragraph._splitWord


def install_breaks() -> None:
    """reportlab splits only addresses with a scheme, only at slashes, and cuts any other word wider
    than a line wherever the width runs out. Its hooks for these are the module functions
    `_uri_split_pairs` and `_splitWord`, which every paragraph calls; ours replace them (only a
    paragraph with markup still has a too-wide word cut, by `_splitFragWord`, when no separator
    fits). tests/export/test_pdf_quality.py checks the result, so a reportlab that changes shows up."""
    rl_paragraph._uri_split_pairs = address_pairs
    rl_paragraph._splitWord = split_long_word
