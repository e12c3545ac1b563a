"""How a record is unlocked: a new passphrase, a new recovery code.

One service for the command line (`phr passwd`) and the UI. Both work on an open
session, unlocked with the passphrase that is being replaced, or with the
recovery code when the passphrase is forgotten. Only the key files change (the
database is not rewritten), and a crash at any moment leaves the record opening
with the old secret or the new one, never neither (see phr.storage.keys.change).
"""

from dataclasses import dataclass

from phr.access import passphrase as passphrases
from phr.access import recovery_code
from phr.access.records import WEAKNESS_TEXT
from phr.access.recovery_code import RecoveryCode
from phr.access.session import RecordSession
from phr.core.errors import VaultError, WeakPassphrase, WrongSecret
from phr.core.vocabulary import SlotKind
from phr.storage.errors import KeysChanged  # noqa: F401 (re-exported for the UI)
from phr.storage.keys import change as keychange
from phr.storage.keys import kdf
from phr.storage.keys import slots as keyslots
from phr.storage.keys.kdf import Argon2Params
from phr.storage.open_vault import OpenVault


class OwnerOnly(VaultError):
    """Only the owner of the record, or whoever holds its recovery code, may do this."""


@dataclass(frozen=True)
class PassphraseChanged:
    kind: SlotKind  # whose passphrase changed: the owner or a carer
    both_copies: bool  # False: keys.bak.json still holds the old ring; the next unlock repairs it


def check_new_passphrase(session: RecordSession, passphrase: str) -> None:
    """Raise WeakPassphrase unless `passphrase` passes the rules a new record's passphrase must pass.

    The names of the person and of whoever is unlocking count as personal words.
    """
    personal = (session.person_name(), session.author.name)
    assessment = passphrases.assess(passphrase, personal)
    if not assessment.acceptable:
        reasons = "; ".join(WEAKNESS_TEXT[problem] for problem in assessment.problems)
        raise WeakPassphrase(f"The passphrase is too easy to guess: {reasons}.")


def change_passphrase(session: RecordSession, new_passphrase: str,
                      argon2: Argon2Params | None = None) -> PassphraseChanged:
    """Give the unlocking person's slot a new passphrase; the session stays open.

    Unlocked with a passphrase, that person's own passphrase changes (owner or carer); unlocked
    with the recovery code, the owner's. The recovery code and the other slots keep working.
    `argon2` defaults to parameters timed on this machine, as for a new record. Raises
    WeakPassphrase (nothing changed), StorageFull or StorageUnavailable (nothing changed), or
    KeysChanged when another program changed the keys since this session was unlocked.
    """
    opened = _vault_of(session)
    check_new_passphrase(session, new_passphrase)  # before the timing run: refusing should be quick
    params = argon2 or kdf.calibrate()
    with passphrases.secret_of(new_passphrase) as secret:
        change = keychange.change_passphrase(opened, secret, params)
    return PassphraseChanged(change.slot.kind, change.both_copies)


def check_current_passphrase(session: RecordSession, passphrase: str) -> None:
    """Raise WrongSecret unless `passphrase` opens the very slot this session was unlocked with.

    Asked before a change, so nobody at an unlocked, unattended computer can change it. Only
    the key slot is tried (one key derivation, seconds at most): no second unlock, which would
    open the database again and end the open session's undo window for deletions on locking.
    """
    opened = _vault_of(session)
    if opened.slot.kind == SlotKind.RECOVERY:
        raise WrongSecret("This session was opened with the recovery code, not with a passphrase.")
    with passphrases.secret_of(passphrase) as secret:
        keyslots.unwrap(opened.ring.record_id, opened.slot, secret)


def asks_current_passphrase(session: RecordSession) -> bool:
    """False when the session was opened with the recovery code: the passphrase may be forgotten."""
    return _vault_of(session).slot.kind != SlotKind.RECOVERY


def may_make_recovery_code(session: RecordSession) -> bool:
    """Only the owner, or a session opened with the recovery code itself: a carer would hold the owner's key."""
    return _vault_of(session).slot.kind != SlotKind.CARER


def prepare_recovery_code() -> RecoveryCode:
    """A new recovery code, not stored anywhere yet: show it first, then `commit_recovery_code`.

    Until the commit the old code keeps working, so a crash or a cancel before the new code was
    written down never leaves a code that nobody has seen.
    """
    return recovery_code.generate()


def commit_recovery_code(session: RecordSession, prepared: RecoveryCode) -> None:
    """Make `prepared` the recovery code: from now on the old code no longer opens the record.

    Raises OwnerOnly for a carer, StorageFull or StorageUnavailable (nothing changed), or
    KeysChanged when another program changed the keys since this session was unlocked.
    """
    opened = _vault_of(session)
    if not may_make_recovery_code(session):
        raise OwnerOnly("Only the owner of the record can make a new recovery code. Nothing was changed.")
    keychange.replace_recovery_code(opened, prepared.secret)


def new_recovery_code(session: RecordSession) -> str:
    """Replace the recovery code at once; returns the new one, formatted, to show once (it is not stored).

    For scripts and tests; the UI shows the code before it commits it (`prepare_recovery_code`).
    """
    prepared = prepare_recovery_code()
    commit_recovery_code(session, prepared)
    return prepared.formatted


def _vault_of(session: RecordSession) -> OpenVault:
    return session.vault  # RuntimeError when locked
