"""Reading batches from Regie's own JSON file: checked first, stored with their original provenance; then the
reference ranges of lab results.

A batch the record already holds (same uid) is left alone; a reading the record already
holds (same measure, time, method and values) is not added twice; a result's range the
record already holds stays as it is.

Every reading meets the rules of every way in (phr.monitoring.validity): finite numbers, times with
their offset, a blood pressure with both pressures, nothing beyond the possible range; a value outside
the usual range only where a person kept it (a typed batch) or for a measure of the person's own.
One that does not makes the whole file refused, naming the batch and the reading.
"""

from collections.abc import Iterator
from datetime import datetime
from itertools import islice
from typing import Any, Callable

from phr.core.entries import FieldError
from phr.core.vocabulary import ALL_DEVICE_FLAGS
from phr.formats.native.read_stream import Rows, finish, take
from phr.formats.native.schema import OLDER_READING_COLUMNS, RANGE_KEYS, READING_COLUMNS, READING_SOURCES
from phr.monitoring import validity
from phr.monitoring.lab_results import LabResult, LabResultService, ReferenceRange
from phr.monitoring.measures import CATALOGUE, CONTEXTS, FIRST_YEAR, FLAGS, GLUCOSE_METHODS, LARGEST, LAST_YEAR, Measure
from phr.monitoring.readings import BatchAsWas, Correction, Reading, ReadingService

_OLDER = OLDER_READING_COLUMNS
Expect = Callable[[bool, str], None]  # raises the importer's InvalidImport when the condition fails
TYPED = "typed"
CHUNK = 10_000  # rows written at a time
_FLAGS, _METHODS, _CONTEXTS = ("",) + FLAGS, ("",) + GLUCOSE_METHODS, ("",) + CONTEXTS
Written = Callable[[int], None]  # told how many rows were just written


def check(batches: Any, rows: Iterator[Any], refs: set[str], measures: dict[str, Measure], expect: Expect,
          wanted: set[str], checked: Written = lambda count: None) -> set[tuple[str, int]]:
    """Every batch and reading, by the rules every way in keeps (phr.monitoring.validity); `measures` are the
    catalogue's, the file's own and the record's, by key; `rows` every batch's rows in order (a pass over the
    file). Returns the (measure, moment) of the readings of the `wanted` measures (those ranges name).
    `checked` is told every CHUNK rows how many have been checked so far."""
    expect(isinstance(batches, list), "the reading batches are not a list")
    keys: set[tuple[str, int]] = set()
    done = 0
    for number, batch in enumerate(batches, 1):
        where = f"reading batch {number}"
        expect(isinstance(batch, dict) and isinstance(batch.get("uid"), str) and batch.get("entered_by") in refs
               and batch.get("source") in READING_SOURCES and isinstance(batch.get("source_detail"), (str, type(None)))
               and isinstance(batch.get("readings"), Rows), f"{where} is not described")
        expect(validity.is_time_stamp(batch.get("created_at")),
               f"{where}: the time it was written is not a time with its offset")
        typed = batch["source"] == TYPED
        for line, row in enumerate(take(rows, batch["readings"].count), 1):
            problem = _row_problem(row, refs, measures, typed)
            if problem:  # the place in words only now: a lifetime's rows need none
                expect(False, f"{where}, reading {line}{problem}")
            if row[1] in wanted:
                keys.add(_key(row[1], row[0]))
            done += 1
            if not done % CHUNK:
                checked(done)
    finish(rows)
    return keys


def _row_problem(row: Any, refs: set[str], measures: dict[str, Measure], typed: bool) -> str:
    """What is wrong with a row, after its place (' is not a reading', ': unknown measure'); '' when nothing."""
    if not (isinstance(row, list) and len(row) in (len(READING_COLUMNS), OLDER_READING_COLUMNS)):
        return " is not a reading"
    at, measure, value, value2, value3, flag, method, context, note, changed_at, changed_by = row[:_OLDER]
    device = _device_flags(row)
    if not (isinstance(device, int) and not isinstance(device, bool) and 0 <= device
            and not device & ~ALL_DEVICE_FLAGS):
        return ": unknown device flags"
    if not (isinstance(measure, str) and measure in measures):
        return ": unknown measure"
    if not all(v is None or validity.finite(v) for v in (value, value2, value3)):
        return ": a value is not a number"
    if not (flag in _FLAGS and method in _METHODS and context in _CONTEXTS):
        return ": an unknown flag, method or context"
    # A value outside the usual range only where a person could have kept it: typed, or a measure of their own.
    kept = typed or measure not in CATALOGUE
    found = _FileReading(at, value, value2, value3, flag)
    for problem in validity.reading_problems(measures[measure], found, kept=kept):
        return f": {_said(problem, measures[measure])}"
    if not (note is None or isinstance(note, str)):
        return ": the note is not text"
    if not (changed_at is None or changed_by in refs):
        return ": changed by an unknown author"
    if not (changed_at is None or validity.is_time_stamp(changed_at)):
        return ": the time of the correction is not a time with its offset"
    return ""


class _FileReading:
    """A row's time and numbers, as the rules look at a reading."""

    def __init__(self, taken_at: object, value: object, value2: object, value3: object, flag: str) -> None:
        self.taken_at, self.value, self.value2, self.value3, self.flag = taken_at, value, value2, value3, flag


def _said(problem: FieldError, measure: Measure) -> str:
    """A problem of a reading in words that name its part and measure, never its value (health data)."""
    if problem.field == "taken_at":
        return f"the time is not a time with its offset, from {FIRST_YEAR} to {LAST_YEAR}"
    if problem.problem == "required":
        return ("a blood pressure needs both its systolic and its diastolic pressure" if measure.components
                else "no value")
    index = validity.VALUE_FIELDS.index(problem.field)
    part = f"its {measure.components[index].name_en} value" if measure.components else "its value"
    what = measure.name_en.lower() if measure.key in CATALOGUE else "its measure"
    if problem.problem == "implausible":
        low, high = measure.bounds(index if measure.components else 0)
        return (f"{part} lies outside the usual range of {what} ({low:g} to {high:g} {measure.unit_text}), which "
                "only a value typed in by a person may")
    return f"{part} cannot be a measurement of {what}"


def _number(value: object) -> bool:
    """None or a finite number no larger than any measurement (json reads 'NaN' and 'Infinity', which no
    reading or range can be)."""
    return value is None or (validity.finite(value) and abs(value) <= LARGEST)


def _aware_time(text: object) -> bool:
    return isinstance(text, str) and validity.moment(text) is not None


def store(readings: ReadingService, batches: list[dict[str, Any]], rows: Iterator[Any], author_ids: dict[str, int],
          written: Written = lambda count: None) -> tuple[int, int]:
    """Inside the importer's transaction, CHUNK rows at a time (`rows`: every batch's rows in order, checked
    already). Returns (readings added, readings already present)."""
    restorer = readings.restorer()
    for batch in batches:
        restorer.start(BatchAsWas(batch["uid"], author_ids[batch["entered_by"]], batch["source"],
                                  batch.get("source_detail"), batch["created_at"], []))
        mine = take(rows, batch["readings"].count)
        while chunk := list(islice(mine, CHUNK)):
            restorer.add([_reading(row) for row in chunk], [_correction(row, author_ids) for row in chunk if row[9]])
            written(len(chunk))
    finish(rows)
    result = restorer.finish()
    return result.added, result.already_present


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

def range_measures(ranges: Any) -> set[str]:
    """The measures the ranges name: only their readings' moments are kept while the rows go by."""
    if not isinstance(ranges, list):
        return set()
    return {r["measure"] for r in ranges if isinstance(r, dict) and isinstance(r.get("measure"), str)}


def check_ranges(ranges: Any, readings: set[tuple[str, int]], expect: Expect) -> None:
    """Each range belongs to one reading of the file (`readings`: the (measure, moment) of the readings of the
    measures the ranges name; the batches are checked already)."""
    expect(isinstance(ranges, list), "the reference ranges are not a list")
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
