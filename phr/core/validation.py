"""Lenient checks for what people type: phone numbers, e-mail, websites, dates, codes.

Lenient on purpose: Dutch and international forms, with spaces, dashes or brackets,
are all fine. We catch typing mistakes, not unusual but real numbers.
"""

import re
from collections.abc import Callable, Collection

from phr.core import partial_date
from phr.core.entries import EntryInvalid, FieldError

_PHONE_NOISE = re.compile(r"[\s\-().]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_WEBSITE = re.compile(r"^(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?(/\S*)?$", re.IGNORECASE)
_ICD10 = re.compile(r"^[A-Z]\d{2}(\.\d{1,2})?$")


def is_phone(text: str) -> bool:
    """'020-123 45 67', '06 12345678', '+31 (0)6 1234 5678', '0031 20 1234567', '112'."""
    digits = _PHONE_NOISE.sub("", text.replace("(0)", ""))
    if digits.startswith("+"):
        digits = digits[1:]
    return digits.isdigit() and 3 <= len(digits) <= 15


def is_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def is_website(text: str) -> bool:
    return bool(_WEBSITE.match(text.strip()))


def is_icd10(text: str) -> bool:
    return bool(_ICD10.match(text.strip().upper()))


class Checks:
    """Collects field errors for one entry: `checks.required("name", item.name)` and so on."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, problem: str) -> None:
        if all(e.field != field for e in self.errors):  # one problem per field is enough to act on
            self.errors.append(FieldError(field, problem))

    def required(self, field: str, value: object) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(field, "required")

    def choice(self, field: str, value: object, allowed: Collection[object]) -> None:
        if value not in allowed:
            self.add(field, "invalid_choice")

    def date(self, field: str, value: str) -> None:
        if value and partial_date.normalise_or_none(value) != value:
            self.add(field, "invalid_date")

    def optional(self, field: str, value: str, test: Callable[[str], bool], problem: str) -> None:
        if value and not test(value):
            self.add(field, problem)

    def not_before(self, field: str, later: str, earlier: str) -> None:
        """`later` may not lie before `earlier` (partial dates compare by what they can mean)."""
        if later and earlier and partial_date.is_valid(later) and partial_date.is_valid(earlier):
            end, start = partial_date.latest(later), partial_date.earliest(earlier)
            if end is not None and start is not None and end < start:
                self.add(field, "before_start")


def required_id(value: int | None, field: str = "id") -> int:
    """The id of an entry that must be in the record. Entries carry `id: int | None` (a new one has none yet);
    one read back from the record always has one, so this raises only for an entry that was never stored."""
    if value is None:
        raise EntryInvalid([FieldError(field, "invalid_choice")])
    return value
