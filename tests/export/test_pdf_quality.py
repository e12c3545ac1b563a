"""What every exported PDF kind shares as a file: an outline of its sections, a title with the kind
and the person, its language, only embedded fonts, and long words and addresses that break only
between syllables or at an address's separators."""

import io
import re
from datetime import datetime
from pathlib import Path

import pyphen
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.lib.units import mm

from phr.export.options import ExportOptions
from phr.export.pdf import wrapping
from phr.export.pdf.base import PdfContext
from phr.export.pdf.documents import build_pdf
from phr.export.pdf.recovery.sheet import build_recovery_sheet
from phr.words.catalogue import Words

NOW = datetime(2026, 11, 22, 12, 0)
KIND_TITLES = {"overview": "Overview of my care", "visit": "Visit brief", "emergency": "Emergency card and letter",
               "recovery": "Recovery sheet"}
DOCUMENTS = [(kind, language) for kind in KIND_TITLES for language in ("nl", "en")]
SEPARATORS_BEFORE = ".-?#&=_@~"


@pytest.fixture(scope="module")
def pdfs(sample_services) -> dict[tuple[str, str], bytes]:
    made = {}
    for kind, language in DOCUMENTS:
        if kind == "recovery":
            made[kind, language] = build_recovery_sheet("9XPZ-B6X9-3WAR-UGVQ-BKCF-UGZE-JENQ", Path("/tmp/r.regie"),
                                                        sample_services.person.get().name, language, NOW)
        else:
            made[kind, language] = build_pdf(sample_services, ExportOptions(kind=kind, language=language, now=NOW))
    return made


def reader_of(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def outline_of(reader: PdfReader) -> list[tuple[int, str, int, float]]:
    """(depth, title, page index, top) of every outline entry, in order."""
    entries: list[tuple[int, str, int, float]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item), float(item.top)))
    walk(reader.outline, 0)
    return entries


def heading_heights(reader: PdfReader, page: int) -> dict[str, list[float]]:
    """Each line of text on a page with the heights of its baselines."""
    lines: dict[str, list[float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            lines.setdefault(" ".join(text.split()), []).append(cm[5] + tm[5] * cm[3])
    reader.pages[page].extract_text(visitor_text=visit)
    return lines


@pytest.mark.parametrize("kind, language", DOCUMENTS)
def test_the_outline_lists_the_sections_at_their_headings(pdfs, kind, language):
    reader = reader_of(pdfs[kind, language])
    entries = outline_of(reader)
    assert entries and reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"  # the reader opens with it shown
    assert entries[0][:3] == (0, entries[0][1], 0)  # the document's title, on page 1
    if kind in ("overview", "visit", "emergency"):
        assert len(entries) >= 5 and {depth for depth, *_ in entries} >= {0, 1}
    assert [(page, -top) for _, _, page, top in entries] == sorted((page, -top) for _, _, page, top in entries)
    for depth, title, page, top in entries:
        heights = heading_heights(reader, page).get(title)
        assert heights, f"{title!r} is not on page {page + 1}"
        # the destination is the top of the heading's line: its baseline lies less than a line below
        assert any(0 < top - baseline < 22 for baseline in heights), (title, top, heights)


def test_every_section_title_of_the_overview_is_in_its_outline(pdfs, sample_services):
    from phr.export.pdf.overview.document import section_titles
    for language in ("nl", "en"):
        titles = {title for _, title, _, _ in outline_of(reader_of(pdfs["overview", language]))}
        text = "\n".join(page.extract_text() for page in reader_of(pdfs["overview", language]).pages)
        printed = [title for title in section_titles(Words(language)).values() if title in text.splitlines()]
        assert printed and set(printed) <= titles


@pytest.mark.parametrize("kind, language", DOCUMENTS)
def test_the_title_names_the_kind_and_the_person_and_the_language_is_set(pdfs, sample_services, kind, language):
    reader = reader_of(pdfs[kind, language])
    name = sample_services.person.get().name
    assert reader.metadata.title == f"{Words(language)(KIND_TITLES[kind])} — {name}"
    assert reader.metadata.author == "Regie"
    assert reader.trailer["/Root"]["/Lang"] == language


def font_resources(resources: DictionaryObject, seen: set[int]) -> list[DictionaryObject]:
    """Every font a page uses, also inside its form XObjects (drawings)."""
    fonts = [font.get_object() for font in resources.get("/Font", DictionaryObject()).get_object().values()]
    for xobject in resources.get("/XObject", DictionaryObject()).get_object().values():
        inner = xobject.get_object()
        if id(inner) not in seen and "/Resources" in inner:
            seen.add(id(inner))
            fonts += font_resources(inner["/Resources"].get_object(), seen)
    return fonts


@pytest.mark.parametrize("kind, language", DOCUMENTS)
def test_every_font_is_embedded(pdfs, kind, language):
    """No standard-14 font (reportlab's Helvetica default for table cells and chart labels): a reader
    would draw its own substitute, with other widths and maybe without our letters."""
    fonts = [font for page in reader_of(pdfs[kind, language]).pages
             for font in font_resources(page["/Resources"].get_object(), set())]
    assert fonts
    for font in fonts:
        described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = described.get("/FontDescriptor")
        assert descriptor is not None, f"{font['/BaseFont']} is not embedded"
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object()), font["/BaseFont"]


# --- breaking long words and addresses ----------------------------------------------------------------

def lines(text: str, width_mm: float, language: str = "nl", style: str = "cell") -> list[str]:
    paragraph = PdfContext.create(ExportOptions(language=language, now=NOW)).para(text, style)
    with wrapping.laid_out_in(language):  # as pages.render lays out a document
        paragraph.wrap(width_mm * mm, 10_000)
    return [" ".join(line[1]) for line in paragraph.blPara.lines]


def breaks_in(text: str, broken: list[str]) -> list[int]:
    """Where the laid-out lines break `text` inside a word (indexes into it; a break at a space is
    not one); asserts that nothing was lost and nothing added but a hyphen at a line's end."""
    at, inside = 0, []
    for line in broken:
        if text.startswith(line, at):
            at += len(line)
        else:
            assert line.endswith("-") and text.startswith(line[:-1], at), (text, broken)
            at += len(line) - 1
        if at < len(text) and text[at] == " ":
            at += 1
        elif at < len(text):
            inside.append(at)
    assert at == len(text), (text, broken)
    return inside


DUTCH_WORDS = ["Hydrocortisonsubstitutie", "bijnierschorsinsufficiëntie", "Patiëntenvereniging",
               "Bijnierschorsinsufficiëntieklachten"]
ENGLISH_WORDS = ["hydrocortisone", "insufficiency", "physiotherapist", "endocrinologist"]


# From 12 mm (six letters) for Dutch; English dictionaries leave longer runs ("cortisone") unbroken.
@pytest.mark.parametrize("language, words, width", [("nl", DUTCH_WORDS, width) for width in (12, 16, 20, 25, 30)]
                         + [("en", ENGLISH_WORDS, width) for width in (16, 20, 25, 30)])
def test_a_long_word_breaks_only_where_pyphen_allows(language, words, width):
    allowed = pyphen.Pyphen(lang={"nl": "nl_NL", "en": "en_GB"}[language])
    for word in words:
        broken = lines(word, width, language)
        assert all(line.endswith("-") for line in broken[:-1])  # a hyphen at each break
        for at in breaks_in(word, broken):
            assert at in allowed.positions(word), (word, broken)


def test_a_long_word_after_other_words_breaks_between_syllables_too():
    text = "Ik heb bijnierschorsinsufficiëntie en neem Hydrocortisonsubstitutie"
    allowed = {text.index(word) + position for word in ("bijnierschorsinsufficiëntie", "Hydrocortisonsubstitutie")
               for position in pyphen.Pyphen(lang="nl_NL").positions(word)}
    for width in range(14, 60, 3):
        broken = lines(text, width)
        assert set(breaks_in(text, broken)) <= allowed, broken


def test_an_english_export_breaks_the_patients_dutch_words_by_dutch_rules_too():
    for word in ("noodinjectie", "Bijnierschorsinsufficiëntieklachten", "bijwerkingen"):
        dutch = pyphen.Pyphen(lang="nl_NL").positions(word)
        for width in (14, 18, 22):
            assert set(breaks_in(word, lines(word, width, "en"))) <= set(dutch), (word, width)


def test_words_that_fit_a_line_are_never_hyphenated():
    for width in range(15, 80, 5):
        broken = lines("Neem de tabletten ’s ochtends en ’s middags in met water of melk, nooit op een lege maag.", width)
        assert not any(line.endswith("-") for line in broken), broken


ADDRESSES = ["www.bijniervereniging-nvacp.nl/over-bijnieraandoeningen/congenitale-bijnierhyperplasie?bron=regie",
             "https://www.orpha.net/nl/disease/detail/90794",
             "poli.endocrinologie@umc-zuiderhaven.example", "www.umc-zuiderhaven.example/bijnier"]


def address_breaks_ok(address: str, broken: list[str]) -> list[int]:
    assert "".join(broken) == address  # no hyphen added: it would read as part of the address
    at = breaks_in(address, broken)
    for index in at:
        assert address[index - 1] == "/" or address[index] in SEPARATORS_BEFORE, (address, broken)
    return at


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("width", (45, 60, 80))  # each part between separators fits
def test_an_address_breaks_only_at_its_separators(address, width):
    broken = lines(address, width)
    address_breaks_ok(address, broken)
    for style in ("body", "small"):
        address_breaks_ok(address, lines(address, width, style=style))


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_after_words_moves_to_the_next_line_before_it_breaks_inside_a_part(address):
    text = f"Zie voor meer informatie {address}"
    for width in range(45, 90, 4):
        broken = lines(text, width)
        for index in breaks_in(text, broken):
            assert index < text.index(address) or text[index - 1] == "/" or text[index] in SEPARATORS_BEFORE, broken


def test_a_part_of_an_address_wider_than_the_column_breaks_between_syllables():
    address = ADDRESSES[0]
    allowed = set()
    for word in re.finditer(r"[^\W\d_]+", address):
        allowed |= {word.start() + p for p in pyphen.Pyphen(lang="nl_NL").positions(word.group())}
    for width in (16, 20, 25):
        broken = lines(address, width)
        for index in breaks_in(address, broken):
            assert address[index - 1] == "/" or address[index] in SEPARATORS_BEFORE or index in allowed, broken


@pytest.mark.parametrize("width", (30, 40, 55))
def test_an_address_in_a_paragraph_with_markup_breaks_at_its_separators(width):
    """A contact's name cell: the name in bold, its details in a smaller font (reportlab's other path)."""
    details = "www.bijniervereniging-nvacp.nl · poli.endocrinologie@umc-zuiderhaven.example"
    paragraph = PdfContext.create(ExportOptions(language="nl", now=NOW)).markup(
        f"<b>Bijniervereniging NVACP</b><br/><font size=7>{details}</font>", "cell")
    with wrapping.laid_out_in("nl"):
        paragraph.wrap(width * mm, 10_000)
    broken = ["".join(getattr(frag, "text", "") for frag in line.words).strip() for line in paragraph.blPara.lines]
    text = "Bijniervereniging NVACP " + details
    for index in breaks_in(text, broken):
        assert index < len(text) - len(details) or text[index - 1] == "/" or text[index] in SEPARATORS_BEFORE, broken
