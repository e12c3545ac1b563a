"""Regie's own JSON, version 5 (issue 15): vaccinations, procedures, lab measures and the reference ranges of lab
results travel exactly; an older file still imports; a damaged range or a value against the rules imports nothing."""

import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from conftest import PASSPHRASE

from phr.core.entries import import_stamp
from phr.formats.native import read as importer
from phr.formats.native import write as exporter
from phr.formats.native.read import InvalidImport
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.record.codings import Coding
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination
from phr.record.services import RecordServices

SNOMED, CVX = "http://snomed.info/sct", "http://hl7.org/fhir/sid/cvx"
SUMMER, WINTER = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))
FILE = "uitslagen-umc.json"


@pytest.fixture
def second(tmp_path, create_fast):
    created = create_fast(tmp_path / "second.regie", "Zoë Ünal", PASSPHRASE)
    yield RecordServices(created.session)
    created.session.lock()


def without_time(doc: dict) -> dict:
    return {key: value for key, value in doc.items() if key != "exported_at"}


def fill(services: RecordServices) -> str:
    """Vaccinations, procedures and a lab measure with results: below, within and above their ranges, one with
    the lab's words only and one without a range. Returns the lab measure's key."""
    services.vaccinations.add(Vaccination(vaccine="Comirnaty", given_on="2021-06-14", dose_number=1, against="COVID-19",
                                          given_by="GGD", lot_number="FE1234", codes=(Coding(CVX, "208"),)))
    services.vaccinations.add(Vaccination(vaccine="BMR", given_on="1992-06", dose_number=1,
                                          given_by="consultatiebureau"))
    services.procedures.add(Procedure(name="Appendectomie", performed_on="2008-09", place="Ziekenhuis",
                                      notes="Stressdosis hydrocortison rond de narcose",
                                      codes=(Coding(SNOMED, "80146002", "Appendectomy"),)))
    session = services.session
    with session.db.transaction():
        stamp = import_stamp(session, "fhir_import", FILE)
        sodium = services.lab_results.lab_measure("2951-2", "mmol/L", "Natrium", 0, stamp).key
        services.lab_results.add_results([
            LabResult(sodium, datetime(2025, 3, 30, 8, 30, tzinfo=SUMMER), 131, ReferenceRange(135, 145)),
            LabResult(sodium, datetime(2025, 10, 26, 2, 30, tzinfo=WINTER), 139, ReferenceRange(135, 145)),
            LabResult(sodium, datetime(2026, 1, 5, 8, 30, tzinfo=WINTER), 147, ReferenceRange(135, 145, "135 - 145")),
            LabResult(sodium, datetime(2026, 2, 5, 8, 30, tzinfo=WINTER), 140, ReferenceRange(text="zie brief")),
            LabResult(sodium, datetime(2026, 3, 5, 8, 30, tzinfo=WINTER), 138),
        ], "fhir_import", FILE)
    return sodium


def results(services: RecordServices, key: str) -> list[tuple]:
    return [(r.taken_at, r.value, r.reference, r.position) for r in services.lab_results.results(key)]


def test_vaccinations_procedures_and_lab_results_with_their_ranges_travel_exactly(session, services, second):
    key = fill(services)
    first = exporter.export_record(session)
    assert first["version"] == 6
    [covid, _] = first["sections"]["vaccinations"]
    assert covid["codes"] == [{"system": CVX, "code": "208", "display": ""}] and covid["dose_number"] == 1
    [measure] = first["sections"]["measures"]
    assert (measure["category"], measure["loinc"], measure["unit"]) == ("lab", "2951-2", "mmol/L")
    # A range is written with its reading's own time, offset and all.
    at_of_readings = {row[0] for batch in first["reading_batches"] for row in batch["readings"]}
    assert len(first["reference_ranges"]) == 4 and {r["at"] for r in first["reference_ranges"]} <= at_of_readings
    assert first["reference_ranges"][0] == {"measure": key, "at": "2025-03-30T08:30:00+02:00", "low": 135,
                                            "high": 145, "text": None}

    summary = importer.import_record(second.session, exporter.dumps(first))

    assert (summary.added["vaccinations"], summary.added["procedures"], summary.added["reference_ranges"]) == (2, 1, 4)
    assert without_time(exporter.export_record(second.session)) == without_time(first)
    assert results(second, key) == results(services, key)
    assert [p.value for p in (r[3] for r in results(second, key))] == ["", "", "above", "within", "below"]
    [lab] = second.lab_results.lab_measures()
    assert (lab.key, lab.loinc, lab.is_lab) == (key, "2951-2", True)
    [procedure] = second.procedures.all()
    assert procedure.codes == (Coding(SNOMED, "80146002", "Appendectomy"),)


def test_a_second_import_adds_nothing_and_keeps_the_ranges_the_record_holds(session, services, second):
    fill(services)
    doc = exporter.export_record(session)
    importer.import_record(second.session, exporter.dumps(doc))
    before = exporter.export_record(second.session)
    doc["reference_ranges"][0].update(low=100, high=200)  # the same result, another range: the record's stands
    again = importer.import_record(second.session, exporter.dumps(doc))
    assert again.added == {} and again.already_present["reference_ranges"] == 4
    assert without_time(exporter.export_record(second.session)) == without_time(before)


def as_version_4(doc: dict) -> dict:
    """The file as version 4 wrote it: no vaccinations, procedures, measure category or LOINC, no ranges."""
    doc["version"] = 4
    for name in ("vaccinations", "procedures"):
        del doc["sections"][name]
    for measure in doc["sections"]["measures"]:
        del measure["category"], measure["loinc"]
    del doc["reference_ranges"]
    return doc


def test_a_version_4_file_still_imports_with_the_defaults_of_what_it_lacks(session, services, second):
    key = fill(services)
    summary = importer.import_record(second.session, exporter.dumps(as_version_4(exporter.export_record(session))))
    assert summary.added["readings"] == 5 and "reference_ranges" not in summary.added
    assert second.vaccinations.all() == [] and second.procedures.all() == []
    [measure] = second.measures.all()
    assert (measure.key, measure.category, measure.loinc) == (key, "self", "")
    assert {r[3].value for r in results(second, key)} == {""}  # no range came, so no position is claimed


@pytest.mark.parametrize("how, message", [
    (lambda d: d["reference_ranges"][0].update(at="2024-01-01T08:00:00+01:00"), "belongs to no reading"),
    (lambda d: d["reference_ranges"][0].update(measure="glucose"), "belongs to no reading"),
    (lambda d: d["reference_ranges"][0].update(at="2025-03-30T08:30:00"), "range 1 is not described"),
    (lambda d: d["reference_ranges"][0].update(low="135"), "a limit is not a number"),
    (lambda d: d["reference_ranges"][0].update(high=float("nan")), "a limit is not a number"),
    (lambda d: d["reference_ranges"][0].update(low=None, high=None, text=""), "says nothing"),
    (lambda d: d["reference_ranges"][0].update(text=7), "its text is not text"),
    (lambda d: d["reference_ranges"][0].update(colour="red"), "range 1 is not described"),
    (lambda d: d["reference_ranges"].append(dict(d["reference_ranges"][0])), "a second range for one reading"),
    (lambda d: d.update(reference_ranges={}), "not a list"),
    (lambda d: d["sections"]["vaccinations"][0].update(dose_number=0), "dose_number (invalid_number)"),
    (lambda d: d["sections"]["vaccinations"][0].update(dose_number="1"), "dose_number has the wrong type"),
    (lambda d: d["sections"]["vaccinations"][0].update(given_on="juni 2021"), "given_on is not a date"),
    (lambda d: d["sections"]["vaccinations"][0].update(vaccine=""), "vaccine (required)"),
    (lambda d: d["sections"]["procedures"][0].update(performed_on="2008-13"), "performed_on is not a date"),
    (lambda d: d["sections"]["procedures"][0].update(codes=[{"system": SNOMED}]), "codes is not a list of codes"),
    (lambda d: d["sections"]["measures"][0].update(category="doctor"), "category (invalid_choice)"),
])
def test_a_damaged_range_or_a_value_against_the_rules_imports_nothing(session, services, second, how, message):
    fill(services)
    doc = exporter.export_record(session)
    how(doc)
    with pytest.raises(InvalidImport, match=re.escape(message)):
        importer.import_record(second.session, json.dumps(doc).encode())
    assert second.vaccinations.all() == [] and second.measures.all() == [] and second.lab_results.every_range() == []
