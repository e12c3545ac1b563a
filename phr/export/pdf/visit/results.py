"""The layout of the visit brief's lab results: every result taken in the brief's period, against the lab's range.

The results come from phr.export.pdf.lab_results (the newest day first); where each lies against its range is
LabResult.position's, said in words, in bold when outside it (black-and-white printers). A long list is cut to
the budget and the rest counted.
"""

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from phr.export.pdf.base import CONTENT_WIDTH, PdfContext
from phr.export.pdf.lab_results import (
    ResultLine,
    codes_of,
    count_outside,
    outside,
    position_words,
    range_words,
    value_words,
)
from phr.export.pdf.visit.budget import Budget


def lab_results_section(context: PdfContext, every: Sequence[ResultLine], budget: Budget) -> list[Flowable]:
    w = context.words
    found = every[:budget.results]
    rows = [[w.date(line.day), context.markup(_test(context, line), "cell"),
             context.markup(f"<b>{context.esc(value_words(w, line, line.measure.unit_text))}</b>", "cell"),
             range_words(w, line.result.reference, line.measure.unit_text) or "–",
             context.markup(_position(context, line), "cell")] for line in found]
    body: list[Flowable] = []
    if rows:
        count = count_outside(every)
        said = w("{count} of {total} results lie outside the lab's range (in bold).", count=count,
                 total=len(every)) if count else w("No result lies outside the lab's range.")
        header = [w("Date"), w("Test"), w("Result"), w("Lab's range"), w("Against the range")]
        widths = [30 * mm, 48 * mm, 28 * mm, 30 * mm, CONTENT_WIDTH - 136 * mm]
        body += [context.para(said, "small"), context.table(header, rows, widths)]
    if len(every) > len(found):
        body.append(context.para(w("And {count} other results: see the overview.", count=len(every) - len(found)),
                                 "small"))
    return context.section(w("Lab results"), body, w("No lab results in this period."))


def _test(context: PdfContext, line: ResultLine) -> str:
    name = f"<b>{context.esc(line.measure.name(context.options.language))}</b>"
    code = codes_of(line.measure)
    return f"{name} <font size='7.5' color='#555555'>{context.esc(code)}</font>" if code else name


def _position(context: PdfContext, line: ResultLine) -> str:
    text = context.esc(position_words(context.words, line.result))
    return f"<b>{text}</b>" if outside(line.result.position) else text
