"""The vault's promises, tested on real files with the real crypto (no mocks).

- Health data (here: canary names) never reaches the disk in plain form: not in record.db, its WAL
  or shared-memory file, the key files, anything else in the record folder, or the temp directory.
- record.db never looks like a plain SQLite file.
- A wrong passphrase changes no byte on disk and gives exit code 3 with one line on stderr.
- Damage (a flipped byte, a truncated file, a plain SQLite file in its place) is reported as damage:
  RecordDamaged in the library, exit code 4 on the command line, never a traceback, never data.
- A missing record file is its own clear message (exit 1), not a traceback.
- Files are 0600, the folder 0700.
"""

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import unicodedata
from contextlib import closing
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr.access import passphrase, records
from phr.core.errors import RecordDamaged, RecordMissing, WrongSecret
from phr.storage.database import PLAIN_SQLITE_HEADER, Database
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import KeyFiles
from phr.storage.repos.integrity import integrity_problems

CANARY = "CANARY-Zoë-Ünal-7f3a"
RENAMED_CANARY = "CANARY-Ülkü-Øztürk-b91c"
WRONG_PASSPHRASE = "green teapot over the new river"
PAGE_SIZE = 4096  # SQLCipher 4 default
SCRATCH_MARKER = "SCRATCH-"
SCRATCH_ROWS = 300
EXIT_ERROR, EXIT_WRONG_SECRET, EXIT_DAMAGED = 1, 3, 4


# --- helpers ---------------------------------------------------------------------------------

def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in Path(folder).rglob("*") if path.is_file())


def file_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under `folder`, by relative path: 'nothing changed' means equal dicts."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in files_under(folder)}


def canary_patterns(*texts: str) -> list[bytes]:
    """The byte forms a leaked name could take: NFC and NFD, UTF-8 and UTF-16-LE, plus its ASCII head."""
    patterns = set()
    for text in texts:
        for form in ("NFC", "NFD"):
            normalised = unicodedata.normalize(form, text)
            patterns.update({normalised.encode("utf-8"), normalised.encode("utf-16-le")})
        patterns.add(text.encode("ascii", "ignore")[:9])  # "CANARY-Zo", "CANARY-lk": other encodings
    return sorted(patterns)


def canary_hits(folder: Path, *texts: str) -> list[str]:
    patterns = canary_patterns(*texts)
    return [f"{path.relative_to(folder)}: {pattern!r}"
            for path in files_under(folder) for pattern in patterns if pattern in path.read_bytes()]


def header_of(record_dir: Path) -> bytes:
    with (record_dir / "record.db").open("rb") as handle:
        return handle.read(len(PLAIN_SQLITE_HEADER))


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run_cli(*args, passphrase_text: str = PASSPHRASE) -> subprocess.CompletedProcess:
    env = {**os.environ, "PHR_PASSPHRASE": passphrase_text}
    return subprocess.run([sys.executable, "-m", "phr", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=60)


def assert_one_clear_line(stderr: str) -> None:
    """The command-line contract for expected errors: one line `phr: ...`, no traceback."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("phr: "), (
        f"expected exactly one 'phr: ...' line on stderr, got {len(lines)}:\n{stderr}")


def assert_clear_damage_report(stderr: str) -> None:
    """Exit-4 output: `phr check` may list `problem: ...` details, then exactly one `phr: ...` line.

    Anything else (here: SQLCipher's own log lines, 'ERROR CORE sqlcipher_page_cipher: hmac check
    failed ...') breaks the contract of one clear line on stderr.
    """
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    stray = [line for line in lines if not line.startswith(("phr: ", "problem: "))]
    assert not stray, (
        "stderr holds lines that are neither 'problem: ...' nor the one 'phr: ...' message; SQLCipher "
        "logs to stderr because phr/storage/database.py never sets PRAGMA cipher_log_level = NONE:\n"
        + "\n".join(stray[:5]))
    assert [line for line in lines if line.startswith("phr: ")] == lines[-1:], stderr


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    assert offset < len(data), "the file is too small for this test"
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def fill_scratch_table(db, rows: int = SCRATCH_ROWS) -> None:
    """A few hundred rows of recognisable text, so the record spans many pages."""
    with db.transaction():
        db.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        for _ in range(rows):
            db.execute("INSERT INTO scratch (text) VALUES (?)", (SCRATCH_MARKER + os.urandom(100).hex(),))


def data_key_of(record_dir: Path) -> bytes:
    ring = KeyFiles(record_dir).load().ring
    return keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), passphrase.normalise(PASSPHRASE))


def damage_is_reported(record_dir: Path) -> bool:
    """True if unlocking or checking reports damage; any other exception fails the calling test."""
    try:
        session = records.unlock_with_passphrase(record_dir, PASSPHRASE)
    except RecordDamaged:
        return True
    try:
        return not session.check().healthy
    except RecordDamaged:
        return True
    finally:
        session.lock()


@pytest.fixture
def scratch_record(create_fast, record_dir) -> Path:
    """A locked record of many pages (the WAL folded back into record.db on close)."""
    session = create_fast(record_dir, "Zoë Ünal", PASSPHRASE).session
    try:
        fill_scratch_table(session.db)
    finally:
        session.lock()
    assert (record_dir / "record.db").stat().st_size >= 12 * PAGE_SIZE
    assert not (record_dir / "record.db-wal").exists()
    return record_dir


# --- canaries --------------------------------------------------------------------------------

def test_canary_scanner_finds_plain_text(tmp_path):
    """Control: the scanner does find the canary when it is there, in either encoding."""
    (tmp_path / "a.txt").write_bytes(CANARY.encode("utf-16-le"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.bin").write_bytes(b"\0" + unicodedata.normalize("NFD", CANARY).encode() + b"\0")
    assert len(canary_hits(tmp_path, CANARY)) >= 2


def test_canaries_never_reach_the_disk_in_plain_form(create_fast, record_dir, private_tempdir, tmp_path):
    temp_before = files_under(private_tempdir)
    session = create_fast(record_dir, CANARY, PASSPHRASE).session
    try:
        session.rename_person(RENAMED_CANARY)
        assert session.person_name() == RENAMED_CANARY  # the canary really is stored
        assert (record_dir / "record.db-wal").is_file() and (record_dir / "record.db-shm").is_file()
        assert canary_hits(record_dir, CANARY, RENAMED_CANARY) == [], "plain name on disk while open"
    finally:
        session.lock()
    assert canary_hits(record_dir, CANARY, RENAMED_CANARY) == [], "plain name on disk after locking"
    assert files_under(private_tempdir) == temp_before, "the record wrote to the temp directory"
    assert [path.name for path in tmp_path.iterdir()] == [record_dir.name], "files left beside the record"


def test_canary_survives_encrypted_and_unlocks_again(create_fast, record_dir):
    """The name is still there after locking (so its absence on disk is encryption, not loss)."""
    session = create_fast(record_dir, CANARY, PASSPHRASE).session
    session.rename_person(RENAMED_CANARY)
    session.lock()
    session = records.unlock_with_passphrase(record_dir, PASSPHRASE)
    try:
        assert session.person_name() == RENAMED_CANARY
    finally:
        session.lock()
    assert canary_hits(record_dir, CANARY, RENAMED_CANARY) == []


# --- the file is always encrypted ------------------------------------------------------------

def test_record_file_never_starts_with_the_plain_sqlite_header(create_fast, record_dir):
    session = create_fast(record_dir, "Zoë Ünal", PASSPHRASE).session
    try:
        assert header_of(record_dir) != PLAIN_SQLITE_HEADER
        session.rename_person("Zoë Ünal-de Vries")
        fill_scratch_table(session.db)
        session.db.checkpoint()  # force the new pages into record.db itself
        assert header_of(record_dir) != PLAIN_SQLITE_HEADER
    finally:
        session.lock()
    assert header_of(record_dir) != PLAIN_SQLITE_HEADER


def test_plain_sqlite_file_in_place_of_the_record_is_refused(new_record):
    record_dir, _ = new_record
    record_file = record_dir / "record.db"
    record_file.unlink()
    with closing(sqlite3.connect(record_file)) as plain:
        plain.execute("CREATE TABLE person (name TEXT)")
        plain.execute("INSERT INTO person VALUES (?)", (CANARY,))
        plain.commit()
    before = file_digests(record_dir)
    with pytest.raises(RecordDamaged):
        records.unlock_with_passphrase(record_dir, PASSPHRASE)
    with pytest.raises(RecordDamaged):
        Database.open(record_file, os.urandom(32))
    assert file_digests(record_dir) == before, "the plain file was opened (or something was written)"
    result = run_cli("check", record_dir)
    assert result.returncode == EXIT_DAMAGED, result.stderr
    assert_one_clear_line(result.stderr)
    assert CANARY not in result.stdout + result.stderr


# --- wrong passphrase: nothing changes -------------------------------------------------------

def test_wrong_passphrase_changes_no_byte_on_disk(new_record):
    record_dir, _ = new_record
    before = file_digests(record_dir)
    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(record_dir, WRONG_PASSPHRASE)
    assert file_digests(record_dir) == before


def test_wrong_passphrase_does_not_repair_key_files(new_record):
    """Repairing a missing copy is a write, so it may happen only after a successful unlock."""
    record_dir, _ = new_record
    (record_dir / "keys.bak.json").unlink()
    before = file_digests(record_dir)
    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(record_dir, WRONG_PASSPHRASE)
    assert file_digests(record_dir) == before
    records.unlock_with_passphrase(record_dir, PASSPHRASE).lock()  # control: now it is repaired
    assert (record_dir / "keys.bak.json").read_bytes() == (record_dir / "keys.json").read_bytes()
    assert mode_of(record_dir / "keys.bak.json") == 0o600


def test_cli_wrong_passphrase_exits_3_and_changes_nothing(new_record, private_tempdir):
    record_dir, _ = new_record
    before = file_digests(record_dir)
    result = run_cli("check", record_dir, passphrase_text=WRONG_PASSPHRASE)
    assert result.returncode == EXIT_WRONG_SECRET, result.stderr
    assert_one_clear_line(result.stderr)
    assert file_digests(record_dir) == before
    assert files_under(private_tempdir) == []


# --- damage ----------------------------------------------------------------------------------

def test_flipped_byte_in_a_data_page_is_reported_as_damage(scratch_record):
    flip_byte(scratch_record / "record.db", PAGE_SIZE * 2 + 1000)  # page 3, mid-page
    result = run_cli("check", scratch_record)
    assert result.returncode == EXIT_DAMAGED, result.stdout + result.stderr
    assert "Healthy" not in result.stdout
    assert SCRATCH_MARKER not in result.stdout + result.stderr, "record data was printed"
    assert_clear_damage_report(result.stderr)


def test_flipped_byte_in_any_page_is_detected(scratch_record):
    """Every page is authenticated: one flipped byte anywhere is found by the integrity check."""
    key = data_key_of(scratch_record)
    record_file = scratch_record / "record.db"
    pristine = record_file.read_bytes()
    undetected = []
    for page in range(len(pristine) // PAGE_SIZE):
        record_file.write_bytes(pristine)
        flip_byte(record_file, page * PAGE_SIZE + 2000)
        if not _damage_found_with_key(record_file, key):
            undetected.append(page + 1)
    assert undetected == [], f"flipped bytes went unnoticed in pages {undetected}"


def _damage_found_with_key(record_file: Path, key: bytes) -> bool:
    try:
        db = Database.open(record_file, key)
    except RecordDamaged:
        return True
    try:
        return bool(integrity_problems(db))
    except RecordDamaged:
        return True
    finally:
        db.close()


def test_flipped_byte_in_a_data_page_never_raises_a_generic_error(scratch_record):
    flip_byte(scratch_record / "record.db", PAGE_SIZE * 2 + 1000)
    assert damage_is_reported(scratch_record)


def test_flipped_byte_in_page_one_is_record_damaged(scratch_record):
    flip_byte(scratch_record / "record.db", 100)
    before = file_digests(scratch_record)
    with pytest.raises(RecordDamaged):
        records.unlock_with_passphrase(scratch_record, PASSPHRASE)
    assert file_digests(scratch_record) == before, "a failed unlock changed the files"
    result = run_cli("check", scratch_record)
    assert result.returncode == EXIT_DAMAGED, result.stderr
    assert_clear_damage_report(result.stderr)


@pytest.mark.parametrize("kept", [0, 10, 100, PAGE_SIZE, "half", "one page short", "mid-page"])
def test_truncated_record_file_is_reported_as_damage(scratch_record, kept):
    record_file = scratch_record / "record.db"
    size = record_file.stat().st_size
    length = {"half": size // 2, "one page short": size - PAGE_SIZE, "mid-page": size - 1000}.get(kept, kept)
    os.truncate(record_file, length)
    result = run_cli("check", scratch_record)
    assert result.returncode == EXIT_DAMAGED, result.stdout + result.stderr
    assert SCRATCH_MARKER not in result.stdout + result.stderr
    assert_clear_damage_report(result.stderr)


def test_missing_record_file_is_its_own_clear_error(new_record):
    """Observed behaviour: RecordMissing, exit 1 ('error'), one line naming the missing record.db."""
    record_dir, _ = new_record
    (record_dir / "record.db").unlink()
    with pytest.raises(RecordMissing, match="record.db is missing"):
        records.unlock_with_passphrase(record_dir, PASSPHRASE)
    assert not (record_dir / "record.db").exists(), "unlocking must not create an empty record"
    result = run_cli("check", record_dir)
    assert result.returncode == EXIT_ERROR, result.stderr
    assert_one_clear_line(result.stderr)
    assert "record.db" in result.stderr and "missing" in result.stderr


# --- permissions -----------------------------------------------------------------------------

def test_record_files_are_private(create_fast, record_dir):
    create_fast(record_dir, "Zoë Ünal", PASSPHRASE).session.lock()  # made for real: the modes creation gives
    assert mode_of(record_dir) == 0o700
    for name in ("record.db", "keys.json", "keys.bak.json"):
        assert mode_of(record_dir / name) == 0o600, name


def test_wal_and_shared_memory_files_are_private(create_fast, record_dir):
    session = create_fast(record_dir, "Zoë Ünal", PASSPHRASE).session
    try:
        session.rename_person("Zoë Ünal-de Vries")
        for name in ("record.db-wal", "record.db-shm"):
            assert mode_of(record_dir / name) == 0o600, name
    finally:
        session.lock()
