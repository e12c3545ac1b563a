"""Secrets held in bytearrays, so they can be overwritten when the record is locked.

Python's bytes and str cannot be changed in place: a key or passphrase in one stays in memory until
the interpreter happens to reuse it. A bytearray can be overwritten. So the secrets an open record
keeps for as long as it is open (phr.storage.open_vault) and the passphrase on its way to Argon2id
(phr.access.passphrase) are bytearrays, wiped as soon as they are not needed. What remains anyway
is listed in docs/security-memory.md.
"""

Secret = bytes | bytearray  # a passphrase's or recovery code's bytes on their way to the key derivation


def held(secret: bytes | bytearray | None) -> bytearray | None:
    """A bytearray copy of `secret` to keep (and wipe later); None stays None."""
    return bytearray(secret) if secret is not None else None


def wipe(buffer: bytearray | None) -> None:
    """Overwrite the buffer's own memory with zeros (same length: it is not moved or reallocated)."""
    if buffer is not None:
        buffer[:] = bytes(len(buffer))
