"""Review findings on backups and locking, each kept from coming back."""

import hashlib
import subprocess
import tarfile

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.backup import backups
from phr.storage import backups as files
from phr.storage.errors import BackupDamaged


def test_a_sparse_member_is_not_a_backup_even_with_a_recomputed_checksum(new_record, tmp_path):
    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    real = backups.make_backup(session, tmp_path / "real.regiebackup").path
    session.lock()
    work = tmp_path / "craft"
    work.mkdir()
    with tarfile.open(real) as archive:
        for name in files.MEMBERS[:3]:
            (work / name).write_bytes(archive.extractfile(name).read())
    with open(work / files.RECORD, "r+b") as db:
        db.truncate(64 * 1024 * 1024)  # claims 64 MiB, holds a few pages: it would expand on extraction
    raw = tmp_path / "raw.tar"
    subprocess.run(["tar", "--format=gnu", "--sparse", "-cf", str(raw), "-C", str(work), *files.MEMBERS[:3]],
                   check=True)
    with tarfile.open(raw) as archive:
        archive.getmembers()
        end = archive.offset
    body = raw.read_bytes()[:end]
    info = files._member_info(files.CHECKSUM, 65)
    info.offset, info.offset_data = end, end + 512
    tail = info.tobuf(files.TAR_FORMAT, tarfile.ENCODING, "surrogateescape")
    tail += (hashlib.sha256(body).hexdigest() + "\n").encode().ljust(512, b"\0")
    forged = tmp_path / "forged.regiebackup"
    forged.write_bytes(body + tail + b"\0" * (files._archive_end(info) - len(body) - len(tail)))
    with pytest.raises(BackupDamaged):
        files.unpack(forged, tmp_path / "staging")
    assert not (tmp_path / "staging").exists()


def test_brackets_in_a_folder_name_are_a_name_not_a_pattern(tmp_path):
    target = tmp_path / "Anna [1].regie"
    (tmp_path / ".Anna 1.regie.replaced-99999999").mkdir()  # another record's leftover
    assert files.recover_interrupted_swap(target) is False and not target.exists()
    (tmp_path / ".Anna [1].regie.replaced-0a1b2c3d").mkdir()  # its own
    assert files.recover_interrupted_swap(target) is True and target.exists()


def test_locking_drops_the_key_even_when_the_database_is_busy(new_record):
    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    other = session.second_session()
    other.db.execute("BEGIN IMMEDIATE")  # another connection holds the write lock: the purge cannot run
    try:
        session.lock()
    finally:
        other.db.execute("ROLLBACK")
        other.lock()
    assert not session.is_open
    with pytest.raises(RuntimeError, match="locked"):  # a locked session holds nobody's name or key
        session.author


def test_a_key_change_saved_meanwhile_is_not_overwritten(new_record, monkeypatch):
    from phr.access import keys
    from phr.storage.errors import KeysChanged
    from phr.storage.keys import change as keychange
    from phr.storage.keys import slots as keyslots
    from phr.storage.keys.kdf import MINIMUM

    folder, old_code = new_record
    first = records.unlock_with_passphrase(folder, PASSPHRASE)
    second = records.unlock_with_recovery_code(folder, old_code)
    real_seal, shown = keyslots.seal, []

    def seal_while_another_window_changes_the_code(*args, **kwargs):
        if not shown:  # while the first change derives its key, the other window makes a new recovery code
            monkeypatch.setattr(keychange.keyslots, "seal", real_seal)
            shown.append(keys.new_recovery_code(second))
        return real_seal(*args, **kwargs)

    monkeypatch.setattr(keychange.keyslots, "seal", seal_while_another_window_changes_the_code)
    try:
        with pytest.raises(KeysChanged):
            keys.change_passphrase(first, "another fine passphrase orbit lemon", argon2=MINIMUM)
    finally:
        first.lock()
        second.lock()
    records.unlock_with_recovery_code(folder, shown[0]).lock()  # the code that was shown works
    records.unlock_with_passphrase(folder, PASSPHRASE).lock()   # and the passphrase did not change
