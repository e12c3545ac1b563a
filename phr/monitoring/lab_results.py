"""Lab results read from a file: readings of a lab measure, each with the reference range the lab gave.

A lab result (a FHIR Observation that is no vital sign) becomes a reading (method 'lab') of a lab measure
named by its LOINC code and unit: the first result of that code and unit makes the measure ("Kreatinine",
µmol/L), later ones add readings to it. The same code in another unit is another measure: values are never
converted between units Regie does not know. The range belongs to the result, not the measure (another
lab may use another range); whether a result lies outside it is decided here, once, for the app and PDFs.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from phr.core.entries import Stamp
from phr.core.session import Session
from phr.core.vocabulary import MeasureCategory, ReadingMethod, ResultPosition
from phr.monitoring.custom_measures import CustomMeasure, slug
from phr.monitoring.measures import Measure
from phr.monitoring.readings import BatchResult, Reading, ReadingService
from phr.storage.repos import lab_ranges
from phr.storage.repos.entries import new_uid
from phr.storage.repos.lab_ranges import RangeRow

# A lab measure's plausible values: wide, since a lab's units differ (platelets per µL or per nL); a value
# outside these is a damaged file, not a result.
LAB_LOW_BOUND, LAB_HIGH_BOUND = -1e6, 1e9
MAX_DECIMALS = 4


@dataclass(frozen=True)
class ReferenceRange:
    low: float | None = None
    high: float | None = None
    text: str = ""                 # the lab's own words ("< 5", "negative"), when it gave them

    def position(self, value: float | None) -> ResultPosition:
        if value is None or (self.low is None and self.high is None):
            return ResultPosition.NOT_KNOWN
        if self.low is not None and value < self.low:
            return ResultPosition.BELOW
        if self.high is not None and value > self.high:
            return ResultPosition.ABOVE
        return ResultPosition.WITHIN


@dataclass(frozen=True)
class LabResult:
    measure: str                   # the lab measure's key (or a catalogue measure's, e.g. 'hba1c')
    taken_at: datetime             # timezone-aware
    value: float
    reference: ReferenceRange | None = None
    note: str = ""
    method: str = ReadingMethod.LAB.value  # '' for a vital sign the catalogue has no measure for (height, BMI)

    @property
    def position(self) -> ResultPosition:
        return self.reference.position(self.value) if self.reference else ResultPosition.NOT_KNOWN


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


class LabResultService:
    def __init__(self, session: Session, readings: ReadingService) -> None:
        self._session = session
        self._readings = readings
        self._measures = readings.measures

    @property
    def _db(self):
        return self._session.db

    # --- lab measures -----------------------------------------------------------------------------

    def lab_measures(self) -> list[Measure]:
        return [measure for measure in self._measures.measures() if measure.is_lab]

    def find_lab_measure(self, loinc: str, unit: str) -> Measure | None:
        wanted = unit.strip()
        return next((m for m in self.lab_measures() if m.loinc == loinc and m.unit == wanted), None)

    def lab_measure(self, loinc: str, unit: str, name: str, decimals: int, stamp: Stamp) -> Measure:
        """The lab measure of this LOINC code and unit, made now (inside the caller's transaction, with the
        import's stamp) when there is none yet."""
        found = self.find_lab_measure(loinc, unit)
        if found is not None:
            return found
        custom = self._measures.with_free_key(CustomMeasure(
            name=name.strip() or loinc, unit=unit.strip(), low_bound=LAB_LOW_BOUND, high_bound=LAB_HIGH_BOUND,
            decimals=max(0, min(MAX_DECIMALS, decimals)), key=slug(f"lab {loinc}"), category=MeasureCategory.LAB,
            loinc=loinc))
        self._measures.insert_imported(custom, stamp, new_uid())
        made = self.find_lab_measure(loinc, unit)
        assert made is not None  # just stored, in this transaction
        return made

    # --- results ----------------------------------------------------------------------------------

    def add_results(self, results: Iterable[LabResult], source: str, source_detail: str | None) -> BatchResult:
        """Results as readings (method 'lab', unless a result says otherwise) with their ranges, inside the
        caller's transaction; a result the record holds already is not added twice, and its range becomes the one
        the file gives now."""
        chosen = list(results)
        readings = [Reading(r.measure, r.taken_at, r.value, method=r.method, note=r.note) for r in chosen]
        added = self._readings.add_batch_within(readings, source, source_detail)
        self.store_ranges(chosen)
        return added

    def store_ranges(self, results: Iterable[LabResult]) -> None:
        """Store the results' ranges (inside the caller's transaction)."""
        lab_ranges.store(self._db, [RangeRow(r.measure, _epoch(r.taken_at), r.reference.low, r.reference.high,
                                             r.reference.text or None)
                                    for r in results if r.reference is not None])

    def results(self, measure: str, limit: int = 10_000) -> list[LabResult]:
        """The measure's results, newest first, each with its range when the lab gave one."""
        ranges = lab_ranges.of_measure(self._db, measure)
        found = []
        for reading in self._readings.page(measure, 0, limit):
            if reading.value is None:
                continue
            row = ranges.get(_epoch(reading.taken_at))
            reference = ReferenceRange(row.low, row.high, row.text or "") if row else None
            found.append(LabResult(measure, reading.taken_at, reading.value, reference, reading.note, reading.method))
        return found

    def lab_readings(self, measure: str) -> list[LabResult]:
        """The readings of a catalogue measure that a lab took (an HbA1c, a lab's glucose: method 'lab'), newest
        first, each with its range when the lab gave one: clinical results, every one of them, among the person's
        own readings of the same measure."""
        found = []
        for row in lab_ranges.readings_by_method(self._db, measure, ReadingMethod.LAB):
            moment = datetime.fromtimestamp(row.taken_at, timezone(timedelta(minutes=row.utc_offset)))
            given = row.low is not None or row.high is not None or row.text is not None
            reference = ReferenceRange(row.low, row.high, row.text or "") if given else None
            found.append(LabResult(measure, moment, row.value, reference, row.note or ""))
        return found

    def latest(self) -> list[LabResult]:
        """The newest result of every lab measure that has one, by the measure's name."""
        found = []
        for measure in sorted(self.lab_measures(), key=lambda m: m.name_nl.casefold()):
            newest = self.results(measure.key, limit=1)
            found.extend(newest)
        return found

    def every_range(self) -> list[LabResult]:
        """Every stored range as a result without a value (for Regie's own file), oldest first per measure."""
        return [LabResult(row.measure, datetime.fromtimestamp(row.taken_at, timezone.utc), 0.0,
                          ReferenceRange(row.low, row.high, row.text or ""))
                for row in lab_ranges.every(self._db)]
