"""The period of a visit brief never ends before it starts."""

from datetime import date, datetime

from phr.export.options import ExportOptions
from phr.export.pdf.visit.period import visit_period

NOW = datetime(2026, 11, 22, 12, 0)


def test_a_chosen_start_after_a_past_visit_runs_on_from_that_start(sample_services):
    past = sample_services.appointments.past(NOW)[0]
    after = date.fromisoformat(past.starts_at[:10]).replace(day=1)
    after = date(after.year + (after.month == 12), after.month % 12 + 1, 1)  # the 1st of the next month
    period = visit_period(sample_services, ExportOptions(kind="visit", appointment_id=past.id, since=after, now=NOW))
    assert period.start == after and period.end >= period.start
