"""A second connection to an open record, for an import on a pool thread."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from phr.monitoring.readings import Reading
from phr.record.services import RecordServices

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_the_second_session_writes_as_the_same_author_and_the_first_sees_it_once_committed(session, services):
    second = session.second_session()
    try:
        assert second.author == session.author and second.db is not session.db
        RecordServices(second).readings.add(Reading("weight", datetime(2026, 11, 1, 8, tzinfo=AMSTERDAM), 71.2))
    finally:
        second.lock()
    latest = services.readings.latest("weight")
    assert latest.value == pytest.approx(71.2) and latest.provenance.entered_by_role == "owner"
    with pytest.raises(RuntimeError):
        second.db  # noqa: B018 (closed: nothing to read any more)


def test_a_locked_record_gives_no_second_session(new_record):
    from conftest import PASSPHRASE

    from phr.access import records

    folder, _ = new_record
    opened = records.unlock_with_passphrase(folder, PASSPHRASE)
    opened.lock()
    with pytest.raises(RuntimeError):
        opened.second_session()
