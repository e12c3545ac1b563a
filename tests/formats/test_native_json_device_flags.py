"""Regie's own JSON format (version 6): a reading's device flags (an OMRON monitor's irregular heartbeat,
possible AFib, body movement, cuff fit) travel exactly; a file from before version 6 imports without flags."""

import json

import pytest
from conftest import PASSPHRASE
from locations import DATA

from phr.core.vocabulary import DeviceFlag
from phr.formats.native import read as importer
from phr.formats.native import write as exporter
from phr.formats.native.read import InvalidImport
from phr.imports import device_import

OMRON = DATA / "devices" / "omron_report_eu_flags.csv"


def bp_rows(doc: dict) -> list[list]:
    return [row for batch in doc["reading_batches"] for row in batch["readings"] if row[1] == "bp"]


def flags_in(session) -> list[tuple]:
    return session.db.query("SELECT value, device_flags FROM readings "
                            "WHERE measure_id = (SELECT id FROM reading_measures WHERE key = 'bp') ORDER BY value")


@pytest.fixture
def second_record(tmp_path, create_fast):
    created = create_fast(tmp_path / "second.regie", "Zoë Ünal", PASSPHRASE)
    yield created.session
    created.session.lock()


@pytest.fixture
def with_flags(session, services):
    device_import.import_file(services, OMRON.read_bytes(), OMRON.name)
    return exporter.export_record(session)


def test_device_flags_travel_exactly(session, with_flags, second_record):
    doc = with_flags
    assert doc["version"] == 6 and doc["reading_columns"][-1] == "device_flags"
    assert sorted((row[2], row[-1]) for row in bp_rows(doc)) == [
        (116, 0), (126, DeviceFlag.BODY_MOVEMENT | DeviceFlag.CUFF_FIT),
        (128, DeviceFlag.IRREGULAR_HEARTBEAT | DeviceFlag.POSSIBLE_AFIB)]
    importer.import_record(second_record, exporter.dumps(doc))
    assert flags_in(second_record) == flags_in(session) == [(116.0, 0), (126.0, 12), (128.0, 3)]
    assert exporter.export_record(second_record)["reading_batches"] == doc["reading_batches"]


def test_a_version_5_file_imports_its_readings_without_flags(with_flags, second_record):
    doc = json.loads(exporter.dumps(with_flags))
    doc["version"] = 5
    doc["reading_columns"] = doc["reading_columns"][:-1]
    for batch in doc["reading_batches"]:
        batch["readings"] = [row[:-1] for row in batch["readings"]]
    assert importer.import_record(second_record, json.dumps(doc).encode()).added["readings"] == 3
    assert flags_in(second_record) == [(116.0, 0), (126.0, 0), (128.0, 0)]


@pytest.mark.parametrize("bits", [16, -1, "3", True, None])
def test_unknown_device_flags_are_refused_and_change_nothing(with_flags, second_record, bits):
    doc = json.loads(exporter.dumps(with_flags))
    bp_rows(doc)[0][-1] = bits
    with pytest.raises(InvalidImport, match="unknown device flags"):
        importer.import_record(second_record, json.dumps(doc).encode())
    assert second_record.db.query("SELECT count(*) FROM readings") == [(0,)]
