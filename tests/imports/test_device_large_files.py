"""A device file too large to hold at once is read from its path in blocks (pipeline.text_of,
decode.decode_path, records._streamed_lines): it must give exactly what reading it at once gives.

The threshold is lowered here so that small files take the large-file way; each file is read both
ways and the readings, notes and skipped rows compared, for the things a block boundary or a
first-megabyte decision could get wrong: line ends of every kind (mixed too), UTF-16, a byte that
is not UTF-8 far after the first megabyte, quoted notes over several lines, a date order that only
the end of the file shows, and real-world files of every layout.
"""

import codecs
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from phr.imports.devices import decode, pipeline
from phr.imports.devices.model import NotThisFormat
from phr.imports.devices.times import DateOrderUnknown
from tests.locations import REAL_WORLD


@pytest.fixture
def large(monkeypatch):
    monkeypatch.setattr(pipeline, "IN_MEMORY_BYTES", 0)


def both_ways(tmp_path: Path, data: bytes, *args, **kwargs):
    file = tmp_path / "device.csv"
    file.write_bytes(data)
    at_once = pipeline.read_file(data, *args, **kwargs)
    in_blocks = pipeline.read_file(file, *args, **kwargs)
    return at_once, in_blocks


def same(at_once, in_blocks) -> None:
    assert list(in_blocks.readings) == list(at_once.readings)
    assert in_blocks.notes == at_once.notes
    assert in_blocks.skipped == at_once.skipped


def sensor_lines(count: int, start=datetime(2025, 3, 1), fmt="%Y-%m-%d %H:%M") -> list[str]:
    return [f"{start + timedelta(minutes=5 * i):{fmt}},{5 + i % 50 / 10:.1f}" for i in range(count)]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_kind_of_line_end(large, tmp_path, end):
    data = end.join(["time,value", *sensor_lines(30000)]).encode() + end.encode()
    at_once, in_blocks = both_ways(tmp_path, data, "csv", "glucose")
    assert len(at_once.readings) == 30000 - 12   # the spring hour's 12 readings do not exist
    same(at_once, in_blocks)


def test_mixed_line_ends_and_no_end_on_the_last_line(large, tmp_path):
    lines = ["time,value", *sensor_lines(20000)]
    data = ("\r\n".join(lines[:5000]) + "\n" + "\n".join(lines[5000:15000]) + "\r" + "\r".join(lines[15000:])).encode()
    at_once, in_blocks = both_ways(tmp_path, data, "csv", "glucose")
    assert len(at_once.readings) == 20000 - 12
    same(at_once, in_blocks)


def test_utf16_with_and_without_byte_order_mark(large, tmp_path):
    text = "\r\n".join(["time\tvalue", *[line.replace(",", "\t") for line in sensor_lines(40000)]]) + "\r\n"
    for data in (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), text.encode("utf-16-be")):
        at_once, in_blocks = both_ways(tmp_path, data, "csv", mapping=None, measure="glucose")
        assert len(at_once.readings) == 40000 - 12
        same(at_once, in_blocks)


def test_a_windows_byte_after_the_first_megabyte_makes_the_whole_file_windows_1252(large, tmp_path):
    lines = ["time,value,note", *[line + "," for line in sensor_lines(60000)]]
    lines[-1] = lines[-1] + "caf\xe9"
    data = "\n".join(lines).encode("windows-1252")
    assert len(data) > decode.HEAD_BYTES and data[:decode.HEAD_BYTES].decode("utf-8")   # the start is UTF-8
    at_once, in_blocks = both_ways(tmp_path, data, "csv", "glucose")
    assert [r.note for r in in_blocks.readings if r.note] == ["café"]
    same(at_once, in_blocks)


def test_quoted_notes_over_several_lines_across_blocks(large, tmp_path):
    lines = ["time,value,note"]
    for i, line in enumerate(sensor_lines(20000)):
        lines.append(line + (',"a note\nover two lines, with a comma"' if i % 997 == 0 else ","))
    lines.insert(9000, '2025-03-20 10:00,5.0,"a quote never closed')
    data = ("\n".join(lines) + "\n").encode()
    at_once, in_blocks = both_ways(tmp_path, data, "csv", "glucose")
    assert sum(1 for r in at_once.readings if r.note) == 21
    assert any(row.reason == "bad_row" for row in at_once.skipped)
    same(at_once, in_blocks)


def test_the_date_order_shown_only_at_the_end_of_the_file(large, tmp_path):
    # Day-first dates whose days stay at 12 or below until the last rows, far past the first megabyte.
    lines = ["time,value"] + [f"{d:02d}-{m:02d}-2025 {h:02d}:{mi:02d},5.5"
                              for m in range(1, 13) for d in range(1, 13) for h in range(24) for mi in range(0, 60, 3)]
    lines.append("25-12-2025 08:00,6.1")
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > decode.HEAD_BYTES
    at_once, in_blocks = both_ways(tmp_path, data, "csv", "glucose")
    assert in_blocks.readings and list(in_blocks.readings)[-1].taken_at.day == 25
    same(at_once, in_blocks)
    assert not pipeline.date_order_needed(tmp_path / "device.csv")
    (tmp_path / "device.csv").write_bytes(("\n".join(lines[:-1]) + "\n").encode())
    assert pipeline.date_order_needed(tmp_path / "device.csv")
    with pytest.raises(DateOrderUnknown):
        pipeline.read_file(tmp_path / "device.csv", "csv", "glucose")


def test_a_binary_file_is_refused_from_its_start(large, tmp_path):
    file = tmp_path / "photo.csv"
    file.write_bytes(b"\x89PNG\r\n" + bytes(range(256)) * 100)
    with pytest.raises(NotThisFormat, match="PNG"):
        pipeline.read_file(file, "csv", "glucose")


def test_real_world_files_of_every_layout(large, tmp_path):
    if not REAL_WORLD.is_dir():
        pytest.skip(f"the real-world files are not here ({REAL_WORLD}): this test reads them in place")
    checked = 0
    for file in sorted(REAL_WORLD.glob("*.csv")):
        try:
            at_once = pipeline.read_file(file.read_bytes(), name=file.name)
        except (NotThisFormat, DateOrderUnknown, ValueError):
            continue
        same(at_once, pipeline.read_file(file, name=file.name))
        checked += 1
    assert checked >= 12
