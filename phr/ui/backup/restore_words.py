"""What the restore dialog says: the parts of the record a backup holds, and why a backup could not be checked
or restored (each text says that nothing changed)."""

from PySide6.QtCore import QCoreApplication

from phr.core import errors
from phr.core.vocabulary import Section
from phr.storage.errors import BackupDamaged
from phr.ui.text.messages import error_message
from phr.ui.text.vocabulary import label

translate = QCoreApplication.translate


# The counts a backup holds (as `phr check` names them) that are a section of the record on their own.
COUNTED_SECTIONS = {"diagnoses": Section.DIAGNOSES, "contacts": Section.CARE_TEAM, "medications": Section.MEDICATIONS,
                    "appointments": Section.APPOINTMENTS, "questions": Section.QUESTIONS,
                    "documents": Section.DOCUMENTS, "readings": Section.MONITORING,
                    "vaccinations": Section.VACCINATIONS, "procedures": Section.PROCEDURES}


def section_label(name: str) -> str:
    """What a count of the backup is of: a section by its name, or a part of one."""
    return label(COUNTED_SECTIONS[name]) if name in COUNTED_SECTIONS else {
        "allergies": translate("RestoreDialog", "Allergies"),
        "goals": translate("RestoreDialog", "Goals"),
        "evaluations": translate("RestoreDialog", "Evaluations of goals"),
        "diary": translate("RestoreDialog", "Diary and notes"),
    }.get(name, name)


def restore_error_text(error: Exception, confirming: bool) -> str:
    """Why the backup could not be checked or restored; every text says that nothing changed."""
    if isinstance(error, errors.WrongSecret) and confirming:
        return translate("RestoreDialog", "The record in this folder does not open with the same passphrase or "
                                          "code, so Regie cannot make a backup of it first. Nothing was changed. "
                                          "Restore into a new folder instead.")
    if isinstance(error, errors.WrongSecret):
        return translate("RestoreDialog", "This passphrase or recovery code does not open this backup. Check "
                                          "Caps Lock and try again. Nothing was changed.")
    if isinstance(error, errors.RecordFromNewerVersion):
        return translate("RestoreDialog", "This backup was made with a newer version of Regie. Update Regie to "
                                          "restore it. Nothing was changed.")
    if isinstance(error, BackupDamaged):
        return translate("RestoreDialog", "This file is not a Regie backup, or it is damaged. Nothing was changed. "
                                          "Try another backup.")
    if isinstance(error, errors.RecordExists):
        return translate("RestoreDialog", "This folder holds other files. Choose a new, empty folder, or the "
                                          "folder of a record to replace. Nothing was changed.")
    return error_message(error)
