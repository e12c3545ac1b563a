"""The record services the windows use, passed in so tests can use fast key derivation."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from phr.access import records
from phr.access.records import CreatedRecord
from phr.access.session import RecordSession
from phr.demo import sample_record as demo

CreateRecord = Callable[[Path, str, str], CreatedRecord]  # folder, name, passphrase
Unlock = Callable[[Path, str], RecordSession]  # folder, passphrase or recovery code
CreateSample = Callable[[Path], RecordSession]  # folder; the sample record, open


@dataclass(frozen=True)
class RecordActions:
    create: CreateRecord = records.create_record
    unlock: Unlock = records.unlock_with_passphrase
    unlock_with_recovery_code: Unlock = records.unlock_with_recovery_code
    create_sample: CreateSample = demo.create_sample_record
