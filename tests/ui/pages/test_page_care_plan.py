"""The care plan page, driven like a user would; what the record holds is checked through the service."""

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt

from phr.record.care_plan import CarePlanService, Evaluation, Goal
from phr.record.care_team import CareTeamService, Contact
from phr.ui.pages.care_plan_page import CarePlanPage

TODAY = date(2025, 5, 20)


@pytest.fixture(autouse=True)
def english_dates():
    """Dates and numbers read as in the English app, whatever the machine's own language."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def care_plan(session):
    return CarePlanService(session)


@pytest.fixture
def page(qtbot, care_plan, session, events):
    widget = CarePlanPage(care_plan, session, events, today=lambda: TODAY)
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


def add_goal(care_plan, page, **values) -> int:
    goal_id = care_plan.add(Goal(**{"description": "Elke dag wandelen", **values})).item_id
    page.reload(select_id=goal_id)
    return goal_id


# --- goals ---------------------------------------------------------------------------------------

def test_add_a_goal(page, care_plan, session, dialogs):
    nurse = CareTeamService(session).add(Contact(name="Verpleegkundige Jip", role="nurse")).item_id
    page.reload()
    dialogs.append(fill(description="Zelf mijn injectie zetten", agreed_with=nurse,
                        patient_action="Oefenen met de trainingspen", provider_action="Jip doet het twee keer voor",
                        target_measure="Minder hulp nodig", review_date="2025-09"))
    page.add()
    [saved] = care_plan.all()
    assert (saved.description, saved.agreed_with, saved.status) == ("Zelf mijn injectie zetten", nurse, "active")
    assert (saved.start_date, saved.review_date) == ("2025-05-20", "2025-09")  # a new goal starts today
    assert table_text(page) == [["Zelf mijn injectie zetten", "Active", "September 2025"]]
    details = page.details.toPlainText()
    assert "Verpleegkundige Jip" in details and "Jip doet het twee keer voor" in details
    assert "Entered by Zoë Ünal (owner)" in details


def test_change_a_goal_and_its_target(page, care_plan, dialogs):
    goal_id = add_goal(care_plan, page)
    dialogs.append(fill(target_measure="weight", target_low=None, target_high=82.5, target_unit="kg"))
    page.edit_selected()
    saved = care_plan.get(goal_id)
    assert (saved.target_measure, saved.target_high, saved.target_unit) == ("weight", 82.5, "kg")
    assert saved.description == "Elke dag wandelen"
    assert "Weight: at most 82.5 kg" in page.details.toPlainText()


def test_a_target_measure_is_chosen_by_name_or_typed_in_own_words(page, care_plan, dialogs, qtbot):
    def choose_and_type(dialog):
        measure = dialog.field("target_measure").widget
        measure.lineEdit().clear()
        qtbot.keyClicks(measure.lineEdit(), "blood pressure")  # the name, in any case, means the measure
        qtbot.keyClicks(dialog.field("description").widget, "Bloeddruk onder controle")
        qtbot.keyClicks(dialog.field("target_high").widget, "135")

    dialogs.append(choose_and_type)
    page.add()
    [saved] = care_plan.all()
    assert (saved.target_measure, saved.target_low, saved.target_high) == ("bp", None, 135.0)
    assert "Blood pressure: at most 135" in page.details.toPlainText()
    dialogs.append(fill(target_measure="Hoe vaak ik wakker word"))
    page.edit_selected()
    assert care_plan.get(saved.id).target_measure == "Hoe vaak ik wakker word"
    dialogs.append(lambda dialog: None)
    page.edit_selected()  # a measure typed in own words comes back as typed
    assert dialogs.last.field("target_measure").widget.currentText() == "Hoe vaak ik wakker word"


def test_delete_and_undo_a_goal(page, care_plan):
    goal_id = add_goal(care_plan, page, description="Tien minuten mediteren")
    care_plan.add_evaluation(Evaluation(goal_id, "2025-04-01", "Lukt soms", 1))
    page.delete_selected()
    assert care_plan.all() == [] and page.model.rowCount() == 0
    assert page.undo_bar.isVisible() and "Tien minuten mediteren" in page.undo_text.text()
    page.undo_delete()
    assert [g.id for g in care_plan.all()] == [goal_id]
    assert len(care_plan.evaluations(goal_id)) == 1
    assert page.evaluations.model.rowCount() == 1


def test_bad_input_is_explained_and_keeps_what_was_typed(page, care_plan, dialogs, qtbot):
    def type_badly(dialog):
        qtbot.keyClicks(dialog.field("description").widget, "Beter slapen")
        qtbot.keyClicks(dialog.field("target_measure").widget.lineEdit(), "uren slaap")
        qtbot.keyClicks(dialog.field("target_low").widget, "9")
        qtbot.keyClicks(dialog.field("target_high").widget, "7")
        dialog.field("start_date").widget.clear()
        qtbot.keyClicks(dialog.field("start_date").widget, "1-6-2025")
        qtbot.keyClicks(dialog.field("review_date").widget, "1-5-2025")

    dialogs.append(type_badly)
    page.add()
    dialog = dialogs.last
    assert not dialog.result()
    assert care_plan.all() == []  # nothing was stored
    assert dialog.field("description").widget.toPlainText() == "Beter slapen"  # nothing typed was lost
    assert (dialog.field("target_low").widget.text(), dialog.field("target_high").widget.text()) == ("9", "7")
    assert dialog.field("target_measure").widget.currentText() == "uren slaap"
    assert dialog.field("review_date").widget.text() == "1-5-2025"
    assert "lower value is higher" in dialog._error_labels["target_high"].text()
    assert "before the start date" in dialog._error_labels["review_date"].text()


def test_a_number_that_is_not_a_number_is_named(page, care_plan, dialogs, qtbot):
    def type_word(dialog):
        qtbot.keyClicks(dialog.field("description").widget, "Gewicht houden")
        qtbot.keyClicks(dialog.field("target_measure").widget.lineEdit(), "weight")
        qtbot.keyClicks(dialog.field("target_low").widget, "zeventig")

    dialogs.append(type_word)
    page.add()
    assert care_plan.all() == []
    assert dialogs.last.field("target_low").widget.text() == "zeventig"
    assert "Type a number" in dialogs.last._error_labels["target_low"].text()


# --- the section's own behaviour -------------------------------------------------------------------

def test_an_overdue_goal_is_flagged_in_words_and_with_a_sign(page, care_plan):
    add_goal(care_plan, page, description="Overdue", review_date="2025-04")
    add_goal(care_plan, page, description="This month", review_date="2025-05")  # May is not over yet
    rows = {row[0]: row[2] for row in table_text(page)}
    assert rows["Overdue"] == "⚠ Review overdue: April 2025"
    assert rows["This month"] == "May 2025"
    page.reload(select_id=care_plan.overdue(TODAY)[0].id)
    assert "Review overdue" in page.details.toPlainText()


def test_a_goal_agreed_during_a_visit_names_the_visit_in_words(page, care_plan, session):
    from phr.core.clock import utc_now
    from phr.storage.repos import tables
    from phr.storage.repos.entries import EntryRepository, Stamp

    visit_id = EntryRepository(session.db, tables.APPOINTMENTS).insert(
        {"starts_at": "2024-03-14T10:30", "purpose": "Jaarcontrole"}, Stamp(session.author.id, utc_now()))
    goal_id = care_plan.goal_from_agreement(visit_id, "Noodinjectie oefenen", review_date="2024-06").item_id
    page.reload(select_id=goal_id)
    assert "Thursday 14 March 2024 at 10:30 – Jaarcontrole" in page.details.toPlainText()


def test_only_active_goals_show_until_asked_for_all(page, care_plan):
    active = add_goal(care_plan, page, description="Bezig", review_date="2025-08")
    care_plan.add(Goal(description="Gelukt", status="achieved"))
    page.reload()
    assert [row[0] for row in table_text(page)] == ["Bezig"]
    page.show_all.setChecked(True)
    assert [row[0:2] for row in table_text(page)] == [["Bezig", "Active"], ["Gelukt", "Achieved"]]
    page.show_all.setChecked(False)
    assert [page.model.item(row).id for row in range(page.model.rowCount())] == [active]


def test_a_goal_marked_achieved_stays_in_view(page, care_plan, dialogs):
    goal_id = add_goal(care_plan, page)
    dialogs.append(fill(status="achieved"))
    page.edit_selected()
    assert care_plan.get(goal_id).status == "achieved"
    assert page.show_all.isChecked() and page.selected().id == goal_id


def test_add_an_evaluation_through_the_page(page, care_plan, dialogs):
    goal_id = add_goal(care_plan, page)
    dialogs.append(fill(progress=3, how_it_went="Lukt vijf dagen per week", next_step="Ook op zondag"))
    page.evaluations.add_button.click()
    [saved] = care_plan.evaluations(goal_id)
    assert (saved.evaluated_on, saved.progress, saved.how_it_went, saved.next_step) == (
        "2025-05-20", 3, "Lukt vijf dagen per week", "Ook op zondag")
    panel = page.evaluations
    assert [panel.model.data(panel.model.index(0, c)) for c in range(4)] == [
        "20 May 2025", "Mostly", "Lukt vijf dagen per week", "Ook op zondag"]
    assert "Entered by Zoë Ünal (owner)" in panel.provenance.text()


def test_evaluations_show_newest_first_and_follow_the_selected_goal(page, care_plan):
    walking = add_goal(care_plan, page, description="Wandelen", review_date="2025-06")
    care_plan.add_evaluation(Evaluation(walking, "2024-06-01", "Eerste keer", 1))
    care_plan.add_evaluation(Evaluation(walking, "2025-01-10", "Tweede keer", 2))
    add_goal(care_plan, page, description="Slapen", review_date="2025-07")
    assert page.evaluations.model.rowCount() == 0
    assert "No evaluations yet" in page.evaluations.provenance.text()
    page.table.selectRow(page.model.row_of(walking))
    dates = [page.evaluations.model.item(row).evaluated_on for row in range(page.evaluations.model.rowCount())]
    assert dates == ["2025-01-10", "2024-06-01"]


def test_change_an_evaluation(page, care_plan, dialogs):
    goal_id = add_goal(care_plan, page)
    care_plan.add_evaluation(Evaluation(goal_id, "2025-04-01", "Lukt soms", 1))
    page.reload(select_id=goal_id)
    dialogs.append(fill(progress=2, how_it_went="Lukt om de dag"))
    page.evaluations.edit_button.click()
    [saved] = care_plan.evaluations(goal_id)
    assert (saved.evaluated_on, saved.progress, saved.how_it_went) == ("2025-04-01", 2, "Lukt om de dag")


def test_an_evaluation_without_words_is_not_saved_and_keeps_the_date(page, care_plan, dialogs, qtbot):
    goal_id = add_goal(care_plan, page)

    def type_date_only(dialog):
        dialog.field("evaluated_on").widget.clear()
        qtbot.keyClicks(dialog.field("evaluated_on").widget, "3-5-2025")

    dialogs.append(type_date_only)
    page.add_evaluation()
    assert care_plan.evaluations(goal_id) == []
    assert dialogs.last.field("evaluated_on").widget.text() == "3-5-2025"
    assert "Please fill this in" in dialogs.last._error_labels["how_it_went"].text()


def test_delete_and_undo_an_evaluation(page, care_plan, qtbot):
    goal_id = add_goal(care_plan, page, description="Zout bij warm weer")
    care_plan.add_evaluation(Evaluation(goal_id, "2025-04-01", "Vergeten", 0))
    care_plan.add_evaluation(Evaluation(goal_id, "2025-05-01", "Lukt goed", 3))
    page.reload(select_id=goal_id)
    page.evaluations.delete_button.click()
    assert [e.how_it_went for e in care_plan.evaluations(goal_id)] == ["Vergeten"]
    assert page.undo_bar.isVisible() and "Zout bij warm weer" in page.undo_text.text()
    assert page.evaluations.model.rowCount() == 1
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the same undo as for goals
    assert [e.how_it_went for e in care_plan.evaluations(goal_id)] == ["Lukt goed", "Vergeten"]
    assert page.selected().id == goal_id and page.evaluations.model.rowCount() == 2
    assert not page.undo_bar.isVisible()


def test_the_delete_key_in_the_evaluations_deletes_an_evaluation_not_the_goal(page, care_plan, qtbot):
    goal_id = add_goal(care_plan, page)
    care_plan.add_evaluation(Evaluation(goal_id, "2025-04-01", "Lukt soms", 1))
    page.reload(select_id=goal_id)
    page.evaluations.table.setFocus()
    qtbot.keyClick(page.evaluations.table, Qt.Key.Key_Delete)
    assert [g.id for g in care_plan.all()] == [goal_id]
    assert care_plan.evaluations(goal_id) == []


def test_evaluation_buttons_wait_for_a_goal_and_an_evaluation(page, care_plan):
    panel = page.evaluations
    assert not panel.add_button.isEnabled() and not panel.edit_button.isEnabled()
    add_goal(care_plan, page)
    assert panel.add_button.isEnabled() and not panel.delete_button.isEnabled()


def test_locking_forgets_what_was_shown(page, care_plan):
    goal_id = add_goal(care_plan, page)
    care_plan.add_evaluation(Evaluation(goal_id, "2025-04-01", "Lukt soms", 1))
    page.reload(select_id=goal_id)
    page.release()
    assert page.model.rowCount() == 0 and page.evaluations.model.rowCount() == 0
    assert page.details.toPlainText() == "" and page.evaluations.provenance.text() == ""
