"""A care record of 100,000 entries (issue 20): writes, unlock and lock do not grow with the record.

The file: Regie's own JSON with 100,000 care entries (70,000 diary notes, 15,000 appointments and a question
for each), made once and cached under build/bench/. Measured in the same run, interleaved, median of 3:

- import: `phr.formats.native.read.import_record` of the file, from its path as the app and `phr import` give it,
  into an empty record, with its peak memory (from what is resident when it starts), against a bare baseline:
  json.load, then executemany into plain tables of the same columns plus an FTS5 insert of the same text in
  one transaction (SQLCipher, same pragmas as a record).
- save: one diary note added at 100,000 entries, against the same on an empty record.
- unlock and lock of the record of 100,000 entries, against the same on an empty record (lock includes the
  purge of what was deleted; one note is deleted before each lock, as a session might).

Targets: import under 30 s (and as a ratio to the baseline), one save under 10 ms, unlock and lock within
100 ms of the empty record's.
"""

import functools
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Result, peak_mb, reset_peak
from phr.access import records
from phr.formats.native import read as native_read
from phr.record.diary import DiaryEntry
from phr.record.services import RecordServices
from phr.storage.keys import kdf

CACHE = Path(__file__).resolve().parent.parent / "build" / "bench"
ENTRIES = 100_000
NAME = "Bench Persoon"
PASSPHRASE = "benchmark passphrase with several words"
IMPORT_LIMIT_SECONDS, SAVE_LIMIT_SECONDS, LOCK_MARGIN_SECONDS = 30.0, 0.010, 0.100
PEAK_LIMIT_MB = 300.0  # issue 20, point 4: any import, any size
# The app checks every value against its section's rules and keeps provenance; the baseline does neither.
IMPORT_RATIO_LIMIT = 10.0
WORDS = ("hoofdpijn moe duizelig griep koorts stressdosis hydrocortison wandeling fietsen gewicht bloeddruk "
         "slaap misselijk zout cortisol controle uitslag huisarts endocrinoloog apotheek recept injectie "
         "zwemmen werk vakantie café crème één ongeval tandarts oefenen lopen eten drinken suiker "
         "bijnier dosis ochtend middag avond nacht pijn rug knie hoest verkouden hersteld").split()


def _text(randomness: random.Random, words: int) -> str:
    return " ".join(randomness.choice(WORDS) for _ in range(words)).capitalize() + "."


def _provenance(day: str) -> dict[str, Any]:
    return {"entered_by": "owner", "changed_by": "owner", "source": "typed", "source_detail": None,
            "created_at": f"{day}T08:00:00+00:00", "changed_at": f"{day}T08:00:00+00:00"}


def document(entries: int = ENTRIES) -> dict[str, Any]:
    """Regie's JSON file with `entries` care entries: 70 % diary notes, the rest visits with one question each."""
    randomness = random.Random(20)
    visits = entries * 15 // 100
    diary, appointments, questions = [], [], []
    for number in range(entries - 2 * visits):
        day = f"{1996 + number % 30}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        diary.append({"uid": f"d{number:07d}", "written_at": f"{day}T20:15", "kind": "note",
                      "text": _text(randomness, 12), "provenance": _provenance(day)})
    for number in range(visits):
        day = f"{1996 + number % 30}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        appointments.append({"uid": f"a{number:07d}", "starts_at": f"{day}T10:00", "contact_id": None,
                             "location": "Zuiderhaven", "purpose": _text(randomness, 3), "notes": _text(randomness, 8),
                             "outcome": None, "provenance": _provenance(day)})
        questions.append({"uid": f"q{number:07d}", "appointment_id": f"a{number:07d}", "position": 1,
                          "text": _text(randomness, 6), "answered": 0, "answer": None, "provenance": _provenance(day)})
    return {"format": "regie-record", "version": 6, "exported_at": "2026-12-06T12:00:00+00:00",
            "exported_by": "Regie bench", "person": {"name": NAME},
            "sections": {"appointments": appointments, "questions": questions, "diary": diary},
            "reading_batches": [], "reference_ranges": [], "authors": [{"ref": "owner", "role": "owner", "name": NAME}]}


def cached_file(entries: int = ENTRIES) -> Path:
    path = CACHE / f"care_record_{entries}.json"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(document(entries), ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    return path


def _new_record(folder: Path):
    shutil.rmtree(folder, ignore_errors=True)
    return records.create_record(folder, NAME, PASSPHRASE, argon2=kdf.MINIMUM).session


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


# --- the bare baseline -------------------------------------------------------------------------------------

_PLAIN_TABLES = """
CREATE TABLE appointments (id INTEGER PRIMARY KEY, uid TEXT, starts_at TEXT, location TEXT, purpose TEXT,
                           notes TEXT, created_at TEXT, changed_at TEXT);
CREATE TABLE questions (id INTEGER PRIMARY KEY, uid TEXT, appointment_uid TEXT, position INTEGER, text TEXT,
                        answered INTEGER, created_at TEXT, changed_at TEXT);
CREATE TABLE diary (id INTEGER PRIMARY KEY, uid TEXT, written_at TEXT, kind TEXT, text TEXT, created_at TEXT,
                    changed_at TEXT);
CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
"""


def _bare_import(path: Path, folder: Path) -> None:
    """json.load, then executemany into plain tables of the same columns and one FTS5 insert of the same text, in
    one transaction, on an SQLCipher database set up as a record is (WAL, synchronous FULL, secure_delete)."""
    from phr.storage.database import Database  # the same connection settings, none of Regie's code above them

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = Database.open(folder / "bare.db", os.urandom(32), create=True)
    try:
        db.executescript(_PLAIN_TABLES)
        with path.open(encoding="utf-8") as handle:
            sections = json.load(handle)["sections"]
        with db.transaction():
            visits, questions, notes = sections["appointments"], sections["questions"], sections["diary"]
            db.executemany("INSERT INTO appointments (uid, starts_at, location, purpose, notes, created_at, "
                           "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(v["uid"], v["starts_at"], v["location"], v["purpose"], v["notes"],
                             v["provenance"]["created_at"], v["provenance"]["changed_at"]) for v in visits])
            db.executemany("INSERT INTO questions (uid, appointment_uid, position, text, answered, created_at, "
                           "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(q["uid"], q["appointment_id"], q["position"], q["text"], q["answered"],
                             q["provenance"]["created_at"], q["provenance"]["changed_at"]) for q in questions])
            db.executemany("INSERT INTO diary (uid, written_at, kind, text, created_at, changed_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           [(n["uid"], n["written_at"], n["kind"], n["text"], n["provenance"]["created_at"],
                             n["provenance"]["changed_at"]) for n in notes])
            db.executemany("INSERT INTO search (title, body) VALUES (?, ?)",
                           [(v["purpose"], f"{v['location']} {v['notes']}") for v in visits]
                           + [(q["text"], "") for q in questions] + [(n["text"], "") for n in notes])
    finally:
        db.close()


# --- Regie ---------------------------------------------------------------------------------------------------

def _regie_import(path: Path, folder: Path) -> tuple[float, float]:
    """Seconds and peak MB of import_record of the file, from its path as the app and `phr import` give it (read
    in passes), into a new, empty record (making the record is not counted)."""
    session = _new_record(folder)
    try:
        reset_peak()
        return _timed(lambda: native_read.import_record(session, path)), peak_mb()
    finally:
        session.lock()


def _save_seconds(folder: Path, repeat: int = 9) -> list[float]:
    """One diary note added (its own transaction, as the diary panel saves it), `repeat` times."""
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        diary = RecordServices(session).diary
        notes = [DiaryEntry("2026-12-06T20:15", "note", f"Hoofdpijn na het fietsen {n}") for n in range(repeat)]
        return [_timed(functools.partial(diary.add, note)) for note in notes]
    finally:
        session.lock()


def _unlock_and_lock(folder: Path) -> tuple[float, float]:
    """Seconds to unlock, and to lock after one note was deleted (the purge at lock has something to do)."""
    started = time.perf_counter()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    unlock = time.perf_counter() - started
    diary = RecordServices(session).diary
    diary.delete(diary.add(DiaryEntry("2026-12-06T21:00", "note", "Vergissing")).item_id)
    return unlock, _timed(session.lock)


def run(repeat: int = 3) -> Result:
    path = cached_file()
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        work = Path(tmp)
        empty = work / "empty.regie"
        _new_record(empty).lock()
        imports, bares, peaks = [], [], []
        for _ in range(repeat):  # interleaved: the machine's load falls on both alike
            bares.append(_timed(lambda: _bare_import(path, work / "bare")))
            seconds, peak = _regie_import(path, work / "full.regie")  # the last one stays for what follows
            imports.append(seconds)
            peaks.append(peak)
        big_saves: list[float] = []
        empty_saves: list[float] = []
        locks: dict[str, list[tuple[float, float]]] = {"full": [], "empty": []}
        for _ in range(repeat):
            big_saves += _save_seconds(work / "full.regie")
            empty_saves += _save_seconds(empty)
            for name, folder in (("full", work / "full.regie"), ("empty", empty)):
                locks[name].append(_unlock_and_lock(folder))
    return _result(statistics.median(imports), statistics.median(bares), max(peaks), statistics.median(big_saves),
                   statistics.median(empty_saves), locks)


def _result(imported: float, bare: float, peak: float, big_save: float, empty_save: float,
            locks: dict[str, list[tuple[float, float]]]) -> Result:
    unlock = {name: statistics.median(u for u, _ in pairs) for name, pairs in locks.items()}
    lock = {name: statistics.median(t for _, t in pairs) for name, pairs in locks.items()}
    results = [
        Result(f"native JSON import of {ENTRIES:,} entries (target under {IMPORT_LIMIT_SECONDS:.0f} s)", imported,
               bare, IMPORT_RATIO_LIMIT, absolute_limit=IMPORT_LIMIT_SECONDS, peak_mb=peak,
               peak_limit_mb=PEAK_LIMIT_MB),
        Result(f"one diary save at {ENTRIES:,} entries vs an empty record (target under "
               f"{SAVE_LIMIT_SECONDS * 1000:.0f} ms)", big_save, empty_save, 2.0, absolute_limit=SAVE_LIMIT_SECONDS),
    ]
    for what, seconds in (("unlock", unlock), ("lock", lock)):
        allowed = (seconds["empty"] + LOCK_MARGIN_SECONDS) / seconds["empty"]  # within 100 ms of the empty record's
        results.append(Result(f"{what} at {ENTRIES:,} entries vs an empty record (target within "
                              f"{LOCK_MARGIN_SECONDS * 1000:.0f} ms)", seconds["full"], seconds["empty"], allowed,
                              notes=[f"difference {(seconds['full'] - seconds['empty']) * 1000:+.0f} ms"]))
    # Each path has its own kind of limit: the line printed is the first that misses it (else the import's).
    headline = next((result for result in results if not result.passed), results[0])
    # One line per path as bench.common.worst writes them (bench/lifetime's table reads them).
    notes = [line for result in results for line in [
        f"{result.name}: {result.measured:.4f} s vs baseline {result.baseline:.4f} s -> ratio {result.ratio:.2f} "
        f"(limit {result.limit:.2f})" + (f", peak {result.peak_mb:.0f} MB (limit {result.peak_limit_mb:.0f} MB)"
                                        if result.peak_mb is not None else "")
        + f" {'ok' if result.passed else 'TOO SLOW'}"] + [f"  {n}" for n in result.notes]]
    return Result("care_record", headline.measured, headline.baseline, headline.limit, notes,
                  absolute_limit=headline.absolute_limit, peak_mb=peak, peak_limit_mb=PEAK_LIMIT_MB)
