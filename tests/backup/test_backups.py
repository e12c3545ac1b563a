"""Backups and restores (phr.backup.backups, phr.storage.backups): the drill, the secrets, damage, full disks."""

import contextlib
import errno
import io
import json
import os
import tarfile
from pathlib import Path

import pytest
from conftest import FAST, PASSPHRASE

from phr.access import records
from phr.backup import backups
from phr.core.errors import InvalidInput, MistypedRecoveryCode
from phr.demo import sample_record as demo
from phr.formats.native.write import export_record
from phr.storage import backups as files
from phr.storage import record_locks
from phr.storage.errors import (
    BackupDamaged,
    RecordExists,
    RecordFromNewerVersion,
    StorageFull,
    WrongSecret,
)
from phr.storage.schema import LATEST

# --- helpers ------------------------------------------------------------------------------------

def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (names and bytes), to prove nothing changed. The empty lock files are left
    out: any unlock of the record may make keys.lock (it holds nothing), and a restore unlocks the record it
    replaces to back it up first."""
    files_ = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    locks = {name: files_.pop(name) for name in (record_locks.OPEN_LOCK, record_locks.KEYS_LOCK) if name in files_}
    assert all(content == b"" for content in locks.values()), "a lock file holds nothing"
    return files_


def _native(session) -> dict:
    doc = export_record(session)
    doc.pop("exported_at")
    return doc


def _hidden_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _disk_full_under(monkeypatch, folder: Path, after_bytes: int = 0) -> None:
    """os.write to files under `folder` fails with ENOSPC once `after_bytes` have been written there."""
    real, written = os.write, [0]

    def write(fd, data):
        if not os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder)):
            return real(fd, data)
        room = after_bytes - written[0]
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        done = real(fd, bytes(data)[:room])
        written[0] += done
        return done

    monkeypatch.setattr(os, "write", write)


def _write_tar(path: Path, members: list[tuple[str, bytes]]) -> None:
    with tarfile.open(path, "w", format=tarfile.GNU_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.fixture
def sample(tmp_path):
    """The sample record, open; its backup in tmp_path/out; (session, backup path)."""
    session = demo.create_sample_record(tmp_path / "sample.regie", argon2=FAST)
    (tmp_path / "out").mkdir()
    made = backups.make_backup(session, tmp_path / "out" / "sample.regiebackup")
    yield session, made.path
    session.lock()


@pytest.fixture
def backed_up(session, tmp_path):
    """A fresh record (open) and its backup: (session, backup path)."""
    return session, backups.make_backup(session, tmp_path / "fresh.regiebackup").path


# --- the drill ------------------------------------------------------------------------------------

def test_backup_then_restore_gives_the_identical_record(sample, tmp_path, private_tempdir):
    session, backup = sample
    before, counts = _native(session), session.check().counts
    with backups.prepare_restore(backup, tmp_path / "restored.regie", "passphrase",
                                 demo.SAMPLE_PASSPHRASE) as pending:
        assert pending.preview.counts == counts and sum(counts.values()) > 100
        assert pending.preview.schema_version == LATEST and not pending.preview.replaces_existing
        assert not (tmp_path / "restored.regie").exists()  # nothing in place before the yes
        done = pending.confirm()
    assert done.folder == tmp_path / "restored.regie" and done.previous_record_backup is None
    restored = records.unlock_with_passphrase(done.folder, demo.SAMPLE_PASSPHRASE)
    try:
        assert _native(restored) == before
        assert restored.check().healthy
        # Still the sample where the marker file beside it is not: its banner comes back after a restore.
        assert not (done.folder / demo.MARKER).exists() and demo.is_sample_record(restored)
    finally:
        restored.lock()
    assert _hidden_leftovers(tmp_path) == [] and list(private_tempdir.iterdir()) == []


def test_the_backup_file_is_private_one_file_and_names_no_one(sample, tmp_path):
    _, backup = sample
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["sample.regiebackup"]
    assert backup.stat().st_mode & 0o777 == 0o600
    raw = backup.read_bytes()
    for canary in (demo.SAMPLE_NAME, "Sanne", "hydrocortison", "Hoekstra"):
        assert canary.encode("utf-8") not in raw
    with tarfile.open(backup) as tar:
        assert tar.getnames() == ["manifest.json", "keys.json", "record.db", "checksum.sha256"]
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert set(manifest) == {"format", "format_version", "record_id", "created_at", "schema_version"}


def test_an_existing_backup_file_is_not_overwritten(backed_up):
    session, backup = backed_up
    before = backup.read_bytes()
    with pytest.raises(RecordExists):
        backups.make_backup(session, backup)
    assert backup.read_bytes() == before
    backups.make_backup(session, backup, overwrite=True)
    assert files.read_manifest(backup).record_id == session.vault.ring.record_id


# --- secrets --------------------------------------------------------------------------------------

def test_a_wrong_passphrase_opens_nothing_and_leaves_nothing(backed_up, tmp_path, private_tempdir):
    _, backup = backed_up
    with pytest.raises(WrongSecret):
        backups.prepare_restore(backup, tmp_path / "restored.regie", "passphrase", "not the passphrase at all")
    assert not (tmp_path / "restored.regie").exists()
    assert _hidden_leftovers(tmp_path) == [] and list(private_tempdir.iterdir()) == []


def test_the_recovery_code_of_the_record_opens_its_backup(new_record, tmp_path):
    folder, code = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        backup = backups.make_backup(session, tmp_path / "b.regiebackup").path
    finally:
        session.lock()
    done = backups.restore(backup, tmp_path / "restored.regie", "recovery_code", code)
    restored = records.unlock_with_recovery_code(done.folder, code)
    assert restored.person_name() == "Zoë Ünal"
    restored.lock()


def test_a_mistyped_recovery_code_is_caught_before_any_work(backed_up, tmp_path):
    _, backup = backed_up
    with pytest.raises(MistypedRecoveryCode):
        backups.prepare_restore(backup, tmp_path / "r.regie", "recovery_code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    assert _hidden_leftovers(tmp_path) == [] and not (tmp_path / "r.regie").exists()


def test_another_records_passphrase_does_not_open_the_backup(backed_up, tmp_path, create_fast):
    _, backup = backed_up
    create_fast(tmp_path / "other.regie", "Someone Else", "green lamp beside a quiet canal").session.lock()
    with pytest.raises(WrongSecret):
        backups.prepare_restore(backup, tmp_path / "r.regie", "passphrase", "green lamp beside a quiet canal")


# --- existing records -----------------------------------------------------------------------------

def test_restore_refuses_an_existing_record_without_replace(backed_up, new_record, tmp_path):
    folder, _ = new_record
    session, backup = backed_up
    session.lock()
    before = _snapshot(folder)
    with pytest.raises(RecordExists):
        backups.prepare_restore(backup, folder, "passphrase", PASSPHRASE)
    assert _snapshot(folder) == before and _hidden_leftovers(tmp_path) == []


@pytest.mark.parametrize("swap", ["exchange", "two renames"])
def test_replace_backs_up_the_old_record_then_swaps(backed_up, new_record, tmp_path, monkeypatch, swap):
    folder, _ = new_record
    session, backup = backed_up
    session.rename_person("Renamed After The Backup")
    session.lock()
    if swap == "two renames":
        monkeypatch.setattr(files, "_exchange", lambda first, second: False)
    with backups.prepare_restore(backup, folder, "passphrase", PASSPHRASE, replace=True) as pending:
        assert pending.preview.replaces_existing
        done = pending.confirm()
    assert _hidden_leftovers(tmp_path) == []
    restored = records.unlock_with_passphrase(folder, PASSPHRASE)
    assert restored.person_name() == "Zoë Ünal"
    restored.lock()
    # The replaced record is in its own backup, whole.
    old = backups.restore(done.previous_record_backup, tmp_path / "old.regie", "passphrase", PASSPHRASE)
    reopened = records.unlock_with_passphrase(old.folder, PASSPHRASE)
    assert reopened.person_name() == "Renamed After The Backup"
    reopened.lock()


def test_replace_refuses_a_record_the_secret_does_not_open(backed_up, tmp_path, create_fast):
    _, backup = backed_up
    other = tmp_path / "other.regie"
    create_fast(other, "Someone Else", "green lamp beside a quiet canal").session.lock()
    before = _snapshot(other)
    pending = backups.prepare_restore(backup, other, "passphrase", PASSPHRASE, replace=True)
    with pending, pytest.raises(WrongSecret, match="cannot be backed up"):
        pending.confirm()
    assert _snapshot(other) == before and _hidden_leftovers(tmp_path) == []
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_saying_no_changes_nothing(backed_up, tmp_path):
    _, backup = backed_up
    assert backups.restore(backup, tmp_path / "r.regie", "passphrase", PASSPHRASE, confirm=lambda p: False) is None
    assert not (tmp_path / "r.regie").exists() and _hidden_leftovers(tmp_path) == []


def test_a_swap_cut_off_between_its_renames_is_undone_before_the_next_restore(backed_up, new_record, tmp_path):
    folder, _ = new_record
    session, backup = backed_up
    session.lock()
    before = _snapshot(folder)
    os.rename(folder, folder.with_name(f".{folder.name}.replaced-0badcafe"))  # as a crash would leave it
    with pytest.raises(RecordExists):
        backups.prepare_restore(backup, folder, "passphrase", PASSPHRASE)
    assert _snapshot(folder) == before and _hidden_leftovers(tmp_path) == []


# --- damage and strangers ----------------------------------------------------------------------

@pytest.mark.parametrize("where", [10, 600, 1500, "record", "checksum", -1, -5000])
def test_a_flipped_byte_is_reported_as_damage_and_changes_nothing(backed_up, tmp_path, where):
    _, backup = backed_up
    data = bytearray(backup.read_bytes())
    with tarfile.open(backup) as tar:
        members = {m.name: m for m in tar.getmembers()}
    if where == "record":
        where = members["record.db"].offset_data + members["record.db"].size // 2
    elif where == "checksum":
        where = members["checksum.sha256"].offset_data + 7
    data[where] ^= 0x04
    backup.write_bytes(bytes(data))
    with pytest.raises(BackupDamaged):
        backups.prepare_restore(backup, tmp_path / "r.regie", "passphrase", PASSPHRASE)
    assert not (tmp_path / "r.regie").exists() and _hidden_leftovers(tmp_path) == []


@pytest.mark.parametrize("content", [b"", b"hello, this is not a backup", os.urandom(20000), "plain tar"])
def test_a_foreign_file_is_not_a_backup(tmp_path, content):
    path = tmp_path / "foreign.regiebackup"
    if content == "plain tar":
        _write_tar(path, [("notes.txt", b"nothing to see")])
    else:
        path.write_bytes(content)
    with pytest.raises(BackupDamaged):
        backups.prepare_restore(path, tmp_path / "r.regie", "passphrase", PASSPHRASE)
    assert not (tmp_path / "r.regie").exists() and _hidden_leftovers(tmp_path) == []


def test_a_truncated_backup_is_damage(backed_up, tmp_path):
    _, backup = backed_up
    backup.write_bytes(backup.read_bytes()[:-12000])
    with pytest.raises(BackupDamaged):
        backups.prepare_restore(backup, tmp_path / "r.regie", "passphrase", PASSPHRASE)


@pytest.mark.parametrize("manifest", [
    {"format": "regie-backup", "format_version": 2},
    {"format": "regie-backup", "format_version": 1, "record_id": "0" * 32, "created_at": "2030-01-01T00:00:00+00:00",
     "schema_version": LATEST + 1},
])
def test_a_backup_from_a_newer_version_is_refused(tmp_path, manifest):
    path = tmp_path / "newer.regiebackup"
    _write_tar(path, [("manifest.json", json.dumps(manifest).encode())])
    with pytest.raises(RecordFromNewerVersion):
        backups.prepare_restore(path, tmp_path / "r.regie", "passphrase", PASSPHRASE)
    assert not (tmp_path / "r.regie").exists() and _hidden_leftovers(tmp_path) == []


# --- full disks -------------------------------------------------------------------------------------

@pytest.mark.parametrize("after_bytes", [0, 5000])
def test_a_full_disk_during_a_backup_leaves_no_file_and_a_working_record(session, tmp_path, monkeypatch,
                                                                         after_bytes):
    out = tmp_path / "out"
    out.mkdir()
    _disk_full_under(monkeypatch, out, after_bytes)
    with pytest.raises(StorageFull):
        backups.make_backup(session, out / "b.regiebackup")
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    session.rename_person("Still Writable")
    assert session.person_name() == "Still Writable" and session.check().healthy
    backups.make_backup(session, out / "b.regiebackup")
    assert [p.name for p in out.iterdir()] == ["b.regiebackup"]


@pytest.mark.parametrize("stop", [None, lambda: False])  # in one step, or in steps that can be stopped
def test_sqlite_finding_the_disk_full_while_copying_is_a_full_disk_not_a_crash(session, tmp_path, monkeypatch, stop):
    """Found on a 40 MB tmpfs: the online backup API raises with SQLite's text only, no error code. (The API
    copies when the record's file cannot be frozen: tests/backup/test_backup_snapshot.py.)"""
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(files, "frozen_record_file", lambda db: contextlib.nullcontext(None))
    real_open = files.Database.open

    def open_small(path, key, create=False):
        db = real_open(path, key, create=create)
        if create:
            db.query("PRAGMA max_page_count = 2")  # the disk with the backup folder has room for two pages
        return db

    monkeypatch.setattr(files.Database, "open", staticmethod(open_small))
    with pytest.raises(StorageFull) as full:
        backups.make_backup(session, out / "b.regiebackup", stop=stop)
    assert str(full.value).startswith("The backup could not be written: the disk is full")
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    assert session.check().healthy


@pytest.mark.parametrize("fails_in", ["record file", "key files"])
def test_a_full_disk_during_a_restore_leaves_nothing(backed_up, tmp_path, monkeypatch, fails_in):
    _, backup = backed_up
    target_parent = tmp_path / "restores"
    target_parent.mkdir()
    with tarfile.open(backup) as tar:
        record_size = tar.getmember("record.db").size
    _disk_full_under(monkeypatch, target_parent, record_size // 2 if fails_in == "record file" else record_size + 100)
    with pytest.raises(StorageFull):
        backups.prepare_restore(backup, target_parent / "r.regie", "passphrase", PASSPHRASE)
    assert list(target_parent.iterdir()) == []


def test_a_full_disk_while_backing_up_the_replaced_record_keeps_it(backed_up, new_record, tmp_path, monkeypatch):
    folder, _ = new_record
    session, backup = backed_up
    session.lock()
    before = _snapshot(folder)
    with backups.prepare_restore(backup, folder, "passphrase", PASSPHRASE, replace=True) as pending:
        real = files.write_backup
        monkeypatch.setattr(files, "write_backup", lambda *a, **k: (_ for _ in ()).throw(
            StorageFull("The backup could not be written: the disk is full.")))
        with pytest.raises(StorageFull):
            pending.confirm()
        monkeypatch.setattr(files, "write_backup", real)
    assert _snapshot(folder) == before and _hidden_leftovers(tmp_path) == []


# --- automatic backups --------------------------------------------------------------------------

def test_rotation_keeps_the_newest_seven_of_its_own(session, tmp_path):
    folder = tmp_path / "auto"
    folder.mkdir()
    stranger = folder / "regie-00000000-20200101-000000-000000.regiebackup"
    stranger.write_bytes(b"not ours")
    notes = folder / "notes.txt"
    notes.write_text("keep me")
    made = [backups.backup_rotation(session, folder).made for _ in range(9)]
    left = backups.rotation_backups(folder, session.vault.ring.record_id)
    assert left == made[-7:]
    assert stranger.exists() and notes.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([p.name for p in made[-7:]] + [stranger.name, notes.name])


def test_rotation_leaves_another_records_backups_alone(session, tmp_path, create_fast):
    folder = tmp_path / "auto"
    other = create_fast(tmp_path / "other.regie", "Someone Else", "green lamp beside a quiet canal").session
    try:
        theirs = backups.backup_rotation(other, folder, keep=1).made
    finally:
        other.lock()
    for _ in range(3):
        result = backups.backup_rotation(session, folder, keep=1)
    assert theirs.exists() and len(result.removed) == 1
    assert len(list(folder.iterdir())) == 2


def test_rotation_keeps_at_least_one(session, tmp_path):
    with pytest.raises(InvalidInput):
        backups.backup_rotation(session, tmp_path / "auto", keep=0)
