"""The words follow the role (issue 17): the owner reads 'About me' and 'I have no known allergies'; a carer
who opened Joke's record reads 'About Joke' and 'Joke has no known allergies', in English and in Dutch."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton

from phr.record.diagnoses import DiagnosisService
from phr.record.person import NONE_KNOWN, AllergyService, PersonService
from phr.ui.app.i18n import install_translators
from phr.ui.app.navigation import Page, planned_pages
from phr.ui.pages.diagnoses_page import DiagnosesPage
from phr.ui.pages.person_page import PersonPage
from phr.ui.start.for_someone import create_for_someone
from phr.ui.widgets import whose

KEES_PASSPHRASE = "kees fietst elke zaterdag naar de markt"


@pytest.fixture
def carer_session(tmp_path, create_fast):
    """Kees works in the record of Joke Bakker."""
    created = create_for_someone(create_fast, tmp_path / "joke.regie", "Joke Bakker", "Kees Bakker",
                                 KEES_PASSPHRASE)
    yield created.session
    created.session.lock()


@pytest.fixture(params=["en", "nl"])
def language(request, qapp):
    if request.param == "en":
        yield "en"
        return
    before = QLocale()
    translators = install_translators(qapp, "nl")
    yield "nl"
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


WORDS = {  # (owner, carer) per language
    "section": {"en": ("About me", "About Joke"), "nl": ("Over mij", "Over Joke")},
    "change": {"en": ("Change my de&tails…", "Change de&tails of Joke…"),
               "nl": ("&Mijn gegevens wijzigen…", "Gegevens van Joke wij&zigen…")},
    "allergies": {"en": ("I have &no known allergies", "Joke has &no known allergies"),
                  "nl": ("Ik heb &geen bekende allergieën", "Joke heeft &geen bekende allergieën")},
    "diagnoses": {"en": ("I have &no known diagnoses", "Joke has &no known diagnoses"),
                  "nl": ("Ik heb &geen bekende diagnoses", "Joke heeft &geen bekende diagnoses")},
    "diagnoses unknown": {"en": ("say that you have none", "say that Joke has none"),
                          "nl": ("zeg dat u er geen hebt", "zeg dat Joke er geen heeft")},
    "allergies unknown": {"en": ("state that you have none", "state that Joke has none"),
                          "nl": ("geef aan dat u er geen hebt", "geef aan dat Joke er geen heeft")},
}


def person_section_title(session) -> str:
    return dict((key, title) for key, title, _purpose in planned_pages(whose.carer_of(session)))[Page.PERSON]


def read_person_page(qtbot, session, events) -> dict[str, str]:
    page = PersonPage(PersonService(session), AllergyService(session), session, events)
    qtbot.addWidget(page)
    return {"title": page.title.text(), "change": page.change_button.text(),
            "allergies": page.none_known_button.text(), "allergies unknown": page.statement.text()}


def read_diagnoses_page(qtbot, session, events) -> dict[str, str]:
    page = DiagnosesPage(DiagnosisService(session), session, events)
    qtbot.addWidget(page)
    return {"diagnoses": page.none_known_button.text(), "diagnoses unknown": page.statement.text()}


@pytest.mark.parametrize("role", [0, 1], ids=["owner", "carer"])
def test_the_person_and_diagnoses_pages_speak_as_the_one_working(qtbot, request, events, language, role):
    session = request.getfixturevalue("carer_session" if role else "session")
    assert whose.carer_of(session) == ("Joke" if role else "")
    assert person_section_title(session) == WORDS["section"][language][role]
    person = read_person_page(qtbot, session, events)
    assert WORDS["section"][language][role] in person["title"]
    diagnoses = read_diagnoses_page(qtbot, session, events)
    shown = person | diagnoses
    for key in ("change", "allergies", "diagnoses"):
        assert shown[key] == WORDS[key][language][role]
    for key in ("allergies unknown", "diagnoses unknown"):
        assert WORDS[key][language][role] in shown[key]


def test_the_carers_buttons_keep_their_alt_letters_apart(qtbot, carer_session, events, language):
    page = PersonPage(PersonService(carer_session), AllergyService(carer_session), carer_session, events)
    qtbot.addWidget(page)
    texts = [button.text() for button in page.findChildren(QPushButton) if "&" in button.text()]
    assert page.change_button.text() in texts and page.none_known_button.text() in texts
    letters = [text[text.index("&") + 1].lower() for text in texts]
    assert len(letters) == len(set(letters)), texts


def test_the_carer_states_no_known_allergies_and_the_page_follows_a_new_name(qtbot, carer_session, events):
    page = PersonPage(PersonService(carer_session), AllergyService(carer_session), carer_session, events)
    qtbot.addWidget(page)
    page.none_known_button.click()
    assert PersonService(carer_session).allergy_statement() == NONE_KNOWN
    assert page.none_known_button.isHidden()
    service = PersonService(carer_session)
    events.announce(service.update(replace(service.get(), name="Johanna Bakker")))
    assert page.change_button.text() == "Change de&tails of Johanna…"
    assert "About Johanna" in page.title.text()


def test_the_section_list_of_the_main_window_names_the_person_for_a_carer(qtbot, carer_session):
    from phr.record.services import RecordServices
    from phr.ui.app.main_window import MainWindow

    window = MainWindow(RecordServices(carer_session))
    qtbot.addWidget(window)
    try:
        titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
        assert "About Joke" in titles and "About me" not in titles
    finally:
        window.close_for_lock()
