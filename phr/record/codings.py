"""The codes another system gave an entry, kept as they came (issue 15: keep what the file says).

A diagnosis, medicine or allergy read from a FHIR file keeps every coding of its concept: SNOMED CT,
LOINC, ATC, the G-Standaard, an ICD-10 variant under its own system (ICD-10-CM stays ICD-10-CM, never
re-exported as the WHO's ICD-10). They travel with the entry (stored as JSON text, a list of
{"system", "code", "display"}) and go out again in the next export. The app and the PDFs show them;
a person who changes the ICD-10 code or ORPHAcode in the form replaces the file's codes of that kind
(phr.record.diagnoses): a stale code must not travel on beside the person's own.
"""

import json
from dataclasses import dataclass
from typing import Any

from phr.core import validation

MAX_CODINGS = 50          # more codings than any concept carries: keeps a damaged file's list out
MAX_CODING_TEXT = 1000    # characters of a system, code or display

SNOMED = "http://snomed.info/sct"
ORPHANET_SYSTEMS = ("http://www.orpha.net", "https://www.orpha.net", "http://www.orpha.net/", "https://www.orpha.net/")
# The ICD-10 family: the WHO's, and national variants with a system of their own (the FHIR addresses
# phr.formats.fhir.codes reads them under).
ICD10_WHO = "http://hl7.org/fhir/sid/icd-10"
ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm"
ICD10_SYSTEMS = (ICD10_WHO, "http://hl7.org/fhir/sid/icd-10-nl", ICD10_CM)
# How a code system is named for people (the address when it is none of these). The G-Standaard's levels by
# their OIDs as Nictiz lists them (informatiestandaarden.nictiz.nl, 7phcy medicationKind.code).
SYSTEM_NAMES = {
    SNOMED: "SNOMED CT", "urn:oid:2.16.840.1.113883.6.96": "SNOMED CT", "http://loinc.org": "LOINC", "http://www.whocc.no/atc": "ATC",
    ICD10_WHO: "ICD-10", ICD10_CM: "ICD-10-CM", "http://hl7.org/fhir/sid/icd-10-nl": "ICD-10-NL",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm", "http://hl7.org/fhir/sid/cvx": "CVX",
    "urn:oid:2.16.840.1.113883.12.292": "CVX",
    "urn:oid:2.16.840.1.113883.2.4.4.1": "G-Standaard GPK", "urn:oid:2.16.840.1.113883.2.4.4.10": "G-Standaard PRK",
    "urn:oid:2.16.840.1.113883.2.4.4.7": "G-Standaard HPK", "urn:oid:2.16.840.1.113883.2.4.4.8": "G-Standaard ZI",
    **{system: "ORPHAcode" for system in ORPHANET_SYSTEMS},
}


@dataclass(frozen=True)
class Coding:
    system: str
    code: str
    display: str = ""

    @property
    def system_name(self) -> str:
        """'SNOMED CT', 'ICD-10-CM', ...; the system's address when it has no common name."""
        return SYSTEM_NAMES.get(self.system, self.system)

    def said(self) -> str:
        """'SNOMED CT 44054006 (Diabetes mellitus type 2)', for a person to read."""
        shown = f"{self.system_name} {self.code}".strip()
        return f"{shown} ({self.display})" if self.display else shown


Codings = tuple[Coding, ...]


def to_text(codings: Codings) -> str | None:
    """As the record stores them: JSON text, None for none."""
    if not codings:
        return None
    return json.dumps([{"system": c.system, "code": c.code, "display": c.display} for c in codings],
                      ensure_ascii=False, separators=(",", ":"))


def from_text(text: str | None) -> Codings:
    """The stored JSON text (or a list of dicts, as Regie's own file holds them) as codings."""
    if not text:
        return ()
    found = json.loads(text) if isinstance(text, str) else text
    return tuple(Coding(str(c.get("system") or ""), str(c.get("code") or ""), str(c.get("display") or ""))
                 for c in found if isinstance(c, dict))


def problem(codings: Any) -> str:
    """Why these codings cannot be stored ('' when they can): each needs a system and a code, as text."""
    if not isinstance(codings, tuple) or len(codings) > MAX_CODINGS:
        return "invalid_codes"
    for coding in codings:
        texts = (coding.system, coding.code, coding.display) if isinstance(coding, Coding) else ()
        if not texts or not all(isinstance(text, str) and len(text) <= MAX_CODING_TEXT for text in texts) \
                or not coding.system.strip() or not coding.code.strip():
            return "invalid_codes"
    return ""


def check(checks: validation.Checks, codings: Any) -> None:
    if problem(codings):
        checks.add("codes", "invalid_codes")


def is_icd10(system: str) -> bool:
    return system in ICD10_SYSTEMS


def is_orphanet(system: str) -> bool:
    return system in ORPHANET_SYSTEMS


def icd10_name(codings: Codings, code: str) -> str:
    """The name of the ICD-10 variant a code is in: 'ICD-10-CM' when the file gave it so, else 'ICD-10'."""
    return next((c.system_name for c in codings if is_icd10(c.system) and c.code.upper() == code.upper()),
                "ICD-10")


def without(codings: Codings, kind: str, stale: Codings) -> Codings:
    """The codings without the `stale` ones of one kind ('icd10' or 'orpha'): the person typed their own code
    of that kind, so what the entry held of it before is no longer so (codes given with the change stay)."""
    belongs = is_icd10 if kind == "icd10" else is_orphanet
    return tuple(c for c in codings if not (belongs(c.system) and c in stale))


def others(codings: Codings, icd10: str = "", orpha_code: int | None = None) -> Codings:
    """The codings the entry's own fields do not show already (its ICD-10 code, its ORPHAcode)."""
    return tuple(c for c in codings
                 if not (is_icd10(c.system) and icd10 and c.code.upper() == icd10.upper())
                 and not (is_orphanet(c.system) and orpha_code is not None and c.code == str(orpha_code)))
