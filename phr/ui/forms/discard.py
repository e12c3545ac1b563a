"""The one question before what was typed is thrown away: Escape, Cancel or the window's close button after
typing ask 'Discard what you typed?', and Enter or Escape there keeps editing."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


class DraftDialog(QDialog):
    """A dialog that holds a draft: leaving it without saving asks first once something was typed.

    A close by the program itself (not by the person: the close event is not spontaneous) does not ask."""

    _closing_quietly = False

    def typed_something(self) -> bool:
        raise NotImplementedError

    def reject(self) -> None:
        """Escape, Cancel and the close button (QDialog's closeEvent calls this) come here."""
        asking = self.isVisible() and not self._closing_quietly  # a person can only leave what they see
        if asking and self.typed_something() and not confirm_discard(self):
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing_quietly = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._closing_quietly = False


def confirm_discard(parent: QWidget) -> bool:
    """'Discard what you typed?'; Enter and Escape keep editing, only the Discard button throws it away."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(),
                      translate("EntryDialog", "Discard what you typed?"), parent=parent)
    box.setInformativeText(translate("EntryDialog", "It has not been saved yet."))
    keep = box.addButton(translate("EntryDialog", "&Keep editing"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(translate("EntryDialog", "&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
