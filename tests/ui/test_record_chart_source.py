"""The chart source over a real record: envelopes (flags as NaN, counts per column), target, events."""

import math
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from phr.monitoring.readings import Reading
from phr.monitoring.targets import Target
from phr.record.appointments import Appointment
from phr.record.diary import DiaryEntry
from phr.record.medications import Medication, MedicationChange
from phr.ui.charts.record_source import RecordChartSource, local_epoch

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 3, 1, tzinfo=AMSTERDAM)


def glucose(services, count: int, every_minutes: int = 15, low_at=()):
    readings = [Reading("glucose", START + timedelta(minutes=every_minutes * n),
                        None if n in low_at else 5.0 + (n % 7) * 0.5, flag="below_range" if n in low_at else "",
                        method="sensor") for n in range(count)]
    services.readings.add_batch(readings, "device_import", "sensor.csv")


def test_few_readings_come_one_by_one_with_a_low_as_nan(services):
    glucose(services, 20, low_at={3})
    source = RecordChartSource(services, "glucose")
    first, last = source.span()
    assert first == START.timestamp() and last == (START + timedelta(minutes=15 * 19)).timestamp()
    envelope = source.envelope(first, last, 800)
    assert envelope.exact and len(envelope.times) == 20 and envelope.counts is None
    assert math.isnan(envelope.lows[3]) and envelope.flags[3] == "below_range"
    assert envelope.lows[0] == 5.0 and envelope.flags[0] == ""


def test_many_readings_come_per_column_with_counts_and_flags(services):
    glucose(services, 9000, every_minutes=5, low_at={10, 4500})
    source = RecordChartSource(services, "glucose")
    first, last = source.span()
    envelope = source.envelope(first, last, 300)
    assert not envelope.exact and len(envelope.times) <= 300
    assert envelope.reading_count() == 9000  # every reading counted, the flagged ones too
    assert sum(1 for flag in envelope.flags if "below_range" in flag) == 2
    assert min(v for v in envelope.lows if v == v) == 5.0 and max(envelope.highs) == 8.0


def test_a_deleted_low_is_no_longer_marked(services):
    glucose(services, 9000, every_minutes=5, low_at={10})
    low = next(r for r in services.readings.page("glucose", 0, 9000) if r.flag)
    services.readings.delete(low.id)
    source = RecordChartSource(services, "glucose")
    envelope = source.envelope(*source.span(), 300)
    assert not any(envelope.flags) and envelope.reading_count() == 8999


def test_the_target_is_the_one_in_force(services):
    source = RecordChartSource(services, "bp")
    band = source.target()
    assert (band.high, band.high2) == (135, 85.0)  # the catalogue's default until one is agreed
    services.targets.add(Target("bp", None, 140, None, 90, agreed_on="2026-02-01"))
    band = RecordChartSource(services, "bp").target()
    assert (band.low, band.high, band.low2, band.high2) == (None, 140, None, 90)
    assert RecordChartSource(services, "weight").target() is None


def test_events_from_medicines_appointments_and_admissions(services):
    medication = services.medications.add(Medication(name="Hydrocortison", start_date="2026-03", stop_date=""))
    services.medications.add_change(MedicationChange(medication.item_id, "2026-03-10", "15 mg"))
    services.appointments.add(Appointment(starts_at="2026-03-12T10:30", purpose="Controle"))
    services.diary.add(DiaryEntry("2026-03-14T20:30", "admission", "Opgenomen met buikgriep"))
    services.diary.add(DiaryEntry("2026-03-15T20:30", "note", "Weer thuis"))  # not an event
    source = RecordChartSource(services, "glucose")
    events = source.events(0, 2e9)
    assert [(e.kind, e.label) for e in events] == [
        ("medication_started", "Hydrocortison"), ("medication_changed", "Hydrocortison"),
        ("appointment", "Controle"), ("admission", "Opgenomen met buikgriep")]
    assert events[0].at == datetime(2026, 3, 1, 12, 0, tzinfo=AMSTERDAM).timestamp()  # a month: its first day, noon
    assert events[2].at == datetime(2026, 3, 12, 10, 30, tzinfo=AMSTERDAM).timestamp()
    assert [e.kind for e in source.events(events[1].at, events[2].at)] == ["medication_changed", "appointment"]


def test_local_times_are_amsterdam_wall_clock_times():
    assert local_epoch("2026-07-01T12:00") == datetime(2026, 7, 1, 10, 0, tzinfo=ZoneInfo("UTC")).timestamp()
    assert local_epoch("2019") == datetime(2019, 1, 1, 11, 0, tzinfo=ZoneInfo("UTC")).timestamp()
    assert local_epoch("not a date") is None


def test_the_span_leaves_deleted_readings_out(services):
    glucose(services, 20)
    first = services.readings.page("glucose", 19, 1)[0]
    services.readings.delete(first.id)
    assert RecordChartSource(services, "glucose").span() == ((START + timedelta(minutes=15)).timestamp(),
                                                             (START + timedelta(minutes=15 * 19)).timestamp())
    assert RecordChartSource(services, "weight").span() is None
