"""Atomic, private file writes: temp file, permissions before data, fsync, rename."""

import os
import secrets
from pathlib import Path
from typing import Callable

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


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
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        try:
            fill(fd)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
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


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_private_file(path: Path) -> None:
    """Create an empty file readable only by the user; fail if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
