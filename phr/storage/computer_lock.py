"""A lock between computers that share a record folder through a sync service (or a network drive).

The locks in phr.storage.record_locks are the operating system's: they hold on this computer only.
A record in a synced folder can be opened on two computers at once; each writes its own record.db,
and the service keeps one and turns the other into a conflict copy. So every open session also keeps
a small file in the record folder, `in-use.json`: which computer has the record open, and when that
computer last said so. A thread of the session writes it again every HEARTBEAT_SECONDS. Another
computer that finds it fresh (younger than STALE_SECONDS by its own clock) refuses to open the
record; an older one is from a computer that stopped (crashed, asleep, switched off), and is taken
over. Sessions on the same computer share the file: the last one to close removes it.

What it cannot do: it is only as quick as the sync service carries the file over (seconds for most,
minutes for some), so two computers that open the record within that time both get it; and it
trusts both computers' clocks to be right within STALE_SECONDS. The conflict copies that then
appear are found by phr.storage.sync_folders. A folder that cannot be written gets no file: nobody
can change the record there.
"""

import contextlib
import json
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from phr.storage.atomic import write_atomic
from phr.storage.errors import RecordInUse

IN_USE_FILE = "in-use.json"
FORMAT = "regie-in-use"
HEARTBEAT_SECONDS = 30.0
STALE_SECONDS = 120.0  # four missed heartbeats: the computer stopped
READ_LIMIT = 4096


class OpenOnAnotherComputer(RecordInUse):
    """Another computer has the record open (its in-use file is fresh)."""


@dataclass(frozen=True)
class Holder:
    computer: str
    session: str
    beat: datetime  # when it last said it has the record open (UTC)

    def fresh(self, now: datetime) -> bool:
        """Said within STALE_SECONDS; a time as far ahead is a clock set wrong, not a promise."""
        return abs((now - self.beat).total_seconds()) < STALE_SECONDS


def this_computer() -> str:
    return socket.gethostname() or "unknown"


def holder(folder: Path) -> Holder | None:
    """Who the in-use file names; None when there is none or it cannot be read as one (a half-synced file)."""
    try:
        with (Path(folder) / IN_USE_FILE).open("rb") as reader:
            data = json.loads(reader.read(READ_LIMIT))
        if data.get("format") != FORMAT:
            return None
        beat = datetime.fromisoformat(data["beat"])
        return Holder(str(data["computer"]), str(data["session"]),
                      beat if beat.tzinfo else beat.replace(tzinfo=timezone.utc))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def open_elsewhere(folder: Path, now: datetime | None = None) -> Holder | None:
    """The other computer that has the record open now, if any."""
    found = holder(folder)
    now = now or datetime.now(timezone.utc)
    return found if found is not None and found.computer != this_computer() and found.fresh(now) else None


def refuse_if_open_elsewhere(folder: Path) -> None:
    other = open_elsewhere(folder)
    if other is not None:
        raise OpenOnAnotherComputer(_refusal(other))


def _refusal(other: Holder) -> str:
    since = other.beat.astimezone().strftime("%H:%M")
    return (f"The record is open on another computer ({other.computer}, seen at {since}). Close it there first, "
            f"or, if that computer is off, wait {int(STALE_SECONDS // 60)} minutes and try again. "
            "Nothing was changed.")


class Heartbeat:
    """This session's claim: the in-use file, written again every `interval` seconds until `stop()`."""

    def __init__(self, folder: Path, session: str, interval: float | None = None):
        self.folder, self.session = Path(folder), session
        self.interval = HEARTBEAT_SECONDS if interval is None else interval
        self.taken_over: Holder | None = None  # another computer claimed the record meanwhile
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="regie-in-use", daemon=True)

    def start(self) -> "Heartbeat":
        with contextlib.suppress(OSError):  # no room for a small file: the record itself says so when written
            self.beat()
        self._thread.start()
        return self

    def beat(self) -> None:
        """Say again that this computer has it open; not over another computer's fresh claim."""
        other = open_elsewhere(self.folder)
        if other is not None:
            self.taken_over = other
            return
        record = {"format": FORMAT, "computer": this_computer(), "session": self.session,
                  "beat": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        write_atomic(self.folder / IN_USE_FILE, json.dumps(record).encode("utf-8"))

    def _run(self) -> None:
        while not self._stopped.wait(self.interval):
            with contextlib.suppress(OSError):  # the folder is away a moment (a network drive): next time
                self.beat()

    def stop(self, remove: bool) -> None:
        """Stop saying it; with `remove`, take the file away if it still names this computer."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        found = holder(self.folder)
        if remove and found is not None and found.computer == this_computer():
            with contextlib.suppress(OSError):
                (self.folder / IN_USE_FILE).unlink()


def claim(folder: Path, session: str, interval: float | None = None) -> Heartbeat:
    """Refused (OpenOnAnotherComputer) while another computer has the record open; else this session's claim."""
    refuse_if_open_elsewhere(folder)
    return Heartbeat(folder, session, interval).start()
