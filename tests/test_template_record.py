"""The shortcut behind the new_record and session fixtures must give what creating and unlocking give."""

import stat

from conftest import PASSPHRASE

from phr.access import records


def test_a_copy_opened_from_the_template_is_what_the_passphrase_opens(new_record, template_record):
    folder, code = new_record
    shortcut = template_record.open_copy(folder)
    real = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert shortcut.vault.slot == real.vault.slot and shortcut.vault.slot.kind == "owner"
        assert shortcut.vault.ring == real.vault.ring
        assert shortcut.vault.keys == real.vault.keys and shortcut.vault.data_key == real.vault.data_key
        assert shortcut.author == real.author and shortcut.folder == real.folder
        assert shortcut.check() == real.check() and shortcut.check().healthy
    finally:
        shortcut.lock()
        real.lock()
    records.unlock_with_recovery_code(folder, code).lock()  # the template's code opens every copy


def test_a_copy_is_as_private_as_the_record_creation_made(new_record, template_record):
    folder, _ = new_record

    def modes(record):
        return {path.name: stat.S_IMODE(path.stat().st_mode) for path in [record, *record.iterdir()]}

    assert modes(folder) == {**modes(template_record.folder), folder.name: 0o700}
    assert set(modes(folder).values()) == {0o700, 0o600}


def test_a_copy_has_the_files_and_modes_a_new_record_has(new_record, create_fast, tmp_path):
    """Compared with a record made for real, not with the template: tests that prove a failed unlock
    leaves the folder as it was must start from exactly what creation leaves (no keys.lock, say)."""
    folder, _ = new_record
    made = tmp_path / "made.regie"
    create_fast(made, "Zoë Ünal", PASSPHRASE).session.lock()

    def modes(record):
        return {path.name: stat.S_IMODE(path.stat().st_mode) for path in record.iterdir()}

    assert modes(folder) == modes(made)
    assert stat.S_IMODE(folder.stat().st_mode) == stat.S_IMODE(made.stat().st_mode) == 0o700
