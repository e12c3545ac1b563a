"""The kill test for removing carers: SIGKILL a process while it rotates the data key, again and again.

A child unlocks as the owner and adds then removes a carer, over and over, printing
"rekey" just before `PRAGMA rekey` (so two of three kills can be aimed at the rekey and
the key-file writes around it) and "removed N" once removal N returned. After each kill
the parent demands: the owner's passphrase opens the record (finishing any rotation the
kill interrupted), every reading is there and the record is healthy; the permanent
carer and the recovery code still open it; an acknowledged removal stays removed.
Run with `-s` to see the figures.
"""

import inspect
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import FAST, PASSPHRASE
from killed import output_after_kill

from phr.access import carers, records
from phr.core.errors import RecordDamaged, WrongSecret
from phr.monitoring.readings import Reading
from phr.record.services import RecordServices
from phr.storage.keys.files import KeyFiles

KILLS = 20
READINGS = 3000  # enough pages that a rekey takes long enough to be hit
SEED = 20261122
WATCHDOG_SECONDS = 60
REKEY_WINDOW = 0.08  # seconds: rekey plus the last key-file writes take about 60 ms here
BERT = "bert paints the shed a deep green"


def carer_passphrase(round_number: int, n: int) -> str:
    return f"carer {n} of round {round_number} walks along the dyke"


def child() -> None:
    """Add a carer and remove them again, forever, reporting each step."""
    import os
    import sys

    from phr.access import carers, records
    from phr.storage.keys import kdf, rotation

    real_rekey = rotation._rekey

    def rekey(*args, **kwargs):
        print("rekey", flush=True)  # only watching: aims the kill
        return real_rekey(*args, **kwargs)

    rotation._rekey = rekey
    round_number = int(os.environ["KILL_ROUND"])
    sys.stdin.readline()  # the go-ahead: the parent has checked the last round
    session = records.unlock_with_passphrase(os.environ["KILL_FOLDER"], os.environ["KILL_PASSPHRASE"])
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        carers.add_carer(session, f"Carer {round_number}-{n}", carer_passphrase(round_number, n), argon2=kdf.MINIMUM)
        carers.remove_carer(session, f"Carer {round_number}-{n}")
        print("removed", n, flush=True)


CHILD_CODE = textwrap.dedent(inspect.getsource(carer_passphrase)) + textwrap.dedent(inspect.getsource(child)) + \
    "\nchild()\n"


def spawn(folder: Path, number: int) -> subprocess.Popen:
    env = {**os.environ, "KILL_FOLDER": str(folder), "KILL_ROUND": str(number), "KILL_PASSPHRASE": PASSPHRASE}
    proc = subprocess.Popen([sys.executable, "-c", CHILD_CODE], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    proc.watchdog = threading.Timer(WATCHDOG_SECONDS, proc.kill)  # never hang the suite
    proc.watchdog.start()
    return proc


def kill(proc: subprocess.Popen, aimed: bool, rng: random.Random) -> list[str]:
    proc.stdin.write("go\n")
    proc.stdin.flush()
    seen = [proc.stdout.readline()]  # "ready"
    if aimed:
        seen.append(proc.stdout.readline())  # "rekey": the rekey starts now
        time.sleep(rng.uniform(0.0, REKEY_WINDOW))
    else:
        time.sleep(rng.uniform(0.0, 2.0))
    proc.send_signal(signal.SIGKILL)
    rest, errors = output_after_kill(proc, WATCHDOG_SECONDS)
    proc.watchdog.cancel()
    assert proc.returncode == -signal.SIGKILL, f"the child died on its own ({proc.returncode}):\n{errors}"
    return ("".join(seen) + rest).split("\n")[:-1]


def opens(folder: Path, passphrase: str) -> bool:
    try:
        records.unlock_with_passphrase(folder, passphrase).lock()
    except (WrongSecret, RecordDamaged):
        return False
    return True


def check(folder: Path, code: str, number: int, lines: list[str], kept: list[str]) -> tuple[bool, bool]:
    """Whether the kill left a rotation half done, and whether inside the rekey (the owner's unlock finishes it).

    `kept`: the carers that must be there (Bert, and any a kill caught between adding and removing).
    """
    half_done = KeyFiles(folder).load().ring.rotating
    mid_rekey = (folder / "record.db-journal").exists()  # a hot journal: killed inside PRAGMA rekey
    removed = [int(line.split()[1]) for line in lines if line.startswith("removed ")]
    in_flight = f"Carer {number}-{(removed[-1] if removed else 0) + 1}"
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert not session.vault.ring.rotating
        assert session.check().healthy
        assert session.check().counts["readings"] == READINGS
        names = [c.name for c in carers.carers(session)]
        assert names in (kept, kept + [in_flight])  # the kill's carer: never added, removed, or still there
        kept[:] = names
    finally:
        session.lock()
    assert opens(folder, BERT) and records.unlock_with_recovery_code(folder, code).lock() is None
    if removed:
        assert not opens(folder, carer_passphrase(number, removed[-1]))
    return half_done, mid_rekey


@pytest.fixture
def kill_record(create_fast, record_dir) -> tuple[Path, str]:
    created = create_fast(record_dir, "Kill Test", PASSPHRASE)
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    readings = [Reading("weight", start + timedelta(hours=n), 60 + n / 1000) for n in range(READINGS)]
    RecordServices(created.session).readings.add_batch(readings, "typed", None)
    carers.add_carer(created.session, "Bert", BERT, argon2=FAST)
    created.session.lock()
    return record_dir, created.recovery_code


@pytest.mark.slow
def test_sigkill_during_carer_removal_never_loses_the_record(kill_record):
    folder, code = kill_record
    rng, half_done, mid_rekey, started, kept = random.Random(SEED), 0, 0, time.monotonic(), ["Bert"]
    proc = spawn(folder, 1)
    try:
        for number in range(1, KILLS + 1):
            lines = kill(proc, aimed=number % 3 != 0, rng=rng)
            proc = spawn(folder, number + 1) if number < KILLS else None
            half, inside = check(folder, code, number, lines, kept)
            half_done, mid_rekey = half_done + half, mid_rekey + inside
    finally:
        if proc is not None:
            proc.kill()
            proc.communicate()
            proc.watchdog.cancel()
    print(f"\ncarer kill test: {KILLS} kills, {half_done} left a rotation half done ({mid_rekey} inside the "
          f"rekey), {len(kept) - 1} between adding and removing; {time.monotonic() - started:.1f} s")
