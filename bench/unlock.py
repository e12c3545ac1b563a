"""Unlocking a record costs the key derivation and little else.

Baseline: one raw Argon2id derivation with the parameters this machine chose.
Measured: the whole unlock (read both key files, derive, unwrap, open SQLCipher,
check the key, settings read back, schema check), then lock.
"""

import os
import tempfile
from pathlib import Path

from bench.common import Result, median_seconds
from phr.access import records
from phr.storage.keys import kdf
from phr.storage.keys.files import KeyFiles

PASSPHRASE = "benchmark passphrase with several words"
LIMIT = 1.25


def run() -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bench.regie"
        records.create_record(folder, "Bench", PASSPHRASE).session.lock()  # timed parameters, as users get
        params = KeyFiles(folder).load().ring.slot_of_kind("owner").kdf.argon2
        baseline = median_seconds(lambda: kdf.argon2id(PASSPHRASE.encode(), os.urandom(16), params))
        measured = median_seconds(lambda: records.unlock_with_passphrase(folder, PASSPHRASE).lock())
    notes = [f"Argon2id chosen here: {params.memory_kib // 1024} MiB, {params.iterations} passes, "
             f"{params.lanes} lanes; unlock takes {measured:.2f} s (target 0.5-1 s)"]
    return Result("unlock", measured, baseline, LIMIT, notes)
