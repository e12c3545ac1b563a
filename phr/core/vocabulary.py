"""Every fixed vocabulary of Regie, each written once: what changed where, the care record's choices, the
words of self-monitoring.

StrEnums: each member equals its plain string, so pages, exports and stored values compare with either,
and the values never change (they are stored, and travel in events and files). The app and the exports
give each value its words in their own language (phr.words.vocabulary). The words the storage layer
itself writes (slot kinds, sources, reading flags, methods and contexts) live in phr.storage.vocabulary
and are named here too, so there is one place to look.
"""

from enum import IntEnum, StrEnum

from phr.storage.vocabulary import (
    AuthorRole,
    ReadingContext,
    ReadingFlag,
    ReadingMethod,
    SlotKind,
    Source,
    TimelineKind,
)

# The storage layer's words are named here too, for the layers above.
__all__ = [
    "AllergyKind",
    "AllergyStatement",
    "AuthorRole",
    "CareRole",
    "ChangeKind",
    "ContactKind",
    "Criticality",
    "DeviceFlag",
    "DiagnosisStatus",
    "DiaryKind",
    "DocumentKind",
    "DoseUnit",
    "FoodTiming",
    "GlucoseBand",
    "GlucoseBasis",
    "GoalProgress",
    "GoalStatus",
    "MeasureKind",
    "MedicineStatement",
    "ProblemStatement",
    "ReadingContext",
    "ReadingFlag",
    "ReadingMethod",
    "Route",
    "Section",
    "Severity",
    "Sex",
    "SlotKind",
    "Source",
    "TextLanguage",
    "TimelineKind",
    "Zygosity",
]


class Section(StrEnum):
    """A part of the record, as a change reports it and a page listens for it."""

    PERSON = "person"
    CARE_TEAM = "care_team"
    DIAGNOSES = "diagnoses"
    CARE_PLAN = "care_plan"
    MEDICATIONS = "medications"
    APPOINTMENTS = "appointments"
    QUESTIONS = "questions"
    DOCUMENTS = "documents"
    VACCINATIONS = "vaccinations"
    PROCEDURES = "procedures"
    MONITORING = "monitoring"      # readings, measures, targets, plans, the diary, saved import mappings


class ChangeKind(StrEnum):
    """What happened to an entry."""

    ADDED = "added"
    UPDATED = "updated"
    DELETED = "deleted"
    RESTORED = "restored"


# --- the care record ------------------------------------------------------------------------------------

class DiagnosisStatus(StrEnum):
    CONFIRMED = "confirmed"
    SUSPECTED = "suspected"
    CARRIER = "carrier"            # a carrier without symptoms
    RESOLVED = "resolved"


class Zygosity(StrEnum):
    HETEROZYGOUS = "heterozygous"
    HOMOZYGOUS = "homozygous"
    HEMIZYGOUS = "hemizygous"
    COMPOUND_HETEROZYGOUS = "compound_heterozygous"
    UNKNOWN = "unknown"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    STOPPED = "stopped"


class ContactKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class CareRole(StrEnum):
    GP = "gp"
    SPECIALIST = "specialist"
    EXPERTISE_CENTRE = "expertise_centre"
    NURSE = "nurse"
    PHARMACY = "pharmacy"
    THERAPIST = "therapist"
    PATIENT_ASSOCIATION = "patient_association"
    SOCIAL_SUPPORT = "social_support"
    NEXT_OF_KIN = "next_of_kin"      # family or partner: who to tell, and what they can do in an emergency
    OTHER = "other"


class Route(StrEnum):
    """How a medicine is taken."""

    ORAL = "oral"
    SUBCUTANEOUS = "subcutaneous"
    INTRAMUSCULAR = "intramuscular"
    INHALED = "inhaled"
    TOPICAL = "topical"
    OTHER = "other"


class DoseUnit(StrEnum):
    """What one dose of a medicine is counted in."""

    TABLET = "tablet"
    CAPSULE = "capsule"
    MG = "mg"
    MICROGRAM = "microgram"
    ML = "ml"
    UNIT = "unit"                  # international units, e.g. insulin
    PUFF = "puff"
    DROP = "drop"
    SACHET = "sachet"
    INJECTION = "injection"        # one syringe or pen, e.g. an emergency injection


class FoodTiming(StrEnum):
    """When a medicine is taken with regard to food ('' when it does not matter or is not said)."""

    WITH_FOOD = "with_food"
    EMPTY_STOMACH = "empty_stomach"


class TextLanguage(StrEnum):
    """The language the person writes their record in: an export in another language marks their words with it."""

    DUTCH = "nl"
    ENGLISH = "en"


class DocumentKind(StrEnum):
    LETTER = "letter"
    LAB_RESULT = "lab_result"
    SCAN = "scan"
    OTHER = "other"


class DiaryKind(StrEnum):
    NOTE = "note"
    SYMPTOM = "symptom"
    ADMISSION = "admission"
    EVENT = "event"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class AllergyKind(StrEnum):
    ALLERGY = "allergy"
    INTOLERANCE = "intolerance"


class Severity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    UNKNOWN = "unknown"


class AllergyStatement(StrEnum):
    """What the person says about allergies as a whole: a list, none known, or not known."""

    UNKNOWN = "unknown"
    NONE_KNOWN = "none_known"
    LISTED = "listed"


class MedicineStatement(StrEnum):
    """What the person says about the medicines they use now, as a whole (the same values as AllergyStatement)."""

    UNKNOWN = "unknown"
    NONE_KNOWN = "none_known"
    LISTED = "listed"


class ProblemStatement(StrEnum):
    """What the person says about their current diagnoses, as a whole (the same values as AllergyStatement)."""

    UNKNOWN = "unknown"
    NONE_KNOWN = "none_known"
    LISTED = "listed"


class Criticality(StrEnum):
    """How dangerous a next reaction to an allergy may be (FHIR AllergyIntolerance.criticality; '' not said)."""

    LOW = "low"                             # not expected to be life-threatening
    HIGH = "high"                           # may be life-threatening or make organs fail
    UNABLE_TO_ASSESS = "unable_to_assess"   # the care provider could not judge it


class GoalProgress(IntEnum):
    """How far a care-plan goal has come, at an evaluation (stored as the number)."""

    NOT_STARTED = 0
    A_LITTLE = 1
    HALFWAY = 2
    MOSTLY = 3
    ACHIEVED = 4


# --- self-monitoring ------------------------------------------------------------------------------------

class MeasureKind(StrEnum):
    """How a measure's readings are shaped."""

    VALUE = "value"                # one number
    BLOOD_PRESSURE = "bp"          # systolic, diastolic and pulse
    SCORE = "score"                # a symptom score from 0 to 10


class DeviceFlag(IntEnum):
    """What a blood pressure monitor noticed during a reading (OMRON's symbols). A reading keeps them as one
    number, the sum of its flags (readings.device_flags, a bit set): each value is its own bit. Add new
    flags with the next free bit, never change one: the numbers are in every record and file."""

    IRREGULAR_HEARTBEAT = 1        # the heartbeat was irregular during the measurement
    POSSIBLE_AFIB = 2              # the rhythm may be atrial fibrillation (OMRON's AFib mode)
    BODY_MOVEMENT = 4              # the arm or body moved during the measurement
    CUFF_FIT = 8                   # the cuff was not wrapped well (OMRON's cuff wrap guide)


ALL_DEVICE_FLAGS = sum(int(flag) for flag in DeviceFlag)  # every bit a reading's device_flags may have


def device_flags(bits: int) -> list[DeviceFlag]:
    """The flags of a reading's device_flags, in the vocabulary's order."""
    return [flag for flag in DeviceFlag if bits & flag]


class MeasureCategory(StrEnum):
    """Who measured: the person themselves (at home, a sensor), or a lab whose result was read from a file."""

    SELF = "self"
    LAB = "lab"


class ResultPosition(StrEnum):
    """Where a lab result lies against the reference range the lab gave with it."""

    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"
    NOT_KNOWN = ""                 # no range, or only the lab's words


class GlucoseBand(StrEnum):
    """The five ranges of the international consensus on time in range (Battelino et al., 2019)."""

    VERY_LOW = "very_low"          # below 3.0 mmol/L, and a sensor's Low
    LOW = "low"                    # 3.0 up to 3.9
    IN_RANGE = "in_range"          # 3.9 up to and including 10.0
    HIGH = "high"                  # above 10.0 up to and including 13.9
    VERY_HIGH = "very_high"        # above 13.9, and a sensor's High


class GlucoseBasis(StrEnum):
    """Which glucose readings the time in ranges, CV and GMI rest on."""

    SENSOR = "sensor"              # a sensor's readings: at even intervals, so shares of readings are shares of time
    READINGS = "readings"          # no sensor readings: finger pricks, lab, typed; shares of readings, not of time
