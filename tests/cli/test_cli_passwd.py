"""`phr passwd`: a new passphrase from PHR_NEW_PASSPHRASE, unlocked with the old one or the recovery code."""

import pytest
from conftest import PASSPHRASE
from test_cli import CODE_LINE, assert_one_clear_line, phr

NEW = "zeilboot onder de wolk van appels"
NEWER = "trein door het tulpenveld bij nacht"


@pytest.fixture
def record(tmp_path):
    folder = tmp_path / "r"
    made = phr("init", folder, "--name", "Zoë Ünal", passphrase=PASSPHRASE)
    return folder, CODE_LINE.search(made.stdout).group(1)


def passwd(folder, new, **secret):
    import os
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHR_")}
    env.update({"PHR_NEW_PASSPHRASE": new, **{f"PHR_{k.upper()}": v for k, v in secret.items()}})
    return subprocess.run([sys.executable, "-m", "phr", "passwd", str(folder)], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_the_new_passphrase_opens_the_old_one_does_not_and_the_code_still_does(record):
    folder, code = record
    result = passwd(folder, NEW, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert phr("check", folder, passphrase=NEW).returncode == 0
    assert phr("check", folder, passphrase=PASSPHRASE).returncode == 3
    assert phr("check", folder, recovery_code=code).returncode == 0


def test_a_forgotten_passphrase_is_replaced_with_the_recovery_code(record):
    folder, code = record
    assert passwd(folder, NEWER, recovery_code=code).returncode == 0
    assert phr("check", folder, passphrase=NEWER).returncode == 0
    assert phr("check", folder, passphrase=PASSPHRASE).returncode == 3


def test_a_weak_new_passphrase_or_a_wrong_old_one_changes_nothing(record):
    folder, _ = record
    keys_before = (folder / "keys.json").read_bytes()
    weak = passwd(folder, "welkom12", passphrase=PASSPHRASE)
    assert weak.returncode == 1 and "too easy to guess" in weak.stderr
    assert_one_clear_line(weak)
    assert passwd(folder, NEW, passphrase="not the passphrase at all").returncode == 3
    assert (folder / "keys.json").read_bytes() == keys_before
