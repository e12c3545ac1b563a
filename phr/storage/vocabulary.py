"""The fixed words the storage layer writes: in key files, in the record's tables, as reading codes.

Each value is stored as it is (a key file's "kind", an author's role, a provenance source), so
these values never change: a record made today must open with every later version. Being
StrEnums, the members equal their plain strings, and higher layers import them from here.
"""

from enum import StrEnum


class SlotKind(StrEnum):
    """Whose secret opens a key slot."""

    OWNER = "owner"
    RECOVERY = "recovery"
    CARER = "carer"


class KdfName(StrEnum):
    """How a key slot turns its secret into a key-encryption key."""

    ARGON2ID = "argon2id"        # passphrases
    HKDF_SHA256 = "hkdf-sha256"  # recovery codes: random enough for a fast KDF


class AuthorRole(StrEnum):
    """Who writes in the record (authors.role)."""

    OWNER = "owner"
    CARER = "carer"


class Source(StrEnum):
    """Where an entry came from (the provenance column `source`)."""

    TYPED = "typed"
    DEVICE_IMPORT = "device_import"
    FHIR_IMPORT = "fhir_import"
    JSON_IMPORT = "json_import"
    LETTER = "letter"  # entries only: readings never come from a letter


class ReadingFlag(StrEnum):
    """A device's Low or High: a reading beyond what the sensor can measure."""

    BELOW_RANGE = "below_range"
    ABOVE_RANGE = "above_range"


class ReadingMethod(StrEnum):
    """How a reading was taken ('' when not known). Stored as its place in this list (reading_rows.METHODS):
    add at the end, never move one."""

    SENSOR = "sensor"            # a continuous glucose monitor's own reading
    SCAN = "scan"                # a glucose sensor read by scanning it
    FINGERSTICK = "fingerstick"  # a finger-prick meter
    LAB = "lab"                  # a lab result
    TYPED = "typed"              # typed in by hand


class ReadingContext(StrEnum):
    """The moment a reading belongs to."""

    FASTING = "fasting"
    AFTER_MEAL = "after_meal"
    AT_REST = "at_rest"
    AFTER_EXERCISE = "after_exercise"


class TimelineKind(StrEnum):
    """The kinds of dated events the timeline gathers from every section."""

    DIAGNOSIS = "diagnosis"
    GENETIC_TEST = "genetic_test"
    ALLERGY = "allergy"
    GOAL_START = "goal_start"
    GOAL_REVIEW = "goal_review"
    EVALUATION = "evaluation"
    MEDICATION_START = "medication_start"
    MEDICATION_STOP = "medication_stop"
    MEDICATION_CHANGE = "medication_change"
    APPOINTMENT = "appointment"
    DOCUMENT = "document"
    VACCINATION = "vaccination"
    PROCEDURE = "procedure"
