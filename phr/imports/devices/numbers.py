"""Numbers in device files: one decimal mark per column, never a thousands separator.

A shared helper of the layouts (it imports none of them). A value that would need a guess
("1.234" in a column with decimal commas) is refused rather than read as 1234 or 1.234.
"""

import re
from typing import Iterable

_NUMBER = re.compile(r"\s*[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\s*")


def decimal_mark(values: Iterable[str]) -> str:
    """The decimal mark of a column, from a sample of its values.

    A value with one mark followed by one, two or four or more digits ("5,4", "72.15") shows the
    mark; the majority of those decides (a tie: '.'). A mark followed by exactly three digits
    ("1.234") could be a thousands separator, so such values only decide when nothing else does.
    In a column with decimal commas "1.234" is then refused by parse_number, never read as 1.234."""
    clear = {",": 0, ".": 0}
    unsure = {",": 0, ".": 0}
    for value in values:
        comma, point = "," in value, "." in value
        if comma == point:
            continue
        mark = "," if comma else "."
        decimals = len(value.strip()) - value.strip().index(mark) - 1
        (unsure if decimals == 3 else clear)[mark] += 1
    votes = clear if any(clear.values()) else unsure
    return "," if votes[","] > votes["."] else "."


def parse_number(text: str, mark: str | None = None) -> float:
    """A number written with digits and at most one decimal mark.

    mark None: '.' or ',' is the decimal mark ("5,4" and "5.4" are 5.4). mark '.' or ',' (the
    column's, see decimal_mark): only that mark; a value with the other one is refused. Thousands
    separators ("1.234,5", "1,234.5", "1 234") are never accepted: no reading in the catalogue
    needs them, and refusing a value is better than reading 1234 as 1.234. Exponents, 'nan' and
    'inf' are refused too.
    Raises ValueError."""
    value = text
    if not _NUMBER.fullmatch(value):
        raise ValueError(f"not a number: {text!r}")
    if "," in value:
        if mark == ".":
            raise ValueError(f"decimal comma where a point is used: {text!r}")
        value = value.replace(",", ".")
    elif mark == "," and "." in value:
        raise ValueError(f"decimal point where a comma is used: {text!r}")
    return float(value)


class Numbers:
    """parse_number with a memory: a device file repeats the same few hundred values."""

    MEMORY = 100_000

    def __init__(self, mark: str | None = None):
        self.mark = mark
        self.known: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        value = self.known.get(text)
        if value is None:
            value = parse_number(text, self.mark)
            if len(self.known) < self.MEMORY:
                self.known[text] = value
        return value
