"""Keys as a person presses them, for journeys driven by the keyboard only (test_keyboard_journeys).

`Keyboard` sends each key to what has the keyboard (QApplication.focusWidget(), or an open menu); `Dialogs`
runs a step inside a modal dialog, which runs its own event loop (test_date_journey's Steps), and fails the
journey when a dialog a step meant to close stays open, instead of hanging it.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from shiboken6 import isValid
from test_date_journey import Steps

ALT, CTRL, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
ENTER, ESCAPE, TAB, SPACE = Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Space


def letter_key(text: str) -> Qt.Key:
    """The key of the letter a text marks with '&' ('&Add…' -> A)."""
    letter = text.replace("&&", "")
    return Qt.Key(ord(letter[letter.index("&") + 1].upper()))


class Keyboard:
    """Keys to whatever has the keyboard, as a person presses them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def focus(self) -> QWidget:
        """What has the keyboard now: an open menu, else the focus widget. When a dialog closes, the desktop
        gives the window under it the keyboard again; the offscreen platform has no window manager to do so,
        so this does."""
        if QApplication.activePopupWidget() is not None:
            return QApplication.activePopupWidget()
        if QApplication.focusWidget() is None:
            window = QApplication.activeModalWidget() or QApplication.activeWindow()
            if window is None:
                window = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()
                              and type(w).__name__ in ("MainWindow", "StartWindow"))
            window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
        focus = QApplication.focusWidget()
        assert focus is not None
        return focus

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def alt(self, text_with_letter: str) -> None:
        """Alt and the letter a text marks with '&' ('&Add…' -> Alt+A)."""
        self.press(letter_key(text_with_letter), ALT)

    def tab_to(self, wanted: QWidget, most: int = 40) -> int:
        """Tab until `wanted` has the keyboard; returns how many Tabs it took."""
        for presses in range(most):
            if self.focus() is wanted:
                return presses
            self.press(TAB)
        raise AssertionError(f"Tab never reached {wanted!r}; it stopped at {self.focus()!r}")


class Dialogs:
    """Steps inside modal dialogs (test_date_journey's Steps). `run` presses the keys that open one and waits
    until the step ran and the dialog closed; a dialog still open a few seconds after its step fails the
    journey instead of hanging it."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.steps = Steps()

    def inside(self, kind: type[QWidget], step: Callable[[QWidget], None]) -> list[QWidget]:
        """Run `step` in the next `kind` to open; returns a list that holds the dialog once the step ran."""
        ran: list[QWidget] = []

        def guarded(dialog: QWidget) -> None:
            step(dialog)
            ran.append(dialog)
            QTimer.singleShot(15000, lambda: self._still_open(dialog, step.__name__))
        self.steps.inside(kind, guarded)
        return ran

    def run(self, kind: type[QWidget], step: Callable[[QWidget], None], open_it: Callable[[], None]) -> None:
        ran = self.inside(kind, step)
        open_it()
        self.qtbot.waitUntil(lambda: self.steps.failure is not None or (
            bool(ran) and not (isValid(ran[0]) and ran[0].isVisible())), timeout=20000)
        self.steps.check()

    def _still_open(self, dialog: QWidget, step: str) -> None:
        if isValid(dialog) and dialog.isVisible():
            self.steps.failure = self.steps.failure or AssertionError(f"{step}: the dialog stayed open")
            while isinstance(QApplication.activeModalWidget(), QDialog):
                QDialog.done(QApplication.activeModalWidget(), 0)


def label_of(field: QWidget) -> str:
    """The text of the label whose Alt-letter puts the keyboard in `field`."""
    window = field.window()
    return next(label.text() for label in window.findChildren(QLabel) if label.buddy() is field)


