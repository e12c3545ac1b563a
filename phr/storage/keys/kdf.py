"""Key derivation for key slots: Argon2id for passphrases, HKDF for random recovery codes.

Argon2id parameters are chosen per record by timing this machine (about 0.5-1 s
to unlock). Parameters read from a key file (keys.json, keys.bak.json, a backup's)
must lie inside the range that timing can choose, before any derivation runs, so a
damaged or hostile file can neither weaken the KDF nor make us spend gigabytes and
tens of seconds per attempt.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from phr.storage.errors import CryptoUnavailable, RecordDamaged
from phr.storage.keys.secret import Secret

try:  # Argon2id arrived in cryptography 44; without it we refuse to run.
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
except ImportError:  # pragma: no cover - depends on the installed library
    ARGON2_AVAILABLE = False
else:
    ARGON2_AVAILABLE = True

KEY_LENGTH = 32
# The range calibrate() itself can choose; settings read from a key file must lie inside it, else the
# file is damaged (or forged): a forged 4 GiB x 4 passes cost 22-43 s and 4.2 GB per attempt before
# the slot's GCM tag could refuse it. Memory grows first, up to 1 GiB (about 4 s here, 1.5-3 s on a
# fast desktop); a 4th pass only on a machine that does 1 GiB x 3 passes in under 0.7 s (none does
# today). Lanes are always 4; fewer cost no more and are allowed.
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MAX_CALIBRATED_MEMORY_KIB = MAX_MEMORY_KIB
MIN_ITERATIONS = 3
MAX_ITERATIONS = 4
MIN_LANES = 1
MAX_LANES = 4
# Memory x passes: the most one unlock may cost (1 GiB with 4 passes, a few seconds on a slow laptop).
MAX_COST_KIB_PASSES = MAX_MEMORY_KIB * MAX_ITERATIONS
TARGET_SECONDS = 0.7  # the middle of the 0.5-1 s DESIGN.md asks for
STEP_KIB = 32 * 1024


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int

    def within_limits(self) -> bool:
        """False for parameters that are too weak or absurdly expensive."""
        limits = (
            (self.memory_kib, MIN_MEMORY_KIB, MAX_MEMORY_KIB),
            (self.iterations, MIN_ITERATIONS, MAX_ITERATIONS),
            (self.lanes, MIN_LANES, MAX_LANES),
        )
        return all(type(value) is int and low <= value <= high for value, low, high in limits) and (
            self.memory_kib * self.iterations <= MAX_COST_KIB_PASSES)

    def check(self) -> "Argon2Params":
        if not self.within_limits():
            raise RecordDamaged("The key file holds key-derivation settings outside the safe limits.")
        return self


MINIMUM = Argon2Params(memory_kib=MIN_MEMORY_KIB, iterations=MIN_ITERATIONS, lanes=4)


def require_argon2() -> None:
    if not ARGON2_AVAILABLE:
        raise CryptoUnavailable(
            "Argon2id is not available: install cryptography 44 or newer. Regie will not use a weaker method."
        )


def argon2id(secret: Secret, salt: bytes, params: Argon2Params) -> bytes:
    require_argon2()
    params.check()
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    # Typed bytes, but it reads any buffer: a bytearray passphrase is not copied into an unwipeable bytes.
    return kdf.derive(secret)  # type: ignore[arg-type]


def hkdf_sha256(secret: Secret, salt: bytes, info: bytes) -> bytes:
    """For recovery codes: they carry >=128 random bits, so a slow KDF adds nothing."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LENGTH, salt=salt, info=info).derive(secret)


def calibrate(target_seconds: float = TARGET_SECONDS, clock: Callable[[], float] = time.perf_counter) -> Argon2Params:
    """Argon2id settings that take about `target_seconds` on this machine.

    Memory is what makes guessing on graphics cards expensive, so it is what grows.
    Argon2id time is close to linear in memory: time a run big enough to measure,
    then scale to the target (in steps of 32 MiB). Only on a machine so fast that
    1 GiB is still quick do the passes go up.
    """
    params = MINIMUM
    elapsed = _time_once(params, clock)
    while elapsed < target_seconds / 3 and params.memory_kib * 2 <= MAX_CALIBRATED_MEMORY_KIB:
        params = Argon2Params(params.memory_kib * 2, params.iterations, params.lanes)
        elapsed = _time_once(params, clock)
    scaled = int(params.memory_kib * target_seconds / max(elapsed, 1e-3)) // STEP_KIB * STEP_KIB
    memory = max(MIN_MEMORY_KIB, min(scaled, MAX_CALIBRATED_MEMORY_KIB))
    passes = params.iterations
    if scaled > MAX_CALIBRATED_MEMORY_KIB:
        passes = math.ceil(passes * scaled / MAX_CALIBRATED_MEMORY_KIB)
        passes = min(passes, MAX_ITERATIONS, MAX_COST_KIB_PASSES // memory)
    return Argon2Params(memory, passes, params.lanes)


def _time_once(params: Argon2Params, clock: Callable[[], float]) -> float:
    started = clock()
    argon2id(b"calibration", b"\0" * 16, params)
    return clock() - started
