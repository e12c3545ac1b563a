"""Plain-language messages for the errors the services raise (never health data)."""

from PySide6.QtCore import QCoreApplication

from phr.core import errors

translate = QCoreApplication.translate


def error_message(error: Exception) -> str:
    """A clear message for `error`, in the app's language."""
    if isinstance(error, errors.WrongSecret):
        return translate("Messages", "This passphrase does not open the record. Check Caps Lock and try again.")
    if isinstance(error, errors.MistypedRecoveryCode):
        return translate("Messages", "The recovery code has a typing error. Check every character and try again.")
    if isinstance(error, errors.RecordFromNewerVersion):
        return translate("Messages", "This record was made with a newer version of Regie. Update Regie to open it.")
    if isinstance(error, errors.RecordDamaged):
        return translate("Messages", "The record is damaged and cannot be opened safely. Restore it from a backup.")
    if isinstance(error, errors.RecordMissing):
        return translate("Messages", "There is no record in this folder. Was it moved or deleted?")
    if isinstance(error, errors.RecordExists):
        return translate("Messages", "This folder is not empty. Choose a new, empty folder for the record.")
    if isinstance(error, errors.WeakPassphrase):
        return translate("Messages", "This passphrase is too easy to guess. Choose a longer one.")
    if isinstance(error, errors.StorageFull):
        return translate("Messages", "Regie could not save: the disk is full. Nothing was changed.")
    if isinstance(error, errors.RecordReadOnly) and error.reason == errors.ReadOnly.CONFLICT:
        return translate("Messages", "This record is open read-only: your sync service made a conflict copy of its "
                                     "files. Move that copy out of the record folder to change the record again. "
                                     "Nothing was changed.")
    if isinstance(error, errors.RecordReadOnly):
        return translate("Messages", "This record is read-only (on a CD, a write-protected USB stick, or in a folder "
                                     "you may not change). You can view, check and export it, not change it. "
                                     "Nothing was changed.")
    if isinstance(error, errors.StorageUnavailable):
        return translate("Messages", "Regie could not read or write the record: the folder is read-only "
                                     "or not available. Nothing was changed.")
    if isinstance(error, (errors.KeysChanged, errors.KeyNotRotatable)):
        return translate("Messages", "The keys of this record were changed in another window or program after you "
                                     "opened it. Lock the record, open it again and try once more. Nothing was changed.")
    if isinstance(error, errors.OpenOnAnotherComputer):
        return translate("Messages", "This record is open on another computer. Close it there first; if that "
                                     "computer is off, wait 2 minutes and try again. Nothing was changed.")
    if isinstance(error, errors.RecordBusy):
        return translate("Messages", "The record is busy in another Regie window or program. Try again when it is "
                                     "done. Nothing was changed.")
    if isinstance(error, errors.RecordInUse):
        return translate("Messages", "The record is open elsewhere, or a backup or import is running. Wait until it "
                                     "is finished, or close it there, and try again. Nothing was changed.")
    if isinstance(error, errors.SlotLimit):
        return translate("Messages", "This record has as many carers as it can have. Remove one first.")
    if isinstance(error, errors.CryptoUnavailable):
        return translate("Messages", "The encryption parts of Regie are missing. Reinstall Regie.")
    if isinstance(error, errors.InvalidInput):
        return translate("Messages", "This cannot be saved as it is. Check what you typed.")
    if isinstance(error, PermissionError):
        return translate("Messages", "Regie may not write in this folder. Choose another folder.")
    if isinstance(error, OSError):
        return translate("Messages", "Regie could not read or write a file. Nothing was changed.")
    return translate("Messages", "Something went wrong. Nothing was changed.")
