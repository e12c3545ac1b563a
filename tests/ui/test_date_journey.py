"""A tired patient plans a visit with the keyboard only, in the Dutch app: the appointment's date is typed as
people write it and said back in words before saving; what cannot be read is refused and nothing is saved;
Escape after typing asks before throwing anything away.

Modal dialogs run their own event loop, so each step inside one runs from a timer once it is open (`inside`).
"""

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from phr.record.appointments import AppointmentService
from phr.ui.app.i18n import install_translators
from phr.ui.forms.entry_dialog import EntryDialog
from phr.ui.pages.appointments_page import AppointmentsPage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ENTER, ESCAPE, TAB = Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab


@pytest.fixture
def dutch(qapp, monkeypatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    installed = install_translators(qapp, "nl")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.c())
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def page(qtbot, session, events, dutch) -> AppointmentsPage:
    widget = AppointmentsPage(AppointmentService(session), session, events)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.show_filter("all")
    return widget


class Steps:
    """Steps run inside a modal dialog's own loop; a failing step closes the dialogs so the test ends."""

    def __init__(self) -> None:
        self.failure: BaseException | None = None

    def inside(self, kind: type[QWidget], step: Callable[[QWidget], None], seconds: float = 5) -> None:
        deadline = time.monotonic() + seconds

        def run() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, kind) or not modal.isActiveWindow():
                if time.monotonic() < deadline:
                    QTimer.singleShot(10, run)
                else:
                    self.failure = self.failure or AssertionError(f"no {kind.__name__} opened")
                return
            try:
                step(modal)
            except BaseException as failure:  # noqa: BLE001 - reported after the loop ends
                self.failure = self.failure or failure
                while isinstance(QApplication.activeModalWidget(), QDialog):
                    QDialog.done(QApplication.activeModalWidget(), 0)
        QTimer.singleShot(0, run)

    def check(self) -> None:
        if self.failure is not None:
            raise self.failure


def keyboard(qtbot) -> QWidget:
    """What has the keyboard. When a message box closes, the desktop gives the window under it the keyboard
    again; the offscreen test platform has no window manager to do it, so the test does."""
    if QApplication.focusWidget() is None and QApplication.activeModalWidget() is not None:
        QApplication.activeModalWidget().activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return QApplication.focusWidget()


def typing(qtbot, text: str) -> None:
    """Keys to whatever has the keyboard, as a person types."""
    qtbot.keyClicks(keyboard(qtbot), text)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(keyboard(qtbot), key, modifier)


def mnemonic(text: str) -> Qt.Key:
    letter = text[text.index("&") + 1].upper()
    return Qt.Key(ord(letter))


def test_an_appointment_typed_with_the_keyboard(page, qtbot):
    steps = Steps()
    seen: dict[str, str] = {}

    def appointment(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        field = dialog.field("starts_at").widget
        assert QApplication.focusWidget() is field.edit  # the first field has the keyboard
        typing(qtbot, "15-01-2027 10:30")
        seen["echo"] = field.echo.text()
        press(qtbot, TAB)
        press(qtbot, TAB)
        typing(qtbot, "UMC Utrecht")
        press(qtbot, ENTER)

    steps.inside(EntryDialog, appointment)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    steps.check()
    assert seen["echo"] == "vrijdag 15 januari 2027 om 10:30"
    [saved] = page.service.all()
    assert (saved.starts_at, saved.location) == ("2027-01-15T10:30", "UMC Utrecht")
    # The record keeps the wall-clock time of the visit; in Amsterdam that is 09:30 UTC in winter.
    moment = datetime.fromisoformat(saved.starts_at).replace(tzinfo=AMSTERDAM)
    assert moment.astimezone(timezone.utc) == datetime(2027, 1, 15, 9, 30, tzinfo=timezone.utc)
    assert "vrijdag 15 januari 2027 om 10:30" in page.details.toPlainText()

    for count, question in enumerate(("Mag ik blijven sporten?", "Wanneer krijg ik de uitslag?"), start=1):
        def ask(dialog: QWidget, question: str = question) -> None:
            typing(qtbot, question)
            press(qtbot, TAB)  # to Save
            press(qtbot, ENTER)

        steps.inside(EntryDialog, ask)
        page.activateWindow()  # as the desktop does when a dialog closes
        qtbot.waitUntil(page.isActiveWindow)
        press(qtbot, mnemonic(page.questions.add_button.text()), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda count=count: len(page.service.questions(saved.id)) == count or bool(steps.failure))
        steps.check()
    assert [q.text for q in page.service.questions(saved.id)] == ["Mag ik blijven sporten?",
                                                                  "Wanneer krijg ik de uitslag?"]


def test_a_date_that_cannot_be_read_is_refused_and_nothing_is_saved(page, qtbot):
    steps = Steps()
    seen: dict[str, object] = {}

    def nonsense(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        field = dialog.field("starts_at").widget
        typing(qtbot, "vijftien januari om half elf")
        press(qtbot, ENTER)  # Save
        seen["open"] = dialog.isVisible()
        seen["refusal"] = dialog._error_labels["starts_at"].text()
        seen["refusal in the field"] = field.refusal()
        seen["keyboard back in the date"] = QApplication.focusWidget() is field.edit
        seen["saved"] = page.service.all()
        dialog.done(0)  # leave without the question: it is tested below

    steps.inside(EntryDialog, nonsense)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    steps.check()
    assert seen["open"] and seen["keyboard back in the date"] and seen["saved"] == []
    assert seen["refusal"] == seen["refusal in the field"]
    assert seen["refusal"] == "Regie kan deze datum niet lezen. Typ hem zo: 15-1-2027 10:30."
    assert page.service.all() == []


def test_escape_after_typing_asks_and_keep_editing_keeps_the_text(page, qtbot):
    steps = Steps()
    seen: dict[str, object] = {}

    def question(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.setdefault("questions", []).append(box.text())
        seen.setdefault("defaults", []).append(box.defaultButton().text())
        press(qtbot, ENTER)  # the default: keep editing

    def leave_on_second_thoughts(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.setdefault("questions", []).append(box.text())
        discard = next(b for b in box.buttons() if b is not box.defaultButton())
        qtbot.keyClick(box, mnemonic(discard.text()), Qt.KeyboardModifier.AltModifier)

    def appointment(dialog: QWidget) -> None:
        assert isinstance(dialog, EntryDialog)
        typing(qtbot, "morgen 9u")
        steps.inside(QMessageBox, question)
        press(qtbot, ESCAPE)
        seen["kept"] = dialog.isVisible() and dialog.field("starts_at").widget.text() == "morgen 9u"
        steps.inside(QMessageBox, leave_on_second_thoughts)
        press(qtbot, ESCAPE)
        seen["closed"] = not dialog.isVisible()

    steps.inside(EntryDialog, appointment)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    steps.check()
    assert seen["questions"] == ["Wat u typte weggooien?"] * 2
    assert seen["defaults"] == ["&Verder typen"]
    assert seen["kept"] and seen["closed"] and page.service.all() == []


def test_escape_without_typing_closes_without_a_question(page, qtbot):
    steps = Steps()
    seen: dict[str, object] = {}

    def appointment(dialog: QWidget) -> None:
        typing(qtbot, "x")
        press(qtbot, Qt.Key.Key_Backspace)  # typed and taken back: nothing changed
        press(qtbot, ESCAPE)
        seen["closed"] = not dialog.isVisible()
        seen["asked"] = isinstance(QApplication.activeModalWidget(), QMessageBox)

    steps.inside(EntryDialog, appointment)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    steps.check()
    assert seen == {"closed": True, "asked": False}
