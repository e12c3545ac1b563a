"""Regie's own JSON, version 4 (issue 15): the statements 'no known medicines' and 'no known diagnoses', the codes
another system gave an entry (a list in the file), allergy criticality and medicines ended on a day not known."""

import json

import pytest
from conftest import PASSPHRASE

from phr.formats.native import read as importer
from phr.formats.native import schema
from phr.formats.native import write as exporter
from phr.formats.native.read import InvalidImport
from phr.record.codings import ICD10_CM, Coding
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import LISTED, NONE_KNOWN, UNKNOWN, Allergy
from phr.record.services import RecordServices

SNOMED = "http://snomed.info/sct"


@pytest.fixture
def second(tmp_path, create_fast):
    created = create_fast(tmp_path / "second.regie", "Zoë Ünal", PASSPHRASE)
    yield RecordServices(created.session)
    created.session.lock()


def without_time(doc: dict) -> dict:
    return {key: value for key, value in doc.items() if key != "exported_at"}


def test_codes_criticality_and_an_ended_medicine_travel_exactly(session, services, second):
    services.diagnoses.add(Diagnosis(name="Diabetes", icd10="E11.9", codes=(
        Coding(ICD10_CM, "E11.9"), Coding(SNOMED, "44054006", "Diabetes mellitus type 2"))))
    services.medications.add(Medication(name="Amoxicilline", ended=True, codes=(Coding("http://www.whocc.no/atc",
                                                                                        "J01CA04"),)))
    services.allergies.add(Allergy(substance="Penicilline", criticality="high", codes=(Coding(SNOMED, "764146007"),)))
    first = exporter.export_record(session)
    assert first["version"] == schema.VERSION >= 4
    diabetes = first["sections"]["diagnoses"][0]
    assert diabetes["codes"] == [{"system": ICD10_CM, "code": "E11.9", "display": ""},
                                 {"system": SNOMED, "code": "44054006", "display": "Diabetes mellitus type 2"}]
    assert first["person"]["medication_statement"] == "unknown"  # an ended medicine is not one in use
    importer.import_record(second.session, exporter.dumps(first))
    assert without_time(exporter.export_record(second.session)) == without_time(first)
    [medicine] = second.medications.all()
    assert medicine.ended and medicine not in second.medications.current()
    assert second.allergies.all()[0].criticality == "high"


def test_the_statements_travel_and_never_contradict_the_records_list(session, services, second):
    services.person.state_no_known_medications()
    services.person.state_no_known_problems()
    doc = exporter.export_record(session)
    assert (doc["person"]["medication_statement"], doc["person"]["problem_statement"]) == ("none_known", "none_known")
    importer.import_record(second.session, exporter.dumps(doc))
    assert (second.person.medication_statement(), second.person.problem_statement()) == (NONE_KNOWN, NONE_KNOWN)
    second.medications.add(Medication(name="Hydrocortison"))  # a medicine in use ends the statement
    assert second.person.medication_statement() == LISTED


def test_a_file_saying_none_known_does_not_fill_a_record_that_lists_medicines(session, services, second):
    services.person.state_no_known_medications()
    doc = exporter.export_record(session)
    second.medications.add(Medication(name="Hydrocortison"))
    second.medications.stop(second.medications.all()[0].id, "2020-01-01")  # now nothing in use, nothing stated
    second.medications.add(Medication(name="Fludrocortison"))
    importer.import_record(second.session, exporter.dumps(doc))
    second.medications.stop(next(m.id for m in second.medications.all() if m.name == "Fludrocortison"), "2021-01")
    assert second.person.medication_statement() == UNKNOWN  # the file's 'none' was not taken beside the list


@pytest.mark.parametrize("codes", ["[]", [{"system": "x"}], [{"system": "", "code": "1"}], [["x", "1"]],
                                   [{"system": "x", "code": "1", "extra": "?"}]])
def test_codes_that_are_not_a_list_of_codes_are_refused_and_nothing_is_imported(session, services, second, codes):
    services.diagnoses.add(Diagnosis(name="Diabetes", codes=(Coding(SNOMED, "44054006"),)))
    doc = exporter.export_record(session)
    doc["sections"]["diagnoses"][0]["codes"] = codes
    with pytest.raises(InvalidImport, match="codes"):
        importer.import_record(second.session, json.dumps(doc).encode())
    assert second.diagnoses.all() == []


def test_a_statement_that_is_no_statement_is_refused(session, second):
    doc = exporter.export_record(session)
    doc["person"]["problem_statement"] = "maybe"
    with pytest.raises(InvalidImport, match="statement"):
        importer.import_record(second.session, json.dumps(doc).encode())


def test_a_version_3_file_imports_with_unknown_statements_and_no_codes(session, services, second):
    services.diagnoses.add(Diagnosis(name="Diabetes"))
    services.allergies.add(Allergy(substance="Noten"))
    doc = exporter.export_record(session)
    doc["version"] = 3
    for name in ("medication_statement", "problem_statement"):
        del doc["person"][name]
    for section, columns in (("diagnoses", ("codes",)), ("allergies", ("codes", "criticality"))):
        for entry in doc["sections"][section]:
            for column in columns:
                del entry[column]
    importer.import_record(second.session, json.dumps(doc).encode())
    [diagnosis], [allergy] = second.diagnoses.all(), second.allergies.all()
    assert (diagnosis.codes, allergy.codes, allergy.criticality) == ((), (), "")
    assert second.person.problem_statement() == LISTED and second.person.medication_statement() == UNKNOWN
