"""Open the dialogs of the app as a user would, read each one, and close it without saving.

A dialog run with exec() (Qt's own message boxes and file dialogs too) blocks the caller, so a timer
looks for the active modal window while the trigger runs; windows shown without exec are found
among the new top-level windows afterwards. What a dialog opens in turn is read the same way, one
level deep, from the dialog's own buttons (never its OK or Cancel).
"""

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
    QWizard,
)
from shiboken6 import isValid

Reader = Callable[[QWidget], None]
MOST = 12  # windows one trigger may open (a dialog that keeps reopening itself ends the walk)
PATIENCE = 100  # timer ticks a dialog gets to close before it is hidden by force


def close_without_saving(window: QWidget) -> None:
    if isinstance(window, QMessageBox):
        button = window.escapeButton() or window.buttons()[-1]
        button.click()
    elif isinstance(window, QDialog):
        window.reject()
    else:
        window.close()


def force_closed(window: QWidget) -> None:
    """A dialog that refuses to close (one busy writing a file) still ends its exec, so the walk goes on."""
    if isinstance(window, QDialog):
        QDialog.done(window, 0)
    window.hide()


def read_what_opens(trigger: Callable[[], object], read: Reader) -> list[QWidget]:
    """Run `trigger`; read every window it opens, then close it. Returns the windows, in order."""
    before = set(QApplication.topLevelWidgets())
    opened: list[QWidget] = []
    waited: dict[int, int] = {}
    timer = QTimer()
    timer.setInterval(10)

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or len(opened) >= MOST:
            return
        if modal in before:  # read already: give it time to close, then close it by force
            waited[id(modal)] = waited.get(id(modal), 0) + 1
            patience = PATIENCE * (10 if isinstance(modal, QProgressDialog) else 1)
            if opened and modal is opened[-1] and waited[id(modal)] > patience:
                force_closed(modal)
            return
        timer.stop()  # while it is read, a dialog it opens is the inner walk's to read
        before.add(modal)
        opened.append(modal)
        read(modal)
        if isinstance(modal, QProgressDialog):  # the work goes on: what it opens when done is read next
            timer.start()
            return
        if isValid(modal) and modal.isVisible():  # a question on closing ("discard what you typed?") is read too
            read_what_opens(lambda: close_without_saving(modal), read)
        if isValid(modal) and modal.isVisible():
            force_closed(modal)
        timer.start()

    timer.timeout.connect(look)
    timer.start()
    try:
        trigger()
    finally:
        timer.stop()
    for window in QApplication.topLevelWidgets():
        if window not in before and window.isVisible():
            opened.append(window)
            read(window)
            close_without_saving(window)
    return opened


def select_first_rows(widget: QWidget) -> None:
    """Select the first row of every table, so that Change… and Delete are enabled."""
    for table in widget.findChildren(QTableView):
        model = table.model()
        if model is not None and model.rowCount() > 0 and not table.selectionModel().hasSelection():
            table.selectRow(0)


def pressable(button: QAbstractButton, window: QWidget) -> bool:
    """Enabled and shown; in a button box only an action of its own (Preview…, Save…), never OK or Cancel."""
    box = button.parent() if isValid(button) else None
    own_action = not isinstance(box, QDialogButtonBox) or \
        box.buttonRole(button) == QDialogButtonBox.ButtonRole.ActionRole
    return (isValid(button) and isinstance(button, (QPushButton, QToolButton)) and button.isEnabled()
            and button.isVisibleTo(window) and own_action)


def press_every_button(widget: QWidget, read: Reader, skip: Callable[[QAbstractButton], bool] = lambda _b: False
                       ) -> list[str]:
    """Press each button of `widget` once (not OK or Cancel, nor those `skip` names), reading what it opens."""
    select_first_rows(widget)
    window = widget.window()
    pressed = []
    for button in widget.findChildren(QAbstractButton):
        if pressable(button, window) and not skip(button):
            pressed.append(button.text() or button.toolTip())
            read_what_opens(button.click, read)
            if isValid(widget):
                select_first_rows(widget)
    return pressed


def opens_more(window: QWidget) -> bool:
    """A dialog whose buttons open more dialogs worth reading (not a form, a question or Qt's own)."""
    from phr.ui.forms.entry_dialog import EntryDialog

    return isinstance(window, QDialog) and not isinstance(window, (EntryDialog, QMessageBox, QFileDialog, QWizard))
