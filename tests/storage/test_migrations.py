"""Schema versions: stored records upgrade, newer ones are refused, a failed step changes nothing."""

import shutil

import pytest
from conftest import PASSPHRASE
from locations import FIXTURES

from phr.access import records
from phr.core.errors import RecordFromNewerVersion
from phr.storage import migrations
from phr.storage.database import PLAIN_SQLITE_HEADER, Database
from phr.storage.schema import LATEST, MIGRATIONS

FIXTURE_RECORDS = sorted(FIXTURES.glob("schema_v*"))


def test_there_is_a_fixture_for_every_released_schema():
    versions = sorted(int(path.name.removeprefix("schema_v")) for path in FIXTURE_RECORDS)
    assert versions == sorted(MIGRATIONS)


# What each fixture holds; an upgrade must keep all of it.
FIXTURE_CONTENT = {
    "schema_v1": ("Fixture Persoon v1 – Zoë", {}),
    "schema_v2": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 8,
                                     "medications": 6, "appointments": 9, "questions": 18, "documents": 4}),
    "schema_v3": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 8,
                                     "medications": 6, "appointments": 9, "questions": 18, "documents": 4,
                                     "readings": 9924, "diary": 7}),
    "schema_v4": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 8,
                                     "medications": 6, "appointments": 9, "questions": 18, "documents": 4,
                                     "readings": 9899, "diary": 7}),
    "schema_v5": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 9,
                                     "medications": 6, "appointments": 9, "questions": 18, "documents": 4,
                                     "readings": 9897, "diary": 7}),
    "schema_v6": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 9,
                                     "medications": 7, "appointments": 9, "questions": 18, "documents": 4,
                                     "readings": 9897, "diary": 7}),
    "schema_v7": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 9,
                                     "medications": 6, "appointments": 9, "questions": 18, "documents": 4,
                                     "readings": 9924, "diary": 7, "vaccinations": 16, "procedures": 3}),
    "schema_v8": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 9,
                                     "medications": 6, "appointments": 9, "questions": 18, "documents": 4,
                                     "readings": 9927, "diary": 7, "vaccinations": 16, "procedures": 3}),
    "schema_v9": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 9,
                                     "medications": 6, "appointments": 9, "questions": 18, "documents": 4,
                                     "readings": 9924, "diary": 8, "vaccinations": 16, "procedures": 3}),
    "schema_v10": ("Sanne de Vries", {"diagnoses": 4, "allergies": 1, "goals": 4, "evaluations": 12, "contacts": 9,
                                      "medications": 6, "appointments": 9, "questions": 18, "documents": 4,
                                      "readings": 9935, "diary": 7, "vaccinations": 16, "procedures": 3}),
}


@pytest.mark.parametrize("fixture", FIXTURE_RECORDS, ids=lambda p: p.name)
def test_each_stored_record_upgrades_to_the_current_schema(fixture, tmp_path):
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        report = session.check()
        assert report.schema_version == LATEST
        assert report.healthy, report.problems
        name, counts = FIXTURE_CONTENT[fixture.name]
        assert session.person_name() == name
        assert {section: n for section, n in report.counts.items() if n} == counts
    finally:
        session.lock()


def _open_db(new_record):
    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    return folder, session


def test_a_record_from_a_newer_version_is_refused_and_left_alone(new_record):
    folder, session = _open_db(new_record)
    session.db.execute(f"PRAGMA user_version = {LATEST + 1}")
    session.lock()
    before = (folder / "record.db").read_bytes()
    with pytest.raises(RecordFromNewerVersion, match="newer version of Regie"):
        records.unlock_with_passphrase(folder, PASSPHRASE)
    assert (folder / "record.db").read_bytes() == before


def test_a_migration_is_preceded_by_an_encrypted_backup(new_record):
    folder, session = _open_db(new_record)
    extended = {**MIGRATIONS, LATEST + 1: "CREATE TABLE later_feature (x TEXT) STRICT;"}
    try:
        applied = migrations.migrate(session.db, folder / "record.db", extended)
        assert applied == [LATEST + 1]
        assert migrations.schema_version(session.db) == LATEST + 1
    finally:
        session.lock()
    backups = list((folder / "backups").glob("before-upgrade-from-v*.db"))
    assert len(backups) == 1
    assert not backups[0].read_bytes().startswith(PLAIN_SQLITE_HEADER)
    assert backups[0].stat().st_mode & 0o777 == 0o600


def test_the_backup_opens_with_the_record_key_at_the_old_version(new_record):
    from phr.access.passphrase import normalise
    from phr.storage.keys import slots as keyslots
    from phr.storage.keys.files import KeyFiles

    folder, session = _open_db(new_record)
    try:
        migrations.migrate(session.db, folder / "record.db", {**MIGRATIONS, LATEST + 1: "CREATE TABLE t (x TEXT) STRICT;"})
    finally:
        session.lock()
    ring = KeyFiles(folder).load().ring
    key = keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), normalise(PASSPHRASE))
    backup = Database.open(next((folder / "backups").iterdir()), key)
    try:
        assert migrations.schema_version(backup) == LATEST
    finally:
        backup.close()


def test_a_failing_migration_step_changes_nothing(new_record):
    folder, session = _open_db(new_record)
    broken = {**MIGRATIONS, LATEST + 1: "CREATE TABLE half_done (x TEXT) STRICT;\nINSERT INTO no_such_table VALUES (1);"}
    try:
        with pytest.raises(Exception):
            migrations.migrate(session.db, folder / "record.db", broken)
        assert migrations.schema_version(session.db) == LATEST
        tables = {row[0] for row in session.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables
        assert session.check().healthy
    finally:
        session.lock()


def _with_an_extra_step(monkeypatch, sql="CREATE TABLE later_feature (x TEXT) STRICT;"):
    monkeypatch.setattr(migrations, "MIGRATIONS", {**MIGRATIONS, LATEST + 1: sql})


def test_unlocking_an_older_record_upgrades_it_after_a_backup(new_record, monkeypatch):
    folder, _ = new_record
    _with_an_extra_step(monkeypatch)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert migrations.schema_version(session.db) == LATEST + 1
    finally:
        session.lock()
    assert len(list((folder / "backups").glob(f"before-upgrade-from-v{LATEST}-*.db"))) == 1


def test_check_looks_at_every_page_before_an_upgrade_may_write(new_record, monkeypatch):
    from phr.core.errors import RecordDamaged

    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    session.db.execute("CREATE TABLE filler (t TEXT) STRICT")
    with session.db.transaction():
        for n in range(300):
            session.db.execute("INSERT INTO filler VALUES (?)", ("x" * 200 + str(n),))
    session.lock()
    record = folder / "record.db"
    data = bytearray(record.read_bytes())
    data[4096 * 5 + 700] ^= 0x01  # one flipped bit in a data page
    record.write_bytes(bytes(data))
    _with_an_extra_step(monkeypatch)
    with pytest.raises(RecordDamaged, match="integrity"):
        records.unlock_with_passphrase(folder, PASSPHRASE, verify_first=True)
    assert not (folder / "backups").exists()  # refused before the upgrade could write anything
    assert record.read_bytes() == bytes(data)


def test_an_upgraded_schema_3_record_takes_lab_and_typed_readings(tmp_path):
    from datetime import datetime, timezone

    from phr.monitoring.readings import Reading
    from phr.record.services import RecordServices

    folder = tmp_path / "schema_v3"
    shutil.copytree(FIXTURES / "schema_v3", folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        services = RecordServices(session)
        for hour, method in ((8, "lab"), (9, "typed")):
            services.readings.add(Reading("glucose", datetime(2026, 11, 23, hour, tzinfo=timezone.utc), 6.0,
                                          method=method))
        rows = services.readings.between("glucose", datetime(2026, 11, 23, tzinfo=timezone.utc),
                                         datetime(2026, 11, 24, tzinfo=timezone.utc))
        assert [row.method for row in rows] == ["lab", "typed"]
        assert session.check().healthy
    finally:
        session.lock()


def test_schema_5_makes_contacts_anew_without_losing_a_link_to_them(tmp_path):
    """Schema 5 rebuilds `contacts` (a new role); dropping the old table with foreign keys on would have set
    every diagnosis's, goal's and appointment's link to its contact to NULL."""
    from phr.record.services import RecordServices

    folder = tmp_path / "v4"
    shutil.copytree(FIXTURES / "schema_v4", folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        db = session.db
        assert db.query("PRAGMA foreign_key_check") == []
        assert db.integer("PRAGMA foreign_keys") == 1  # switched back on after the step
        services = RecordServices(session)
        linked = [services.diagnoses.linked_contacts(d) for d in services.diagnoses.all()]
        assert any(names["expertise_centre"] for names in linked)
        assert db.integer("SELECT count(*) FROM appointments WHERE contact_id IS NOT NULL") > 0
        assert db.integer("SELECT count(*) FROM goals WHERE agreed_with IS NOT NULL") > 0
        from phr.record.care_team import Contact
        kin = services.care_team.add(Contact(name="Mark", role="next_of_kin", relationship="partner")).item_id
        assert services.care_team.get(kin).relationship == "partner"
    finally:
        session.lock()


def test_a_step_with_foreign_keys_off_refuses_to_commit_a_broken_link(new_record, monkeypatch):
    folder, session = _open_db(new_record)
    broken = "INSERT INTO goal_evaluations (goal_id, evaluated_on, how_it_went, progress, uid, entered_by, " \
             "changed_by, created_at, changed_at) VALUES (999, '2026', 'x', 1, 'u1', 1, 1, 'now', 'now');"
    extended = {**MIGRATIONS, LATEST + 1: broken}
    monkeypatch.setattr(migrations, "FOREIGN_KEYS_OFF", frozenset({LATEST + 1}))
    try:
        with pytest.raises(Exception) as refused:
            migrations.migrate(session.db, folder / "record.db", extended)
        assert "link_check" in str(refused.value.__cause__ or refused.value)
        assert migrations.schema_version(session.db) == LATEST
        assert session.db.integer("SELECT count(*) FROM goal_evaluations") == 0
        assert session.db.integer("PRAGMA foreign_keys") == 1
    finally:
        session.lock()


def test_an_old_broken_link_does_not_block_a_step_with_foreign_keys_off(new_record, monkeypatch):
    """Only links the step itself breaks are refused: a record's own old oddity must not stop its upgrade."""
    folder, session = _open_db(new_record)
    broken = "INSERT INTO goal_evaluations (goal_id, evaluated_on, how_it_went, progress, uid, entered_by, " \
             "changed_by, created_at, changed_at) VALUES (999, '2026', 'x', 1, 'u1', 1, 1, 'now', 'now');"
    try:
        session.db.executescript(f"PRAGMA foreign_keys = OFF; {broken} PRAGMA foreign_keys = ON;")
        monkeypatch.setattr(migrations, "FOREIGN_KEYS_OFF", frozenset({LATEST + 1}))
        extended = {**MIGRATIONS, LATEST + 1: "CREATE TABLE later_feature (x TEXT) STRICT;"}
        assert migrations.migrate(session.db, folder / "record.db", extended) == [LATEST + 1]
    finally:
        session.lock()


def test_an_upgraded_schema_6_record_takes_vaccinations_procedures_and_lab_results(tmp_path):
    from datetime import datetime, timezone

    from phr.core.entries import import_stamp
    from phr.monitoring.lab_results import LabResult, ReferenceRange
    from phr.record.history.procedures import Procedure
    from phr.record.history.vaccinations import Vaccination
    from phr.record.services import RecordServices

    folder = tmp_path / "schema_v6"
    shutil.copytree(FIXTURES / "schema_v6", folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        services = RecordServices(session)
        services.vaccinations.add(Vaccination("Influenza", "2026-10-12", 1))
        services.procedures.add(Procedure("Appendectomie", "2008"))
        with session.db.transaction():
            measure = services.lab_results.lab_measure("2951-2", "mmol/L", "Natrium", 0,
                                                       import_stamp(session, "fhir_import", "lab.json"))
            services.lab_results.add_results([LabResult(measure.key, datetime(2026, 11, 23, 8, tzinfo=timezone.utc),
                                                        131.0, ReferenceRange(135, 145))], "fhir_import", "lab.json")
        [result] = services.lab_results.results(measure.key)
        assert (result.value, result.position) == (131.0, "below")
        # The measures schema 3 made keep their category: what the person measures themselves.
        assert not any(m.is_lab for m in services.measures.measures() if m.key != measure.key)
        assert session.check().counts["vaccinations"] == 1 and session.check().healthy
    finally:
        session.lock()


def test_an_upgraded_schema_7_record_keeps_its_readings_without_flags_and_takes_omron_flags(tmp_path):
    from locations import DATA

    from phr.core.vocabulary import DeviceFlag
    from phr.imports import device_import
    from phr.record.services import RecordServices

    folder = tmp_path / "schema_v7"
    shutil.copytree(FIXTURES / "schema_v7", folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert session.db.query("SELECT count(*), sum(device_flags) FROM readings") == [(9924, 0)]
        path = DATA / "devices" / "omron_report_eu_flags.csv"
        device_import.import_file(RecordServices(session), path.read_bytes(), path.name)
        flagged = session.db.query("SELECT value, device_flags FROM readings WHERE device_flags > 0 ORDER BY value")
        assert flagged == [(126.0, DeviceFlag.BODY_MOVEMENT | DeviceFlag.CUFF_FIT),
                           (128.0, DeviceFlag.IRREGULAR_HEARTBEAT | DeviceFlag.POSSIBLE_AFIB)]
        assert session.check().healthy
    finally:
        session.lock()


def test_schema_8_takes_the_four_device_flag_bits_and_refuses_any_other(new_record):
    from phr.core.errors import ConstraintViolation

    folder, session = _open_db(new_record)
    insert = ("INSERT INTO readings (batch_id, measure_id, taken_at, utc_offset, value, device_flags) "
              "VALUES (?, (SELECT id FROM reading_measures WHERE key = 'bp'), ?, 0, 120, ?)")  # schema 10: measure_id
    try:
        with session.db.transaction():
            session.db.execute("INSERT INTO reading_measures (key) VALUES ('bp')")
            batch = session.db.execute("INSERT INTO reading_batches (uid, entered_by, source, created_at) "
                                       "SELECT 'x', id, 'typed', '2026-01-01' FROM authors LIMIT 1")
            session.db.execute(insert, (batch, 0, 15))
        for bits in (16, -1):
            with pytest.raises(ConstraintViolation), session.db.transaction():
                session.db.execute(insert, (batch, bits + 100, bits))
        assert session.db.query("SELECT device_flags FROM readings") == [(15,)]
    finally:
        session.lock()
