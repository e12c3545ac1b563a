"""Issue 19: the settings file is 0600 and the config and automatic-backup folders 0700, also under umask 000
(they were 0644/0666 and 0755/0777), and so is Regie's folder of unfinished jobs."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from phr.backup import auto_backup
from phr.storage import leftovers
from phr.ui.app.settings import AppSettings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """umask 000: every file and folder made with the default mode is readable and writable by everyone."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_the_settings_file_is_0600_in_a_0700_folder_under_umask_000(tmp_path, open_umask):
    path = tmp_path / "config" / "Regie" / "settings.ini"
    settings = AppSettings(path)
    settings.remember_record(tmp_path / "Anna.regie")
    settings.set_language("nl")
    assert path.is_file() and mode(path) == 0o600
    assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700  # both made for it
    assert AppSettings(path).language() == "nl"


def test_a_readable_settings_file_and_folder_an_older_version_left_become_private(tmp_path):
    folder = tmp_path / "Regie"
    folder.mkdir(mode=0o755)
    path = folder / "settings.ini"
    path.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    path.chmod(0o644)
    folder.chmod(0o755)
    settings = AppSettings(path)
    assert mode(path) == 0o600 and mode(folder) == 0o700
    assert settings.language() == "en"


def test_a_settings_file_removed_while_the_app_runs_comes_back_private(tmp_path, open_umask):
    path = tmp_path / "Regie" / "settings.ini"
    settings = AppSettings(path)
    settings.set_language("en")
    path.unlink()
    settings.set_text_size(130)  # QSettings writes a new file with the umask's mode
    assert mode(path) == 0o600


def test_the_default_backup_folder_and_the_folders_made_for_it_are_0700_under_umask_000(session, open_umask):
    folder = auto_backup.default_folder()
    assert not folder.exists()
    result = auto_backup.run_if_due(session, folder, keep=7)
    assert result.made is not None and result.made.parent == folder.absolute()
    assert mode(folder) == 0o700 and mode(folder.parent) == 0o700
    assert mode(result.made) == 0o600


def test_a_default_backup_folder_an_older_version_made_0755_becomes_0700(session):
    folder = auto_backup.default_folder()
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    folder.parent.chmod(0o755)
    auto_backup.run_if_due(session, folder, keep=7)
    assert mode(folder) == 0o700 and mode(folder.parent) == 0o700


def test_a_backup_folder_the_person_chose_keeps_its_mode_and_a_new_one_is_0700(session, tmp_path, open_umask):
    chosen = tmp_path / "stick"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    assert auto_backup.run_if_due(session, chosen, keep=7, may_create=False).made is not None
    assert mode(chosen) == 0o755  # theirs: perhaps shared on purpose
    made = tmp_path / "new" / "backups"
    assert auto_backup.run_if_due(session, made, keep=7, may_create=True).made is not None
    assert mode(made) == 0o700 and mode(made.parent) == 0o700


def test_the_folder_of_unfinished_jobs_is_0700_under_umask_000(tmp_path, open_umask):
    tickets = tmp_path / "data" / "Regie" / "unfinished"
    ticket = leftovers.started(leftovers.Job.BACKUP, tmp_path / "out.regiebackup", tickets)
    try:
        assert mode(tickets) == 0o700 and mode(tickets.parent) == 0o700
        assert [mode(path) for path in tickets.iterdir()] == [0o600]
    finally:
        ticket.done()
    assert list(tickets.iterdir()) == []
