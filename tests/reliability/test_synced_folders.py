"""Issue 19, point 10: a record in a folder that a sync service keeps in step between computers.

- the folder is recognised (the service's marks, its settings, the names it gives its folders), and the
  risk is said once with the safe way;
- a sync service's conflict copies of record.db or the key files are said, and the record opens read-only
  until they are moved away;
- a second computer is refused while the first has the record open (in-use.json: computer and heartbeat),
  and takes over once the first's heartbeat is stale.
"""

import json
import os
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from phr.access import records
from phr.backup import backups
from phr.storage import computer_lock, record_locks
from phr.storage.computer_lock import IN_USE_FILE, OpenOnAnotherComputer
from phr.storage.errors import RecordInUse
from phr.storage.read_only import ReadOnly, RecordReadOnly
from phr.storage.sync_folders import Sign, SyncService, conflict_copies, synced_place
from phr.ui.app.settings import AppSettings


def place(folder: Path, home: Path, **environ: str):
    folder.mkdir(parents=True, exist_ok=True)
    return synced_place(folder, home=home, environ=environ)


# --- recognising a synced folder ---------------------------------------------------------------------

@pytest.mark.parametrize(("mark", "service"), [
    (".dropbox", SyncService.DROPBOX), (".stfolder", SyncService.SYNCTHING),
    ("._sync_5fa2c3e1d0.db", SyncService.NEXTCLOUD), (".sync_0a1b2c.db", SyncService.NEXTCLOUD),
    (".tmp.drivedownload", SyncService.GOOGLE_DRIVE),
])
def test_a_service_s_mark_in_a_folder_above_the_record_names_the_service(tmp_path, mark, service):
    root = tmp_path / "Shared stuff"
    root.mkdir()
    (root / mark).write_bytes(b"")
    found = place(root / "health" / "Anna.regie", tmp_path / "home")
    assert found is not None and (found.service, found.root, found.sign, found.detail) == (service, root, Sign.MARK, mark)


def test_onedrive_s_desktop_ini_in_utf_16_marks_its_folder(tmp_path):
    root = tmp_path / "Bestanden"
    root.mkdir()
    ini = "[.ShellClassInfo]\r\nIconResource=C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe,-101\r\n"
    (root / "desktop.ini").write_bytes(b"\xff\xfe" + ini.encode("utf-16-le"))
    found = place(root / "Documenten" / "Anna.regie", tmp_path / "home")
    assert found is not None and found.service == SyncService.ONEDRIVE and found.detail == "desktop.ini"
    (root / "desktop.ini").write_text("[.ShellClassInfo]\r\nIconResource=shell32.dll,4\r\n", encoding="ascii")
    assert place(root / "Documenten" / "Anna.regie", tmp_path / "home") is None  # any other folder's desktop.ini


def test_the_services_own_settings_name_their_folders(tmp_path):
    home = tmp_path / "home"
    dropbox, nextcloud, syncthing, onedrive = (tmp_path / name for name in ("box", "cloud", "st", "od"))
    (home / ".dropbox").mkdir(parents=True)
    (home / ".dropbox" / "info.json").write_text(json.dumps({"personal": {"path": str(dropbox), "host": 1}}))
    (home / ".config" / "Nextcloud").mkdir(parents=True)
    (home / ".config" / "Nextcloud" / "nextcloud.cfg").write_text(
        f"[Accounts]\n0\\Folders\\1\\localPath={nextcloud}/\n0\\Folders\\1\\paused=false\n")
    (home / ".config" / "syncthing").mkdir(parents=True)
    (home / ".config" / "syncthing" / "config.xml").write_text(
        f'<configuration><folder id="abcd-efgh" label="Zorg" path="{syncthing}" type="sendreceive"></folder>'
        "</configuration>")
    for root, service in ((dropbox, SyncService.DROPBOX), (nextcloud, SyncService.NEXTCLOUD),
                          (syncthing, SyncService.SYNCTHING)):
        found = place(root / "Anna.regie", home)
        assert found is not None and (found.service, found.root, found.sign) == (service, root, Sign.SETTINGS)
    found = place(onedrive / "Documents" / "Anna.regie", home, OneDrive=str(onedrive))
    assert found is not None and (found.service, found.sign, found.detail) == (SyncService.ONEDRIVE, Sign.SETTINGS,
                                                                              "OneDrive")
    assert place(tmp_path / "elsewhere" / "Anna.regie", home, OneDrive=str(onedrive)) is None


@pytest.mark.parametrize(("name", "service"), [
    ("OneDrive", SyncService.ONEDRIVE), ("OneDrive - Contoso BV", SyncService.ONEDRIVE),
    ("OneDrive-Personal", SyncService.ONEDRIVE), ("Dropbox", SyncService.DROPBOX),
    ("Dropbox (Familie)", SyncService.DROPBOX), ("Google Drive", SyncService.GOOGLE_DRIVE),
    ("My Drive", SyncService.GOOGLE_DRIVE), ("GoogleDrive-anna@example.org", SyncService.GOOGLE_DRIVE),
    ("iCloud Drive", SyncService.ICLOUD), ("iCloudDrive", SyncService.ICLOUD),
    ("com~apple~CloudDocs", SyncService.ICLOUD), ("Nextcloud", SyncService.NEXTCLOUD),
])
def test_the_names_services_give_their_folders(tmp_path, name, service):
    found = place(tmp_path / name / "Gezondheid" / "Anna.regie", tmp_path / "home")
    assert found is not None and (found.service, found.sign, found.root.name) == (service, Sign.NAME, name)


@pytest.mark.parametrize("name", ["Documents", "Sync", "Dropboxes", "My Drives", "Cloud", "OneDriveless"])
def test_other_folders_are_not_taken_for_synced_ones(tmp_path, name):
    assert place(tmp_path / name / "Anna.regie", tmp_path / "home") is None


# --- saying it ---------------------------------------------------------------------------------------

def test_a_record_in_a_synced_folder_is_said_once_with_the_safe_way(tmp_path, template_record):
    folder = template_record.copy_to(tmp_path / "Dropbox" / "Anna.regie")
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        where = records.record_place(session)
        assert where.synced is not None and where.synced.service == SyncService.DROPBOX
        assert not where.conflict_copies and where.read_only is None
        notes = records.place_notes(where)
    finally:
        session.lock()
    assert len(notes) == 1 and "\n" not in notes[0]
    assert "Dropbox seems to synchronise" in notes[0] and "keep the record on one computer" in notes[0]
    assert "automatic backups in the synced folder" in notes[0]
    settings = AppSettings(tmp_path / "config" / "settings.ini")  # the app says it once per record
    assert not settings.place_noted(folder)
    settings.note_place(folder)
    assert AppSettings(tmp_path / "config" / "settings.ini").place_noted(folder)
    assert not settings.place_noted(tmp_path / "Dropbox" / "Bram.regie")


def test_a_record_on_this_computer_has_nothing_to_say(session):
    assert records.place_notes(records.record_place(session)) == []


# --- conflict copies ---------------------------------------------------------------------------------

CONFLICTS = [
    "record (Anna's conflicted copy 2026-01-02).db",  # Dropbox
    "record (conflicted copy 2026-01-02 101500).db",  # Dropbox, Nextcloud
    "keys (Case Conflict).json",  # Dropbox
    "record.sync-conflict-20260102-101500-ABCD123.db",  # Syncthing
    "keys.bak.sync-conflict-20260102-101500-ABCD123.json",
    "record_conflict-20260102-101500.db",  # ownCloud
    "record-DESKTOP-4B2K9QF.db", "keys-LAPTOP-7H3JD02K-2.json",  # OneDrive: the computer's name
    "record (1).db",  # Google Drive
    "keys 2.json",  # iCloud Drive
]
NOT_CONFLICTS = ["record.db", "keys.json", "keys.bak.json", "record.db-wal", "record.db-shm", "open.lock",
                 "open-0a1b2c3d4e5f.lock", "keys.lock", IN_USE_FILE, "record-old.db", "record-backup.db",
                 "notes (conflicted copy).txt", "record.db (1)", "Record (1).db"]


def test_conflict_copies_of_the_record_and_key_files_are_found_and_nothing_else(tmp_path):
    for name in CONFLICTS + NOT_CONFLICTS:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "record (2).db.d").mkdir()
    assert conflict_copies(tmp_path) == sorted(CONFLICTS)


def test_a_conflict_copy_opens_the_record_read_only_and_says_which_and_why(new_record):
    folder = new_record[0]
    (folder / "record (Bram's conflicted copy 2026-01-02).db").write_bytes((folder / "record.db").read_bytes())
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert session.db.read_only is ReadOnly.CONFLICT
        assert session.check().healthy  # reading, checking and exporting work
        with pytest.raises(RecordReadOnly) as caught:
            session.rename_person("Not Saved")
        assert "conflict copy" in str(caught.value) and "Move that copy out of the folder" in str(caught.value)
        notes = records.place_notes(records.record_place(session))
    finally:
        session.lock()
    assert len(notes) == 1 and "record (Bram's conflicted copy 2026-01-02).db" in notes[0]
    assert "changed on two computers" in notes[0] and "read-only" in notes[0]
    (folder / "record (Bram's conflicted copy 2026-01-02).db").unlink()  # moved away: the record is as before
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert session.db.read_only is None
        session.rename_person("Saved Again")
    finally:
        session.lock()


# --- a second computer ---------------------------------------------------------------------------------

def claim_of(computer: str, age: timedelta) -> bytes:
    beat = datetime.now(timezone.utc) - age
    return json.dumps({"format": "regie-in-use", "computer": computer, "session": "0a1b2c3d4e5f",
                       "beat": beat.isoformat(timespec="seconds")}).encode()


def test_a_record_open_on_another_computer_is_refused_and_nothing_changes(new_record):
    folder = new_record[0]
    (folder / IN_USE_FILE).write_bytes(claim_of("LAPTOP-BRAM", timedelta(seconds=40)))
    before = sorted(path.name for path in folder.iterdir())
    with pytest.raises(OpenOnAnotherComputer) as caught:
        records.unlock_with_passphrase(folder, PASSPHRASE)
    assert isinstance(caught.value, RecordInUse)
    assert "open on another computer (LAPTOP-BRAM" in str(caught.value) and "Nothing was changed" in str(caught.value)
    assert sorted(path.name for path in folder.iterdir()) == before


def test_a_stale_claim_of_a_computer_that_stopped_is_taken_over(new_record):
    folder = new_record[0]
    (folder / IN_USE_FILE).write_bytes(claim_of("LAPTOP-BRAM", timedelta(minutes=3)))
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        holder = computer_lock.holder(folder)
        assert holder is not None and holder.computer == computer_lock.this_computer()
    finally:
        session.lock()
    assert not (folder / IN_USE_FILE).exists()


def test_the_open_session_keeps_saying_it_and_the_last_one_here_takes_the_file_away(new_record, monkeypatch):
    folder = new_record[0]
    monkeypatch.setattr(computer_lock, "HEARTBEAT_SECONDS", 0.05)
    first = records.unlock_with_passphrase(folder, PASSPHRASE)
    second = records.unlock_with_passphrase(folder, PASSPHRASE)  # this computer: never refused
    try:
        (folder / IN_USE_FILE).write_bytes(claim_of(computer_lock.this_computer(), timedelta(minutes=1)))
        assert _eventually(lambda: computer_lock.open_elsewhere(folder) is None and
                           datetime.now(timezone.utc) - computer_lock.holder(folder).beat < timedelta(seconds=30))
        first.lock()
        assert (folder / IN_USE_FILE).exists()  # the second session still has it open
    finally:
        first.lock()
        second.lock()
    assert not (folder / IN_USE_FILE).exists()


def test_a_session_whose_record_another_computer_took_over_does_not_write_over_its_claim(new_record, monkeypatch):
    """Two computers that opened within the time the sync service needed: the later claim is left standing,
    and the session knows (the app can say it)."""
    folder = new_record[0]
    monkeypatch.setattr(computer_lock, "HEARTBEAT_SECONDS", 0.05)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        (folder / IN_USE_FILE).write_bytes(claim_of("LAPTOP-BRAM", timedelta(seconds=0)))
        lock = session.vault.open_lock
        assert lock is not None and _eventually(lambda: lock.taken_over is not None)
        assert lock.taken_over.computer == "LAPTOP-BRAM"
    finally:
        session.lock()
    holder = computer_lock.holder(folder)
    assert holder is not None and holder.computer == "LAPTOP-BRAM"  # not removed: it is the other computer's


OTHER_COMPUTER = textwrap.dedent("""
    import os, socket, sys, time
    socket.gethostname = lambda: "DESKTOP-OTHER01"
    from phr.access import records
    session = records.unlock_with_passphrase(sys.argv[1], os.environ["HOLD_PASSPHRASE"])
    print("open", flush=True)
    time.sleep(120)
""")


def test_a_second_computer_is_refused_until_the_first_one_stopped(new_record, monkeypatch):
    """The other computer is another process under another host name, sharing the folder as a synced folder
    would; it is killed (-9), as a computer that crashes or is switched off: its claim goes stale."""
    folder = new_record[0]
    other = subprocess.Popen([sys.executable, "-c", OTHER_COMPUTER, str(folder)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "HOLD_PASSPHRASE": PASSPHRASE})
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        with pytest.raises(OpenOnAnotherComputer, match="DESKTOP-OTHER01"):
            records.unlock_with_passphrase(folder, PASSPHRASE)
        with pytest.raises(RecordInUse):  # nor is it replaced by a restore from here
            with record_locks.nobody_has_it_open(folder):
                pass
    finally:
        other.kill()
        other.communicate(timeout=30)
    monkeypatch.setattr(computer_lock, "STALE_SECONDS", 1.0)
    assert _eventually(lambda: computer_lock.open_elsewhere(folder) is None, seconds=5)
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    session.lock()


def test_a_restore_over_a_record_open_on_another_computer_is_refused(new_record, tmp_path):
    folder = new_record[0]
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        made = backups.make_backup(session, tmp_path / "r.regiebackup").path
    finally:
        session.lock()
    (folder / IN_USE_FILE).write_bytes(claim_of("LAPTOP-BRAM", timedelta(seconds=10)))
    with pytest.raises(OpenOnAnotherComputer):
        backups.restore(made, folder, "passphrase", PASSPHRASE, replace=True)


def _eventually(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_phr_says_where_the_record_is_as_a_note_and_goes_on(tmp_path, template_record, monkeypatch, capsys):
    from phr.cli import main as cli

    folder = template_record.copy_to(tmp_path / "Dropbox" / "Anna.regie")
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    assert cli.main(["check", str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("phr: note: ") and "Dropbox seems to synchronise" in err[0]
    (folder / "record (Bram's conflicted copy 2026-01-02).db").write_bytes((folder / "record.db").read_bytes())
    assert cli.main(["check", str(folder)]) == 0
    assert "conflict copy" in capsys.readouterr().err


def test_a_worker_s_connection_to_a_record_open_read_only_for_a_conflict_copy_is_read_only_too(new_record):
    folder = new_record[0]
    (folder / "record (Bram's conflicted copy 2026-01-02).db").write_bytes((folder / "record.db").read_bytes())
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        second = session.second_session()  # an import in the app works on one of these
        try:
            assert second.db.read_only is ReadOnly.CONFLICT
        finally:
            second.lock()
    finally:
        session.lock()
