"""A removed carer and the older backups (issue 19, point 4).

Removing a carer changes the record's key, but every backup made while they were a carer still holds
their key slot with the data key of its day: the one made just before the key change and the automatic
ones before it. Found by the attack: the carer restored those with their own passphrase, and nothing
said so. Now the removal finds those backups (the backup folder and beside the record) and offers to
take the carer's key out of them (only the key file changes: the encrypted record inside stays byte for
byte what it was) or to delete them, and says what it cannot reach.
"""

import os
import subprocess
import sys
import tarfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import FAST, PASSPHRASE
from PySide6.QtWidgets import QMessageBox

from phr.access import carers
from phr.access.session import RecordSession
from phr.backup import auto_backup, backups, removed_carers
from phr.core.errors import WrongSecret
from phr.storage import backup_keys
from phr.storage.backup_archive import RECORD
from phr.storage.errors import BackupDamaged
from phr.ui.security import old_backups_dialog
from phr.ui.security.carers_dialog import CarersDialog
from phr.ui.security.old_backups_dialog import OldBackupsDialog

ANNA = "anna walks the dog along the dyke"
BERT = "bert paints the shed a deep green"
T0 = datetime(2026, 11, 22, 8, 30, tzinfo=timezone.utc)


def _restores(path: Path, target: Path, passphrase: str) -> bool:
    """Whether `passphrase` restores the backup (into `target`, then thrown away)."""
    try:
        pending = backups.prepare_restore(path, target, backups.SecretKind.PASSPHRASE, passphrase)
    except WrongSecret:
        return False
    pending.cancel()
    return True


def _record_member(path: Path) -> bytes:
    with tarfile.open(path) as tar:
        reader = tar.extractfile(RECORD)
        assert reader is not None
        return reader.read()


def _backup(session: RecordSession, folder: Path, days: int) -> Path:
    return backups.backup_rotation(session, folder, keep=None, now=T0 + timedelta(days=days)).made


@pytest.fixture
def folder(tmp_path) -> Path:
    made = tmp_path / "backups"
    made.mkdir()
    return made


@pytest.fixture
def history(session, folder):
    """Backups before Anna, while Anna and Bert were carers, the one before the key change; Anna removed."""
    before_anna = _backup(session, folder, 0)
    carers.add_carer(session, "Anna Bakker", ANNA, FAST)
    carers.add_carer(session, "Bert Smit", BERT, FAST)
    while_carer = _backup(session, folder, 1)
    before_rekey = auto_backup.backup_before(session, "rekey", folder, keep=None, clock=lambda: T0 + timedelta(days=2))
    carers.remove_carer(session, "Anna Bakker")
    return before_anna, while_carer, before_rekey


def test_the_backups_made_while_the_carer_was_one_are_found(session, folder, history, create_fast, tmp_path):
    before_anna, while_carer, before_rekey = history
    other = create_fast(tmp_path / "other.regie", "Other Person", PASSPHRASE).session
    try:  # another record's backup with a carer it still has: never touched
        carers.add_carer(other, "Anna Bakker", ANNA, FAST)
        backups.make_backup(other, folder / "other.regiebackup")
    finally:
        other.lock()
    (folder / "junk.regiebackup").write_bytes(b"not a backup at all")
    assert _restores(while_carer, tmp_path / "t", ANNA)  # the problem the attack found
    found = removed_carers.find(session, [folder])
    assert [backup.path for backup in found] == sorted([while_carer, before_rekey])
    assert all(len(backup.removed_slots) == 1 for backup in found)  # Anna's only: Bert is still a carer
    assert before_anna not in [backup.path for backup in found]


def test_taking_the_key_out_stops_the_carer_and_keeps_everything_else(session, folder, history, tmp_path):
    _, while_carer, before_rekey = history
    sealed_record = {path: _record_member(path) for path in (while_carer, before_rekey)}
    cleaned = removed_carers.take_keys_out(removed_carers.find(session, [folder]))
    assert sorted(cleaned.changed) == sorted([while_carer, before_rekey]) and not cleaned.failed
    assert removed_carers.find(session, [folder]) == []
    for path in (while_carer, before_rekey):
        assert _record_member(path) == sealed_record[path]  # the encrypted record, byte for byte: never opened
        assert os.stat(path).st_mode & 0o777 == 0o600
        assert not _restores(path, tmp_path / "anna", ANNA)
        assert _restores(path, tmp_path / "bert", BERT)  # a carer who stays keeps their key
    with backups.prepare_restore(before_rekey, tmp_path / "owner", backups.SecretKind.PASSPHRASE, PASSPHRASE) as pending:
        assert pending.preview.counts == session.check().counts  # checksum, unlock and integrity check pass
    assert len(list(folder.iterdir())) == 3 and not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_a_damaged_backup_is_left_as_it_is(session, folder, history):
    _, while_carer, before_rekey = history
    raw = bytearray(while_carer.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # inside the encrypted record: only the checksum can tell
    while_carer.write_bytes(bytes(raw))
    cleaned = removed_carers.take_keys_out(removed_carers.find(session, [folder]))
    assert cleaned.failed == (while_carer,) and cleaned.changed == (before_rekey,)
    assert while_carer.read_bytes() == bytes(raw)  # never given a checksum that would hide the damage
    with pytest.raises(BackupDamaged):
        backup_keys.remove_carer_slots(while_carer, {"0" * 16})
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_a_failed_replace_leaves_the_old_backup(session, folder, history, monkeypatch):
    _, while_carer, _ = history
    before = while_carer.read_bytes()

    def refuse(source, target):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(backup_keys, "replace", refuse)
    cleaned = removed_carers.take_keys_out([b for b in removed_carers.find(session, [folder]) if b.path == while_carer])
    assert cleaned.failed == (while_carer,)
    assert while_carer.read_bytes() == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_deleting_them(session, folder, history):
    before_anna, while_carer, before_rekey = history
    cleaned = removed_carers.delete(removed_carers.find(session, [folder]))
    assert sorted(cleaned.deleted) == sorted([while_carer, before_rekey])
    assert sorted(folder.iterdir()) == [before_anna]


def test_the_search_covers_the_backup_folder_used_and_the_records_folder(session, folder):
    _backup(session, folder, 0)
    searched = removed_carers.folders_to_search(session)
    assert folder.resolve() in searched and session.folder.resolve().parent in searched
    assert auto_backup.default_folder().resolve() in searched


# --- the command line -------------------------------------------------------------------------------

def _phr(*args: object, passphrase: str = PASSPHRASE, carer: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHR_")}
    env.update(PHR_PASSPHRASE=passphrase, PHR_CARER_PASSPHRASE=carer)
    return subprocess.run([sys.executable, "-m", "phr", *map(str, args)], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


def test_phr_keys_remove_lists_them_and_clean_backups_takes_the_key_out(new_record, tmp_path):
    record, _ = new_record
    stick = tmp_path / "stick"
    stick.mkdir()
    assert _phr("keys", record, "add-carer", "Anna Bakker", carer=ANNA).returncode == 0
    removed = _phr("keys", record, "remove", "Anna Bakker", "--backup-dir", stick)
    assert removed.returncode == 0, removed.stderr
    made = next(stick.glob("*.regiebackup"))
    assert "These backups still open with Anna Bakker's passphrase" in removed.stdout
    assert f"  {made}" in removed.stdout and "clean-backups" in removed.stdout
    assert "USB stick" in removed.stdout and "synced folder" in removed.stdout
    assert _restores(made, tmp_path / "t", ANNA)

    refused = _phr("keys", record, "clean-backups", "--backup-dir", stick, passphrase=BERT)
    assert refused.returncode == 3  # not a passphrase of this record at all
    cleaned = _phr("keys", record, "clean-backups", "--backup-dir", stick)
    assert cleaned.returncode == 0, cleaned.stderr
    assert f"Key taken out: {made}" in cleaned.stdout
    assert not _restores(made, tmp_path / "t", ANNA) and _restores(made, tmp_path / "t", PASSPHRASE)
    again = _phr("keys", record, "clean-backups", "--backup-dir", stick)
    assert again.returncode == 0 and "No backup in" in again.stdout


def test_phr_keys_remove_can_delete_them_at_once_and_a_carer_may_not(new_record, tmp_path):
    record, _ = new_record
    stick = tmp_path / "stick"
    stick.mkdir()
    for name, passphrase in (("Anna Bakker", ANNA), ("Bert Smit", BERT)):
        assert _phr("keys", record, "add-carer", name, carer=passphrase).returncode == 0
    by_carer = _phr("keys", record, "clean-backups", "--backup-dir", stick, passphrase=BERT)
    assert by_carer.returncode == 1 and by_carer.stderr.count("\n") == 1 and "Only the owner" in by_carer.stderr
    removed = _phr("keys", record, "remove", "Anna Bakker", "--backup-dir", stick, "--old-backups", "delete")
    assert removed.returncode == 0, removed.stderr
    assert "Deleted: " in removed.stdout and list(stick.glob("*.regiebackup")) == []


# --- the app ------------------------------------------------------------------------------------------

def _remove_in_dialog(qtbot, session, folder, monkeypatch, choice: str) -> list[str]:
    carers.add_carer(session, "Anna Bakker", ANNA, FAST)
    _backup(session, folder, 0)  # an automatic backup while Anna is a carer

    def before_rekey(session):
        return lambda: auto_backup.backup_before(session, "rekey", folder, keep=7, own_connection=True) and None

    dialog = CarersDialog(session, argon2=FAST, before_rekey=before_rekey)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    shown: list[str] = []

    def answer(self):
        shown.extend(label.text() for label in self.findChildren(old_backups_dialog.QLabel))
        shown.extend(self.files.item(i).text() for i in range(self.files.count()))
        {"take_out": self.take_out, "delete": self.delete, "keep": self.keep}[choice].click()

    monkeypatch.setattr(OldBackupsDialog, "exec", answer)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=30000)
    return shown


def test_the_app_offers_to_take_the_key_out_and_says_what_it_cannot_reach(qtbot, session, folder, monkeypatch, tmp_path):
    shown = _remove_in_dialog(qtbot, session, folder, monkeypatch, "take_out")
    ours = sorted(folder.glob("*.regiebackup"))
    assert len(ours) == 2 and all(str(path) in shown for path in ours)
    text = "\n".join(shown)
    assert "USB stick" in text and "OneDrive" in text and "they keep" in text
    assert "Anna Bakker's key was taken out of 2 backups." in text
    assert not any(_restores(path, tmp_path / "t", ANNA) for path in ours)
    assert all(_restores(path, tmp_path / "t", PASSPHRASE) for path in ours)


def test_keeping_them_changes_nothing(qtbot, session, folder, monkeypatch, tmp_path):
    _remove_in_dialog(qtbot, session, folder, monkeypatch, "keep")
    ours = sorted(folder.glob("*.regiebackup"))
    assert len(ours) == 2 and all(_restores(path, tmp_path / "t", ANNA) for path in ours)
