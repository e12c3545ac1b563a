"""Regie's own JSON file read from its path in passes (issue 20): the rows checked in one pass and written a chunk
at a time in another, all or nothing; a file that changes in between, or whose batches are given twice, is
refused; the limits hold for a file too large to be read whole."""

import json

import pytest

from phr.formats.native import read as importer
from phr.formats.native import read_check, read_readings, read_stream
from phr.formats.native.read import InvalidImport
from phr.formats.native.schema import READING_COLUMNS
from phr.record.services import RecordServices

SENSOR = 10


def _row(minute, measure="glucose", value=5.4, method="sensor", note=None, changed_at=None):
    return [f"2026-03-01T08:{minute:02d}:00+01:00", measure, value, None, None, "", method, "", note, changed_at,
            "owner" if changed_at else None, 0]


def _document(name, sensor=None, typed=None):
    batch = {"entered_by": "owner", "source_detail": None, "created_at": "2026-03-02T08:00:00+00:00"}
    diary = [{"uid": "d1", "written_at": "2026-03-01T20:15", "kind": "note", "text": "Een dag.",
              "provenance": {"entered_by": "owner", "changed_by": "owner", "source": "typed", "source_detail": None,
                             "created_at": "2026-03-01T20:15:00+00:00", "changed_at": "2026-03-01T20:15:00+00:00"}}]
    return {"format": "regie-record", "version": 6, "person": {"name": name}, "sections": {"diary": diary},
            "reading_columns": READING_COLUMNS,
            "reading_batches": [
                {**batch, "uid": "s" * 32, "source": "device_import",
                 "readings": sensor if sensor is not None else [_row(m) for m in range(SENSOR)]},
                {**batch, "uid": "t" * 32, "source": "typed",
                 "readings": typed if typed is not None else [
                     _row(1, "weight", 71.5, ""), _row(2, "weight", 71.0, "", "a note", "2026-03-03T08:00:00+00:00")]}],
            "reference_ranges": [], "authors": [{"ref": "owner", "role": "owner", "name": name}]}


@pytest.fixture
def services(session, monkeypatch):
    monkeypatch.setattr(read_readings, "CHUNK", 4)  # the sensor batch in three chunks
    return RecordServices(session)


def _file(tmp_path, doc, text=None):
    path = tmp_path / "record.json"
    path.write_text(text if text is not None else json.dumps(doc, indent=1))
    return path


def _readings(services):
    return services.session.db.integer("SELECT count(*) FROM readings")


def test_a_file_from_its_path_is_written_in_chunks_with_its_corrections_and_progress(services, tmp_path):
    path = _file(tmp_path, _document(services.person.get().name))
    told = []
    summary = importer.import_record(services.session, path, lambda done, total: told.append((done, total)))
    assert summary.added == {"diary": 1, "readings": SENSOR + 2}
    assert _readings(services) == SENSOR + 2
    changed = services.session.db.query("SELECT note, changed_at FROM readings WHERE changed_at IS NOT NULL")
    assert [tuple(row) for row in changed] == [("a note", "2026-03-03T08:00:00+00:00")]
    total = 2 * (1 + SENSOR + 2)  # the entry and each row, checked and written
    assert told[-1] == (total, total) and all(t == total for _, t in told)
    dones = [done for done, _ in told]
    assert dones == sorted(dones) and any(done < SENSOR + 2 for done in dones)  # told while the rows are checked
    again = importer.import_record(services.session, path)
    assert again.added == {} and again.already_present == {"diary": 1, "readings": SENSOR + 2}
    assert _readings(services) == SENSOR + 2


def test_a_bad_row_in_a_later_batch_is_named_and_nothing_is_imported(services, tmp_path):
    bad = [_row(1, "weight", 71.5, ""), _row(2, "weight", 71.0, ""), _row(3, "no such measure", 1.0, "")]
    path = _file(tmp_path, _document(services.person.get().name, typed=bad))
    with pytest.raises(InvalidImport, match="reading batch 2, reading 3: unknown measure"):
        importer.import_record(services.session, path)
    assert _readings(services) == 0 and services.diary.all() == []


def test_a_file_whose_reading_batches_are_given_twice_is_refused(services, tmp_path):
    text = json.dumps(_document(services.person.get().name))
    batches = text[text.index('"reading_batches"'):text.index(', "reference_ranges"')]
    path = _file(tmp_path, None, text.replace('"reference_ranges"', batches + ', "reference_ranges"'))
    with pytest.raises(InvalidImport, match="reading batches are not as Regie writes them"):
        importer.import_record(services.session, path)
    assert _readings(services) == 0


def test_a_file_changed_between_its_passes_is_refused_and_nothing_is_imported(services, tmp_path):
    doc = _document(services.person.get().name)
    path = _file(tmp_path, doc)
    other = json.dumps(doc, indent=1).replace("5.4", "9.9", 1)  # a reading's value

    def change_it(done, total):
        path.write_text(other)  # the same length: only the checksum tells

    with pytest.raises(InvalidImport, match="changed while it was being imported"):
        importer.import_record(services.session, path, change_it)
    assert _readings(services) == 0 and services.diary.all() == []


def test_a_byte_order_mark_is_read_past(services, tmp_path):
    path = tmp_path / "record.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_document(services.person.get().name)).encode())
    assert importer.import_record(services.session, path).added["readings"] == SENSOR + 2


def test_a_file_too_large_to_read_whole_keeps_the_limits(services, tmp_path, monkeypatch):
    """Above WHOLE_BYTES a lone surrogate is found by a pass of its own; NaN, which ijson's C parser refuses, is
    not valid JSON; nesting too deep is refused while the rows are counted."""
    monkeypatch.setattr(read_stream, "WHOLE_BYTES", 10)
    name = services.person.get().name
    surrogate = _file(tmp_path, None, json.dumps(_document(name, typed=[_row(1, "weight", 71.5, "", "x\ud800")])))
    with pytest.raises(InvalidImport, match="reading batch 2, reading 1, field note, holds a character"):
        importer.import_record(services.session, surrogate)
    nan = _file(tmp_path, None, json.dumps(_document(name, typed=[_row(1, "weight", float("nan"), "")])))
    with pytest.raises(InvalidImport, match="not valid JSON"):
        importer.import_record(services.session, nan)
    deep = _document(name, typed=[_row(1, "weight", 71.5, "", note=None)])
    deep["reading_batches"][1]["readings"][0][8] = json.loads("[" * 30 + "]" * 30)
    with pytest.raises(InvalidImport, match="nested deeper"):
        importer.import_record(services.session, _file(tmp_path, deep))
    assert _readings(services) == 0


# -- care entries, read in passes like the rows -------------------------------------------------------------------

def _provenance():
    return {"entered_by": "owner", "changed_by": "owner", "source": "typed", "source_detail": None,
            "created_at": "2026-03-01T08:00:00+00:00", "changed_at": "2026-03-01T08:00:00+00:00"}


def _visit_with_question(services):
    doc = _document(services.person.get().name)
    doc["sections"] = {
        "appointments": [{"uid": "a1", "starts_at": "2026-04-01T10:00", "location": "Zuiderhaven",
                          "purpose": "Controle", "provenance": _provenance()}],
        "questions": [{"uid": "q1", "appointment_id": "a1", "position": 1, "text": "Mag ik sporten?",
                       "answered": 0, "provenance": _provenance()}],
        "diary": doc["sections"]["diary"]}
    return doc


def test_entries_are_written_a_batch_at_a_time_with_their_links(services, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 2)
    monkeypatch.setattr(read_check, "CHECKED_STEP", 2)
    doc = _visit_with_question(services)
    doc["sections"]["diary"] = [{**doc["sections"]["diary"][0], "uid": f"d{n}", "text": f"Dag {n}."} for n in range(5)]
    told = []
    summary = importer.import_record(services.session, _file(tmp_path, doc), lambda done, total: told.append(done))
    assert told[:4] == [2, 4, 6, 7], "progress moves while the entries are checked"
    assert told[-1] == 2 * (7 + SENSOR + 2) and told == sorted(told)
    assert summary.added == {"appointments": 1, "questions": 1, "diary": 5, "readings": SENSOR + 2}
    [visit] = services.appointments.all()
    assert [q.text for q in services.appointments.questions(visit.id)] == ["Mag ik sporten?"]
    assert sorted(entry.text for entry in services.diary.all()) == [f"Dag {n}." for n in range(5)]


def test_sections_out_of_link_order_are_written_in_link_order(services, tmp_path):
    """A file not written by Regie may give a question before its appointment: each section gets a pass."""
    doc = _visit_with_question(services)
    sections = doc["sections"]
    doc["sections"] = {"diary": sections["diary"], "questions": sections["questions"],
                       "appointments": sections["appointments"]}
    summary = importer.import_record(services.session, _file(tmp_path, doc))
    assert summary.added == {"appointments": 1, "questions": 1, "diary": 1, "readings": SENSOR + 2}
    [visit] = services.appointments.all()
    assert [q.text for q in services.appointments.questions(visit.id)] == ["Mag ik sporten?"]


def test_a_section_given_twice_is_refused(services, tmp_path):
    text = json.dumps(_document(services.person.get().name))
    diary = text[text.index('"diary"'):text.index(', "reading_columns"') - 1]
    path = _file(tmp_path, None, text.replace('"sections": {', '"sections": {' + diary + ', ', 1))
    with pytest.raises(InvalidImport, match="a section is in it twice"):
        importer.import_record(services.session, path)
    assert services.diary.all() == [] and _readings(services) == 0


def test_an_entry_changed_after_it_was_checked_is_refused(services, tmp_path):
    doc = _document(services.person.get().name)
    path = _file(tmp_path, doc)
    other = json.dumps(doc, indent=1).replace("Een dag.", "Een nag.")  # the same length: only the checksum tells

    def change_it(done, total):
        path.write_text(other)

    with pytest.raises(InvalidImport, match="changed while it was being imported"):
        importer.import_record(services.session, path, change_it)
    assert services.diary.all() == [] and _readings(services) == 0
