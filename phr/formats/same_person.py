"""Whether a file's person is the record's person: the one rule every record file's import follows.

The same name written differently (upper or lower case, extra spaces) is the same person; a name
or birth date that one side does not know yet cannot tell them apart, so it never refuses a file.
"""

from collections.abc import Iterable

from phr.core import partial_date


def same_name(first: str, second: str) -> bool:
    return _plain(first) == _plain(second)


def same_birth_date(first: str, second: str) -> bool:
    """Two birth dates agree when both say the same as far as both go ('1980' agrees with '1980-05-02'),
    or when either is unknown."""
    ours, theirs = partial_date.normalise_or_none(first or ""), partial_date.normalise_or_none(second or "")
    if not ours or not theirs:
        return True
    shorter = min(len(ours), len(theirs))
    return ours[:shorter] == theirs[:shorter]


def is_other_person(name: str, birth_date: str, their_names: Iterable[str], their_birth_date: str) -> bool:
    """True when the file names someone else: none of the ways it writes the name is the record's name
    (both known), or the birth dates differ (both known)."""
    names = [theirs for theirs in their_names if _plain(theirs)]
    if _plain(name) and names and not any(same_name(name, theirs) for theirs in names):
        return True
    return not same_birth_date(birth_date, their_birth_date)


def _plain(name: str) -> str:
    return " ".join((name or "").casefold().split())
