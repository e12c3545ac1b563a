"""Issue 19: every bad input one clear line. Each case a careful tester tried that gave a traceback, read
without end or echoed a terminal escape: now one line on stderr, exit 1, and the record as it was.

Through the command line's entry, `phr.cli.main.main`, in this process: an exception that escapes it fails
the test as the traceback did.
"""

import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.cli import imports
from phr.cli import main as cli
from phr.formats.native import read_limits
from phr.formats.native.schema import READING_COLUMNS, VERSION
from phr.imports import device_import
from phr.imports.devices.sources import nightscout_json
from phr.record.services import RecordServices
from phr.storage.repos.integrity import section_counts

NAME = "Zoë Ünal"  # the name of conftest's template record
PROVENANCE = {"entered_by": "owner", "changed_by": "owner", "source": "typed", "source_detail": None,
              "created_at": "2026-01-05T09:00:00+00:00", "changed_at": "2026-01-05T09:00:00+00:00"}


@pytest.fixture
def record(new_record, monkeypatch) -> Path:
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    return new_record[0]


def state(record: Path) -> dict[str, Any]:
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        return {**section_counts(session.db), "person": RecordServices(session).person.get()}
    finally:
        session.lock()


def phr(*args: object) -> int:
    return cli.main([str(arg) for arg in args])


def one_line(capsys) -> str:
    """The one line on stderr (no traceback, nothing else)."""
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("phr: "), err
    return lines[0]


def refused(record: Path, capsys, file: Path, *options: str, code: int = 1) -> str:
    before = state(record)
    assert phr("import", record, file, *options) == code
    line = one_line(capsys)
    assert state(record) == before
    return line


def regie_file(tmp_path: Path, text: str = "Een gewone dag.", note: str = "", value: float = 71.5,
               extra: dict[str, Any] | None = None) -> Path:
    """A Regie JSON file for the template record's person: one diary entry and one typed weight reading."""
    reading = ["2026-01-05T08:00:00+01:00", "weight", value, None, None, "", "", "", note, None, None, 0]
    doc = {"format": "regie-record", "version": VERSION, "person": {"name": NAME},
           "authors": [{"ref": "owner", "role": "owner", "name": NAME}],
           "sections": {"diary": [{"uid": "d" * 32, "written_at": "2026-01-05T20:30", "kind": "note", "text": text,
                                   "provenance": PROVENANCE}]},
           "reading_columns": READING_COLUMNS,
           "reading_batches": [{"uid": "b" * 32, "entered_by": "owner", "source": "typed", "source_detail": None,
                                "created_at": "2026-01-05T09:00:00+00:00", "readings": [reading]}],
           **(extra or {})}
    path = tmp_path / "record.json"
    path.write_text(json.dumps(doc))  # ensure_ascii: a lone surrogate is written as the escape \ud800
    return path


def test_the_regie_file_of_these_tests_imports(record, tmp_path, capsys):
    """The files below differ from this one in one thing only."""
    assert phr("import", record, regie_file(tmp_path)) == 0
    assert "diary: 1 added" in capsys.readouterr().out
    assert state(record)["readings"] == 1


# -- nested too deep -----------------------------------------------------------------------------------------

def deep_extension(levels: int) -> dict[str, Any]:
    extension: dict[str, Any] = {"url": "http://example.org/x", "valueString": "x"}
    for _ in range(levels):
        extension = {"url": "http://example.org/x", "extension": [extension]}
    return extension


@pytest.mark.parametrize("options", [(), ("--format", "fhir")])
def test_a_fhir_extension_nested_400_deep_is_refused_naming_the_limit(record, tmp_path, capsys, options):
    patient = {"resourceType": "Patient", "name": [{"text": NAME}], "extension": [deep_extension(400)]}
    file = tmp_path / "deep.json"
    file.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": patient}]}))
    line = refused(record, capsys, file, *options)
    assert "nested deeper than any FHIR file (more than 64 levels)" in line


def test_fhir_xml_nested_400_deep_is_refused_naming_the_limit(record, tmp_path, capsys):
    file = tmp_path / "deep.xml"
    file.write_text('<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/><entry><resource><Patient>'
                    + '<extension url="http://example.org/x">' * 400 + "</extension>" * 400
                    + "</Patient></resource></entry></Bundle>")
    assert "more than 64 levels" in refused(record, capsys, file)


@pytest.mark.parametrize("levels", [40, 400, 5000])
def test_a_regie_file_nested_too_deep_is_refused_naming_the_limit(record, tmp_path, capsys, levels):
    """Deeper than json.loads goes (5000), or only deeper than any Regie file (40, 400): a part the reader does
    not know would otherwise be read, and a later step that recurses could run out of stack."""
    file = regie_file(tmp_path)
    text = file.read_text()
    file.write_text(text[:-1] + ', "extra": ' + "[" * levels + "]" * levels + "}")
    line = refused(record, capsys, file)
    assert line == f"phr: {read_limits.TOO_DEEP}" and "more than 32 levels" in line


# -- a lone surrogate ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("file_with, place", [
    (lambda tmp: regie_file(tmp, text="x\ud800y"), "diary entry 1, field text"),
    (lambda tmp: regie_file(tmp, note="x\ud800y"), "reading batch 1, reading 1, field note"),
    (lambda tmp: regie_file(tmp, extra={"authors": [{"ref": "owner", "role": "owner", "name": "x\udc00"}]}),
     "author 1, field name"),
    (lambda tmp: regie_file(tmp, extra={"person": {"name": NAME, "emergency_notes": "\udfff"}}),
     "the person's details, field emergency_notes"),
])
def test_a_lone_surrogate_in_a_regie_file_is_refused_naming_the_entry_and_field(record, tmp_path, capsys,
                                                                                 file_with, place):
    line = refused(record, capsys, file_with(tmp_path))
    assert place in line and "lone UTF-16 surrogate" in line and "Nothing was imported" in line


def test_a_lone_surrogate_in_a_field_name_is_refused(record, tmp_path, capsys):
    file = regie_file(tmp_path)
    file.write_text(file.read_text().replace('"kind": "note"', '"kind": "note", "x\\ud800": 1'))
    assert "a field name in diary entry 1" in refused(record, capsys, file)


def test_a_file_name_that_is_not_utf8_is_stored_as_a_file_manager_shows_it(record, tmp_path, capsys):
    """The name goes into the readings' provenance: a byte that is not UTF-8 (a lone surrogate in Python)
    could not be stored, and the import failed with the codec's own words."""
    file = Path(os.fsdecode(bytes(tmp_path) + b"/weight\xff.csv"))
    file.write_text("time,value\n2026-01-05T08:00:00+01:00,71.5\n")
    assert phr("import", record, file, "--format", "csv", "--measure", "weight") == 0
    assert "readings: 1 added" in capsys.readouterr().out
    assert imports.storable_name(file) == "weight\ufffd.csv"


# -- a number too large ----------------------------------------------------------------------------------------

def test_a_weight_of_1e307_is_one_line_and_changes_nothing(record, tmp_path, capsys):
    """It overflowed in the readings' fingerprint (storage). Whatever refuses it (the value's rules, or the
    last resort below): one line, nothing stored."""
    refused(record, capsys, regie_file(tmp_path, value=1e307))


def test_an_unexpected_fault_is_one_line_without_its_text(record, tmp_path, capsys, monkeypatch):
    """The last resort: any fault no command expected is its kind in one line, never its text, which may quote
    the record (here a diary text), and never a traceback."""
    def broken(*_args: object) -> None:
        raise OverflowError("Sanne's diary: int too large")

    monkeypatch.setattr(imports, "_import_json", broken)
    line = refused(record, capsys, regie_file(tmp_path))
    assert line == ("phr: Regie could not finish: a number too large to work with (OverflowError). Nothing was "
                    "changed.")
    monkeypatch.setattr(imports, "_import_json", lambda *_args: [][1])
    assert refused(record, capsys, regie_file(tmp_path)).endswith("an unexpected error (IndexError). Nothing was "
                                                                   "changed.")


# -- files without end, and the size limits ----------------------------------------------------------------------

@pytest.mark.parametrize("options", [(), ("--format", "json"), ("--format", "fhir"), ("--format", "csv",
                                                                                        "--measure", "weight")])
def test_dev_zero_is_refused_before_anything_is_read(record, capsys, options):
    """It was read up to the 512 MB limit (or without end by the device import) before a word was said."""
    line = refused(record, capsys, Path("/dev/zero"), *options)
    assert line == ("phr: /dev/zero is not a regular file (it is a device, a pipe or a socket); Regie reads only "
                    "files.")


def test_a_pipe_is_refused_without_waiting_for_its_writer(record, tmp_path, capsys):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(phr("import", record, pipe)), daemon=True)
    worker.start()
    worker.join(20)
    assert result == [1], "the import waited for the pipe's writer"
    assert "is not a regular file" in one_line(capsys)


def test_a_folder_is_refused(record, tmp_path, capsys):
    assert refused(record, capsys, tmp_path) == f"phr: {tmp_path} is a folder, not a file."


def test_a_regie_file_above_the_limit_is_refused_naming_it(record, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(read_limits, "MAX_FILE_BYTES", 100)
    line = refused(record, capsys, regie_file(tmp_path), "--format", "json")
    assert "larger than" in line and "MB" in line


def test_a_file_read_whole_is_refused_above_the_limit_before_it_is_read(record, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    file = tmp_path / "big.json"
    with file.open("wb") as out:
        out.write(b'{"resourceType": "Bundle", ')
        out.truncate(3 * 1024 * 1024)  # a sparse file: its size says it all, its bytes are not read
    before = state(record)
    counted = CountedReads()
    with monkeypatch.context() as watching:
        watching.setattr(Path, "open", lambda path, *a, **k: counted.open(path, *a, **k))
        assert phr("import", record, file) == 1
    assert one_line(capsys) == "phr: The file is larger than 2 MB; Regie imports no file that large."
    assert counted.bytes[file] < 100_000  # its first bytes only, to tell what it is
    assert state(record) == before


class CountedReads:
    """Path.open, counting the bytes read from each path."""

    def __init__(self) -> None:
        self.bytes: dict[Path, int] = {}
        self._open = Path.open

    def open(self, path: Path, *args: Any, **kwargs: Any) -> Any:
        file = self._open(path, *args, **kwargs)
        counts = self.bytes

        class Counted:
            def __enter__(self) -> "Counted":
                return self

            def __exit__(self, *_exc: object) -> None:
                file.close()

            def read(self, size: int = -1) -> Any:
                data = file.read(size)
                counts[path] = counts.get(path, 0) + len(data)
                return data

            def __getattr__(self, name: str) -> Any:
                return getattr(file, name)

        return Counted()


def test_a_nightscout_file_above_the_old_limit_is_read_in_blocks_not_refused(record, tmp_path, monkeypatch):
    """Issue 20: no device file is read whole any more (an entries.json above 256 MB was refused)."""
    monkeypatch.setattr(device_import, "MAX_IN_MEMORY_BYTES", 1024 * 1024)
    monkeypatch.setattr(nightscout_json, "IN_MEMORY_BYTES", 64 * 1024)
    file = tmp_path / "entries.json"
    entry = {"type": "sgv", "sgv": 100, "date": 1767600000000, "dateString": "2026-01-05T08:00:00.000Z",
             "device": "xDrip"}
    file.write_text(json.dumps([entry] * 20000))
    assert phr("import", record, file, "--format", "nightscout") == 0


def test_export_over_a_device_or_a_pipe_is_refused(record, tmp_path, capsys):
    """The export is written beside its name and renamed over it: run as root, /dev/null became a file."""
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert phr("export", record, pipe) == 1
    assert "is not a regular file" in one_line(capsys)
    assert stat.S_ISFIFO(pipe.stat().st_mode)


# -- point 9: empty variables, file names with control characters -------------------------------------------------

def test_an_empty_passphrase_variable_counts_as_not_set(record, capsys, monkeypatch):
    """PHR_PASSPHRASE= was tried as a (wrong) passphrase: exit 3."""
    monkeypatch.setenv("PHR_PASSPHRASE", "")
    assert phr("check", record) == 1
    assert one_line(capsys) == "phr: No passphrase given: set PHR_PASSPHRASE or run this in a terminal."


def test_an_empty_passphrase_variable_lets_the_recovery_code_unlock(new_record, capsys, monkeypatch):
    folder, code = new_record
    monkeypatch.setenv("PHR_PASSPHRASE", "")
    monkeypatch.setenv("PHR_RECOVERY_CODE", code)
    assert phr("check", folder) == 0, capsys.readouterr().err


@pytest.mark.parametrize("args, variable", [(("passwd",), "PHR_NEW_PASSPHRASE"),
                                            (("keys", "{dir}", "add-carer", "Ans"), "PHR_CARER_PASSPHRASE")])
def test_an_empty_new_passphrase_variable_counts_as_not_set(record, capsys, monkeypatch, args, variable):
    monkeypatch.setenv(variable, "")
    argv = [record if part == "{dir}" else part for part in args] + ([] if "{dir}" in args else [record])
    assert phr(*argv) == 1
    assert one_line(capsys) == f"phr: No passphrase given: set {variable} or run this in a terminal."


def test_demo_with_an_empty_passphrase_variable_prints_the_one_it_used(tmp_path, capsys, monkeypatch):
    """It used the sample's fixed passphrase but did not say it, as if PHR_PASSPHRASE had been given."""
    from phr.demo import sample_record
    from phr.storage.keys import kdf

    monkeypatch.setenv("PHR_PASSPHRASE", "")
    made = sample_record.create_sample_record
    monkeypatch.setattr(sample_record, "create_sample_record",
                        lambda folder, passphrase: made(folder, passphrase, argon2=kdf.MINIMUM))
    assert phr("demo", tmp_path / "sample.regie") == 0
    assert f"Its passphrase is: {sample_record.SAMPLE_PASSPHRASE}" in capsys.readouterr().out


ESCAPE = "\x1b]0;owned\x07\x1b[31m"  # a title change and red text


def test_a_file_name_with_terminal_escapes_is_shown_escaped(record, tmp_path, capsys):
    file = tmp_path / f"weight{ESCAPE}.csv"
    file.write_text("time,value\n")
    line = refused(record, capsys, file, "--format", "csv", "--measure", "weight")
    assert "\x1b" not in line and "\x07" not in line
    assert "weight\\x1b]0;owned\\x07\\x1b[31m.csv" in line


def test_a_missing_file_with_a_line_break_in_its_name_is_still_one_line(record, tmp_path, capsys):
    assert phr("import", record, tmp_path / "a\nphr: forged line\u202e.csv") == 1
    line = one_line(capsys)
    assert "a\\x0aphr: forged line\\u202e.csv" in line


def test_export_shows_the_file_it_wrote_escaped(record, tmp_path, capsys):
    out = tmp_path / f"export{ESCAPE}.json"
    assert phr("export", record, out) == 0
    written = capsys.readouterr().out
    assert "\x1b" not in written and f"Written to {tmp_path}/export\\x1b]0;owned\\x07\\x1b[31m.json" in written
    assert out.exists()


def test_a_record_folder_with_escapes_is_shown_escaped(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    assert phr("check", tmp_path / f"nowhere{ESCAPE}") == 1
    assert "\x1b" not in one_line(capsys)
