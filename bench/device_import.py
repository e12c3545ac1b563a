"""Importing a one-million-row device file, for each import path, against the raw work of reading and
storing it. Issue 16's target: at most 1.5 times, peak memory under 300 MB for any file size; the
limit checked stays the earlier 2.0 until every path meets 1.5 (the peak limit is checked now).

- generic CSV: a plain `time,value` file (`phr import --format csv --measure glucose`) with ISO
  wall-clock times ('2016-01-01 00:05:00', Europe/Amsterdam, clock changes included);
- generic CSV, times with offset: the same with ISO times that carry their own offset
  ('2016-01-01T00:05:00+01:00');
- LibreView: a Dutch LibreView export (day-first dates, 19 columns);
- Apple Health: an export.zip of a million records (bench/apple_export.py says what is in it and what
  its baseline does: the same parser, lxml's iterparse, and executemany). Its target is 2.0.

Baseline, per path, in the same run: the same file decoded and read with the csv module, its rows
inserted as they are (every column, as text) with executemany INSERT OR IGNORE into a fresh
SQLCipher table with a unique index on the columns that identify a reading (time and value; for
LibreView time, record type and value), as readings_once does for Regie, in one transaction.
Measured: Regie's whole import into a fresh record, from the file's path as the command line and
the wizard give it (decode, recognise, table, rows with the zone's clock changes, readings, store:
dedup, summaries, one transaction; a file above 32 MB is read in blocks).

Each measurement runs in a fresh child process (spawned), which reports its time and its peak
resident memory (getrusage ru_maxrss). Resident memory, not tracemalloc: it counts what the
person's computer pays (SQLCipher's page cache, C buffers, the interpreter), which tracemalloc
does not see, and it costs nothing while timing (tracemalloc slows Python code two- to threefold).
The peak includes what the import holds of the file (all of a file up to 32 MB, as bytes and text)
and the interpreter with its imports (its size before the work is shown beside it; for Regie that includes the 64 MiB key
derivation of making the record).
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from bench import apple_export
from bench.common import Result, peak_mb, worst

ROWS = 1_000_000
LIMIT = 2.0          # the target is 1.5: raised to it when every path meets it
PEAK_LIMIT_MB = 300.0
APPLE, APPLE_LIMIT = "Apple Health", 2.0     # the target for this path
HEADER = ("Glucosegegevens,Gegenereerd op,15-09-2026 00:00 UTC,Gegenereerd door,Demo Gebruiker\r\n"
          "Apparaat,Serienummer,Tijdstempel apparaat,Gegevenstype,Historische glucose mmol/l,Scan Glucose mmol/l,"
          "Niet-numerieke snelwerkende insuline,Snelwerkende insuline (eenheden),Niet-numeriek voedsel,"
          "Koolhydraten (gram),Koolhydraten (porties),Niet-numerieke langwerkende insuline,"
          "Langwerkende insuline (eenheden),Notities,Strip Glucose mmol/l,Keton mmol/l,Maaltijdinsuline (eenheden),"
          "Correctie-insuline (eenheden),Insuline gewijzigd door gebruiker (eenheden)\r\n")
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_ROOT = str(Path(__file__).resolve().parent.parent)


def _value(i: int) -> str:
    return f"{5.0 + (i * 7919 % 100) / 20:.1f}"


def libreview_file(rows: int = ROWS) -> bytes:
    """A LibreView export (Dutch, mmol/L) of a sensor read every 5 minutes for about ten years."""
    start, out = datetime(2016, 1, 1), io.StringIO()
    out.write(HEADER)
    for i in range(rows):
        moment = start + timedelta(minutes=5 * i)
        out.write(f"FreeStyle LibreLink,3ceaaf30-8142-c8ea-91d9-3080f9b439fc,{moment:%d-%m-%Y %H:%M},0,"
                  f"{_value(i)},,,,,,,,,,,,,,\r\n")
    return out.getvalue().encode("utf-8")


def generic_file(rows: int = ROWS) -> bytes:
    """A plain `time,value` CSV of the same sensor: ISO wall-clock times, one reading every 5 minutes."""
    start, out = datetime(2016, 1, 1), io.StringIO()
    out.write("time,value\n")
    for i in range(rows):
        out.write(f"{start + timedelta(minutes=5 * i):%Y-%m-%d %H:%M:%S},{_value(i)}\n")
    return out.getvalue().encode("utf-8")


def offset_file(rows: int = ROWS) -> bytes:
    """The same with ISO times that carry the offset of Amsterdam at that moment ('...T00:05:00+01:00')."""
    start, out = datetime(2016, 1, 1, tzinfo=timezone.utc), io.StringIO()
    out.write("time,value\n")
    for i in range(rows):
        moment = (start + timedelta(minutes=5 * i)).astimezone(_AMSTERDAM)
        out.write(f"{moment.isoformat()},{_value(i)}\n")
    return out.getvalue().encode("utf-8")


# name: (file maker, lines before the columns, the baseline's index columns, (format, measure))
PATHS: dict[str, tuple[Callable[[int], bytes], int, str, tuple[str, str | None]]] = {
    "generic CSV": (generic_file, 0, "c0, c1", ("csv", "glucose")),
    "generic CSV, times with offset": (offset_file, 0, "c0, c1", ("csv", "glucose")),
    "LibreView": (libreview_file, 1, "c2, c3, c4", ("auto", None)),
}


def baseline(path: str, file: Path, folder: Path) -> tuple[float, float, float, int]:
    """(seconds, peak MB, MB before the work, rows stored) of the raw work, in this process."""
    from phr.storage.database import Database

    _make, skip, index, _args = PATHS[path]
    data = file.read_bytes()
    before = peak_mb()
    db = Database.open(folder / "baseline.db", os.urandom(32), create=True)
    try:
        started = time.perf_counter()
        rows = csv.reader(io.StringIO(data.decode("utf-8")))
        for _ in range(skip):
            next(rows)
        header = next(rows)
        db.execute(f"CREATE TABLE raw ({', '.join(f'c{i} TEXT' for i in range(len(header)))})")
        db.execute(f"CREATE UNIQUE INDEX raw_once ON raw ({index})")
        with db.transaction():
            added = db.executemany(f"INSERT OR IGNORE INTO raw VALUES ({', '.join('?' for _ in header)})", rows)
        return time.perf_counter() - started, peak_mb(), before, added
    finally:
        db.close()


def regie(path: str, file: Path, folder: Path) -> tuple[float, float, float, int]:
    """(seconds, peak MB, MB before the work, readings stored) of Regie's import, in this process."""
    from phr.access import records
    from phr.imports import device_import
    from phr.record.services import RecordServices
    from phr.storage.keys import kdf

    format, measure_key = PATHS[path][3]
    session = records.create_record(folder / "record.regie", "Bench", "benchmark passphrase with words",
                                    argon2=kdf.MINIMUM).session
    try:
        before = peak_mb()
        started = time.perf_counter()  # from its path, as the command line and the wizard import it
        summary = device_import.import_file(RecordServices(session), file, file.name, format, measure_key)
        return time.perf_counter() - started, peak_mb(), before, summary.added
    finally:
        session.lock()


def apple_regie(file: Path, folder: Path) -> tuple[float, float, float, int]:
    """(seconds, peak MB, MB before the work, readings stored) of Regie's import of an Apple Health export
    zip, from its path (streamed), in this process."""
    from phr.access import records
    from phr.imports import device_import
    from phr.record.services import RecordServices
    from phr.storage.keys import kdf

    session = records.create_record(folder / "record.regie", "Bench", "benchmark passphrase with words",
                                    argon2=kdf.MINIMUM).session
    try:
        before = peak_mb()
        started = time.perf_counter()
        summary = device_import.import_file(RecordServices(session), file, file.name)
        return time.perf_counter() - started, peak_mb(), before, summary.added
    finally:
        session.lock()


def in_child(work: str, path: str, file: Path, folder: Path) -> tuple[float, float, float, int]:
    """baseline or regie in a fresh process (`python -m bench.device_import`, which imports only
    what the work needs): its own peak memory, no garbage of an earlier run."""
    done = subprocess.run([sys.executable, "-m", "bench.device_import", work, path, str(file), str(folder)],
                          check=True, capture_output=True, text=True, env=os.environ | {"PYTHONPATH": _ROOT})
    seconds, peak, before, stored = json.loads(done.stdout.splitlines()[-1])
    return seconds, peak, before, stored


def measure(path: str, rows: int = ROWS) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        file = folder / "device-1m.csv"
        file.write_bytes(PATHS[path][0](rows))
        size = file.stat().st_size
        raw, raw_peak, raw_before, raw_rows = in_child("baseline", path, file, folder)
        ours, peak, before, added = in_child("regie", path, file, folder)
    notes = [f"{rows:,} rows ({size / 1e6:.0f} MB); {added:,} readings stored, baseline {raw_rows:,} rows "
             "(the rest: times that do not exist in the spring clock change)" if added != raw_rows else
             f"{rows:,} rows ({size / 1e6:.0f} MB); {added:,} readings stored",
             f"peak memory {peak:.0f} MB ({before:.0f} MB before the import: interpreter, imports, making the "
             f"record); baseline {raw_peak:.0f} MB ({raw_before:.0f} MB before, with the file's bytes)"]
    return Result(path, ours, raw, LIMIT, notes, peak_mb=peak, peak_limit_mb=PEAK_LIMIT_MB)


def measure_apple(records: int = ROWS) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        file = folder / "export.zip"
        apple_export.write_export(file, records)
        size = file.stat().st_size
        with zipfile.ZipFile(file) as zipped:
            xml_size = zipped.getinfo(apple_export.MEMBER).file_size
        raw, raw_peak, raw_before, raw_rows = in_child("apple_baseline", APPLE, file, folder)
        ours, peak, before, added = in_child("apple_regie", APPLE, file, folder)
    notes = [f"{records:,} records (export.xml {xml_size / 1e6:.0f} MB, zipped {size / 1e6:.0f} MB); {added:,} readings "
             f"stored, baseline {raw_rows:,} rows",
             f"peak memory {peak:.0f} MB ({before:.0f} MB before the import: interpreter, imports, the record); "
             f"baseline {raw_peak:.0f} MB ({raw_before:.0f} MB before)"]
    return Result(APPLE, ours, raw, APPLE_LIMIT, notes, peak_mb=peak, peak_limit_mb=PEAK_LIMIT_MB)


def run(paths: list[str] | None = None) -> Result:
    chosen = paths or [*PATHS, APPLE]
    results = [measure_apple() if path == APPLE else measure(path) for path in chosen]
    return worst(f"device import ({ROWS / 1e6:.0f}M rows, each path)", results)


if __name__ == "__main__":      # in_child: work, path, file, folder -> one JSON line
    work, path, file, folder = sys.argv[1:5]
    works = {"baseline": lambda: baseline(path, Path(file), Path(folder)),
             "regie": lambda: regie(path, Path(file), Path(folder)),
             "apple_baseline": lambda: apple_export.baseline(Path(file), Path(folder), peak_mb),
             "apple_regie": lambda: apple_regie(Path(file), Path(folder))}
    print(json.dumps(works[work]()))
