"""Readings as CSV, for people who analyse their own data (spreadsheet, R, pandas).

One tidy table: one row per number. A blood pressure reading gives three rows (systolic,
diastolic, pulse) that share a `reading` number and a time, so a pivot brings them back
together. Times are ISO 8601 with the offset the reading was taken in; values are in the
measure's canonical UCUM unit with a decimal point; a sensor's Low/High has no value and
says so in `flag`, what a blood pressure monitor noticed is in `device_flags`. The header is English and fixed,
whatever the app's language: scripts rely on it. See docs/csv-format.md.

Formulas: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a
formula, so a note "=HYPERLINK(...)" could send data away when the file is opened. Every text cell that could
start one gets a leading single quote (the OWASP rule for CSV injection); the numbers Regie writes itself
(`reading`, `value`) are left as they are, so -3.5 stays a number.
"""

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TextIO

from phr.core.vocabulary import device_flags
from phr.monitoring.measures import Measure, glucose_loinc
from phr.record.services import RecordServices
from phr.storage.atomic import replace_atomically
from phr.storage.streams.readings import IsoMoments

COLUMNS = ("reading", "measure", "component", "loinc", "time", "value", "unit", "flag", "method", "context", "note",
           "device_flags")
# Columns Regie writes as numbers itself: never text a person or a file gave, so never neutralised.
NUMBER_COLUMNS = ("reading", "value")
# A cell a spreadsheet would run: one of = + - @ tab CR first, after any quotes and white space (a quote a cell
# starts with is doubled, so a reader takes exactly one off: see docs/csv-format.md).
FORMULA_START = re.compile(r"'*\s*[=+\-@\t\r]")
_BUFFER = 1 << 20
_FAR_PAST = datetime(1900, 1, 1, tzinfo=timezone.utc)
_FAR_FUTURE = datetime(2200, 1, 1, tzinfo=timezone.utc)


def _period(since: date | None, until: date | None) -> tuple[datetime, datetime]:
    """Whole local days: from the start of `since` to the end of `until`."""
    first = datetime.combine(since, time.min).astimezone() if since else _FAR_PAST
    last = datetime.combine(until + timedelta(days=1), time.min).astimezone() - timedelta(seconds=1) if until else _FAR_FUTURE
    return first, last


def _parts(measure: Measure) -> list[tuple[str, str, str]]:
    """(component name, LOINC, unit) for each number of a measure."""
    if not measure.components:
        return [(measure.key, measure.loinc, measure.unit)]
    # A heart rate inside a blood pressure reading is counted per minute, not in mmHg.
    return [(c.name_en, c.loinc, "/min" if c.name_en == "pulse" else measure.unit) for c in measure.components]


def rows(services: RecordServices, measures: list[str] | None = None, since: date | None = None,
         until: date | None = None) -> Iterator[tuple[int | str, ...]]:
    """The CSV rows (without header), measure by measure, each in time order, as written: every text cell that
    could start a formula neutralised. Streamed from the record a chunk at a time."""
    first, last = _period(since, until)
    counter = 0
    moments = IsoMoments()
    for measure in services.measures.measures():
        if measures is not None and measure.key not in measures:
            continue
        # What is the same for every row of the measure is made safe once; per row only the note can be anything.
        key = neutralised(measure.key)
        parts = [(neutralised(component), loinc, neutralised(unit)) for component, loinc, unit in _parts(measure)]
        first_part, glucose = parts[0][0], measure.key == "glucose"
        for row in services.readings.stream(measure.key, first, last):
            counter += 1
            values, flag, method, context = (row.value, row.value2, row.value3), row.flag, row.method, row.context
            note = neutralised(row.note) if row.note else row.note
            noticed = ";".join(f.name.lower() for f in device_flags(row.device_flags)) if row.device_flags else ""
            moment = moments(row.taken_at, row.utc_offset)
            for (component, loinc, unit), value in zip(parts, values):
                if value is None and (component != first_part or not flag):
                    continue  # no pulse typed: no row; a Low/High keeps its row without a value
                if glucose:  # a sensor's interstitial glucose, a lab's plasma: not a finger prick
                    loinc = glucose_loinc(method, loinc)
                yield (counter, key, component, neutralised(loinc), moment, _number(value),
                       unit, flag, method, context, note, noticed)


def _number(value: float | None) -> str:
    """The stored value exactly (shortest round-trip form), whole numbers without '.0'."""
    if value is None:
        return ""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def neutralised(cell: str) -> str:
    """The cell as a spreadsheet will not run it: a leading single quote when it could start a formula."""
    return "'" + cell if FORMULA_START.match(cell) else cell


def export_bytes(services: RecordServices, measures: list[str] | None = None, since: date | None = None,
                 until: date | None = None) -> bytes:
    """The whole file as bytes (a small export's; write_export writes any size in bounded memory)."""
    buffer = io.StringIO(newline="")
    _write(buffer, services, measures, since, until)
    return buffer.getvalue().encode("utf-8")


def write_export(services: RecordServices, path: Path, since: date | None = None, until: date | None = None,
                 measures: list[str] | None = None) -> None:
    """Write atomically, readable only by the user (0600), row by row as the readings come from the record (a
    lifetime's millions in bounded memory). This file is NOT encrypted."""

    def fill(fd: int) -> None:
        with open(fd, "w", encoding="utf-8", newline="", closefd=False, buffering=_BUFFER) as out:
            _write(out, services, measures, since, until)

    replace_atomically(Path(path), fill)


def _write(out: TextIO, services: RecordServices, measures: list[str] | None, since: date | None,
           until: date | None) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows(services, measures, since, until))
