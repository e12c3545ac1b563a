"""First run (issue 17): the wizard asks whose record it is, the name labels it in the start window, a carer works
under their own name, and the start window fits a 1024-pixel screen at 200 % text. Driven by keyboard where a
user would type (pytest-qt, offscreen)."""

import pytest
from conftest import FAST, PASSPHRASE
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWizard

from phr.access import records
from phr.core.vocabulary import AuthorRole
from phr.record.care_team import Contact
from phr.storage.errors import WrongSecret
from phr.ui.app.controller import AppController
from phr.ui.app.desktop.text_size import apply_text_size
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.pages.overview_page import OverviewPage
from phr.ui.start import for_someone, start_window
from phr.ui.start.for_someone import create_for_someone

KEES_PASSPHRASE = "kees fietst elke zaterdag naar de markt"


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "config" / "settings.ini"


@pytest.fixture
def controller(qtbot, settings_path, create_fast):
    app = AppController(AppSettings(settings_path), RecordActions(create=create_fast), quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.show()
    app.start_window.activateWindow()
    qtbot.waitUntil(app.start_window.isActiveWindow)  # keys go to the active window only
    yield app
    app.lock()


def open_wizard(qtbot, controller):
    start = controller.start_window
    qtbot.keyClick(start, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New record
    qtbot.waitUntil(lambda: start.wizard is not None and start.wizard.isVisible())
    start.wizard.activateWindow()
    qtbot.waitUntil(start.wizard.isActiveWindow)  # Alt-letters reach the active window only
    return start.wizard


def type_into(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def finish(qtbot, controller, wizard, passphrase):
    qtbot.keyClick(wizard.person_page.name_edit, Qt.Key.Key_Return)  # Next, the wizard's default button
    assert wizard.currentPage() is wizard.passphrase_page
    type_into(qtbot, wizard.passphrase_page.first, passphrase)
    type_into(qtbot, wizard.passphrase_page.second, passphrase)
    qtbot.keyClick(wizard.passphrase_page.second, Qt.Key.Key_Return)  # makes the record
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=15000)
    wizard.code_page.confirm.setFocus()
    qtbot.keyClick(wizard.code_page.confirm, Qt.Key.Key_Space)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.session is not None)
    return wizard.code_page.code.text()


def settings_values(path) -> str:
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    return repr([settings.value(key) for key in settings.allKeys()])


def test_a_record_for_myself_is_listed_by_the_given_name_the_person_left(qtbot, controller, tmp_path, settings_path):
    wizard = open_wizard(qtbot, controller)
    page = wizard.person_page
    assert page.for_self.isChecked() and not page.carer_edit.isVisibleTo(wizard)
    page.folder_edit.setText(str(tmp_path / "joke.regie"))
    type_into(qtbot, page.name_edit, "Joke Bakker")
    assert page.label_edit.text() == "Joke"  # the given name, shown to be changed or emptied
    finish(qtbot, controller, wizard, PASSPHRASE)

    assert controller.session.person_name() == "Joke Bakker"
    assert controller.session.author.role == AuthorRole.OWNER
    assert controller.main_window.working_as.isHidden()  # the owner's own record: no "working as" line
    assert AppSettings(settings_path).record_label(str(tmp_path / "joke.regie")) == "Joke"
    assert "Bakker" not in settings_values(settings_path)  # only what the person left in the label field
    controller.lock()
    shown = controller.start_window.record_list.item(0).text()
    assert shown.splitlines()[0] == "Joke"


def test_a_label_typed_over_stays_and_an_empty_one_keeps_the_name_out_of_the_settings(qtbot, controller, tmp_path,
                                                                                      settings_path):
    wizard = open_wizard(qtbot, controller)
    page = wizard.person_page
    page.folder_edit.setText(str(tmp_path / "mum.regie"))
    type_into(qtbot, page.label_edit, "Mum")
    type_into(qtbot, page.name_edit, "Joke Bakker")
    assert page.label_edit.text() == "Mum"  # typed by the person: the name no longer replaces it
    page.label_edit.clear()
    finish(qtbot, controller, wizard, PASSPHRASE)
    assert AppSettings(settings_path).record_label(str(tmp_path / "mum.regie")) == ""
    assert "Joke" not in settings_values(settings_path) and "Bakker" not in settings_values(settings_path)


def test_a_carer_makes_a_record_for_someone_and_works_in_it_under_their_own_name(qtbot, controller, tmp_path):
    wizard = open_wizard(qtbot, controller)
    page = wizard.person_page
    page.folder_edit.setText(str(tmp_path / "joke.regie"))
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # For someone I care for
    qtbot.waitUntil(page.for_other.isChecked)  # an Alt-letter clicks a moment later, as a click shows
    assert page.carer_edit.isVisibleTo(wizard)
    assert page.name_label.text() == "Their na&me:"
    type_into(qtbot, page.name_edit, "Joke Bakker")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "the carer's own name is asked too"
    type_into(qtbot, page.carer_edit, "Kees Bakker")
    wizard.next()
    assert "carer" in wizard.passphrase_page.intro.text() and "Joke Bakker" in wizard.passphrase_page.intro.text()
    wizard.back()
    code = finish(qtbot, controller, wizard, KEES_PASSPHRASE)

    session = controller.session
    assert session.person_name() == "Joke Bakker"
    assert (session.author.role, session.author.name) == (AuthorRole.CARER, "Kees Bakker")
    window = controller.main_window
    assert window.working_as.text() == "Working as: Kees Bakker (carer)" and not window.working_as.isHidden()
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage)
    html = overview.plain_text()
    assert "Goals of Joke" in html and "Medicines Joke uses now" in html and "My goals" not in html
    services = window.open_services()
    services.care_team.add(Contact(name="Dr. Hoekstra", role="specialist"))
    entered = services.care_team.page(0, 1)[0].provenance
    assert (entered.entered_by, entered.entered_by_role) == ("Kees Bakker", AuthorRole.CARER)
    controller.lock()

    # The recovery code is the owner's key: it opens the record as Joke's own.
    owner = records.unlock_with_recovery_code(tmp_path / "joke.regie", code)
    try:
        assert owner.author.role == AuthorRole.OWNER and owner.author.name == "Joke Bakker"
    finally:
        owner.lock()
    with pytest.raises(WrongSecret):
        records.unlock_with_passphrase(tmp_path / "joke.regie", PASSPHRASE)  # nobody else's passphrase opens it


def test_the_carer_and_the_person_cannot_have_the_same_name(qtbot, controller, tmp_path):
    wizard = open_wizard(qtbot, controller)
    page = wizard.person_page
    page.folder_edit.setText(str(tmp_path / "joke.regie"))
    page.for_other.setChecked(True)
    type_into(qtbot, page.name_edit, "Joke Bakker")
    type_into(qtbot, page.carer_edit, "joke  bakker")
    wizard.next()
    assert wizard.currentPage() is page and "same" in page.problem.text()
    assert not (tmp_path / "joke.regie").exists()


def test_a_record_the_carer_cannot_open_is_taken_away_again(tmp_path, create_fast, monkeypatch):
    def fails(*_args, **_kwargs):
        raise OSError("the disk is full")

    monkeypatch.setattr(for_someone.carers, "add_carer", fails)
    with pytest.raises(OSError):
        create_for_someone(create_fast, tmp_path / "joke.regie", "Joke Bakker", "Kees Bakker", KEES_PASSPHRASE)
    assert not (tmp_path / "joke.regie").exists()  # nobody saw its recovery code: nobody could ever open it


def test_a_weak_carer_passphrase_is_refused_before_anything_is_made(tmp_path, create_fast):
    from phr.core.errors import WeakPassphrase

    with pytest.raises(WeakPassphrase):
        create_for_someone(create_fast, tmp_path / "joke.regie", "Joke Bakker", "Kees Bakker", "Kees Bakker")
    assert not (tmp_path / "joke.regie").exists()


@pytest.fixture
def large_text_on_a_small_screen(qapp, monkeypatch):
    monkeypatch.setattr(start_window, "available_geometry", lambda _window: QRect(0, 0, 1024, 768))
    apply_text_size(qapp, 200)
    yield
    apply_text_size(qapp, 100)


def test_at_200_percent_the_start_window_fits_a_1024_pixel_screen(qtbot, tmp_path, large_text_on_a_small_screen,
                                                                   create_fast):
    settings = AppSettings(tmp_path / "settings.ini")
    made = create_fast(tmp_path / "joke.regie", "Joke Bakker", PASSPHRASE)
    made.session.lock()
    settings.remember_record(tmp_path / "joke.regie")
    start = start_window.StartWindow(settings, RecordActions(create=create_fast))
    qtbot.addWidget(start)
    start.show()
    QApplication.processEvents()
    assert start.minimumSizeHint().width() <= 1024 and start.width() <= 1024 and start.height() <= 768
    buttons = (start.new_button, start.open_button, start.restore_button, start.sample_button, start.settings_button,
               start.rename_button, start.forget_button)
    for button in buttons:  # each whole, inside the window: the row wrapped
        corner = button.mapTo(start, button.rect().bottomRight())
        assert button.isVisible() and corner.x() < start.width() and corner.y() < start.height(), button.text()
    assert len({button.y() for button in buttons}) > 2, "the buttons take more than one line"


def test_without_records_the_list_buttons_are_not_shown_greyed(qtbot, tmp_path, create_fast):
    start = start_window.StartWindow(AppSettings(tmp_path / "settings.ini"), RecordActions(create=create_fast))
    qtbot.addWidget(start)
    start.show()
    assert start.welcome.isVisible()
    assert start.rename_button.isHidden() and start.forget_button.isHidden()
    assert [b.text() for b in start.welcome_buttons][0] == "Make a new record…"


def test_the_carer_record_keeps_its_owner_slot_for_the_recovery_code_only(tmp_path, create_fast):
    created = create_for_someone(create_fast, tmp_path / "joke.regie", "Joke Bakker", "Kees Bakker", KEES_PASSPHRASE)
    try:
        assert created.session.author.role == AuthorRole.CARER
        kinds = sorted(slot.kind for slot in created.session.vault.ring.slots)
        assert kinds == sorted(["owner", "recovery", "carer"])
        assert created.session.vault.slot.kdf.argon2 == FAST  # the carer's slot has the record's own cost
    finally:
        created.session.lock()


def test_at_200_percent_the_wizard_fits_the_screen_and_its_rows_do_not_overlap(qtbot, tmp_path, monkeypatch,
                                                                              large_text_on_a_small_screen,
                                                                              create_fast):
    from phr.ui.security import dialog_size
    from phr.ui.start import create_record_wizard

    room = QRect(0, 0, 1024, 768)
    for module in (dialog_size, create_record_wizard):  # where the wizard learns the screen's size
        monkeypatch.setattr(module, "available_geometry", lambda _window: room)
    wizard = create_record_wizard.CreateRecordWizard(create_fast, None, tmp_path / "joke.regie")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.person_page
    page.for_other.setChecked(True)
    QApplication.processEvents()
    assert wizard.width() <= 1024 and wizard.height() <= 768
    assert wizard.width() > 620 and wizard.height() > 420  # larger words, a larger wizard
    rows = [page.for_self, page.for_other, page.name_edit, page.carer_edit, page.carer_note, page.label_edit,
            page.folder_edit]
    bottoms_and_tops = [(w.mapTo(page, w.rect().bottomLeft()).y(), w.mapTo(page, w.rect().topLeft()).y())
                        for w in rows]
    for (bottom, _), (_, top) in zip(bottoms_and_tops, bottoms_and_tops[1:]):
        assert bottom < top, "each row below the one before, none drawn over another"
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.mapTo(wizard, next_button.rect().bottomRight()).y() < wizard.height()  # in view


def test_a_carer_states_of_the_person_that_they_use_no_medicines(qtbot, tmp_path, create_fast, events):
    from phr.record.medications import MedicationService
    from phr.record.person import NONE_KNOWN, PersonService
    from phr.ui.pages.medications_page import MedicationsPage

    created = create_for_someone(create_fast, tmp_path / "joke.regie", "Joke Bakker", "Kees Bakker", KEES_PASSPHRASE)
    try:
        page = MedicationsPage(MedicationService(created.session), created.session, events)
        qtbot.addWidget(page)
        assert page.none_known_button.text() == "Joke uses &no medicines"
        assert "say that Joke uses none" in page.statement.text()
        page.none_known_button.click()
        assert PersonService(created.session).medication_statement() == NONE_KNOWN
    finally:
        created.session.lock()


def test_enter_on_the_first_choice_starts_a_new_record(qtbot, tmp_path, create_fast, monkeypatch):
    """Outside a dialog Qt's buttons answer Space only; a tired user who reaches a choice presses Enter."""
    start = start_window.StartWindow(AppSettings(tmp_path / "settings.ini"), RecordActions(create=create_fast))
    qtbot.addWidget(start)
    started = []
    monkeypatch.setattr(start, "create_record", lambda *args: started.append(True))
    start.show()
    first = start.welcome_buttons[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert started == [True]
