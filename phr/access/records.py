"""Create and unlock records: the one service behind both the command line and the UI.

A record opens read-only when it cannot be written or must not be (phr.storage.read_only.ReadOnly):
reading, checking and exporting work, every save says why it cannot. Where the record is (a synced
folder, beside a sync service's conflict copies, on read-only media) is said once when it opens:
`record_place` tells, `place_notes` says it in a line each for the command line.
"""

from dataclasses import dataclass
from pathlib import Path

from phr.access import passphrase as passphrases
from phr.access import recovery_code
from phr.access.session import RecordSession
from phr.core.clock import utc_now
from phr.core.errors import InvalidInput, WeakPassphrase
from phr.core.vocabulary import SlotKind
from phr.storage import sync_folders, vault
from phr.storage.keys import kdf
from phr.storage.keys.kdf import Argon2Params
from phr.storage.read_only import ReadOnly
from phr.storage.sync_folders import Sign, SyncedPlace

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


# --- where the record is -----------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordPlace:
    """What a person should know about where their record is; said when it opens."""

    synced: SyncedPlace | None  # a sync service seems to keep the folder in step between computers
    conflict_copies: tuple[str, ...]  # names of a sync service's conflict copies in the record folder
    read_only: ReadOnly | None  # why the record is open read-only (None: it can be changed)


def record_place(session: RecordSession) -> RecordPlace:
    folder = session.folder
    return RecordPlace(sync_folders.synced_place(folder), tuple(sync_folders.conflict_copies(folder)),
                       session.db.read_only)


def place_notes(place: RecordPlace) -> list[str]:
    """A line for each thing to know, in English, for the command line (not errors: the command goes on)."""
    notes = []
    if place.conflict_copies:
        notes.append(f"The record folder holds a conflict copy made by a sync service ({', '.join(place.conflict_copies)}): "
                     "the record was changed on two computers at once, and what the other one saved is in the "
                     "copy. The record is open read-only; move the copy out of the folder to change it again.")
    elif place.read_only is ReadOnly.MEDIA:
        notes.append("The record is read-only (its folder or files cannot be written): it can be viewed, checked and "
                     "exported, not changed.")
    if place.synced is not None:
        notes.append(f"The record is in a folder that {place.synced.service} seems to synchronise "
                     f"({_sign_of(place.synced)}). Opened on two computers, a record splits into conflict copies: "
                     "keep the record on one computer, and put its automatic backups in the synced folder instead.")
    return notes


def _sign_of(place: SyncedPlace) -> str:
    if place.sign is Sign.MARK:
        return f"{place.root} holds {place.detail}"
    if place.sign is Sign.SETTINGS:
        return f"{place.service}'s settings name {place.root}"
    return f"the folder {place.root}"
