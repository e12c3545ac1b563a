"""Reading batches from Regie's own JSON file: checked first, stored with their original provenance; then the
reference ranges of lab results.

A batch the record already holds (same uid) is left alone; a reading the record already
holds (same measure, time, method and values) is not added twice; a result's range the
record already holds stays as it is.
"""

import math
from datetime import datetime
from typing import Any, Callable

from phr.core.vocabulary import ALL_DEVICE_FLAGS
from phr.formats.native.schema import OLDER_READING_COLUMNS, RANGE_KEYS, READING_COLUMNS, READING_SOURCES
from phr.monitoring.lab_results import LabResult, LabResultService, ReferenceRange
from phr.monitoring.measures import CONTEXTS, FIRST_YEAR, FLAGS, GLUCOSE_METHODS, LAST_YEAR
from phr.monitoring.readings import BatchAsWas, Correction, Reading, ReadingService

_OLDER = OLDER_READING_COLUMNS
Expect = Callable[[bool, str], None]  # raises the importer's InvalidImport when the condition fails


def check(batches: Any, refs: set[str], known_measures: set[str | None], expect: Expect) -> None:
    expect(isinstance(batches, list), "the reading batches are not a list")
    for number, batch in enumerate(batches, 1):
        where = f"reading batch {number}"
        expect(isinstance(batch, dict) and isinstance(batch.get("uid"), str) and batch.get("entered_by") in refs
               and batch.get("source") in READING_SOURCES and isinstance(batch.get("created_at"), str)
               and isinstance(batch.get("source_detail"), (str, type(None)))
               and isinstance(batch.get("readings"), list), f"{where} is not described")
        for line, row in enumerate(batch["readings"], 1):
            _check_row(row, refs, known_measures, expect, f"{where}, reading {line}")


def _check_row(row: Any, refs: set[str], known_measures: set[str | None], expect: Expect, where: str) -> None:
    expect(isinstance(row, list) and len(row) in (len(READING_COLUMNS), OLDER_READING_COLUMNS),
           f"{where} is not a reading")
    at, measure, value, value2, value3, flag, method, context, note, changed_at, changed_by = row[:_OLDER]
    device = _device_flags(row)
    expect(isinstance(device, int) and not isinstance(device, bool) and 0 <= device and not device & ~ALL_DEVICE_FLAGS,
           f"{where}: unknown device flags")
    expect(_aware_time(at), f"{where}: the time is not a time with its offset, from {FIRST_YEAR} to {LAST_YEAR}")
    expect(measure in known_measures, f"{where}: unknown measure")
    expect(all(_number(v) for v in (value, value2, value3)), f"{where}: a value is not a number")
    expect(flag in ("",) + FLAGS and method in ("",) + GLUCOSE_METHODS and context in ("",) + CONTEXTS,
           f"{where}: an unknown flag, method or context")
    expect(value is not None or flag, f"{where}: no value")
    expect(note is None or isinstance(note, str), f"{where}: the note is not text")
    expect(changed_at is None or changed_by in refs, f"{where}: changed by an unknown author")
    expect(changed_at is None or isinstance(changed_at, str), f"{where}: the time of the correction is not text")


def _number(value: object) -> bool:
    """None or a finite number (json reads 'NaN' and 'Infinity', which no reading can be)."""
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value))


def _aware_time(text: object) -> bool:
    try:
        moment = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return False
    return moment is not None and moment.utcoffset() is not None and FIRST_YEAR <= moment.year <= LAST_YEAR


def store(readings: ReadingService, batches: list[dict[str, Any]], author_ids: dict[str, int]) -> tuple[int, int]:
    """Inside the importer's transaction. Returns (readings added, readings already present)."""
    result = readings.restore_batches([_batch(batch, author_ids) for batch in batches])
    return result.added, result.already_present


def _batch(batch: dict[str, Any], author_ids: dict[str, int]) -> BatchAsWas:
    rows = batch["readings"]
    return BatchAsWas(batch["uid"], author_ids[batch["entered_by"]], batch["source"], batch.get("source_detail"),
                      batch["created_at"], [_reading(row) for row in rows],
                      [_correction(row, author_ids) for row in rows if row[9]])


def _reading(row: list[Any]) -> Reading:
    at, measure, value, value2, value3, flag, method, context, note, _changed_at, _changed_by = row[:_OLDER]
    return Reading(measure, datetime.fromisoformat(at), value, value2, value3, flag=flag, method=method,
                   context=context, note=note or "", device_flags=_device_flags(row))


def _device_flags(row: list[Any]) -> Any:
    """A row's device flags (DeviceFlag bits); 0 in a file from before version 6, which had none."""
    return row[OLDER_READING_COLUMNS] if len(row) > OLDER_READING_COLUMNS else 0


def _correction(row: list[Any], author_ids: dict[str, int]) -> Correction:
    return Correction(datetime.fromisoformat(row[0]), row[1], author_ids[row[10]], row[9])


# --- reference ranges (version 5) ---------------------------------------------------------------------

def check_ranges(ranges: Any, batches: list[dict[str, Any]], expect: Expect) -> None:
    """Each range belongs to one reading of the file (the batches are checked already)."""
    expect(isinstance(ranges, list), "the reference ranges are not a list")
    wanted = {r.get("measure") for r in ranges if isinstance(r, dict) and isinstance(r.get("measure"), str)}
    readings = {_key(row[1], row[0]) for batch in batches for row in batch["readings"] if row[1] in wanted}
    seen: set[tuple[str, int]] = set()
    for number, item in enumerate(ranges, 1):
        where = f"reference range {number}"
        expect(isinstance(item, dict) and set(item) <= set(RANGE_KEYS) and isinstance(item.get("measure"), str)
               and _aware_time(item.get("at")), f"{where} is not described")
        low, high, text = item.get("low"), item.get("high"), item.get("text")
        expect(_number(low) and _number(high), f"{where}: a limit is not a number")
        expect(text is None or isinstance(text, str), f"{where}: its text is not text")
        expect(low is not None or high is not None or bool(text), f"{where} says nothing")
        key = _key(item["measure"], item["at"])
        expect(key in readings, f"{where} belongs to no reading in the file")
        expect(key not in seen, f"{where} is a second range for one reading")
        seen.add(key)


def _key(measure: str, at: str) -> tuple[str, int]:
    return measure, int(datetime.fromisoformat(at).timestamp())  # as the record keys a reading: UTC seconds


def store_ranges(lab_results: LabResultService, ranges: list[dict[str, Any]]) -> tuple[int, int]:
    """Inside the importer's transaction, after the readings. Returns (ranges added, ranges already present)."""
    held = {(r.measure, int(r.taken_at.timestamp())) for r in lab_results.every_range()}
    new = [item for item in ranges if _key(item["measure"], item["at"]) not in held]
    lab_results.store_ranges(LabResult(item["measure"], datetime.fromisoformat(item["at"]), 0.0,
                                       ReferenceRange(item.get("low"), item.get("high"), item.get("text") or ""))
                             for item in new)
    return len(new), len(ranges) - len(new)
