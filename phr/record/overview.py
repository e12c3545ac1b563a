"""The overview of the whole care process, as the start page (and later the visit brief) shows it."""

from dataclasses import dataclass
from datetime import date, datetime

from phr.record.appointments import Appointment, Question
from phr.record.care_plan import Goal
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import Allergy, PersonDetails
from phr.record.services import RecordServices

REVIEW_SOON_DAYS = 30
LATER_APPOINTMENTS = 3


@dataclass(frozen=True)
class Overview:
    person: PersonDetails
    allergy_statement: str
    allergies: list[Allergy]
    diagnoses: list[Diagnosis]     # current (not resolved)
    overdue_goals: list[Goal]
    goals_due_soon: list[Goal]
    other_active_goals: list[Goal]
    medications: list[Medication]  # current
    next_appointment: Appointment | None
    open_questions: list[Question]  # of the next appointment
    later_appointments: list[Appointment]  # the few after it
    who_to_call: list[Contact]     # contacts with an out-of-hours or acute number


def build(services: RecordServices, now: datetime | None = None) -> Overview:
    now = now or datetime.now().replace(second=0, microsecond=0)
    today = now.date()
    overdue = services.care_plan.overdue(today)
    soon = services.care_plan.due_for_review(REVIEW_SOON_DAYS, today)
    flagged = {goal.id for goal in overdue + soon}
    coming = services.appointments.upcoming(now, limit=LATER_APPOINTMENTS + 1)
    upcoming = coming[0] if coming else None
    return Overview(
        person=services.person.get(),
        allergy_statement=services.person.allergy_statement(),
        allergies=services.allergies.all(),
        diagnoses=services.diagnoses.current(),
        overdue_goals=overdue,
        goals_due_soon=soon,
        other_active_goals=[goal for goal in services.care_plan.active_goals() if goal.id not in flagged],
        medications=services.medications.current(today),
        next_appointment=upcoming,
        open_questions=services.appointments.open_questions(upcoming.id) if upcoming and upcoming.id else [],
        later_appointments=coming[1:],
        who_to_call=services.care_team.who_to_call(),
    )


def age(birth_date: str, today: date) -> int | None:
    """Age in whole years; None when the date of birth is unknown or only a year-month is known."""
    if len(birth_date) != 10:
        return None
    born = date.fromisoformat(birth_date)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
