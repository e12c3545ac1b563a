"""Diagnoses: what the person has (or carries, or may have), with codes, who found it and genetic details.

Rare conditions are coded with an ORPHAcode (Orphanet, shown as ORPHA:586) and often
an ICD-10 code. A carrier status is a diagnosis of its own: the person carries a
variant, usually without symptoms, and that matters for family and children.
"""

import re
from dataclasses import dataclass, field

from phr.core import links, validation
from phr.core.entries import EntryService, FieldError, Provenance
from phr.core.vocabulary import DiagnosisStatus, Section, Zygosity
from phr.record.hgvs import is_hgvs
from phr.storage.repos import tables
from phr.storage.repos.diagnoses import DiagnosisRepository

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
        return checks.errors

    def to_values(self, diagnosis: Diagnosis) -> dict:
        values = super().to_values(diagnosis)
        if values["icd10"]:
            values["icd10"] = values["icd10"].upper()  # e25.0 and E25.0 are the same code
        return values

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
