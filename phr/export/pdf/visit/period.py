"""Which visit a brief prepares, and the period it looks back over.

"Since the last visit" means the last visit with the same care provider: that is what the
specialist remembers. Without one, the last visit at all; without any, the last six months.
A period the user chose (options.since) always wins. The period ends today, or, for a
visit that is already over, on the day of that visit (a brief as it was made for it).
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from phr.core.errors import InvalidInput
from phr.export.options import ExportOptions
from phr.record.appointments import Appointment
from phr.record.services import RecordServices

DEFAULT_MONTHS = 6


class PeriodBasis(StrEnum):
    """How the start of the period was found (the brief says it in words)."""
    CHOSEN = "chosen"                  # the user chose the period
    SAME_PROVIDER = "same_provider"    # the last visit with the same care provider
    LAST_VISIT = "last_visit"          # the last visit at all
    DEFAULT = "default"                # no earlier visit: the last DEFAULT_MONTHS months


@dataclass(frozen=True)
class VisitPeriod:
    appointment: Appointment | None   # the visit this brief prepares; None when there is none
    previous: Appointment | None      # the visit the period starts with (None: chosen or default)
    start: date                       # first day of the period
    end: date                         # last day of the period
    basis: PeriodBasis

    @property
    def days(self) -> int:
        return max((self.end - self.start).days + 1, 1)

    @property
    def before(self) -> tuple[date, date]:
        """The period of the same length just before this one, to compare trends with."""
        return self.start - timedelta(days=self.days), self.start - timedelta(days=1)


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the last day of a shorter month when needed)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def visit_day(appointment: Appointment) -> date:
    return date.fromisoformat(appointment.starts_at[:10])


def the_appointment(services: RecordServices, options: ExportOptions) -> Appointment | None:
    """The appointment asked for, or else the next one still to come (today's count)."""
    if options.appointment_id is None:
        return services.appointments.next_appointment(options.now)
    chosen = services.appointments.get(options.appointment_id)
    if chosen is None:
        raise InvalidInput("The appointment to prepare is not in the record.")
    return chosen


def previous_visit(services: RecordServices, appointment: Appointment | None,
                   now: datetime) -> tuple[Appointment | None, PeriodBasis]:
    """The last visit before this one with the same care provider, else the last visit at all."""
    before = appointment_moment(appointment) if appointment else now
    earlier = services.appointments.past(before)  # most recent first, before the visit's day
    if appointment is not None and appointment.contact_id is not None:
        same = [visit for visit in earlier if visit.contact_id == appointment.contact_id]
        if same:
            return same[0], PeriodBasis.SAME_PROVIDER
    return (earlier[0], PeriodBasis.LAST_VISIT) if earlier else (None, PeriodBasis.DEFAULT)


def appointment_moment(appointment: Appointment) -> datetime:
    return datetime.fromisoformat(appointment.starts_at)


def visit_period(services: RecordServices, options: ExportOptions) -> VisitPeriod:
    appointment = the_appointment(services, options)
    end = options.today
    if appointment is not None and visit_day(appointment) < end:
        end = visit_day(appointment)
    if options.until is not None:
        end = options.until
    previous, basis = previous_visit(services, appointment, options.now)
    if options.since is not None:
        # A chosen start after a past visit's day: the period runs on from it rather than backwards.
        return VisitPeriod(appointment, previous, options.since, max(end, options.since), PeriodBasis.CHOSEN)
    if previous is not None:
        return VisitPeriod(appointment, previous, visit_day(previous), end, basis)
    return VisitPeriod(appointment, None, months_before(end, DEFAULT_MONTHS), end, PeriodBasis.DEFAULT)


def in_period(period: VisitPeriod, day: str | None) -> bool:
    """Whether a (possibly partial) ISO date may fall in the period ('2026-09' counts from 23 September)."""
    if not day:
        return False
    text = day[:10]
    return period.start.isoformat()[: len(text)] <= text <= period.end.isoformat()[: len(text)]
