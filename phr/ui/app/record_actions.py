"""The record services the windows use, passed in so tests can use fast key derivation."""

from dataclasses import dataclass
from typing import Callable

from phr.access import records
from phr.demo import sample_record as demo


@dataclass(frozen=True)
class RecordActions:
    create: Callable = records.create_record
    unlock: Callable = records.unlock_with_passphrase
    unlock_with_recovery_code: Callable = records.unlock_with_recovery_code
    create_sample: Callable = demo.create_sample_record
