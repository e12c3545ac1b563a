"""A new record (issue 17): every empty page says what belongs there with one button, the overview's Getting
started list, and the sample record's banner. Driven by keyboard where a user would (pytest-qt, offscreen)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from phr.demo import sample_record as demo
from phr.ui.app.main_window import MainWindow
from phr.ui.history.results_page import ResultsPage
from phr.ui.monitoring.page import MonitoringPage
from phr.ui.pages.overview_page import OverviewPage
from phr.ui.pages.section_page import SectionPage
from phr.ui.widgets.getting_started import HiddenInSettings

EMPTY_PAGES = ("diagnoses", "care_plan", "care_team", "medications", "appointments", "documents", "vaccinations",
               "procedures")


@pytest.fixture
def window(qtbot, services):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)  # keys go to the active window only
    yield main
    main.close_for_lock()


def section_page(window, key) -> SectionPage:
    page = window.page(key)
    assert isinstance(page, SectionPage)
    return page


def test_every_empty_section_says_what_belongs_there_with_one_button(window):
    for key in EMPTY_PAGES:
        page = section_page(window, key)
        window.show_page(key)
        assert page.empty_state is not None and page.empty_state.isVisible(), key
        sentence = page.empty_state.sentence.text()
        assert "Here you keep" in sentence and sentence.count(".") == 1, key  # one sentence
        assert not page.table.isVisible() and not page.add_button.isVisible(), key  # no blank table, no grey buttons
        assert page.empty_state.button.isEnabled() and page.empty_state.button.accessibleDescription(), key


def test_the_keyboard_lands_on_the_button_and_the_first_entry_replaces_the_sentence(window, qtbot, dialogs,
                                                                                   services):
    row = window.page_keys.index("medications")
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # Ctrl+6: Medicines
    page = section_page(window, "medications")
    assert window.navigation.currentRow() == row
    assert QApplication.focusWidget() is page.empty_state.button

    dialogs.append(lambda dialog: dialog.field("name").set("Hydrocortison"))
    qtbot.keyClick(page.empty_state.button, Qt.Key.Key_Space)
    assert [m.name for m in services.medications.page(0, 10)] == ["Hydrocortison"]
    assert page.table.isVisible() and page.filter_bar.isVisible() and not page.empty_state.isVisible()

    page.table.setFocus()
    page.delete_selected()
    assert page.empty_state.isVisible() and page.undo_bar.isVisible()  # the undo stays at hand
    assert QApplication.focusWidget() is page.empty_state.button  # the keyboard stays on the page
    page.undo_delete()
    assert page.table.isVisibleTo(page) and not page.empty_state.isVisibleTo(page)


def test_a_filter_that_shows_nothing_is_not_an_empty_page(window, services):
    from phr.record.medications import Medication

    page = section_page(window, "medications")
    services.medications.add(Medication(name="Prednison", start_date="2019-01-01", stop_date="2020-01-01"))
    page.reload()
    assert page.model.rowCount() == 0  # stopped: not among the current medicines
    assert page.table.isVisibleTo(page) and not page.empty_state.isVisibleTo(page)


def test_the_history_results_and_measurements_pages_when_empty(window, qtbot, monkeypatch):
    results = window.page("results")
    assert isinstance(results, ResultsPage)
    window.show_page("results")
    assert results.empty_state.isVisible() and not results.body.isVisible()
    from phr.ui.app import main_window

    asked = []
    monkeypatch.setattr(main_window, "open_fhir_import", lambda *args: asked.append(args[0]))
    qtbot.keyClick(results.empty_state.button, Qt.Key.Key_Space)
    assert asked == [window]  # the main window's import of a health summary, as its menu item starts it

    monitoring = window.page("monitoring")
    assert isinstance(monitoring, MonitoringPage)
    window.show_page("monitoring")
    assert monitoring.right.currentWidget() is monitoring.empty
    from phr.ui.monitoring import page as monitoring_module

    opened = []
    monkeypatch.setattr(monitoring_module, "open_quick_entry", lambda *args: opened.append(args[3]) or [])
    monitoring.empty.button.setFocus()
    qtbot.keyClick(monitoring.empty.button, Qt.Key.Key_Space)
    assert opened == [None]  # quick entry, with no measure chosen yet


def overview(window) -> OverviewPage:
    page = window.page("overview")
    assert isinstance(page, OverviewPage)
    return page


def step_states(page: OverviewPage) -> list[str]:
    return [row.mark.accessibleName() for row in page.getting_started._rows]


def test_getting_started_ticks_each_part_and_goes_to_its_page(window, qtbot, services):
    page = overview(window)
    window.show_page("overview")
    assert page.getting_started.isVisible()
    assert step_states(page) == ["not yet"] * 5
    assert page.getting_started.progress.text() == "0 of 5 done"

    button = page.getting_started.step_buttons[2]  # The medicines in use
    assert button.text() == "Go to Medicines"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    medicines = section_page(window, "medications")
    assert window.pages.currentWidget() is medicines
    assert QApplication.focusWidget() is medicines.empty_state.button  # ready to add the first one

    window.events.announce(services.person.state_no_known_medications())
    assert step_states(page)[2] == "done" and "✓" in page.getting_started._rows[2].mark.text()
    assert page.getting_started.progress.text() == "1 of 5 done"


def test_getting_started_goes_away_when_everything_is_there(window, services):
    from phr.record.care_team import Contact
    from phr.record.person import PersonDetails

    page = overview(window)
    person = services.person
    window.events.announce(person.update(PersonDetails(name=person.get().name, birth_date="1980-04-02",
                                                       emergency_notes="Bijnierinsufficiëntie: stressdosis.")))
    for change in (services.person.state_no_known_allergies(), services.person.state_no_known_problems(),
                   services.person.state_no_known_medications(),
                   services.care_team.add(Contact(name="Huisarts", role="gp"))):
        window.events.announce(change)
    assert step_states(page) == ["done"] * 5
    assert page.getting_started.isHidden()


def test_a_hidden_list_stays_hidden_for_this_record(qtbot, services, tmp_path):
    settings = tmp_path / "settings.ini"
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.settings_file = settings  # as the controller sets it
    page = overview(first)
    first.show()
    assert page.getting_started.isVisible()
    page.getting_started.hide_button.setFocus()
    qtbot.keyClick(page.getting_started.hide_button, Qt.Key.Key_Space)
    assert page.getting_started.isHidden()
    assert HiddenInSettings(settings).is_hidden(services.session.folder)
    assert str(services.session.person_name()) not in settings.read_text(encoding="utf-8", errors="replace")
    first.close()

    again = MainWindow(services)
    qtbot.addWidget(again)
    again.settings_file = settings
    again.show()
    assert overview(again).getting_started.isHidden()
    assert not HiddenInSettings(settings).is_hidden(tmp_path / "another.regie")
    again.close()


def test_an_empty_timeline_says_what_comes_there_and_leads_to_the_overview(window, qtbot, services):
    from phr.record.care_team import Contact

    timeline = window.page("timeline")
    window.show_page("timeline")
    assert timeline.empty_state.isVisible() and not timeline.table.isVisible() and not timeline.hint.isVisible()
    qtbot.keyClick(timeline.empty_state.button, Qt.Key.Key_Space)
    assert window.pages.currentWidget() is overview(window)
    window.events.announce(services.person.state_no_known_allergies())  # nothing with a date yet
    assert timeline.empty_state.isVisibleTo(timeline)
    window.events.announce(services.care_team.add(Contact(name="Huisarts", role="gp")))
    assert timeline.empty_state.isVisibleTo(timeline)  # a contact has no date on the timeline
    from phr.record.medications import Medication

    window.events.announce(services.medications.add(Medication(name="Hydrocortison", start_date="2019-05")))
    assert timeline.table.isVisibleTo(timeline) and not timeline.empty_state.isVisibleTo(timeline)


def test_the_owner_reads_my_and_sees_no_working_as_line(window):
    assert window.working_as.isHidden()
    text = overview(window).plain_text()
    assert "My goals" in text and "Medicines I use now" in text


def test_the_sample_record_says_so_on_every_page(qtbot, sample_services, services):
    assert demo.is_sample_record(sample_services.session) and sample_services.session.is_sample()
    marker = (sample_services.session.folder / demo.MARKER).read_text(encoding="utf-8")
    assert demo.SAMPLE_NAME not in marker and "invented" in marker
    sample = MainWindow(sample_services)
    qtbot.addWidget(sample)
    sample.show()
    try:
        assert sample.sample_banner.text() == "This is a sample record with invented data."
        for key in sample.page_keys:  # above the pages: it stays whatever page is shown
            sample.show_page(key)
            assert sample.sample_banner.isVisible(), key
    finally:
        sample.close_for_lock()
    own = MainWindow(services)
    qtbot.addWidget(own)
    own.show()
    assert not own.sample_banner.isVisible() and not demo.is_sample_record(services.session)
    own.close_for_lock()


def test_at_200_percent_a_narrow_page_does_not_scroll_as_wide_as_the_widest(window, qapp):
    from phr.ui.app.desktop.text_size import apply_text_size

    apply_text_size(qapp, 200)
    try:
        window.resize(1024, 700)
        wide = QWidget()
        wide.setMinimumWidth(2000)
        window.page("timeline").layout().addWidget(wide)  # a page whose parts are wider than any screen
        window.show_page("timeline")
        QApplication.processEvents()
        window.show_page("medications")
        QApplication.processEvents()
        assert window.pages.currentWidget().minimumSizeHint().width() <= window.page_area.viewport().width()
        assert window.pages.width() <= window.page_area.viewport().width()
        assert not window.page_area.horizontalScrollBar().isVisible()
        window.show_page("timeline")
        QApplication.processEvents()
        assert window.pages.width() >= 2000 and window.page_area.horizontalScrollBar().isVisible()  # it scrolls
    finally:
        apply_text_size(qapp, 100)
