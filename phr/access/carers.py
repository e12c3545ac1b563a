"""Carers: people who unlock the record with a passphrase of their own and write in it under their name.

One service for the command line (`phr keys DIR list|add-carer NAME|remove NAME`) and
the UI. A carer's name lives only in the encrypted record (the authors table); the key
file knows the carer by slot id alone. Only the owner (or whoever holds the recovery
code) may add or remove carers. Removing one rotates the data key
(phr.storage.keys.rotation), so their passphrase opens nothing new, even with an old copy
of the key files.
"""

from collections.abc import Callable
from dataclasses import dataclass

from phr.access import passphrase as passphrases
from phr.access import recovery_code
from phr.access.keys import OwnerOnly
from phr.access.records import MAX_NAME_LENGTH, WEAKNESS_TEXT
from phr.access.session import RecordSession
from phr.core.clock import utc_now
from phr.core.errors import InvalidInput, VaultError, WeakPassphrase
from phr.core.vocabulary import SlotKind
from phr.storage.keys import change as keychange
from phr.storage.keys import kdf, rotation, slot_keys
from phr.storage.keys import slots as keyslots
from phr.storage.keys import slots_v1 as keyslots_v1
from phr.storage.keys.kdf import Argon2Params
from phr.storage.open_vault import OpenVault
from phr.storage.repos.people import AuthorRepository


class CarerNotFound(VaultError):
    """No carer with that name or key id (or more than one with that name)."""


class RecordClosed(VaultError):
    """After a carer's removal the record could not be opened again here, so it was locked."""

    def __init__(self, removed: bool):
        super().__init__("The record could not be opened again after the key change and was locked. "
                         + ("The carer was removed. " if removed else "Nothing was changed. ")
                         + "Open the record again.")
        self.removed = removed


@dataclass(frozen=True)
class Carer:
    name: str
    slot_id: str
    added_at: str  # UTC, ISO 8601


@dataclass(frozen=True)
class CarerAdded:
    carer: Carer
    new_recovery_code: str | None  # formatted, to show once: a record from before carers needed a new one


@dataclass(frozen=True)
class RemovalResult:
    carer: Carer
    finished: bool  # False: the key files are completed at the next unlock (record.db is re-encrypted)


def carers(session: RecordSession) -> list[Carer]:
    """Every carer who holds a key slot now, oldest first."""
    in_ring = {slot.slot_id for slot in session.vault.ring.slots if slot.kind == SlotKind.CARER}
    rows = AuthorRepository(session.db).carers_with_slots()
    return [Carer(name, slot_id, added) for name, slot_id, added in rows if slot_id in in_ring]


def add_carer(session: RecordSession, name: str, passphrase: str, argon2: Argon2Params | None = None) -> CarerAdded:
    """A key slot for the carer's own passphrase, and an author row so their entries name them.

    The author row comes first: a slot without one would let the carer write as the owner.
    A record from before carers existed (version-1 key file) first gets the owner key in
    the same write: the owner's slot keeps its passphrase, and the recovery code is replaced
    by a new one (returned, to show once), because the old code's slot can only be given the
    owner key by someone who has that code.
    """
    opened = _owner_vault(session)
    name = _checked_name(session, name)
    _check_passphrase(session, name, passphrase)
    params = argon2 or kdf.calibrate()
    upgrade, code = _owner_key_upgrade(opened)
    owner_key = opened.owner_key if upgrade is None else upgrade.owner_key
    if owner_key is None:  # _owner_key_upgrade returns None only when the vault holds the owner key
        raise RuntimeError("no owner key")
    with passphrases.secret_of(passphrase) as secret:
        slot = keyslots.seal(opened.ring.record_id, SlotKind.CARER, secret, opened.data_key, params,
                             owner_private=owner_key)
    authors = AuthorRepository(session.db)
    added_at = utc_now()
    authors.add_carer_with_slot(slot.slot_id, name, added_at)
    try:
        keychange.add_slot(opened, slot, upgrade.slots if upgrade else None)
    except BaseException:
        authors.detach_slot(slot.slot_id)  # never used: the carer could not unlock with it
        raise
    if upgrade is not None:
        opened.keys = upgrade.keys
    return CarerAdded(Carer(name, slot.slot_id, added_at), code)


@dataclass(frozen=True)
class _Upgrade:
    owner_key: bytes
    slots: dict[keyslots.KeySlot, keyslots.KeySlot]  # old slot -> version-2 slot
    keys: keyslots.SlotKeys


def _owner_key_upgrade(opened: OpenVault) -> tuple[_Upgrade | None, str | None]:
    """Nothing for a version-2 record; for a version-1 one, both owner slots with a new owner key."""
    if opened.owner_key is not None:
        return None, None
    if opened.slot.kind != SlotKind.OWNER or opened.keys is None or opened.slot.version != 1:
        raise OwnerOnly("To add the first carer, open the record with the owner's passphrase. Nothing was changed.")
    record_id = opened.ring.record_id
    if not keyslots_v1.kek_opens(record_id, opened.slot, opened.keys.kek):  # the passphrase changed in this session
        raise OwnerOnly("Lock the record, open it again with the owner's passphrase, then add the carer. "
                        "Nothing was changed.")
    owner_key = slot_keys.new_pair()[0]
    code = recovery_code.generate()
    slots = {opened.slot: keyslots.upgraded(record_id, opened.slot, opened.keys, owner_key)}
    recovery = opened.ring.slot_of_kind(SlotKind.RECOVERY)
    if recovery is not None:
        slots[recovery] = keyslots.seal(record_id, SlotKind.RECOVERY, code.secret, opened.data_key,
                                        owner_private=owner_key)
    keys = keyslots.SlotKeys(data_key=opened.data_key, next_key=None, kek=opened.keys.kek, owner_private=owner_key)
    return _Upgrade(owner_key, slots, keys), code.formatted if recovery is not None else None


def remove_carer(session: RecordSession, slot_id_or_name: str) -> RemovalResult:
    """Take the carer's slot away and rotate the data key; what they wrote keeps their name.

    Raises CarerNotFound, OwnerOnly, KeyNotRotatable, RecordInUse, KeysChanged (nothing changed),
    StorageFull / StorageUnavailable (see rotation.rotate for the one case where the change began).
    """
    opened = _owner_vault(session)
    carer = _find(carers(session), slot_id_or_name)
    known = {c.slot_id for c in carers(session)}
    rotated = rotation.rotate(opened, carer.slot_id, known)
    AuthorRepository(session.db).detach_slot(carer.slot_id)  # session.db: rotation may have reopened it
    return RemovalResult(carer, rotated.finished)


class Removal:
    """A carer's removal with the re-encryption on a worker thread (seconds for a large record).

    On the session's thread: `start_removal` (checks, then the connection is handed over), later
    `finish()`, also when `run` failed: the session gets its connection back under whatever key
    record.db has. On the worker: `run(before)`, where `before()` may make a backup first over a
    connection of its own and return the text saying why it could not (then nothing changes).
    """

    def __init__(self, session: RecordSession, carer: Carer, known: set[str]):
        self.carer, self._session, self._known = carer, session, known
        self._worker = rotation.detach(session.vault)
        self._rotated: rotation.Rotated | None = None

    def run(self, before: Callable[[], str | None] | None = None) -> str | None:
        problem = before() if before is not None else None
        if problem is None:
            self._rotated = rotation.rotate_detached(self._worker, self.carer.slot_id, self._known)
        return problem

    def finish(self) -> RemovalResult | None:
        """The removal's result, or None when `run` did not rotate (it failed or was stopped by `before`).

        Raises RecordClosed when the record cannot be opened again here (the disk filled up, the folder
        went away): a session without its connection must not stay open with the key in memory.
        """
        try:
            rotation.reattach(self._session.vault, self._worker)
        except (VaultError, OSError):
            self._session.lock()
            raise RecordClosed(self._rotated is not None) from None
        if self._rotated is None:
            return None
        AuthorRepository(self._session.db).detach_slot(self.carer.slot_id)
        return RemovalResult(self.carer, self._rotated.finished)


def removable(session: RecordSession, slot_id_or_name: str) -> Carer:
    """The carer this session may remove; OwnerOnly or CarerNotFound otherwise (before any work)."""
    _owner_vault(session)
    return _find(carers(session), slot_id_or_name)


def start_removal(session: RecordSession, slot_id_or_name: str) -> Removal:
    """Checks as `remove_carer` does, then hands the record to a worker (see Removal)."""
    carer = removable(session, slot_id_or_name)
    return Removal(session, carer, {c.slot_id for c in carers(session)})


def _owner_vault(session: RecordSession) -> OpenVault:
    opened = session.vault  # RuntimeError when locked
    if opened.slot.kind == SlotKind.CARER:
        raise OwnerOnly("Only the owner of the record can add or remove carers. Nothing was changed.")
    return opened


def _checked_name(session: RecordSession, name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"A carer's name must be 1 to {MAX_NAME_LENGTH} characters.")
    if any(c.name.casefold() == name.casefold() for c in carers(session)):
        raise InvalidInput("There is already a carer with this name. Choose a name that tells them apart.")
    return name


def _check_passphrase(session: RecordSession, name: str, passphrase: str) -> None:
    assessment = passphrases.assess(passphrase, (session.person_name(), name))
    if not assessment.acceptable:
        reasons = "; ".join(WEAKNESS_TEXT[problem] for problem in assessment.problems)
        raise WeakPassphrase(f"The passphrase is too easy to guess: {reasons}.")


def _find(present: list[Carer], slot_id_or_name: str) -> Carer:
    wanted = " ".join(slot_id_or_name.split()).casefold()
    by_id = [c for c in present if c.slot_id == wanted]
    matches = by_id or [c for c in present if c.name.casefold() == wanted]
    if len(matches) != 1:
        raise CarerNotFound("No single carer with that name or key id. Nothing was changed.")
    return matches[0]
