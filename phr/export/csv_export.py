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

from phr.core.vocabulary import device_flags
from phr.monitoring.measures import Measure, glucose_loinc
from phr.record.services import RecordServices
from phr.storage.atomic import write_atomic

COLUMNS = ("reading", "measure", "component", "loinc", "time", "value", "unit", "flag", "method", "context", "note",
           "device_flags")
# Columns Regie writes as numbers itself: never text a person or a file gave, so never neutralised.
NUMBER_COLUMNS = ("reading", "value")
# A cell a spreadsheet would run: one of = + - @ tab CR first, after any quotes and white space (a quote a cell
# starts with is doubled, so a reader takes exactly one off: see docs/csv-format.md).
FORMULA_START = re.compile(r"'*\s*[=+\-@\t\r]")
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
    """The CSV rows (without header), measure by measure, each in time order."""
    first, last = _period(since, until)
    counter = 0
    for measure in services.measures.measures():
        if measures is not None and measure.key not in measures:
            continue
        parts = _parts(measure)
        for row in services.readings.stream(measure.key, first, last):
            counter += 1
            taken_at, offset, values = row.taken_at, row.utc_offset, (row.value, row.value2, row.value3)
            flag, method, context, note = row.flag, row.method, row.context, row.note
            noticed = ";".join(f.name.lower() for f in device_flags(row.device_flags)) if row.device_flags else ""
            moment = datetime.fromtimestamp(taken_at, timezone(timedelta(minutes=offset))).isoformat()
            for (component, loinc, unit), value in zip(parts, values):
                if value is None and (component != parts[0][0] or not flag):
                    continue  # no pulse typed: no row; a Low/High keeps its row without a value
                if measure.key == "glucose":  # a sensor's interstitial glucose, a lab's plasma: not a finger prick
                    loinc = glucose_loinc(method, loinc)
                yield (counter, measure.key, component, loinc, moment, _number(value),
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


def _safe(row: tuple[int | str, ...]) -> tuple[int | str, ...]:
    return tuple(cell if column in NUMBER_COLUMNS or not isinstance(cell, str) else neutralised(cell)
                 for column, cell in zip(COLUMNS, row))


def export_bytes(services: RecordServices, measures: list[str] | None = None, since: date | None = None,
                 until: date | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_safe(row) for row in rows(services, measures, since, until))
    return buffer.getvalue().encode("utf-8")


def write_export(services: RecordServices, path: Path, since: date | None = None, until: date | None = None,
                 measures: list[str] | None = None) -> None:
    """Write atomically, readable only by the user (0600). This file is NOT encrypted."""
    write_atomic(Path(path), export_bytes(services, measures, since, until))
