"""The care team page, driven like a user would; what the record holds is checked through the service."""

import pytest
from PySide6.QtCore import Qt

from phr.record.care_team import Contact
from phr.ui.pages.care_team_page import CareTeamPage


@pytest.fixture
def page(qtbot, services, events):
    widget = CareTeamPage(services.care_team, events)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def fill(**values):
    def apply(dialog):
        for name, value in values.items():
            dialog.field(name).set(value)
    return apply


def test_add_a_contact(page, services, dialogs):
    dialogs.append(fill(name="Dr. A. Jansen", role="specialist", phone="020 - 123 45 67", acute_phone="112",
                        contact_for="Vragen over de bijnier"))
    page.add()
    [saved] = services.care_team.all()
    assert (saved.name, saved.role, saved.phone, saved.acute_phone) == ("Dr. A. Jansen", "specialist",
                                                                         "020 - 123 45 67", "112")
    assert page.model.rowCount() == 1
    assert "Dr. A. Jansen" in page.details.toPlainText()
    assert "Entered by Zoë Ünal (owner)" in page.details.toPlainText()


def test_change_a_contact(page, services, dialogs):
    services.care_team.add(Contact(name="Huisartsenpraktijk De Linde", role="gp", kind="organisation"))
    page.reload()
    dialogs.append(fill(phone="+31 (0)30 765 43 21", email="praktijk@delinde.example"))
    page.edit_selected()
    [saved] = services.care_team.all()
    assert saved.phone == "+31 (0)30 765 43 21" and saved.email == "praktijk@delinde.example"
    assert saved.name == "Huisartsenpraktijk De Linde"


def test_bad_input_is_explained_and_keeps_what_was_typed(page, services, dialogs, qtbot):
    def type_badly(dialog):
        qtbot.keyClicks(dialog.field("name").widget, "Apotheek Centrum")
        qtbot.keyClicks(dialog.field("email").widget, "apotheek@")

    dialogs.append(type_badly)
    page.add()
    dialog = dialogs.last
    assert not dialog.result()
    assert services.care_team.all() == []  # nothing was stored
    assert dialog.field("name").widget.text() == "Apotheek Centrum"  # nothing typed was lost
    assert dialog.field("email").widget.text() == "apotheek@"
    assert "e-mail address" in dialog._error_labels["email"].text()


def test_errors_show_while_typing_only_for_touched_fields(page, dialogs, qtbot):
    def type_phone(dialog):
        qtbot.keyClicks(dialog.field("phone").widget, "abc")
        assert dialog._error_labels["phone"].isVisibleTo(dialog)
        assert not dialog._error_labels["name"].isVisibleTo(dialog)  # untouched: no nagging yet

    dialogs.append(type_phone)
    page.add()
    assert dialogs.last._error_labels["name"].isVisibleTo(dialogs.last)  # after Save: all problems show


def test_delete_and_undo(page, services):
    services.care_team.add(Contact(name="Fysiotherapie Oost", role="therapist"))
    page.reload()
    page.delete_selected()
    assert services.care_team.all() == []
    assert page.undo_bar.isVisible() and "Fysiotherapie Oost" in page.undo_text.text()
    page.undo_delete()
    assert [c.name for c in services.care_team.all()] == ["Fysiotherapie Oost"]
    assert not page.undo_bar.isVisible()


def test_delete_and_undo_with_the_keyboard(page, services, qtbot):
    services.care_team.add(Contact(name="Wijkverpleging", role="nurse"))
    page.reload()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert services.care_team.all() == []
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.name for c in services.care_team.all()] == ["Wijkverpleging"]


def test_a_deletion_is_final_after_locking(new_record, create_fast):
    from conftest import PASSPHRASE

    from phr.access import records
    from phr.record.care_team import CareTeamService

    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    service = CareTeamService(session)
    change = service.add(Contact(name="Oud contact", role="other"))
    service.delete(change.item_id)
    session.lock()
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        assert session.db.query_one("SELECT count(*) FROM contacts")[0] == 0  # purged, not just hidden
        assert session.db.query_one("SELECT count(*) FROM search_index")[0] == 0
    finally:
        session.lock()


def test_deleting_a_linked_contact_says_the_links_go_at_lock(page, services):
    from phr.record.diagnoses import Diagnosis

    doctor = services.care_team.add(Contact(name="Dr. Linked", role="specialist")).item_id
    services.diagnoses.add(Diagnosis(name="CAH", status="confirmed", diagnosed_by=doctor))
    page.reload(select_id=doctor)
    page.delete_selected()
    assert "Entries that pointed to it: 1." in page.undo_text.text()
    page.undo_delete()
    assert services.diagnoses.all()[0].diagnosed_by == doctor
