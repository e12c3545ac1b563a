"""The care plan: personal goals in the patient's own words, the agreement behind each, and evaluations.

Agreements on personal treatment goals are recorded and evaluated later; a goal whose
review date has passed is overdue, so nothing agreed is quietly forgotten.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from phr.core import links, partial_date, validation
from phr.core.entries import UPDATED, Change, EntryInvalid, EntryService, FieldError, Provenance
from phr.core.vocabulary import GoalProgress, GoalStatus, Section
from phr.storage.repos import care_plan as care_plan_repo
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository

STATUSES = tuple(GoalStatus)
# Progress on a simple scale; the words are what people choose from.
PROGRESS = {progress.value: progress.name.lower() for progress in GoalProgress}
SECTION = Section.CARE_PLAN
# Link fields of a goal and the table each points to.
GOAL_LINKS = {"diagnosis_id": "diagnoses", "agreed_with": "contacts", "appointment_id": "appointments"}


@dataclass(frozen=True)
class Goal:
    description: str = ""              # in the patient's own words
    diagnosis_id: int | None = None
    agreed_with: int | None = None     # a contact
    patient_action: str = ""           # what I do
    provider_action: str = ""          # what the care provider does
    target_measure: str = ""           # a measure key ('bp', 'glucose', 'weight') or free text
    target_low: float | None = None
    target_high: float | None = None
    target_unit: str = ""
    start_date: str = ""               # partial date
    review_date: str = ""              # partial date
    status: str = "active"
    appointment_id: int | None = None  # the visit where it was agreed
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Evaluation:
    goal_id: int | None = None
    evaluated_on: str = ""   # a date (partial dates are accepted, as everywhere in the record)
    how_it_went: str = ""    # in the patient's own words
    progress: int = 0        # a key of PROGRESS
    next_step: str = ""
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _review(goal: Goal) -> str | None:
    """The goal's review date in ISO form; None when there is none (or it is not a date)."""
    return partial_date.normalise_or_none(goal.review_date) or None


class EvaluationService(EntryService[Evaluation]):
    """Evaluations as entries of their own; CarePlanService reports their changes as changes of the goal."""

    section = SECTION
    table = tables.EVALUATIONS
    item_type = Evaluation

    def validate(self, evaluation: Evaluation) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("goal_id", evaluation.goal_id)
        if evaluation.goal_id is not None and self._goal_row(evaluation.goal_id) is None:
            checks.add("goal_id", "invalid_choice")
        checks.required("evaluated_on", evaluation.evaluated_on)
        checks.date("evaluated_on", evaluation.evaluated_on)
        checks.required("how_it_went", evaluation.how_it_went)
        checks.choice("progress", evaluation.progress, PROGRESS)
        return checks.errors

    def _goal_row(self, goal_id) -> dict | None:
        return EntryRepository(self._session.db, tables.GOALS).get(goal_id) if isinstance(goal_id, int) else None

    def of_goal(self, goal_id: int, limit: int | None = None) -> list[Evaluation]:
        """Newest first (the table's order: evaluation date, then the later entry)."""
        return [self.from_row(row) for row in self._repo.rows({"goal_id": goal_id}, limit=limit)]


class CarePlanService(EntryService[Goal]):
    section = SECTION
    table = tables.GOALS
    item_type = Goal

    def __init__(self, session):
        super().__init__(session)
        self.evaluation_entries = EvaluationService(session)  # for export and import of every evaluation

    # --- goals ------------------------------------------------------------------------------

    def validate(self, goal: Goal) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("description", goal.description)
        checks.choice("status", goal.status, STATUSES)
        checks.date("start_date", goal.start_date)
        checks.date("review_date", goal.review_date)
        checks.not_before("review_date", goal.review_date, goal.start_date)
        self._check_target(checks, goal)
        self._check_links(checks, goal)
        return checks.errors

    @staticmethod
    def _check_target(checks: validation.Checks, goal: Goal) -> None:
        for name in ("target_low", "target_high"):
            value = getattr(goal, name)
            if value is not None and not is_number(value):
                checks.add(name, "invalid_number")
        low, high = goal.target_low, goal.target_high
        if low is not None and high is not None and is_number(low) and is_number(high) and low > high:
            checks.add("target_high", "range_order")
        if (goal.target_low is not None or goal.target_high is not None) and not goal.target_measure.strip():
            checks.add("target_measure", "required")  # a range needs to say what it is a range of

    def _check_links(self, checks: validation.Checks, goal: Goal) -> None:
        stored = None
        for name, table_name in GOAL_LINKS.items():
            value = getattr(goal, name)
            if value is None or value in links.choices(self._session, table_name):
                continue
            if goal.id is not None:  # a link to an entry deleted since may stay as it was
                stored = stored or self._repo.get(goal.id)
                if stored is not None and stored[name] == value:
                    continue
            checks.add(name, "invalid_choice")

    def active_page(self, offset: int, limit: int) -> list[Goal]:
        """Active goals, the soonest review first (goals without a review date last)."""
        return [self.from_row(row) for row in self._repo.rows({"status": "active"}, limit=limit, offset=offset)]

    def page(self, offset: int, limit: int) -> list[Goal]:
        """Every goal: the active ones first, then achieved and stopped ones, each by review date."""
        repo = care_plan_repo.goals_active_first(self._session.db)
        return [self.from_row(row) for row in repo.rows(limit=limit, offset=offset)]

    def active_goals(self) -> list[Goal]:
        """Active goals ordered by review date (a partial date before the full dates it contains)."""
        return [self.from_row(row) for row in self._repo.rows({"status": "active"})]

    @staticmethod
    def is_overdue(goal: Goal, today: date | None = None) -> bool:
        """Active and past its review date; '2025-03' is overdue only from 1 April 2025."""
        review = partial_date.latest(_review(goal) or "")
        return goal.status == "active" and review is not None and review < (today or date.today())

    def overdue(self, today: date | None = None) -> list[Goal]:
        today = today or date.today()
        return [goal for goal in self.active_goals() if self.is_overdue(goal, today)]

    def due_for_review(self, within_days: int, today: date | None = None) -> list[Goal]:
        """Active goals not yet overdue whose review can fall within the coming `within_days` days.

        A partial review date is due from the first day it can mean: '2025-06' is due on 25 May
        when looking 7 days ahead. Overdue goals are left to `overdue()`.
        """
        today = today or date.today()
        horizon = today + timedelta(days=within_days)
        return [goal for goal in self.active_goals() if not self.is_overdue(goal, today)
                and (first := partial_date.earliest(_review(goal) or "")) is not None and first <= horizon]

    def goal_from_agreement(self, appointment_id: int, description: str, agreed_with: int | None = None,
                            patient_action: str = "", provider_action: str = "", review_date: str = "") -> Change:
        """Turn an agreement made during a visit into a goal in one step.

        The goal starts on the day of the visit and, unless said otherwise, was agreed with
        the person the visit was with. Raises EntryInvalid (nothing stored) for bad input.
        """
        visit = EntryRepository(self._session.db, tables.APPOINTMENTS).get(appointment_id)
        start = ""
        if visit is not None:
            start = partial_date.normalise_or_none((visit["starts_at"] or "")[:10]) or ""
            agreed_with = agreed_with if agreed_with is not None else visit["contact_id"]
        goal = Goal(description=description, agreed_with=agreed_with, patient_action=patient_action,
                    provider_action=provider_action, review_date=review_date, start_date=start,
                    appointment_id=appointment_id)
        return self.add(goal)

    # --- evaluations (changes are reported as changes of their goal, so the page shows that goal) ---

    def evaluations(self, goal_id: int) -> list[Evaluation]:
        """The evaluations of one goal, newest first."""
        return self.evaluation_entries.of_goal(goal_id)

    def latest_evaluation(self, goal_id: int) -> Evaluation | None:
        newest = self.evaluation_entries.of_goal(goal_id, limit=1)
        return newest[0] if newest else None

    def validate_evaluation(self, evaluation: Evaluation) -> list[FieldError]:
        return self.evaluation_entries.validate(evaluation)

    def add_evaluation(self, evaluation: Evaluation, source: str = "typed",
                       source_detail: str | None = None) -> Change:
        self.evaluation_entries.add(evaluation, source, source_detail)
        return Change(SECTION, UPDATED, validation.required_id(evaluation.goal_id, "goal_id"))

    def update_evaluation(self, evaluation: Evaluation) -> Change:
        stored = self.evaluation_entries.get(evaluation.id) if evaluation.id is not None else None
        if stored is None:
            raise EntryInvalid([FieldError("id", "invalid_choice")])
        self.evaluation_entries.update(evaluation)
        return Change(SECTION, UPDATED, validation.required_id(evaluation.goal_id, "goal_id"))

    def delete_evaluation(self, evaluation_id: int) -> Change:
        """Undoable with `undo_delete_evaluation` until the record is locked."""
        evaluation = self.evaluation_entries.get(evaluation_id)
        if evaluation is None:
            raise EntryInvalid([FieldError("id", "invalid_choice")])
        self.evaluation_entries.delete(evaluation_id)
        return Change(SECTION, UPDATED, validation.required_id(evaluation.goal_id, "goal_id"))

    def undo_delete_evaluation(self, evaluation_id: int) -> Change:
        self.evaluation_entries.undo_delete(evaluation_id)
        evaluation = self.evaluation_entries.get(evaluation_id)
        if evaluation is None:
            raise EntryInvalid([FieldError("id", "invalid_choice")])
        return Change(SECTION, UPDATED, validation.required_id(evaluation.goal_id, "goal_id"))

    def evaluation_count(self) -> int:
        return self.evaluation_entries.count()
