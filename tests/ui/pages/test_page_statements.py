"""'No known medicines' and 'no known diagnoses' in the app (issue 15): the Medicines and Diagnoses pages say
what is known about the list as a whole, with a button (reachable with the keyboard) to state that there are
none; adding one ends the statement. An allergy's risk shows on About me and the overview."""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QUrl

from phr.record.codings import ICD10_CM, Coding
from phr.record.diagnoses import Diagnosis, DiagnosisService
from phr.record.medications import Medication, MedicationService
from phr.record.person import LISTED, NONE_KNOWN, UNKNOWN, Allergy, AllergyService, PersonService
from phr.record.services import RecordServices
from phr.ui.pages.diagnoses_page import DiagnosesPage
from phr.ui.pages.medications_page import MedicationsPage
from phr.ui.pages.overview_page import OverviewPage
from phr.ui.pages.person_page import PersonPage

TODAY = date(2026, 11, 22)


@pytest.fixture
def medicines_page(qtbot, session, events):
    widget = MedicationsPage(MedicationService(session), session, events, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def diagnoses_page(qtbot, session, events):
    widget = DiagnosesPage(DiagnosisService(session), session, events)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_medicines_page_says_not_filled_in_and_states_none_with_the_keyboard(qtbot, medicines_page, session):
    person = PersonService(session)
    assert medicines_page.statement_bar.isVisible() and medicines_page.none_known_button.isVisible()
    assert "not filled in" in medicines_page.statement.text()
    assert medicines_page.none_known_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    medicines_page.none_known_button.setFocus()
    qtbot.keyClick(medicines_page.none_known_button, Qt.Key.Key_Space)
    assert person.medication_statement(TODAY) == NONE_KNOWN
    assert "no known medicines" in medicines_page.statement.text() and not medicines_page.none_known_button.isVisible()


def test_adding_a_medicine_in_use_ends_the_statement_and_hides_it(medicines_page, session, events):
    PersonService(session).state_no_known_medications(TODAY)
    events.announce(MedicationService(session).add(Medication(name="Hydrocortison")))
    assert PersonService(session).medication_statement(TODAY) == LISTED
    assert not medicines_page.statement_bar.isVisible()


def test_an_ended_medicine_shows_as_stopped_on_a_date_not_known(medicines_page, session, events):
    change = MedicationService(session).add(Medication(name="Amoxicilline", ended=True, codes=(
        Coding("http://www.whocc.no/atc", "J01CA04", "amoxicillin"),)))
    events.announce(change)
    from phr.ui.pages.medications_page import PAST
    medicines_page.show_list(PAST)
    medicines_page.reload(select_id=change.item_id)
    assert "Stopped, on a date that is not known" in medicines_page.details.toPlainText()
    medicines_page.details.anchorClicked.emit(QUrl("#more-details"))  # the code waits for the doctor
    assert "ATC J01CA04 (amoxicillin)" in medicines_page.details.toPlainText()
    assert PersonService(session).medication_statement(TODAY) == UNKNOWN  # a past medicine says nothing now


def test_the_diagnoses_page_states_no_known_diagnoses(qtbot, diagnoses_page, session):
    assert "not filled in" in diagnoses_page.statement.text()
    qtbot.mouseClick(diagnoses_page.none_known_button, Qt.MouseButton.LeftButton)
    assert PersonService(session).problem_statement() == NONE_KNOWN
    assert "no known diagnoses" in diagnoses_page.statement.text()


def test_a_diagnosis_shows_its_icd10_variant_and_other_codes(diagnoses_page, session, events):
    events.announce(DiagnosisService(session).add(Diagnosis(name="Diabetes", icd10="E11.9", codes=(
        Coding(ICD10_CM, "E11.9"), Coding("http://snomed.info/sct", "44054006", "Diabetes mellitus type 2")))))
    diagnoses_page.reload()
    diagnoses_page.details.anchorClicked.emit(QUrl("#more-details"))  # the codes are in the part for the doctor
    details = diagnoses_page.details.toPlainText()
    assert "E11.9 (ICD-10-CM)" in details and "SNOMED CT 44054006 (Diabetes mellitus type 2)" in details
    assert not diagnoses_page.statement_bar.isVisible()


def test_the_overview_says_what_is_known_and_the_allergy_risk(qtbot, session, events):
    services = RecordServices(session)
    services.person.state_no_known_medications()
    AllergyService(session).add(Allergy(substance="Penicilline", criticality="high"))
    page = OverviewPage(services, events)
    qtbot.addWidget(page)
    text = page.plain_text()
    assert "No known medicines." in text and "Not filled in yet (see Diagnoses)." in text
    assert "high risk: a reaction can be life-threatening" in text


def test_about_me_shows_and_edits_an_allergys_risk(qtbot, session, events, dialogs):
    page = PersonPage(PersonService(session), AllergyService(session), session, events)
    qtbot.addWidget(page)
    AllergyService(session).add(Allergy(substance="Noten"))
    page.allergies.reload()
    dialogs.append(lambda dialog: dialog.field("criticality").set("high"))
    page.allergies.edit_selected()
    assert AllergyService(session).all()[0].criticality == "high"
    assert "High risk" in page.allergies.details.toPlainText()
