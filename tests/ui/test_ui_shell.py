"""The start window and the main window shell, driven like a user would (pytest-qt, offscreen)."""

import threading

import pytest
import shiboken6
from conftest import PASSPHRASE
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard

from phr.access import records
from phr.ui.app.controller import AppController
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings

NAME = "Zoë Ünal"


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "config" / "settings.ini"


@pytest.fixture
def controller(qtbot, settings_path, create_fast):
    app = AppController(AppSettings(settings_path), RecordActions(create=create_fast), quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.show()
    qtbot.waitExposed(app.start_window)
    yield app
    app.lock()


def create_through_wizard(qtbot, controller, folder, passphrase=PASSPHRASE):
    start = controller.start_window
    qtbot.mouseClick(start.new_button, Qt.MouseButton.LeftButton)
    wizard = start.wizard
    wizard.person_page.folder_edit.setText(str(folder))
    wizard.person_page.name_edit.insert(NAME)  # QTest cannot type non-ASCII keys; an input method would
    wizard.next()
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, passphrase)
    qtbot.keyClicks(page.second, passphrase)
    return wizard


def finish_wizard(qtbot, controller, wizard):
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=10000)
    code = wizard.code_page.code.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled(), "the code must be confirmed as written down first"
    wizard.code_page.confirm.setChecked(True)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.session is not None)
    return code


def unlock_through_start_window(qtbot, controller, passphrase):
    panel = controller.start_window.unlock_panel
    qtbot.keyClicks(panel.passphrase, passphrase)
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.is_busy, timeout=10000)
    return panel


def test_create_lock_and_unlock_again(qtbot, controller, tmp_path, settings_path):
    folder = tmp_path / "anna.regie"
    code = finish_wizard(qtbot, controller, create_through_wizard(qtbot, controller, folder))

    assert records.recovery_code.parse(code).formatted == code
    main = controller.main_window
    qtbot.waitExposed(main)
    assert NAME in main.name_label.text()
    assert controller.session.person_name() == NAME  # what the record holds, not only the label
    assert (folder / "record.db").exists()

    with qtbot.waitActive(main):
        main.activateWindow()
    old_session = controller.session
    qtbot.keyClick(main.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.session is None
    assert controller.main_window is None
    assert not old_session.is_open
    with pytest.raises(RuntimeError, match="locked"):  # a locked session holds nobody's name or key
        old_session.author
    qtbot.waitUntil(lambda: not shiboken6.isValid(main))  # the window and its pages are gone
    assert not (folder / "record.db-wal").exists()  # the database is closed
    assert controller.start_window.isVisible()
    assert controller.start_window.unlock_panel.passphrase.text() == ""

    unlock_through_start_window(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.session is not None)
    assert controller.session.folder == folder
    assert controller.session.person_name() == NAME

    settings_text = settings_path.read_bytes()
    assert str(folder).encode() in settings_text
    # The list's label is what the person left in the wizard (the given name); nothing else of the name is there.
    assert AppSettings(settings_path).record_label(str(folder)) == "Zoë"
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    values = repr([stored.value(key) for key in stored.allKeys() if key != "records/labels"])
    for form in ("Zoë", "Ünal"):
        assert form not in values and form.encode() not in settings_text


def test_a_wrong_passphrase_shows_a_message_and_keeps_the_window_usable(qtbot, controller, new_record):
    folder, _ = new_record
    controller.start_window.add_known_record(folder)
    panel = unlock_through_start_window(qtbot, controller, "this is not the passphrase")
    assert controller.session is None
    assert "does not open" in panel.message.text()
    assert panel.passphrase.isEnabled() and panel.unlock_button.isEnabled()

    panel.passphrase.clear()
    unlock_through_start_window(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.session is not None)
    assert controller.session.person_name() == "Zoë Ünal"


def test_a_weak_passphrase_cannot_be_chosen(qtbot, controller, tmp_path):
    wizard = create_through_wizard(qtbot, controller, tmp_path / "weak.regie", passphrase="welkom12")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.passphrase_page.strength.text() != ""
    wizard.reject()
    assert not (tmp_path / "weak.regie").exists()


def test_mismatched_passphrases_cannot_continue(qtbot, controller, tmp_path):
    wizard = create_through_wizard(qtbot, controller, tmp_path / "x.regie")
    qtbot.keyClicks(wizard.passphrase_page.second, "!")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "not the same" in wizard.passphrase_page.strength.text()
    wizard.reject()


def test_a_folder_that_is_not_empty_is_refused_before_anything_is_made(qtbot, controller, tmp_path):
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "holiday.jpg").write_bytes(b"...")
    start = controller.start_window
    qtbot.mouseClick(start.new_button, Qt.MouseButton.LeftButton)
    wizard = start.wizard
    wizard.person_page.folder_edit.setText(str(occupied))
    wizard.person_page.name_edit.insert(NAME)
    wizard.next()
    assert wizard.currentPage() is wizard.person_page
    assert "not empty" in wizard.person_page.problem.text()
    assert sorted(p.name for p in occupied.iterdir()) == ["holiday.jpg"]
    wizard.reject()


def test_the_wizard_cannot_be_closed_before_the_code_is_confirmed(qtbot, controller, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    wizard = create_through_wizard(qtbot, controller, tmp_path / "y.regie")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=10000)
    shown = []
    original = QMessageBox.information
    QMessageBox.information = staticmethod(lambda *args: shown.append(args))
    try:
        wizard.reject()
    finally:
        QMessageBox.information = original
    assert wizard.isVisible() and shown
    wizard.code_page.confirm.setChecked(True)
    wizard.accept()
    qtbot.waitUntil(lambda: controller.session is not None)


def test_remove_from_list_keeps_the_record(qtbot, controller, new_record, settings_path):
    folder, _ = new_record
    controller.start_window.add_known_record(folder)
    assert controller.start_window.record_list.count() == 1
    qtbot.mouseClick(controller.start_window.forget_button, Qt.MouseButton.LeftButton)
    assert controller.start_window.record_list.count() == 0
    assert AppSettings(settings_path).known_records() == []
    assert (folder / "record.db").exists()


class HeldUnlock:
    """An unlock that waits until the test lets it finish, to look at the window meanwhile."""

    def __init__(self):
        self.release = threading.Event()
        self.sessions = []

    def __call__(self, folder, passphrase):
        self.release.wait(10)
        session = records.unlock_with_passphrase(folder, passphrase)
        self.sessions.append(session)
        return session


@pytest.fixture
def held_controller(qtbot, settings_path, create_fast):
    held = HeldUnlock()
    app = AppController(AppSettings(settings_path), RecordActions(create=create_fast, unlock=held),
                        quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.show()
    yield app, held
    held.release.set()
    app.lock()


def test_the_record_choice_is_fixed_while_unlocking(qtbot, held_controller, new_record, tmp_path):
    controller, held = held_controller
    folder, _ = new_record
    controller.start_window.add_known_record(tmp_path / "other.regie")
    controller.start_window.add_known_record(folder)
    panel = controller.start_window.unlock_panel
    qtbot.keyClicks(panel.passphrase, PASSPHRASE)
    panel.unlock()
    start = controller.start_window
    assert not any(w.isEnabled() for w in (start.record_list, start.new_button, start.forget_button))
    held.release.set()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10000)
    assert controller.session.folder == folder


def test_closing_the_window_during_an_unlock_locks_the_record_again(qtbot, held_controller, new_record):
    from phr.ui.app.background import wait_for_background_work

    controller, held = held_controller
    folder, _ = new_record
    controller.start_window.add_known_record(folder)
    panel = controller.start_window.unlock_panel
    qtbot.keyClicks(panel.passphrase, PASSPHRASE)
    panel.unlock()
    controller.start_window.close()
    held.release.set()
    wait_for_background_work()
    qtbot.wait(50)  # let any queued result arrive
    assert controller.session is None
    assert len(held.sessions) == 1 and not held.sessions[0].is_open
    assert not (folder / "record.db-wal").exists()


def test_back_is_disabled_while_the_record_is_made(qtbot, controller, tmp_path):
    release = threading.Event()
    wizard = create_through_wizard(qtbot, controller, tmp_path / "z.regie")
    real_create = wizard._create
    wizard._create = lambda *args: (release.wait(10), real_create(*args))[1]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    release.set()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=10000)
    wizard.code_page.confirm.setChecked(True)
    wizard.accept()
    qtbot.waitUntil(lambda: controller.session is not None)


def test_explore_the_sample_record_and_find_its_passphrase_shown(qtbot, settings_path, create_fast, tmp_path):
    from conftest import FAST

    from phr.demo import sample_record as demo

    sample_folder = tmp_path / "sample.regie"
    made_in = []

    def create_sample(folder):
        made_in.append(folder)  # the start window chooses Documents/Regie; the test makes it here
        return demo.create_sample_record(sample_folder, argon2=FAST)

    actions = RecordActions(create=create_fast, create_sample=create_sample)
    app = AppController(AppSettings(settings_path), actions, quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.show()
    start = app.start_window
    start.sample_button.click()
    qtbot.waitUntil(lambda: app.session is not None, timeout=15000)
    assert app.session.person_name() == demo.SAMPLE_NAME
    assert made_in[0].name == "sample.regie" and made_in[0].parent.name == "Regie"
    app.lock()
    assert AppSettings(settings_path).sample_record() == str(sample_folder)
    assert demo.SAMPLE_PASSPHRASE in start.unlock_panel.sample_hint.text()
    unlock_through_start_window(qtbot, app, demo.SAMPLE_PASSPHRASE)
    qtbot.waitUntil(lambda: app.session is not None)
    app.lock()
    start.sample_button.click()  # a second time: no new record, the existing one is chosen
    assert app.session is None and start.record_list.count() == 1
