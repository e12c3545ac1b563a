"""Operations and other procedures: what was done, when, where and on which part of the body.

An anaesthetist in an emergency asks for earlier operations (and how the anaesthesia went: the notes),
so the emergency letter lists them. A procedure read from a file keeps the file's codes (SNOMED CT, ...);
one the file says was not done never becomes an entry (phr.formats.fhir.read).
"""

from dataclasses import dataclass, field

from phr.core import validation
from phr.core.entries import FieldError, Provenance
from phr.core.vocabulary import Section
from phr.record import codings
from phr.record.codings import Codings
from phr.record.history.coded import CodedEntryService
from phr.storage.repos import tables


@dataclass(frozen=True)
class Procedure:
    name: str = ""
    performed_on: str = ""        # partial date
    place: str = ""               # the hospital or clinic
    body_site: str = ""           # e.g. 'left knee'
    notes: str = ""               # e.g. how the anaesthesia went
    codes: Codings = ()
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


class ProcedureService(CodedEntryService[Procedure]):
    section = Section.PROCEDURES
    table = tables.PROCEDURES
    item_type = Procedure

    def validate(self, procedure: Procedure) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", procedure.name)
        checks.date("performed_on", procedure.performed_on)
        codings.check(checks, procedure.codes)
        return checks.errors
