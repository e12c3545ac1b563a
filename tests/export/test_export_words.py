"""Every text the exports print has its Dutch translation, with the same {fields}; so has every value of
every vocabulary, which the app shows with the same words."""

import ast
import enum
import string

from locations import PACKAGE

from phr.core import vocabulary as core_vocabulary
from phr.storage.vocabulary import TimelineKind
from phr.words.catalogue import DUTCH, Words
from phr.words.vocabulary import LABELS, label, label_of

# Every package that writes documents in an export language, and the words they share with the app.
WRITERS = [PACKAGE / "export", PACKAGE / "formats", PACKAGE / "monitoring" / "target_words.py",
           PACKAGE / "words" / "dose.py", PACKAGE / "words" / "units.py"]


def _sources():
    return sorted(path for place in WRITERS for path in ([place] if place.is_file() else place.rglob("*.py")))


def _literal_texts():
    """Texts passed to a Words object: `w("...")` or `<something>.words("...")`."""
    for source in _sources():
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
    from phr.words import common, dose, emergency, fhir, figures, overview, recovery, targets, units, visit, vocabulary

    seen, clashes = {}, []
    for part in (common, vocabulary, targets, overview, visit, emergency, fhir, recovery, figures, dose, units):
        for english, dutch in part.DUTCH.items():
            if seen.setdefault(english, dutch) != dutch:
                clashes.append(english)
    assert clashes == []


def _vocabularies():
    """Every enum phr.core.vocabulary defines or names, and the timeline's kinds."""
    found = {value for value in vars(core_vocabulary).values()
             if isinstance(value, type) and issubclass(value, enum.Enum) and value not in (enum.Enum, enum.IntEnum,
                                                                                            enum.StrEnum)}
    return found | {TimelineKind}


def test_every_value_of_every_vocabulary_has_a_label_and_a_dutch_translation():
    vocabularies = _vocabularies()
    assert len(vocabularies) >= 20
    missing = [f"{vocabulary.__name__}.{member.name}" for vocabulary in vocabularies for member in vocabulary
               if member not in LABELS.get(vocabulary, {}) or LABELS[vocabulary][member] not in DUTCH]
    assert missing == []
    assert set(LABELS) == vocabularies  # no table for what is no vocabulary


def test_labels_in_each_language_and_inside_a_sentence():
    from phr.core.vocabulary import CareRole, DiagnosisStatus, GoalProgress, Source

    nl, en = Words("nl"), Words("en")
    assert label(nl, DiagnosisStatus.CARRIER) == "Drager" and label(en, DiagnosisStatus.CARRIER) == "Carrier"
    assert label_of(nl, GoalProgress, 2, in_sentence=True) == "halverwege"
    assert label(en, CareRole.GP, in_sentence=True) == "GP"            # an abbreviation keeps its capitals
    assert label(en, Source.FHIR_IMPORT, in_sentence=True) == "imported from a FHIR file"
    assert label_of(en, GoalProgress, 1, in_sentence=True) == "a little"  # a one-letter first word too
    assert label_of(en, DiagnosisStatus, "something newer") == "something newer"  # shown as it is
    assert label_of(en, DiagnosisStatus, "") == ""


def test_no_vocabulary_is_spelled_out_again_in_the_exports_or_the_app():
    """A dict from a vocabulary's stored values to their words (`{"confirmed": w("Confirmed"), ...}`, or with
    Qt's translate in the app) belongs in phr.words.vocabulary, once."""
    labels: dict[str, set[str]] = {}
    for vocabulary in _vocabularies():
        for member, text in LABELS[vocabulary].items():
            labels.setdefault(str(member.value), set()).add(text.lower())
    app = sorted(path for path in (PACKAGE / "ui").rglob("*.py") if "imports" not in path.parts)
    copies = []
    for source in _sources() + app:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and sum(_spells_a_label(key, value, labels)
                                                  for key, value in zip(node.keys, node.values)) >= 2:
                copies.append(f"{source.name}:{node.lineno}")
    assert copies == []


def _spells_a_label(key, value, labels) -> bool:
    """`"carrier": w("carrier")` or `"carrier": translate("Diagnoses", "Carrier")`: a stored value, and the
    words its vocabulary already gives it."""
    if not (isinstance(key, ast.Constant) and isinstance(value, ast.Call) and value.args
            and isinstance(value.args[-1], ast.Constant)):
        return False
    return str(value.args[-1].value).lower() in labels.get(str(key.value), set())
