"""The lifetime record: one person's 30 years of 5-minute sensor glucose (about 3.2 million readings) and
decades of care entries, made once and cached under build/bench/lifetime/ (git-ignored).

Use:
    from bench import lifetime_record
    folder = lifetime_record.lifetime_folder()      # made when missing or when the schema changed (~1-2 min)
    session = records.unlock_with_passphrase(folder, lifetime_record.PASSPHRASE)
    work = lifetime_record.copy_of(tmp_dir)         # a copy to change (import into, migrate, back up over...)
    lifetime_record.lifetime_csv(path, rows)        # a generic `time,value` CSV of `rows` 5-minute readings

The cached record must not be changed by a benchmark: open it only to read, or work on `copy_of`. It is made
with the smallest Argon2id cost Regie allows (kdf.MINIMUM), so unlocking it costs little.

What it holds: the sample record (person, care team, diagnoses, medications, appointments, documents, a few
years of blood pressure, weight, ...) made as of END, then glucose from a sensor every 5 minutes for 30 years
up to END, through the device import's bulk path (ReadingService.writing, parsed readings in chunks); the
sample's own 15-minute sensor periods are left as they are (no reading twice at one moment). Then a diary
entry every few days (about 3,000, in one import transaction), an appointment every month (360), a few typed
glucose readings with notes, and a few deleted readings (typed and imported).
`python -m bench.lifetime_record` makes it (again, with `--force`) and prints what it holds.
"""

import fcntl
import json
import math
import random
import shutil
import sys
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "bench" / "lifetime"
FOLDER_NAME = "lifetime.regie"
VERSION_FILE = "version.json"
PASSPHRASE = "lifetime benchmark passphrase with several words"
NAME = "Lifetime Bench"
GENERATOR = 1                  # raise when what the record holds changes: the cache is made again
END = date(2026, 12, 1)        # fixed, so every run makes the same record
YEARS = 30
STEP = 300                     # seconds between sensor readings
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SENSOR_FILE = "LibreView lifetime export.csv"


def lifetime_folder() -> Path:
    """The cached lifetime record's folder, made first when missing or made for another schema or generator."""
    folder = CACHE / FOLDER_NAME
    if folder.is_dir() and _stored_version() == _current_version():
        return folder
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE.parent / "lifetime.lock", "w") as lock:  # several benchmarks at once: one makes it
        fcntl.flock(lock, fcntl.LOCK_EX)
        if folder.is_dir() and _stored_version() == _current_version():
            return folder  # made by another while this one waited
        return make(CACHE)


def copy_of(tmp: Path) -> Path:
    """A copy of the lifetime record in `tmp` (a folder that exists), for a benchmark that changes it."""
    source = lifetime_folder()
    target = Path(tmp) / FOLDER_NAME
    shutil.copytree(source, target)
    return target


def lifetime_csv(path: Path, rows: int, start: datetime = datetime(1996, 12, 1), offset: bool = False) -> Path:
    """A generic `time,value` CSV of `rows` 5-minute glucose readings (ISO wall-clock times in Europe/Amsterdam,
    or with their own offset, '1996-12-01T00:05:00+01:00', when `offset`); written in blocks, any size."""
    first = start.replace(tzinfo=AMSTERDAM).astimezone(timezone.utc)
    randomness = random.Random(rows)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("time,value\n")
        block = []
        for i in range(rows):
            moment = (first + timedelta(seconds=STEP * i)).astimezone(AMSTERDAM)
            shown = moment.isoformat(timespec="seconds") if offset else moment.strftime("%Y-%m-%d %H:%M:%S")
            block.append(f"{shown},{_glucose_value(moment.hour + moment.minute / 60, randomness):.1f}\n")
            if len(block) >= 50_000:
                out.write("".join(block))
                block = []
        out.write("".join(block))
    return Path(path)


def make(cache: Path) -> Path:
    """Make the lifetime record in `cache` (what was there goes); returns its folder."""
    from phr.demo.sample_record import create_sample_record
    from phr.record.services import RecordServices
    from phr.storage.keys import kdf

    cache.mkdir(parents=True, exist_ok=True)
    folder, version = cache / FOLDER_NAME, cache / VERSION_FILE
    version.unlink(missing_ok=True)
    building = cache / (FOLDER_NAME + ".building")
    for leftover in (folder, building):
        if leftover.exists():
            shutil.rmtree(leftover)
    started = time.perf_counter()
    session = create_sample_record(building, PASSPHRASE, argon2=kdf.MINIMUM, today=END)
    try:
        services = RecordServices(session)
        _sensor_glucose(services)
        _diary(services)
        _appointments(services)
        _typed_and_deleted(services)
    finally:
        session.lock()
    building.rename(folder)
    version.write_text(json.dumps(_current_version() | {"seconds": round(time.perf_counter() - started, 1)}))
    return folder


# --- what it holds ------------------------------------------------------------------------------------------

def _sensor_glucose(services) -> None:
    from phr.imports.devices.model import ParsedReading

    skip = _sample_sensor_periods()
    first = int(datetime.combine(END - timedelta(days=round(YEARS * 365.25)), datetime.min.time(),
                                 AMSTERDAM).timestamp())
    last = int(datetime.combine(END, datetime.min.time(), AMSTERDAM).timestamp())
    randomness = random.Random(19961201)

    def readings():
        offsets: dict[int, int] = {}
        for epoch in range(first, last, STEP):
            if any(start <= epoch < end for start, end in skip):
                continue
            hour = epoch // 3600
            offset = offsets.get(hour)
            if offset is None:
                offsets.clear()
                offset = offsets[hour] = int(datetime.fromtimestamp(epoch, AMSTERDAM).utcoffset().total_seconds()) // 60
            local_hour = (epoch // 60 + offset) % 1440 / 60
            value = _glucose_value(local_hour, randomness)
            if value < 2.3:  # the sensor's 'Low': no number, a flag
                yield ParsedReading("glucose", epoch, offset, None, flag="below_range", method="sensor")
            else:
                yield ParsedReading("glucose", epoch, offset, value, method="sensor")

    with services.readings.writing("device_import", SENSOR_FILE) as writer:
        writer.add(readings())


def _glucose_value(hour: float, randomness: random.Random) -> float:
    """A day's shape: steady at night, a rise after each meal, noise; now and then a low in the early morning."""
    meals = sum(3.2 * math.exp(-((hour - meal - 1.0) ** 2) / 0.8) for meal in (7.5, 12.5, 18.0))
    low = 3.5 if 3 <= hour < 5 and randomness.random() < 0.01 else 0.0
    return round(min(5.2 + meals + randomness.gauss(0, 0.7) - low, 21.9), 1)


def _sample_sensor_periods() -> list[tuple[int, int]]:
    """The sample record's own sensor periods (14 days each), as epochs: the lifetime sensor leaves them alone."""
    from phr.demo.monitoring import SENSOR_PERIODS

    periods = []
    for start in SENSOR_PERIODS:
        begin = datetime.combine(END + timedelta(days=start), datetime.min.time(), AMSTERDAM)
        periods.append((int(begin.timestamp()), int((begin + timedelta(days=14)).timestamp())))
    return periods


DIARY_TEXTS = (
    ("note", "Rustige dag. Sensor goed vastgeplakt, geen hypo's."),
    ("symptom", "Hoofdpijn en moe na een slechte nacht; 's middags een lage waarde na het sporten."),
    ("event", "Nieuwe sensor gezet. Eerste dag wat hogere waarden dan de vingerprik."),
    ("note", "Uit eten geweest; de koolhydraten geschat en later nog een correctie nodig gehad."),
    ("symptom", "Verkouden. Waarden de hele dag wat hoger; extra gedronken en vaker gemeten."),
    ("admission", "Opgenomen voor een nacht ter observatie na een ernstige hypo. Volgende dag weer naar huis."),
)


def _diary(services) -> None:
    from phr.record.diary import DiaryEntry

    randomness = random.Random(3000)
    day, entries = END - timedelta(days=round(YEARS * 365.25)), []
    while day < END:
        kind, text = DIARY_TEXTS[randomness.randrange(len(DIARY_TEXTS) - (0 if randomness.random() < 0.01 else 1))]
        entries.append(DiaryEntry(f"{day.isoformat()}T{randomness.randrange(7, 23):02d}:{randomness.randrange(60):02d}",
                                  kind, text, uid=str(uuid.UUID(int=randomness.getrandbits(128)))))
        day += timedelta(days=randomness.randrange(2, 6))
    with services.session.db.transaction():
        services.diary.add_imported(entries, "json_import", "lifetime diary")


def _appointments(services) -> None:
    from phr.record.appointments import Appointment

    contacts = [contact.id for contact in services.care_team.all()]
    for month in range(YEARS * 12):
        day = date(END.year - YEARS + (END.month - 1 + month) // 12, (END.month - 1 + month) % 12 + 1, 10)
        services.appointments.add(Appointment(
            f"{day.isoformat()}T10:{15 * (month % 4):02d}", contacts[month % len(contacts)], "Polikliniek",
            "Controle diabetes", "Sensorgegevens meenemen.", "Waarden besproken; beleid ongewijzigd."))


def _typed_and_deleted(services) -> None:
    """A few typed glucose readings with a note (fingerpricks between sensor readings), a few of them deleted,
    and a few deleted sensor readings (which the record remembers, so a re-import leaves them out)."""
    from phr.monitoring.readings import Reading

    typed = []
    for n in range(40):
        moment = datetime.combine(END - timedelta(days=90 * n + 3), datetime.min.time(), AMSTERDAM) \
            + timedelta(hours=12, minutes=2)
        change = services.readings.add(Reading("glucose", moment, 6.0 + n % 7 / 2, method="fingerstick",
                                               note="Vingerprik ter controle van de sensor"))
        typed.append(change.item_id)
    for reading_id in typed[::8]:
        services.readings.delete(reading_id)
    for reading in services.readings.page("glucose", 5000, 5)[::2]:
        if reading.method == "sensor" and reading.id is not None:
            services.readings.delete(reading.id)


# --- the cache's version ------------------------------------------------------------------------------------

def _current_version() -> dict:
    from phr.storage.schema import LATEST

    return {"schema": LATEST, "generator": GENERATOR}


def _stored_version() -> dict | None:
    try:
        stored = json.loads((CACHE / VERSION_FILE).read_text())
    except (OSError, ValueError):
        return None
    return {key: stored.get(key) for key in ("schema", "generator")}


def main(arguments: list[str]) -> int:
    if "--force" in arguments:
        (CACHE / VERSION_FILE).unlink(missing_ok=True)
    folder = lifetime_folder()
    print(f"{folder}: {(CACHE / VERSION_FILE).read_text()}")
    for path in sorted(folder.iterdir()):
        print(f"  {path.name}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
