"""The offline Orphanet and HPO look-up: real names from the hpo3 package, found by name, part of it, or code."""

import socket
import subprocess
import sys
import time

import pytest

from phr.reference import orphanet
from phr.reference.orphanet import DiseaseMatch, PhenotypeMatch

CAH = DiseaseMatch(90794, "Classic congenital adrenal hyperplasia due to 21-hydroxylase deficiency")


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError("no network in this test")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))


def test_english_name_of_an_orphacode(offline: None) -> None:
    assert orphanet.english_name(90794) == CAH.name
    assert orphanet.english_name(99999999) is None


def test_whole_name_comes_first(offline: None) -> None:
    assert orphanet.search_diseases(CAH.name)[0] == CAH
    assert orphanet.search_diseases("Argininemia")[0] == DiseaseMatch(90, "Argininemia")


def test_part_of_a_name_words_in_any_order(offline: None) -> None:
    found = orphanet.search_diseases("adrenal congenital", limit=50)
    assert CAH in found
    assert all("adrenal" in m.name.lower() and "congenital" in m.name.lower() for m in found)
    assert CAH in orphanet.search_diseases("21-hydroxylase")
    assert CAH in orphanet.search_diseases("hyperpl 21 hydrox")


def test_names_starting_with_the_text_before_words_inside_shorter_first(offline: None) -> None:
    found = orphanet.search_diseases("congenital adrenal", limit=100)
    starting = [m for m in found if m.name.lower().startswith("congenital adrenal")]
    assert len(starting) >= 3 and found[:len(starting)] == starting
    assert CAH in found[len(starting):]
    assert [len(m.name) for m in starting] == sorted(len(m.name) for m in starting)


def test_orphacode_in_every_way_people_write_it(offline: None) -> None:
    for text in ("90794", "ORPHA:90794", "orpha 90794", "Orphacode 90794", " 90794 "):
        assert orphanet.search_diseases(text)[0] == CAH, text


def test_the_first_digits_of_a_code_find_the_codes_that_start_with_them(offline: None) -> None:
    found = orphanet.search_diseases("9079", limit=10)
    assert found[0].code == 9079 or str(found[0].code).startswith("9079")
    assert CAH in found
    assert all(str(m.code).startswith("9079") for m in found)


def test_case_and_accents_do_not_matter(offline: None) -> None:
    with_accent = orphanet.search_diseases("Sjögren-Larsson")
    assert with_accent[0] == DiseaseMatch(816, "Sjögren-Larsson syndrome")
    assert orphanet.search_diseases("SJOGREN larsson") == with_accent
    assert orphanet.search_diseases("sjögren") == orphanet.search_diseases("SJOGREN")


def test_no_match_and_empty_text_give_nothing(offline: None) -> None:
    assert orphanet.search_diseases("xyzzyqq") == []
    assert orphanet.search_diseases("") == []
    assert orphanet.search_diseases(" -- ") == []
    assert orphanet.search_phenotypes("xyzzyqq") == []


def test_limit_is_kept(offline: None) -> None:
    assert len(orphanet.search_diseases("syndrome", limit=7)) == 7
    assert len(orphanet.search_phenotypes("a", limit=3)) == 3


def test_hpo_terms_by_name_and_id(offline: None) -> None:
    vomiting = PhenotypeMatch("HP:0002013", "Vomiting")
    assert orphanet.search_phenotypes("vomiting")[0] == vomiting
    assert orphanet.search_phenotypes("VOMIT")[0] == vomiting
    assert vomiting.label == "Vomiting (HP:0002013)"
    assert orphanet.search_phenotypes("HP:0002017")[0] == PhenotypeMatch("HP:0002017", "Nausea and vomiting")
    assert orphanet.search_phenotypes("hypotension orthostatic")[0].id == "HP:0001278"


def test_obsolete_terms_and_the_root_are_left_out(offline: None) -> None:
    assert all(m.id != "HP:0000001" for m in orphanet.search_phenotypes("all", limit=100))


def test_each_keystroke_answers_well_under_50_ms(offline: None) -> None:
    orphanet.load()
    typed = ["adrenal"[:n] for n in range(1, 8)] + ["90794"[:n] for n in range(1, 6)]
    for text in typed:
        started = time.perf_counter()
        orphanet.search_diseases(text)
        orphanet.search_phenotypes(text)
        assert time.perf_counter() - started < 0.05, text


def test_loading_in_a_fresh_process_without_network() -> None:
    """The ontology is built once per process: prove in a new one that loading needs no network."""
    script = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from phr.reference import orphanet\n"
        "assert not orphanet.is_loaded()\n"
        "print(orphanet.english_name(90794))\n"
        "print(orphanet.search_phenotypes('vomiting')[0].label)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [CAH.name, "Vomiting (HP:0002013)"]


def test_loading_apart_gives_the_same_names(capsys: pytest.CaptureFixture[str]) -> None:
    here, apart = orphanet.read_names(), orphanet._read_names_apart()
    assert sorted(here[0]) == sorted(apart[0]) and len(here[0]) > 4000
    assert sorted(here[1]) == sorted(apart[1]) and len(here[1]) > 15000
    assert capsys.readouterr().out == ""  # the package was not built twice here


def test_warm_up_loads_in_the_background() -> None:
    orphanet.warm_up().join(timeout=120)
    assert orphanet.is_loaded()
    assert orphanet.english_name(90) == "Argininemia"


def test_a_very_long_number_finds_nothing_and_raises_nothing():
    assert orphanet.search_diseases("9" * 5000) == [] and orphanet.search_phenotypes("1" * 5000) == []
