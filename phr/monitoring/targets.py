"""Targets and alert limits agreed with the care team, and monitoring plans (how often to measure)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from phr.core import partial_date, validation
from phr.core.entries import EntryService, FieldError, Provenance
from phr.core.vocabulary import Section
from phr.monitoring.measures import BLOOD_PRESSURE, CATALOGUE, LARGEST, finite
from phr.storage.repos import tables


@dataclass(frozen=True)
class Target:
    measure: str = ""
    target_low: float | None = None
    target_high: float | None = None
    target_low2: float | None = None   # blood pressure: diastolic
    target_high2: float | None = None
    alert_low: float | None = None      # call the care team below / above these
    alert_high: float | None = None
    agreed_with: int | None = None      # a contact
    agreed_on: str = ""                 # date
    notes: str = ""
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Plan:
    measure: str = ""
    per_day: int = 1
    start_date: str = ""
    days: int | None = None             # None: ongoing
    schedule: str = ""                  # in words: '2 in the morning, 2 in the evening'
    agreed_with: int | None = None
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)

    def end(self) -> date | None:
        """The last day of the plan; None when it is ongoing."""
        start = partial_date.earliest(self.start_date)
        if self.days is None or start is None:
            return None
        return start + timedelta(days=self.days - 1)

    def is_active(self, today: date) -> bool:
        start = partial_date.earliest(self.start_date) if self.start_date else None
        end = self.end()
        return start is not None and start <= today and (end is None or today <= end)


def _numbers(checks, item, names) -> None:
    for name in names:
        value = getattr(item, name)
        if value is not None and not (finite(value) and abs(value) <= LARGEST):  # no NaN, no ±Infinity
            checks.add(name, "invalid_number")


def _ordered(checks, item, low: str, high: str) -> None:
    a, b = getattr(item, low), getattr(item, high)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > b:
        checks.add(high, "range_order")


class TargetService(EntryService[Target]):
    section = Section.MONITORING
    table = tables.TARGETS
    item_type = Target

    def validate(self, target: Target) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("measure", target.measure)
        checks.date("agreed_on", target.agreed_on)
        _numbers(checks, target, ("target_low", "target_high", "target_low2", "target_high2", "alert_low",
                                  "alert_high"))
        for low, high in (("target_low", "target_high"), ("target_low2", "target_high2"),
                          ("alert_low", "target_low"), ("target_high", "alert_high")):
            _ordered(checks, target, low, high)
        if all(getattr(target, n) is None for n in ("target_low", "target_high", "target_low2", "target_high2")):
            checks.add("target_high", "required")
        return checks.errors

    def history(self, measure: str) -> list[Target]:
        """Every target agreed for a measure, the newest first: by the day it was agreed, or, when
        that was not filled in, the day it was written down."""
        targets = [self.from_row(row) for row in self._repo.rows({"measure": measure})]
        return sorted(targets, key=_agreed_or_written, reverse=True)

    def current(self, measure: str) -> Target | None:
        """The target agreed most recently; else the catalogue's default (not agreed with anyone)."""
        agreed = self.history(measure)
        if agreed:
            return agreed[0]
        default = CATALOGUE.get(measure)
        if default is None or (default.target_low is None and default.target_high is None):
            return None
        second = (60.0, 85.0) if default.kind == BLOOD_PRESSURE else (None, None)
        return Target(measure, default.target_low, default.target_high, *second)


def _agreed_or_written(target: Target) -> tuple[str, int]:
    written = target.provenance.created_at[:10] if target.provenance else ""
    return target.agreed_on or written, target.id or 0


class PlanService(EntryService[Plan]):
    section = "monitoring"
    table = tables.PLANS
    item_type = Plan

    def validate(self, plan: Plan) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("measure", plan.measure)
        checks.required("start_date", plan.start_date)
        checks.date("start_date", plan.start_date)
        if not isinstance(plan.per_day, int) or not 1 <= plan.per_day <= 48:
            checks.add("per_day", "invalid_number")
        if plan.days is not None and (not isinstance(plan.days, int) or not 1 <= plan.days <= 3660):
            checks.add("days", "invalid_number")
        return checks.errors

    def for_measure(self, measure: str) -> list[Plan]:
        return [self.from_row(row) for row in self._repo.rows({"measure": measure})]

    def active(self, today: date | None = None) -> list[Plan]:
        today = today or date.today()
        return [plan for plan in self.all() if plan.is_active(today)]
