"""A record made by a carer for someone they care for: the record is that person's, and the carer works in it
under their own name from the first entry.

The record gets an owner passphrase that nobody is told (random, never stored or shown), a carer key slot with
the carer's own passphrase (phr.access.carers), and is then opened again with that passphrase, so the session
is the carer's: what they enter says they entered it. The owner's way in is the recovery code the wizard shows
last: with it the owner gets a passphrase of their own (Forgot your passphrase?), and only the owner can add or
remove carers. If the carer's slot cannot be added or opened, the record just made is taken away again: nobody
has been shown its recovery code, so nobody could open it.
"""

import secrets
import shutil
from pathlib import Path

from phr.access import carers, records
from phr.access import passphrase as passphrases
from phr.access.records import MAX_NAME_LENGTH, WEAKNESS_TEXT, CreatedRecord
from phr.core.errors import InvalidInput, WeakPassphrase
from phr.ui.app.record_actions import CreateRecord, Unlock


def create_for_someone(create: CreateRecord, folder: Path, person_name: str, carer_name: str, passphrase: str,
                       unlock: Unlock = records.unlock_with_passphrase) -> CreatedRecord:
    """`person_name`'s record at `folder`, open as the carer `carer_name`; the recovery code opens it as owner."""
    carer_name = " ".join(carer_name.split())
    _check(person_name, carer_name, passphrase)  # before anything is made
    created = create(folder, person_name, secrets.token_urlsafe(32))
    try:
        argon2 = created.session.vault.slot.kdf.argon2  # as timed for this record a moment ago
        carers.add_carer(created.session, carer_name, passphrase, argon2)
        created.session.lock()
        return CreatedRecord(unlock(Path(folder), passphrase), created.recovery_code)
    except BaseException:
        created.session.lock()  # nothing happens when it is locked already
        shutil.rmtree(folder, ignore_errors=True)  # made a moment ago, empty, and nobody has its recovery code
        raise


def _check(person_name: str, carer_name: str, passphrase: str) -> None:
    if not carer_name or len(carer_name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"A carer's name must be 1 to {MAX_NAME_LENGTH} characters.")
    assessment = passphrases.assess(passphrase, (person_name, carer_name))
    if not assessment.acceptable:
        reasons = "; ".join(WEAKNESS_TEXT[problem] for problem in assessment.problems)
        raise WeakPassphrase(f"The passphrase is too easy to guess: {reasons}.")
