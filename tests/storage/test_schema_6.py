"""Schema 6 (issue 15): an upgraded record says what it knows about its lists, keeps codes as JSON lists only, and a
medicine ended on a day not known is a past one in the queries the app and the exports use."""

import shutil
from dataclasses import replace
from datetime import date

import pytest
from conftest import PASSPHRASE
from locations import FIXTURES

from phr.access import records
from phr.core.errors import ConstraintViolation
from phr.record.codings import ICD10_CM, Coding
from phr.record.medications import Medication
from phr.record.person import LISTED
from phr.record.services import RecordServices
from phr.storage.repos.medications import MedicationRepository

TODAY = date(2026, 11, 22)


@pytest.fixture
def upgraded(tmp_path):
    """The schema 5 fixture (the sample record), upgraded."""
    folder = tmp_path / "v5"
    shutil.copytree(FIXTURES / "schema_v5", folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    yield RecordServices(session)
    session.lock()


def test_an_upgraded_record_derives_its_statements_from_its_lists(upgraded):
    row = upgraded.session.db.query_one("SELECT medication_statement, problem_statement FROM person")
    assert row == ("unknown", "unknown")  # nothing was stated before schema 6 ...
    assert upgraded.person.medication_statement(TODAY) == upgraded.person.problem_statement() == LISTED  # ... lists
    assert all(d.codes == () for d in upgraded.diagnoses.all())
    assert all(not m.ended for m in upgraded.medications.all())
    assert [a.criticality for a in upgraded.allergies.all()] == [""]


def test_codes_are_stored_as_a_json_list_and_nothing_else(upgraded):
    db = upgraded.session.db
    upgraded.diagnoses.update(replace(upgraded.diagnoses.all()[0], codes=(Coding(ICD10_CM, "E25.0"),)))
    stored = db.query_one("SELECT codes FROM diagnoses WHERE codes IS NOT NULL")[0]
    assert stored == '[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E25.0","display":""}]'
    for bad in ("not json", '{"system": "x"}'):
        with pytest.raises(ConstraintViolation):
            with db.transaction():
                db.execute("UPDATE diagnoses SET codes = ?", (bad,))


def test_an_ended_medicine_is_past_for_the_queries(upgraded):
    item_id = upgraded.medications.add(Medication(name="Amoxicilline", start_date="2019-06", ended=True)).item_id
    repo = MedicationRepository(upgraded.session.db)
    assert item_id not in [row["id"] for row in repo.current(TODAY.isoformat())]
    assert item_id in [row["id"] for row in repo.past(TODAY.isoformat())]


def test_the_schema_6_fixture_holds_what_schema_6_added(tmp_path):
    folder = tmp_path / "v6"
    shutil.copytree(FIXTURES / "schema_v6", folder)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        services = RecordServices(session)
        cah = next(d for d in services.diagnoses.all() if d.orpha_code == 90794)
        assert Coding(ICD10_CM, "E25.0") in cah.codes
        assert services.allergies.all()[0].criticality == "high"
        [ended] = [m for m in services.medications.all() if m.ended]
        assert (ended.name, ended.stop_date) == ("Amoxicilline", "")
    finally:
        session.lock()
