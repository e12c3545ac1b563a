"""Version-1 key slots: the data key wrapped directly under the key-encryption key.

Records made before carers existed have these. They keep opening (keyslots.open_slot);
they are only written for such a record's own passphrase or recovery code, because a
session opened by one holds no owner key to seal with (see keyslots and carers).
"""

import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from phr.storage.keys import kdf
from phr.storage.keys.secret import Secret
from phr.storage.keys.slots import DATA_KEY_BYTES, KINDS, NONCE_BYTES, KeySlot, _associated_data, _new_kdf_spec
from phr.storage.vocabulary import SlotKind


def seal(record_id: str, kind: SlotKind, secret: Secret, data_key: bytes,
         argon2: kdf.Argon2Params | None = None, slot_id: str | None = None) -> KeySlot:
    """A version-1 slot (the data key wrapped directly): only for records that have no owner key yet."""
    if kind not in KINDS or len(data_key) != DATA_KEY_BYTES:
        raise ValueError("invalid key slot request")
    spec = _new_kdf_spec(kind, argon2)
    slot_id = slot_id or secrets.token_hex(8)
    nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(spec.derive(secret)).encrypt(nonce, data_key, _associated_data(record_id, slot_id, kind, spec))
    return KeySlot(slot_id, kind, spec, nonce, wrapped)


def kek_opens(record_id: str, slot: KeySlot, kek: bytes) -> bool:
    """Whether `kek` is the key-encryption key of version-1 `slot` (no key derivation needed)."""
    try:
        AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, _associated_data(record_id, slot.slot_id, slot.kind, slot.kdf))
    except (InvalidTag, ValueError):
        return False
    return True
