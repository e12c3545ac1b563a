"""Secrets in memory (issue 19, point 7): SQLCipher wipes what it frees, and Regie's own copies of the data
key, the slot's private keys and the passphrase are overwritten with zeros once they are not needed.

Python cannot promise more than that: docs/security-memory.md lists what stays (immutable copies made
on the way, text typed in the app). These tests hold on to the very buffers Regie keeps and look into
them after the lock, so a buffer that is merely dropped (and lingers in memory) fails them.
"""

import subprocess
import sys

import pytest
from conftest import FAST, PASSPHRASE

from phr.access import carers, keys, records
from phr.backup import backups
from phr.core.errors import WrongSecret
from phr.storage import vault
from phr.storage.keys import secret as secrets_module
from phr.storage.open_vault import OpenVault

CARER = "anna walks the dog along the dyke"


def _buffers(opened: OpenVault) -> list[bytearray]:
    """Every secret buffer the open record holds (the data key and what its slot opened)."""
    held = opened._keys
    assert held is not None
    found = [opened._data_key, held.data_key, held.kek, held.private_part, held.owner_private, held.next_key]
    return [buffer for buffer in found if buffer is not None]


def _all_zero(buffers: list[bytearray]) -> bool:
    return all(not any(buffer) for buffer in buffers)


@pytest.fixture
def record(template_record, tmp_path):
    return template_record.copy_to(tmp_path / "record.regie")


def test_locking_overwrites_the_data_key_and_the_private_keys(record):
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    opened = session.vault
    buffers = _buffers(opened)
    assert len(buffers) >= 4 and all(len(buffer) == 32 or len(buffer) == 64 for buffer in buffers[:3])
    assert not _all_zero(buffers) and bytes(opened._data_key) == opened.data_key
    session.lock()
    assert _all_zero(buffers)  # the same memory, now zeros: not just dropped
    assert opened.data_key == b"" and opened.keys is None and opened.owner_key is None


def test_a_copy_handed_out_is_not_the_held_buffer(record):
    """A caller's copy (a test's template, a backup on a pool thread) survives the lock; the buffer does not."""
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    copy, keys_copy = session.vault.data_key, session.vault.keys
    session.lock()
    assert len(copy) == 32 and any(copy) and keys_copy is not None and any(keys_copy.data_key)
    again = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        assert again.vault.data_key == copy
    finally:
        again.lock()


def test_the_passphrase_bytes_are_wiped_once_the_key_is_derived(record, monkeypatch):
    seen: list[bytearray] = []
    real_unlock = vault.unlock

    def unlock(folder, secret, *args, **kwargs):
        seen.append(secret)
        assert bytes(secret) == PASSPHRASE.encode()  # still there while it is used
        return real_unlock(folder, secret, *args, **kwargs)

    monkeypatch.setattr(vault, "unlock", unlock)
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        assert isinstance(seen[0], bytearray) and not any(seen[0])
    finally:
        session.lock()


def test_a_wrong_passphrase_is_wiped_too(record, monkeypatch):
    seen: list[bytearray] = []
    real_wipe = secrets_module.wipe

    def wipe(buffer):
        seen.append(buffer)
        real_wipe(buffer)

    monkeypatch.setattr("phr.access.passphrase.wipe", wipe)
    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(record, "not the passphrase at all, sorry")
    assert seen and not any(seen[-1]) and len(seen[-1]) == len("not the passphrase at all, sorry")


def test_a_restore_wipes_its_secret_when_done(record, tmp_path):
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        made = backups.make_backup(session, tmp_path / "b.regiebackup").path
    finally:
        session.lock()
    pending = backups.prepare_restore(made, tmp_path / "restored", backups.SecretKind.PASSPHRASE, PASSPHRASE)
    held = pending._secret
    assert bytes(held) == PASSPHRASE.encode()
    pending.confirm()
    assert not any(held)


def test_changing_the_passphrase_wipes_the_new_one(session, monkeypatch):
    seen: list[bytearray] = []
    real_wipe = secrets_module.wipe
    monkeypatch.setattr("phr.access.passphrase.wipe", lambda buffer: (seen.append(buffer), real_wipe(buffer)))
    keys.change_passphrase(session, "a brand new passphrase by the sea", FAST)
    assert seen and bytes(seen[-1]) == bytes(len(seen[-1])) and len(seen[-1]) > 20


def test_a_carer_removal_leaves_no_second_copy_of_the_keys(session):
    """The removal's worker gets copies of the keys; they are wiped when the session takes the keys back."""
    carers.add_carer(session, "Anna Bakker", CARER, FAST)
    removal = carers.start_removal(session, "Anna Bakker")
    worker = removal._worker
    worker_buffers = _buffers(worker)
    assert not _all_zero(worker_buffers)
    assert removal.run() is None
    assert removal.finish() is not None
    assert _all_zero(worker_buffers)
    assert len(session.vault.data_key) == 32 and any(session.vault.data_key)  # the session's own, unharmed
    assert carers.carers(session) == []


def test_sqlcipher_wipes_what_it_frees_once_a_record_is_open(record):
    """cipher_memory_security is one setting for the whole process: on after the first unlock."""
    code = f"""
import sqlcipher3
from phr.access import records
probe = sqlcipher3.connect(":memory:")
before = probe.execute("PRAGMA cipher_memory_security").fetchone()[0]
session = records.unlock_with_passphrase({str(record)!r}, {PASSPHRASE!r})
after = probe.execute("PRAGMA cipher_memory_security").fetchone()[0]
session.lock()
print(before, after)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "1"]
