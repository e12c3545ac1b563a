"""Readings on disk, and unlock and lock, on the lifetime record (issue 20, points 3 and 5).

Size: the lifetime record's readings (about 3.2 million, bench/lifetime_record.py) copied in id order into a
fresh encrypted database with Regie's own readings table and indexes (as the schema 10 upgrade makes them: the
indexes built after the copy), against the same readings' (taken_at, value) in a minimal table
`CREATE TABLE t (taken_at INTEGER, value REAL)`, in a database made the same way in the same run: bytes per
reading (page count × page size / readings). Target: at most 2× the minimal table.

Lock and unlock: a copy of the lifetime record against an empty record with the same Argon2id cost, each
unlocked and locked in turn (interleaved, median of 3). Both purge the deleted readings and entries; the
target is absolute: each within 100 ms of the empty record's time (the limit printed is that as a ratio).
"""

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench import lifetime_record
from bench.common import Result, peak_mb, worst
from phr.access import records
from phr.access.passphrase import normalise
from phr.core.vocabulary import SlotKind
from phr.storage.database import Database
from phr.storage.keys import kdf
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import KeyFiles

PASSPHRASE = "benchmark passphrase with several words"
SIZE_LIMIT = 2.0
MARGIN = 0.100        # seconds over the empty record's unlock or lock
ROUNDS = 3
# The readings' own columns (the fingerprint is generated, not stored).
STORED = ("id, batch_id, measure_id, taken_at, utc_offset, value, value2, value3, flag, method, context, note, "
          "changed_by, changed_at, deleted_at, device_flags")


def run() -> Result:
    with tempfile.TemporaryDirectory(dir=lifetime_record.CACHE.parent) as tmp:
        work = lifetime_record.copy_of(Path(tmp))   # opening a record may change it (purges): a copy
        empty = Path(tmp) / "empty.regie"
        records.create_record(empty, "Bench", PASSPHRASE, kdf.MINIMUM).session.lock()
        timings = _lock_and_unlock({work: lifetime_record.PASSPHRASE, empty: PASSPHRASE})
        size = _size(work, Path(tmp))
    (big_unlock, big_lock), (empty_unlock, empty_lock) = timings[work], timings[empty]
    return worst("reading_storage", [size, _within_margin("unlock", big_unlock, empty_unlock),
                                     _within_margin("lock", big_lock, empty_lock)])


def _lock_and_unlock(passphrases: dict[Path, str]) -> dict[Path, tuple[float, float]]:
    """Median seconds to unlock and to lock each record; the records take turns, so load on the machine falls
    on both alike."""
    unlocks: dict[Path, list[float]] = {folder: [] for folder in passphrases}
    locks: dict[Path, list[float]] = {folder: [] for folder in passphrases}
    for _ in range(ROUNDS):
        for folder, passphrase in passphrases.items():
            started = time.perf_counter()
            session = records.unlock_with_passphrase(folder, passphrase)
            opened = time.perf_counter()
            session.lock()
            unlocks[folder].append(opened - started)
            locks[folder].append(time.perf_counter() - opened)
    return {folder: (statistics.median(unlocks[folder]), statistics.median(locks[folder])) for folder in passphrases}


def _within_margin(name: str, measured: float, baseline: float) -> Result:
    limit = round((baseline + MARGIN) / baseline, 2)
    return Result(f"{name} (lifetime vs empty record)", measured, baseline, limit,
                  [f"{(measured - baseline) * 1000:.0f} ms over the empty record (target: at most "
                   f"{MARGIN * 1000:.0f} ms)"])


def _size(folder: Path, tmp: Path) -> Result:
    """Bytes per reading in Regie's layout and in the minimal table, both encrypted, made the same way."""
    db = Database.open(folder / "record.db", _record_key(folder, lifetime_record.PASSPHRASE))
    try:
        count = db.integer("SELECT count(*) FROM readings")
        tables = [sql for (sql,) in db.query("SELECT sql FROM sqlite_master WHERE tbl_name IN "
                                             "('readings', 'reading_measures') AND type = 'table'")]
        indexes = [sql for (sql,) in db.query("SELECT sql FROM sqlite_master WHERE tbl_name = 'readings' "
                                              "AND type = 'index' AND sql IS NOT NULL")]
        db.execute("PRAGMA foreign_keys = OFF")    # the copy has no batches or authors to point to
        app, minimal = _attach(db, tmp / "app.db", "app"), _attach(db, tmp / "minimal.db", "minimal")
        started = time.perf_counter()
        db.execute("CREATE TABLE minimal.t (taken_at INTEGER, value REAL)")
        db.execute("INSERT INTO minimal.t SELECT taken_at, value FROM main.readings ORDER BY id")
        baseline_seconds = time.perf_counter() - started
        started = time.perf_counter()
        for sql in tables:
            db.execute(sql.replace("CREATE TABLE ", "CREATE TABLE app.", 1))
        db.execute("INSERT INTO app.reading_measures SELECT * FROM main.reading_measures")
        db.execute(f"INSERT INTO app.readings ({STORED}) SELECT {STORED} FROM main.readings ORDER BY id")
        table_only = _bytes(db, "app")
        for sql in indexes:
            db.execute(sql.replace(" INDEX ", " INDEX app.", 1))
        app_seconds = time.perf_counter() - started
        regie, bare = _bytes(db, "app"), _bytes(db, "minimal")
        whole = (folder / "record.db").stat().st_size
    finally:
        db.close()
    del app, minimal
    notes = [f"{count:,} readings: Regie {regie / count:.1f} bytes each (table {table_only / count:.1f}, indexes "
             f"{(regie - table_only) / count:.1f}), minimal table {bare / count:.1f}; the whole lifetime record "
             f"{whole / count:.1f} bytes per reading with everything else in it",
             f"copied in {app_seconds:.1f} s (Regie's layout, indexes built after: about what the schema 10 upgrade "
             f"does) and {baseline_seconds:.1f} s (minimal table); peak RSS so far {peak_mb():.0f} MB",
             "the gap to 2x: readings have ids (edit, delete, undo, keyset paging), so the table is keyed by id and "
             "the once-only rule needs a second b-tree (measure, time, method, fingerprint, id); and each row's header "
             "has a byte per column (16 stored columns, 10 of them empty for a sensor reading)"]
    # Result counts seconds; here the 'seconds' are bytes per reading, the ratio is what counts.
    return Result("bytes per reading (Regie vs a minimal (time, value) table)", regie / count, bare / count,
                  SIZE_LIMIT, notes)


def _attach(db: Database, path: Path, name: str) -> Path:
    key = os.urandom(32)
    db.execute(f"ATTACH DATABASE '{path}' AS {name} KEY \"x'{key.hex()}'\"")
    return path


def _bytes(db: Database, schema: str) -> int:
    # SQLCipher gives the page size as text.
    return int(db.query(f"PRAGMA {schema}.page_count")[0][0]) * int(db.query(f"PRAGMA {schema}.page_size")[0][0])


def _record_key(folder: Path, passphrase: str) -> bytes:
    ring = KeyFiles(folder).load().ring
    owner = ring.slot_of_kind(SlotKind.OWNER)
    assert owner is not None, "a record has its owner's slot"
    return keyslots.unwrap(ring.record_id, owner, normalise(passphrase))


if __name__ == "__main__":
    result = run()
    print(f"{result.name}: ratio {result.ratio:.2f} (limit {result.limit})")
    for line in result.notes:
        print(f"  {line}")
