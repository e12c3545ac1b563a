"""`phr FILE.regiebackup`: which argument is a backup file, what a file that is not one gives, and that the app
is started with the file (the restore itself: tests/ui/test_open_backup_file.py)."""

import io
import json
import os
import pty
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from phr.backup import backups
from phr.cli import main as cli
from phr.cli.backup_file import backup_file_argument, backup_file_problem
from phr.ui.app import launch

COMMANDS = {"init", "check", "demo", "screenshots", "export", "backup", "restore", "passwd", "keys", "import"}


@pytest.fixture
def backup(session, tmp_path) -> Path:
    return backups.make_backup(session, tmp_path / "anna.regiebackup").path


@pytest.fixture
def started(monkeypatch) -> list[tuple[list[str], Path | None]]:
    """The app's starts, instead of the app: (Qt's argv, the backup file it opens)."""
    calls: list[tuple[list[str], Path | None]] = []

    def run_app(argv: list[str], backup_file: Path | None = None) -> int:
        calls.append((argv, backup_file))
        return 0
    monkeypatch.setattr(launch, "run_app", run_app)
    return calls


def at_terminal(monkeypatch, terminal: bool) -> None:
    monkeypatch.setattr(cli, "has_terminal", lambda: terminal)


def test_the_parser_knows_the_commands_this_test_names():
    assert cli._command_names(cli._parser()) == COMMANDS


def test_a_commands_usage_line_is_its_own_not_the_backup_files(capsys):
    with pytest.raises(SystemExit):
        cli._parser().parse_args(["init", "--help"])
    assert capsys.readouterr().out.startswith("usage: phr init [-h] [--name NAME] dir\n")


@pytest.mark.parametrize("args, file", [
    (["x.regiebackup"], "x.regiebackup"),          # not there: still a file, which is then said to be missing
    (["Backup van Anna.REGIEBACKUP"], "Backup van Anna.REGIEBACKUP"),
    (["somewhere/x"], "somewhere/x"),               # a folder in it: a path, never a command
    (["file:///home/anna/mijn%20kopie.regiebackup"], "/home/anna/mijn kopie.regiebackup"),
    (["file://localhost/tmp/a.regiebackup"], "/tmp/a.regiebackup"),
])
def test_one_file_argument_is_the_backup_to_open(args, file):
    assert backup_file_argument(args, COMMANDS) == Path(file)


@pytest.mark.parametrize("args", [
    [], ["--version"], ["-h"], ["init", "r.regie"], ["check"], ["frobnicate"], ["x.regiebackup", "extra"],
    ["file://elsewhere/a.regiebackup"],
])
def test_commands_options_and_unknown_words_are_left_to_argparse(args):
    assert backup_file_argument(args, COMMANDS) is None


def test_a_file_named_like_a_command_is_the_command_unless_written_as_a_path(backup, tmp_path, monkeypatch,
                                                                              started):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "check").write_bytes(backup.read_bytes())
    assert backup_file_argument(["check"], COMMANDS) is None
    with pytest.raises(SystemExit) as usage:  # `phr check` without its DIR: argparse's usage error
        cli.main(["check"])
    assert usage.value.code == 2 and started == []
    assert cli.main(["./check"]) == 0
    assert started == [(sys.argv[:1], tmp_path / "check")]


def test_an_existing_backup_without_the_suffix_is_opened_too(backup, tmp_path, monkeypatch, started):
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / "kopie"
    copy.write_bytes(backup.read_bytes())
    assert cli.main(["kopie"]) == 0
    assert started == [(sys.argv[:1], copy)]  # absolute: the app has no use for the working folder


def test_a_backup_starts_the_app_with_only_the_program_name_for_qt(backup, started, monkeypatch):
    at_terminal(monkeypatch, True)
    assert cli.main([str(backup)]) == 0
    assert started == [(sys.argv[:1], backup)]


def test_a_backup_of_a_newer_version_is_still_a_backup_the_app_explains(tmp_path):
    made = tmp_path / "newer.regiebackup"
    manifest = json.dumps({"format": "regie-backup", "format_version": 99}).encode()
    with tarfile.open(made, "w", format=tarfile.GNU_FORMAT) as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
    assert backup_file_problem(made) is None


def not_a_backup(tmp_path: Path) -> Path:
    path = tmp_path / "notes.regiebackup"
    path.write_text("Vragen voor de dokter\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make, says", [
    (lambda tmp_path: tmp_path / "gone.regiebackup", "gone.regiebackup: no such file"),
    (not_a_backup, "notes.regiebackup is not a Regie backup, or it is damaged"),
    (lambda tmp_path: tmp_path, "is a folder, not a backup file"),
])
def test_at_a_terminal_a_file_that_is_no_backup_is_one_line_and_exit_2_without_a_window(
        make, says, tmp_path, started, monkeypatch, capsys):
    at_terminal(monkeypatch, True)
    path = make(tmp_path)
    assert cli.main([str(path) + ("/" if path.is_dir() else "")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("phr: ") and says in err[0] and str(tmp_path) in err[0]
    assert started == []


def test_without_a_terminal_the_app_opens_and_says_it(tmp_path, started, monkeypatch, capsys):
    """A double-click has no terminal to read a line on: the app starts and says it in a window."""
    at_terminal(monkeypatch, False)
    path = not_a_backup(tmp_path)
    assert cli.main([str(path)]) == 0
    assert started == [(sys.argv[:1], path)] and capsys.readouterr().err == ""


def test_help_names_the_backup_file_form(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert "phr FILE.regiebackup" in out and "restore of that backup" in " ".join(out.split())


def test_from_a_real_terminal_a_missing_backup_is_said_on_stderr(tmp_path):
    """The real program (`python -m phr`, so sys.argv): its stdin on a terminal, its stderr read here."""
    primary, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHR_")}
    try:
        result = subprocess.run([sys.executable, "-m", "phr", str(tmp_path / "gone.regiebackup")], stdin=secondary,
                                capture_output=True, text=True, env=env, timeout=60)
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 2
    assert result.stderr.strip() == f"phr: {tmp_path / 'gone.regiebackup'}: no such file"


def test_a_pipe_is_no_backup_and_is_never_read(tmp_path):
    pipe = tmp_path / "x.regiebackup"
    os.mkfifo(pipe)  # reading its manifest would wait for a writer for ever
    assert backup_file_problem(pipe) == f"{pipe} is not a regular file (it is a device, a pipe or a socket), " \
                                        "not a backup file"
