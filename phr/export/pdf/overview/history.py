"""The layout of the overview's vaccinations, operations and procedures, and lab results.

What is printed was chosen in phr.export.pdf.overview.facts; a lab result's place against its range comes
from LabResult.position and is said in words, in bold when outside the range (black-and-white printers).
Codes a file gave are printed as the diagnoses print theirs: small, under the name.
"""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from phr.export.pdf.base import PdfContext
from phr.export.pdf.lab_results import (
    ResultLine,
    codes_of,
    count_outside,
    outside,
    position_words,
    range_words,
    value_words,
)
from phr.export.pdf.overview.record import lines, long_note, notes_below, short_note, small, source
from phr.record.codings import Codings
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination

MM = mm  # reportlab points per millimetre


def _codes(context: PdfContext, codes: Codings) -> str:
    return small(context, ", ".join(f"{c.system_name} {c.code}" for c in codes))


# --- vaccinations -------------------------------------------------------------------------------------------

def vaccinations_body(context: PdfContext, vaccinations: Sequence[Vaccination]) -> list[Flowable]:
    w = context.words
    if not vaccinations:
        return [context.no_information(w("No vaccinations in the record."))]
    rows, notes = [], []
    for v in vaccinations:
        batch = w("Batch {number}", number=v.lot_number) if v.lot_number else ""
        name = lines(context.said(context.clinical.typed(v.vaccine), bold=True), small(context, short_note(v.notes)),
                     small(context, batch), _codes(context, v.codes), source(context, v.provenance))
        dose = w("dose {number}", number=v.dose_number) if v.dose_number is not None else ""
        rows.append([context.markup(name, "cell"), v.against, dose, w.date(v.given_on), v.given_by])
        notes.append(long_note(context, v.notes))
    return [context.table([w("Vaccine"), w("Against"), w("Dose"), w("Date"), w("Given by")], rows,
                          [c * MM for c in (60, 40, 16, 24, 34)], below=notes_below(notes))]


# --- operations and procedures ------------------------------------------------------------------------------

def procedures_body(context: PdfContext, procedures: Sequence[Procedure]) -> list[Flowable]:
    w = context.words
    if not procedures:
        return [context.no_information(w("No operations or procedures in the record."))]
    rows, notes = [], []
    for p in procedures:
        name = lines(context.said(context.clinical.typed(p.name), bold=True), small(context, short_note(p.notes)),
                     _codes(context, p.codes), source(context, p.provenance))
        rows.append([context.markup(name, "cell"), p.body_site, p.place, w.date(p.performed_on)])
        notes.append(long_note(context, p.notes))
    return [context.table([w("Operation or procedure"), w("Part of the body"), w("Where"), w("Date")], rows,
                          [c * MM for c in (74, 34, 42, 24)], below=notes_below(notes))]


# --- lab results --------------------------------------------------------------------------------------------

def lab_results_body(context: PdfContext, results: Sequence[ResultLine]) -> list[Flowable]:
    """Per test the latest result against the lab's range, and how many came before it."""
    w = context.words
    if not results:
        return [context.no_information(w("No lab results in the record."))]
    rows = [[context.markup(_test(context, line), "cell"), context.markup(_result(context, line), "cell"),
             range_words(w, line.result.reference, line.measure.unit_text) or "–",
             context.markup(position_markup(context, line), "cell"), context.markup(_earlier(context, line), "cell")]
            for line in results]
    header = [w("Test"), w("Latest result"), w("Lab's range"), w("Against the range"), w("Earlier results")]
    count = count_outside(results)
    said = w("{count} of {total} latest results lie outside the lab's range (in bold).", count=count,
             total=len(results)) if count else w("No result lies outside the lab's range.")
    return [context.para(said, "small"), context.table(header, rows, [c * MM for c in (50, 32, 30, 30, 32)])]


def _test(context: PdfContext, line: ResultLine) -> str:
    return lines(f"<b>{context.esc(line.measure.name(context.options.language))}</b>",
                 small(context, codes_of(line.measure)), small(context, line.result.note))


def _result(context: PdfContext, line: ResultLine) -> str:
    return lines(f"<b>{context.esc(value_words(context.words, line, line.measure.unit_text))}</b>",
                 small(context, context.words.date(line.day)))


def position_markup(context: PdfContext, line: ResultLine) -> str:
    """The position in words; bold when outside the range, so it shows without colour."""
    text = context.esc(position_words(context.words, line.result))
    return f"<b>{text}</b>" if outside(line.result.position) else text


def _earlier(context: PdfContext, line: ResultLine) -> str:
    w, previous = context.words, line.previous
    if previous is None:
        return context.esc(w("none"))
    before = w("last: {value} on {date}", value=value_words(w, previous, line.measure.unit_text),
               date=w.date(previous.taken_at.date()))
    return lines(context.esc(str(line.earlier)), small(context, before))
