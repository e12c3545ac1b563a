"""`phr backup` and `phr restore` as scripts use them."""

import os
import stat

from conftest import PASSPHRASE
from test_cli import assert_one_clear_line, phr


def test_backup_and_restore_into_a_new_folder_then_replace_only_when_asked(tmp_path):
    record, backup, restored = tmp_path / "r", tmp_path / "usb" / "r.regiebackup", tmp_path / "back"
    assert phr("init", record, "--name", "Zoë Ünal", passphrase=PASSPHRASE).returncode == 0
    backup.parent.mkdir()
    made = phr("backup", record, backup, passphrase=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    assert "Zoë".encode() not in backup.read_bytes()

    first = phr("restore", backup, restored, passphrase=PASSPHRASE)
    assert first.returncode == 0, first.stderr
    assert "diagnoses: 0" in first.stdout and phr("check", restored, passphrase=PASSPHRASE).returncode == 0

    refused = phr("restore", backup, restored, passphrase=PASSPHRASE)
    assert refused.returncode == 1
    assert_one_clear_line(refused)
    replaced = phr("restore", backup, restored, "--replace", passphrase=PASSPHRASE)
    assert replaced.returncode == 0 and "is kept as" in replaced.stdout
    assert len(list(tmp_path.glob("back.before-restore-*.regiebackup"))) == 1


def test_a_backup_opens_only_with_the_records_secret(tmp_path):
    record, backup = tmp_path / "r", tmp_path / "r.regiebackup"
    assert phr("init", record, passphrase=PASSPHRASE).returncode == 0
    assert phr("backup", record, backup, passphrase=PASSPHRASE).returncode == 0
    wrong = phr("restore", backup, tmp_path / "x", passphrase="an entirely different passphrase")
    assert wrong.returncode == 3
    assert not (tmp_path / "x").exists()
