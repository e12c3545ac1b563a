"""The About me page, driven like a user would."""

import pytest

from phr.record.person import NONE_KNOWN
from phr.ui.pages.person_page import PersonPage


@pytest.fixture
def page(qtbot, services, events):
    widget = PersonPage(services.person, services.allergies, services.session, events)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_change_details_and_emergency_notes(page, services, dialogs):
    def fill(dialog):
        dialog.field("birth_date").widget.setText("14-3-1987")  # typed the Dutch way
        dialog.field("emergency_notes").set("Bij braken: hydrocortison injectie (Solu-Cortef).")
    dialogs.append(fill)
    page.change_details()
    details = services.person.get()
    assert details.birth_date == "1987-03-14"
    assert details.emergency_notes == "Bij braken: hydrocortison injectie (Solu-Cortef)."
    assert "Solu-Cortef" in page.emergency.text()


def test_a_bad_date_keeps_the_dialog_and_the_text(page, services, dialogs):
    dialogs.append(lambda dialog: dialog.field("birth_date").widget.setText("31-2-1987"))
    page.change_details()
    assert not dialogs.last.result()
    assert dialogs.last.field("birth_date").widget.text() == "31-2-1987"
    assert services.person.get().birth_date == ""


def test_state_no_known_allergies(page, services):
    assert page.none_known_button.isVisible()
    page.none_known_button.click()
    assert services.person.allergy_statement() == NONE_KNOWN
    assert not page.none_known_button.isVisible()
    assert "no known allergies" in page.statement.text()


def test_add_change_delete_and_undo_an_allergy(page, services, dialogs):
    section = page.allergies
    dialogs.append(lambda d: (d.field("substance").set("Penicilline"), d.field("severity").set("severe")))
    section.add()
    [allergy] = services.allergies.all()
    assert (allergy.substance, allergy.severity) == ("Penicilline", "severe")
    assert "see the list" in page.statement.text()

    dialogs.append(lambda d: d.field("reaction").set("Benauwd"))
    section.edit_selected()
    assert services.allergies.get(allergy.id).reaction == "Benauwd"

    section.delete_selected()
    assert services.allergies.all() == []
    section.undo_delete()
    assert [a.substance for a in services.allergies.all()] == ["Penicilline"]


def test_the_main_window_header_follows_a_new_name(qtbot, services, dialogs):
    from phr.ui.app.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show_page("person")
    dialogs.append(lambda d: d.field("name").set("Zoë Ünal-de Wit"))
    window.page("person").change_details()
    assert "Zoë Ünal-de Wit" in window.name_label.text()
    assert "Zoë Ünal-de Wit" in window.windowTitle()
    window.close_for_lock()
