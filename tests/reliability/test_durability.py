"""The kill test: SIGKILL a process in the middle of its writes, again and again.

A child process commits numbered rows, one transaction each, and prints each number only after
its commit returned (an acknowledged commit). The parent kills it at a random moment, then opens
the record again and demands: both integrity checks clean, every acknowledged row present and
intact, no gaps, and nothing that was never written. Run with `-s` to see the figures.
"""

import hashlib
import inspect
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from killed import output_after_kill

from phr.access import passphrase, records
from phr.storage.database import Database
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import KeyFiles
from phr.storage.repos.integrity import integrity_problems

KILLS = 60
EARLY_KILL_EVERY = 8  # every 8th kill lands during opening / the first commit
UNLOCK_EVERY = 5  # every 5th check goes through the real unlock path (Argon2id), the others use the key
SEED = 20240917
WATCHDOG_SECONDS = 20


def payload(n: int) -> str:
    """Deterministic text of 64 bytes to 3.2 kB for row n: a torn or mixed-up row would show."""
    return hashlib.sha256(str(n).encode()).hexdigest() * (1 + n % 50)


CHILD_CODE = textwrap.dedent("""
    import hashlib, os, sys
    from pathlib import Path
    from phr.storage.database import Database

    {payload}
    print("opening", flush=True)
    db = Database.open(Path(sys.argv[1]), bytes.fromhex(os.environ["KILL_TEST_KEY"]))
    n = db.query_one("SELECT coalesce(max(n), 0) FROM kill_test")[0]
    while True:
        n += 1
        with db.transaction():
            db.execute("INSERT INTO kill_test (n, payload) VALUES (?, ?)", (n, payload(n)))
        print(n, flush=True)  # only now is commit n acknowledged
""").format(payload=inspect.getsource(payload))


@dataclass
class Figures:
    kills: int = 0
    early_kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    committed_unacknowledged: int = 0
    unlock_checks: int = 0

    def report(self, seconds: float) -> str:
        return (f"kill test: {self.kills} kills ({self.early_kills} early), {self.acknowledged} commits "
                f"acknowledged, {self.lost} lost, {self.committed_unacknowledged} committed but not "
                f"acknowledged, {self.unlock_checks} checks via unlock, {seconds:.1f} s")


# --- setting up ------------------------------------------------------------------------------

@pytest.fixture
def kill_record(create_fast, record_dir) -> tuple[Path, bytes]:
    """A record with the scratch table, locked; returns (folder, raw data key)."""
    session = create_fast(record_dir, "Kill Test", PASSPHRASE).session
    try:
        with session.db.transaction():
            session.db.execute("CREATE TABLE IF NOT EXISTS kill_test (n INTEGER PRIMARY KEY, payload TEXT)")
    finally:
        session.lock()
    ring = KeyFiles(record_dir).load().ring
    key = keyslots.unwrap(ring.record_id, ring.slot_of_kind("owner"), passphrase.normalise(PASSPHRASE))
    return record_dir, key


# --- one round: start a writer, kill it ------------------------------------------------------

def spawn_writer(folder: Path, key: bytes) -> subprocess.Popen:
    env = {**os.environ, "KILL_TEST_KEY": key.hex()}
    return subprocess.Popen([sys.executable, "-c", CHILD_CODE, str(folder / "record.db")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)


def kill_writer(proc: subprocess.Popen, rng: random.Random, early: bool) -> list[int]:
    """Kill at a random moment; returns the acknowledged numbers (complete lines only)."""
    seen = proc.stdout.readline()  # "opening": the interpreter is up, Database.open comes next
    if not early:
        seen += proc.stdout.readline()  # the first acknowledged commit
    time.sleep(rng.uniform(0.0, 0.02) if early else rng.uniform(0.02, 0.4))
    proc.send_signal(signal.SIGKILL)
    rest, errors = output_after_kill(proc, WATCHDOG_SECONDS)
    assert proc.returncode == -signal.SIGKILL, f"the writer died on its own ({proc.returncode}):\n{errors}"
    lines = (seen + rest).split("\n")[:-1]  # a line cut off by the kill has no newline: not acknowledged
    return [int(line) for line in lines if line.isdigit()]


def run_round(folder: Path, key: bytes, rng: random.Random, early: bool) -> list[int]:
    with spawn_writer(folder, key) as proc:
        watchdog = threading.Timer(WATCHDOG_SECONDS, proc.kill)  # never hang the suite
        watchdog.start()
        try:
            return kill_writer(proc, rng, early)
        finally:
            watchdog.cancel()


# --- after the kill: what is on disk ---------------------------------------------------------

def read_back(folder: Path, key: bytes, via_unlock: bool, since: int) -> tuple[list[str], list[int], dict]:
    """Integrity problems, every row number, and the payloads of rows after `since`.

    Opened as the app opens it (unlock) or with the raw key. Only new payloads are read back, so
    each round costs the same however large the table has grown.
    """
    if via_unlock:
        session = records.unlock_with_passphrase(folder, PASSPHRASE)
        db, close = session.db, session.lock
    else:
        db = Database.open(folder / "record.db", key)
        close = db.close
    try:
        numbers = [row[0] for row in db.query("SELECT n FROM kill_test ORDER BY n")]
        new_rows = dict(db.query("SELECT n, payload FROM kill_test WHERE n > ?", (since,)))
        return integrity_problems(db), numbers, new_rows
    finally:
        close()


def check_round(numbers: list[int], new_rows: dict[int, str], acknowledged: list[int], figures: Figures) -> None:
    present = set(numbers)
    lost = [n for n in acknowledged if n not in present]
    figures.lost += len(lost)
    assert lost == [], f"acknowledged commits lost: {lost[:10]}"
    assert numbers == list(range(1, len(numbers) + 1)), "gaps in the committed rows"
    assert all(text == payload(n) for n, text in new_rows.items()), "a row holds the wrong payload"
    unacknowledged = set(new_rows) - set(acknowledged)
    # One writer, one transaction at a time: at most the commit in flight can be unacknowledged.
    assert len(unacknowledged) <= 1, f"rows nobody acknowledged: {sorted(unacknowledged)}"
    figures.committed_unacknowledged += len(unacknowledged)


# --- the test --------------------------------------------------------------------------------

@pytest.mark.slow
def test_sigkill_during_writes_loses_no_acknowledged_commit(kill_record):
    folder, key = kill_record
    rng = random.Random(SEED)
    figures, started, last = Figures(), time.monotonic(), 0
    for round_number in range(1, KILLS + 1):
        early = round_number % EARLY_KILL_EVERY == 1
        acknowledged = run_round(folder, key, rng, early)
        via_unlock = round_number % UNLOCK_EVERY == 0
        problems, numbers, new_rows = read_back(folder, key, via_unlock, since=last)
        assert problems == [], f"round {round_number}: integrity problems after a kill: {problems}"
        check_round(numbers, new_rows, acknowledged, figures)
        last = len(numbers)
        figures.kills += 1
        figures.early_kills += early
        figures.acknowledged += len(acknowledged)
        figures.unlock_checks += via_unlock
    print("\n" + figures.report(time.monotonic() - started))
    assert figures.acknowledged > figures.kills, "too few commits to mean anything"
    assert figures.lost == 0
