"""Issue 19: a record on read-only media (a CD, a write-protected stick) opens read-only: it can be checked,
exported and viewed, and saving says why it cannot. Before, it could not even be checked ("read-only or not
accessible": SQLite's WAL wants to write its index beside the file).

The media are simulated by taking the write permission off the folder and its files. Root ignores
permissions, so when the tests run as root (a container) the command runs in a process without the
capability that lets root write anyway (setpriv drops CAP_DAC_OVERRIDE): the kernel then refuses every
write as it does on a read-only mount. Tests in this process use the one seam, `vault.read_only_reason`:
SQLite is then really opened read-only and really refuses every write.
"""

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from template_record import copy_record

from phr.access import records
from phr.record.diagnoses import Diagnosis
from phr.record.services import RecordServices
from phr.storage import vault
from phr.storage.errors import StorageUnavailable
from phr.storage.read_only import ReadOnly, RecordReadOnly

FIXTURES = Path(__file__).parents[1] / "fixtures"
RUN_PHR = "import sys; from phr.cli.main import main; sys.exit(main(sys.argv[1:]))"
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def without_write_permission() -> list[str]:
    """The start of a command line that runs without the right to write what the permissions forbid."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: root writes whatever the permissions say, so a folder "
                    "without write permission proves nothing here")
    return NO_OVERRIDE


def phr(*args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PHR_PASSPHRASE": PASSPHRASE}
    return subprocess.run([*without_write_permission(), sys.executable, "-c", RUN_PHR, *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=300)


def make_read_only(folder: Path) -> None:
    for path in [*folder.iterdir(), folder]:
        path.chmod(stat.S_IMODE(path.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def writable_again(folder: Path) -> None:
    for path in [folder, *folder.iterdir()]:
        path.chmod(stat.S_IMODE(path.stat().st_mode) | stat.S_IWUSR)


def fingerprint(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


@pytest.fixture
def read_only_record(new_record):
    folder = new_record[0]
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    RecordServices(session).diagnoses.add(Diagnosis(name="Cystic fibrosis"))
    session.lock()
    make_read_only(folder)
    yield folder
    writable_again(folder)


def test_check_and_export_work_on_read_only_media_and_change_no_byte(read_only_record, tmp_path):
    before = fingerprint(read_only_record)
    checked = phr("check", read_only_record)
    assert checked.returncode == 0, checked.stderr
    assert "diagnoses: 1" in checked.stdout and "Healthy record" in checked.stdout
    for kind, out in (("pdf", tmp_path / "card.pdf"), ("json", tmp_path / "record.json"), ("csv", tmp_path / "csv")):
        exported = phr("export", read_only_record, out, "--format", kind, *(["--kind", "emergency"] if kind == "pdf"
                                                                             else []))
        assert exported.returncode == 0, exported.stderr
        assert out.exists()
    assert (tmp_path / "record.json").read_text(encoding="utf-8").count("Cystic fibrosis") == 1
    assert fingerprint(read_only_record) == before  # no -wal, no -shm, no lock file, no repaired key file


def test_a_change_on_read_only_media_says_why_in_one_line(read_only_record, tmp_path):
    before = fingerprint(read_only_record)
    readings = tmp_path / "weight.csv"
    readings.write_text("time,value\n2026-01-05T08:00:00+01:00,71.5\n", encoding="utf-8")
    imported = phr("import", read_only_record, readings, "--format", "csv", "--measure", "weight")
    assert imported.returncode == 1
    assert imported.stderr.count("\n") == 1 and "read-only" in imported.stderr and "Nothing was changed" in \
        imported.stderr
    assert fingerprint(read_only_record) == before


def test_a_record_copied_while_open_is_read_from_its_log_on_read_only_media(new_record, tmp_path):
    """Copied with its log (-wal) and the log's index (-shm), as a copy of an open record is: what is only in
    the log is read too (SQLite's 'immutable' mode would read the main file alone and miss it)."""
    folder = new_record[0]
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        session.db.query("PRAGMA wal_autocheckpoint = 0")  # the rename stays in the log
        session.rename_person("Only In The Log")
        copy = tmp_path / "copy.regie"
        shutil.copytree(folder, copy)
    finally:
        session.lock()
    assert (copy / "record.db-wal").stat().st_size > 0 and (copy / "record.db-shm").exists()
    make_read_only(copy)
    try:
        exported = phr("export", copy, tmp_path / "out.json", "--format", "json")
    finally:
        writable_again(copy)
    assert exported.returncode == 0, exported.stderr
    assert "Only In The Log" in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_a_log_without_its_index_on_read_only_media_is_one_clear_line(new_record, tmp_path):
    folder = new_record[0]
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        session.db.query("PRAGMA wal_autocheckpoint = 0")
        session.rename_person("Only In The Log")
        copy = tmp_path / "copy.regie"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("*-shm"))
    finally:
        session.lock()
    make_read_only(copy)
    try:
        checked = phr("check", copy)
    finally:
        writable_again(copy)
    assert checked.returncode == 1 and checked.stderr.count("\n") == 1
    assert "not closed properly" in checked.stderr and "Copy the record folder" in checked.stderr


# --- in this process, through the seam ---------------------------------------------------------------

@pytest.fixture
def media(monkeypatch):
    monkeypatch.setattr(vault, "read_only_reason", lambda folder: ReadOnly.MEDIA)


def test_a_read_only_record_reads_as_usual_and_every_save_says_why(new_record, media):
    folder = new_record[0]
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert session.db.read_only is ReadOnly.MEDIA
        assert session.check().healthy and session.person_name() == "Zoë Ünal"
        with pytest.raises(RecordReadOnly) as caught:
            session.rename_person("Not Saved")
        assert isinstance(caught.value, StorageUnavailable)  # the app's words for a folder it cannot write apply
        assert "read-only" in str(caught.value) and "viewed, checked and exported" in str(caught.value)
        assert session.person_name() == "Zoë Ünal"
        with pytest.raises(RecordReadOnly):
            RecordServices(session).diagnoses.add(Diagnosis(name="Not saved"))
    finally:
        session.lock()


def test_read_only_no_stale_key_file_is_repaired(new_record, media):
    folder = new_record[0]
    stale = (folder / "keys.bak.json").read_bytes()
    (folder / "keys.bak.json").write_bytes(b"{damaged")
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    session.lock()
    assert (folder / "keys.bak.json").read_bytes() == b"{damaged"  # writable, it is repaired at unlock
    assert stale != b"{damaged"


def test_a_record_that_needs_an_upgrade_is_refused_read_only_saying_why(tmp_path, media):
    folder = copy_record(FIXTURES / "schema_v7", tmp_path / "v7.regie")
    before = fingerprint(folder)
    with pytest.raises(RecordReadOnly) as caught:
        records.unlock_with_passphrase(folder, PASSPHRASE)
    assert "older version of Regie" in str(caught.value) and "Copy the record folder" in str(caught.value)
    after = fingerprint(folder)
    assert {name: after[name] for name in before} == before  # no upgrade
    assert not (folder / "backups").exists()  # nor the backup made before one


SECOND_CONNECTION = """
import os, sys
from phr.access import records
from phr.storage.read_only import RecordReadOnly
session = records.unlock_with_passphrase(sys.argv[1], os.environ["PHR_PASSPHRASE"])
second = session.vault.second_connection()  # for work on a pool thread: an export, a backup
print(second.read_only, second.integer("SELECT count(*) FROM diagnoses"))
try:
    second.execute("UPDATE person SET name = 'Not Saved'")
except RecordReadOnly as error:
    print("refused:", error)
second.close()
session.lock()
"""


def test_a_second_connection_to_a_record_on_read_only_media_is_read_only_too(read_only_record):
    done = subprocess.run([*without_write_permission(), sys.executable, "-c", SECOND_CONNECTION, str(read_only_record)],
                          env={**os.environ, "PHR_PASSPHRASE": PASSPHRASE}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "media 1"
    assert done.stdout.splitlines()[1].startswith("refused: This record is read-only")
