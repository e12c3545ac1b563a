"""The medicines page, driven like a user would; what the record holds is checked through the service."""

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt, QUrl

from phr.record.care_team import CareTeamService, Contact
from phr.record.diagnoses import Diagnosis, DiagnosisService
from phr.record.medications import Medication, MedicationService
from phr.ui.pages.medications_page import MedicationsPage

TODAY = date(2025, 6, 15)


@pytest.fixture(autouse=True)
def english_dates():
    """Dates read as in the English app, whatever the machine's own language."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def medications(session):
    return MedicationService(session)


@pytest.fixture
def page(qtbot, medications, session, events):
    widget = MedicationsPage(medications, session, events, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def fill(**values):
    def apply(dialog):
        for name, value in values.items():
            dialog.field(name).set(value)
    return apply


def table_text(page) -> list[list[str]]:
    model = page.model
    return [[model.data(model.index(row, column)) for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def add(medications, page, name="Hydrocortison", **values) -> int:
    medication_id = medications.add(Medication(name=name, **values)).item_id
    page.reload(select_id=medication_id)
    return medication_id


@pytest.fixture
def hydrocortisone(medications, page):
    return add(medications, page, strength="10 mg", dose="1 tablet", schedule="3 times a day: 10-5-5 mg",
               start_date="2019-05")


# --- add, change, delete, undo ------------------------------------------------------------------

def test_add_a_medicine(page, medications, session, dialogs):
    addison = DiagnosisService(session).add(Diagnosis(name="Addison's disease", status="confirmed")).item_id
    doctor = CareTeamService(session).add(Contact(name="Dr. A. Jansen", role="specialist")).item_id
    dialogs.append(fill(name="Hydrocortison", strength="10 mg", dose="1 tablet",
                        schedule="3 times a day: 10-5-5 mg", route="oral", reason_id=addison,
                        prescriber_id=doctor, start_date="2019-05"))
    page.add()
    [saved] = medications.all()
    assert (saved.name, saved.strength, saved.route, saved.reason_id, saved.prescriber_id, saved.start_date) == (
        "Hydrocortison", "10 mg", "oral", addison, doctor, "2019-05")
    assert table_text(page) == [["Hydrocortison 10 mg", "1 tablet, 3 times a day: 10-5-5 mg", "Addison's disease",
                                 "May 2019", ""]]
    details = page.details.toPlainText()
    assert "By mouth (oral)" in details and "Dr. A. Jansen" in details and "In use" in details
    assert "No changes recorded yet." in details
    assert "Entered by Zoë Ünal (owner)" in details


def test_change_a_medicine(page, medications, hydrocortisone, dialogs):
    dialogs.append(fill(notes="Double dose when I have a fever", route="other"))
    page.edit_selected()
    saved = medications.get(hydrocortisone)
    assert (saved.notes, saved.route, saved.dose) == ("Double dose when I have a fever", "other", "1 tablet")


def test_delete_and_undo(page, medications, hydrocortisone):
    page.delete_selected()
    assert medications.all() == [] and page.model.rowCount() == 0
    assert page.undo_bar.isVisible() and "Hydrocortison" in page.undo_text.text()
    page.undo_delete()
    assert [m.name for m in medications.all()] == ["Hydrocortison"]
    assert page.model.rowCount() == 1 and not page.undo_bar.isVisible()


def test_bad_input_is_explained_and_keeps_what_was_typed(page, medications, dialogs, qtbot):
    def type_badly(dialog):
        qtbot.keyClicks(dialog.field("strength").widget, "5 mg")
        qtbot.keyClicks(dialog.field("start_date").widget, "2024-05-10")
        qtbot.keyClicks(dialog.field("stop_date").widget, "2023")

    dialogs.append(type_badly)
    page.add()
    dialog = dialogs.last
    assert not dialog.result()
    assert medications.all() == []
    assert dialog.field("strength").widget.text() == "5 mg"
    assert dialog.field("stop_date").widget.text() == "2023"
    assert dialog._error_labels["name"].text() == "Please fill this in."
    assert dialog._error_labels["stop_date"].text() == "This date lies before the start date."


# --- current, past and all --------------------------------------------------------------------------

def test_current_is_shown_first_and_the_filter_switches_lists(page, medications):
    add(medications, page, "Fludrocortison")
    add(medications, page, "Prednison", stop_date="2024-11")
    add(medications, page, "Afbouwschema", stop_date="2025-07")  # stops next month: still in use
    assert page.filter_buttons["current"].isChecked()
    assert [row[0] for row in table_text(page)] == ["Afbouwschema", "Fludrocortison"]
    page.filter_buttons["past"].click()
    assert [row[0] for row in table_text(page)] == ["Prednison"]
    assert table_text(page)[0][4] == "November 2024"
    assert "Stopped" in page.details.toPlainText() and not page.stop_button.isEnabled()
    page.show_list("all")
    assert [row[0] for row in table_text(page)] == ["Afbouwschema", "Fludrocortison", "Prednison"]


# --- changing the dose ------------------------------------------------------------------------------

def test_change_the_dose(page, medications, hydrocortisone, dialogs):
    def new_dose(dialog):
        assert dialog.field("changed_on").widget.text() == "15-06-2025"  # today, ready to keep
        assert dialog.field("dose").get() == "1 tablet"  # the dose now, ready to change
        fill(dose="1.5 tablets", schedule="3 times a day: 15-5-5 mg", reason="More symptoms during stress")(dialog)

    dialogs.append(new_dose)
    page.change_dose_selected()
    saved = medications.get(hydrocortisone)
    assert (saved.dose, saved.schedule) == ("1.5 tablets", "3 times a day: 15-5-5 mg")
    [change] = medications.changes(hydrocortisone)
    assert (change.changed_on, change.dose, change.reason) == ("2025-06-15", "1.5 tablets",
                                                               "More symptoms during stress")
    assert table_text(page)[0][1] == "1.5 tablets, 3 times a day: 15-5-5 mg"
    details = page.details.toPlainText()
    assert "15 June 2025" in details and "More symptoms during stress" in details
    assert details.count("Entered by Zoë Ünal (owner)") == 2  # the medicine's and the change's own


def test_a_bad_dose_change_keeps_what_was_typed_and_changes_nothing(page, medications, hydrocortisone, dialogs,
                                                                    qtbot):
    def type_badly(dialog):
        dialog.field("changed_on").widget.clear()
        qtbot.keyClicks(dialog.field("changed_on").widget, "3-2018")
        dialog.field("reason").widget.setPlainText("Typed with care")

    dialogs.append(type_badly)
    page.change_dose_selected()
    dialog = dialogs.last
    assert not dialog.result()
    assert dialog.field("changed_on").widget.text() == "3-2018"
    assert dialog.field("reason").widget.toPlainText() == "Typed with care"
    assert dialog._error_labels["changed_on"].text() == "This date lies before the start date."
    assert medications.changes(hydrocortisone) == [] and medications.get(hydrocortisone).dose == "1 tablet"


def test_correct_a_change_from_the_history(page, medications, hydrocortisone, dialogs):
    medications.change_dose(hydrocortisone, "2025-03-01", "2 tablets", "", "Flu")
    page.reload()
    [change] = medications.changes(hydrocortisone)
    dialogs.append(fill(dose="1.5 tablets"))
    page.details.anchorClicked.emit(QUrl(f"change:{change.id}"))
    assert medications.changes(hydrocortisone)[0].dose == "1.5 tablets"
    assert medications.get(hydrocortisone).dose == "1.5 tablets"


def test_delete_a_change_from_the_history_and_undo(page, medications, hydrocortisone, qtbot):
    medications.change_dose(hydrocortisone, "2024-01-01", "2 tablets", "")
    medications.change_dose(hydrocortisone, "2025-03-01", "3 tablets", "")
    page.reload()
    newest = medications.changes(hydrocortisone)[0]
    assert f"delete:{newest.id}" in page.details.toHtml()
    page.details.anchorClicked.emit(QUrl(f"delete:{newest.id}"))
    assert [c.dose for c in medications.changes(hydrocortisone)] == ["2 tablets"]
    assert medications.get(hydrocortisone).dose == "2 tablets"
    assert "Change of “Hydrocortison” on 1 March 2025 deleted." in page.undo_text.text()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.dose for c in medications.changes(hydrocortisone)] == ["3 tablets", "2 tablets"]
    assert medications.get(hydrocortisone).dose == "3 tablets"
    assert page.selected().id == hydrocortisone


# --- stopping ---------------------------------------------------------------------------------------

def test_stop_moves_the_medicine_from_current_to_past(page, medications, hydrocortisone, dialogs):
    def stop(dialog):
        assert dialog.field("stop_date").widget.text() == "15-06-2025"
        fill(stop_reason="Switched to another medicine")(dialog)

    add(medications, page, "Fludrocortison")
    page.reload(select_id=hydrocortisone)
    dialogs.append(stop)
    page.stop_selected()
    stopped = medications.get(hydrocortisone)
    assert (stopped.stop_date, stopped.stop_reason) == ("2025-06-15", "Switched to another medicine")
    assert [m.name for m in medications.past(TODAY)] == ["Hydrocortison"]
    # The page follows the medicine to the past list, so the person sees where it went.
    assert page.filter_buttons["past"].isChecked()
    assert [row[0] for row in table_text(page)] == ["Hydrocortison 10 mg"]
    assert "Switched to another medicine" in page.details.toPlainText() and "Stopped" in page.details.toPlainText()
    page.show_list("current")
    assert [row[0] for row in table_text(page)] == ["Fludrocortison"]


def test_a_search_hit_on_a_past_medicine_shows_it(page, medications, events):
    past = medications.add(Medication(name="Prednison", stop_date="2019")).item_id
    events.show_item.emit("medications", past)
    assert page.filter_buttons["past"].isChecked() and page.selected().id == past


def test_a_bad_stop_date_keeps_what_was_typed(page, medications, hydrocortisone, dialogs, qtbot):
    def type_badly(dialog):
        dialog.field("stop_date").widget.clear()
        qtbot.keyClicks(dialog.field("stop_date").widget, "31-2-2025")

    dialogs.append(type_badly)
    page.stop_selected()
    assert not dialogs.last.result()
    assert dialogs.last.field("stop_date").widget.text() == "31-2-2025"
    assert medications.get(hydrocortisone).stop_date == ""
    assert medications.current(TODAY)[0].id == hydrocortisone


def test_a_renamed_diagnosis_shows_in_the_list(page, medications, session, events):
    diagnoses = DiagnosisService(session)
    diagnosis_id = diagnoses.add(Diagnosis(name="Bijnierschorsinsufficiëntie", status="confirmed")).item_id
    add(medications, page, reason_id=diagnosis_id)
    change = diagnoses.update(Diagnosis(name="Addison's disease", status="confirmed", id=diagnosis_id))
    events.changed.emit(change)
    assert table_text(page)[0][2] == "Addison's disease"


def test_locking_forgets_what_was_shown(page, medications, session):
    diagnosis_id = DiagnosisService(session).add(Diagnosis(name="Addison's disease", status="confirmed")).item_id
    add(medications, page, reason_id=diagnosis_id)
    page.release()
    assert page.model.rowCount() == 0 and page.details.toPlainText() == "" and page._reasons == {}


def test_stopped_on_a_day_not_known_can_be_ticked_and_moves_it_to_past(page, medications, hydrocortisone, dialogs):
    def tick(dialog):
        assert dialog.field("ended").get() is False  # the form shows what the record holds
        dialog.field("ended").set(True)

    dialogs.append(tick)
    page.edit_selected()
    saved = medications.get(hydrocortisone)
    assert saved.ended and saved.stop_date == ""  # no stop date made up
    assert [m.name for m in medications.past(TODAY)] == ["Hydrocortison"]
    assert "Stopped, on a date that is not known" in page.details.toPlainText()
