"""Readings from a file that the record holds already, whichever way they were taken.

The record keeps a reading once per measure, moment, method and values (the readings_once index). A file
from another system, or Regie's own FHIR export read back, does not say how a reading was taken (the
person typed it, a device measured it), so the method differs while the reading is the same: a blood
pressure at the same moment with the same values is the same blood pressure, and counts as already present.
"""

from collections.abc import Iterable
from datetime import timedelta

from phr.monitoring.readings import Reading, ReadingService

DECIMALS = 6  # values that agree to this many decimals are the same (an export rounds what it writes)


def split_held(service: ReadingService, readings: Iterable[Reading]) -> tuple[list[Reading], int]:
    """(the readings the record does not hold yet, how many it holds)."""
    by_measure: dict[str, list[Reading]] = {}
    for reading in readings:
        by_measure.setdefault(reading.measure, []).append(reading)
    new, held = [], 0
    for measure, found in by_measure.items():
        first, last = min(r.taken_at for r in found), max(r.taken_at for r in found)
        stored = {(row.taken_at, *_values(row.value, row.value2, row.value3))
                  for row in service.between(measure, first - timedelta(seconds=1), last + timedelta(seconds=1))}
        for reading in found:
            if (int(reading.taken_at.timestamp()), *_values(reading.value, reading.value2, reading.value3)) in stored:
                held += 1
            else:
                new.append(reading)
    return new, held


def _values(*values: float | None) -> tuple[float | None, ...]:
    return tuple(None if value is None else round(value, DECIMALS) for value in values)
