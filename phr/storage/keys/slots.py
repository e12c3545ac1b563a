"""Key slots: the one random data key of a record, wrapped once per way to unlock it.

Each slot derives a key-encryption key (KEK) from a secret (owner or carer
passphrase: Argon2id; recovery code: HKDF). A version-1 slot wraps the 256-bit data
key under it with AES-256-GCM. A version-2 slot wraps an X25519 private key under it
instead, and the data key is sealed to the public half (phr.storage.keys.slot_keys), so a
new data key can be handed to the slot without its secret (removing a carer rotates
the key), and the sealing is authenticated by the owner key, which only the owner's
and the recovery code's slots hold (see slot_keys for why). Everything that describes the slot (record, slot id, kind, KDF and its
parameters, public key) is bound into the GCM associated data, so changing any of it
makes the slot fail to open instead of opening with weaker settings.
"""

import hashlib
import json
import os
import secrets
from dataclasses import dataclass, replace
from typing import TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from phr.storage.errors import RecordFromNewerVersion, WrongSecret
from phr.storage.keys import kdf, slot_keys
from phr.storage.keys.checked_json import (
    KeyFileInvalid,
    b64,
    canonical,
    expect,
    hex_text,
    mapping,
    one_of,
    parse,
    unb64,
    whole_number,
)
from phr.storage.keys.secret import Secret
from phr.storage.keys.slot_keys import Sealed
from phr.storage.vocabulary import KdfName, SlotKind

FORMAT = "regie-keys"
VERSION = 2  # 2: slots with a key pair (and "next" sealings while a rotation is under way)
SLOT_V1_FIELDS = {"id", "kind", "kdf", "nonce", "wrapped_key"}
SLOT_V2_FIELDS = SLOT_V1_FIELDS | {"public_key", "sealed"}
KINDS = tuple(SlotKind)
OWNER_KINDS = (SlotKind.OWNER, SlotKind.RECOVERY)  # the slots that hold the owner key
ARGON2ID = KdfName.ARGON2ID
HKDF_SHA256 = KdfName.HKDF_SHA256
DATA_KEY_BYTES = 32
PRIVATE_PART_BYTES = 64  # version 2: the slot's private key and its anchor
NONCE_BYTES = 12
SALT_BYTES = 16
MAX_SLOTS = 32
MAX_SEQUENCE = 2**53
T = TypeVar("T")


@dataclass(frozen=True)
class KdfSpec:
    name: KdfName
    salt: bytes
    argon2: kdf.Argon2Params | None = None  # with ARGON2ID only

    def as_dict(self) -> dict[str, str | int]:
        spec: dict[str, str | int] = {"name": self.name, "salt": b64(self.salt)}
        if self.argon2 is not None:
            spec.update(
                memory_kib=self.argon2.memory_kib,
                iterations=self.argon2.iterations,
                lanes=self.argon2.lanes,
            )
        return spec

    def derive(self, secret: Secret) -> bytes:
        if self.name == ARGON2ID:
            return kdf.argon2id(secret, self.salt, _present(self.argon2))
        return kdf.hkdf_sha256(secret, self.salt, b"regie recovery code")


@dataclass(frozen=True)
class KeySlot:
    slot_id: str
    kind: SlotKind
    kdf: KdfSpec
    nonce: bytes
    wrapped_key: bytes  # version 1: the data key; version 2: the slot's X25519 private key
    public_key: bytes | None = None  # None: a version-1 slot
    sealed: Sealed | None = None  # version 2: the data key, sealed to public_key
    next_sealed: Sealed | None = None  # a rotation under way: the new data key, sealed to public_key

    @property
    def version(self) -> int:
        return 1 if self.public_key is None else 2

    def as_dict(self) -> dict[str, object]:
        item: dict[str, object] = {
            "id": self.slot_id,
            "kind": self.kind,
            "kdf": self.kdf.as_dict(),
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped_key),
        }
        if self.public_key is not None:
            item.update(public_key=b64(self.public_key), sealed=_sealed_dict(_present(self.sealed)))
        if self.next_sealed is not None:
            item["next"] = _sealed_dict(self.next_sealed)
        return item


@dataclass(frozen=True)
class SlotKeys:
    """What a secret opens in its slot."""

    data_key: bytes
    next_key: bytes | None  # the new data key of a rotation under way
    kek: bytes  # kept so a version-1 owner slot can get its key pair without a second Argon2id run
    private_part: bytes | None = None  # version 2: the slot's private key and its anchor (see _split)
    owner_private: bytes | None = None  # the owner key: only in the owner's and the recovery code's slots


@dataclass(frozen=True)
class KeyRing:
    """The content of keys.json: every slot of one record, with a sequence number."""

    record_id: str
    sequence: int
    slots: tuple[KeySlot, ...]

    def slot_of_kind(self, kind: SlotKind) -> KeySlot | None:
        return next((slot for slot in self.slots if slot.kind == kind), None)

    @property
    def owner(self) -> KeySlot:
        """The owner's slot: every ring has exactly one (from_json checks it)."""
        return _present(self.slot_of_kind(SlotKind.OWNER))

    @property
    def rotating(self) -> bool:
        """A data-key rotation was started and not yet finished (see phr.storage.keys.rotation)."""
        return any(slot.next_sealed is not None for slot in self.slots)

    def replacing(self, kind: SlotKind, slot: KeySlot) -> "KeyRing":
        """A ring where `slot` takes the place of the (single) slot of `kind`."""
        kept = tuple(s for s in self.slots if s.kind != kind)
        return KeyRing(self.record_id, self.sequence, kept + (slot,))


def new_record_id() -> str:
    return secrets.token_hex(16)


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def seal(record_id: str, kind: SlotKind, secret: Secret, data_key: bytes, argon2: kdf.Argon2Params | None = None,
         slot_id: str | None = None, *, owner_private: bytes) -> KeySlot:
    """A version-2 slot for `secret` holding `data_key`, sealed with the owner key `owner_private`.

    Recovery slots use HKDF, the others Argon2id. Owner and recovery slots carry the
    owner's private key; a carer's slot carries only its public half, to check sealings.
    Pass the old `slot_id` when re-wrapping for the same person (a new passphrase):
    entries in the record refer to their author by slot id.
    """
    if kind not in KINDS or len(data_key) != DATA_KEY_BYTES or len(owner_private) != slot_keys.KEY_BYTES:
        raise ValueError("invalid key slot request")
    spec = _new_kdf_spec(kind, argon2)
    private, public = slot_keys.new_pair()
    anchor = owner_private if kind in OWNER_KINDS else slot_keys.public_of(owner_private)
    slot = _wrapped_slot(record_id, slot_id or secrets.token_hex(8), kind, spec, spec.derive(secret),
                         private + anchor, public)
    return replace(slot, sealed=slot_keys.seal(public, data_key, _sealing_data(record_id, slot, "data key"),
                                               owner_private))


def rewrapped(record_id: str, slot: KeySlot, secret: Secret, private_part: bytes,
              argon2: kdf.Argon2Params | None = None) -> KeySlot:
    """The same version-2 slot (key pair, sealings, id) opening with a new `secret`.

    No sealing is made, so a carer can change their own passphrase without the owner key.
    """
    spec = _new_kdf_spec(slot.kind, argon2)
    fresh = _wrapped_slot(record_id, slot.slot_id, slot.kind, spec, spec.derive(secret), private_part,
                          _present(slot.public_key))
    return replace(fresh, sealed=slot.sealed, next_sealed=slot.next_sealed)


def upgraded(record_id: str, slot: KeySlot, keys: SlotKeys, owner_private: bytes) -> KeySlot:
    """Version 2 of a version-1 slot just opened: same id, KDF and salt (so the same secret), a key pair."""
    private, public = slot_keys.new_pair()
    anchor = owner_private if slot.kind in OWNER_KINDS else slot_keys.public_of(owner_private)
    fresh = _wrapped_slot(record_id, slot.slot_id, slot.kind, slot.kdf, keys.kek, private + anchor, public)
    return replace(fresh, sealed=slot_keys.seal(public, keys.data_key, _sealing_data(record_id, fresh, "data key"),
                                                owner_private))


def _new_kdf_spec(kind: SlotKind, argon2: kdf.Argon2Params | None) -> KdfSpec:
    if kind == SlotKind.RECOVERY:
        return KdfSpec(HKDF_SHA256, os.urandom(SALT_BYTES))
    return KdfSpec(ARGON2ID, os.urandom(SALT_BYTES), (argon2 or kdf.MINIMUM).check())


def _wrapped_slot(record_id: str, slot_id: str, kind: SlotKind, spec: KdfSpec, kek: bytes, private_part: bytes,
                  public: bytes) -> KeySlot:
    aad = _private_key_data(record_id, slot_id, kind, spec, public)
    nonce, wrapped = slot_keys.wrap_private(kek, private_part, aad)
    return KeySlot(slot_id, kind, spec, nonce, wrapped, public)


def with_next(record_id: str, slot: KeySlot, next_key: bytes, owner_private: bytes) -> KeySlot:
    """`slot` also holding `next_key`, sealed to its public key: only the owner key is needed."""
    if slot.public_key is None or len(next_key) != DATA_KEY_BYTES:
        raise ValueError("only a version-2 slot can receive a new data key")
    return replace(slot, next_sealed=slot_keys.seal(slot.public_key, next_key,
                                                    _sealing_data(record_id, slot, "next data key"), owner_private))


def promoted(record_id: str, slot: KeySlot, new_key: bytes, owner_private: bytes) -> KeySlot:
    """The rotation is done: `new_key` (every slot's next key) becomes the data key of `slot`."""
    if slot.public_key is None:
        return slot  # rotation refuses version-1 slots; only a hand-made key file gets here
    sealed = slot_keys.seal(slot.public_key, new_key, _sealing_data(record_id, slot, "data key"), owner_private)
    return replace(slot, sealed=sealed, next_sealed=None)


def unwrap(record_id: str, slot: KeySlot, secret: Secret) -> bytes:
    """The data key, or WrongSecret when `secret` (or anything about the slot) does not match."""
    return open_slot(record_id, slot, secret).data_key


def open_slot(record_id: str, slot: KeySlot, secret: Secret) -> SlotKeys:
    """The data key (and the next one, during a rotation); WrongSecret when anything does not match."""
    kek = slot.kdf.derive(secret)
    if slot.public_key is None:
        aad = _associated_data(record_id, slot.slot_id, slot.kind, slot.kdf)
        try:
            return SlotKeys(data_key=AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, aad), next_key=None, kek=kek)
        except InvalidTag:
            raise WrongSecret("The passphrase or code does not open this record.") from None
    aad = _private_key_data(record_id, slot.slot_id, slot.kind, slot.kdf, slot.public_key)
    private_part = slot_keys.unwrap_private(kek, slot.nonce, slot.wrapped_key, aad)
    private, owner_private, owner_public = _split(slot.kind, private_part)

    def open_part(sealed: Sealed, part: str) -> bytes:
        return slot_keys.open_sealed(private, owner_public, sealed, _sealing_data(record_id, slot, part))

    data_key = open_part(_present(slot.sealed), "data key")
    next_key = open_part(slot.next_sealed, "next data key") if slot.next_sealed is not None else None
    return SlotKeys(data_key=data_key, next_key=next_key, kek=kek, private_part=private_part,
                    owner_private=owner_private)


def _present(part: T | None) -> T:
    """A part every slot of its version has (a version-2 slot's public key and sealed data key)."""
    if part is None:
        raise ValueError("this key slot lacks a part its version has")
    return part


def _split(kind: SlotKind, private_part: bytes) -> tuple[bytes, bytes | None, bytes]:
    """(slot private key, owner private key or None, owner public key) from a slot's encrypted part.

    The second half is the slot's anchor: the owner's private key in owner and recovery
    slots, its public key in a carer's. Inside the encrypted part, nobody without the
    slot's secret can swap it for a key of their own.
    """
    private, anchor = private_part[:slot_keys.KEY_BYTES], private_part[slot_keys.KEY_BYTES:]
    if kind in OWNER_KINDS:
        return private, anchor, slot_keys.public_of(anchor)
    return private, None, anchor


def _associated_data(record_id: str, slot_id: str, kind: SlotKind, spec: KdfSpec) -> bytes:
    """Version-1 slots: bound to version 1 for good, whatever the file's version."""
    bound = {"format": FORMAT, "version": 1, "record_id": record_id,
             "slot_id": slot_id, "kind": kind, "kdf": spec.as_dict()}
    return canonical(bound)


def _private_key_data(record_id: str, slot_id: str, kind: SlotKind, spec: KdfSpec, public: bytes) -> bytes:
    bound = {"format": FORMAT, "version": 2, "part": "private key", "record_id": record_id,
             "slot_id": slot_id, "kind": kind, "kdf": spec.as_dict(), "public_key": b64(public)}
    return canonical(bound)


def _sealing_data(record_id: str, slot: KeySlot, part: str) -> bytes:
    # Not the KDF: a new passphrase re-wraps the private key but keeps the sealings (see rewrapped).
    bound = {"format": FORMAT, "version": 2, "part": part, "record_id": record_id, "slot_id": slot.slot_id,
             "kind": slot.kind, "public_key": b64(_present(slot.public_key))}
    return canonical(bound)


# --- the file format -------------------------------------------------------------------------

def to_json(ring: KeyRing) -> bytes:
    doc: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "record_id": ring.record_id,
        "sequence": ring.sequence,
        "slots": [slot.as_dict() for slot in ring.slots],
    }
    doc["sha256"] = hashlib.sha256(canonical(doc)).hexdigest()
    return json.dumps(doc, indent=2, sort_keys=True).encode("ascii") + b"\n"


def from_json(raw: bytes) -> KeyRing:
    """Parse and check a key file; any flaw raises KeyFileInvalid."""
    doc = parse(raw)
    expect(doc.get("format") == FORMAT)
    version = whole_number(doc.get("version"), 1)
    if version > VERSION:  # before the checksum: a newer format may check itself differently
        raise RecordFromNewerVersion("The key file was written by a newer version of Regie.")
    checksum = doc.pop("sha256", None)
    expect(isinstance(checksum, str) and checksum == hashlib.sha256(canonical(doc)).hexdigest())
    expect(set(doc) == {"format", "version", "record_id", "sequence", "slots"})
    record_id = hex_text(doc["record_id"], 32)
    sequence = whole_number(doc["sequence"], 1, MAX_SEQUENCE)
    slots = doc["slots"]
    if not isinstance(slots, list) or not 1 <= len(slots) <= MAX_SLOTS:
        raise KeyFileInvalid("malformed key file")
    ring = KeyRing(record_id, sequence, tuple(_slot_from_dict(mapping(s), version) for s in slots))
    _check_slot_set(ring)
    return ring


def _slot_from_dict(item: dict[str, object], file_version: int) -> KeySlot:
    fields = set(item) - {"next"}
    expect(fields == SLOT_V1_FIELDS or (file_version >= 2 and fields == SLOT_V2_FIELDS))
    slot_id = hex_text(item["id"], 16)
    kind = SlotKind(one_of(item["kind"], KINDS))
    spec = _kdf_from_dict(mapping(item["kdf"]), kind)
    nonce = unb64(item["nonce"], NONCE_BYTES)
    if fields == SLOT_V1_FIELDS:
        slot = KeySlot(slot_id, kind, spec, nonce, unb64(item["wrapped_key"], DATA_KEY_BYTES + 16))
        expect("next" not in item)  # a rotation needs a key pair to seal to
        return slot
    wrapped = unb64(item["wrapped_key"], PRIVATE_PART_BYTES + 16)
    slot = KeySlot(slot_id, kind, spec, nonce, wrapped)
    next_sealed = _sealed_from_dict(item["next"]) if "next" in item else None
    return replace(slot, public_key=unb64(item["public_key"], slot_keys.KEY_BYTES),
                   sealed=_sealed_from_dict(item["sealed"]), next_sealed=next_sealed)


def _sealed_dict(sealed: Sealed) -> dict[str, str]:
    return {"ephemeral": b64(sealed.ephemeral), "nonce": b64(sealed.nonce), "ciphertext": b64(sealed.ciphertext)}


def _sealed_from_dict(value: object) -> Sealed:
    item = mapping(value)
    expect(set(item) == {"ephemeral", "nonce", "ciphertext"})
    return Sealed(unb64(item["ephemeral"], slot_keys.KEY_BYTES), unb64(item["nonce"], NONCE_BYTES),
                  unb64(item["ciphertext"], DATA_KEY_BYTES + 16))


def _kdf_from_dict(spec: dict[str, object], kind: SlotKind) -> KdfSpec:
    salt = unb64(spec.get("salt"), SALT_BYTES)
    if kind == SlotKind.RECOVERY:
        expect(set(spec) == {"name", "salt"} and spec["name"] == HKDF_SHA256)
        return KdfSpec(HKDF_SHA256, salt)
    expect(set(spec) == {"name", "salt", "memory_kib", "iterations", "lanes"})
    expect(spec["name"] == ARGON2ID)
    params = kdf.Argon2Params(*(whole_number(spec[name], 0) for name in ("memory_kib", "iterations", "lanes")))
    expect(params.within_limits())
    return KdfSpec(ARGON2ID, salt, params)


def _check_slot_set(ring: KeyRing) -> None:
    ids = [slot.slot_id for slot in ring.slots]
    kinds = [slot.kind for slot in ring.slots]
    expect(len(set(ids)) == len(ids))
    expect(kinds.count(SlotKind.OWNER) == 1 and kinds.count(SlotKind.RECOVERY) <= 1)
    # Never a mix: version 2 replaces both owner slots in one write, and carers are version 2 from the
    # start. A version-1 slot in a version-2 ring is an old slot put back (it would open an old data key).
    expect(len({slot.version for slot in ring.slots}) == 1)
