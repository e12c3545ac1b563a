"""User-defined measures and symptom scores, next to the catalogue: one list of measures for all of Regie."""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from phr.core import validation
from phr.core.entries import EntryService, FieldError, Provenance
from phr.core.vocabulary import MeasureCategory, Section
from phr.monitoring.measures import CATALOGUE, LARGEST, SCORE, VALUE, Measure, finite
from phr.storage.repos import tables

KINDS = (VALUE, SCORE)


@dataclass(frozen=True)
class CustomMeasure:
    name: str = ""
    unit: str = ""
    low_bound: float | None = None
    high_bound: float | None = None
    decimals: int = 1
    kind: str = VALUE          # value, or score: a symptom score from 0 to 10
    key: str = ""              # made from the name when it is added
    category: str = MeasureCategory.SELF  # self, or lab: a lab's result read from a file, named by LOINC and unit
    loinc: str = ""            # a lab measure's LOINC code
    id: int | None = None
    uid: str | None = None
    provenance: Provenance | None = field(default=None, compare=False)

    def as_measure(self) -> Measure:
        low, high = (0.0, 10.0) if self.kind == SCORE else (self.low_bound, self.high_bound)
        if low is None or high is None:  # validation requires both before a measure is stored
            raise ValueError(f"the measure {self.key!r} has no plausible range")
        return Measure(self.key, self.name, self.name, self.unit or ("0–10" if self.kind == SCORE else ""),
                       self.unit or ("0–10" if self.kind == SCORE else ""), self.loinc, low, high,
                       decimals=0 if self.kind == SCORE else self.decimals, kind=self.kind, category=self.category)


def slug(name: str) -> str:
    """'Vermoeidheid (0-10)' -> 'vermoeidheid_0_10': a key for the command line (--measure)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:40] or "measure"


class MeasureService(EntryService[CustomMeasure]):
    section = Section.MONITORING
    table = tables.MEASURES
    item_type = CustomMeasure

    def validate(self, measure: CustomMeasure) -> list[FieldError]:
        checks = validation.Checks()
        checks.required("name", measure.name)
        checks.choice("kind", measure.kind, KINDS)
        checks.choice("category", measure.category, tuple(MeasureCategory))
        if measure.kind == VALUE and measure.category != MeasureCategory.LAB:  # a lab's INR or pH has no unit
            checks.required("unit", measure.unit)
            for name in ("low_bound", "high_bound"):
                if not finite(getattr(measure, name)) or abs(getattr(measure, name)) > LARGEST:  # no ±Infinity
                    checks.add(name, "invalid_number")
            if isinstance(measure.low_bound, (int, float)) and isinstance(measure.high_bound, (int, float)) \
                    and measure.low_bound >= measure.high_bound:
                checks.add("high_bound", "range_order")
        if not isinstance(measure.decimals, int) or not 0 <= measure.decimals <= 4:
            checks.add("decimals", "invalid_number")
        return checks.errors

    def add(self, measure: CustomMeasure, source: str = "typed", source_detail: str | None = None):
        return super().add(self.with_free_key(measure), source, source_detail)

    def with_free_key(self, measure: CustomMeasure) -> CustomMeasure:
        """A key that is free: not a catalogue key, not another custom measure's."""
        if measure.kind == SCORE:
            measure = replace(measure, low_bound=0.0, high_bound=10.0, decimals=0)
        taken = set(CATALOGUE) | {m.key for m in self.all()}
        base = measure.key or slug(measure.name)
        key, number = base, 2
        while key in taken:
            key, number = f"{base}_{number}", number + 1
        return replace(measure, key=key)

    def to_values(self, measure: CustomMeasure) -> dict:
        values = super().to_values(measure)
        if measure.kind == SCORE:
            values.update(low_bound=0.0, high_bound=10.0, decimals=0)
        return values

    def measures(self) -> list[Measure]:
        """The catalogue, then the user's own measures."""
        return list(CATALOGUE.values()) + [custom.as_measure() for custom in self.all()]

    def self_measured(self) -> list[Measure]:
        """The measures a person measures (the catalogue and their own), without the lab tests read from files:
        those are shown with the lab's range, not as self-monitoring (phr.monitoring.lab_results)."""
        return [measure for measure in self.measures() if not measure.is_lab]

    def find(self, key: str) -> Measure | None:
        if key in CATALOGUE:
            return CATALOGUE[key]
        return next((custom.as_measure() for custom in self.all() if custom.key == key), None)
