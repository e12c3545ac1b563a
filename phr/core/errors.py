"""Errors the services raise on purpose. Messages are plain English and never hold health data."""

# Re-exported: callers above storage import every error from this one place.
from phr.storage.computer_lock import OpenOnAnotherComputer
from phr.storage.database import RecordBusy
from phr.storage.errors import (
    ConstraintViolation,
    CryptoUnavailable,
    KeyNotRotatable,
    KeysChanged,
    RecordDamaged,
    RecordExists,
    RecordFromNewerVersion,
    RecordInUse,
    RecordMissing,
    SlotLimit,
    StorageFull,
    StorageUnavailable,
    VaultError,
    WrongSecret,
)
from phr.storage.read_only import ReadOnly, RecordReadOnly

__all__ = [
    "ConstraintViolation",
    "CryptoUnavailable",
    "KeyNotRotatable",
    "KeysChanged",
    "RecordDamaged",
    "RecordExists",
    "RecordFromNewerVersion",
    "RecordInUse",
    "RecordMissing",
    "SlotLimit",
    "StorageFull",
    "StorageUnavailable",
    "VaultError",
    "WrongSecret",
    "MistypedRecoveryCode",
    "WeakPassphrase",
    "InvalidInput",
    "OpenOnAnotherComputer",
    "ReadOnly",
    "RecordBusy",
    "RecordReadOnly",
]


class MistypedRecoveryCode(VaultError):
    """The recovery code has a typing error (its check character does not match)."""


class WeakPassphrase(VaultError):
    """The passphrase is too easy to guess to protect a health record."""


class InvalidInput(VaultError):
    """A value the user gave cannot be stored as it is."""
