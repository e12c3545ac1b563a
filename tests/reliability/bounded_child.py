"""Imports and exports in bounded memory, for test_bounded_memory.

    python bounded_child.py prepare WORK FOLDER ROWS    the record and the data (no limit)
    python bounded_child.py run WORK FOLDER BUDGET_MB    the work, in a fresh process, under RLIMIT_AS

`run` opens the record and imports what the work needs, then limits its address space to what it maps at that
moment plus BUDGET_MB (a fresh process: no heap left over from making the data that the work could reuse), and
does the work. Work that holds all rows at once (readings as objects, skipped rows, the whole file as text)
needs more than that on the data `prepare` made: MemoryError, exit status 3. Prints the work's count.
"""

import json
import resource
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from phr.access import records  # noqa: E402  (after the path: the child runs as a script)
from phr.export import csv_export  # noqa: E402
from phr.formats.native import read as native_read  # noqa: E402
from phr.formats.native import write as native_json  # noqa: E402
from phr.formats.native.schema import FORMAT, READING_COLUMNS, VERSION  # noqa: E402
from phr.imports import device_import  # noqa: E402
from phr.imports.devices import pipeline  # noqa: E402
from phr.imports.devices.model import ParsedReading  # noqa: E402
from phr.imports.devices.sources import nightscout_json  # noqa: E402
from phr.record.services import RecordServices  # noqa: E402
from phr.storage.keys import kdf  # noqa: E402

PASSPHRASE = "bounded memory test passphrase"
START = int(datetime(2016, 1, 1, tzinfo=timezone.utc).timestamp())
IMPORTS = ("import", "reimport", "skipped", "nightscout")
# A file's rows that are skipped, 1 in SKIPPED_SHARE being a reading (for 'skipped').
SKIPPED_SHARE = 50


def mapped_bytes() -> int:
    """What the process maps now (VmSize): the address space the limit adds to."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize")


def write_csv(path: Path, rows: int, skipped_share: int = 0) -> Path:
    """A `time,value` CSV of 5-minute glucose (UTC times with their offset); with `skipped_share` n, all but one
    row in n have a value that is no number (skipped rows)."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("time,value\n")
        block = []
        for i in range(rows):
            moment = datetime.fromtimestamp(START + 300 * i, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")
            value = "x" if skipped_share and i % skipped_share else f"{5 + i % 50 / 10:.1f}"
            block.append(f"{moment},{value}\n")
            if len(block) == 10_000:
                out.write("".join(block))
                block = []
        out.write("".join(block))
    return path


def write_entries(path: Path, rows: int) -> Path:
    """A Nightscout entries.json of 5-minute sensor glucose, as its API writes it: one line."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("[")
        for start in range(0, rows, 10_000):
            out.write(",".join(
                f'{{"_id":"{i:024x}","device":"xDrip-DexcomG6","date":{(START + 300 * i) * 1000},'
                f'"dateString":"{datetime.fromtimestamp(START + 300 * i, timezone.utc).isoformat()}",'
                f'"sgv":{90 + i % 80},"direction":"Flat","type":"sgv"}}'
                for i in range(start, min(rows, start + 10_000))) + ("," if start + 10_000 < rows else ""))
        out.write("]")
    return path


def write_regie_file(path: Path, rows: int, name: str) -> Path:
    """Regie's own JSON file of `rows` 5-minute sensor glucose readings in one device batch, one row a line, as
    the exporter writes it (phr.formats.native.write_stream), written in blocks."""
    head = {"format": FORMAT, "version": VERSION, "person": {"name": name}, "sections": {},
            "reading_columns": READING_COLUMNS}
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(head, indent=1)[:-2] + ',\n "reading_batches": [\n  {"uid": "' + "b" * 32 + '", '
                  '"entered_by": "owner", "source": "device_import", "source_detail": "bounded.csv", '
                  '"created_at": "2026-01-01T00:00:00+00:00",\n   "readings": [\n')
        for start in range(0, rows, 10_000):
            out.write(",\n".join(
                json.dumps([datetime.fromtimestamp(START + 300 * i, timezone.utc).isoformat(), "glucose",
                            5 + i % 50 / 10, None, None, "", "sensor", "", None if i % 1000 else "a note", None,
                            None, 0]) for i in range(start, min(rows, start + 10_000)))
                      + (",\n" if start + 10_000 < rows else "\n"))
        out.write('   ]}\n ],\n "reference_ranges": [],\n "authors": [{"ref": "owner", "role": "owner", "name": "'
                  + name + '"}]\n}\n')
    return path


def write_regie_entries(path: Path, entries: int, name: str) -> Path:
    """Regie's own JSON file of `entries` diary notes (a care record's lifetime), as the exporter writes it: the
    sections before the readings, one entry a line, written in blocks."""
    provenance = json.dumps({"entered_by": "owner", "changed_by": "owner", "source": "typed", "source_detail": None,
                             "created_at": "2020-01-01T08:00:00+00:00", "changed_at": "2020-01-01T08:00:00+00:00"})
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'{{"format": "{FORMAT}", "version": {VERSION}, "person": {{"name": {json.dumps(name)}}},\n'
                  ' "sections": {"diary": [\n')
        for start in range(0, entries, 10_000):
            out.write(",\n".join(
                f'{{"uid": "d{i:09d}", "written_at": "20{10 + i % 16}-0{1 + i % 9}-1{i % 9}T20:15", "kind": "note", '
                f'"text": "Moe na het fietsen, hoofdpijn in de avond en slecht geslapen ({i})", '
                f'"provenance": {provenance}}}' for i in range(start, min(entries, start + 10_000)))
                      + (",\n" if start + 10_000 < entries else "\n"))
        out.write(f' ]}},\n "reading_columns": {json.dumps(READING_COLUMNS)}, "reading_batches": [],\n'
                  f' "reference_ranges": [], "authors": [{{"ref": "owner", "role": "owner", "name": {json.dumps(name)}}}]}}\n')
    return path


def prepare(work: str, folder: Path, rows: int) -> None:
    session = records.create_record(folder / "record.regie", "Bounded", PASSPHRASE, argon2=kdf.MINIMUM).session
    services = RecordServices(session)
    try:
        if work == "nightscout":
            write_entries(folder / "entries.json", rows)
        elif work == "native_import":
            write_regie_file(folder / "record.json", rows, services.person.get().name)
        elif work == "native_entries":
            write_regie_entries(folder / "record.json", rows, services.person.get().name)
        elif work in IMPORTS:
            csv = write_csv(folder / "device.csv", rows, SKIPPED_SHARE if work == "skipped" else 0)
            if work == "reimport":
                _import(services, csv)
        else:
            readings = (ParsedReading("glucose", START + 300 * i, 0, 5 + i % 50 / 10, method="sensor",
                                      note="" if i % 1000 else "a note, with a comma")
                        for i in range(rows))
            with services.readings.writing("device_import", "bounded.csv") as writer:
                writer.add(readings)
    finally:
        session.lock()


def run(work: str, folder: Path, budget_mb: int) -> int:
    session = records.unlock_with_passphrase(folder / "record.regie", PASSPHRASE)
    services = RecordServices(session)
    pipeline.IN_MEMORY_BYTES = 1 << 20   # a file above 1 MB is read as a large one is: in blocks
    nightscout_json.IN_MEMORY_BYTES = 1 << 20
    target = folder / "export.out"
    limit = mapped_bytes() + (budget_mb << 20)
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    try:
        if work == "nightscout":
            entries = folder / "entries.json"
            summary = device_import.import_file(services, entries, entries.name)
            count = summary.added + summary.skipped_count
        elif work == "native_import":
            summary = native_read.import_record(session, folder / "record.json")
            count = summary.added.get("readings", 0) + summary.already_present.get("readings", 0)
        elif work == "native_entries":
            count = native_read.import_record(session, folder / "record.json").added.get("diary", 0)
        elif work in IMPORTS:
            count = _import(services, folder / "device.csv")
        elif work == "csv_export":
            csv_export.write_export(services, target)
            count = target.stat().st_size
        elif work == "json_export":
            native_json.write_export(session, target)
            count = target.stat().st_size
        else:
            raise ValueError(work)
    except MemoryError:
        return 3
    finally:
        session.lock()
    print(count)
    return 0


def _import(services: RecordServices, csv: Path) -> int:
    summary = device_import.import_file(services, csv, csv.name, "csv", "glucose")
    return summary.added + summary.already_present + summary.skipped_count


if __name__ == "__main__":
    step, work, place, number = sys.argv[1:5]
    if step == "prepare":
        prepare(work, Path(place), int(number))
    else:
        sys.exit(run(work, Path(place), int(number)))
