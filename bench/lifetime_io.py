"""Imports and exports at a lifetime's scale (issue 20, point 4): each against its bare baseline in the same run,
with the peak memory of a fresh child process doing just that work. Target: peak under 300 MB whatever the size.

- generic import: a `time,value` CSV of ROWS 5-minute glucose readings (ISO wall-clock times, Europe/Amsterdam;
  bench/lifetime_record.lifetime_csv) into a new record, from its path, as the command line gives it;
- ISO-with-offset import: the same with times carrying their own offset ('1996-12-01T00:05:00+01:00');
- LibreView import: a Dutch LibreView export of the same readings (19 columns, day-first dates);
- re-import: the generic file imported a second time into the same record (every reading already there);
- CSV, FHIR and Regie's own JSON export of the lifetime record (bench/lifetime_record: 3.2 million readings), on
  a copy;
- Regie JSON import: that JSON export (about 320 MB) imported from its path into a new record of the same person.

Baselines (bench/device_import.baseline for the imports): the same file read with the csv module, its rows
inserted as text with executemany INSERT OR IGNORE into a fresh SQLCipher table with a unique index on the
columns that identify a reading, one transaction (the re-import: that again into the same table). CSV export:
one query over the readings and csv.writer with the same ISO times (datetime.isoformat) to a file. FHIR export:
a raw query of each measure's last 30 days and json.dumps of a plain Observation for each reading of it (the
IPS bundle holds a summary: at most 20 readings per measure, plus the sensor's figures; its time goes to the
diagnoses' Orphanet names and the validation, not to the readings). JSON export: one query over the readings
and json.dumps of each row (the same ISO times) to a file, one row per line. Regie JSON import: the file's lines
read, each reading row's line parsed with json.loads and inserted with executemany INSERT OR IGNORE into a fresh
SQLCipher table with a unique index on (time, measure), one transaction.

Peak memory: each measurement runs in a fresh child, which reports its own VmHWM (getrusage(RUSAGE_CHILDREN)
would carry the parent's peak over into a child it forks), set back to what is resident when the work starts (so
the 64 MiB key derivation of opening the record does not hide the work's own peak). `python -m bench lifetime_io` runs it all (the
imports take minutes at 3.2 M rows); `python -m bench.lifetime_io ROWS [PATH ...]` runs a smaller size or some
paths only (the exports always use the lifetime record).
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench import device_import, lifetime_record
from bench.common import Result, peak_mb, reset_peak, worst

ROWS = 3_200_000
LIMIT = 2.0
PEAK_LIMIT_MB = 300.0
GENERIC, OFFSET, LIBREVIEW, REIMPORT = "generic import", "ISO-with-offset import", "LibreView import", "re-import"
CSV_EXPORT, FHIR_EXPORT, JSON_EXPORT = "CSV export", "FHIR export", "JSON export"
NATIVE_IMPORT = "Regie JSON import"
PATHS = (GENERIC, OFFSET, LIBREVIEW, REIMPORT, CSV_EXPORT, FHIR_EXPORT, JSON_EXPORT, NATIVE_IMPORT)
# Which of bench/device_import's paths (file shape, baseline index) each import is.
_SHAPES = {GENERIC: "generic CSV", OFFSET: "generic CSV, times with offset", LIBREVIEW: "LibreView",
           REIMPORT: "generic CSV"}
_ROOT = str(Path(__file__).resolve().parent.parent)
_RECENT_DAYS = 30


def libreview_csv(path: Path, rows: int) -> Path:
    """A Dutch LibreView export of `rows` 5-minute readings, written in blocks (any size)."""
    start = datetime(1996, 12, 1)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(device_import.HEADER)
        block = []
        for i in range(rows):
            block.append(f"FreeStyle LibreLink,3ceaaf30-8142-c8ea-91d9-3080f9b439fc,"
                         f"{start + timedelta(minutes=5 * i):%d-%m-%Y %H:%M},0,{device_import._value(i)},,,,,,,,,,,,,,\r\n")
            if len(block) >= 50_000:
                out.write("".join(block))
                block = []
        out.write("".join(block))
    return path


def _file_for(path: str, folder: Path, rows: int) -> Path:
    if path == NATIVE_IMPORT:
        return _lifetime_json(folder)
    file = folder / f"{path.replace(' ', '-')}.csv"
    if path == LIBREVIEW:
        return libreview_csv(file, rows)
    return lifetime_record.lifetime_csv(file, rows, offset=path == OFFSET)


def _lifetime_json(folder: Path) -> Path:
    """Regie's own JSON export of the lifetime record (made in a child: its memory is not the parent's)."""
    work = folder / "lifetime-json"
    work.mkdir()
    in_child("regie", JSON_EXPORT, None, work)
    return (work / "export.out").rename(folder / "lifetime.json")


def regie_native_import(file: Path, folder: Path) -> tuple[float, float, float, int]:
    """(seconds, peak MB, MB before, readings) of importing Regie's own file from its path."""
    from phr.access import records
    from phr.formats.native import read as native_read
    from phr.storage.keys import kdf

    with open(file, "rb") as text:  # the person's name, for a record the file may go into
        name = next(line for line in text if line.startswith(b'  "name": '))[10:].strip().rstrip(b",")
    session = records.create_record(folder / "record.regie", json.loads(name), "benchmark passphrase with words",
                                    argon2=kdf.MINIMUM).session
    try:
        before = reset_peak()
        started = time.perf_counter()
        summary = native_read.import_record(session, file)
        seconds = time.perf_counter() - started
        return seconds, peak_mb(), before, summary.added.get("readings", 0)
    finally:
        session.lock()


def baseline_native_import(file: Path, folder: Path) -> tuple[float, float, float, int]:
    from phr.storage.database import Database

    db = Database.open(folder / "baseline.db", os.urandom(32), create=True)
    db.execute("CREATE TABLE raw (at TEXT, measure TEXT, value REAL, value2 REAL, value3 REAL, flag TEXT, "
               "method TEXT, context TEXT, note TEXT, changed_at TEXT, changed_by TEXT, device INTEGER)")
    db.execute("CREATE UNIQUE INDEX raw_once ON raw (at, measure)")
    try:
        before = reset_peak()
        started = time.perf_counter()
        with open(file, encoding="utf-8") as text, db.transaction():
            rows = (json.loads(line.strip().rstrip(",")) for line in text if line.startswith("    ["))
            db.executemany("INSERT OR IGNORE INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return time.perf_counter() - started, peak_mb(), before, db.integer("SELECT count(*) FROM raw")
    finally:
        db.close()


# --- the work, in a child ------------------------------------------------------------------------------------

def regie_import(path: str, file: Path, folder: Path) -> tuple[float, float, float, int]:
    """(seconds, peak MB, MB before, readings) of Regie's import (the second one, for the re-import)."""
    from phr.access import records
    from phr.imports import device_import as importer
    from phr.record.services import RecordServices
    from phr.storage.keys import kdf

    format, measure = device_import.PATHS[_SHAPES[path]][3]
    session = records.create_record(folder / "record.regie", "Bench", "benchmark passphrase with words",
                                    argon2=kdf.MINIMUM).session
    try:
        services = RecordServices(session)
        if path == REIMPORT:
            importer.import_file(services, file, file.name, format, measure)
        before = reset_peak()
        started = time.perf_counter()
        summary = importer.import_file(services, file, file.name, format, measure)
        return time.perf_counter() - started, peak_mb(), before, summary.added + summary.already_present
    finally:
        session.lock()


def baseline_import(path: str, file: Path, folder: Path) -> tuple[float, float, float, int]:
    shape = _SHAPES[path]
    return _baseline_twice(shape, file, folder) if path == REIMPORT else device_import.baseline(shape, file, folder)


def _baseline_twice(shape: str, file: Path, folder: Path) -> tuple[float, float, float, int]:
    """The baseline's rows into its table, then (measured) the same rows again: all ignored."""
    from phr.storage.database import Database

    skip, index = device_import.PATHS[shape][1], device_import.PATHS[shape][2]
    db = Database.open(folder / "baseline.db", os.urandom(32), create=True)

    def fill() -> int:
        with open(file, encoding="utf-8", newline="") as text:
            rows = csv.reader(text)
            for _ in range(skip):
                next(rows)
            width = len(next(rows))
            db.execute(f"CREATE TABLE IF NOT EXISTS raw ({', '.join(f'c{i} TEXT' for i in range(width))})")
            db.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS raw_once ON raw ({index})")
            with db.transaction():
                return db.executemany(f"INSERT OR IGNORE INTO raw VALUES ({', '.join('?' * width)})", rows)

    try:
        fill()
        before = reset_peak()
        started = time.perf_counter()
        fill()
        return time.perf_counter() - started, peak_mb(), before, db.integer("SELECT count(*) FROM raw")
    finally:
        db.close()


def _open_lifetime(folder: Path):
    from phr.access import records

    return records.unlock_with_passphrase(lifetime_record.copy_of(folder), lifetime_record.PASSPHRASE)


def regie_export(path: str, folder: Path) -> tuple[float, float, float, int]:
    from phr.export import csv_export
    from phr.formats.fhir.write import bundle
    from phr.formats.native import write as native_json
    from phr.record.services import RecordServices

    session = _open_lifetime(folder)
    target = folder / "export.out"
    try:
        services = RecordServices(session)
        before = reset_peak()
        started = time.perf_counter()
        if path == CSV_EXPORT:
            csv_export.write_export(services, target)
        elif path == JSON_EXPORT:
            native_json.write_export(session, target)
        else:
            bundle.write_export(services, target, language="en")
        return time.perf_counter() - started, peak_mb(), before, target.stat().st_size
    finally:
        session.lock()


def baseline_export(path: str, folder: Path) -> tuple[float, float, float, int]:
    session = _open_lifetime(folder)
    target = folder / "export.out"
    db = session.db
    try:
        before = reset_peak()
        started = time.perf_counter()
        if path == CSV_EXPORT:
            with open(target, "w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out, lineterminator="\r\n")
                cursor = db._open.execute(  # a cursor: rows as they come
                    "SELECT id, measure_id, taken_at, utc_offset, value, flag, method, note FROM readings "
                    "WHERE deleted_at IS NULL ORDER BY measure_id, taken_at")
                writer.writerows((i, measure, datetime.fromtimestamp(at, timezone(timedelta(minutes=offset)))
                                  .isoformat(), value, flag, method, note or "")
                                 for i, measure, at, offset, value, flag, method, note in cursor)
        elif path == JSON_EXPORT:
            with open(target, "w", encoding="utf-8") as out:
                cursor = db._open.execute("SELECT taken_at, utc_offset, measure_id, value, value2, value3, flag, "
                                          "method, note FROM readings WHERE deleted_at IS NULL ORDER BY batch_id, id")
                out.writelines(json.dumps([datetime.fromtimestamp(row[0], timezone(timedelta(minutes=row[1])))
                                           .isoformat(), *row[2:]]) + ",\n" for row in cursor)
        else:
            observations = []
            for (measure,) in db.query("SELECT DISTINCT measure_id FROM reading_buckets"):
                latest = db.query_one("SELECT max(taken_at) FROM readings WHERE measure_id = ?", (measure,))[0]
                for at, offset, value in db.query(
                        "SELECT taken_at, utc_offset, value FROM readings WHERE measure_id = ? AND taken_at >= ? "
                        "AND deleted_at IS NULL", (measure, latest - _RECENT_DAYS * 86400)):
                    moment = datetime.fromtimestamp(at, timezone(timedelta(minutes=offset))).isoformat()
                    observations.append({"resourceType": "Observation", "status": "final",
                                         "effectiveDateTime": moment, "valueQuantity": {"value": value}})
            target.write_text(json.dumps({"resourceType": "Bundle", "entry": observations}, indent=1))
        return time.perf_counter() - started, peak_mb(), before, target.stat().st_size
    finally:
        session.lock()


def in_child(work: str, path: str, file: Path | None, folder: Path) -> tuple[float, float, float, int]:
    done = subprocess.run([sys.executable, "-m", "bench.lifetime_io", "--child", work, path, str(file or ""),
                           str(folder)], check=True, capture_output=True, text=True,
                          env=os.environ | {"PYTHONPATH": _ROOT})
    seconds, peak, before, count = json.loads(done.stdout.splitlines()[-1])
    return seconds, peak, before, count


# --- measuring -----------------------------------------------------------------------------------------------

def measure(path: str, rows: int = ROWS, repeat: int = 1) -> Result:
    """Baseline and Regie interleaved, `repeat` times each (the median is taken); Regie's highest peak."""
    with tempfile.TemporaryDirectory(dir=lifetime_record.CACHE.parent if lifetime_record.CACHE.parent.is_dir()
                                     else None) as tmp:
        base = Path(tmp)
        file = _file_for(path, base, rows) if path in _SHAPES or path == NATIVE_IMPORT else None
        raws: list[tuple[float, float, float, int]] = []
        ours: list[tuple[float, float, float, int]] = []
        for attempt in range(repeat):
            for work, results in (("baseline", raws), ("regie", ours)):
                folder = base / f"{work}-{attempt}"
                folder.mkdir()
                results.append(in_child(work, path, file, folder))
        size = file.stat().st_size / 1e6 if file else 0.0
    raw, mine = _median(raws), _median(ours)
    peak = max(result[1] for result in ours)
    what = f"{rows:,} rows ({size:.0f} MB)" if file else "the lifetime record"
    if path == NATIVE_IMPORT:
        what = f"the lifetime record's JSON export ({size:.0f} MB)"
    notes = [f"{what}: {mine[3]:,} {'readings' if file else 'bytes'} (baseline {raw[3]:,}); median of {repeat}",
             f"peak memory {peak:.0f} MB ({mine[2]:.0f} MB before the work); baseline {raw[1]:.0f} MB"]
    return Result(path, mine[0], raw[0], LIMIT, notes, peak_mb=peak, peak_limit_mb=PEAK_LIMIT_MB)


def _median(results: list[tuple[float, float, float, int]]) -> tuple[float, float, float, int]:
    return sorted(results)[len(results) // 2]


def run(paths: list[str] | None = None, rows: int = ROWS) -> Result:
    results = [measure(path, rows) for path in paths or PATHS]
    return worst(f"lifetime imports and exports ({rows / 1e6:.1f}M rows)", results)


def _child(work: str, path: str, file: str, folder: str) -> tuple[float, float, float, int]:
    if path == NATIVE_IMPORT:
        return (regie_native_import if work == "regie" else baseline_native_import)(Path(file), Path(folder))
    if path in _SHAPES:
        chosen = regie_import if work == "regie" else baseline_import
        return chosen(path, Path(file), Path(folder))
    return (regie_export if work == "regie" else baseline_export)(path, Path(folder))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(_child(*sys.argv[2:6])))
    else:
        result = run(sys.argv[2:] or None, int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
        print(f"{result.name}: ratio {result.ratio:.2f}, peak {result.peak_mb:.0f} MB")
        print("\n".join(result.notes))
