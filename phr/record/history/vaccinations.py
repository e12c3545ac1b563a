"""Vaccinations: which vaccine, when, which dose of a series, against what, and who gave it.

A travel clinic, a hospital before a spleen operation or an emergency doctor asks for them. A vaccination
read from a file keeps the file's codes (CVX, ATC, SNOMED CT, ...); one the file says was not given never
becomes an entry (phr.formats.fhir.read).
"""

from dataclasses import dataclass, field

from phr.core import validation
from phr.core.entries import FieldError, Provenance
from phr.core.vocabulary import Section
from phr.record import codings
from phr.record.codings import Codings
from phr.record.history.coded import CodedEntryService
from phr.storage.repos import tables

MAX_DOSE_NUMBER = 99  # a series of more doses than this is a typing error


@dataclass(frozen=True)
class Vaccination:
    vaccine: str = ""
    given_on: str = ""            # partial date: '1998', '2021-05' or '2021-05-14'
    dose_number: int | None = None  # 1 for the first dose of a series, 2 for the second, ...
    against: str = ""             # the disease(s) it protects against, in words
    given_by: str = ""            # who or where: the GP, the municipal health service (GGD), a hospital
    lot_number: str = ""          # the batch number on the vaccination card
    notes: str = ""
    codes: Codings = ()
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


class VaccinationService(CodedEntryService[Vaccination]):
    section = Section.VACCINATIONS
    table = tables.VACCINATIONS
    item_type = Vaccination

    def validate(self, vaccination: Vaccination) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("vaccine", vaccination.vaccine)
        checks.date("given_on", vaccination.given_on)
        number = vaccination.dose_number
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)
                                   or not 1 <= number <= MAX_DOSE_NUMBER):
            checks.add("dose_number", "invalid_number")
        codings.check(checks, vaccination.codes)
        return checks.errors
