"""The words every part of Regie uses to say what changed where.

StrEnums: each member equals its plain string, so pages, exports and stored values can compare
with either, and the values never change (they travel in events and files).
"""

from enum import StrEnum


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
    MONITORING = "monitoring"      # readings, measures, targets, plans, the diary, saved import mappings


class ChangeKind(StrEnum):
    """What happened to an entry."""

    ADDED = "added"
    UPDATED = "updated"
    DELETED = "deleted"
    RESTORED = "restored"
