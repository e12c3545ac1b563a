"""The fixed words of self-monitoring, each written once (StrEnums: members equal their stored strings).

How readings were taken, their flags and contexts are stored words and live with the storage
layer (phr.storage.vocabulary); they are named here too, so monitoring code has one place to look.
"""

from enum import StrEnum

from phr.storage.vocabulary import ReadingContext, ReadingFlag, ReadingMethod

__all__ = ["GlucoseBand", "MeasureKind", "ReadingContext", "ReadingFlag", "ReadingMethod"]


class MeasureKind(StrEnum):
    """How a measure's readings are shaped."""

    VALUE = "value"                # one number
    BLOOD_PRESSURE = "bp"          # systolic, diastolic and pulse
    SCORE = "score"                # a symptom score from 0 to 10


class GlucoseBand(StrEnum):
    """The five ranges of the international consensus on time in range (Battelino et al., 2019)."""

    VERY_LOW = "very_low"          # below 3.0 mmol/L, and a sensor's Low
    LOW = "low"                    # 3.0 up to 3.9
    IN_RANGE = "in_range"          # 3.9 up to and including 10.0
    HIGH = "high"                  # above 10.0 up to and including 13.9
    VERY_HIGH = "very_high"        # above 13.9, and a sensor's High
