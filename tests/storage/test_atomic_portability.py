"""Atomic writes on other platforms, simulated here: no folder fsync where a folder cannot be opened
(Windows), a rename that a virus scanner or sync client holds up for a moment is tried again, and
macOS's F_FULLFSYNC empties the drive's cache too."""

import errno
import os
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr.storage import atomic, backups
from phr.storage.atomic import Platform

WINDOWS = atomic.platform_for("win32")
NO_PAUSES = Platform(folders_sync=False, full_fsync=None, rename_retry_pauses=(0.0,) * 5)


def _refused(times: int, real=os.replace):
    """os.replace that Windows refuses `times` times (a scanner holds the file), then does."""
    calls: list[str] = []

    def flaky(source, target):
        calls.append(str(target))
        if len(calls) <= times:
            raise PermissionError(errno.EACCES, f"in use ({len(calls)})", str(target))
        return real(source, target)

    return flaky, calls


def _windows_folders(monkeypatch) -> list[str]:
    """os.open of a folder fails, as on Windows; returns the folders it was tried on."""
    real, tried = os.open, []

    def open_(path, flags, *args, **kwargs):
        if Path(path).is_dir():
            tried.append(str(path))
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", open_)
    return tried


# --- what each platform does ----------------------------------------------------------------------

def test_the_platform_decisions():
    linux, windows = atomic.platform_for("linux"), atomic.platform_for("win32")
    assert linux.folders_sync and linux.rename_retry_pauses == ()  # a refused rename there is for good
    assert not windows.folders_sync and windows.full_fsync is None
    assert len(windows.rename_retry_pauses) >= 3 and sum(windows.rename_retry_pauses) <= 2.0
    assert atomic.PLATFORM == atomic.platform_for("linux")  # this machine


# --- no folder fsync where the platform cannot ------------------------------------------------------

def test_on_windows_a_write_does_not_open_the_folder(tmp_path, monkeypatch):
    tried = _windows_folders(monkeypatch)
    monkeypatch.setattr(atomic, "PLATFORM", WINDOWS)
    atomic.write_atomic(tmp_path / "keys.json", b"{}")
    atomic.fsync_dir(tmp_path)
    assert (tmp_path / "keys.json").read_bytes() == b"{}" and tried == []


def test_where_folders_can_be_synced_a_failure_to_open_one_is_not_hidden(tmp_path, monkeypatch):
    tried = _windows_folders(monkeypatch)  # here it is a real fault (a folder without read permission)
    with pytest.raises(PermissionError):
        atomic.fsync_dir(tmp_path)
    assert tried == [str(tmp_path)]


# --- a rename held up for a moment ------------------------------------------------------------------

def test_a_replace_refused_twice_is_tried_again_after_short_pauses(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "PLATFORM", WINDOWS)
    flaky, calls = _refused(2)
    monkeypatch.setattr(atomic.os, "replace", flaky)
    (tmp_path / "new").write_bytes(b"new")
    pauses: list[float] = []
    atomic.replace(tmp_path / "new", tmp_path / "old", sleep=pauses.append)
    assert len(calls) == 3 and pauses == list(WINDOWS.rename_retry_pauses[:2])
    assert (tmp_path / "old").read_bytes() == b"new" and not (tmp_path / "new").exists()


def test_a_replace_refused_every_time_gives_up_within_two_seconds_with_the_first_refusal(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "PLATFORM", WINDOWS)
    flaky, calls = _refused(1000)
    monkeypatch.setattr(atomic.os, "replace", flaky)
    pauses: list[float] = []
    with pytest.raises(PermissionError) as refused:
        atomic.replace(tmp_path / "new", tmp_path / "old", sleep=pauses.append)
    assert "in use (1)" in str(refused.value)  # the original error, not the last
    assert len(calls) == len(WINDOWS.rename_retry_pauses) + 1 and sum(pauses) <= 2.0


def test_elsewhere_a_refused_replace_is_said_at_once(tmp_path, monkeypatch):
    flaky, calls = _refused(1)
    monkeypatch.setattr(atomic.os, "replace", flaky)
    pauses: list[float] = []
    with pytest.raises(PermissionError):
        atomic.replace(tmp_path / "new", tmp_path / "old", sleep=pauses.append)
    assert len(calls) == 1 and pauses == []


def test_other_errors_are_never_tried_again(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "PLATFORM", WINDOWS)
    pauses: list[float] = []
    with pytest.raises(FileNotFoundError):
        atomic.replace(tmp_path / "missing", tmp_path / "old", sleep=pauses.append)
    assert pauses == []


def test_a_held_up_atomic_write_lands_and_a_failed_one_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "PLATFORM", NO_PAUSES)
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    flaky, _ = _refused(2)
    monkeypatch.setattr(atomic.os, "replace", flaky)
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    flaky, _ = _refused(1000)
    monkeypatch.setattr(atomic.os, "replace", flaky)
    with pytest.raises(PermissionError):
        atomic.write_atomic(target, b"newer")
    assert target.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["keys.json"]


def test_a_new_record_is_made_although_a_scanner_holds_its_folder_for_a_moment(tmp_path, monkeypatch, create_fast):
    monkeypatch.setattr(atomic, "PLATFORM", NO_PAUSES)
    _windows_folders(monkeypatch)
    flaky, calls = _refused(2, real=os.rename)
    monkeypatch.setattr(atomic.os, "rename", flaky)
    created = create_fast(tmp_path / "record.regie", "Scanned Person", PASSPHRASE)
    try:
        assert created.session.person_name() == "Scanned Person"
    finally:
        created.session.lock()
    assert calls[-1] == str(tmp_path / "record.regie") and len(calls) == 3


def test_a_restore_swap_in_two_steps_waits_for_a_scanner_too(tmp_path, monkeypatch):
    """Where the folders cannot trade places in one step (Windows), the old one moves aside first."""
    target, staging = tmp_path / "record.regie", tmp_path / ".record.regie.restoring-1"
    for folder, text in ((target, "old"), (staging, "new")):
        folder.mkdir()
        (folder / "record.db").write_text(text)
    monkeypatch.setattr(atomic, "PLATFORM", NO_PAUSES)
    monkeypatch.setattr(backups, "_exchange", lambda first, second: False)
    flaky, calls = _refused(1, real=os.rename)
    monkeypatch.setattr(atomic.os, "rename", flaky)
    backups.move_into_place(staging, target, replace=True)
    assert (target / "record.db").read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert len(calls) == 3  # aside (refused once, then done), then the new one into place


# --- macOS ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("supported", [True, False])
def test_full_fsync_where_the_file_system_has_it_else_a_plain_fsync(tmp_path, monkeypatch, supported):
    monkeypatch.setattr(atomic, "PLATFORM", Platform(folders_sync=True, full_fsync=51, rename_retry_pauses=()))
    done: list[str] = []

    def fcntl_(fd, command):
        assert command == 51
        if not supported:
            raise OSError(errno.ENOTSUP, "Operation not supported")  # SMB, FAT
        done.append("full")

    monkeypatch.setattr(atomic.fcntl, "fcntl", fcntl_)
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: done.append("plain"))
    atomic.write_atomic(tmp_path / "keys.json", b"{}")
    assert done == (["full", "full"] if supported else ["plain", "plain"])  # the file, then its folder


def test_a_restore_swaps_in_two_renames_where_there_is_no_renameat2(monkeypatch, tmp_path):
    from phr.storage import backups

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    monkeypatch.setattr(backups.sys, "platform", "win32")  # ctypes.CDLL(None) raises TypeError there
    assert backups._exchange(first, second) is False
    assert first.is_dir() and second.is_dir()  # nothing moved: the caller does the two renames
