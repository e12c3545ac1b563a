"""Issue 17's acceptance journey: a tired patient uses Regie with the keyboard only.

From the start window's new-record wizard to the lock, every step is a key pressed on what has the keyboard
(QApplication.focusWidget()): Tab and Shift+Tab, Alt-letters, Enter, Escape, arrows, Ctrl+1 … Ctrl+0 for the
sections, Ctrl+M, Ctrl+F, Ctrl+L. No widget's method is called to act and nothing is clicked. Each step checks
what the record now holds through the session's services. Modal dialogs run their own event loop, so a step
inside one runs from a timer once it is open (test_date_journey's Steps).
"""

import io
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import PASSPHRASE
from keyboard_steps import ALT, CTRL, ENTER, ESCAPE, SHIFT, SPACE, TAB, Dialogs, Keyboard, label_of, letter_key
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget, QWizard

from phr.access import records
from phr.core.vocabulary import GoalProgress
from phr.ui.app.controller import AppController
from phr.ui.app.i18n import install_translators
from phr.ui.app.main_window import MainWindow
from phr.ui.app.navigation import Page
from phr.ui.app.record_actions import RecordActions
from phr.ui.app.settings import AppSettings
from phr.ui.export.dialog import ExportDialog
from phr.ui.export.preview import ExportPreview
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.forms.lookup_field import LookupField
from phr.ui.monitoring.quick_entry import QuickEntryDialog
from phr.ui.pages.appointments_page import AppointmentsPage
from phr.ui.pages.care_plan_page import CarePlanPage
from phr.ui.pages.diagnoses_page import DiagnosesPage

NAME = "Joke Bakker"
QUESTIONS = ("Can I keep cycling to work?", "When will I get the results of the blood test?")
ANSWER = "In two weeks, by phone."
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GOAL = "I want to walk to the shop by myself again"
CAH = "Classic congenital adrenal hyperplasia due to 21-hydroxylase deficiency"


# What is typed and said back differs per language; everything else the journey finds on the screen.
WORDS = {
    "en": {"month": "May 2019", "review": "Monday 1 March 2027", "visit": "Friday 15 January 2027 at 10:30"},
    "nl": {"month": "mei 2019", "review": "maandag 1 maart 2027", "visit": "vrijdag 15 januari 2027 om 10:30"},
}


@pytest.fixture(params=["nl", "en"])
def language(request, qapp, monkeypatch) -> Iterator[dict[str, str]]:
    """The app in Dutch or English (dates typed day first in both, as the app sets it), on a computer in
    Amsterdam; the words the journey types and expects back."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    before = QLocale()
    translators = install_translators(qapp, request.param)
    yield WORDS[request.param]
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def controller(qtbot, tmp_path, create_fast, language) -> Iterator[AppController]:
    app = AppController(AppSettings(tmp_path / "settings.ini"), RecordActions(create=create_fast),
                        quit_on_close=False)
    qtbot.addWidget(app.start_window)
    app.show()
    app.start_window.activateWindow()
    qtbot.waitUntil(app.start_window.isActiveWindow)
    yield app
    app.lock()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def keys(qtbot) -> Keyboard:
    return Keyboard(qtbot)


def make_a_record(keys: Keyboard, qtbot, controller: AppController, folder: Path) -> str:
    """The new-record wizard: whose record, the name, the folder, a passphrase, the recovery code."""
    start = controller.start_window
    keys.press(Qt.Key.Key_N, ALT)  # New record
    qtbot.waitUntil(lambda: start.wizard is not None and start.wizard.isActiveWindow())
    wizard = start.wizard
    person = wizard.person_page
    assert keys.focus() is person.for_self and person.for_self.isChecked()  # whose record: my own, at first
    keys.alt(person.name_label.text())
    keys.type(NAME)
    assert person.label_edit.text() == "Joke"  # the name in the start window's list: the given name
    keys.alt(label_of(person.folder_edit))
    assert keys.focus() is person.folder_edit and person.folder_edit.selectedText() == person.folder_edit.text()
    keys.type(str(folder))  # over the suggested folder, which the Alt-letter selected
    keys.press(ENTER)  # Next
    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    assert keys.focus() is page.first  # the keyboard is in the passphrase
    keys.type(PASSPHRASE)
    keys.press(TAB)
    if keys.focus() is not page.second:  # Show passphrase comes first: Tab on
        keys.tab_to(page.second)
    keys.type(PASSPHRASE)
    keys.press(ENTER)  # makes the record (a moment of key derivation), then shows the recovery code
    code_page = wizard.code_page
    qtbot.waitUntil(lambda: wizard.currentPage() is code_page, timeout=15000)
    code = code_page.code.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled(), "first the code is written down"
    keys.alt(code_page.confirm.text())
    qtbot.waitUntil(code_page.confirm.isChecked)  # an Alt-letter clicks a moment later, as a click shows
    assert finish.isEnabled()
    keys.press(ENTER)  # Finish
    qtbot.waitUntil(lambda: controller.session is not None)
    return code


def open_section(keys: Keyboard, window: MainWindow, number: int) -> QWidget:
    """Ctrl+<number>: the section shows and the keyboard is on its first control."""
    keys.press(Qt.Key(Qt.Key.Key_0 + number % 10), CTRL)
    page = window.pages.currentWidget()
    assert window.pages.currentIndex() == (number - 1) % 10
    assert page.isAncestorOf(keys.focus()), "the keyboard goes to the page"
    return page


def add_a_diagnosis(keys: Keyboard, qtbot, dialogs: Dialogs, window: MainWindow, words: dict[str, str]) -> None:
    page = open_section(keys, window, 3)
    assert isinstance(page, DiagnosesPage)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        lookup = dialog.findChild(LookupField, "orphanet_lookup")
        assert keys.focus() is lookup.edit  # the form opens in the look-up of Orphanet's rare diseases
        keys.type("90794")
        qtbot.waitUntil(lambda: lookup.matches.count() > 0, timeout=10000)  # the list loads in the background
        keys.press(ENTER)  # the first match: fills in the ORPHAcode, the English name and, as none is typed, the name
        keys.alt(label_of(dialog.field("diagnosed_on").widget))
        keys.type(words["month"])
        assert dialog.field("diagnosed_on").widget.echo.text() == words["month"]
        keys.press(ENTER)  # Save

    dialogs.run(EntryDialog, fill, lambda: keys.press(SPACE))  # the empty page's one button: Add a diagnosis…
    qtbot.waitUntil(lambda: keys.focus() is page.table)  # on the new entry, not in whatever came next (search)


def save_with_tab_and_enter(keys: Keyboard, dialog: EntryDialog) -> None:
    """From a text of several lines (where Enter starts a new line): Tab on to Save, and Enter."""
    keys.tab_to(dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    keys.press(ENTER)


def add_a_goal_with_an_evaluation(keys: Keyboard, dialogs: Dialogs, window: MainWindow, words: dict[str, str]
                                  ) -> None:
    page = open_section(keys, window, 4)
    assert isinstance(page, CarePlanPage) and page.evaluations is not None

    def goal(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        assert keys.focus() is dialog.field("description").widget
        keys.type(GOAL)
        keys.alt(label_of(dialog.field("review_date").widget))
        keys.type("1-3-2027")
        assert dialog.field("review_date").widget.echo.text() == words["review"]
        keys.press(ENTER)  # Save

    def evaluation(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        assert keys.focus() is dialog.field("evaluated_on").widget.edit  # today, as it is filled in
        keys.alt(label_of(dialog.field("progress").widget))
        keys.press(Qt.Key.Key_Down)  # not started -> a little
        keys.alt(label_of(dialog.field("how_it_went").widget))
        keys.type("To the corner and back, twice a week.")
        keys.press(TAB)
        assert keys.focus() is dialog.field("next_step").widget
        keys.type("Ask the physiotherapist for exercises.")
        keys.press(TAB, SHIFT)  # back, to look at what was typed
        assert keys.focus() is dialog.field("how_it_went").widget
        save_with_tab_and_enter(keys, dialog)

    dialogs.run(EntryDialog, goal, lambda: keys.press(SPACE))  # the empty page's one button: Add a goal…
    dialogs.run(EntryDialog, evaluation, lambda: keys.alt(page.evaluations.add_button.text()))


def add_a_medicine(keys: Keyboard, dialogs: Dialogs, window: MainWindow) -> None:
    open_section(keys, window, 6)

    def medicine(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        assert keys.focus() is dialog.field("name").widget
        keys.type("Hydrocortisone")
        for name, typed in (("strength", "10 mg"), ("dose", "1 tablet"), ("schedule", "3 times a day: 10-5-5 mg"),
                            ("dose_amount", "1"), ("dose_unit", "Tab"), ("times_per_day", "3"),
                            ("start_date", "1-6-2019")):
            keys.alt(label_of(dialog.field(name).widget))
            keys.type(typed)
        keys.alt(label_of(dialog.field("reason_id").widget))
        keys.press(Qt.Key.Key_Down)  # from (none) to the one diagnosis
        keys.press(ENTER)  # Save

    dialogs.run(EntryDialog, medicine, lambda: keys.press(SPACE))  # the empty page's one button


def add_an_appointment(keys: Keyboard, dialogs: Dialogs, window: MainWindow) -> str:
    """Returns what the date input said it understood."""
    open_section(keys, window, 7)
    said: list[str] = []

    def appointment(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        date_input = dialog.field("starts_at").widget
        assert keys.focus() is date_input.edit
        keys.type("15-01-2027 10:30")
        said.append(date_input.echo.text())
        keys.alt(label_of(dialog.field("location").widget))
        keys.type("UMC Utrecht")
        keys.alt(label_of(dialog.field("purpose").widget))
        keys.type("Check-up")
        keys.press(ENTER)  # Save

    dialogs.run(EntryDialog, appointment, lambda: keys.press(SPACE))  # the empty page's one button
    return said[0]


def ask_two_questions_and_answer_the_second(keys: Keyboard, dialogs: Dialogs, window: MainWindow) -> None:
    """The questions list is reached with Tab, the second question chosen with the arrows, then answered."""
    page = window.pages.currentWidget()
    assert isinstance(page, AppointmentsPage)
    questions = page.questions
    for question in QUESTIONS:
        def ask(dialog: QWidget, question: str = question) -> None:
            assert isinstance(dialog, EntryDialog)
            keys.type(question)
            keys.press(ENTER)  # a question is one sentence: Enter saves it (it started a second line before)
        dialogs.run(EntryDialog, ask, lambda: keys.alt(questions.add_button.text()))
    keys.tab_to(questions.table)
    keys.press(Qt.Key.Key_Home)
    keys.press(Qt.Key.Key_Down)
    assert questions.selected() is not None and questions.selected().text == QUESTIONS[1]

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        assert dialog.field("text").get() == QUESTIONS[1]  # the question chosen, shown above its answer
        assert keys.focus() is dialog.field("answer").widget
        keys.type(ANSWER)
        keys.press(ENTER, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves from a text of several lines

    dialogs.run(EntryDialog, answer, lambda: keys.alt(questions.answer_button.text()))


def measure_blood_pressure(keys: Keyboard, dialogs: Dialogs) -> None:
    """Ctrl+M, from anywhere: blood pressure (the first measure when there is no plan), three values, Enter."""
    def measurement(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickEntryDialog) and dialog.measure_key() == "bp"
        assert keys.focus() is dialog.values.field("value").edit
        for typed in ("128", "82"):
            keys.type(typed)
            keys.press(TAB)
        keys.type("66")
        keys.press(ENTER)  # Save

    dialogs.run(QuickEntryDialog, measurement, lambda: keys.press(Qt.Key.Key_M, CTRL))


def search_and_open(keys: Keyboard, window: MainWindow) -> None:
    """Ctrl+F, the words, Enter: the results have the keyboard; Enter on a result opens it on its page."""
    keys.press(Qt.Key.Key_F, CTRL)
    assert keys.focus() is window.search_box
    keys.type("hydrocortisone")
    keys.press(ENTER)
    results = window.search_page
    assert window.pages.currentWidget() is results and keys.focus() is results.table
    hits = [results.model.item(row) for row in range(results.model.rowCount())]
    assert [(hit.section, hit.title) for hit in hits if hit is not None] == [("medications", "Hydrocortisone")]
    keys.press(ENTER)


def export_with_preview(keys: Keyboard, dialogs: Dialogs, window: MainWindow) -> bytes:
    """Record menu (Alt+R), Export… (E), Preview (Alt+P), then Escape twice. Returns the PDF previewed."""
    shown: list[bytes] = []

    def look_and_close(preview: QWidget) -> None:
        assert isinstance(preview, ExportPreview)
        shown.append(preview.data)
        keys.press(ESCAPE)  # closes the preview
        keys.press(ESCAPE)  # and the export dialog: nothing saved

    def export(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog) and dialog.kind() == "overview"
        assert keys.focus() is dialog.format  # the keyboard starts at what to export
        dialogs.inside(ExportPreview, look_and_close)
        keys.alt(dialog.preview_button.text())  # made in the background, then shown from memory

    def open_export() -> None:
        keys.alt(window.menus()[0].title())
        assert keys.focus() is window.menus()[0]  # the menu has the keyboard
        keys.press(letter_key(window.export_action.text()))  # Export…, by its letter (no Alt in a menu)

    dialogs.run(ExportDialog, export, open_export)
    assert len(shown) == 1
    return shown[0]


def lock_and_open_again(keys: Keyboard, qtbot, controller: AppController) -> None:
    """Ctrl+L: the record locks and the start window asks for the passphrase again; typing it opens the record."""
    keys.press(Qt.Key.Key_L, CTRL)
    assert controller.session is None and controller.main_window is None
    start = controller.start_window
    assert start.isVisible() and keys.focus() is start.unlock_panel.passphrase
    keys.type(PASSPHRASE)
    keys.press(ENTER)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=15000)


# The offscreen platform cannot raise a window nor let a popup (the Record menu) grab the keyboard; a screen can.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_a_record_made_and_kept_with_the_keyboard_only(controller, keys, qtbot, tmp_path, language):
    folder = tmp_path / "joke.regie"
    code = make_a_record(keys, qtbot, controller, folder)
    assert controller.session is not None and controller.session.person_name() == NAME
    assert controller.session.folder == folder and records.recovery_code.parse(code).formatted == code
    assert AppSettings(tmp_path / "settings.ini").record_label(str(folder)) == "Joke"
    window = controller.main_window
    assert window is not None
    qtbot.waitUntil(window.isActiveWindow)
    services = window.open_services()
    dialogs = Dialogs(qtbot)
    add_a_diagnosis(keys, qtbot, dialogs, window, language)
    [diagnosis] = services.diagnoses.page(0, 10)
    assert (diagnosis.name, diagnosis.name_en, diagnosis.orpha_code) == (CAH, CAH, 90794)
    assert (diagnosis.status, diagnosis.diagnosed_on) == ("confirmed", "2019-05")

    add_a_goal_with_an_evaluation(keys, dialogs, window, language)
    [goal] = services.care_plan.page(0, 10)
    assert (goal.description, goal.review_date, goal.status) == (GOAL, "2027-03-01", "active")
    [evaluation] = services.care_plan.evaluations(goal.id)
    assert (evaluation.progress, evaluation.how_it_went, evaluation.next_step) == (
        GoalProgress.A_LITTLE, "To the corner and back, twice a week.", "Ask the physiotherapist for exercises.")

    add_a_medicine(keys, dialogs, window)
    [medicine] = services.medications.page(0, 10)
    assert (medicine.name, medicine.strength, medicine.dose, medicine.schedule) == (
        "Hydrocortisone", "10 mg", "1 tablet", "3 times a day: 10-5-5 mg")
    assert (medicine.dose_amount, medicine.dose_unit, medicine.times_per_day) == (1.0, "tablet", 3)
    assert (medicine.reason_id, medicine.start_date) == (diagnosis.id, "2019-06-01")

    echo = add_an_appointment(keys, dialogs, window)
    assert echo == language["visit"]  # what the date input understood, before saving
    [visit] = services.appointments.page(0, 10)
    assert (visit.starts_at, visit.location, visit.purpose) == ("2027-01-15T10:30", "UMC Utrecht", "Check-up")
    moment = datetime.fromisoformat(visit.starts_at).replace(tzinfo=AMSTERDAM)  # wall-clock time in Amsterdam
    assert moment.astimezone(timezone.utc) == datetime(2027, 1, 15, 9, 30, tzinfo=timezone.utc)

    ask_two_questions_and_answer_the_second(keys, dialogs, window)
    first, second = services.appointments.questions(visit.id)
    assert (first.text, first.answered, first.answer) == (QUESTIONS[0], False, "")
    assert (second.text, second.answered, second.answer) == (QUESTIONS[1], True, ANSWER)

    before = datetime.now(timezone.utc)
    measure_blood_pressure(keys, dialogs)
    reading = services.readings.latest("bp")
    assert reading is not None and (reading.value, reading.value2, reading.value3) == (128, 82, 66)
    assert before - timedelta(minutes=1) <= reading.taken_at <= datetime.now(timezone.utc)  # now, as offered
    assert services.readings.count() == 1

    search_and_open(keys, window)
    assert window.pages.currentWidget() is window.page(Page.MEDICATIONS)
    assert window.page(Page.MEDICATIONS).selected() == medicine  # the hit opened on its own page

    preview = export_with_preview(keys, dialogs, window)
    assert preview.startswith(b"%PDF") and NAME in pdf_text(preview) and "Hydrocortisone" in pdf_text(preview)

    lock_and_open_again(keys, qtbot, controller)
    again = controller.main_window.open_services()  # a new session: everything above is in the record on disk
    assert [d.name for d in again.diagnoses.page(0, 10)] == [CAH]
    assert [g.description for g in again.care_plan.page(0, 10)] == [GOAL]
    assert [q.answer for q in again.appointments.questions(visit.id)] == ["", ANSWER]
    assert again.medications.count() == again.readings.count() == again.care_plan.evaluation_count() == 1
