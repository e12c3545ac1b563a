"""The care plan service: goals, their agreements and targets, overdue reviews and evaluations."""

from dataclasses import replace
from datetime import date

import pytest

from phr.core.clock import utc_now
from phr.core.entries import UPDATED, EntryInvalid
from phr.record.care_plan import CarePlanService, Evaluation, Goal
from phr.record.care_team import CareTeamService, Contact
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository, Stamp


@pytest.fixture
def care_plan(session) -> CarePlanService:
    return CarePlanService(session)


def problems(service, goal) -> dict:
    return {e.field: e.problem for e in service.validate(goal)}


def add_goal(service, **values) -> int:
    return service.add(Goal(**{"description": "Elke dag tien minuten wandelen", **values})).item_id


def add_row(session, table, **values) -> int:
    """A row of a section whose service is written elsewhere (appointments, diagnoses)."""
    return EntryRepository(session.db, table).insert(values, Stamp(session.author.id, utc_now()))


# --- goals: rules -------------------------------------------------------------------------------

def test_a_goal_is_stored_with_its_agreement_and_target(care_plan, session):
    contact_id = CareTeamService(session).add(Contact(name="Dr. Bakker", role="specialist")).item_id
    diagnosis_id = add_row(session, tables.DIAGNOSES, name="Ziekte van Addison", status="confirmed")
    goal_id = add_goal(care_plan, diagnosis_id=diagnosis_id, agreed_with=contact_id,
                       patient_action="Ik meet mijn bloeddruk elke ochtend", provider_action="Arts kijkt mee",
                       target_measure="bp", target_low=100, target_high=135.5, target_unit="mmHg",
                       start_date="2024-03", review_date="2024-09-01")
    goal = care_plan.get(goal_id)
    assert (goal.diagnosis_id, goal.agreed_with, goal.status) == (diagnosis_id, contact_id, "active")
    assert (goal.target_measure, goal.target_low, goal.target_high, goal.target_unit) == ("bp", 100.0, 135.5, "mmHg")
    assert (goal.start_date, goal.review_date) == ("2024-03", "2024-09-01")
    assert goal.provenance.entered_by == "Zoë Ünal"


def test_a_goal_needs_a_description_and_a_known_status(care_plan):
    assert problems(care_plan, Goal(description="  ", status="paused")) == {"description": "required",
                                                                            "status": "invalid_choice"}
    with pytest.raises(EntryInvalid):
        care_plan.add(Goal(description=""))
    assert care_plan.all() == []


@pytest.mark.parametrize("start, review, problem", [
    ("2024-13", "", {"start_date": "invalid_date"}),
    ("", "31-2-2024", {"review_date": "invalid_date"}),
    ("2024-05-10", "2024-05-09", {"review_date": "before_start"}),
    ("2024-05", "2024-04-30", {"review_date": "before_start"}),
])
def test_dates_must_be_dates_and_the_review_not_before_the_start(care_plan, start, review, problem):
    assert problems(care_plan, Goal(description="x", start_date=start, review_date=review)) == problem


def test_a_review_within_a_partial_start_is_allowed(care_plan):
    # '2024-05' may mean 31 May, so a review on 2 May may be right; it is not refused.
    assert problems(care_plan, Goal(description="x", start_date="2024-05", review_date="2024-05-02")) == {}
    assert problems(care_plan, Goal(description="x", start_date="2024", review_date="2024-01")) == {}


def test_the_target_range_must_be_numbers_in_order_and_say_what_it_is_for(care_plan):
    assert problems(care_plan, Goal(description="x", target_measure="glucose", target_low=10.0,
                                    target_high=4.0)) == {"target_high": "range_order"}
    assert problems(care_plan, Goal(description="x", target_measure="glucose", target_low="vier",
                                    target_high=float("nan"))) == {"target_low": "invalid_number",
                                                                   "target_high": "invalid_number"}
    assert problems(care_plan, Goal(description="x", target_high=8.0)) == {"target_measure": "required"}
    assert problems(care_plan, Goal(description="x", target_measure="weight", target_low=70)) == {}
    assert problems(care_plan, Goal(description="x", target_measure="Minder moe na het werk")) == {}


def test_links_must_point_to_existing_entries(care_plan, session):
    assert problems(care_plan, Goal(description="x", diagnosis_id=99, agreed_with=98, appointment_id=97)) == {
        "diagnosis_id": "invalid_choice", "agreed_with": "invalid_choice", "appointment_id": "invalid_choice"}


def test_a_goal_keeps_a_link_to_an_entry_deleted_since(care_plan, session):
    team = CareTeamService(session)
    contact_id = team.add(Contact(name="Diëtist Mol", role="therapist")).item_id
    goal_id = add_goal(care_plan, agreed_with=contact_id)
    team.delete(contact_id)
    goal = care_plan.get(goal_id)
    care_plan.update(replace(goal, status="achieved"))
    assert care_plan.get(goal_id).status == "achieved"
    assert problems(care_plan, Goal(description="new", agreed_with=contact_id)) == {"agreed_with": "invalid_choice"}


def test_update_delete_and_undo_a_goal(care_plan):
    goal_id = add_goal(care_plan)
    goal = care_plan.get(goal_id)
    change = care_plan.update(replace(goal, description="Elke dag twintig minuten wandelen"))
    assert (change.section, change.kind, change.item_id) == ("care_plan", "updated", goal_id)
    assert care_plan.get(goal_id).description == "Elke dag twintig minuten wandelen"
    care_plan.delete(goal_id)
    assert care_plan.all() == []
    care_plan.undo_delete(goal_id)
    assert [g.id for g in care_plan.all()] == [goal_id]


# --- goals: queries -----------------------------------------------------------------------------

def test_active_goals_are_ordered_by_review_date_and_leave_out_the_others(care_plan):
    later = add_goal(care_plan, description="later", review_date="2025-06-01")
    none = add_goal(care_plan, description="no review date")
    sooner = add_goal(care_plan, description="sooner", review_date="2025-02")
    add_goal(care_plan, description="done", status="achieved", review_date="2024-01")
    add_goal(care_plan, description="stopped", status="stopped", review_date="2024-01")
    assert [g.id for g in care_plan.active_goals()] == [sooner, later, none]
    assert [g.id for g in care_plan.active_page(0, 2)] == [sooner, later]
    assert [g.id for g in care_plan.active_page(2, 2)] == [none]


def test_the_list_of_all_goals_shows_active_goals_first(care_plan):
    achieved = add_goal(care_plan, description="done", status="achieved", review_date="2024-01")
    active = add_goal(care_plan, description="going", review_date="2025-01")
    stopped = add_goal(care_plan, description="stopped", status="stopped", review_date="2023-01")
    assert [g.id for g in care_plan.page(0, 10)] == [active, stopped, achieved]
    assert care_plan.count() == 3


@pytest.mark.parametrize("review, today, overdue", [
    ("2025-03-14", date(2025, 3, 14), False),   # the review day itself is not yet overdue
    ("2025-03-14", date(2025, 3, 15), True),
    ("2025-03", date(2025, 3, 31), False),      # a month: overdue only after its last day
    ("2025-03", date(2025, 4, 1), True),
    ("2025-02", date(2025, 3, 1), True),
    ("2024", date(2024, 12, 31), False),        # a year: overdue only after 31 December
    ("2024", date(2025, 1, 1), True),
    ("", date(2030, 1, 1), False),              # no review date: never overdue
])
def test_overdue_uses_the_last_day_a_partial_review_date_can_mean(care_plan, review, today, overdue):
    goal = care_plan.get(add_goal(care_plan, review_date=review))
    assert care_plan.is_overdue(goal, today) is overdue
    assert [g.id for g in care_plan.overdue(today)] == ([goal.id] if overdue else [])


def test_only_active_goals_are_overdue(care_plan):
    for status in ("achieved", "stopped"):
        add_goal(care_plan, status=status, review_date="2020")
    assert care_plan.overdue(date(2025, 1, 1)) == []
    assert not care_plan.is_overdue(Goal(description="x", status="achieved", review_date="2020"), date(2025, 1, 1))


def test_overdue_uses_today_when_no_day_is_given(care_plan):
    past = add_goal(care_plan, review_date="2001")
    add_goal(care_plan, review_date=str(date.today().year + 1))
    assert [g.id for g in care_plan.overdue()] == [past]


def test_due_for_review_looks_ahead_and_leaves_overdue_goals_out(care_plan):
    today = date(2025, 5, 25)
    add_goal(care_plan, description="overdue", review_date="2025-05-24")
    due_today = add_goal(care_plan, review_date="2025-05-25")
    in_a_week = add_goal(care_plan, review_date="2025-06-01")
    june = add_goal(care_plan, review_date="2025-06")       # can mean 1 June: due when looking a week ahead
    add_goal(care_plan, review_date="2025-06-02")
    add_goal(care_plan, description="no review")
    add_goal(care_plan, status="achieved", review_date="2025-05-26")
    this_month = add_goal(care_plan, review_date="2025-05")  # May is not over yet: due, not overdue
    assert {g.id for g in care_plan.due_for_review(7, today)} == {due_today, in_a_week, june, this_month}
    assert {g.id for g in care_plan.due_for_review(0, today)} == {due_today, this_month}


# --- evaluations -----------------------------------------------------------------------------

def test_evaluations_are_listed_newest_first(care_plan):
    goal_id = add_goal(care_plan)
    other = add_goal(care_plan, description="another goal")
    for day, progress in (("2024-06-01", 1), ("2025-01-10", 3), ("2024-11-20", 2)):
        care_plan.add_evaluation(Evaluation(goal_id, day, "ging " + day, progress))
    care_plan.add_evaluation(Evaluation(other, "2025-02-01", "elders", 0))
    assert [e.evaluated_on for e in care_plan.evaluations(goal_id)] == ["2025-01-10", "2024-11-20", "2024-06-01"]
    assert care_plan.latest_evaluation(goal_id).progress == 3
    assert care_plan.latest_evaluation(add_goal(care_plan, description="new")) is None
    assert care_plan.evaluation_count() == 4


def test_an_evaluation_change_is_reported_as_a_change_of_its_goal(care_plan):
    goal_id = add_goal(care_plan)
    change = care_plan.add_evaluation(Evaluation(goal_id, "2024-06-01", "Lukt meestal", 3, "Ook in het weekend"))
    assert (change.section, change.kind, change.item_id) == ("care_plan", UPDATED, goal_id)
    [stored] = care_plan.evaluations(goal_id)
    assert (stored.how_it_went, stored.progress, stored.next_step) == ("Lukt meestal", 3, "Ook in het weekend")
    assert stored.provenance.entered_by == "Zoë Ünal"
    change = care_plan.update_evaluation(replace(stored, progress=4))
    assert change.item_id == goal_id and care_plan.evaluations(goal_id)[0].progress == 4


def test_delete_and_undo_an_evaluation(care_plan):
    goal_id = add_goal(care_plan)
    care_plan.add_evaluation(Evaluation(goal_id, "2024-06-01", "Eerste keer", 1))
    keep = care_plan.evaluations(goal_id)[0]
    care_plan.add_evaluation(Evaluation(goal_id, "2024-09-01", "Tweede keer", 2))
    gone = care_plan.evaluations(goal_id)[0]
    change = care_plan.delete_evaluation(gone.id)
    assert change.item_id == goal_id
    assert care_plan.evaluations(goal_id) == [keep]
    change = care_plan.undo_delete_evaluation(gone.id)
    assert change.item_id == goal_id
    assert [e.id for e in care_plan.evaluations(goal_id)] == [gone.id, keep.id]


def test_an_evaluation_needs_a_goal_a_date_words_and_a_progress_on_the_scale(care_plan):
    goal_id = add_goal(care_plan)
    errors = {e.field: e.problem for e in care_plan.validate_evaluation(Evaluation(None, "", " ", 5))}
    assert errors == {"goal_id": "required", "evaluated_on": "required", "how_it_went": "required",
                      "progress": "invalid_choice"}
    errors = {e.field: e.problem for e in care_plan.validate_evaluation(Evaluation(12345, "2024-02-30", "x", 2))}
    assert errors == {"goal_id": "invalid_choice", "evaluated_on": "invalid_date"}
    with pytest.raises(EntryInvalid):
        care_plan.add_evaluation(Evaluation(goal_id, "2024-06-01", "", 2))
    assert care_plan.evaluations(goal_id) == []


def test_a_deleted_goal_takes_no_new_evaluations(care_plan):
    goal_id = add_goal(care_plan)
    care_plan.delete(goal_id)
    with pytest.raises(EntryInvalid):
        care_plan.add_evaluation(Evaluation(goal_id, "2024-06-01", "Te laat", 2))
    assert care_plan.evaluation_count() == 0


def test_changing_or_deleting_a_missing_evaluation_is_refused(care_plan):
    goal_id = add_goal(care_plan)
    with pytest.raises(EntryInvalid):
        care_plan.update_evaluation(Evaluation(goal_id, "2024-06-01", "x", 2, id=777))
    with pytest.raises(EntryInvalid):
        care_plan.delete_evaluation(777)
    assert care_plan.evaluation_count() == 0


# --- agreements from a visit --------------------------------------------------------------------

def test_an_agreement_from_a_visit_becomes_a_goal_linked_to_the_visit(care_plan, session):
    contact_id = CareTeamService(session).add(Contact(name="Dr. Bakker", role="specialist")).item_id
    visit_id = add_row(session, tables.APPOINTMENTS, starts_at="2025-03-14T10:30", contact_id=contact_id,
                       purpose="Controle")
    change = care_plan.goal_from_agreement(visit_id, "Zoutinname verhogen bij warm weer",
                                           patient_action="Extra bouillon bij hitte",
                                           provider_action="Stuurt een folder", review_date="2025-09")
    assert (change.section, change.kind) == ("care_plan", "added")
    goal = care_plan.get(change.item_id)
    assert (goal.appointment_id, goal.agreed_with, goal.start_date, goal.review_date) == (
        visit_id, contact_id, "2025-03-14", "2025-09")
    assert (goal.patient_action, goal.provider_action, goal.status) == ("Extra bouillon bij hitte",
                                                                        "Stuurt een folder", "active")


def test_an_agreement_can_name_someone_else_than_the_visit(care_plan, session):
    team = CareTeamService(session)
    doctor = team.add(Contact(name="Dr. Bakker", role="specialist")).item_id
    nurse = team.add(Contact(name="Verpleegkundige Jip", role="nurse")).item_id
    visit_id = add_row(session, tables.APPOINTMENTS, starts_at="2025-03-14T10:30", contact_id=doctor)
    goal = care_plan.get(care_plan.goal_from_agreement(visit_id, "Spuit leren zetten", agreed_with=nurse).item_id)
    assert goal.agreed_with == nurse


def test_a_bad_agreement_stores_nothing(care_plan, session):
    visit_id = add_row(session, tables.APPOINTMENTS, starts_at="2025-03-14T10:30")
    with pytest.raises(EntryInvalid) as refused:
        care_plan.goal_from_agreement(visit_id, "Iets", review_date="2025-01")
    assert {e.field for e in refused.value.errors} == {"review_date"}
    with pytest.raises(EntryInvalid):
        care_plan.goal_from_agreement(visit_id, " ")
    with pytest.raises(EntryInvalid) as refused:
        care_plan.goal_from_agreement(4242, "Geen bezoek")
    assert {e.field for e in refused.value.errors} == {"appointment_id"}
    assert care_plan.all() == []
