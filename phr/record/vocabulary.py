"""The fixed choices of the care record, each written once. The values are stored as they are, so
they never change; being StrEnums, the members equal their plain strings. The app and the exports
give each value its words in their own language."""

from enum import StrEnum


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
    OTHER = "other"


class Route(StrEnum):
    """How a medicine is taken."""

    ORAL = "oral"
    SUBCUTANEOUS = "subcutaneous"
    INTRAMUSCULAR = "intramuscular"
    INHALED = "inhaled"
    TOPICAL = "topical"
    OTHER = "other"


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
