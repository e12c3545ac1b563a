"""The record services the windows use, passed in so tests can use fast key derivation; and the session
behind the services a window was given."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from phr.access import records
from phr.access.records import CreatedRecord
from phr.access.session import RecordSession
from phr.demo import sample_record as demo
from phr.record.services import RecordServices

CreateRecord = Callable[[Path, str, str], CreatedRecord]  # folder, name, passphrase
Unlock = Callable[[Path, str], RecordSession]  # folder, passphrase or recovery code
CreateSample = Callable[[Path], RecordSession]  # folder; the sample record, open


@dataclass(frozen=True)
class RecordActions:
    create: CreateRecord = records.create_record
    unlock: Unlock = records.unlock_with_passphrase
    unlock_with_recovery_code: Unlock = records.unlock_with_recovery_code
    create_sample: CreateSample = demo.create_sample_record


def record_session(services: RecordServices) -> RecordSession:
    """The unlocked record the services work on. Windows get the services of a record opened here, never
    those of a second session (work on another thread); keys, carers and backups need the record itself."""
    session = services.session
    if not isinstance(session, RecordSession):
        raise TypeError("a window needs the services of a record unlocked in this app")
    return session
