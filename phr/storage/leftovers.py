"""What a killed backup, restore or record creation leaves beside its target, removed at the next start.

Each such job writes under hidden names beside its target, so that the target itself only ever
changes by one rename:
  backup      .NAME.<12 hex>.snapshot (and its -wal, -shm, -journal), .NAME.<12 hex>.tmp, and a
              backup's rewritten key file .NAME.<12 hex>.rewrite (with its own .tmp)
  restore     .NAME.restoring-<8 hex>/, and between the two renames of a swap .NAME.replaced-<8 hex>/
  new record  .NAME.creating-<8 hex>/ and .NAME.discarded-<8 hex>/
While it runs, a job holds a ticket (`started`, or `pending` around a block): a small file in the
user's data folder that names the job and its target, locked by the job's process. The operating
system ends that lock with the process, also with kill -9. `clean_up()`, run at the start of every
command that opens or makes a record, takes every ticket nobody holds: that job was stopped, and
what it left beside its target, exactly the names above and nothing else, is removed. A user's
file never has such a name, and the folder is never searched beyond the target's own name.

The old record of a swap cut between its two renames is put back in place when the target is
missing, never removed; when the target is there, the swap finished and the old record (backed up
before the swap began) is what is left to remove. Nothing is touched beside a target that a job
still running also names. Tickets hold paths only, never a name from inside a record.
"""

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import platformdirs
from filelock import lock_descriptor, unlock_descriptor

from phr.storage.atomic import PRIVATE_DIR, PRIVATE_FILE, write_all

TICKET_SUFFIX = ".job"
READ_LIMIT = 64 * 1024


class Job(StrEnum):
    BACKUP = "backup"
    RESTORE = "restore"
    CREATE = "create"


# What each job leaves beside its target NAME (the name escaped into the pattern's {name}).
_FILES = {Job.BACKUP: r"\.?\.{name}\.[0-9a-f]{{12}}\.(?:snapshot(?:-wal|-shm|-journal)?|tmp|rewrite(?:\.[0-9a-f]{{12}}\.tmp)?)"}
_FOLDERS = {Job.RESTORE: r"\.{name}\.restoring-[0-9a-f]{{8}}", Job.CREATE: r"\.{name}\.(?:creating|discarded)-[0-9a-f]{{8}}"}
_REPLACED = r"\.{name}\.replaced-[0-9a-f]{{8}}"


def default_tickets() -> Path:
    return platformdirs.user_data_path("Regie", appauthor=False) / "unfinished"


class Ticket:
    """A running job's claim on its target; `done()` when it ended (also when it failed: its own
    clean-up ran)."""

    def __init__(self, path: Path | None, fd: int | None):
        self._path, self._fd = path, fd

    def done(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                unlock_descriptor(fd)
            os.close(fd)
        if self._path is not None:
            with contextlib.suppress(OSError):
                self._path.unlink(missing_ok=True)


def started(job: Job, target: Path, tickets: Path | None = None) -> Ticket:
    """A ticket for `job` writing beside `target`. Where none can be written (no data folder), the job
    runs without one: its leftovers then stay, as before, rather than stop the job."""
    folder = tickets or default_tickets()
    try:
        _private_folder(folder)
        return _new_ticket(folder, job, Path(os.path.abspath(target)))
    except OSError:
        return Ticket(None, None)


@contextlib.contextmanager
def pending(job: Job, target: Path, tickets: Path | None = None) -> Iterator[None]:
    ticket = started(job, target, tickets)
    try:
        yield
    finally:
        ticket.done()


def _new_ticket(folder: Path, job: Job, target: Path) -> Ticket:
    """Written and locked under a name clean_up does not read, then renamed to its own: a ticket that
    clean_up sees is always locked while its job runs."""
    token = secrets.token_hex(8)
    writing, path = folder / f".{token}.new", folder / f"{token}{TICKET_SUFFIX}"
    fd = os.open(writing, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    try:
        write_all(fd, json.dumps({"job": job.value, "target": os.fsdecode(target)}).encode("ascii"))
        if not _lock(fd):
            raise OSError(errno.ENOLCK, "no locks here")  # an unlocked ticket would look like a killed job's
        os.replace(writing, path)
    except BaseException:
        os.close(fd)
        writing.unlink(missing_ok=True)
        raise
    return Ticket(path, fd)


def _private_folder(folder: Path) -> None:
    """The ticket folder and the parents made for it, 0700 also under umask 000."""
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=PRIVATE_DIR)
        os.chmod(path, PRIVATE_DIR)


def _lock(fd: int) -> bool:
    try:
        return lock_descriptor(fd, blocking=False)
    except OSError:
        return False  # no locks on this file system: treated as held, so never cleaned


# --- the clean-up ------------------------------------------------------------------------------------

def clean_up(tickets: Path | None = None) -> list[Path]:
    """Remove what stopped jobs left; returns what was removed or put back. Never raises for a file."""
    folder = tickets or default_tickets()
    try:
        paths = sorted(folder.glob(f"*{TICKET_SUFFIX}"))
    except OSError:
        return []
    stopped: list[tuple[Path, int]] = []
    running: set[Path] = set()
    for path in paths:
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue  # finished this instant, or not ours to read
        if _lock(fd):
            stopped.append((path, fd))  # kept locked: a second clean-up at the same time skips it
        else:
            os.close(fd)
            running.update(target for _job, target in [_read(path)] if target is not None)
    return [done for path, fd in stopped for done in _finish(path, fd, running)]


def _finish(path: Path, fd: int, running: set[Path]) -> list[Path]:
    job, target = _read(path)
    try:
        return [] if job is None or target is None or target in running else _remove_leftovers(job, target)
    except OSError:
        return []  # a folder on a stick that is not plugged in: the ticket goes, the files stay
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        Ticket(None, fd).done()


def _read(path: Path) -> tuple[Job | None, Path | None]:
    try:
        with path.open("rb") as reader:
            data = json.loads(reader.read(READ_LIMIT))
        return Job(data["job"]), Path(data["target"])
    except (OSError, ValueError, KeyError, TypeError):
        return None, None


def _remove_leftovers(job: Job, target: Path) -> list[Path]:
    name = re.escape(target.name)
    files = re.compile(_FILES[job].format(name=name)) if job in _FILES else None
    folders = re.compile(_FOLDERS[job].format(name=name)) if job in _FOLDERS else None
    removed = []
    with os.scandir(target.parent) as entries:
        for entry in list(entries):
            if files is not None and files.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)
                removed.append(Path(entry.path))
            elif folders is not None and folders.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(Path(entry.path))
    return removed + (_settle_swap(target) if job is Job.RESTORE else [])


def _settle_swap(target: Path) -> list[Path]:
    """The old record of a swap cut between its renames: back in place, or gone when the swap finished."""
    pattern = re.compile(_REPLACED.format(name=re.escape(target.name)))
    aside = [Path(e.path) for e in os.scandir(target.parent) if pattern.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    if not target.exists() and len(aside) == 1:
        os.rename(aside[0], target)
        return [target]
    if target.exists():
        for path in aside:
            shutil.rmtree(path, ignore_errors=True)
        return aside
    return []
