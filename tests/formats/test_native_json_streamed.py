"""Regie's own JSON file written in parts (issue 20): the same document as export_record, its readings streamed
from the record a chunk at a time in the order of_batch gives (the memory bound itself:
tests/reliability/test_bounded_memory.py)."""

import json
import math
import random
from datetime import datetime, timedelta, timezone

import pytest

from phr.formats.native import write as exporter
from phr.imports.devices.model import ParsedReading
from phr.storage.repos.readings import ReadingRepository
from phr.storage.streams import readings as reading_stream

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
START = int(datetime(2026, 3, 1, tzinfo=timezone.utc).timestamp())


def store(services, readings, detail="file.csv"):
    with services.readings.writing("device_import", detail) as writer:
        writer.add(readings)


def test_the_streamed_file_is_the_document_export_record_gives(sample_services, tmp_path):
    session = sample_services.session
    out = tmp_path / "record.json"
    exporter.write_export(session, out, NOW)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == exporter.export_record(session, NOW)
    assert written["reading_batches"] and written["reference_ranges"]    # the sample has both to compare
    rows = sum(len(batch["readings"]) for batch in written["reading_batches"])
    assert out.read_text(encoding="utf-8").count("\n") < rows + 5000     # a reading row is one line


def test_a_batch_streams_in_the_order_of_batch_gives_across_measures_and_batches(services):
    """Readings of two measures in one batch, another batch in the same span, a deleted one: chunks of 3."""
    store(services, [ParsedReading("glucose", START + 300 * i, 60, 5.0 + i % 7, method="sensor") for i in range(40)])
    mixed = [ParsedReading("glucose" if i % 3 else "weight", START + 600 * i + (0 if i % 5 else 300), 60,
                           70.0 + i if i % 3 == 0 else 6.5, method="" if i % 3 == 0 else "sensor", note=f"n{i}")
             for i in range(25)]
    store(services, mixed + [ParsedReading("glucose", START + 600 * 4, 60, 9.9, method="scan")], "second.csv")
    repo = ReadingRepository(services.session.db)
    gone = services.readings.page("weight", 0, 1)[0]
    services.readings.delete(gone.id)
    spans = reading_stream.batch_spans(services.session.db)
    for batch in repo.batches():
        expected = repo.of_batch(batch["id"])
        assert list(reading_stream.batch_readings(services.session.db, batch["id"], spans, chunk=3)) == expected
        assert expected


def test_rows_whose_text_holds_the_cut_between_rows_stay_whole(session, services, tmp_path):
    notes = ["], [", "a\nb", 'quote " and ], [ twice ], [', "ß ë 😀", ""]
    store(services, [ParsedReading("glucose", START + 300 * i, 60, 6.0, method="sensor", note=notes[i % 5])
                     for i in range(12)])
    out = tmp_path / "record.json"
    exporter.write_export(session, out, NOW)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == exporter.export_record(session, NOW)
    assert [row[8] for row in written["reading_batches"][0]["readings"]] == [notes[i % 5] or None for i in range(12)]


def test_a_reading_that_is_not_finite_is_named_and_nothing_is_written(session, services, tmp_path):
    store(services, [ParsedReading("glucose", START + 300 * i, 60, 6.0, method="sensor") for i in range(7)])
    [batch] = ReadingRepository(session.db).batches()
    with session.db.transaction():
        session.db.execute("UPDATE readings SET value = ? WHERE taken_at = ?", (math.inf, START + 300 * 4))
    out = tmp_path / "record.json"
    with pytest.raises(exporter.NotFiniteNumber, match="reading_batches, entry 1, readings, entry 5, value"):
        exporter.write_export(session, out, NOW)
    assert [path.name for path in tmp_path.iterdir() if path.name != "record.regie"] == []   # no part of a file
    assert batch["id"]


def test_iso_moments_are_what_isoformat_writes():
    moments, chance = reading_stream.IsoMoments(), random.Random(20)
    for _ in range(20_000):
        epoch = chance.randrange(-2_000_000_000, 5_000_000_000)
        offset = chance.choice([0, 60, 120, -300, 330, -570, 345, 840, -720])
        assert moments(epoch, offset) == datetime.fromtimestamp(epoch, timezone(timedelta(minutes=offset))).isoformat()
