"""The record services the windows use, passed in so tests can use fast key derivation; and the session
behind the services a window was given.

The record's own code (phr.access, and through it the storage with numpy) is imported when a record is first
created or unlocked, not when this module is: the start window is shown before any of it loads (issue 20).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phr.access.keys import PassphraseChanged
    from phr.access.records import CreatedRecord
    from phr.access.session import RecordSession
    from phr.record.services import RecordServices
    from phr.storage.keys.kdf import Argon2Params

CreateRecord = Callable[[Path, str, str], "CreatedRecord"]  # folder, name, passphrase
Unlock = Callable[[Path, str], "RecordSession"]  # folder, passphrase or recovery code
CreateSample = Callable[[Path], "RecordSession"]  # folder; the sample record, open


def create_record(folder: Path, name: str, passphrase: str) -> "CreatedRecord":
    from phr.access import records

    return records.create_record(folder, name, passphrase)


def unlock_with_passphrase(folder: Path, passphrase: str) -> "RecordSession":
    from phr.access import records

    return records.unlock_with_passphrase(folder, passphrase)


def unlock_with_recovery_code(folder: Path, code: str) -> "RecordSession":
    from phr.access import records

    return records.unlock_with_recovery_code(folder, code)


def change_passphrase(session: "RecordSession", new_passphrase: str,
                      argon2: "Argon2Params | None" = None) -> "PassphraseChanged":
    """phr.access.keys.change_passphrase (the recovery dialog's, from the start window)."""
    from phr.access import keys

    return keys.change_passphrase(session, new_passphrase, argon2)


def create_sample_record(folder: Path) -> "RecordSession":
    from phr.demo import sample_record

    return sample_record.create_sample_record(folder)


@dataclass(frozen=True)
class RecordActions:
    create: CreateRecord = create_record
    unlock: Unlock = unlock_with_passphrase
    unlock_with_recovery_code: Unlock = unlock_with_recovery_code
    create_sample: CreateSample = create_sample_record


def record_session(services: "RecordServices") -> "RecordSession":
    """The unlocked record the services work on. Windows get the services of a record opened here, never
    those of a second session (work on another thread); keys, carers and backups need the record itself."""
    from phr.access.session import RecordSession

    session = services.session
    if not isinstance(session, RecordSession):
        raise TypeError("a window needs the services of a record unlocked in this app")
    return session
