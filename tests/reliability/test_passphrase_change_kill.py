"""The kill test for key changes: SIGKILL a process while it changes the passphrase, again and again.

A child process unlocks the record (mostly with the recovery code, as after a forgotten
passphrase; every fifth round with the passphrase) and gives the owner a new passphrase, then
another, each one unique, printing "done N" only after change N returned. Just before the key
files are written it prints "sealed" (the Argon2id work is done), so most kills can be aimed
at the writes themselves; the others land anywhere. After each kill the parent looks at the key
files as the kill left them, then demands: the record opens with the last acknowledged
passphrase (old) or the one in flight (new) (no other can: a key file holds exactly one owner
slot); the recovery code still opens it; the record is healthy. Run with `-s` to see the figures.
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
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from killed import output_after_kill

from phr.access import records
from phr.core.errors import WrongSecret
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import BACKUP, PRIMARY, KeyFiles

KILLS = 52
AIMED_EVERY = 3  # of every 3 kills, 2 are aimed at the key-file writes, 1 lands anywhere
PASSPHRASE_UNLOCK_EVERY = 5  # the child unlocks with the passphrase every 5th round, else with the code
SEED = 20250611
WATCHDOG_SECONDS = 30
FIRST_WRITE_GUESS = 0.02  # seconds from "sealed" to "done", until a round has measured it
ANYWHERE_SECONDS = 0.8  # unaimed kills: anywhere in the first change or two


def passphrase_for(round_number: int, change: int) -> str:
    """A unique passphrase that passes the strength rules, for each change of each round."""
    return f"round {round_number} change {change} heron over the polder"


def child() -> None:
    """Unlock, then change the owner's passphrase again and again, reporting each step."""
    import os
    import sys
    import time

    from phr.access import keys, records
    from phr.storage.keys import kdf
    from phr.storage.keys import slots as keyslots

    real_seal, sealed_at = keyslots.seal, [0.0]

    def seal(*args, **kwargs):
        slot = real_seal(*args, **kwargs)
        print("sealed", flush=True)  # only watching: the key files are written next
        sealed_at[0] = time.monotonic()
        return slot

    keyslots.seal = seal
    folder, round_number = os.environ["KILL_FOLDER"], int(os.environ["KILL_ROUND"])
    current = sys.stdin.readline().rstrip("\n")  # the go-ahead: the parent has checked the last round
    if os.environ["KILL_UNLOCK"] == "code":
        session = records.unlock_with_recovery_code(folder, os.environ["KILL_CODE"])
    else:
        session = records.unlock_with_passphrase(folder, current)
    print("ready", flush=True)
    change = 0
    while True:
        change += 1
        keys.change_passphrase(session, passphrase_for(round_number, change), argon2=kdf.MINIMUM)
        # Only now is change N acknowledged; with how long writing the key files took.
        print("done", change, f"{time.monotonic() - sealed_at[0]:.4f}", flush=True)


CHILD_CODE = textwrap.dedent(inspect.getsource(passphrase_for)) + textwrap.dedent(inspect.getsource(child)) + \
    "\nchild()\n"


@dataclass
class Figures:
    kills: int = 0
    aimed: int = 0
    opened_with_old: int = 0
    opened_with_new: int = 0
    between_copies: int = 0  # keys.json and keys.bak.json had different sequence numbers
    temp_left: int = 0  # the kill came while a temp key file was being written
    acknowledged: int = 0
    passphrase_unlocks: int = 0
    write_seconds: list = field(default_factory=list)

    def report(self, seconds: float) -> str:
        return (f"passphrase kill test: {self.kills} kills ({self.aimed} aimed at the writes), opened with old "
                f"{self.opened_with_old}, with new {self.opened_with_new}; left between the two copies "
                f"{self.between_copies}, mid temp-file write {self.temp_left}; {self.acknowledged} changes "
                f"acknowledged; child unlocked with the passphrase {self.passphrase_unlocks} times, else with "
                f"the recovery code; {seconds:.1f} s")


@dataclass
class Round:
    number: int
    current: str  # the passphrase that opens the record as the round starts
    aimed: bool
    by_passphrase: bool
    sequence: int  # of keys.json as the round starts


# --- one round: start a changer, kill it -----------------------------------------------------

def spawn_changer(folder: Path, code: str, number: int) -> subprocess.Popen:
    """Start round `number`'s child; it imports, then waits for the current passphrase on stdin.

    It is started while the previous round is still being checked, so its start-up costs nothing.
    """
    unlock = "passphrase" if number % PASSPHRASE_UNLOCK_EVERY == 0 else "code"
    env = {**os.environ, "KILL_FOLDER": str(folder), "KILL_ROUND": str(number), "KILL_CODE": code,
           "KILL_UNLOCK": unlock}
    proc = subprocess.Popen([sys.executable, "-c", CHILD_CODE], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    proc.watchdog = threading.Timer(WATCHDOG_SECONDS * 2, proc.kill)  # never hang the suite
    proc.watchdog.start()
    return proc


def kill_changer(proc: subprocess.Popen, round_: Round, rng: random.Random, figures: Figures) -> list[str]:
    """Let the child go, kill it at an aimed or a random moment; returns the complete lines it printed."""
    proc.stdin.write(round_.current + "\n")
    proc.stdin.flush()
    seen = [proc.stdout.readline()]  # "ready": unlocked, the first change starts now
    if round_.aimed:
        seen.append(proc.stdout.readline())  # "sealed": the key files are being written
        window = sorted(figures.write_seconds)[len(figures.write_seconds) // 2] if figures.write_seconds \
            else FIRST_WRITE_GUESS
        time.sleep(rng.uniform(0.0, 1.5 * window))
    else:
        time.sleep(rng.uniform(0.0, ANYWHERE_SECONDS))
    proc.send_signal(signal.SIGKILL)
    rest, errors = output_after_kill(proc, WATCHDOG_SECONDS)
    proc.watchdog.cancel()
    assert proc.returncode == -signal.SIGKILL, f"the changer died on its own ({proc.returncode}):\n{errors}"
    return ("".join(seen) + rest).split("\n")[:-1]  # a line cut off by the kill is not acknowledged


def stop(proc: subprocess.Popen | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.communicate()
    if proc is not None:
        proc.watchdog.cancel()


def acknowledged_changes(lines: list[str]) -> int:
    done = [int(line.split()[1]) for line in lines if line.startswith("done ")]
    assert done == list(range(1, len(done) + 1))
    return len(done)


def measure_writes(lines: list[str], figures: Figures) -> None:
    """Keep how long the child took from "sealed" to "done": where aimed kills should land."""
    figures.write_seconds += [float(line.split()[2]) for line in lines if line.startswith("done ")]


# --- after the kill --------------------------------------------------------------------------

def look_at_key_files(folder: Path, figures: Figures) -> int:
    """Count what the kill left (before any unlock repairs it); returns the sequence of keys.json.

    Temp files are then removed, so that the next round counts only its own.
    """
    primary, backup = (keyslots.from_json((folder / name).read_bytes()) for name in (PRIMARY, BACKUP))
    figures.between_copies += primary.sequence != backup.sequence
    temps = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    figures.temp_left += bool(temps)
    for temp in temps:
        temp.unlink()
    return primary.sequence


def opening_passphrase(folder: Path, candidates: list[str]) -> str:
    """The first candidate that opens the record (real unlocks, Argon2id and all)."""
    for text in candidates:
        try:
            records.unlock_with_passphrase(folder, text).lock()
        except WrongSecret:
            continue
        return text
    raise AssertionError("the record opens with neither the old nor the new passphrase")


def check_after_kill(folder: Path, code: str, round_: Round, acknowledged: int, figures: Figures) -> str:
    """Old (last acknowledged) or new (in flight) must open it; returns the one that does.

    Any other passphrase is refused without trying: from_json admits exactly one owner slot. The
    sequence number only chooses which to try first, to spend one Argon2id run instead of two.
    """
    old = passphrase_for(round_.number, acknowledged) if acknowledged else round_.current
    new = passphrase_for(round_.number, acknowledged + 1)
    landed = look_at_key_files(folder, figures) > round_.sequence + acknowledged
    opened = opening_passphrase(folder, [new, old] if landed else [old, new])
    figures.opened_with_old += opened == old
    figures.opened_with_new += opened == new
    session = records.unlock_with_recovery_code(folder, code)
    try:
        assert session.check().healthy
    finally:
        session.lock()
    return opened


# --- the test --------------------------------------------------------------------------------

@pytest.fixture
def kill_record(create_fast, record_dir) -> tuple[Path, str]:
    created = create_fast(record_dir, "Kill Test", PASSPHRASE)
    created.session.lock()
    return record_dir, created.recovery_code


def play_round(folder: Path, code: str, proc, round_: Round, rng: random.Random, figures: Figures,
               next_number: int | None) -> tuple[str, subprocess.Popen | None]:
    """Kill this round's child, start the next one, check; returns (passphrase now, next child)."""
    lines = kill_changer(proc, round_, rng, figures)
    acknowledged = acknowledged_changes(lines)
    measure_writes(lines, figures)
    following = spawn_changer(folder, code, next_number) if next_number else None
    try:
        current = check_after_kill(folder, code, round_, acknowledged, figures)
    except BaseException:
        stop(following)
        raise
    figures.kills += 1
    figures.aimed += round_.aimed
    figures.acknowledged += acknowledged
    figures.passphrase_unlocks += round_.by_passphrase
    return current, following


@pytest.mark.slow
def test_sigkill_during_passphrase_changes_never_locks_the_record_out(kill_record):
    folder, code = kill_record
    rng, figures, current, started = random.Random(SEED), Figures(), PASSPHRASE, time.monotonic()
    proc = spawn_changer(folder, code, 1)
    try:
        for number in range(1, KILLS + 1):
            sequence = KeyFiles(folder).load().ring.sequence
            round_ = Round(number, current, aimed=number % AIMED_EVERY != 0,
                           by_passphrase=number % PASSPHRASE_UNLOCK_EVERY == 0, sequence=sequence)
            current, proc = play_round(folder, code, proc, round_, rng, figures,
                                       number + 1 if number < KILLS else None)
    finally:
        stop(proc)
    print("\n" + figures.report(time.monotonic() - started))
    assert figures.kills >= 50
    assert figures.opened_with_old + figures.opened_with_new == figures.kills
    assert figures.opened_with_old and figures.opened_with_new, "the kills never landed on both sides"
