"""Schema 10 (issue 20): readings refer to their measure by a small integer, the fingerprint is computed by the
database, the deleted readings have a partial index of their own. The upgrade keeps every reading as it was;
purging reads the deleted readings only; the once-only rule still holds, through the database."""

import shutil
from datetime import datetime, timezone

import pytest
from conftest import PASSPHRASE
from locations import FIXTURES

from phr.access import records
from phr.imports.devices.model import ParsedReading
from phr.monitoring.readings import Reading
from phr.record.services import RecordServices
from phr.storage import migrations
from phr.storage.database import Database
from phr.storage.repos.reading_rows import fingerprint
from phr.storage.repos.readings import ReadingRepository, purge_deleted_readings

START = int(datetime(2025, 3, 1, tzinfo=timezone.utc).timestamp())
COLUMNS = ("id, batch_id, {measure}, taken_at, utc_offset, value, value2, value3, flag, method, context, note, "
           "changed_by, changed_at, deleted_at, device_flags")


def sensor(count: int, first: int = START) -> list[ParsedReading]:
    return [ParsedReading("glucose", first + 300 * i, 60, 5.0 + (i % 50) / 10, method="sensor") for i in range(count)]


def _statements(db: Database, monkeypatch) -> list[tuple[str, tuple]]:
    """Every statement the database is handed from now on, with its parameters."""
    ran: list[tuple[str, tuple]] = []
    for name in ("query", "query_one", "execute", "integer"):
        original = getattr(db, name)

        def recording(sql, params=(), _original=original):
            ran.append((sql, tuple(params)))
            return _original(sql, params)
        monkeypatch.setattr(db, name, recording)
    return ran


def _scans_of_readings(db: Database, statements) -> list[str]:
    """Plan lines that read the readings table (or an index of all of it) from end to end."""
    found = []
    for sql, params in statements:
        for *_, detail in db.query(f"EXPLAIN QUERY PLAN {sql}", params):
            if detail.startswith("SCAN") and "readings_purge" not in detail and "reading_measures" not in detail \
                    and "reading_batches" not in detail:
                found.append(f"{sql} -> {detail}")
    return found


def test_purging_reads_the_deleted_readings_only(services, monkeypatch):
    readings, db = services.readings, services.session.db
    readings.add_batch(sensor(500), "device_import", "sensor.csv")
    typed = readings.add(Reading("glucose", datetime(2025, 4, 1, 8, tzinfo=timezone.utc), 6.1, note="na het ontbijt"))
    device = readings.page("glucose", 1, 3)[0]
    readings.update(Reading(device.measure, device.taken_at, device.value, method="sensor", note="pleister los",
                            id=device.id))
    readings.delete(typed.item_id)
    readings.delete(device.id)
    ran = _statements(db, monkeypatch)
    assert purge_deleted_readings(db) == 1  # the typed reading's measure: its hours are summarised again
    monkeypatch.undo()
    assert any("DELETE FROM readings" in sql for sql, _ in ran)  # the purge did its work through these statements
    assert _scans_of_readings(db, ran) == []
    a_scan = "SELECT count(*) FROM readings WHERE note IS NOT NULL"
    assert _scans_of_readings(db, [(a_scan, ())])  # the check sees a scan where there is one
    memory = db.query("SELECT note, deleted_at IS NOT NULL FROM readings WHERE id = ?", (device.id,))
    assert memory == [(None, 1)]  # the deleted device reading stays, without its note, as a memory
    assert db.query("SELECT count(*) FROM readings WHERE id = ?", (typed.item_id,)) == [(0,)]


def test_a_reimport_adds_nothing_and_does_not_bring_a_deleted_reading_back(services):
    readings, db = services.readings, services.session.db
    first = readings.add_batch(sensor(3000), "device_import", "sensor.csv")
    gone = readings.page("glucose", 1, 10)[0]
    readings.delete(gone.id)
    purge_deleted_readings(db)
    again = readings.add_batch(sensor(3000), "device_import", "sensor.csv")
    assert (first.added, again.added, again.already_present) == (3000, 0, 3000)
    assert readings.count("glucose") == 2999
    assert readings.counts() == {"glucose": 2999}
    assert db.query("SELECT count(*) FROM readings") == [(3000,)]


def test_a_reading_stores_its_measure_as_a_small_integer(services):
    services.readings.add_batch(sensor(10), "device_import", "sensor.csv")
    db = services.session.db
    assert db.query("SELECT DISTINCT typeof(measure_id) FROM readings") == [("integer",)]
    assert db.query("SELECT DISTINCT typeof(measure_id) FROM reading_buckets") == [("integer",)]
    once = [row[2] for row in db.query("PRAGMA index_info(readings_once)")]
    assert once == ["measure_id", "taken_at", "method", "fingerprint"]
    stored = [row[1] for row in db.query("PRAGMA table_xinfo(readings)") if row[6] == 0]  # not generated
    assert "fingerprint" not in stored and "measure" not in stored


# --- the upgrade ------------------------------------------------------------------------------------------------

def _old_fingerprint(value, value2, value3, flag) -> int:
    """Schema 3 to 9: the value's field in the high bits."""
    def code(v):
        return 0 if v is None else (int(v * 100 + 0.5) & ((1 << 20) - 1)) | (1 << 20)
    return ((code(value) if value is not None else flag) << 42) | (code(value2) << 21) | code(value3)


def _raw_record(tmp_path, fixture: str) -> tuple[Database, object]:
    from phr.access.passphrase import normalise
    from phr.storage.keys import slots as keyslots
    from phr.storage.keys.files import KeyFiles

    folder = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, folder)
    ring = KeyFiles(folder).load().ring
    key = keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), normalise(PASSPHRASE))
    return Database.open(folder / "record.db", key), folder


def _add_schema_8_rows(db: Database) -> None:
    """What a record at schema 8 may hold besides plain readings: a deleted device reading's memory, a note, a
    sensor Low without a number, a corrected reading, a blood pressure with device flags, every method."""
    author = db.integer("SELECT id FROM authors LIMIT 1")
    insert = ("INSERT INTO readings (batch_id, measure, taken_at, utc_offset, value, value2, value3, flag, method, "
              "context, note, fingerprint, changed_by, changed_at, deleted_at, device_flags) "
              "VALUES (?, ?, ?, 60, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    with db.transaction():
        device = db.execute("INSERT INTO reading_batches (uid, entered_by, source, created_at) "
                            "VALUES ('v10-device', ?, 'device_import', '2026-11-20T10:00:00Z')", (author,))
        rows = [("glucose", START, 7.2, None, None, 0, 1, 0, None, None, None, "2026-11-21T10:00:00Z", 0),
                ("glucose", START + 300, None, None, None, 1, 1, 0, None, None, None, None, 0),
                ("glucose", START + 600, 9.9, None, None, 0, 2, 2, "na de lunch", author, "2026-11-21T11:00:00Z", None,
                 0),
                ("bp", START, 141.0, 92.0, 77.0, 0, 0, 3, None, None, None, None, 5),
                ("eigen_meting", START, 3.0, None, None, 0, 5, 0, "zelf", None, None, None, 0)]
        db.executemany(insert, [(device, m, at, v, v2, v3, flag, method, context, note,
                                 _old_fingerprint(v, v2, v3, flag), by, when, deleted, bits)
                                for m, at, v, v2, v3, flag, method, context, note, by, when, deleted, bits in rows])


def test_the_upgrade_to_schema_10_keeps_every_reading_and_summary(tmp_path):
    db, folder = _raw_record(tmp_path, "schema_v8")
    try:
        _add_schema_8_rows(db)
        before = db.query(f"SELECT {COLUMNS.format(measure='measure')} FROM readings ORDER BY id")
        fingerprints = [row[0] for row in db.query("SELECT fingerprint FROM readings ORDER BY id")]
        buckets = db.query("SELECT * FROM reading_buckets ORDER BY measure, size, bucket")
        assert 10 in migrations.migrate(db, folder / "record.db")
        key = "(SELECT key FROM reading_measures m WHERE m.id = measure_id)"
        after = db.query(f"SELECT {COLUMNS.format(measure=key)} FROM readings ORDER BY id")
        assert after == before and len(after) > 9927
        stored = db.query("SELECT value, value2, value3, flag, fingerprint FROM readings ORDER BY id")
        assert [_old_fingerprint(*row[:4]) for row in stored] == fingerprints
        assert all(fingerprint(*row[:4]) == row[4] for row in stored)  # Python and SQL compute the same number
        assert db.query("SELECT m.key, b.size, b.bucket, b.n, b.vmin, b.vmax, b.vsum, b.vsum2, b.v2min, b.v2max "
                        "FROM reading_buckets b JOIN reading_measures m ON m.id = b.measure_id "
                        "ORDER BY m.key, b.size, b.bucket") == buckets
        assert db.query("PRAGMA integrity_check") == [("ok",)] and db.query("PRAGMA foreign_key_check") == []
    finally:
        db.close()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)  # opening purges: the memory stays
    try:
        repo = ReadingRepository(session.db)
        assert session.check().healthy
        assert session.db.query("SELECT count(*), sum(note IS NULL) FROM readings WHERE deleted_at IS NOT NULL") \
            == [(1, 1)]
        kept = [(r.taken_at - START, r.value, r.flag, r.method, r.context, r.note)
                for r in repo.stream("glucose", START, START + 600)]
        assert kept == [(300, None, "below_range", "sensor", "", ""), (600, 9.9, "", "scan", "after_meal", "na de lunch")]
        [pressure] = repo.between("bp", START, START)
        assert (pressure.value2, pressure.value3, pressure.context) == (92.0, 77.0, "at_rest")
    finally:
        session.lock()


@pytest.mark.parametrize("value, value2, value3, flag", [(6.4, None, None, 0), (None, None, None, 2),
                                                         (120.0, 80.0, 61.0, 0), (-3.25, None, None, 0),
                                                         (1e12, None, None, 0), (0.005, 0.0, None, 0)])
def test_the_database_computes_the_fingerprint_python_does(services, value, value2, value3, flag):
    db = services.session.db
    from phr.storage.schema.v0010_compact_readings import FINGERPRINT
    sql = f"SELECT {FINGERPRINT} FROM (SELECT ? AS value, ? AS value2, ? AS value3, ? AS flag)"
    assert db.integer(sql, (value, value2, value3, flag)) == fingerprint(value, value2, value3, flag)


def test_the_schema_10_record_keeps_its_memories_notes_flags_and_methods(tmp_path):
    """The stored record (tests/fixtures/schema_v10): what a later upgrade must keep, read through today's code."""
    folder = tmp_path / "schema_v10"
    shutil.copytree(FIXTURES / "schema_v10", folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        at = int(datetime(2026, 11, 23, 6, 0, tzinfo=timezone.utc).timestamp())
        rows = session.db.query("SELECT taken_at - ?, value, flag, method, note, deleted_at IS NOT NULL FROM readings "
                                "WHERE taken_at >= ? ORDER BY taken_at, id", (at, at))
        assert rows == [(0, 4.0, 0, 1, None, 0), (300, 4.4, 0, 1, "Sensor gaf te laag aan; vingerprik 4,4", 0),
                        (300, 4.1, 0, 1, None, 1), (600, 4.2, 0, 1, None, 1)] + \
            [(300 * i, 4.0 + i / 10, 0, 1, None, 0) for i in range(3, 10)] + \
            [(3000, None, 1, 1, None, 0), (25200, 6.6, 0, 4, "Lab: nuchter", 0)]
        services = RecordServices(session)
        again = services.readings.add_batch([ParsedReading("glucose", at + 300 * i, 60, 4.0 + i / 10, method="sensor")
                                             for i in range(10)], "device_import", "libre_v10.csv")
        assert again.added == 0  # the corrected and the deleted reading stay as they are
    finally:
        session.lock()
