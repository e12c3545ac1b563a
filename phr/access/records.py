"""Create and unlock records: the one service behind both the command line and the UI."""

from dataclasses import dataclass
from pathlib import Path

from phr.access import passphrase as passphrases
from phr.access import recovery_code
from phr.access.session import RecordSession
from phr.core.clock import utc_now
from phr.core.errors import InvalidInput, WeakPassphrase
from phr.core.vocabulary import SlotKind
from phr.storage import vault
from phr.storage.keys import kdf
from phr.storage.keys.kdf import Argon2Params

MAX_NAME_LENGTH = 200
WEAKNESS_TEXT = {
    "too_short": f"use at least {passphrases.MIN_LENGTH} characters",
    "common": "it is a very common password",
    "repetitive": "it repeats characters or patterns",
    "personal": "it is built from the name",
}


@dataclass(frozen=True)
class CreatedRecord:
    session: RecordSession
    recovery_code: str  # formatted, shown to the user once and never stored


def create_record(folder: Path, name: str, passphrase: str, argon2: Argon2Params | None = None) -> CreatedRecord:
    """A new record at `folder`. `argon2` defaults to parameters timed on this machine."""
    name = name.strip()
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"The name is longer than {MAX_NAME_LENGTH} characters.")
    assessment = passphrases.assess(passphrase, (name,))
    if not assessment.acceptable:
        reasons = "; ".join(WEAKNESS_TEXT[problem] for problem in assessment.problems)
        raise WeakPassphrase(f"The passphrase is too easy to guess: {reasons}.")
    vault.refuse_existing(Path(folder))  # before the timing run: refusing should be quick
    code = recovery_code.generate()
    params = argon2 or kdf.calibrate()
    with passphrases.secret_of(passphrase) as secret:
        opened = vault.create(folder, name, secret, code.secret, params, utc_now())
    return CreatedRecord(RecordSession(opened), code.formatted)


def unlock_with_passphrase(folder: Path, passphrase: str, verify_first: bool = False) -> RecordSession:
    with passphrases.secret_of(passphrase) as secret:
        opened = vault.unlock(folder, secret, verify_first=verify_first)
    return RecordSession(opened)


def unlock_with_recovery_code(folder: Path, code_text: str, verify_first: bool = False) -> RecordSession:
    code = recovery_code.parse(code_text)  # a typing error is reported before any slot is tried
    return RecordSession(vault.unlock(folder, code.secret, kinds=(SlotKind.RECOVERY,), verify_first=verify_first))
