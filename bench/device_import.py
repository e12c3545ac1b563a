"""Importing a one-million-row device file costs at most twice the raw work of reading and storing it.

Baseline, in the same run: the same file read with the csv module and its rows inserted as they
are (every column) with executemany into a fresh SQLCipher database, in one transaction.
Measured: Regie's whole import into a fresh record, every step of the pipeline (decode, recognise
the layout, the table, its rows with Europe/Amsterdam times incl. the clock changes, the readings,
and the store: dedup, summaries, one transaction).
"""

import csv
import io
import os
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.common import Result
from phr.access import records
from phr.imports import device_import
from phr.record.services import RecordServices
from phr.storage.database import Database
from phr.storage.keys import kdf

ROWS = 1_000_000
LIMIT = 2.0
HEADER = ("Glucosegegevens,Gegenereerd op,15-09-2026 00:00 UTC,Gegenereerd door,Demo Gebruiker\r\n"
          "Apparaat,Serienummer,Tijdstempel apparaat,Gegevenstype,Historische glucose mmol/l,Scan Glucose mmol/l,"
          "Niet-numerieke snelwerkende insuline,Snelwerkende insuline (eenheden),Niet-numeriek voedsel,"
          "Koolhydraten (gram),Koolhydraten (porties),Niet-numerieke langwerkende insuline,"
          "Langwerkende insuline (eenheden),Notities,Strip Glucose mmol/l,Keton mmol/l,Maaltijdinsuline (eenheden),"
          "Correctie-insuline (eenheden),Insuline gewijzigd door gebruiker (eenheden)\r\n")


def libreview_file(rows: int = ROWS) -> bytes:
    """A LibreView export (Dutch, mmol/L) of a sensor read every 5 minutes for about ten years."""
    start, out = datetime(2016, 1, 1), io.StringIO()
    out.write(HEADER)
    for i in range(rows):
        moment = start + timedelta(minutes=5 * i)
        out.write(f"FreeStyle LibreLink,3ceaaf30-8142-c8ea-91d9-3080f9b439fc,{moment:%d-%m-%Y %H:%M},0,"
                  f"{5.0 + (i * 7919 % 100) / 20:.1f},,,,,,,,,,,,,,\r\n")
    return out.getvalue().encode("utf-8")


def baseline(data: bytes, folder: Path) -> float:
    db = Database.open(folder / "baseline.db", os.urandom(32), create=True)
    try:
        started = time.perf_counter()
        rows = csv.reader(io.StringIO(data.decode("utf-8")))
        next(rows)
        header = next(rows)
        db.execute(f"CREATE TABLE raw ({', '.join(f'c{i} TEXT' for i in range(len(header)))})")
        with db.transaction():
            db.executemany(f"INSERT INTO raw VALUES ({', '.join('?' for _ in header)})", rows)
        return time.perf_counter() - started
    finally:
        db.close()


def regie(data: bytes, folder: Path) -> tuple[float, int]:
    session = records.create_record(folder / "record.regie", "Bench", "benchmark passphrase with words",
                                    argon2=kdf.MINIMUM).session
    try:
        started = time.perf_counter()
        summary = device_import.import_file(RecordServices(session), data, "libreview-1m.csv")
        return time.perf_counter() - started, summary.added
    finally:
        session.lock()


def run() -> Result:
    data = libreview_file()
    with tempfile.TemporaryDirectory() as tmp:
        raw = baseline(data, Path(tmp))
        measured, added = regie(data, Path(tmp))
    notes = [f"{ROWS:,} rows ({len(data) / 1e6:.0f} MB); {added:,} readings stored "
             "(the rest: times that do not exist in the spring clock change)"]
    return Result("device import (1M rows)", measured, raw, LIMIT, notes)
