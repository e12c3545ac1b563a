"""Measures and units in device files: which measure, its plausible bounds, and how a file's unit
becomes the measure's canonical one. A shared helper of the layouts (it imports none of them)."""

from phr.imports.devices.model import normalise
from phr.monitoring.measures import CATALOGUE, Measure


def bounds(measure: Measure, component: int = 0) -> tuple[float, float]:
    """The plausible (low, high) of a measure or of one of its components (blood pressure)."""
    if measure.components:
        part = measure.components[component]
        return part.low_bound, part.high_bound
    return measure.low_bound, measure.high_bound


def find_measure(key: str, catalogue: dict[str, Measure] | None = None) -> Measure:
    """The measure with this key in `catalogue` (default: the built-in one; pass a dictionary that
    also holds the record's own measures). ValueError when there is none."""
    measures = CATALOGUE if catalogue is None else catalogue
    if key not in measures:
        raise ValueError(f"There is no measure called “{key}”.")
    return measures[key]


def divisor(measure: Measure, unit: str) -> float:
    """How many of `unit` make one of the measure's canonical unit (1.0 for the canonical unit);
    ValueError when the measure cannot be given in it. Values are divided, never rounded."""
    wanted = normalise(unit)
    if wanted in ("", normalise(measure.unit), normalise(measure.unit_text)):
        return 1.0
    for name, factor in measure.other_units.items():
        if normalise(name) == wanted:
            return factor
    raise ValueError(f"{measure.name_en} cannot be given in {unit}.")
