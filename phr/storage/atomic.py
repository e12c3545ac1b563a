"""Atomic, private file writes: temp file, permissions before data, fsync, rename.

What the platform allows is decided here, in one place (`Platform`, `PLATFORM`):
- Windows cannot open a folder as a file (os.open fails), so a folder is not synced there; NTFS
  keeps a rename in its own journal.
- macOS's fsync leaves the data in the drive's cache; F_FULLFSYNC asks the drive to write it
  (plain fsync where the file system cannot, such as SMB or FAT).
- On Windows a virus scanner or a sync client may hold a file for a moment, and a rename is then
  refused (PermissionError): it is tried again a few times, about 1.5 s in all, before the first
  refusal is raised. Elsewhere a refused rename is refused for good and said at once.
- Windows opens a file in text mode unless told otherwise (os.O_BINARY), which would change the
  bytes written.
"""

import os
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if sys.platform != "win32":
    import fcntl

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
RETRY_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds; a scanner lets go within a second or so


@dataclass(frozen=True)
class Platform:
    """What this computer's file system calls can do."""

    folders_sync: bool  # a folder can be opened and fsynced, making a rename in it durable
    full_fsync: int | None  # the fcntl that also empties the drive's cache (macOS), or None
    rename_retry_pauses: tuple[float, ...]  # waits before each new try of a refused rename


def platform_for(name: str) -> Platform:
    """The decisions for a sys.platform name."""
    windows = name == "win32"
    return Platform(folders_sync=not windows, full_fsync=None if windows else _full_fsync(),
                    rename_retry_pauses=RETRY_PAUSES if windows else ())


def _full_fsync() -> int | None:
    if sys.platform != "win32":
        command: int | None = getattr(fcntl, "F_FULLFSYNC", None)  # macOS only
        return command
    return None


PLATFORM = platform_for(sys.platform)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    replace_atomically(Path(path), lambda fd: write_all(fd, data))


def copy_atomic(source: Path, target: Path) -> None:
    """Copy a (possibly large) file with the same guarantees as write_atomic."""

    def copy(fd: int) -> None:
        with open(source, "rb") as reader:
            while chunk := reader.read(1024 * 1024):
                write_all(fd, chunk)

    replace_atomically(Path(target), copy)


def replace_atomically(path: Path, fill: Callable[[int], None]) -> None:
    """Let `fill(fd)` write a private temp file beside `path`, then put it in place with one rename."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, NEW_FILE, PRIVATE_FILE)
    try:
        try:
            fill(fd)
            sync_file(fd)
        finally:
            os.close(fd)
        replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is out (a write may be short)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def sync_file(fd: int) -> None:
    """Make what was written to `fd` durable: on the disk, not in a cache."""
    if sys.platform != "win32" and PLATFORM.full_fsync is not None:
        try:
            fcntl.fcntl(fd, PLATFORM.full_fsync)
            return
        except OSError:
            pass  # a file system without it (SMB, FAT): the plain fsync below
    os.fsync(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable, where the platform can."""
    if not PLATFORM.folders_sync:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        sync_file(fd)
    finally:
        os.close(fd)


def replace(source: Path, target: Path, sleep: Callable[[float], None] = time.sleep) -> None:
    """os.replace (a file takes the place of `target`), tried again while Windows holds a file briefly."""
    _with_retries(os.replace, source, target, sleep)


def rename(source: Path, target: Path, sleep: Callable[[float], None] = time.sleep) -> None:
    """os.rename (`target` must not exist on Windows; folders too), tried again like `replace`."""
    _with_retries(os.rename, source, target, sleep)


def _with_retries(move: Callable[[Path, Path], None], source: Path, target: Path,
                  sleep: Callable[[float], None]) -> None:
    pauses = iter(PLATFORM.rename_retry_pauses)
    first: PermissionError | None = None
    while True:
        try:
            move(source, target)
            return
        except PermissionError as refused:
            first = first or refused
            pause = next(pauses, None)
            if pause is None:
                raise first  # the first refusal: the later ones say the same, only later
        sleep(pause)


def create_private_file(path: Path) -> None:
    """Create an empty file readable only by the user; fail if it exists."""
    fd = os.open(path, NEW_FILE, PRIVATE_FILE)
    os.close(fd)
