"""A backup copies the record's file as it is, inside a read snapshot the file alone holds (issue 20, point 7):
byte for byte, saves made meanwhile stay out of it, and when the file cannot be frozen the backup API copies."""

import tarfile

import pytest
from conftest import PASSPHRASE

from phr.backup import backups
from phr.storage import backup_archive
from phr.storage.errors import BackupStopped


def _record_in(backup) -> bytes:
    with tarfile.open(backup) as tar:
        member = tar.extractfile("record.db")
        assert member is not None
        return member.read()


def _restores_healthy(backup, target) -> dict[str, int]:
    with backups.prepare_restore(backup, target, "passphrase", PASSPHRASE) as pending:
        return pending.preview.counts  # prepare_restore refuses a backup whose record fails its checks


def test_an_idle_record_is_backed_up_as_its_file_byte_for_byte(session, tmp_path):
    session.rename_person("Before The Backup")
    made = backups.make_backup(session, tmp_path / "b.regiebackup")
    # The backup API would have written a new file (a new salt, pages encrypted again): not the same bytes.
    assert _record_in(made.path) == (session.folder / "record.db").read_bytes()
    assert _restores_healthy(made.path, tmp_path / "restored.regie") == session.check().counts


def test_saves_during_the_copy_neither_enter_the_backup_nor_change_the_file_being_copied(session, tmp_path,
                                                                                            monkeypatch):
    monkeypatch.setattr(backup_archive, "COPY_CHUNK", 4096)  # a page at a time: saves land in the middle
    record_file = session.folder / "record.db"
    other = session.vault.second_connection()  # as the window's saves, while a pool thread backs up
    frozen, folded = [], []

    def save_meanwhile() -> bool:
        if not frozen:
            frozen.append(record_file.read_bytes())
            with other.transaction():
                other.execute("INSERT OR REPLACE INTO record_meta (key, value) VALUES ('test_tick', 'saved')")
            folded.append(other.query_one("PRAGMA wal_checkpoint(PASSIVE)"))  # may not write into the file
        return False

    try:
        made = backups.make_backup(session, tmp_path / "b.regiebackup", stop=save_meanwhile)
    finally:
        other.close()
    assert frozen and _record_in(made.path) == frozen[0]
    busy, in_wal, folded_frames = folded[0]
    assert in_wal > 0 and folded_frames < in_wal  # the snapshot's read lock kept the checkpoint out of the file
    assert session.db.query_one("SELECT value FROM record_meta WHERE key = 'test_tick'") == ("saved",)
    assert session.check().healthy
    _restores_healthy(made.path, tmp_path / "restored.regie")


def test_a_record_whose_file_cannot_be_frozen_is_copied_with_the_backup_api(session, tmp_path, monkeypatch):
    monkeypatch.setattr(backup_archive, "_wal_size", lambda path: 1)  # as if another save always came first
    made = backups.make_backup(session, tmp_path / "b.regiebackup")
    assert _record_in(made.path) != (session.folder / "record.db").read_bytes()
    assert _restores_healthy(made.path, tmp_path / "restored.regie") == session.check().counts


def test_a_backup_stopped_while_copying_leaves_nothing_and_the_record_writable(session, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BackupStopped):
        backups.make_backup(session, out / "b.regiebackup", stop=lambda: True)
    assert list(out.iterdir()) == []
    session.rename_person("Still Writable")
    assert session.db.query_one("PRAGMA wal_checkpoint(TRUNCATE)")[0] == 0  # no snapshot left holding the file
    assert session.person_name() == "Still Writable"
