"""Every text the exports print has its Dutch translation, with the same {fields}."""

import ast
import string

from locations import PACKAGE

from phr.words.catalogue import DUTCH, Words

# Every package that writes documents in an export language.
WRITERS = [PACKAGE / "export", PACKAGE / "formats"]


def _literal_texts():
    """Texts passed to a Words object: `w("...")` or `<something>.words("...")`."""
    for source in sorted(path for folder in WRITERS for path in folder.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if called in ("w", "words") and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield source.name, first.value


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_export_text_has_a_dutch_translation():
    texts = list(_literal_texts())
    assert len(texts) >= 6
    assert [f"{file}: {text}" for file, text in texts if text not in DUTCH] == []


def test_dutch_texts_use_the_same_fields_as_the_english():
    assert [key for key, dutch in DUTCH.items() if _fields(key) != _fields(dutch) or not dutch.strip()] == []


def test_words_fill_fields_and_write_dates_and_numbers_per_language():
    nl, en = Words("nl"), Words("en")
    assert nl("Page {page} of {pages}", page=2, pages=3) == "Pagina 2 van 3"
    assert en("Page {page} of {pages}", page=2, pages=3) == "Page 2 of 3"
    assert nl.date("2019-05-14") == "14 mei 2019" and en.date("2019-05-14") == "14 May 2019"
    assert nl.date("2019-03") == "maart 2019" and nl.date("2019") == "2019" and nl.date("") == ""
    assert nl.moment("2026-03-01T09:05:00+01:00") == "1 maart 2026, 09:05"
    assert nl.number(12345.67, 1) == "12.345,7" and en.number(12345.67, 1) == "12,345.7"


def test_the_word_tables_of_the_parts_agree_where_they_share_a_text():
    from phr.words import (
        common as words_common,
    )
    from phr.words import (
        emergency as words_emergency,
    )
    from phr.words import (
        fhir as fhir_words,
    )
    from phr.words import (
        overview as words_overview,
    )
    from phr.words import (
        visit as words_visit,
    )

    seen, clashes = {}, []
    for part in (words_common, words_overview, words_visit, words_emergency, fhir_words):
        for english, dutch in part.DUTCH.items():
            if seen.setdefault(english, dutch) != dutch:
                clashes.append(english)
    assert clashes == []
