"""Lab results: one lab measure per LOINC code and unit, a range per result, and where a result lies against it."""

from datetime import datetime, timedelta, timezone

import pytest

from phr.core.entries import import_stamp
from phr.core.vocabulary import ResultPosition
from phr.monitoring.custom_measures import CustomMeasure
from phr.monitoring.lab_results import LabResult, ReferenceRange

AT = datetime(2026, 3, 2, 8, 15, tzinfo=timezone(timedelta(hours=1)))


def stamp(services):
    return import_stamp(services.session, "fhir_import", "lab.json")


@pytest.mark.parametrize(("low", "high", "value"), [(135, 145, 134.9), (135, 145, 135), (135, 145, 145),
                                                    (135, 145, 145.1), (None, 5, 6), (None, 5, 5), (35, None, 20),
                                                    (None, None, 3)])
def test_the_position_against_the_range(low, high, value):
    expected = ("" if low is None and high is None else "below" if low is not None and value < low
                else "above" if high is not None and value > high else "within")
    assert LabResult("x", AT, value, ReferenceRange(low, high)).position == ResultPosition(expected)
    assert LabResult("x", AT, value).position == ResultPosition.NOT_KNOWN  # no range, nothing said


def test_one_lab_measure_per_code_and_unit_made_inside_the_import(services):
    with services.session.db.transaction():
        first = services.lab_results.lab_measure("2160-0", "mg/dL", "Creatinine", 2, stamp(services))
        again = services.lab_results.lab_measure("2160-0", "mg/dL", "Kreatinine", 0, stamp(services))
        other_unit = services.lab_results.lab_measure("2160-0", "umol/L", "Creatinine", 0, stamp(services))
    assert first.key == again.key != other_unit.key and first.is_lab and first.loinc == "2160-0"
    assert first.name_nl == "Creatinine" and first.decimals == 2


def test_a_result_keeps_its_own_range_and_the_newest_comes_first(services):
    with services.session.db.transaction():
        inr = services.lab_results.lab_measure("6301-6", "", "INR", 1, stamp(services))
        services.lab_results.add_results([LabResult(inr.key, AT, 3.4, ReferenceRange(2.0, 3.0)),
                                          LabResult(inr.key, AT + timedelta(days=7), 2.5, ReferenceRange(2.5, 3.5))],
                                         "fhir_import", "lab.json")
    newest, older = services.lab_results.results(inr.key)
    assert (newest.value, newest.reference, newest.position) == (2.5, ReferenceRange(2.5, 3.5), "within")
    assert (older.value, older.reference, older.position) == (3.4, ReferenceRange(2.0, 3.0), "above")
    assert older.taken_at == AT and older.taken_at.utcoffset() == timedelta(hours=1)
    # A lab's INR has no unit; the measure is valid all the same, so Regie's own file takes it back.
    [custom] = [m for m in services.measures.all() if m.key == inr.key]
    assert services.measures.validate(custom) == []
    assert services.measures.validate(CustomMeasure(name="Buikomvang", low_bound=40, high_bound=200)) != []
