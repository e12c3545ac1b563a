"""FHIR's shared data types read as plain text: concepts, dates, notes, names and addresses."""

from typing import Any

from phr.core import partial_date
from phr.formats.fhir import codes as codes
from phr.formats.fhir.read.resources.found import Resource
from phr.record.codings import MAX_CODING_TEXT, MAX_CODINGS, Coding, Codings

NOT_TRUE = {"refuted", "entered-in-error"}  # a verification status that says the entry is not so


def text_of(concept: dict[str, Any] | None) -> str:
    if not concept:
        return ""
    if concept.get("text"):
        return concept["text"].strip()
    return next((c.get("display") or c.get("code") for c in concept.get("coding") or [] if c.get("display")
                 or c.get("code")), "").strip()


def codes_of(concept: dict[str, Any] | None) -> list[tuple[str, str]]:
    return [(c.get("system") or "", c.get("code") or "") for c in (concept or {}).get("coding") or []]


def codings_of(concept: dict[str, Any] | None) -> Codings:
    """Every coding of a concept as the file gives it (system, code, display), to be kept and exported again;
    one without a system or a code names nothing and is left out, as is one too long to be a code."""
    found = []
    for c in (concept or {}).get("coding") or []:
        system, code = (c.get("system") or "").strip(), (c.get("code") or "").strip()
        display = (c.get("display") or "").strip()
        if system and code and max(len(system), len(code), len(display)) <= MAX_CODING_TEXT:
            found.append(Coding(system, code, display))
    return tuple(dict.fromkeys(found))[:MAX_CODINGS]


def day(value: object) -> str:
    """A FHIR date or dateTime as a partial date ('2019', '2019-05', '2019-05-14'); '' if not usable."""
    return partial_date.normalise_or_none(str(value or "")[:10]) or ""


def status_code(concept: dict[str, Any] | None) -> str:
    return next((code for _, code in codes_of(concept)), "")


def notes(resource: Resource) -> str:
    """The notes as one text, without those our export wrote from other fields."""
    return "\n".join(n["text"].strip() for n in resource.get("note") or [] if (n.get("text") or "").strip()
                     and not any(e.get("url") == codes.GENERATED_NOTE for e in n.get("extension") or []))


def person_name(names: list[dict[str, Any]] | None) -> str:
    """The first name's text, else prefix, given names and family name; a missing (null) part is left out."""
    first = next((n for n in names or [] if isinstance(n, dict)), {})
    if texts([first.get("text")]):
        return first["text"].strip()
    return " ".join(texts([*(first.get("prefix") or []), *(first.get("given") or []), first.get("family")]))


def address(resource: Resource) -> str:
    first = next((a for a in resource.get("address") or [] if isinstance(a, dict)), {})
    if texts([first.get("text")]):
        return first["text"].strip()
    place = " ".join(texts([first.get("postalCode"), first.get("city")]))
    return ", ".join(texts([*(first.get("line") or []), place]))


def texts(parts: list[Any]) -> list[str]:
    """The parts that are text with something in it, trimmed."""
    return [part.strip() for part in parts if isinstance(part, str) and part.strip()]
