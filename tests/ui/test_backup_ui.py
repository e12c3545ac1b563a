"""Back up now… and Restore a backup… as a user drives them (pytest-qt, offscreen; file dialogs answered)."""

import errno
import os
import threading
from datetime import date
from pathlib import Path

import pytest
from conftest import PASSPHRASE
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from phr.access import records
from phr.backup import backups
from phr.demo import sample_record as demo
from phr.storage.open_vault import OpenVault
from phr.ui.backup.backup_dialog import BackupDialog
from phr.ui.backup.restore_dialog import RestoreDialog

TODAY = date(2026, 11, 22)


def _fail_writes_under(monkeypatch, folder: Path, code: int = errno.ENOSPC) -> None:
    """os.write to files under `folder` fails (ENOSPC: a full disk), on any thread."""
    real = os.write

    def write(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder)):
            raise OSError(code, os.strerror(code))
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def save_as(monkeypatch):
    """The save dialog answers with a path (None: Cancel); what it proposed is kept."""
    asked = []

    def answer(path):
        def get_save_file_name(_parent, _caption, proposed, _filter):
            asked.append(proposed)
            return (str(path), "") if path else ("", "")
        monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    answer.asked = asked
    return answer


# --- Back up now… ---------------------------------------------------------------------------------

def backup_dialog(qtbot, session, folder) -> BackupDialog:
    dialog = BackupDialog(session, folder=folder, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_back_up_now_writes_the_file_off_the_gui_thread_and_says_where(qtbot, session, tmp_path, save_as,
                                                                        monkeypatch):
    out = tmp_path / "stick"
    out.mkdir()
    save_as(out / "mine")  # typed without the suffix
    real, threads = OpenVault.second_connection, []
    monkeypatch.setattr(OpenVault, "second_connection",
                        lambda vault: (threads.append(threading.current_thread()), real(vault))[1])
    dialog = backup_dialog(qtbot, session, out)
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save_button.click()
    path = out / "mine.regiebackup"
    assert saved.args == [path] and dialog.saved_path == path
    assert save_as.asked == [str(out / "regie-backup-2026-11-22.regiebackup")]
    assert dialog.status.text() == f"Saved: {path}" and not dialog.busy.isVisible()
    assert threads and threads[0] is not threading.main_thread()
    with backups.prepare_restore(path, tmp_path / "check.regie", "passphrase", PASSPHRASE) as pending:
        assert pending.preview.counts == session.check().counts


def test_a_cancelled_file_choice_writes_nothing(qtbot, session, tmp_path, save_as):
    save_as(None)
    dialog = backup_dialog(qtbot, session, tmp_path)
    dialog.save_button.click()
    assert not dialog.is_busy and dialog.status.text() == "" and not list(tmp_path.glob("*.regiebackup"))


def test_a_full_disk_is_said_plainly_and_leaves_no_file(qtbot, session, tmp_path, save_as, monkeypatch):
    out = tmp_path / "full"
    out.mkdir()
    save_as(out / "b.regiebackup")
    _fail_writes_under(monkeypatch, out)
    dialog = backup_dialog(qtbot, session, out)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.save_button.click()
    assert "the disk is full" in failed.args[0] and failed.args[0] in dialog.status.text()
    assert list(out.iterdir()) == [] and dialog.saved_path is None and dialog.save_button.isEnabled()
    monkeypatch.undo()
    session.rename_person("Still Writable")
    assert session.person_name() == "Still Writable"


def test_a_folder_it_may_not_write_in_is_said_plainly(qtbot, session, tmp_path, save_as, monkeypatch):
    out = tmp_path / "readonly"
    out.mkdir()
    save_as(out / "b.regiebackup")
    _fail_writes_under(monkeypatch, out, errno.EACCES)
    dialog = backup_dialog(qtbot, session, out)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.save_button.click()
    assert "may not write in this folder" in failed.args[0] and list(out.iterdir()) == []


def test_a_backup_inside_the_record_folder_is_refused(qtbot, session, save_as):
    save_as(session.folder / "record.db")
    before = _snapshot(session.folder)
    dialog = backup_dialog(qtbot, session, session.folder)
    dialog.save_button.click()
    assert not dialog.is_busy and "inside the record folder" in dialog.status.text()
    assert _snapshot(session.folder) == before


def test_the_dialog_stays_open_while_the_file_is_written(qtbot, session, tmp_path, save_as, monkeypatch):
    save_as(tmp_path / "b.regiebackup")
    release, real = threading.Event(), backups.make_backup
    monkeypatch.setattr(backups, "make_backup", lambda *a, **k: (release.wait(10), real(*a, **k))[1])
    dialog = backup_dialog(qtbot, session, tmp_path)
    dialog.save_button.click()
    assert dialog.is_busy and dialog.busy.isVisible() and not dialog.save_button.isEnabled()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Close).isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        release.set()
    assert (tmp_path / "b.regiebackup").is_file()


# --- Restore a backup… ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_backup(tmp_path_factory, sample_services):
    """A backup of the sample record (sections with entries in them) and its counts."""
    session = sample_services.session
    made = backups.make_backup(session, tmp_path_factory.mktemp("backups") / "sample.regiebackup").path
    return made, session.check().counts


@pytest.fixture
def backup(session, tmp_path):
    """A backup of the fresh record (PASSPHRASE)."""
    return backups.make_backup(session, tmp_path / "fresh.regiebackup").path


def restore_dialog(qtbot, target: Path) -> RestoreDialog:
    dialog = RestoreDialog(target=target)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_in(dialog, backup: Path, secret: str, kind: str = "passphrase") -> None:
    dialog.backup_edit.setText(str(backup))
    (dialog.use_code if kind == "recovery_code" else dialog.use_passphrase).setChecked(True)
    dialog.secret.setText(secret)


def check(qtbot, dialog) -> None:
    dialog.check_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=10000)


def test_restore_shows_the_counts_first_then_puts_the_record_in_place(qtbot, tmp_path, sample_backup, monkeypatch):
    made, counts = sample_backup
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(made), ""))
    dialog = restore_dialog(qtbot, tmp_path / "restored.regie")
    dialog.choose_backup()
    fill_in(dialog, Path(dialog.backup_edit.text()), demo.SAMPLE_PASSPHRASE)
    assert not dialog.restore_button.isEnabled()
    check(qtbot, dialog)
    assert dialog.preview.isVisible() and not dialog.replace_box.isVisible() and dialog.restore_button.isEnabled()
    text = dialog.preview.text()
    for label, name in (("Diagnoses", "diagnoses"), ("Measurements", "readings"), ("Medicines", "medications")):
        assert f"<b>{label}</b></td><td>{counts[name]}</td>" in text
    assert sum(counts.values()) > 100
    assert not (tmp_path / "restored.regie").exists()  # nothing in place before Restore
    with qtbot.waitSignal(dialog.restored, timeout=10000) as restored:
        dialog.restore_button.click()
    assert restored.args == [tmp_path / "restored.regie"] and dialog.restored_folder == tmp_path / "restored.regie"
    assert "restored in the folder" in dialog.message.text() and dialog.secret.text() == ""
    assert not dialog.restore_button.isVisible() and _hidden(tmp_path) == []
    session = records.unlock_with_passphrase(tmp_path / "restored.regie", demo.SAMPLE_PASSPHRASE)
    try:
        assert session.check().counts == counts
    finally:
        session.lock()


def test_the_recovery_code_opens_the_backup_too(qtbot, tmp_path, new_record):
    folder, code = new_record
    opened = records.unlock_with_passphrase(folder, PASSPHRASE)
    made = backups.make_backup(opened, tmp_path / "b.regiebackup").path
    opened.lock()
    dialog = restore_dialog(qtbot, tmp_path / "restored.regie")
    fill_in(dialog, made, code, "recovery_code")
    assert dialog.secret_label.text() == "Recovery co&de:"
    check(qtbot, dialog)
    with qtbot.waitSignal(dialog.restored, timeout=10000):
        dialog.restore_button.click()
    records.unlock_with_recovery_code(tmp_path / "restored.regie", code).lock()


def test_replacing_a_record_is_said_and_must_be_ticked(qtbot, tmp_path, session, backup):
    folder = session.folder
    session.rename_person("Changed After The Backup")
    session.lock()
    dialog = restore_dialog(qtbot, folder)
    fill_in(dialog, backup, PASSPHRASE)
    check(qtbot, dialog)
    assert dialog.warning.isVisible() and dialog.replace_box.isVisible()
    assert str(folder) in dialog.warning.text() and "replaces that record" in dialog.warning.text()
    assert "backup of the current record" in dialog.warning.text()
    assert not dialog.restore_button.isEnabled()
    dialog.restore()  # not ticked: refused
    assert dialog.restored_folder is None and "Tick the box" in dialog.message.text()
    dialog.replace_box.setChecked(True)
    with qtbot.waitSignal(dialog.restored, timeout=10000):
        dialog.restore_button.click()
    kept = next(tmp_path.glob("record.regie.before-restore-*.regiebackup"))
    assert kept.name in dialog.message.text().replace("<br>", "").replace("\n", "")
    restored = records.unlock_with_passphrase(folder, PASSPHRASE)
    assert restored.person_name() == "Zoë Ünal"
    restored.lock()
    old = backups.restore(kept, tmp_path / "old.regie", "passphrase", PASSPHRASE)
    reopened = records.unlock_with_passphrase(old.folder, PASSPHRASE)
    assert reopened.person_name() == "Changed After The Backup"
    reopened.lock()


def test_a_wrong_passphrase_is_said_and_changes_nothing(qtbot, tmp_path, backup):
    dialog = restore_dialog(qtbot, tmp_path / "restored.regie")
    fill_in(dialog, backup, "not the passphrase at all")
    check(qtbot, dialog)
    assert "does not open this backup" in dialog.message.text()
    assert dialog.pending is None and not dialog.preview.isVisible() and not dialog.restore_button.isEnabled()
    assert not (tmp_path / "restored.regie").exists() and _hidden(tmp_path) == []


def test_a_damaged_backup_is_said_and_changes_nothing(qtbot, tmp_path, backup):
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x04
    backup.write_bytes(bytes(data))
    dialog = restore_dialog(qtbot, tmp_path / "restored.regie")
    fill_in(dialog, backup, PASSPHRASE)
    check(qtbot, dialog)
    assert "not a Regie backup, or it is damaged" in dialog.message.text()
    assert not (tmp_path / "restored.regie").exists() and _hidden(tmp_path) == []


def test_a_replaced_record_that_the_secret_does_not_open_stays(qtbot, tmp_path, backup, create_fast):
    other = tmp_path / "other.regie"
    create_fast(other, "Someone Else", "green lamp beside a quiet canal").session.lock()
    before = _snapshot(other)
    dialog = restore_dialog(qtbot, other)
    fill_in(dialog, backup, PASSPHRASE)
    check(qtbot, dialog)
    dialog.replace_box.setChecked(True)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=10000)
    assert "cannot make a backup of it first" in dialog.message.text() and dialog.restored_folder is None
    assert _snapshot(other) == before and _hidden(tmp_path) == [] and dialog.pending is None


def test_a_folder_with_other_files_is_refused_before_any_work(qtbot, tmp_path, backup, monkeypatch):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "letter.txt").write_text("keep")
    dialog = restore_dialog(qtbot, papers)
    fill_in(dialog, backup, PASSPHRASE)
    dialog.check_button.click()
    assert not dialog.is_busy and "holds other files" in dialog.message.text()
    assert sorted(p.name for p in papers.iterdir()) == ["letter.txt"]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(papers))
    dialog.choose_target()  # choosing it makes a new folder inside it
    assert dialog.target() == papers / "papers"


def test_choosing_an_empty_folder_or_a_record_folder_uses_it(qtbot, tmp_path, new_record, monkeypatch):
    folder, _ = new_record
    empty = tmp_path / "empty"
    empty.mkdir()
    dialog = restore_dialog(qtbot, tmp_path / "restored.regie")
    for chosen in (empty, folder):
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, chosen=chosen: str(chosen))
        dialog.choose_target()
        assert dialog.target() == chosen


def test_missing_inputs_are_asked_for(qtbot, tmp_path, backup):
    dialog = restore_dialog(qtbot, tmp_path / "restored.regie")
    dialog.check_button.click()
    assert "Choose the backup file first" in dialog.message.text()
    dialog.backup_edit.setText(str(tmp_path / "nothing.regiebackup"))
    dialog.check_button.click()
    assert "no file with this name" in dialog.message.text()
    dialog.backup_edit.setText(str(backup))
    dialog.check_button.click()
    assert "Type the passphrase" in dialog.message.text() and not dialog.is_busy


def test_changing_a_choice_or_cancelling_removes_the_unpacked_copy(qtbot, tmp_path, backup):
    dialog = restore_dialog(qtbot, tmp_path / "restored.regie")
    fill_in(dialog, backup, PASSPHRASE)
    check(qtbot, dialog)
    assert dialog.pending is not None and len(_hidden(tmp_path)) == 1  # the checked copy, hidden beside
    dialog.secret.setText(PASSPHRASE[:-1])
    assert dialog.pending is None and _hidden(tmp_path) == [] and not dialog.preview.isVisible()
    dialog.secret.setText(PASSPHRASE)
    check(qtbot, dialog)
    assert len(_hidden(tmp_path)) == 1
    dialog.reject()
    assert _hidden(tmp_path) == [] and not (tmp_path / "restored.regie").exists()
    assert dialog.secret.text() == ""


def test_every_count_of_a_backup_is_named_as_its_section(qapp):
    from phr.ui.backup.restore_words import section_label

    # vaccinations and procedures were shown in lower case, as the counts are keyed
    assert [section_label(key) for key in ("vaccinations", "procedures", "readings")] == [
        "Vaccinations", "Operations and procedures", "Measurements"]
