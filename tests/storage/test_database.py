"""The SQLCipher connection: settings that protect the data, and transactions that never stick."""

import os
import sqlite3
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.core.errors import StorageFull, StorageUnavailable
from phr.storage import vault

ROWS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) " \
       "INSERT INTO scratch SELECT hex(randomblob(64)) FROM n"


@pytest.fixture
def session(new_record):
    folder, _ = new_record
    opened = records.unlock_with_passphrase(folder, PASSPHRASE)
    yield opened
    opened.lock()


def test_every_protective_setting_is_in_force(session):
    db = session.db
    assert db.pragma_value("temp_store") == 2  # MEMORY: sorts and temp tables never touch the disk
    assert db.pragma_value("journal_mode") == "wal"
    assert db.pragma_value("synchronous") == 2  # FULL
    assert db.pragma_value("foreign_keys") == 1
    assert db.pragma_value("secure_delete") == 1
    # The SQLCipher 4 page format, pinned with cipher_compatibility = 4.
    assert db.pragma_value("cipher_page_size") == "4096"
    assert db.pragma_value("cipher_hmac_algorithm") == "HMAC_SHA512"


def deleted_files_under(folder: Path) -> list[str]:
    """Files this process holds open that were deleted right after creation: SQLite's temp files."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)) and target.endswith("(deleted)"):
            found.append(target)
    return found


def spill_a_temp_table(execute, folder: Path) -> list[str]:
    """Fill a temp table far beyond a tiny cache; return the temp files seen while it is open."""
    execute(f"PRAGMA temp_store_directory = '{folder}'")
    execute("PRAGMA cache_size = 5")
    execute("CREATE TEMP TABLE scratch (t TEXT)")
    execute(ROWS)
    seen = deleted_files_under(folder)
    execute("DROP TABLE scratch")
    return seen


def test_the_temp_file_detector_works_on_plain_sqlite(tmp_path):
    plain = sqlite3.connect(":memory:")
    plain.execute("PRAGMA temp_store = FILE")
    try:
        assert spill_a_temp_table(plain.execute, tmp_path), "without this, the next test proves nothing"
    finally:
        plain.close()


def test_temp_data_of_a_record_stays_in_memory(session, tmp_path):
    assert spill_a_temp_table(session.db.execute, tmp_path) == []


def test_a_failed_commit_rolls_back_and_the_next_transaction_works(session):
    db = session.db
    db.execute("CREATE TABLE child (author INTEGER REFERENCES authors(id)) STRICT")
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with db.transaction():
            db.execute("PRAGMA defer_foreign_keys = ON")
            db.execute("INSERT INTO child VALUES (999)")  # checked only at COMMIT, which then fails
    assert db.query_one("SELECT count(*) FROM child")[0] == 0
    with db.transaction():  # would fail with "cannot start a transaction within a transaction"
        db.execute("INSERT INTO child VALUES (NULL)")
    assert db.query_one("SELECT count(*) FROM child")[0] == 1


def test_a_failure_after_the_folder_is_in_place_takes_the_new_record_away(tmp_path, create_fast, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("simulated failure after the rename")

    monkeypatch.setattr(vault, "_open_database", broken)
    with pytest.raises(OSError):
        create_fast(tmp_path / "new.regie", "Somebody", PASSPHRASE)
    assert list(tmp_path.iterdir()) == []  # neither the record nor a staging folder is left


def test_a_record_file_that_cannot_be_read_is_a_clear_error(new_record):
    folder, _ = new_record
    (folder / "record.db").rename(folder / "moved.db")
    (folder / "record.db").mkdir()  # unreadable as a file, even for root
    with pytest.raises(StorageUnavailable):
        records.unlock_with_passphrase(folder, PASSPHRASE)


@pytest.mark.parametrize("free, expected", [(0, "StorageFull"), (10 * 1024 * 1024, "StorageUnavailable")])
def test_an_io_error_at_opening_on_a_full_disk_is_said_as_a_full_disk(new_record, monkeypatch, free, expected):
    """Seen on a full 40 MB tmpfs: SQLite reports an I/O error when the WAL index finds no room."""
    import collections
    import shutil

    from phr.storage import database

    folder, _ = new_record

    def no_room(connection):
        raise StorageUnavailable("The record could not be read or written: the folder is read-only or not accessible.")

    usage = collections.namedtuple("usage", "total used free")
    monkeypatch.setattr(database, "_configure", no_room)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9 - free, free))
    with pytest.raises((StorageFull, StorageUnavailable)) as failed:
        records.unlock_with_passphrase(folder, PASSPHRASE)
    assert type(failed.value).__name__ == expected
    if expected == "StorageFull":
        assert "disk is full" in str(failed.value) and "nothing was changed" in str(failed.value)


def test_read_only_media_with_no_room_left_are_read_only_not_full(new_record, monkeypatch):
    """A CD or an ISO image reports 0 bytes free: that is not a full disk."""
    import collections
    import shutil

    from phr.storage import database

    folder, _ = new_record

    def cannot_write(connection):
        raise StorageUnavailable("The record could not be read or written: the folder is read-only or not accessible.")

    statvfs = collections.namedtuple("statvfs", "f_flag")
    monkeypatch.setattr(database, "_configure", cannot_write)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: (10**9, 10**9, 0))
    monkeypatch.setattr(os, "statvfs", lambda path: statvfs(os.ST_RDONLY))
    with pytest.raises(StorageUnavailable):
        records.unlock_with_passphrase(folder, PASSPHRASE)
