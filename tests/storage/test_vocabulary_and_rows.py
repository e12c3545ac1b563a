"""The words storage writes stay what every record already holds; rows that leave storage have named fields."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from phr.storage.keys import slots as keyslots
from phr.storage.keys.checked_json import canonical
from phr.storage.repos.people import AuthorRepository
from phr.storage.repos.reading_rows import CONTEXTS, FLAGS, METHODS, NotedReadingRow, ReadingRow
from phr.storage.repos.readings import DEVICE_SOURCE, ReadingRepository
from phr.storage.schema import v0001_base, v0002_care_record, v0003_monitoring, v0004_reading_methods
from phr.storage.vocabulary import AuthorRole, KdfName, ReadingFlag, SlotKind, Source

AT = datetime(2024, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def checked_words(sql: str, column: str) -> set[str]:
    """The words a CHECK (column IN (...)) of a migration allows."""
    found = re.search(rf"CHECK \({column} IN \(([^)]*)\)\)", sql)
    assert found, column
    return {word.strip().strip("'") for word in found.group(1).split(",")}


def test_reading_codes_keep_their_order():
    # The codes are in every record made so far: a word may be added at the end, never moved.
    assert FLAGS == ("", "below_range", "above_range")
    assert METHODS == ("", "sensor", "scan", "fingerstick", "lab", "typed")
    assert CONTEXTS == ("", "fasting", "after_meal", "at_rest", "after_exercise")


def test_the_words_are_those_the_schema_allows():
    assert {role.value for role in AuthorRole} == checked_words(v0001_base.SQL, "role")
    assert {source.value for source in Source} == checked_words(v0002_care_record.SQL, "source")
    batches = v0003_monitoring.SQL.split("CREATE TABLE reading_batches")[1].split("CREATE TABLE")[0]
    assert checked_words(batches, "source") == {source.value for source in Source} - {"letter"}
    assert "flag BETWEEN 0 AND 2" in v0003_monitoring.SQL and len(FLAGS) == 3
    assert "method BETWEEN 0 AND 5" in v0004_reading_methods.SQL and len(METHODS) == 6


def test_key_files_hold_the_same_words_as_before():
    assert keyslots.KINDS == ("owner", "recovery", "carer")
    assert (keyslots.ARGON2ID, keyslots.HKDF_SHA256) == ("argon2id", "hkdf-sha256")
    # What a slot binds into its associated data is byte for byte what plain strings gave.
    assert canonical({"kind": SlotKind.CARER, "kdf": {"name": KdfName.ARGON2ID}}) == \
        canonical({"kind": "carer", "kdf": {"name": "argon2id"}})


@dataclass(frozen=True)
class Typed:
    measure: str
    taken_at: datetime
    value: float | None
    value2: float | None = None
    value3: float | None = None
    flag: str = ""
    method: str = ""
    context: str = ""
    note: str = ""


@pytest.fixture
def readings(session):
    repo = ReadingRepository(session.db)
    with session.db.transaction():
        batch = repo.new_batch(session.author.id, Source.TYPED, None, "2024-03-01T07:00:00+00:00")
        repo.insert_readings(batch, [Typed("glucose", AT, 6.5, method="fingerstick", context="fasting", note="ok"),
                                     Typed("glucose", AT + timedelta(hours=1), None, flag="above_range")])
    return repo, batch


def test_readings_of_a_period_come_with_named_fields(readings):
    repo, _ = readings
    first, second = repo.between("glucose", int(AT.timestamp()), int(AT.timestamp()) + 3600)
    assert isinstance(first, ReadingRow)
    assert (first.taken_at, first.utc_offset, first.value, first.method, first.context) == \
        (int(AT.timestamp()), 60, 6.5, "fingerstick", "fasting")
    assert second.value is None and second.flag == ReadingFlag.ABOVE_RANGE
    assert tuple(first) == (int(AT.timestamp()), 60, 6.5, None, None, "", "fingerstick", "fasting")  # still a tuple


def test_streamed_and_batch_readings_name_their_note(readings):
    repo, batch = readings
    streamed = list(repo.stream("glucose", 0, 2**40))
    assert isinstance(streamed[0], NotedReadingRow) and [r.note for r in streamed] == ["ok", ""]
    assert [(r.measure, r.note, r.changed_at) for r in repo.of_batch(batch)] == \
        [("glucose", "ok", None), ("glucose", None, None)]


def test_authors_carry_their_role_as_a_word_of_the_vocabulary(session):
    owner = AuthorRepository(session.db).owner()
    assert owner is not None and owner.role is AuthorRole.OWNER and owner.role == "owner"
    assert DEVICE_SOURCE == "device_import"
