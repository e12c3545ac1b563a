"""Reading batches from Regie's own JSON file: checked first, stored with their original provenance.

A batch the record already holds (same uid) is left alone; a reading the record already
holds (same measure, time, method and values) is not added twice.
"""

import math
from datetime import datetime

from phr.formats.native.schema import READING_COLUMNS, READING_SOURCES
from phr.monitoring.measures import CONTEXTS, FIRST_YEAR, FLAGS, GLUCOSE_METHODS, LAST_YEAR
from phr.monitoring.readings import Reading
from phr.storage.repos.readings import ReadingRepository


def check(batches, refs: set, known_measures: set, expect) -> None:
    """`expect(condition, what)` raises the importer's InvalidImport when a condition fails."""
    expect(isinstance(batches, list), "the reading batches are not a list")
    for number, batch in enumerate(batches, 1):
        where = f"reading batch {number}"
        expect(isinstance(batch, dict) and isinstance(batch.get("uid"), str) and batch.get("entered_by") in refs
               and batch.get("source") in READING_SOURCES and isinstance(batch.get("created_at"), str)
               and isinstance(batch.get("source_detail"), (str, type(None)))
               and isinstance(batch.get("readings"), list), f"{where} is not described")
        for line, row in enumerate(batch["readings"], 1):
            _check_row(row, refs, known_measures, expect, f"{where}, reading {line}")


def _check_row(row, refs: set, known_measures: set, expect, where: str) -> None:
    expect(isinstance(row, list) and len(row) == len(READING_COLUMNS), f"{where} is not a reading")
    at, measure, value, value2, value3, flag, method, context, note, changed_at, changed_by = row
    expect(_aware_time(at), f"{where}: the time is not a time with its offset, from {FIRST_YEAR} to {LAST_YEAR}")
    expect(measure in known_measures, f"{where}: unknown measure")
    expect(all(_number(v) for v in (value, value2, value3)), f"{where}: a value is not a number")
    expect(flag in ("",) + FLAGS and method in ("",) + GLUCOSE_METHODS and context in ("",) + CONTEXTS,
           f"{where}: an unknown flag, method or context")
    expect(value is not None or flag, f"{where}: no value")
    expect(note is None or isinstance(note, str), f"{where}: the note is not text")
    expect(changed_at is None or changed_by in refs, f"{where}: changed by an unknown author")
    expect(changed_at is None or isinstance(changed_at, str), f"{where}: the time of the correction is not text")


def _number(value) -> bool:
    """None or a finite number (json reads 'NaN' and 'Infinity', which no reading can be)."""
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value))


def _aware_time(text) -> bool:
    try:
        moment = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return False
    return moment is not None and moment.utcoffset() is not None and FIRST_YEAR <= moment.year <= LAST_YEAR


def store(session, batches: list[dict], author_ids: dict[str, int]) -> tuple[int, int]:
    """Inside the importer's transaction. Returns (readings added, readings already present)."""
    repo = ReadingRepository(session.db)
    added = present = 0
    for batch in batches:
        if repo.batch_of_uid(batch["uid"]) is not None:
            present += len(batch["readings"])
            continue
        batch_id = repo.new_batch(author_ids[batch["entered_by"]], batch["source"], batch.get("source_detail"),
                                  batch["created_at"], uid=batch["uid"])
        new, _stored_spans = repo.insert_readings(batch_id, [_reading(row) for row in batch["readings"]])
        added, present = added + new, present + len(batch["readings"]) - new
        _carry_corrections(repo, batch_id, batch["readings"], author_ids)
    for measure, first, last in _spans(batches):
        repo.refresh_buckets(measure, first, last)
    return added, present


def _reading(row: list) -> Reading:
    at, measure, value, value2, value3, flag, method, context, note, _changed_at, _changed_by = row
    return Reading(measure, datetime.fromisoformat(at), value, value2, value3, flag, method, context, note or "")


def _carry_corrections(repo, batch_id: int, rows: list, author_ids: dict[str, int]) -> None:
    for row in rows:
        if row[9]:
            repo.mark_changed(batch_id, int(datetime.fromisoformat(row[0]).timestamp()), row[1],
                              author_ids[row[10]], row[9])


def _spans(batches: list[dict]) -> list[tuple[str, int, int]]:
    spans: dict[str, tuple[int, int]] = {}
    for batch in batches:
        for row in batch["readings"]:
            at = int(datetime.fromisoformat(row[0]).timestamp())
            first, last = spans.get(row[1], (at, at))
            spans[row[1]] = (min(first, at), max(last, at))
    return [(measure, first, last) for measure, (first, last) in spans.items()]
