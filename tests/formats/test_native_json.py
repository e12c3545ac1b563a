"""Regie's own JSON format: lossless round trip, import twice adds nothing, bad files change nothing."""

import base64
import hashlib
import json
import re

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.formats.native import read as importer
from phr.formats.native import schema
from phr.formats.native import write as exporter
from phr.formats.native.read import InvalidImport
from phr.record.care_team import Contact
from phr.record.person import Allergy
from phr.storage.repos import documents as document_store
from phr.storage.repos import tables
from phr.storage.repos.entries import EntryRepository, Stamp
from phr.storage.repos.people import AuthorRepository


def put(session, table, author=None, **values):
    stamp = Stamp(author or session.author.id, "2026-11-22T10:00:00+00:00", "letter", "brief 2024-02.pdf")
    with session.db.transaction():
        return EntryRepository(session.db, table).insert(values, stamp)


def fill_every_section(session, services):
    """At least one entry in every table, with links between them and a carer as author."""
    carer = AuthorRepository(session.db).carer_named("Piet Jansen", "2026-01-01T00:00:00+00:00")
    services.allergies.add(Allergy(substance="Penicilline", severity="severe", noted_on="2012"))
    doctor = services.care_team.add(Contact(name="Dr. A. de Vries", role="specialist", phone="088 000 1111")).item_id
    services.care_team.add(Contact(name="Mark de Vries", role="next_of_kin", relationship="partner",
                                   acute_phone="06 1234 5678", contact_for="Kan de noodinjectie geven"))
    diagnosis = put(session, tables.DIAGNOSES, name="Congenitale bijnierhyperplasie", status="confirmed",
                    orpha_code=90794, diagnosed_on="1988-04", diagnosed_by=doctor, gene="CYP21A2",
                    variant="NM_000500.9:c.293-13C>G", zygosity="compound_heterozygous",
                    name_en="Classic congenital adrenal hyperplasia", treating_physician=doctor,
                    emergency_protocol="Hydrocortison 100 mg i.v. direct", emergency_avoid="Etomidaat",
                    crisis_signs="Braken (HP:0002013)", emergency_guideline="https://www.orpha.net/nl/disease/detail/90794")
    visit = put(session, tables.APPOINTMENTS, author=carer, starts_at="2026-12-03T10:30", contact_id=doctor,
                purpose="Jaarcontrole")
    put(session, tables.QUESTIONS, appointment_id=visit, position=1, text="Mag de dosis omlaag?", answered=0)
    goal = put(session, tables.GOALS, description="Minder moe zijn", diagnosis_id=diagnosis, status="active",
               target_measure="glucose", target_low=4.0, target_high=8.5, appointment_id=visit)
    put(session, tables.EVALUATIONS, goal_id=goal, evaluated_on="2026-06-01", how_it_went="Beter", progress=2)
    medicine = put(session, tables.MEDICATIONS, name="Hydrocortison", strength="10 mg", reason_id=diagnosis,
                   start_date="1988-05", name_en="Hydrocortisone", dose_amount=0.5, dose_unit="tablet",
                   times_per_day=3, food="with_food", as_needed=0)
    put(session, tables.MEDICATIONS, name="Solu-Cortef", dose_amount=100, dose_unit="mg", as_needed=1)
    from phr.record.person import PersonDetails
    services.person.update(PersonDetails(name=services.person.get().name, text_language="nl"))
    put(session, tables.MEDICATION_CHANGES, medication_id=medicine, changed_on="2024-02-01", dose="15 mg")
    content = b"%PDF-1.4 a letter"
    with session.db.transaction():
        document = EntryRepository(session.db, tables.DOCUMENTS).insert(
            {"title": "Brief endocrinoloog", "kind": "letter", "file_name": "brief.pdf",
             "mime_type": "application/pdf", "size": len(content), "sha256": hashlib.sha256(content).hexdigest(),
             "diagnosis_id": diagnosis}, Stamp(session.author.id, "2026-11-22T10:00:00+00:00"))
        document_store.store_content(session.db, document, content)
    _history(services)
    _monitoring_entries(services, doctor)


def _history(services):
    from phr.record.codings import Coding
    from phr.record.history.procedures import Procedure
    from phr.record.history.vaccinations import Vaccination

    services.vaccinations.add(Vaccination(vaccine="Comirnaty", given_on="2021-06-14", dose_number=1,
                                          against="COVID-19", given_by="GGD", lot_number="FE1234",
                                          codes=(Coding("http://hl7.org/fhir/sid/cvx", "208"),)))
    services.procedures.add(Procedure(name="Appendectomie", performed_on="2008-09", place="Ziekenhuis",
                                      body_site="buik", notes="Stressdosis bij de narcose",
                                      codes=(Coding("http://snomed.info/sct", "80146002", "Appendectomy"),)))


def _monitoring_entries(services, doctor):
    from phr.monitoring.custom_measures import CustomMeasure
    from phr.monitoring.targets import Plan, Target
    from phr.record.diary import DiaryEntry

    services.measures.add(CustomMeasure(name="Vermoeidheid", kind="score"))
    services.targets.add(Target("bp", None, 135, None, 85, agreed_with=doctor, agreed_on="2025-11-01"))
    services.plans.add(Plan("bp", 4, "2026-11-19", 7, "2x ochtend, 2x avond", doctor))
    services.diary.add(DiaryEntry("2026-11-20T21:00", "admission", "Opgenomen met koorts"))
    _readings(services)
    with services.session.db.transaction():
        EntryRepository(services.session.db, tables.IMPORT_MAPPINGS).insert(
            {"name": "Mijn weegschaal", "mapping": '{"time_column": "Datum", "value_column": "kg"}'},
            Stamp(services.session.author.id, "2026-11-22T10:00:00+00:00"))


def _readings(services):
    from datetime import datetime, timedelta, timezone

    from phr.monitoring.readings import Reading

    winter, summer = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
    services.readings.add_batch([
        Reading("glucose", datetime(2026, 10, 25, 2, 30, tzinfo=summer), 5.4, method="sensor"),
        Reading("glucose", datetime(2026, 10, 25, 2, 30, tzinfo=winter), 5.6, method="sensor"),  # the repeated hour
        Reading("glucose", datetime(2026, 10, 25, 3, 0, tzinfo=winter), None, flag="below_range", method="sensor"),
    ], "device_import", "libre.csv")
    change = services.readings.add(Reading("bp", datetime(2026, 11, 20, 8, 0, tzinfo=winter), 128, 82, 66,
                                           context="at_rest", note="na rust"))
    corrected = services.readings.get(change.item_id)
    services.readings.update(Reading("bp", corrected.taken_at, 126, 82, 66, context="at_rest", note="na rust",
                                     id=corrected.id))
    services.readings.add(Reading("vermoeidheid", datetime(2026, 11, 20, 21, 0, tzinfo=winter), 6))


def without_time(doc: dict) -> dict:
    return {key: value for key, value in doc.items() if key != "exported_at"}


@pytest.fixture
def second_record(tmp_path, create_fast):
    created = create_fast(tmp_path / "second.regie", "Zoë Ünal", PASSPHRASE)
    yield created.session
    created.session.lock()


def test_export_import_export_is_exact(session, services, second_record):
    fill_every_section(session, services)
    first = exporter.export_record(session)
    assert all(first["sections"][table.name] for table in tables.ALL), "every section must hold an entry"
    # Every column of every table is in the file, the emergency information of schema 5 too.
    for table in tables.ALL:
        assert all(set(table.columns) <= set(entry) for entry in first["sections"][table.name]), table.name
    assert first["person"]["text_language"] == "nl"
    assert first["sections"]["diagnoses"][0]["emergency_protocol"] == "Hydrocortison 100 mg i.v. direct"
    summary = importer.import_record(second_record, exporter.dumps(first))
    readings = sum(len(batch["readings"]) for batch in first["reading_batches"])
    assert sum(summary.added.values()) == sum(len(entries) for entries in first["sections"].values()) + readings
    assert without_time(exporter.export_record(second_record)) == without_time(first)


def test_the_file_holds_every_section_of_the_record_in_link_order():
    assert schema.SECTIONS == tuple(table.name for table in tables.ALL)


def test_importing_the_same_file_twice_adds_nothing(session, services, second_record):
    fill_every_section(session, services)
    data = exporter.dumps(exporter.export_record(session))
    importer.import_record(second_record, data)
    again = importer.import_record(second_record, data)
    assert again.added == {}
    assert sum(again.already_present.values()) > 0


def test_links_and_provenance_survive(session, services, second_record):
    fill_every_section(session, services)
    importer.import_record(second_record, exporter.dumps(exporter.export_record(session)))
    [visit] = EntryRepository(second_record.db, tables.APPOINTMENTS).rows()
    [doctor] = [row for row in EntryRepository(second_record.db, tables.CONTACTS).rows() if row["role"] == "specialist"]
    assert visit["contact_id"] == doctor["id"]
    assert visit["entered_by_name"] == "Piet Jansen" and visit["entered_by_role"] == "carer"
    assert (visit["source"], visit["source_detail"]) == ("letter", "brief 2024-02.pdf")


def damage(doc: dict, how) -> bytes:
    how(doc)
    return json.dumps(doc).encode()


@pytest.mark.parametrize("how, message", [
    (lambda d: d.update(format="something-else"), "not a Regie record file"),
    (lambda d: d.update(version=99), "newer version"),
    (lambda d: d["sections"]["diagnoses"][0].update(diagnosed_on="april 1988"), "not a date"),
    (lambda d: d["sections"]["diagnoses"][0].update(orpha_code="90794"), "wrong type"),
    (lambda d: d["sections"]["diagnoses"][0].update(status="maybe"), r"breaks Regie's rules: status"),
    (lambda d: d["sections"]["diagnoses"][0].update(variant="F508del"), r"rules: variant \(invalid_hgvs\)"),
    (lambda d: d["sections"]["medications"][0].update(stop_date="1980"), r"rules: stop_date"),
    (lambda d: d["sections"]["appointments"][0].update(starts_at="2026-99-99T10:00"), "not a date and time"),
    (lambda d: d["sections"]["appointments"][0].update(starts_at="Tomorrow"), "not a date and time"),
    (lambda d: d["sections"]["goals"][0]["provenance"].update(created_at="x"), "provenance"),
    (lambda d: d["sections"]["goals"][0]["provenance"].update(source_detail={}), "provenance"),
    (lambda d: d["sections"]["goals"][0]["provenance"].update(source="hearsay"), "provenance"),
    (lambda d: d["sections"]["diagnoses"][0].update(orpha_code=10**20), "too large"),
    (lambda d: d["authors"][0].pop("ref"), "author"),
    (lambda d: d["reading_batches"][0]["readings"][0].__setitem__(0, "2026-10-25T02:30:00"), "offset"),
    (lambda d: d["reading_batches"][0]["readings"][0].__setitem__(1, "cholesterol"), "unknown measure"),
    (lambda d: d["reading_batches"][0]["readings"][0].__setitem__(2, "5,4"), "not a number"),
    (lambda d: d["reading_batches"][0]["readings"][2].__setitem__(5, ""), "no value"),
    (lambda d: d["reading_batches"][0].update(source="rumour"), "not described"),
    (lambda d: d["reading_batches"][0]["readings"][0].__setitem__(2, float("inf")), "not a number"),
    (lambda d: d["reading_batches"][0]["readings"][0].__setitem__(2, float("nan")), "not a number"),
    (lambda d: d["reading_batches"][0]["readings"][0].__setitem__(0, "9999-12-31T23:00:00-05:00"), "time"),
    (lambda d: d["reading_batches"][0]["readings"][0].__setitem__(slice(9, 11), [["2026"], d["authors"][0]["ref"]]),
     "correction"),
    (lambda d: d["reading_batches"][0].update(source_detail={"file": "x"}), "not described"),
    (lambda d: d["sections"]["questions"][0].update(appointment_id="f" * 32), "not there"),
    (lambda d: d["sections"]["documents"][0].update(content_base64=base64.b64encode(b"other").decode()),
     "checksum"),
    (lambda d: d["sections"]["goals"][0]["provenance"].update(entered_by="nobody"), "provenance"),
    (lambda d: d["sections"].update(secrets=[]), "unknown section"),
])
def test_a_bad_file_is_explained_and_changes_nothing(session, services, second_record, how, message):
    fill_every_section(session, services)
    before = exporter.export_record(second_record)
    with pytest.raises(InvalidImport, match=message):
        importer.import_record(second_record, damage(exporter.export_record(session), how))
    assert without_time(exporter.export_record(second_record)) == without_time(before)


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[1, 2]", b"{", b"null", b"[" * 100000])
def test_what_is_not_json_is_refused_cleanly(second_record, data):
    with pytest.raises(InvalidImport):
        importer.import_record(second_record, data)


def test_the_cli_round_trip(tmp_path, session, services):
    import subprocess
    import sys

    fill_every_section(session, services)
    folder = session.folder
    session.lock()
    env = {"PHR_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}
    out = tmp_path / "export.json"
    run = lambda *args: subprocess.run([sys.executable, "-m", "phr", *map(str, args)], env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    exported = run("export", folder, out, "--format", "json")
    assert exported.returncode == 0 and "NOT encrypted" in exported.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    target = tmp_path / "target.regie"
    records.create_record(target, "Zoë Ünal", PASSPHRASE, argon2=__import__("conftest").FAST).session.lock()
    imported = run("import", target, out, "--format", "json")
    assert imported.returncode == 0, imported.stderr
    assert "diagnoses: 1 added" in imported.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    refused = run("import", target, bad)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1


def test_another_persons_file_is_refused(session, services, tmp_path, create_fast):
    fill_every_section(session, services)
    data = exporter.dumps(exporter.export_record(session))
    other = create_fast(tmp_path / "bob.regie", "Bob Bakker", PASSPHRASE).session
    try:
        before = exporter.export_record(other)
        with pytest.raises(InvalidImport, match="another person"):
            importer.import_record(other, data)
        assert without_time(exporter.export_record(other)) == without_time(before)
    finally:
        other.lock()


def test_the_same_name_written_differently_is_the_same_person(session, services, tmp_path, create_fast):
    fill_every_section(session, services)
    data = exporter.dumps(exporter.export_record(session))
    same = create_fast(tmp_path / "same.regie", "  zoë   ünal ", PASSPHRASE).session
    try:
        assert sum(importer.import_record(same, data).added.values()) > 0
    finally:
        same.lock()


def test_what_was_deleted_here_is_not_brought_back(session, services, second_record):
    fill_every_section(session, services)
    data = exporter.dumps(exporter.export_record(session))
    importer.import_record(second_record, data)
    [visit] = EntryRepository(second_record.db, tables.APPOINTMENTS).rows()
    EntryRepository(second_record.db, tables.APPOINTMENTS).delete(visit["id"], Stamp(second_record.author.id, "x"))
    again = importer.import_record(second_record, data)
    assert again.added == {}
    assert EntryRepository(second_record.db, tables.APPOINTMENTS).rows() == []
    assert EntryRepository(second_record.db, tables.QUESTIONS).rows() == []  # its question stays gone too
    assert second_record.db.query_one("SELECT count(*) FROM search_index WHERE section = 'appointments'")[0] == 0


def test_what_was_deleted_for_good_stays_deleted_after_lock(session, services, tmp_path, create_fast):
    fill_every_section(session, services)
    data = exporter.dumps(exporter.export_record(session))
    folder = tmp_path / "target.regie"
    target = create_fast(folder, "Zoë Ünal", PASSPHRASE).session
    importer.import_record(target, data)
    [doctor] = [row for row in EntryRepository(target.db, tables.CONTACTS).rows() if row["role"] == "specialist"]
    services_there = __import__("phr.record.services", fromlist=["RecordServices"]).RecordServices(target)
    services_there.care_team.delete(doctor["id"])
    target.lock()
    target = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        importer.import_record(target, data)
        assert [row["name"] for row in EntryRepository(target.db, tables.CONTACTS).rows()] == ["Mark de Vries"]
        [diagnosis] = EntryRepository(target.db, tables.DIAGNOSES).rows()
        assert diagnosis["diagnosed_by"] is None
    finally:
        target.lock()


def test_an_export_right_after_deleting_a_parent_imports_cleanly(session, services, second_record):
    fill_every_section(session, services)
    [visit] = EntryRepository(session.db, tables.APPOINTMENTS).rows()
    EntryRepository(session.db, tables.APPOINTMENTS).delete(visit["id"], Stamp(session.author.id, "x"))
    doc = exporter.export_record(session)
    assert doc["sections"]["questions"] == []  # a question of a deleted visit is not exported
    assert session.check().counts["questions"] == 0
    importer.import_record(second_record, exporter.dumps(doc))


def test_readings_survive_exactly_and_are_not_added_twice(session, services, second_record):
    fill_every_section(session, services)
    doc = exporter.export_record(session)
    assert sum(len(batch["readings"]) for batch in doc["reading_batches"]) == 5
    first = importer.import_record(second_record, exporter.dumps(doc))
    again = importer.import_record(second_record, exporter.dumps(doc))
    assert first.added["readings"] == 5 and again.already_present["readings"] == 5
    mirrored = exporter.export_record(second_record)
    assert mirrored["reading_batches"] == doc["reading_batches"]
    [bp] = [row for batch in mirrored["reading_batches"] for row in batch["readings"] if row[1] == "bp"]
    assert bp[2] == 126 and bp[9] is not None  # the correction and who made it survive


def test_a_version_1_file_still_imports(session, services, second_record):
    fill_every_section(session, services)
    doc = exporter.export_record(session)
    doc["version"] = 1
    for key in ("reading_batches", "reading_columns"):
        doc.pop(key)
    assert importer.import_record(second_record, exporter.dumps(doc)).added["diagnoses"] == 1


# What schema 5 added (issue 14): a version 2 file has none of these.
SCHEMA_5_COLUMNS = {"contacts": ("relationship",),
                    "diagnoses": ("name_en", "treating_physician", "emergency_protocol", "emergency_avoid",
                                  "crisis_signs", "emergency_guideline"),
                    "medications": ("name_en", "dose_amount", "dose_unit", "times_per_day", "food", "as_needed")}


def as_version_2(doc: dict) -> dict:
    """The file as the version before schema 5 wrote it: without the columns and the person field it added."""
    doc["version"] = 2
    doc["person"].pop("text_language")
    for section, columns in SCHEMA_5_COLUMNS.items():
        for entry in doc["sections"][section]:
            for column in columns:
                entry.pop(column)
    return doc


def test_a_version_2_file_still_imports_with_the_defaults_of_what_it_lacks(session, services, second_record):
    fill_every_section(session, services)
    doc = as_version_2(exporter.export_record(session))
    summary = importer.import_record(second_record, exporter.dumps(doc))
    assert summary.added["medications"] == 2
    from phr.record.services import RecordServices
    medicines = RecordServices(second_record).medications.all()
    assert {(m.name, m.as_needed, m.dose_amount, m.name_en) for m in medicines} == {
        ("Hydrocortison", False, None, ""), ("Solu-Cortef", False, None, "")}


@pytest.mark.parametrize("field, value, message", [
    ("text_language", "fr", "the record's language is not nl or en"),
    ("as_needed", 2, "as_needed (invalid_choice)"),
    ("dose_amount", 1e-9, "dose_amount (invalid_number)"),
])
def test_bad_schema_5_values_are_explained_and_change_nothing(session, services, second_record, field, value,
                                                              message):
    fill_every_section(session, services)
    doc = exporter.export_record(session)
    if field == "text_language":
        doc["person"][field] = value
    else:
        doc["sections"]["medications"][0][field] = value
    with pytest.raises(InvalidImport, match=re.escape(message)):
        importer.import_record(second_record, exporter.dumps(doc))
    assert RecordServicesOf(second_record).medications.count() == 0


def RecordServicesOf(session):  # noqa: N802 - reads like the class it builds
    from phr.record.services import RecordServices
    return RecordServices(session)
