"""A Nightscout entries.json read from its path in blocks (issue 20): the same readings as read whole, wherever
the blocks cut it; a file broken anywhere is refused naming its line, and adds nothing."""

import json

import pytest

from phr.imports.device_import import NotADeviceFile, import_file
from phr.imports.devices.sources import nightscout_json


def entries(count: int) -> list[dict]:
    return [{"_id": f"{i:04x}", "type": "sgv" if i % 4 else "mbg", "sgv" if i % 4 else "mbg": 90 + i,
             "date": (1767600000 + 300 * i) * 1000, "dateString": "2026-01-05T08:00:00.000Z", "device": "xDrip é"}
            for i in range(count)]


@pytest.fixture
def in_blocks(monkeypatch):
    monkeypatch.setattr(nightscout_json, "IN_MEMORY_BYTES", 0)


@pytest.mark.parametrize("block", [1, 7, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 1])
def test_read_in_blocks_gives_what_reading_whole_gives(in_blocks, monkeypatch, tmp_path, block, indent):
    monkeypatch.setattr(nightscout_json, "_BLOCK_CHARS", block)
    text = "\ufeff" + json.dumps(entries(40), indent=indent, ensure_ascii=False) + "\n"
    path = tmp_path / "entries.json"
    path.write_text(text, encoding="utf-8")
    whole = nightscout_json.read_file(text.encode("utf-8"), "entries.json", nightscout_json.ZoneInfo("UTC"))
    blocks = nightscout_json.read_file(path, "entries.json", nightscout_json.ZoneInfo("UTC"))
    assert list(blocks.readings) == list(whole.readings) and len(whole.readings) == 40


@pytest.mark.parametrize("cut", ["]", "}]", ",", ""])
def test_a_file_broken_in_its_last_block_is_refused_naming_its_line_and_adds_nothing(in_blocks, monkeypatch,
                                                                                     services, tmp_path, cut):
    monkeypatch.setattr(nightscout_json, "_BLOCK_CHARS", 50)
    text = json.dumps(entries(30), indent=1)
    broken = text[:-len(cut)] if cut else text + " x"
    path = tmp_path / "entries.json"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(NotADeviceFile, match=f"not valid JSON at line {broken.count(chr(10)) + 1:,}"):
        import_file(services, path, path.name)
    assert services.readings.count("glucose") == 0
