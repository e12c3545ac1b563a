"""Advisory locks on a record folder, between windows and programs on this computer.

Two lock files, because they guard different things:
  open.lock  every open session holds a shared lock; replacing the folder (a restore over it)
             needs the exclusive lock, so a record that is open anywhere is never swapped away
             under that session's feet.
  keys.lock  held exclusively for the few milliseconds of compare-and-write of the key files,
             so two programs changing keys at once cannot overwrite each other's change.
The files hold no data; the lock lives with the open file and ends when the process does
(also on a crash), so a left-over file never blocks anyone.

POSIX `flock`. Where it is missing (Windows) the locks are not taken: the compare-before-write
of the key files (phr.storage.keys.change) still refuses most races there, and a restore over
an open record is refused by the operating system, which does not rename open files.
"""

import contextlib
import errno
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from phr.storage.atomic import PRIVATE_FILE
from phr.storage.errors import RecordInUse

if sys.platform == "win32":  # no flock
    fcntl = None
else:
    import fcntl

OPEN_LOCK = "open.lock"
KEYS_LOCK = "keys.lock"
NO_LOCKS_HERE = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
KEYS_WAIT_SECONDS = 5.0  # another program's key write takes milliseconds; a minute-long hold is a hang


class OpenLock:
    """The shared lock of one open session; `release()` when the session closes."""

    def __init__(self, fd: int | None):
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the file ends the lock


def hold_open(folder: Path) -> OpenLock:
    """Taken at unlock. Never refused by another session; only a restore holds it exclusively."""
    fd = _open_lock_file(Path(folder) / OPEN_LOCK)
    if fd is None:
        return OpenLock(None)
    try:
        taken = _try(fd, fcntl.LOCK_SH)
    except BaseException:
        os.close(fd)
        raise
    if not taken:
        os.close(fd)
        raise RecordInUse("The record is being replaced by a restore right now. Try again in a moment.")
    return OpenLock(fd)


@contextlib.contextmanager
def nobody_has_it_open(folder: Path) -> Iterator[None]:
    """For replacing the folder: refused (RecordInUse) while any session anywhere has it open.

    Without the file nobody has opened it since it was made, and none is made here: the folder
    may hold someone's other files, which a restore then refuses to replace.
    """
    fd = _open_lock_file(Path(folder) / OPEN_LOCK, create=False)
    try:
        if fd is not None and not _try(fd, fcntl.LOCK_EX):
            raise RecordInUse("The record is open in Regie or in another program. Lock it there first; "
                              "nothing was changed.")
        yield
    finally:
        if fd is not None:
            os.close(fd)


@contextlib.contextmanager
def changing_keys(folder: Path, wait: float = KEYS_WAIT_SECONDS) -> Iterator[None]:
    """Exclusive while the key files are compared and written; waits briefly for another writer."""
    fd = _open_lock_file(Path(folder) / KEYS_LOCK)
    try:
        if fd is not None:
            deadline = time.monotonic() + wait
            while not _try(fd, fcntl.LOCK_EX):
                if time.monotonic() >= deadline:
                    raise RecordInUse("Another program is changing the keys of this record. Try again in a "
                                      "moment; nothing was changed.")
                time.sleep(0.02)
        yield
    finally:
        if fd is not None:
            os.close(fd)


def _open_lock_file(path: Path, create: bool = True) -> int | None:
    if fcntl is None:
        return None
    try:
        return os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), PRIVATE_FILE)
    except FileNotFoundError:
        if create:
            raise
        return None
    except OSError as error:
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return None  # a read-only folder (a record on a CD, a restored copy): nobody can change it either
        raise


def _try(fd: int, kind: int) -> bool:
    """True when the lock is ours, or when this file system has no locks at all (NFS without a lock
    daemon, some network and FUSE mounts): a record there opens as before, unguarded."""
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        if error.errno in NO_LOCKS_HERE:
            return True
        raise
    return True
