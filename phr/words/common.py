"""Dutch words shared by every export (see phr/words/catalogue.py)."""

DUTCH: dict[str, str] = {
    "No information.": "Geen gegevens.",
    "Name not filled in": "Naam niet ingevuld",
    "born {date}": "geboren {date}",
    "date of birth not filled in": "geboortedatum niet ingevuld",
    "Made with Regie on {date}": "Gemaakt met Regie op {date}",
    "Page {page} of {pages}": "Pagina {page} van {pages}",
}
