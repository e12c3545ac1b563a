"""The command line contract: commands, output lines, exit codes, no tracebacks."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr import __version__

CODE_LINE = re.compile(r"^Recovery code: ([2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){6})$", re.MULTILINE)


def phr(*args, passphrase=None, recovery_code=None, stdin=subprocess.DEVNULL):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHR_")}
    if passphrase is not None:
        env["PHR_PASSPHRASE"] = passphrase
    if recovery_code is not None:
        env["PHR_RECOVERY_CODE"] = recovery_code
    return subprocess.run([sys.executable, "-m", "phr", *map(str, args)], env=env, stdin=stdin,
                          capture_output=True, text=True, timeout=120)


def assert_one_clear_line(result):
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("phr: ")
    assert "Traceback" not in result.stderr + result.stdout


def every_file(folder: Path):
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def cli_record(tmp_path_factory):
    """One record made by `phr init` with the real, timed Argon2id settings."""
    folder = tmp_path_factory.mktemp("cli") / "r"
    result = phr("init", folder, "--name", "Zoë Ünal", passphrase=PASSPHRASE)
    return folder, result


def test_version():
    result = phr("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_unknown_command_is_a_usage_error():
    result = phr("frobnicate")
    assert result.returncode == 2


def test_init_prints_the_recovery_code_once_on_its_own_line(cli_record):
    _, result = cli_record
    assert result.returncode == 0, result.stderr
    assert len(CODE_LINE.findall(result.stdout)) == 1
    assert "Write this recovery code down" in result.stdout


def test_init_then_check_is_healthy(cli_record):
    folder, _ = cli_record
    result = phr("check", folder, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "Healthy record" in result.stdout
    for line in result.stdout.splitlines()[:-1]:
        assert re.fullmatch(r"[a-z_]+: \d+", line)


def test_the_name_is_in_no_file_of_the_record(cli_record):
    folder, _ = cli_record
    for path in every_file(folder):
        data = path.read_bytes()
        for form in ("Zoë", "Ünal", "Zo\u0308e"):
            assert form.encode("utf-8") not in data, path
            assert form.encode("utf-16-le") not in data, path


def test_the_timed_argon2id_settings_meet_the_floor(cli_record):
    import json

    folder, _ = cli_record
    owner = next(s for s in json.loads((folder / "keys.json").read_text())["slots"] if s["kind"] == "owner")
    assert owner["kdf"]["name"] == "argon2id"
    assert owner["kdf"]["memory_kib"] >= 64 * 1024
    assert owner["kdf"]["iterations"] >= 3


def test_wrong_passphrase_exits_3_with_one_line(cli_record):
    folder, _ = cli_record
    result = phr("check", folder, passphrase="not the right one at all")
    assert result.returncode == 3
    assert_one_clear_line(result)


def test_check_with_the_recovery_code(cli_record):
    folder, init = cli_record
    code = CODE_LINE.search(init.stdout).group(1)
    assert phr("check", folder, recovery_code=code.lower().replace("-", " ")).returncode == 0
    mistyped = code[:-1] + ("2" if code[-1] != "2" else "3")
    result = phr("check", folder, recovery_code=mistyped)
    assert result.returncode == 3
    assert "typing error" in result.stderr
    assert_one_clear_line(result)


def test_init_refuses_a_folder_that_is_not_empty(cli_record):
    folder, _ = cli_record
    before = {p: p.read_bytes() for p in every_file(folder)}
    result = phr("init", folder, "--name", "Someone Else", passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert_one_clear_line(result)
    assert {p: p.read_bytes() for p in every_file(folder)} == before


def test_init_refuses_a_weak_passphrase(tmp_path):
    result = phr("init", tmp_path / "weak", passphrase="welkom123")
    assert result.returncode == 1
    assert_one_clear_line(result)
    assert not (tmp_path / "weak").exists()


def test_check_of_a_folder_without_a_record(tmp_path):
    result = phr("check", tmp_path / "nothing-here", passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert_one_clear_line(result)
    assert "No record found" in result.stderr


def test_without_passphrase_and_terminal_it_says_how_to_give_one(cli_record):
    folder, _ = cli_record
    result = phr("check", folder)
    assert result.returncode == 1
    assert "PHR_PASSPHRASE" in result.stderr
    assert_one_clear_line(result)


def test_a_parent_that_is_a_file_is_one_clear_line(tmp_path):
    (tmp_path / "afile").write_text("x")
    result = phr("init", tmp_path / "afile" / "sub", passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert_one_clear_line(result)


def test_init_without_a_folder_name(tmp_path):
    result = phr("init", "", passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert "Give a folder" in result.stderr


def test_a_weak_passphrase_is_explained_in_words(tmp_path):
    result = phr("init", tmp_path / "w", passphrase="Wachtwoord1")
    assert "very common password" in result.stderr
    assert "_" not in result.stderr.split(":", 1)[1]  # no internal codes such as too_short


def test_the_process_writes_no_core_file():
    code = ("import resource, ctypes, ctypes.util; from phr.access.hardening import disable_core_dumps; "
            "disable_core_dumps(); libc = ctypes.CDLL(ctypes.util.find_library('c')); "
            "print(resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "(0, 0) 0"  # no core size, and not dumpable


def test_demo_makes_a_healthy_sample_record_and_says_its_passphrase(tmp_path):
    from phr.demo.sample_record import SAMPLE_PASSPHRASE

    result = phr("demo", tmp_path / "sample")
    assert result.returncode == 0, result.stderr
    assert f"Its passphrase is: {SAMPLE_PASSPHRASE}" in result.stdout
    check = phr("check", tmp_path / "sample", passphrase=SAMPLE_PASSPHRASE)
    assert check.returncode == 0
    counts = dict(line.split(": ") for line in check.stdout.splitlines()[:-1])
    assert all(int(count) > 0 for count in counts.values()), counts


def test_demo_uses_the_passphrase_variable_when_set(tmp_path):
    result = phr("demo", tmp_path / "own", passphrase=PASSPHRASE)
    assert result.returncode == 0 and "Its passphrase is" not in result.stdout
    assert phr("check", tmp_path / "own", passphrase=PASSPHRASE).returncode == 0


def test_screenshots_render_every_page(tmp_path):
    result = phr("screenshots", tmp_path / "shots", "--lang", "en")
    assert result.returncode == 0, result.stderr
    pictures = sorted((tmp_path / "shots").glob("*.png"))
    names = [p.stem for p in pictures]
    for page in ("00-start", "01-overview", "03-diagnoses", "04-care_plan", "07-appointments", "09-results",
                 "10-documents", "11-vaccinations", "12-procedures", "13-timeline",
                 "s-settings", "s-carers", "s-add-carer", "s-passphrase", "s-backup", "s-restore", "s-recovery"):
        assert page in names
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 10_000 for p in pictures)
