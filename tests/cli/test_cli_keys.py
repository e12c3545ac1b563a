"""`phr keys DIR list|add-carer NAME|remove NAME` as scripts use it."""

import os
import subprocess
import sys

from conftest import PASSPHRASE
from test_cli import assert_one_clear_line, phr

CARER = "anna walks the dog along the dyke"


def _phr_with_carer(*args, passphrase, carer_passphrase):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHR_")}
    env.update(PHR_PASSPHRASE=passphrase, PHR_CARER_PASSPHRASE=carer_passphrase)
    return subprocess.run([sys.executable, "-m", "phr", *map(str, args)], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


def test_add_list_and_remove_a_carer(tmp_path):
    record = tmp_path / "r"
    assert phr("init", record, "--name", "Zoë Ünal", passphrase=PASSPHRASE).returncode == 0
    added = _phr_with_carer("keys", record, "add-carer", "Anna Bakker", passphrase=PASSPHRASE,
                            carer_passphrase=CARER)
    assert added.returncode == 0, added.stderr
    assert "Carer added: Anna Bakker" in added.stdout and "Recovery code" not in added.stdout
    assert "Anna" not in (record / "keys.json").read_text()  # the name lives only in the encrypted record

    listed = phr("keys", record, "list", passphrase=CARER)  # a carer may see who has a key
    assert listed.returncode == 0 and "carer: Anna Bakker (key id " in listed.stdout

    refused = phr("keys", record, "remove", "Anna Bakker", passphrase=CARER)
    assert refused.returncode == 1 and "Only the owner" in refused.stderr
    assert_one_clear_line(refused)

    stick = tmp_path / "STICK"  # not plugged in: no backup, so no key change
    unplugged = phr("keys", record, "remove", "anna bakker", "--backup-dir", stick, passphrase=PASSPHRASE)
    assert unplugged.returncode == 1 and "Nothing was changed" in unplugged.stderr and str(stick) in unplugged.stderr
    assert_one_clear_line(unplugged)
    assert phr("check", record, passphrase=CARER).returncode == 0 and not stick.exists()

    stick.mkdir()
    removed = phr("keys", record, "remove", "anna bakker", "--backup-dir", stick, passphrase=PASSPHRASE)
    assert removed.returncode == 0, removed.stderr
    assert "Carer removed: Anna Bakker" in removed.stdout
    backup = next(stick.glob("*.regiebackup"))  # made before the key change: Anna's passphrase opens it
    assert f"Backup before the key change: {backup}" in removed.stdout
    restored = _phr_with_carer("restore", backup, tmp_path / "before-removal", passphrase=CARER,
                               carer_passphrase="")
    assert restored.returncode == 0, restored.stderr
    assert phr("check", record, passphrase=CARER).returncode == 3
    assert phr("check", record, passphrase=PASSPHRASE).returncode == 0
    assert "carer:" not in phr("keys", record, "list", passphrase=PASSPHRASE).stdout


def test_unknown_carer_and_missing_name_are_one_clear_line(tmp_path):
    record = tmp_path / "r"
    assert phr("init", record, passphrase=PASSPHRASE).returncode == 0
    before = (record / "keys.json").read_bytes()
    for args in (("remove", "Nobody"), ("add-carer",), ("remove", "  ")):
        result = phr("keys", record, *args, passphrase=PASSPHRASE)
        assert result.returncode == 1, result.stderr
        assert_one_clear_line(result)
    assert (record / "keys.json").read_bytes() == before
