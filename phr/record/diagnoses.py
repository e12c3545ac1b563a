"""Diagnoses: what the person has (or carries, or may have), with codes, who found it and genetic details.

Rare conditions are coded with an ORPHAcode (Orphanet, shown as ORPHA:586) and often
an ICD-10 code. A carrier status is a diagnosis of its own: the person carries a
variant, usually without symptoms, and that matters for family and children.
A diagnosis from another system keeps that system's codes (SNOMED CT, an ICD-10 variant, ...: `codes`);
a current one (not resolved) ends a "no known diagnoses" statement, as an allergy ends "no known allergies".
"""

import re
from dataclasses import dataclass, field, replace
from typing import Any

from phr.core import links, validation
from phr.core.entries import ADDED, UPDATED, Change, EntryInvalid, EntryService, FieldError, Provenance, Stamp
from phr.core.vocabulary import DiagnosisStatus, ProblemStatement, Section, Zygosity
from phr.record import codings
from phr.record.codings import Codings
from phr.record.hgvs import is_hgvs
from phr.storage.repos import tables
from phr.storage.repos.diagnoses import DiagnosisRepository
from phr.storage.repos.people import PersonDetailsRepository

STATUSES = tuple(DiagnosisStatus)
ZYGOSITIES = tuple(Zygosity)
# ORPHAcodes are at most 6 digits today; the bound keeps a mistyped number out of the record.
MAX_ORPHA_CODE = 9_999_999
_ORPHA = re.compile(r"(?:orpha(?:code)?\s*:?\s*)?(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Diagnosis:
    name: str = ""
    orpha_code: int | None = None
    icd10: str = ""
    status: str = "confirmed"
    diagnosed_on: str = ""           # partial date: '2019', '2019-05' or '2019-05-14'
    diagnosed_by: int | None = None  # a contact
    expertise_centre: int | None = None  # a contact
    gene: str = ""
    variant: str = ""                # HGVS, e.g. NM_000500.9:c.293-13C>G
    zygosity: str = ""               # one of ZYGOSITIES, or '' when not known or not genetic
    genetic_lab: str = ""
    genetic_test_date: str = ""      # partial date
    notes: str = ""
    information_received: str = ""   # leaflets, explanations given, in the patient's words
    trusted_websites: str = ""       # one website per line
    name_en: str = ""                # the name in English (Orphanet's, or the patient's own), for exports in English
    treating_physician: int | None = None  # a contact: who treats it now
    # What an emergency doctor must know about this condition (each optional; the card says when it is not filled in):
    emergency_protocol: str = ""     # for professionals: what to give, in what dose, what to check
    emergency_avoid: str = ""        # medicines, anaesthesia and procedures to avoid, with the reason
    crisis_signs: str = ""           # how a crisis shows itself, one sign per line (often HPO terms)
    emergency_guideline: str = ""    # a link to the emergency guideline (e.g. Orphanet's) for this condition
    codes: Codings = ()              # the codes another system gave it (phr.record.codings), kept for the next export
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)

    @property
    def has_genetic_details(self) -> bool:
        return any((self.gene, self.variant, self.zygosity, self.genetic_lab, self.genetic_test_date))

    def website_list(self) -> list[str]:
        return [line.strip() for line in self.trusted_websites.splitlines() if line.strip()]

    @property
    def has_emergency_information(self) -> bool:
        return any((self.emergency_protocol, self.emergency_avoid, self.crisis_signs, self.emergency_guideline))


def parse_orpha(text: str) -> int:
    """'586', 'ORPHA:586', 'orpha 586', 'ORPHA586' -> 586. ValueError for anything else."""
    match = _ORPHA.fullmatch((text or "").strip())
    if match is None:
        raise ValueError("not an ORPHAcode")
    code = int(match.group(1))
    if not is_orpha_code(code):
        raise ValueError("not an ORPHAcode")
    return code


def is_orpha_code(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ORPHA_CODE


def orpha_display(code: int | None) -> str:
    """586 -> 'ORPHA:586', the way Orphanet writes it; None -> ''."""
    return f"ORPHA:{code}" if code is not None else ""


def orphanet_page(code: int | None, language: str = "en") -> str:
    """The Orphanet page of a disease, in `language` ('nl' or 'en'): it links to the disease's emergency
    guideline where Orphanet has one. '' without a code."""
    return f"https://www.orpha.net/{language}/disease/detail/{code}" if code is not None else ""


class DiagnosisService(EntryService[Diagnosis]):
    section = Section.DIAGNOSES
    table = tables.DIAGNOSES
    item_type = Diagnosis

    def validate(self, diagnosis: Diagnosis) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", diagnosis.name)
        checks.choice("status", diagnosis.status, STATUSES)
        if diagnosis.orpha_code is not None and not is_orpha_code(diagnosis.orpha_code):
            checks.add("orpha_code", "invalid_orpha")
        checks.optional("icd10", diagnosis.icd10, validation.is_icd10, "invalid_icd10")
        checks.date("diagnosed_on", diagnosis.diagnosed_on)
        checks.date("genetic_test_date", diagnosis.genetic_test_date)
        checks.choice("zygosity", diagnosis.zygosity, ZYGOSITIES + ("",))
        checks.optional("variant", diagnosis.variant, is_hgvs, "invalid_hgvs")
        if not all(validation.is_website(site) for site in diagnosis.website_list()):
            checks.add("trusted_websites", "invalid_website")
        checks.optional("emergency_guideline", diagnosis.emergency_guideline, validation.is_website,
                        "invalid_website")
        codings.check(checks, diagnosis.codes)
        return checks.errors

    def to_values(self, diagnosis: Diagnosis) -> dict:
        values = super().to_values(diagnosis)
        if values["icd10"]:
            values["icd10"] = values["icd10"].upper()  # e25.0 and E25.0 are the same code
        values["codes"] = codings.to_text(diagnosis.codes)
        return values

    def from_row(self, row: dict[str, Any]) -> Diagnosis:
        return replace(super().from_row(row), codes=codings.from_text(row["codes"]))

    # --- writing: a current diagnosis ends 'no known diagnoses' -------------------------------

    def add(self, diagnosis: Diagnosis, source: str = "typed", source_detail: str | None = None) -> Change:
        self._refuse_invalid(diagnosis)
        stamp = self._stamp(source, source_detail)
        with self._session.db.transaction():
            item_id = self._repo.insert(self.to_values(diagnosis), stamp)
            self._end_statement(diagnosis.status, stamp.author_id, stamp.now)
        return Change(self.section, ADDED, item_id)

    def update(self, diagnosis: Diagnosis) -> Change:
        """A code the person changes in the form replaces the file's codes of that kind: the old one would travel
        on beside it in the next export."""
        stored = self.get(diagnosis.id) if isinstance(diagnosis.id, int) else None
        if stored is not None:
            kept = diagnosis.codes
            if (stored.icd10 or "").upper() != (diagnosis.icd10 or "").strip().upper():
                kept = codings.without(kept, "icd10", stored.codes)
            if stored.orpha_code != diagnosis.orpha_code:
                kept = codings.without(kept, "orpha", stored.codes)
            diagnosis = replace(diagnosis, codes=kept)
        self._refuse_invalid(diagnosis)
        if diagnosis.id is None:
            raise EntryInvalid([FieldError("id", "not_found")])  # never stored, so nothing to change
        item_id, stamp = diagnosis.id, self._stamp()
        with self._session.db.transaction():
            self._repo.update(item_id, self.to_values(diagnosis), stamp)
            self._end_statement(diagnosis.status, stamp.author_id, stamp.now)
        return Change(self.section, UPDATED, item_id)

    def insert_imported(self, diagnosis: Diagnosis, stamp: Stamp, uid: str) -> int:
        item_id = super().insert_imported(diagnosis, stamp, uid)
        self._end_statement(diagnosis.status, stamp.author_id, stamp.now)
        return item_id

    def _end_statement(self, status: str, author_id: int, now: str) -> None:
        """Inside the caller's transaction."""
        if status != DiagnosisStatus.RESOLVED:
            PersonDetailsRepository(self._session.db).update({"problem_statement": ProblemStatement.LISTED},
                                                             author_id, now)

    # --- queries ------------------------------------------------------------------------------

    def current(self) -> list[Diagnosis]:
        """Not resolved: confirmed, then suspected, then carrier status; the newest first within each."""
        return [self.from_row(row) for row in DiagnosisRepository(self._session.db).current_rows()]

    def carriers(self) -> list[Diagnosis]:
        """Carrier statuses: worth telling family members and mentioning when planning children."""
        return [self.from_row(row) for row in self._repo.rows(equal={"status": "carrier"})]

    def linked_contacts(self, diagnosis: Diagnosis) -> dict[str, str]:
        """{'diagnosed_by': name, 'expertise_centre': name, 'treating_physician': name}; '' where no contact is
        linked (or it was deleted)."""
        names = links.choices(self._session, "contacts")
        return {column: names.get(getattr(diagnosis, column), "")
                for column in ("diagnosed_by", "expertise_centre", "treating_physician")}
