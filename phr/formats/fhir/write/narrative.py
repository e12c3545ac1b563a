"""Section narratives of the FHIR patient summary: small XHTML tables a person can read.

FHIR requires the narrative to be XHTML in the XHTML namespace, without scripts or
styles; every text from the record is escaped, so a '<' in a note stays a '<'.
"""

from html import escape

from phr.words.catalogue import Words
from phr.words.fhir import DUTCH as FHIR_DUTCH

XHTML = "http://www.w3.org/1999/xhtml"


class FhirWords(Words):
    """The export words plus the FHIR part's own Dutch table (phr/words/fhir.py)."""

    def __call__(self, english: str, **fields) -> str:
        if self.language == "nl" and english in FHIR_DUTCH:
            text = FHIR_DUTCH[english]
            return text.format(**fields) if fields else text
        return super().__call__(english, **fields)


def div(*parts: str) -> str:
    return f'<div xmlns="{XHTML}">{"".join(parts)}</div>'


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell or '')}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def narrative(*parts: str) -> dict:
    return {"status": "generated", "div": div(*parts)}


def joined(*parts: str, separator: str = "; ") -> str:
    return separator.join(part.strip() for part in parts if part and part.strip())
