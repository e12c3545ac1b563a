"""The catalogue of measures: LOINC code, UCUM unit, names in Dutch and English, bounds and targets.

One canonical unit per measure; other units are converted at the edges (glucose
mg/dL <-> mmol/L by 18.016). Values outside the plausible bounds are questioned
when typed and skipped (with the reason) when imported; a value outside the possible
range is never kept (the rules for every way in: phr.monitoring.validity). User-defined
measures and symptom scores are stored in the record and look the same to the rest of Regie.
"""

import math
from dataclasses import dataclass, field
from typing import TypeGuard

from phr.core.vocabulary import MeasureCategory, MeasureKind, ReadingContext, ReadingFlag, ReadingMethod

GLUCOSE_MG_PER_MMOL = 18.016
# What a kept value may reach (Measure.possible): this many times the largest usual value of its measure, and never
# more than LARGEST, so sums and squares of a million readings stay far inside what a float holds (the statistics
# of a weight of 1e300 overflowed).
POSSIBLE_TIMES, LARGEST = 10, 1e12
VALUE, BLOOD_PRESSURE, SCORE = MeasureKind.VALUE, MeasureKind.BLOOD_PRESSURE, MeasureKind.SCORE


@dataclass(frozen=True)
class Component:
    """One number of a reading (blood pressure has three)."""

    loinc: str
    name_nl: str
    name_en: str
    low_bound: float
    high_bound: float


@dataclass(frozen=True)
class Measure:
    key: str                       # command-line slug: 'glucose', 'bp', ... or a custom measure's key
    name_nl: str
    name_en: str
    unit: str                      # UCUM, canonical
    unit_text: str                 # as people write it: 'mmol/L', 'mmHg', '/min'
    loinc: str = ""                # '' for user-defined measures
    low_bound: float = 0.0         # plausible range: outside it a value is questioned
    high_bound: float = 0.0
    target_low: float | None = None   # default target range, until one is agreed with the care team
    target_high: float | None = None
    decimals: int = 1
    kind: str = VALUE              # value | bp | score
    components: tuple[Component, ...] = ()
    other_units: dict[str, float] = field(default_factory=dict)  # unit -> how many of it make one canonical unit
    category: str = MeasureCategory.SELF  # self | lab: a lab's result read from a file (phr.monitoring.lab_results)

    @property
    def is_lab(self) -> bool:
        return self.category == MeasureCategory.LAB

    def name(self, language: str) -> str:
        return self.name_nl if language == "nl" else self.name_en

    def bounds(self, component: int = 0) -> tuple[float, float]:
        """The plausible (low, high) of the measure, or of one of its components (blood pressure)."""
        if self.components:
            return self.components[component].low_bound, self.components[component].high_bound
        return self.low_bound, self.high_bound

    def plausible(self, value: float, component: int = 0) -> bool:
        """Inside the usual range: accepted without a question, from any file (NaN and ±Infinity never are)."""
        low, high = self.bounds(component)
        return finite(value) and low <= value <= high

    def possible(self, value: float, component: int = 0) -> bool:
        """Not nonsense, even when unusual: what a person may keep after being asked (phr.monitoring.validity).
        Below zero only for a measure whose usual range goes below zero; at most POSSIBLE_TIMES its largest
        usual value, and never beyond LARGEST."""
        low, high = self.bounds(component)
        reach = min(POSSIBLE_TIMES * max(abs(low), abs(high)), LARGEST) if finite(low) and finite(high) else LARGEST
        return finite(value) and (0.0 if low >= 0 else -reach) <= value <= reach

    def to_canonical(self, value: float, unit: str) -> float:
        """A value in `unit` (canonical or one of other_units) in the canonical unit."""
        if unit in (self.unit, self.unit_text, ""):
            return value
        factor = _lookup_unit(self.other_units, unit)
        if factor is None:
            raise ValueError(f"{self.key} cannot be given in {unit}")
        return value / factor


def finite(value: object) -> TypeGuard[float]:
    """A real number: not text, not True/False, not NaN and not ±Infinity (which JSON readers accept)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _lookup_unit(units: dict[str, float], unit: str) -> float | None:
    wanted = unit.replace(" ", "").lower()
    return next((factor for name, factor in units.items() if name.replace(" ", "").lower() == wanted), None)


BLOOD_PRESSURE_PARTS = (
    Component("8480-6", "bovendruk", "systolic", 50, 260),
    Component("8462-4", "onderdruk", "diastolic", 30, 160),
    Component("8867-4", "hartslag", "pulse", 25, 230),
)

CATALOGUE: dict[str, Measure] = {m.key: m for m in (
    Measure("glucose", "Glucose", "Glucose", "mmol/L", "mmol/L", "14743-9", 1.0, 35.0, 3.9, 10.0, 1,
            other_units={"mg/dL": GLUCOSE_MG_PER_MMOL, "mg/dl": GLUCOSE_MG_PER_MMOL}),
    Measure("bp", "Bloeddruk", "Blood pressure", "mm[Hg]", "mmHg", "85354-9", 50, 260, None, 135, 0,
            kind=BLOOD_PRESSURE, components=BLOOD_PRESSURE_PARTS),
    Measure("heart_rate", "Hartslag", "Heart rate", "/min", "/min", "8867-4", 25, 230, 50, 100, 0),
    Measure("weight", "Gewicht", "Weight", "kg", "kg", "29463-7", 1, 400, None, None, 1,
            other_units={"g": 1000.0, "lb": 2.20462}),  # a baby's weight comes in grams
    Measure("temperature", "Temperatuur", "Temperature", "Cel", "°C", "8310-5", 33, 43, 36.0, 37.5, 1),
    Measure("spo2", "Zuurstof in het bloed", "Oxygen saturation", "%", "%", "59408-5", 50, 100, 95, 100, 0),
    Measure("peak_flow", "Piekstroom", "Peak flow", "L/min", "L/min", "19935-6", 50, 900, None, None, 0),
    Measure("fev1", "FEV1 (longfunctie)", "FEV1 (lung function)", "L", "L", "20150-9", 0.2, 8.0, None, None, 2),
    Measure("hba1c", "HbA1c", "HbA1c", "mmol/mol", "mmol/mol", "59261-8", 15, 200, 20, 53, 0),
    Measure("pain", "Pijn (0–10)", "Pain (0–10)", "{score}", "0–10", "72514-3", 0, 10, 0, 3, 0, kind=SCORE),
    # What a glucose meter or app records besides glucose (LibreView): blood ketones from a test strip,
    # carbohydrates eaten, insulin injected. Insulin is a dose given and has no LOINC observation code.
    Measure("ketones", "Ketonen in het bloed", "Blood ketones", "mmol/L", "mmol/L", "66441-7", 0.0, 10.0, None, 0.6, 1),
    Measure("carbs", "Koolhydraten gegeten", "Carbohydrates eaten", "g", "g", "9059-7", 0, 500, None, None, 0),
    Measure("insulin_rapid", "Snelwerkende insuline", "Rapid-acting insulin", "[IU]", "IU", "", 0, 150, None, None, 1),
    Measure("insulin_long", "Langwerkende insuline", "Long-acting insulin", "[IU]", "IU", "", 0, 150, None, None, 1),
)}

# LOINC for glucose measured by a sensor (CGM) rather than a finger prick.
GLUCOSE_SENSOR_LOINC = "105272-9"
# LOINC for glucose a lab measured in serum or plasma (mmol/L), not a finger prick's capillary blood.
GLUCOSE_LAB_LOINC = "14749-6"


def glucose_loinc(method: str, loinc: str) -> str:
    """The LOINC of a glucose reading by how it was taken; `loinc` (the catalogue's finger prick) otherwise."""
    return GLUCOSE_SENSOR_LOINC if method in ("sensor", "scan") else GLUCOSE_LAB_LOINC if method == "lab" else loinc
# The international time-in-range consensus bands (mmol/L).
GLUCOSE_VERY_LOW, GLUCOSE_LOW, GLUCOSE_HIGH, GLUCOSE_VERY_HIGH = 3.0, 3.9, 10.0, 13.9

# A reading's (local) time lies in these years; any other is a typing or file error, and year 9999
# plus an offset cannot even be turned back into a date to show.
FIRST_YEAR, LAST_YEAR = 1900, 2199

# Contexts a reading can carry.
CONTEXTS = tuple(ReadingContext)
GLUCOSE_METHODS = tuple(ReadingMethod)
FLAGS = tuple(ReadingFlag)
