"""A lab's readings of a catalogue measure (an HbA1c, a lab's glucose) among the person's own: every one, with
its range, newest first; the person's own readings and a deleted lab reading are not among them."""

from datetime import datetime, timedelta, timezone

from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.monitoring.readings import Reading

LISBON, AMSTERDAM = timezone(timedelta(hours=0)), timezone(timedelta(hours=2))


def test_a_catalogue_measures_lab_readings_with_their_ranges_newest_first(services):
    first = datetime(2024, 5, 6, 8, 10, 3, tzinfo=LISBON)
    labs = [LabResult("glucose", first, 5.4, ReferenceRange(4.0, 6.1)),
            LabResult("glucose", datetime(2025, 7, 1, 9, 0, tzinfo=AMSTERDAM), 6.6, ReferenceRange(text="< 6.1")),
            LabResult("glucose", datetime(2026, 1, 2, 9, 0, tzinfo=AMSTERDAM), 4.8),
            LabResult("glucose", datetime(2026, 2, 2, 9, 0, tzinfo=AMSTERDAM), 9.9, ReferenceRange(4.0, 6.1))]
    with services.session.db.transaction():
        services.lab_results.add_results(labs, "fhir_import", "lab.json")
    services.readings.add_batch([Reading("glucose", first + timedelta(minutes=5 * i), 6.0, method="sensor")
                                 for i in range(1, 200)], "device_import", "sensor.csv")
    services.readings.add(Reading("glucose", datetime(2026, 3, 1, 7, 0, tzinfo=AMSTERDAM), 5.0, method="fingerstick"))
    deleted = next(r for r in services.readings.page("glucose", 0, 10) if r.value == 9.9)
    assert deleted.id is not None
    services.readings.delete(deleted.id)

    found = services.lab_results.lab_readings("glucose")

    assert found == list(reversed(labs[:3]))  # newest first, each with its own range (or none), the deleted left out
    assert [r.taken_at.utcoffset() for r in found] == [timedelta(hours=2), timedelta(hours=2), timedelta(0)]
    assert [r.position.value for r in found] == ["", "", "within"]
    assert services.lab_results.lab_readings("hba1c") == []
