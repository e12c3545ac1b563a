"""Lab results for the overview and the visit brief: which results, and how a value and its range are said.

Where a result lies against the lab's range is LabResult.position's to decide (phr.monitoring.lab_results),
never this module's: here it is only said, in words that print on a black-and-white printer (bold when
outside the range; never a colour alone). Reads the services, draws nothing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from phr.core.vocabulary import ResultPosition
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.monitoring.measures import Measure
from phr.record.services import RecordServices
from phr.words.catalogue import Words
from phr.words.vocabulary import label

MAX_DECIMALS = 4  # as a lab measure keeps them (phr.monitoring.lab_results)


@dataclass(frozen=True)
class ResultLine:
    """One result of one lab measure, with how many results of that measure came before it."""
    measure: Measure
    result: LabResult
    earlier: int = 0                        # results of the same measure before this one (in the period)
    previous: LabResult | None = None       # the one just before, when there is one

    @property
    def day(self) -> date:
        """The day it was taken, in the time zone it was taken in."""
        return self.result.taken_at.date()


def latest_results(services: RecordServices, wanted: Callable[[date], bool]) -> tuple[ResultLine, ...]:
    """Per lab measure the newest result of the days `wanted`, with the number of earlier ones; by name."""
    found = []
    for measure in services.lab_results.lab_measures():
        results = [r for r in services.lab_results.results(measure.key) if wanted(r.taken_at.date())]
        if results:  # newest first
            found.append(ResultLine(measure, results[0], len(results) - 1, results[1] if len(results) > 1 else None))
    return tuple(sorted(found, key=lambda line: line.measure.name_nl.casefold()))


def results_between(services: RecordServices, start: date, end: date) -> tuple[ResultLine, ...]:
    """Every lab result taken from `start` up to and including `end`: the newest day first, by name within a day
    (the results of one blood sample stay together)."""
    found = [ResultLine(measure, result) for measure in services.lab_results.lab_measures()
             for result in services.lab_results.results(measure.key) if start <= result.taken_at.date() <= end]
    found.sort(key=lambda line: line.measure.name_nl.casefold())
    return tuple(sorted(found, key=lambda line: line.day, reverse=True))


def decimals_of(*values: float | None) -> int:
    """The fewest decimals that show each value as the lab gave it (up to MAX_DECIMALS): 120 and 0.5, not 120.0
    and 1 (a lab measure's own decimals can be too few for its range)."""
    def needed(value: float) -> int:
        return next(d for d in range(MAX_DECIMALS + 1) if round(value, d) == round(value, MAX_DECIMALS))
    return max((needed(value) for value in values if value is not None), default=0)


def value_words(w: Words, line: ResultLine | LabResult, unit: str) -> str:
    """'120 umol/L', with the decimal sign of the export language."""
    result = line.result if isinstance(line, ResultLine) else line
    return " ".join(part for part in (w.number(result.value, decimals_of(result.value)), unit) if part)


def range_words(w: Words, reference: ReferenceRange | None, unit: str) -> str:
    """The lab's range: '60–110 umol/L', '≥ 60 umol/L', '≤ 5 umol/L', or the lab's own words ('negative');
    '' when it gave none."""
    if reference is None:
        return ""
    low, high = reference.low, reference.high
    decimals = decimals_of(low, high)
    if low is not None and high is not None:
        numbers = f"{w.number(low, decimals)}–{w.number(high, decimals)}"
    elif low is not None:
        numbers = f"≥ {w.number(low, decimals)}"
    elif high is not None:
        numbers = f"≤ {w.number(high, decimals)}"
    else:
        return reference.text.strip()
    return f"{numbers} {unit}".strip()


def position_words(w: Words, result: LabResult) -> str:
    """Where the result lies against the lab's range, as LabResult.position decided it; a range the lab gave
    only in words ('negative') is not compared."""
    position = result.position
    if position == ResultPosition.NOT_KNOWN and result.reference is not None and result.reference.text.strip():
        return w("not compared (the range is in words)")
    return label(w, position, in_sentence=True)


def outside(position: ResultPosition) -> bool:
    """Whether to print the position in bold: a result outside the lab's range."""
    return position in (ResultPosition.ABOVE, ResultPosition.BELOW)


def codes_of(measure: Measure) -> str:
    """'LOINC 2160-0': the code the lab's file named the test by."""
    return f"LOINC {measure.loinc}" if measure.loinc else ""


def count_outside(lines: Iterable[ResultLine]) -> int:
    return sum(outside(line.result.position) for line in lines)
