"""Advisory locks on a record folder, between windows and programs on this computer.

Two things are guarded:
  open    a record that is open anywhere is never replaced (a restore over it) under that
          session's feet: several sessions, or one restore, never both.
  keys    the few milliseconds of compare-and-write of the key files are exclusive, so two
          programs changing keys at once cannot overwrite each other's change.

Every lock is `filelock.lock_descriptor` on a descriptor of ours: flock on Linux and macOS,
LockFileEx on Windows. The operating system ends it with the process (also on a crash), so a
left-over file never blocks anyone. That lock is exclusive only, so "several sessions" is built
from exclusive locks:
  open.lock        the gate. A session holds it for the milliseconds it takes to sign in; a
                   restore holds it while it checks and swaps the folder.
  open-<id>.lock   one per open session, made while holding the gate and locked by that session
                   until it closes (then removed). A restore, holding the gate, tries each: one
                   that it can lock belongs to a session that crashed and is removed; one that it
                   cannot is a session that is open, and the restore is refused.
  keys.lock        held while the key files are compared and written.
The lock files hold no data. (filelock's shared ReadWriteLock was not taken: it is a SQLite
database that, in a folder others may write to, such as a USB stick, needs hard links, which FAT
has not.)

Between computers (a record in a folder a sync service keeps in step) these locks see nothing: each
open session also keeps phr.storage.computer_lock's in-use file, and a session is refused while
another computer's is fresh.

Where a file system has no locks (NFS without a lock daemon, some network and FUSE mounts) the
lock calls say so, and the record opens as before, unguarded. A folder that cannot be written (a
record on a CD, a restored copy) is not locked either: nobody can change it.

Windows does not rename a folder with an open file in it, so a restore holding open.lock would
stop its own swap. There the gate is let go after the check; the open files of every session
(record.db, its open-<id>.lock) keep the operating system refusing the rename meanwhile.
"""

import contextlib
import errno
import os
import secrets
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from filelock import lock_descriptor, unlock_descriptor

from phr.storage import computer_lock
from phr.storage.atomic import PRIVATE_FILE
from phr.storage.computer_lock import Heartbeat
from phr.storage.errors import RecordInUse

OPEN_LOCK = "open.lock"
KEYS_LOCK = "keys.lock"
SESSION_MARKS = "open-*.lock"  # one per open session: open-<12 hex>.lock
NO_LOCKS_HERE = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
KEYS_WAIT_SECONDS = 5.0  # another program's key write takes milliseconds; a minute-long hold is a hang
GATE_WAIT_SECONDS = 1.0  # a session signs in within milliseconds; a restore's swap takes longer: said, not waited
POLL_SECONDS = 0.02
KEEP_DURING_SWAP = sys.platform != "win32"  # see the module text: Windows refuses to rename the folder itself


class OpenLock:
    """The lock of one open session; `release()` when the session closes."""

    def __init__(self, fd: int | None, path: Path | None = None, heartbeat: Heartbeat | None = None):
        self._fd = fd
        self._path = path
        self._heartbeat = heartbeat  # this session's claim against other computers

    @property
    def taken_over(self) -> computer_lock.Holder | None:
        """Another computer that claimed the record while this session had it open (a slow sync)."""
        return self._heartbeat.taken_over if self._heartbeat is not None else None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        _close_locked(fd)
        if self._path is not None:
            with contextlib.suppress(OSError):  # Windows: a restore is trying it this instant, and removes it
                self._path.unlink(missing_ok=True)
        if self._heartbeat is not None and self._path is not None:
            last = not any(self._path.parent.glob(SESSION_MARKS))  # other sessions here keep the claim
            self._heartbeat.stop(remove=last)
            self._heartbeat = None


def hold_open(folder: Path) -> OpenLock:
    """Taken at unlock. Never refused by another session on this computer; only a restore holds the gate
    for long. Refused (computer_lock.OpenOnAnotherComputer) while another computer has the record open."""
    folder = Path(folder)
    computer_lock.refuse_if_open_elsewhere(folder)
    gate = _open_lock_file(folder / OPEN_LOCK)
    if gate is None:
        return OpenLock(None)
    try:
        if not _wait_for(gate, GATE_WAIT_SECONDS):
            raise RecordInUse("The record is being replaced by a restore right now. Try again in a moment.")
        _open_sessions(folder)  # also clears the marks of sessions that crashed
        return _claimed(_new_mark(folder))
    finally:
        _close_locked(gate)


def _claimed(lock: OpenLock) -> OpenLock:
    """The session's mark, with its claim against other computers (made while holding the gate, so two
    sessions here cannot both find the file of a computer that just stopped and argue about it)."""
    if lock._path is None:
        return lock  # nothing can be written here
    try:
        lock._heartbeat = computer_lock.claim(lock._path.parent, lock._path.stem.removeprefix("open-"))
    except BaseException:
        lock.release()
        raise
    return lock


@contextlib.contextmanager
def nobody_has_it_open(folder: Path) -> Iterator[None]:
    """For replacing the folder: refused (RecordInUse) while any session anywhere has it open.

    Without open.lock nobody has opened it since it was made, and none is made here: the folder
    may hold someone's other files, which a restore then refuses to replace.
    """
    folder = Path(folder)
    computer_lock.refuse_if_open_elsewhere(folder)
    gate = _open_lock_file(folder / OPEN_LOCK, create=False)
    try:
        if gate is not None and (not _wait_for(gate, GATE_WAIT_SECONDS) or _open_sessions(folder)):
            raise RecordInUse("The record is open in Regie or in another program. Lock it there first; "
                              "nothing was changed.")
        if gate is not None and not KEEP_DURING_SWAP:
            _close_locked(gate)
            gate = None
        yield
    finally:
        if gate is not None:
            _close_locked(gate)


@contextlib.contextmanager
def changing_keys(folder: Path, wait: float = KEYS_WAIT_SECONDS) -> Iterator[None]:
    """Exclusive while the key files are compared and written; waits briefly for another writer."""
    fd = _open_lock_file(Path(folder) / KEYS_LOCK)
    try:
        if fd is not None and not _wait_for(fd, wait):
            raise RecordInUse("Another program is changing the keys of this record. Try again in a "
                              "moment; nothing was changed.")
        yield
    finally:
        if fd is not None:
            _close_locked(fd)


def _new_mark(folder: Path) -> OpenLock:
    """This session's own lock file. Made while holding the gate, so no restore is trying it yet."""
    path = folder / f"open-{secrets.token_hex(6)}.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except OSError as error:
        if error.errno in READ_ONLY:
            return OpenLock(None)  # open.lock could be written, the folder cannot: nobody can change it
        raise
    try:
        _try_exclusive(fd)  # a name nobody else knows: the lock is ours at once
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    return OpenLock(fd, path)


def _open_sessions(folder: Path) -> int:
    """How many sessions have the record open; the marks of crashed ones are removed on the way.
    Called holding the gate, so no session signs in meanwhile."""
    count = 0
    for path in folder.glob(SESSION_MARKS):
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue  # its session closed just now
        except OSError:
            count += 1  # cannot tell (Windows: being removed this instant): open, to be safe
            continue
        if _try_exclusive(fd):  # nobody holds it: its session crashed, and the system ended its lock
            _close_locked(fd)
            with contextlib.suppress(OSError):
                path.unlink()
        else:
            os.close(fd)
            count += 1
    return count


def _open_lock_file(path: Path, create: bool = True) -> int | None:
    try:
        return os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), PRIVATE_FILE)
    except FileNotFoundError:
        if create:
            raise
        return None
    except OSError as error:
        if error.errno in READ_ONLY:
            return None  # a read-only folder (a record on a CD, a restored copy): nobody can change it either
        raise


def _wait_for(fd: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not _try_exclusive(fd):
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_SECONDS)
    return True


def _try_exclusive(fd: int) -> bool:
    """True when the lock is ours, or when this file system has no locks at all (NFS without a lock
    daemon, some network and FUSE mounts): the record is then used as before, unguarded."""
    try:
        return lock_descriptor(fd, blocking=False)
    except OSError as error:
        if error.errno in NO_LOCKS_HERE:
            return True
        raise


def _close_locked(fd: int) -> None:
    # Windows may free a lock some time after its handle closes, so the lock is ended first.
    with contextlib.suppress(OSError):
        unlock_descriptor(fd)
    os.close(fd)
