"""Decoding a device file (issue 19, point 6): another encoding only for a file that is not UTF-8 as a whole; a
UTF-8 file with a bad byte is an error naming the line, never read as Windows-1252 with every accented letter
garbled. Read at once and in blocks (a file over 32 MB), with the same verdict and the same line."""

import codecs
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from conftest import PASSPHRASE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phr.imports.device_import import NotADeviceFile, import_file
from phr.imports.devices import decode, pipeline
from phr.imports.devices.decode import DamagedText

NOTES = ["één keer geprikt", "café", "naïef", "Zoë", "müde", "crème brûlée", "ça va", "année"]


@pytest.fixture
def large(monkeypatch):
    monkeypatch.setattr(pipeline, "IN_MEMORY_BYTES", 0)


def lines(count: int, note=lambda i: NOTES[i % len(NOTES)] if i % 7 == 0 else "") -> list[str]:
    start = datetime(2025, 1, 6)
    return ["time,value,note"] + [f"{start + timedelta(minutes=5 * i):%Y-%m-%d %H:%M},{5 + i % 50 / 10:.1f},{note(i)}"
                                  for i in range(count)]


def damaged(data: bytes, line: int) -> tuple[bytes, int]:
    """The first 'é' (two bytes in UTF-8) from `line` on (1 = the header) cut to its first byte; and its line."""
    start = sum(len(text) + 1 for text in data.split(b"\n")[:line - 1])
    at = data.index("é".encode(), start)
    return data[:at + 1] + data[at + 2:], data.count(b"\n", 0, at) + 1


def read_both_ways(tmp_path, data: bytes):
    """pipeline.read_file at once and from the path in blocks (IN_MEMORY_BYTES 0: the `large` fixture)."""
    file = tmp_path / "device.csv"
    file.write_bytes(data)
    return [pipeline.read_file(source, "csv", "glucose") for source in (data, file)]


def refusal_both_ways(tmp_path, data: bytes) -> list[str]:
    file = tmp_path / "device.csv"
    file.write_bytes(data)
    said = []
    for source in (data, file):
        with pytest.raises(DamagedText) as refused:
            pipeline.read_file(source, "csv", "glucose")
        said.append(str(refused.value))
    return said


@pytest.mark.parametrize("size", [3000, 80000])   # 80,000 lines: the bad byte lies beyond the first megabyte
def test_one_bad_byte_in_utf8_names_its_line_at_once_and_in_blocks(large, tmp_path, size):
    data = "\n".join(lines(size)).encode()
    bad, line = damaged(data, size - 200)
    said = refusal_both_ways(tmp_path, bad)
    assert said[0] == said[1]
    assert f"is UTF-8 text with one damaged byte: line {line} is not valid UTF-8." in said[0]


@pytest.mark.parametrize("end", [b"\r\n", b"\r", b"\n"])
def test_line_ends_of_every_kind_count_even_across_a_block_boundary(large, tmp_path, end):
    body = end.join(text.encode() for text in lines(60000))
    # A line end exactly on the boundary of the streamed read's blocks: a CR LF cut in two ends one line, not two.
    cut = body.index(end, decode.HEAD_BYTES - 200)
    body = body[:cut] + b" " * (decode.HEAD_BYTES - 1 - cut) + body[cut:]
    assert body[decode.HEAD_BYTES - 1:decode.HEAD_BYTES - 1 + len(end)] == end
    at = body.index("é".encode(), decode.HEAD_BYTES + 1000)
    said = refusal_both_ways(tmp_path, body[:at + 1] + body[at + 2:])
    assert said[0] == said[1]
    assert f"line {body.count(end, 0, at) + 1} is not valid UTF-8" in said[0]


def test_a_windows_1252_file_is_read_as_windows_1252_and_says_so(large, tmp_path):
    data = "\r\n".join(lines(60000)).encode("windows-1252")
    at_once, in_blocks = read_both_ways(tmp_path, data)
    assert {r.note for r in at_once.readings if r.note} == set(NOTES)
    assert list(in_blocks.readings) == list(at_once.readings)
    assert pipeline.text_of(data).encoding == "windows-1252"
    assert pipeline.text_of(tmp_path / "device.csv").encoding == "windows-1252"


def test_a_latin_1_file_and_utf16_with_its_byte_order_mark_are_read_as_written(large, tmp_path):
    text = "\r\n".join(lines(3000)) + "\r\n"
    for data, encoding in ((text.encode("latin-1"), "windows-1252"),
                           (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"),
                           (text.encode("utf-8"), "utf-8"), (codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig")):
        at_once, in_blocks = read_both_ways(tmp_path, data)
        assert {r.note for r in at_once.readings if r.note} == set(NOTES), encoding
        assert list(in_blocks.readings) == list(at_once.readings)
        assert pipeline.text_of(data).encoding == encoding


def test_a_windows_byte_in_a_file_that_is_ascii_otherwise_stays_windows_1252():
    """As in test_device_large_files: one 'é' of Windows-1252 among ASCII is Windows-1252, not damage."""
    text, encoding = decode.decode(b"time,value,note\n2025-03-01 08:00,5.4,caf\xe9\n")
    assert (encoding, text.splitlines()[1]) == ("windows-1252", "2025-03-01 08:00,5.4,café")


def test_a_windows_1252_file_with_one_accidental_utf8_pair_stays_windows_1252():
    """'CAFÉ”' in Windows-1252 is C9 94: valid UTF-8 by chance. Among many accented letters it decides nothing."""
    text = "\n".join(lines(500)) + "\n2025-03-01 08:00,5.4,“CAFÉ”\n"
    assert decode.decode(text.encode("windows-1252")) == (text, "windows-1252")


def test_a_few_accents_and_one_bad_byte_is_damage_not_another_encoding():
    data = "time,value,note\n2025-03-01 08:00,5.4,één café\n2025-03-01 08:05,5.5,naïef\n".encode()
    with pytest.raises(DamagedText, match="line 3 is not valid UTF-8") as refused:
        decode.decode(data.replace("ï".encode(), b"\xc3"), "notes.csv")
    assert (refused.value.line, refused.value.damaged) == (3, 1)   # for the app's own words


def test_a_byte_order_mark_says_utf8_so_any_bad_byte_is_damage(tmp_path):
    data = codecs.BOM_UTF8 + b"time,value,note\r\n2025-03-01 08:00,5.4,caf\xe9\r\n"
    with pytest.raises(DamagedText, match="line 2 is not valid UTF-8"):
        decode.decode(data)


def test_the_import_changes_nothing_and_the_command_line_says_one_line(services, session, tmp_path):
    data, line = damaged("\n".join(lines(2000)).encode(), 1230)
    with pytest.raises(NotADeviceFile, match=f"line {line} is not valid UTF-8"):
        import_file(services, data, "libre.csv", "csv", measure="glucose")
    assert services.readings.count() == 0
    file = tmp_path / "libre.csv"
    file.write_bytes(data)
    folder = session.folder
    session.lock()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("PHR_")}, "PHR_PASSPHRASE": PASSPHRASE}
    run = subprocess.run([sys.executable, "-m", "phr", "import", str(folder), str(file), "--format", "csv",
                          "--measure", "glucose"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and f"line {line} is not valid UTF-8" in run.stderr


# Latin letters À-ÿ: in Windows-1252 each is one byte from C0 to FF, and no byte from 80 to BF (UTF-8's
# continuation bytes) is among them, so Windows-1252 text of them can never pass for UTF-8.
LETTERS = st.text(st.sampled_from("abc XYZ019,.-" + "".join(c for c in map(chr, range(0xC0, 0x100)) if c not in "×÷")),
                  min_size=1, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=st.lists(LETTERS, min_size=3, max_size=40), data=st.data())
def test_any_text_is_read_as_written_and_any_cut_character_names_its_line(notes, data):
    text = "time,value,note\n" + "".join(f"2025-03-01 08:{i % 60:02d},5.4,{note}\n" for i, note in enumerate(notes))
    assert decode.decode(text.encode("windows-1252"))[0] == text
    assert decode.decode(text.encode("utf-8"))[0] == text
    encoded = text.encode("utf-8")
    leads = [i for i, byte in enumerate(encoded) if byte >= 0xC0]
    if len(leads) < 3:
        return   # too few letters beyond ASCII to tell damaged UTF-8 from Windows-1252
    at = data.draw(st.sampled_from(leads))
    cut = encoded[:at + 1] + encoded[at + 2:]      # the letter's second byte lost
    with pytest.raises(DamagedText) as refused:
        decode.decode(cut)
    line = encoded.count(b"\n", 0, at) + 1
    assert f"line {line} is not valid UTF-8" in str(refused.value)
