"""How a reading was taken: a reading typed in the app says so, unless it says another way."""

from datetime import datetime, timedelta, timezone

import pytest

from phr.core.entries import EntryInvalid
from phr.monitoring.readings import Reading

MORNING = datetime(2026, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def test_a_reading_typed_in_is_stored_as_typed(services):
    change = services.readings.add(Reading("glucose", MORNING, 5.6))
    assert services.readings.get(change.item_id).method == "typed"
    assert [row.method for row in services.readings.between("glucose", MORNING, MORNING)] == ["typed"]


def test_a_typed_reading_that_says_how_it_was_taken_keeps_that(services):
    change = services.readings.add(Reading("glucose", MORNING, 5.6, method="fingerstick"))
    assert services.readings.get(change.item_id).method == "fingerstick"


def test_a_correction_keeps_the_method_of_the_reading(services):
    change = services.readings.add(Reading("glucose", MORNING, 5.6, method="lab"))
    stored = services.readings.get(change.item_id)
    services.readings.update(Reading("glucose", MORNING, 5.9, method=stored.method, id=stored.id))
    assert services.readings.get(change.item_id).method == "lab"


def test_a_method_outside_the_vocabulary_is_refused(services):
    with pytest.raises(EntryInvalid) as refused:
        services.readings.add(Reading("glucose", MORNING, 5.6, method="guess"))
    assert [(error.field, error.problem) for error in refused.value.errors] == [("method", "invalid_choice")]
