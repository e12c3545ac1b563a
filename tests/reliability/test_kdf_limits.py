"""Forged key-derivation settings (issue 19, point 5): a key file or a backup asking Argon2id for more
than Regie itself would ever choose is damaged (exit 4), refused before any derivation runs.

Found by the attack: a keys.json (or a backup's) asking for 4 GiB x 4 passes was accepted and cost
22-43 s and 4.2 GB per attempt. The accepted range is what kdf.calibrate can choose: 64 MiB-1 GiB,
3-4 passes, 1-4 lanes.
"""

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FAST, PASSPHRASE

from phr.access import records
from phr.backup import backups
from phr.core.errors import RecordDamaged
from phr.storage import backups as backup_files
from phr.storage.backup_archive import member_reader, opened_archive, read_manifest
from phr.storage.errors import BackupDamaged
from phr.storage.keys import kdf
from phr.storage.keys import slots as keyslots
from phr.storage.keys.checked_json import KeyFileInvalid
from phr.storage.keys.files import BACKUP, PRIMARY, KeyFiles
from phr.storage.keys.slots import KeyRing
from phr.storage.vocabulary import SlotKind

GIB = 1024 * 1024  # in KiB
FORGED = kdf.Argon2Params(4 * GIB, 4, 4)  # the attack's: 22-43 s and 4.2 GB per attempt


class Derived(Exception):
    pass


@pytest.fixture
def no_derivation(monkeypatch):
    """Argon2id must not even be set up: its memory would be allocated before the tag is checked."""
    def refuse(**kwargs):
        raise Derived("Argon2id was constructed")

    monkeypatch.setattr(kdf, "Argon2id", refuse)


def _forged(ring: KeyRing, params: kdf.Argon2Params) -> bytes:
    """The key file with the owner's Argon2id settings changed and a correct checksum, as a forger writes it."""
    owner = ring.owner
    forged = replace(owner, kdf=replace(owner.kdf, argon2=params))
    return keyslots.to_json(ring.replacing(SlotKind.OWNER, forged))


@pytest.fixture
def record(template_record, tmp_path) -> Path:
    return template_record.copy_to(tmp_path / "record.regie")


def _phr(*args: object, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHR_")}
    env["PHR_PASSPHRASE"] = PASSPHRASE
    return subprocess.run([sys.executable, "-m", "phr", *map(str, args)], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("params", [
    FORGED,
    kdf.Argon2Params(GIB + 32 * 1024, 3, 4),   # just over 1 GiB
    kdf.Argon2Params(2 * GIB, 3, 4),
    kdf.Argon2Params(GIB, 5, 4),              # a 5th pass
    kdf.Argon2Params(64 * 1024, 32, 4),       # many passes on little memory
    kdf.Argon2Params(64 * 1024, 3, 8),        # more lanes than Regie uses
    kdf.Argon2Params(64 * 1024, 3, 16),
], ids=str)
def test_settings_beyond_what_regie_chooses_are_damage_before_any_derivation(no_derivation, record, params):
    ring = KeyFiles(record).load().ring
    for name in (PRIMARY, BACKUP):
        (record / name).write_bytes(_forged(ring, params))
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json((record / PRIMARY).read_bytes())
    before = {p.name: p.read_bytes() for p in record.iterdir() if p.is_file()}
    with pytest.raises(RecordDamaged):
        records.unlock_with_passphrase(record, PASSPHRASE)
    assert {p.name: p.read_bytes() for p in record.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("params", [
    kdf.MINIMUM,                              # every record the tests make, and the oldest records
    kdf.Argon2Params(64 * 1024, 3, 1),
    kdf.Argon2Params(GIB, 3, 4),              # the most calibrate chooses on any machine of today
    kdf.Argon2Params(GIB, 4, 4),              # ... and on a much faster one
], ids=str)
def test_settings_regie_itself_may_choose_are_read(no_derivation, record, params):
    ring = KeyFiles(record).load().ring
    assert keyslots.from_json(_forged(ring, params)).owner.kdf.argon2 == params


@pytest.mark.parametrize("seconds_per_gib", [0.05, 0.5, 3.0, 40.0])
def test_whatever_calibrate_chooses_is_read_back(monkeypatch, record, seconds_per_gib):
    """A record made on any machine opens: calibrate stays inside the range a key file may ask for."""
    monkeypatch.setattr(kdf, "_time_once", lambda params, clock: (
        seconds_per_gib * params.memory_kib / GIB * params.iterations / 3))
    chosen = kdf.calibrate()
    ring = KeyFiles(record).load().ring
    assert keyslots.from_json(_forged(ring, chosen)).owner.kdf.argon2 == chosen


def test_one_forged_copy_is_outvoted_by_the_other_and_repaired(record):
    ring = KeyFiles(record).load().ring
    (record / PRIMARY).write_bytes(_forged(ring, FORGED))
    session = records.unlock_with_passphrase(record, PASSPHRASE)  # keys.bak.json opens it (FAST settings)
    session.lock()
    assert keyslots.from_json((record / PRIMARY).read_bytes()).owner.kdf.argon2 == FAST


def test_phr_check_says_damaged_at_once(record):
    ring = KeyFiles(record).load().ring
    for name in (PRIMARY, BACKUP):
        (record / name).write_bytes(_forged(ring, FORGED))
    started = time.monotonic()
    result = _phr("check", record)
    took = time.monotonic() - started
    assert result.returncode == 4, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr and "damaged" in result.stderr
    assert took < 15  # the forged settings alone: 22-43 s; here Python's start-up is most of it


def _forged_backup(session, out: Path, params: kdf.Argon2Params) -> Path:
    made = backups.make_backup(session, out.with_name("real.regiebackup")).path
    ring = session.vault.ring
    with opened_archive(made) as tar:
        record_member = tar.getmembers()[2]
        backup_files.write_archive(out, read_manifest(made), _forged(ring, params),
                                   member_reader(made, tar, record_member), record_member.size)
    return out


def test_a_backup_with_forged_settings_is_damaged_before_any_derivation(record, tmp_path, monkeypatch):
    session = records.unlock_with_passphrase(record, PASSPHRASE)
    try:
        forged = _forged_backup(session, tmp_path / "forged.regiebackup", FORGED)
    finally:
        session.lock()
    monkeypatch.setattr(kdf, "Argon2id", lambda **kwargs: (_ for _ in ()).throw(Derived("constructed")))
    with pytest.raises(BackupDamaged):
        backups.prepare_restore(forged, tmp_path / "restored", backups.SecretKind.PASSPHRASE, PASSPHRASE)
    assert not (tmp_path / "restored").exists()
    monkeypatch.undo()
    result = _phr("restore", forged, tmp_path / "restored")
    assert result.returncode == 4 and result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "restored").exists()
