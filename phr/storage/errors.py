"""Errors of the vault.

Messages are plain English for the command line and never contain health data
(no names, no values): only paths the user gave us and technical facts. The UI
maps each class to its own translated text.
"""


class VaultError(Exception):
    """Base class of every error the vault raises on purpose."""


class RecordMissing(VaultError):
    """There is no record at the given place."""


class RecordExists(VaultError):
    """A record (or other files) already exists where a new one would go."""


class WrongSecret(VaultError):
    """The passphrase or recovery code does not open this record."""


class RecordDamaged(VaultError):
    """A file of the record is damaged, truncated, or not what it should be."""


class RecordFromNewerVersion(RecordDamaged):
    """The record was written by a newer version of Regie."""


class CryptoUnavailable(VaultError):
    """SQLCipher or Argon2id is missing; we refuse to run without them."""


class StorageFull(VaultError):
    """The disk is full."""


class StorageUnavailable(VaultError):
    """The folder is read-only, or the files cannot be read or written."""


class ConstraintViolation(VaultError):
    """A write broke one of the schema's rules; nothing was written."""


class KeysChanged(VaultError):
    """The key file changed after this record was opened (in another window or program)."""


class BackupDamaged(RecordDamaged):
    """A backup file is damaged, truncated, or not a Regie backup at all."""


class SlotLimit(VaultError):
    """The key file holds as many slots as it may."""


class KeyNotRotatable(VaultError):
    """A slot of an older version cannot receive a new data key without its secret."""


class RecordInUse(VaultError):
    """Another connection (window, program, import) has the record open; it cannot be re-encrypted now."""


class BackupStopped(Exception):
    """A backup was stopped on request (the record is being locked); nothing of it was kept."""
