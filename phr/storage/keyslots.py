"""Key slots: the one random data key of a record, wrapped once per way to unlock it.

Each slot wraps the 256-bit data key with AES-256-GCM under a key-encryption key
derived from a secret (owner or carer passphrase: Argon2id; recovery code: HKDF).
Everything that describes the slot (record, slot id, kind, KDF and its
parameters) is bound into the GCM associated data, so changing any of it makes
the slot fail to open instead of opening with weaker settings.
"""

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from phr.storage import kdf
from phr.storage.errors import RecordFromNewerVersion, WrongSecret

FORMAT = "regie-keys"
VERSION = 1
KINDS = ("owner", "recovery", "carer")
ARGON2ID = "argon2id"
HKDF_SHA256 = "hkdf-sha256"
DATA_KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
MAX_SLOTS = 32
MAX_SEQUENCE = 2**53


class KeyFileInvalid(ValueError):
    """A key file that is not a complete, well-formed Regie key file (never shown to users)."""


@dataclass(frozen=True)
class KdfSpec:
    name: str
    salt: bytes
    argon2: kdf.Argon2Params | None = None

    def as_dict(self) -> dict:
        spec = {"name": self.name, "salt": _b64(self.salt)}
        if self.argon2 is not None:
            spec.update(
                memory_kib=self.argon2.memory_kib,
                iterations=self.argon2.iterations,
                lanes=self.argon2.lanes,
            )
        return spec

    def derive(self, secret: bytes) -> bytes:
        if self.name == ARGON2ID:
            return kdf.argon2id(secret, self.salt, self.argon2)
        return kdf.hkdf_sha256(secret, self.salt, b"regie recovery code")


@dataclass(frozen=True)
class KeySlot:
    slot_id: str
    kind: str
    kdf: KdfSpec
    nonce: bytes
    wrapped_key: bytes

    def as_dict(self) -> dict:
        return {
            "id": self.slot_id,
            "kind": self.kind,
            "kdf": self.kdf.as_dict(),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }


@dataclass(frozen=True)
class KeyRing:
    """The content of keys.json: every slot of one record, with a sequence number."""

    record_id: str
    sequence: int
    slots: tuple[KeySlot, ...]

    def slot_of_kind(self, kind: str) -> KeySlot | None:
        return next((slot for slot in self.slots if slot.kind == kind), None)

    def replacing(self, kind: str, slot: KeySlot) -> "KeyRing":
        """A ring where `slot` takes the place of the (single) slot of `kind`."""
        kept = tuple(s for s in self.slots if s.kind != kind)
        return KeyRing(self.record_id, self.sequence, kept + (slot,))


def new_record_id() -> str:
    return secrets.token_hex(16)


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def seal(record_id: str, kind: str, secret: bytes, data_key: bytes,
         argon2: kdf.Argon2Params | None = None, slot_id: str | None = None) -> KeySlot:
    """Wrap `data_key` under `secret`. Recovery slots use HKDF, the others Argon2id.

    Pass the old `slot_id` when re-wrapping for the same person (a new passphrase):
    entries in the record refer to their author by slot id.
    """
    if kind not in KINDS or len(data_key) != DATA_KEY_BYTES:
        raise ValueError("invalid key slot request")
    if kind == "recovery":
        spec = KdfSpec(HKDF_SHA256, os.urandom(SALT_BYTES))
    else:
        spec = KdfSpec(ARGON2ID, os.urandom(SALT_BYTES), (argon2 or kdf.MINIMUM).check())
    slot_id = slot_id or secrets.token_hex(8)
    nonce = os.urandom(NONCE_BYTES)
    aad = _associated_data(record_id, slot_id, kind, spec)
    wrapped = AESGCM(spec.derive(secret)).encrypt(nonce, data_key, aad)
    return KeySlot(slot_id, kind, spec, nonce, wrapped)


def unwrap(record_id: str, slot: KeySlot, secret: bytes) -> bytes:
    """The data key, or WrongSecret when `secret` (or anything about the slot) does not match."""
    aad = _associated_data(record_id, slot.slot_id, slot.kind, slot.kdf)
    try:
        return AESGCM(slot.kdf.derive(secret)).decrypt(slot.nonce, slot.wrapped_key, aad)
    except InvalidTag:
        raise WrongSecret("The passphrase or code does not open this record.") from None


def _associated_data(record_id: str, slot_id: str, kind: str, spec: KdfSpec) -> bytes:
    bound = {"format": FORMAT, "version": VERSION, "record_id": record_id,
             "slot_id": slot_id, "kind": kind, "kdf": spec.as_dict()}
    return _canonical(bound)


# --- the file format -------------------------------------------------------------------------

def to_json(ring: KeyRing) -> bytes:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "record_id": ring.record_id,
        "sequence": ring.sequence,
        "slots": [slot.as_dict() for slot in ring.slots],
    }
    doc["sha256"] = hashlib.sha256(_canonical(doc)).hexdigest()
    return json.dumps(doc, indent=2, sort_keys=True).encode("ascii") + b"\n"


def from_json(raw: bytes) -> KeyRing:
    """Parse and check a key file; any flaw raises KeyFileInvalid."""
    doc = _parse(raw)
    _expect(doc.get("format") == FORMAT)
    version = doc.get("version")
    _expect(type(version) is int and version >= 1)
    if version > VERSION:  # before the checksum: a newer format may check itself differently
        raise RecordFromNewerVersion("The key file was written by a newer version of Regie.")
    checksum = doc.pop("sha256", None)
    _expect(isinstance(checksum, str) and checksum == hashlib.sha256(_canonical(doc)).hexdigest())
    _expect(set(doc) == {"format", "version", "record_id", "sequence", "slots"})
    record_id, sequence, slots = doc["record_id"], doc["sequence"], doc["slots"]
    _expect(_is_hex(record_id, 32))
    _expect(type(sequence) is int and 1 <= sequence <= MAX_SEQUENCE)
    _expect(isinstance(slots, list) and 1 <= len(slots) <= MAX_SLOTS)
    ring = KeyRing(record_id, sequence, tuple(_slot_from_dict(s) for s in slots))
    _check_slot_set(ring)
    return ring


def _parse(raw: bytes) -> dict:
    _expect(isinstance(raw, bytes) and 0 < len(raw) <= 256 * 1024)
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise KeyFileInvalid("not JSON") from None
    _expect(isinstance(doc, dict))
    return doc


def _slot_from_dict(item) -> KeySlot:
    _expect(isinstance(item, dict) and set(item) == {"id", "kind", "kdf", "nonce", "wrapped_key"})
    _expect(_is_hex(item["id"], 16) and item["kind"] in KINDS)
    spec = _kdf_from_dict(item["kdf"], item["kind"])
    nonce = _unb64(item["nonce"], NONCE_BYTES)
    wrapped = _unb64(item["wrapped_key"], DATA_KEY_BYTES + 16)
    return KeySlot(item["id"], item["kind"], spec, nonce, wrapped)


def _kdf_from_dict(spec, kind: str) -> KdfSpec:
    _expect(isinstance(spec, dict))
    salt = _unb64(spec.get("salt"), SALT_BYTES)
    if kind == "recovery":
        _expect(set(spec) == {"name", "salt"} and spec["name"] == HKDF_SHA256)
        return KdfSpec(HKDF_SHA256, salt)
    _expect(set(spec) == {"name", "salt", "memory_kib", "iterations", "lanes"})
    _expect(spec["name"] == ARGON2ID)
    params = kdf.Argon2Params(spec["memory_kib"], spec["iterations"], spec["lanes"])
    _expect(params.within_limits())
    return KdfSpec(ARGON2ID, salt, params)


def _check_slot_set(ring: KeyRing) -> None:
    ids = [slot.slot_id for slot in ring.slots]
    kinds = [slot.kind for slot in ring.slots]
    _expect(len(set(ids)) == len(ids))
    _expect(kinds.count("owner") == 1 and kinds.count("recovery") <= 1)


def _expect(condition: bool) -> None:
    if not condition:
        raise KeyFileInvalid("malformed key file")


def _is_hex(value, length: int) -> bool:
    return isinstance(value, str) and len(value) == length and all(c in "0123456789abcdef" for c in value)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value, length: int) -> bytes:
    _expect(isinstance(value, str) and len(value) <= 4 * length)
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyFileInvalid("bad base64") from None
    _expect(len(data) == length)
    return data


def _canonical(doc: dict) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
