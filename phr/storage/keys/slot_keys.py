"""The key pair of a version-2 key slot, and the data key sealed to its public half.

Each passphrase or recovery slot holds an X25519 key pair: the private key wrapped
(AES-256-GCM) under the slot's key-encryption key, the public key in clear. The data
key is sealed to the public key, so whoever rotates the data key (removing a carer)
can hand the new key to every remaining slot without knowing their secrets, and
someone who only had a removed slot learns neither the new key nor another slot's
private key.

Sealing is authenticated by the record's *owner key*, a static X25519 key pair: the
sealing key is HKDF over ECDH(ephemeral, slot) ‖ ECDH(owner, slot). Anyone can seal
to a public key, but only a holder of the owner's private key can seal one that
opens: the slot checks it with the owner's public key from inside its own encrypted
part, where nobody without the slot's secret can change it. So someone who can write
to the record folder (a removed carer, a sync service) cannot make a slot open a key
of their choosing. The owner's private key sits only in the owner's and the recovery
code's slots.
"""

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from phr.storage.errors import WrongSecret

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
SEAL_INFO = b"regie sealed data key v2, owner-authenticated"


@dataclass(frozen=True)
class Sealed:
    """One data key sealed to a slot's public key."""

    ephemeral: bytes  # the sender's one-time X25519 public key
    nonce: bytes
    ciphertext: bytes  # data key + GCM tag


def new_pair() -> tuple[bytes, bytes]:
    """(private, public), 32 raw bytes each."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), _public_bytes(private)


def public_of(private: bytes) -> bytes:
    return _public_bytes(X25519PrivateKey.from_private_bytes(private))


def wrap_private(kek: bytes, private: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """(nonce, ciphertext) of the private key under the slot's key-encryption key."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, private, aad)


def unwrap_private(kek: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, aad)
    except InvalidTag:
        raise WrongSecret("The passphrase or code does not open this record.") from None


def seal(public: bytes, data_key: bytes, aad: bytes, owner_private: bytes) -> Sealed:
    """`data_key` sealed to the slot with `public`, authenticated by the owner's private key."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_bytes(ephemeral)
    owner = X25519PrivateKey.from_private_bytes(owner_private)
    recipient = X25519PublicKey.from_public_bytes(public)
    shared = ephemeral.exchange(recipient) + owner.exchange(recipient)
    nonce = os.urandom(NONCE_BYTES)
    key = _sealing_key(shared, ephemeral_public, public, _public_bytes(owner))
    return Sealed(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, data_key, aad))


def open_sealed(private: bytes, owner_public: bytes, sealed: Sealed, aad: bytes) -> bytes:
    """The sealed data key; WrongSecret if anything was changed or the owner key did not seal it."""
    me = X25519PrivateKey.from_private_bytes(private)
    try:
        shared = (me.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
                  + me.exchange(X25519PublicKey.from_public_bytes(owner_public)))
        key = _sealing_key(shared, sealed.ephemeral, _public_bytes(me), owner_public)
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except (InvalidTag, ValueError):  # ValueError: an all-zero shared secret (a forged ephemeral key)
        raise WrongSecret("The passphrase or code does not open this record.") from None


def _sealing_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes, owner_public: bytes) -> bytes:
    # Every public key in the salt: the key belongs to this one exchange, this slot, this owner.
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES,
                salt=ephemeral_public + recipient_public + owner_public, info=SEAL_INFO).derive(shared)


def _public_bytes(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
