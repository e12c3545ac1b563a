"""A measure's unit as people write it, in the export's language.

Most units read the same in every language (mmol/L, mmHg, kg, %). Insulin's international units do not:
'IU' in English, 'IE' in Dutch, as insulin pens, pharmacy labels and the dose words ('eenheden (IE)') write
them. Only the words change: a FHIR quantity keeps its UCUM code ('[IU]') whatever the language.
"""

from collections.abc import Callable

Translate = Callable[..., str]


def unit_words(w: Translate, unit_text: str) -> str:
    """`unit_text` (a measure's unit as people write it) in w's language."""
    if unit_text == "IU":
        return w("IU")
    return unit_text


DUTCH: dict[str, str] = {
    "IU": "IE",
}
