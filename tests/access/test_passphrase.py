"""The passphrase floor: refuse what is clearly weak, call long phrases strong, normalise to NFC."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phr.access import passphrase
from phr.access.passphrase import FAIR, STRONG, TOO_WEAK, assess, normalise

NAME = ("Zoë Ünal",)


def _problems(text: str, personal=()) -> tuple[str, ...]:
    return assess(text, personal).problems


# --- too short ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "a", "Kx9#mQ2", "Tr0ub4d&3"])
def test_short_passphrases_are_refused(text):
    result = assess(text)
    assert result.level == TOO_WEAK
    assert not result.acceptable
    assert "too_short" in result.problems


def test_length_counts_characters_not_bytes():
    # 10 characters, 12 bytes in UTF-8, 12 code points when decomposed.
    composed = "Zoë!Ünal#7"
    decomposed = unicodedata.normalize("NFD", composed)
    assert len(composed) == 10 and len(decomposed) == 12
    assert "too_short" not in _problems(composed)
    assert assess(composed) == assess(decomposed)
    assert "too_short" in _problems(composed[:-1])


# --- common ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "wachtwoord", "Wachtwoord", "WACHTWOORD", "Wachtwoord123", "wachtwoord2024!", "Password123!",
    "welkom12345", "Geheim!!2024", "iloveyou1234", "Voetbal-1990", "qwerty123456", "Feyenoord1908",
])
def test_common_passwords_are_refused_even_with_digits_and_symbols(text):
    result = assess(text)
    assert result.level == TOO_WEAK
    assert "common" in result.problems


@pytest.mark.parametrize("text", ["1234567890", "19850412 ", "  0612345678  ", "31415926535897"])
def test_only_digits_is_refused(text):
    assert assess(text).level == TOO_WEAK
    assert "common" in assess(text).problems


# --- repetitive -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "aaaaaaaaaaaa", "AAAAaaaaAAAA", "abababababab", "xyzxyzxyzxyz", "            ",
    "abcdefghijkl", "zyxwvutsrqpo", "1234567890ab", "aaaa1111bbbb", "ëëëëëëëëëëëëë",
    # few different characters, no runs: only the MIN_DISTINCT rule catches these
    "hahahahahaha", "lolololololol", "haha haha haha", "acegacegaceg",
])
def test_repetitive_passphrases_are_refused(text):
    result = assess(text)
    assert result.level == TOO_WEAK
    assert "repetitive" in result.problems


def test_runs_count_as_one_character():
    # 1234567890ab: the run 1..9 counts once, then 0, then the run a..b: an effective length of 3.
    assert passphrase._effective_length("1234567890ab") == 3
    assert passphrase._effective_length("aaaaaaaaaaaa") == 1
    assert passphrase._effective_length("blue kettle") == 10  # only the "tt" repeat is folded


# --- personal -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Zoë Ünal 1985", "zoëünal2024!", "ZOË-ÜNAL-1985", "Ünal!!Ünal!!", "Zoë.Zoë.2024",
])
def test_passphrases_built_from_the_name_are_refused(text):
    result = assess(text, NAME)
    assert result.level == TOO_WEAK
    assert "personal" in result.problems


def test_name_inside_a_long_phrase_is_fine():
    result = assess("Zoë fietst elke zondag naar de markt", NAME)
    assert result.acceptable
    assert "personal" not in result.problems


def test_name_check_only_applies_to_the_given_name():
    assert "personal" not in _problems("Zoë Ünal 1985", ())
    assert "personal" not in _problems("Zoë Ünal 1985", ("Anna de Vries",))


def test_name_given_decomposed_still_counts_as_personal():
    """BUG (phr/access/passphrase.py, _only_personal/_letters_words): the passphrase is NFC-normalised
    but the personal words are not. A name typed or stored decomposed ("Zoe" + U+0308) loses its
    combining marks in _letters (they are not alphabetic), leaving "zoe"/"unal", which never occur
    in the NFC passphrase letters "zoëünal"; so the person's own name is accepted.
    """
    decomposed_name = (unicodedata.normalize("NFD", NAME[0]),)
    assert "personal" in _problems("Zoë Ünal 1985", decomposed_name)


@pytest.mark.parametrize("text, name", [
    # The whole name with digits: each name part alone leaves >= 6 other letters, so the
    # per-part check in _only_personal never fires.
    ("annadevries1", "Anna de Vries"),
    ("AnnaDeVries1985", "Anna de Vries"),
    # The name without its accents, as most people type it on a phone.
    ("ZoeUnal1985!", "Zoë Ünal"),
    # The name twice.
    ("ZoëÜnalZoëÜnal", "Zoë Ünal"),
])
def test_realistic_passphrases_made_of_the_name_are_refused(text, name):
    """BUG (phr/access/passphrase.py, _only_personal): the rule "built from the person's own name" is
    tested part by part (`part in letters and len(letters) - len(part) < 6`) and without folding
    accents, so a full name, a name twice, or the name typed without accents is accepted.
    """
    result = assess(text, (name,))
    assert result.level == TOO_WEAK
    assert "personal" in result.problems


# --- other obviously weak passphrases the rules let through --------------------------------------

@pytest.mark.parametrize("text", [
    "qwertyuiop",      # a keyboard row, in every list of most used passwords
    "azertyuiop",      # the same on a Belgian/French keyboard
    "P@ssw0rd1234",    # "password" with the usual substitutions
    "W@chtw00rd2024",  # "wachtwoord" with the usual substitutions
])
def test_well_known_weak_patterns_are_refused(text):
    """BUG (phr/access/passphrase.py, COMMON / _letters): common words are compared only after
    *removing* digits and symbols, so look-alike substitutions (@->a, 0->o) turn "P@ssw0rd" into
    "psswrd", which is not in COMMON; full keyboard rows are not in COMMON either.
    """
    assert assess(text).level == TOO_WEAK


def test_a_common_word_twice_is_refused():
    """BUG (phr/access/passphrase.py, assess): "wachtwoordwachtwoord" (20 characters, 8 different) is
    rated STRONG, and "welkom welkom" FAIR. A common word repeated adds almost nothing.
    """
    assert assess("wachtwoordwachtwoord").level == TOO_WEAK
    assert assess("welkom welkom").level == TOO_WEAK


# --- strong and fair ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "blue kettle under the old bridge",
    "correct horse battery staple",
    "paard fiets regen molen",
    "zonnebloem bij de rivier",
    "koffie-molen_zolder-trap",
    "été au jardin vert",
])
def test_four_word_phrases_are_strong(text):
    result = assess(text, NAME)
    assert result.level == STRONG
    assert result.problems == ()
    assert result.acceptable


def test_long_varied_passphrase_without_spaces_is_strong():
    assert assess("Gr8-kn0ts&Sails!").level == STRONG


def test_medium_passphrase_is_fair_and_acceptable():
    result = assess("Kx9#mQ2vLp")
    assert result.level == FAIR
    assert result.acceptable
    assert result.problems == ()


def test_short_words_do_not_make_a_phrase():
    # Four words but under 15 letters in words of 3+: not "four words" strong.
    assert passphrase._word_count("ik je zij wij ons") == 0
    assert passphrase._word_count("ab cd ef gh ij") == 0
    assert assess("ab cd ef gh ij").level != STRONG


# --- normalisation --------------------------------------------------------------------------------

def test_composed_and_decomposed_give_the_same_bytes():
    composed = "Zo\u00eb"
    decomposed = "Zoe\u0308"
    assert composed != decomposed
    assert normalise(composed) == normalise(decomposed) == "Zoë".encode("utf-8") == b"Zo\xc3\xab"


def test_normalise_keeps_everything_else():
    text = "  blue kettle\tunder the old bridge  "
    assert normalise(text) == text.encode("utf-8")
    assert normalise("ÅNGSTRÖM") != normalise("ångström")  # case is kept: it is part of the secret


def test_assessment_is_the_same_for_composed_and_decomposed():
    composed = "Zoë fietst naar de bakker"
    assert assess(composed, NAME) == assess(unicodedata.normalize("NFD", composed), NAME)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_normalise_is_nfc_utf8_and_stable(text):
    result = normalise(text)
    assert result == normalise(unicodedata.normalize("NFD", text))
    assert result == normalise(result.decode("utf-8"))
    assert unicodedata.is_normalized("NFC", result.decode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=3))
def test_assess_never_fails_and_too_weak_always_has_a_reason(text, names):
    result = assess(text, tuple(names))
    assert result.level in (TOO_WEAK, FAIR, STRONG)
    assert (result.level == TOO_WEAK) == bool(result.problems)
    assert set(result.problems) <= {"too_short", "common", "repetitive", "personal"}
    if len(unicodedata.normalize("NFC", text)) < passphrase.MIN_LENGTH:
        assert result.level == TOO_WEAK
